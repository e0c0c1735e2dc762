"""The check ``gcmkg build`` runs before writing: the assembled dataset against the shipped shapes."""

from __future__ import annotations

from collections.abc import Callable

from rdflib import Graph

from gcmkg.graph.core.errors import ValidationFailed
from gcmkg.graph.validation.engine import ValidationReport, validate_graph
from gcmkg.graph.validation.render import to_text, warnings_summary
from gcmkg.graph.validation.shapes import shipped_shapes

Say = Callable[[str], None]


def check_dataset(data: Graph, progress: Say, warn: Say, hint: str) -> ValidationReport:
    """Validate ``data`` (the union of the build's graphs) against the shipped shapes.

    Violations raise ValidationFailed carrying the grouped report; warnings and infos are passed to
    ``warn`` as a short summary ending with ``hint``, and the build goes on.
    """
    shapes = shipped_shapes()
    files = len(shapes.files)
    count = shapes.node_shapes
    progress(f"validating against {count} shape{'' if count == 1 else 's'} ({files} file{'' if files == 1 else 's'})")
    report = validate_graph(data, shapes)
    if not report.conforms:
        raise ValidationFailed(
            f"the dataset does not conform to the shipped shapes ({report.violations} "
            f"violation{'' if report.violations == 1 else 's'}); nothing written\n\n{to_text(report).rstrip()}"
        )
    if report.warnings or report.infos:
        warn(warnings_summary(report, hint))
    return report

"""The check ``gcmkg build`` runs before writing (graph/build/checked.py validates the build piece by piece):
what it says when it starts, and its verdict on the report: violations stop the build, warnings are summarised."""

from __future__ import annotations

from collections.abc import Callable

from gcmkg.graph.core.errors import ValidationFailed
from gcmkg.graph.validation.engine import ValidationReport
from gcmkg.graph.validation.render import to_text, warnings_summary
from gcmkg.graph.validation.shapes import Shapes

Say = Callable[[str], None]


def announce(shapes: Shapes, progress: Say) -> None:
    """The progress line of the check: how many shapes, from how many files."""
    files, count = len(shapes.files), shapes.node_shapes
    progress(f"validating against {count} shape{'' if count == 1 else 's'} ({files} file{'' if files == 1 else 's'})")


def judge(report: ValidationReport, warn: Say, hint: str) -> ValidationReport:
    """``report`` if the build may be written: ValidationFailed carrying the grouped report on a violation;
    warnings and infos passed to ``warn`` as a short summary ending with ``hint``."""
    if not report.conforms:
        raise ValidationFailed(
            f"the dataset does not conform to the shipped shapes ({report.violations} "
            f"violation{'' if report.violations == 1 else 's'}); nothing written\n\n{to_text(report).rstrip()}"
        )
    if report.warnings or report.infos:
        warn(warnings_summary(report, hint))
    return report

"""A ValidationReport for people (grouped text), for machines (JSON) and as SHACL (Turtle); same input, same bytes."""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import groupby
from operator import attrgetter

from rdflib import Graph, URIRef

from gcmkg.graph.rdfio.canonical import canonical_triples, has_blank_nodes
from gcmkg.graph.validation.engine import ValidationReport
from gcmkg.graph.validation.naming import compact, term_ntriples, term_text
from gcmkg.graph.validation.results import Severity, ValidationResult

FORMATS = ("table", "turtle", "json")
NODES_PER_GROUP = 10
_HEADINGS = {Severity.VIOLATION: "Violations", Severity.WARNING: "Warnings", Severity.INFO: "Infos"}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _groups(results: Sequence[ValidationResult]) -> list[tuple[tuple[Severity, str, str], list[ValidationResult]]]:
    """Results grouped by severity, shape and message, in report order (the results are sorted)."""
    key = attrgetter("severity", "shape", "group_message")
    return [(group, list(members)) for group, members in groupby(results, key=key)]


def node_text(report: ValidationReport, result: ValidationResult) -> str:
    """'2020 review, session 4 (review:2020/session/4) in "Report of the 2020 review", passage 3; value "x"': the
    document by its title (by its identifier if it has none: 'in document 2020-report')."""
    info = report.nodes.get(result.focus)
    iri = term_text(result.focus)  # data nodes: the project's prefixes only
    text = f"{info.label} ({iri})" if info and info.label else iri
    if info and info.document:
        document = f'"{info.title}"' if info.title else f"document {info.document}"
        text += f" in {document}" + (f", passage {info.passage}" if info.passage is not None else "")
    if result.path and f"property {result.path}" not in result.shape:
        text += f"; path {result.path}"
    if result.value is not None:
        text += f"; value {term_text(result.value)}"
    return text


def summary_line(report: ValidationReport) -> str:
    """'2 violations, 1 warning; conforms: no' (infos only when there are some)."""
    counts = [_plural(report.violations, "violation"), _plural(report.warnings, "warning")]
    if report.infos:
        counts.append(_plural(report.infos, "info"))
    return f"{', '.join(counts)}; conforms: {'yes' if report.conforms else 'no'}"


def to_text(report: ValidationReport, limit: int = NODES_PER_GROUP) -> str:
    """Results grouped by severity (violations first), then shape and message, with at most ``limit`` nodes each."""
    lines: list[str] = []
    for severity, groups in groupby(_groups(report.results), key=lambda item: item[0][0]):
        lines.append(_HEADINGS[severity])
        for (_, shape, message), members in groups:
            components = sorted({compact(str(r.component), report.prefixes) for r in members})
            lines.append(f"  {shape}: {_plural(len(members), 'result')}")
            lines.append(f"    {message or '(the shape has no sh:message)'} ({', '.join(components)})")
            lines.extend(f"    - {node_text(report, r)}" for r in members[:limit])
            if len(members) > limit:
                lines.append(f"    … and {len(members) - limit} more")
        lines.append("")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def warnings_summary(report: ValidationReport, hint: str) -> str:
    """One line per group of warnings (and infos), with counts and no nodes: what ``gcmkg build`` prints."""
    counts = _plural(report.warnings, "shape warning") + (f", {_plural(report.infos, 'info')}" if report.infos else "")
    lines = [f"warning: {counts} (the warnings are counted in the build report)"]
    for (severity, shape, message), members in _groups(report.results):
        if severity is not Severity.VIOLATION:
            lines.append(f"  {len(members)} × {severity.value.lower()} {shape}: {message or '(no sh:message)'}")
    lines.append(f"  {hint}")
    return "\n".join(lines)


def _json_result(result: ValidationResult, report: ValidationReport) -> dict[str, object]:
    info = report.nodes.get(result.focus)
    return {
        "severity": result.severity.value,
        "shape": result.shape,
        "source_shape": str(result.source_shape) if isinstance(result.source_shape, URIRef) else None,
        "component": str(result.component),
        "message": result.message,
        "focus": term_ntriples(result.focus),
        "focus_label": info.label if info else None,
        "document": info.document if info else None,
        "document_title": info.title if info else None,
        "passage": info.passage if info else None,
        "path": result.full_path,
        "value": None if result.value is None else term_ntriples(result.value),
    }


def to_json(report: ValidationReport) -> str:
    """conforms, counts and every result (with label, document and passage), keys sorted, results in report order."""
    document = {
        "conforms": report.conforms,
        "counts": {"violations": report.violations, "warnings": report.warnings, "infos": report.infos},
        "results": [_json_result(result, report) for result in report.results],
    }
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def to_turtle(report: ValidationReport) -> str:
    """pySHACL's validation report graph as Turtle: blank nodes named from their content, project prefixes."""
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in sorted(report.prefixes.items()):
        graph.bind(prefix, namespace, override=True, replace=True)
    for triple in canonical_triples(report.graph) if has_blank_nodes(report.graph) else report.graph:
        graph.add(triple)
    return graph.serialize(format="turtle")


def render(report: ValidationReport, output_format: str) -> str:
    """``report`` in one of FORMATS."""
    if output_format == "json":
        return to_json(report)
    if output_format == "turtle":
        return to_turtle(report)
    return to_text(report)

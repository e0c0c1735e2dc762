"""The typed records of a validation: one ValidationResult per sh:result of pySHACL's results graph."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from rdflib import Graph, Literal
from rdflib.namespace import SH
from rdflib.term import Node

from gcmkg.graph.validation.naming import REPORT_PREFIXES, Prefixes, path_text, shape_name, term_text


class Severity(Enum):
    """SHACL severities, in report order: violations first."""

    VIOLATION = "Violation"
    WARNING = "Warning"
    INFO = "Info"

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


_SEVERITIES = {SH.Violation: Severity.VIOLATION, SH.Warning: Severity.WARNING, SH.Info: Severity.INFO}


@dataclass(frozen=True)
class ValidationResult:
    """One SHACL result: which node broke which constraint of which shape, and how."""

    severity: Severity
    focus: Node
    path: str | None  # SPARQL property-path syntax, compacted; None for node constraints
    full_path: str | None  # the same with full IRIs, for machines
    value: Node | None
    message: str
    group_message: str  # the message if the shape declares one, else '' (pySHACL's own name the focus node)
    shape: str  # the source shape as a person knows it (see naming.shape_name)
    source_shape: Node
    component: Node  # the constraint component, e.g. sh:MinCountConstraintComponent

    def sort_key(self) -> tuple[int, str, str, str, str, str, str]:
        """Severity, then shape and declared message (the report's groups), then focus node, path, value, component."""
        value = "" if self.value is None else term_text(self.value)
        return (
            self.severity.rank,
            self.shape,
            self.group_message,
            term_text(self.focus),
            self.path or "",
            value,
            str(self.component),
            self.message,
        )


def _message(report: Graph, result: Node) -> str:
    """The English message if there is one, else one without a language, else the first; '' if none."""
    messages = sorted((m for m in report.objects(result, SH.resultMessage) if isinstance(m, Literal)), key=str)
    for wanted in ("en", None):
        for message in messages:
            if message.language == wanted:
                return str(message)
    return str(messages[0]) if messages else ""


def _declares_message(shapes: Graph, shape: Node) -> bool:
    """Whether the shape, or one of its SPARQL constraints, has an sh:message of its own."""
    holders = [shape, *shapes.objects(shape, SH.sparql)]
    return any(shapes.value(holder, SH.message) is not None for holder in holders)


def parse_results(report: Graph, shapes: Graph, prefixes: Prefixes = REPORT_PREFIXES) -> list[ValidationResult]:
    """Every sh:result of pySHACL's results graph as a record, sorted (see ValidationResult.sort_key).

    ``shapes`` is the shapes graph validated with: it names blank property shapes by their parent shape.
    """
    records = []
    for result in report.subjects(SH.focusNode, None):
        path = report.value(result, SH.resultPath)
        source = report.value(result, SH.sourceShape)
        message = _message(report, result)
        records.append(
            ValidationResult(
                severity=_SEVERITIES.get(report.value(result, SH.resultSeverity), Severity.VIOLATION),
                focus=report.value(result, SH.focusNode),
                path=None if path is None else path_text(report, path, lambda iri: term_text(iri, prefixes)),
                full_path=None if path is None else path_text(report, path, lambda iri: iri.n3()),
                value=report.value(result, SH.value),
                message=message,
                group_message=message if _declares_message(shapes, source) else "",
                shape=shape_name(shapes, source, prefixes),
                source_shape=source,
                component=report.value(result, SH.sourceConstraintComponent),
            )
        )
    return sorted(records, key=ValidationResult.sort_key)

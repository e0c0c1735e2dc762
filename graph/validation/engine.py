"""Run pySHACL on a data graph with a shapes graph, and collect the results as a ValidationReport."""

from __future__ import annotations

from dataclasses import dataclass, field

from pyshacl import validate
from rdflib import Graph
from rdflib.term import Node

from gcmkg.graph.core.errors import DataError
from gcmkg.graph.validation.describe import NodeInfo, describe_all
from gcmkg.graph.validation.naming import REPORT_PREFIXES
from gcmkg.graph.validation.results import Severity, ValidationResult, parse_results
from gcmkg.graph.validation.shapes import Shapes


@dataclass(frozen=True)
class ValidationReport:
    """pySHACL's results graph, its results as sorted records, and what each focus node is."""

    results: tuple[ValidationResult, ...]
    graph: Graph
    nodes: dict[Node, NodeInfo] = field(default_factory=dict)
    prefixes: dict[str, str] = field(default_factory=lambda: dict(REPORT_PREFIXES))

    def count(self, severity: Severity) -> int:
        return sum(1 for result in self.results if result.severity is severity)

    @property
    def violations(self) -> int:
        return self.count(Severity.VIOLATION)

    @property
    def warnings(self) -> int:
        return self.count(Severity.WARNING)

    @property
    def infos(self) -> int:
        return self.count(Severity.INFO)

    @property
    def conforms(self) -> bool:
        """No violations (warnings and infos are allowed)."""
        return self.violations == 0


def run_shacl(data: Graph, shapes: Shapes, allow_sparql: bool = False) -> Graph:
    """pySHACL's results graph for ``data``: no inference, never JavaScript; SHACL-AF only with ``allow_sparql``.

    pySHACL never follows owl:imports here: the shapes' imports, when allowed, were fetched and checked when
    they were read (shapes.user_shapes). ``data`` is not changed (pySHACL copies it when it would).
    """
    try:
        _, report, _ = validate(
            data,
            shacl_graph=shapes.graph,
            inference="none",
            js=False,
            advanced=allow_sparql,
            do_owl_imports=False,
            allow_warnings=True,
            allow_infos=True,
            meta_shacl=False,
        )
    except Exception as exc:  # pySHACL reports unusable shapes with several exception types
        files = ", ".join(str(path) for path in shapes.files) or "the shapes"
        raise DataError(f"{files}: the shapes could not be used ({exc})") from None
    if not isinstance(report, Graph):
        raise DataError(f"validation failed: {report}")
    return report


def validate_graph(data: Graph, shapes: Shapes, allow_sparql: bool = False) -> ValidationReport:
    """Validate ``data`` against ``shapes``; every focus node is described from ``data`` (label, document)."""
    report = run_shacl(data, shapes, allow_sparql=allow_sparql)
    prefixes = {**{p: str(ns) for p, ns in shapes.graph.namespaces() if p}, **REPORT_PREFIXES}
    results = tuple(parse_results(report, shapes.graph, prefixes))
    nodes = describe_all(data, (result.focus for result in results))
    return ValidationReport(results=results, graph=report, nodes=nodes, prefixes=prefixes)

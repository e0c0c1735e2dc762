"""Say what a focus node is: its label, and the document and passage it came from (queries in ``*.rq``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

_QUERIES = Path(__file__).resolve().parent


@dataclass(frozen=True)
class NodeInfo:
    """What a report says about a node beside its IRI: a label, and where in which document it was stated."""

    label: str | None = None
    document: str | None = None  # its identifier
    passage: int | None = None
    title: str | None = None  # the document's title, which reports show


@cache
def _query(name: str) -> Query:
    return prepareQuery((_QUERIES / name).read_text(encoding="utf-8"))


def _first_row(graph: Graph, name: str, node: Node) -> tuple[Node | None, ...] | None:
    rows = list(graph.query(_query(name), initBindings={"node": node}))
    return tuple(rows[0]) if rows else None  # type: ignore[arg-type]


def describe(graph: Graph, node: Node) -> NodeInfo:
    """The label (label.rq) and document/passage (origin.rq) of one node of ``graph``."""
    if not isinstance(node, URIRef):
        return NodeInfo()
    labelled = _first_row(graph, "label.rq", node)
    origin = _first_row(graph, "origin.rq", node)
    document = passage = title = None
    if origin is not None:
        document = str(origin[0])
        number = origin[1]
        passage = int(number) if isinstance(number, Literal) and str(number).isdigit() else None
        title = None if origin[2] is None else str(origin[2])
    label = str(labelled[0]) if labelled else None
    return NodeInfo(label=label, document=document, passage=passage, title=title)


def describe_all(graph: Graph, nodes: Iterable[Node]) -> dict[Node, NodeInfo]:
    """``describe`` for each distinct node."""
    return {node: describe(graph, node) for node in set(nodes)}

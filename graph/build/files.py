"""The build's two RDF files, written from the spool one graph at a time by Oxigraph's serialisers.

``gcmkg.trig``: every named graph in IRI order, each graph's triples sorted (subject, predicate, object, as
N-Triples), so the same graphs give the same bytes. ``gcmkg.ttl``: the union, each triple once, in the same
order (a triple several graphs hold comes where its first graph puts it). Only the triples of one graph are in
memory at a time, and the text of the triples whose subject is in more than one graph (to write them once).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import BinaryIO

import pyoxigraph as ox

from gcmkg.graph.build.spool import Spool
from gcmkg.graph.core.prefixes import PREFIXES


def _sort_key(quad: ox.Quad) -> tuple[str, str, str]:
    return str(quad.subject), str(quad.predicate), str(quad.object)


def sorted_quads(spool: Spool, graph: str) -> list[ox.Quad]:
    """The quads of ``graph``, sorted."""
    return sorted(spool.quads(graph), key=_sort_key)


def write_trig(spool: Spool, stream: BinaryIO) -> None:
    """Every graph of ``spool`` as TriG into ``stream``."""

    def quads() -> Iterator[ox.Quad]:
        for graph in spool.graphs:
            yield from sorted_quads(spool, graph)

    ox.serialize(quads(), stream, ox.RdfFormat.TRIG, prefixes=PREFIXES)


def _shared_subjects(spool: Spool, graphs: list[str]) -> set[ox.NamedNode | ox.BlankNode]:
    """The subjects with triples in more than one of ``graphs``: only their triples can be in two graphs."""
    seen: dict[ox.NamedNode | ox.BlankNode, str] = {}
    shared: set[ox.NamedNode | ox.BlankNode] = set()
    for graph in graphs:
        for quad in spool.quads(graph):
            if seen.setdefault(quad.subject, graph) != graph:
                shared.add(quad.subject)
    return shared


def write_union_turtle(spool: Spool, stream: BinaryIO, leave_out: Collection[str] = ()) -> None:
    """The union of the graphs of ``spool`` but those in ``leave_out``, each triple once, as Turtle into
    ``stream``."""
    graphs = [graph for graph in spool.graphs if graph not in leave_out]
    shared = _shared_subjects(spool, graphs)

    def triples() -> Iterator[ox.Triple]:
        written: set[tuple[str, str, str]] = set()
        for graph in graphs:
            for quad in sorted_quads(spool, graph):
                if quad.subject in shared:
                    key = _sort_key(quad)
                    if key in written:
                        continue
                    written.add(key)
                yield quad.triple

    ox.serialize(triples(), stream, ox.RdfFormat.TURTLE, prefixes=PREFIXES)

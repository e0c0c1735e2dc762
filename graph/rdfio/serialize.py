"""Byte-stable Turtle of small rdflib graphs (an export's description: same graph, same bytes, whatever
PYTHONHASHSEED is), and the union of a dataset's graphs. The build's and the exports' data files are written by
Oxigraph (graph/build/files.py, graph/export/serializers.py)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from io import BytesIO

from rdflib import Dataset, Graph, URIRef
from rdflib.plugins.serializers.turtle import TurtleSerializer
from rdflib.term import Node

from gcmkg.graph.core.prefixes import bind_prefixes


def turtle_bytes(graph: Graph, first: Sequence[URIRef] = ()) -> bytes:
    """The graph as Turtle with the project's prefixes, subjects and predicates sorted; the instances of the
    classes ``first`` (in that order) before the other subjects."""
    bind_prefixes(graph)
    serializer = TurtleSerializer(graph)
    serializer.topClasses = [*first, *TurtleSerializer.topClasses]
    buffer = BytesIO()
    serializer.serialize(buffer, encoding="utf-8")
    return buffer.getvalue()


def merged_graph(dataset: Dataset, leave_out: Collection[Node] = ()) -> Graph:
    """All triples of every named graph of an rdflib ``dataset`` in one graph, but those of the graphs named in
    ``leave_out`` (the reasoning tests and benchmark read a build's asserted graphs so)."""
    merged = Graph()
    for *triple, graph in dataset.quads((None, None, None, None)):
        if graph not in leave_out:
            merged.add(tuple(triple))
    return merged

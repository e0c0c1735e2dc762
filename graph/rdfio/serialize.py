"""Byte-stable Turtle and TriG: same graph, same bytes, whatever PYTHONHASHSEED is."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from io import BytesIO

from rdflib import Dataset, Graph, URIRef
from rdflib.plugins.serializers.trig import TrigSerializer
from rdflib.plugins.serializers.turtle import TurtleSerializer
from rdflib.term import Node

from gcmkg.graph.core.prefixes import bind_prefixes


class _SortedTrigSerializer(TrigSerializer):
    """rdflib's TriG writer with named graphs in IRI order (its store yields them in set order)."""

    def preprocess(self) -> None:
        self.contexts.sort(key=lambda context: str(context.identifier))
        super().preprocess()


def trig_bytes(dataset: Dataset) -> bytes:
    """The dataset as TriG, graphs sorted by IRI, subjects and predicates sorted within each."""
    bind_prefixes(dataset)
    serializer = _SortedTrigSerializer(dataset)
    buffer = BytesIO()
    serializer.serialize(buffer, encoding="utf-8")
    return buffer.getvalue()


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
    """All triples of every named graph in one graph (for partners who do not read TriG), but those of
    the graphs named in ``leave_out``."""
    merged = Graph()
    for *triple, graph in dataset.quads((None, None, None, None)):
        if graph not in leave_out:
            merged.add(tuple(triple))
    return merged

"""Which quads an export holds: the named graphs chosen, read as the build's file is parsed (never held whole).

``--named-graph NAME`` keeps only the graphs named (``reference/states``, ``graph:reference/states`` or the
full IRI); ``--no-inferred`` leaves graph:inferred out. Triples in the default graph (a build given as a
Turtle file has only those) are kept unless ``--named-graph`` names graphs. A name the build does not have is a
UsageError listing the graphs it has, raised once the file has been read and before anything is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from gcmkg.graph.core import ids
from gcmkg.graph.core.errors import UsageError
from gcmkg.graph.core.layout import INFERRED_GRAPH

GraphName = ox.NamedNode | ox.BlankNode | ox.DefaultGraph
_GRAPH_PREFIX = "graph:"


def short_name(graph: GraphName) -> str:
    """'reference/states' for https://w3id.org/gcmkg/graph/reference/states; other names as they are."""
    if isinstance(graph, ox.NamedNode):
        return graph.value.removeprefix(ids.GRAPH)
    return str(graph)


def _graph_iri(name: str) -> str:
    if name.startswith(_GRAPH_PREFIX):
        return ids.GRAPH + name.removeprefix(_GRAPH_PREFIX)
    return name if "://" in name else ids.GRAPH + name


@dataclass
class Selection:
    """The graphs asked for (``names``: every graph if empty) without graph:inferred unless ``inferred``; the
    graphs the build turned out to have are recorded as its quads go through ``quads``."""

    names: Sequence[str]
    inferred: bool
    source: str
    seen: set[GraphName] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._asked = {ox.NamedNode(_graph_iri(name)): name for name in self.names}
        self._inferred_graph = ox.NamedNode(ids.named_graph(INFERRED_GRAPH))
        if not self.inferred and self._inferred_graph in self._asked:
            raise UsageError("--named-graph inferred and --no-inferred contradict each other", hint="give one of them")

    def chosen(self, graph: GraphName) -> bool:
        """Whether the quads of ``graph`` are exported."""
        if self._asked:
            return graph in self._asked
        return self.inferred or graph != self._inferred_graph

    def quads(self, quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
        """The quads of the chosen graphs among ``quads``; the graphs of all of them are recorded in ``seen``."""
        seen, chosen = self.seen, self.chosen
        for quad in quads:
            graph = quad.graph_name
            if graph not in seen:
                seen.add(graph)
            if chosen(graph):
                yield quad

    def graphs(self) -> tuple[GraphName, ...]:
        """The graphs exported, in a stable order; UsageError (listing the build's graphs) for a graph asked for
        that the build does not have. Call after ``quads`` has been read to its end."""
        for graph, name in self._asked.items():
            if graph not in self.seen:
                known = sorted(short_name(g) for g in self.seen if isinstance(g, ox.NamedNode))
                listing = ", ".join(known) or "none (only a default graph)"
                raise UsageError(f"no named graph {name!r} in {self.source}", hint=f"its named graphs: {listing}")
        return tuple(sorted((graph for graph in self.seen if self.chosen(graph)), key=str))

"""Which quads an export holds: the build read with canonical blank nodes, then the named graphs chosen.

``--named-graph NAME`` keeps only the graphs named (``reference/states``, ``graph:reference/states`` or the
full IRI); ``--no-inferred`` leaves graph:inferred out. Triples in the default graph (a build given as a
Turtle file has only those) are kept unless ``--named-graph`` names graphs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from gcmkg.graph.core import ids
from gcmkg.graph.core.errors import UsageError
from gcmkg.graph.core.layout import INFERRED_GRAPH
from gcmkg.graph.rdfio.canonical import canonical_dataset
from gcmkg.graph.rdfio.quads import parse_build

GraphName = ox.NamedNode | ox.BlankNode | ox.DefaultGraph
_GRAPH_PREFIX = "graph:"


@dataclass(frozen=True)
class Selection:
    """The quads of an export in a stable order (graph, subject, predicate, object) and the graphs they are in."""

    quads: list[ox.Quad]
    graphs: tuple[GraphName, ...]


def read_canonical(location: Path | None) -> ox.Dataset:
    """The build at ``location`` with its blank nodes renamed by RDF Dataset Canonicalization (RDFC-1.0), so that
    the same build gives the same labels however the file wrote them (Turtle writes most of them inline)."""
    return canonical_dataset(parse_build(location))


def short_name(graph: GraphName) -> str:
    """'reference/states' for https://w3id.org/gcmkg/graph/reference/states; other names as they are."""
    if isinstance(graph, ox.NamedNode):
        return graph.value.removeprefix(ids.GRAPH)
    return str(graph)


def _graph_iri(name: str) -> str:
    if name.startswith(_GRAPH_PREFIX):
        return ids.GRAPH + name.removeprefix(_GRAPH_PREFIX)
    return name if "://" in name else ids.GRAPH + name


def _resolve(names: Sequence[str], available: Sequence[GraphName], source: str) -> set[GraphName]:
    """The named graphs ``names`` stand for; UsageError listing the build's graphs for a name it does not have."""
    known = {graph.value: graph for graph in available if isinstance(graph, ox.NamedNode)}
    chosen: set[GraphName] = set()
    for name in names:
        graph = known.get(_graph_iri(name))
        if graph is None:
            listing = ", ".join(sorted(short_name(g) for g in known.values())) or "none (only a default graph)"
            raise UsageError(f"no named graph {name!r} in {source}", hint=f"its named graphs: {listing}")
        chosen.add(graph)
    return chosen


def select(dataset: ox.Dataset, names: Sequence[str], inferred: bool, source: str) -> Selection:
    """The quads of ``dataset`` in the graphs ``names`` (all if empty), without graph:inferred unless ``inferred``."""
    available = sorted({quad.graph_name for quad in dataset}, key=str)
    inferred_graph = ox.NamedNode(ids.named_graph(INFERRED_GRAPH))
    chosen = _resolve(names, available, source) if names else set(available)
    if not inferred:
        if names and inferred_graph in chosen:
            raise UsageError("--named-graph inferred and --no-inferred contradict each other", hint="give one of them")
        chosen.discard(inferred_graph)
    quads = sorted((quad for quad in dataset if quad.graph_name in chosen), key=_order)
    return Selection(quads=quads, graphs=tuple(graph for graph in available if graph in chosen))


def _order(quad: ox.Quad) -> tuple[str, str, str, str]:
    return str(quad.graph_name), str(quad.subject), str(quad.predicate), str(quad.object)

"""Communities of a network view: Louvain modularity (networkx), seeded, the same whatever the graph's order.

Louvain visits nodes in an order drawn from its seed and the graph's insertion order, so it runs on a copy
with nodes and edges sorted by id: the same graph gives the same communities on every run. Edges pull by
their ``weight`` (1 where an edge has none). Communities are numbered from the largest (ties: by their
first node id), so colour 0 is always the largest.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

SEED = 20240311
WEIGHT = "weight"


def _canonical(graph: nx.Graph) -> nx.Graph:
    """A copy of ``graph`` with its nodes and edges (weights only) added in id order."""
    copy = nx.Graph()
    copy.add_nodes_from(sorted(graph.nodes, key=str))
    copy.add_edges_from(
        sorted(
            ((*sorted((a, b), key=str), {WEIGHT: _weight(data)}) for a, b, data in graph.edges(data=True)),
            key=lambda edge: (str(edge[0]), str(edge[1])),
        )
    )
    return copy


def _weight(data: dict[str, Any]) -> float:
    value = data.get(WEIGHT, 1)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) and value > 0 else 1.0


def communities(graph: nx.Graph) -> dict[Any, int]:
    """Each node's community number, 0 the largest community."""
    found = nx.community.louvain_communities(_canonical(graph), weight=WEIGHT, seed=SEED)
    ordered = sorted((sorted(group, key=str) for group in found), key=lambda group: (-len(group), str(group[0])))
    return {node: number for number, group in enumerate(ordered) for node in group}

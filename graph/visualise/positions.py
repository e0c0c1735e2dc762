"""Node positions shared by the PNG/SVG drawings and the HTML view, the same on every run.

Up to KAMADA_KAWAI_LIMIT nodes: Kamada–Kawai (nodes placed so that drawn distances follow the
number of hops between them), which spreads the dense views (State co-mentions) far better than a
force-directed layout; it starts from a circle and involves no randomness. Nodes in different
components are given one hop more than the longest distance in the graph, so components sit side by
side instead of flying apart. Larger graphs, where its O(n²) cost is too high: Fruchterman–Reingold
with a fixed seed, edges pulled by their ``weight``.
"""

from __future__ import annotations

from collections.abc import Mapping

import networkx as nx

KAMADA_KAWAI_LIMIT = 500
SEED = 20240311
Positions = Mapping[str, tuple[float, float]]


def _hops(graph: nx.Graph) -> dict[str, dict[str, int]]:
    """Hops between every two nodes; between components, one more than the longest path."""
    hops = dict(nx.shortest_path_length(graph))
    apart = 1 + max((length for row in hops.values() for length in row.values()), default=0)
    return {a: {b: hops[a].get(b, apart) for b in graph} for a in graph}


def positions(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Each node's (x, y), within [-1, 1], keyed by node id."""
    if graph.number_of_nodes() <= KAMADA_KAWAI_LIMIT:
        placed = nx.kamada_kawai_layout(graph, dist=_hops(graph))
    else:
        placed = nx.spring_layout(graph, seed=SEED, weight="weight")
    return {str(node): (float(x), float(y)) for node, (x, y) in placed.items()}

"""The most central nodes of a network view, by degree, weighted degree, betweenness and PageRank.

Betweenness is exact up to EXACT_BETWEENNESS_LIMIT nodes; above, it is estimated from PIVOTS source
nodes drawn with a fixed seed (exact betweenness took 75 s on a 2,000-node, 54,000-edge graph; see
DESIGN.md), and the heading says which. It counts hops: a weight here is a strength (passages in
common), not a distance. PageRank follows edges in proportion to their weight.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx

EXACT_BETWEENNESS_LIMIT = 2000
PIVOTS = 500
SEED = 20240311


@dataclass(frozen=True)
class Ranking:
    """The top nodes by one measure: (label, type, value) rows, highest value first."""

    measure: str
    note: str
    rows: list[tuple[str, str, str]]


def _weighted(graph: nx.Graph) -> bool:
    return any("weight" in data for _, _, data in graph.edges(data=True))


def _top(graph: nx.Graph, values: Mapping[str, float], top: int, integer: bool) -> list[tuple[str, str, str]]:
    """The ``top`` nodes by ``values``, ties by label and id; values as integers or to four decimals."""
    order = sorted(values, key=lambda node: (-values[node], graph.nodes[node]["label"], node))[:top]
    shown = (lambda v: str(round(v))) if integer else (lambda v: f"{v:.4f}")
    return [(graph.nodes[node]["label"], graph.nodes[node]["type"], shown(values[node])) for node in order]


def betweenness(graph: nx.Graph, exact_limit: int = EXACT_BETWEENNESS_LIMIT) -> tuple[dict[str, float], str]:
    """Normalised betweenness of every node (hops, unweighted) and how it was computed."""
    if graph.number_of_nodes() <= exact_limit:
        return nx.betweenness_centrality(graph, normalized=True), "exact, normalised, hops"
    pivots = min(PIVOTS, graph.number_of_nodes())
    values = nx.betweenness_centrality(graph, k=pivots, normalized=True, seed=SEED)
    return values, f"estimated from {pivots} sampled pivots (seed {SEED}), normalised, hops"


def rankings(graph: nx.Graph, top: int, exact_limit: int = EXACT_BETWEENNESS_LIMIT) -> list[Ranking]:
    """Degree, weighted degree (for a graph with edge weights), betweenness and PageRank rankings."""
    found = [Ranking("degree", "neighbours", _top(graph, dict(graph.degree()), top, integer=True))]
    if _weighted(graph):
        strength = dict(graph.degree(weight="weight"))
        found.append(Ranking("weighted degree", "sum of edge weights", _top(graph, strength, top, integer=True)))
    values, how = betweenness(graph, exact_limit)
    found.append(Ranking("betweenness", how, _top(graph, values, top, integer=False)))
    pagerank = nx.pagerank(graph, alpha=0.85, weight="weight")
    weighting = "edges weighted" if _weighted(graph) else "unweighted"
    found.append(Ranking("PageRank", f"alpha 0.85, {weighting}", _top(graph, pagerank, top, integer=False)))
    return found


def render(found: list[Ranking]) -> str:
    """Each ranking as a heading and an aligned table: rank, label, type, value ("no nodes" for an empty graph)."""
    blocks = []
    for ranking in found:
        if not ranking.rows:
            blocks.append(f"{ranking.measure} ({ranking.note})\nno nodes")
            continue
        cells = [("#", "label", "type", ranking.measure)] + [
            (str(rank), *row) for rank, row in enumerate(ranking.rows, start=1)
        ]
        widths = [max(len(row[i]) for row in cells) for i in range(4)]
        lines = [f"{ranking.measure} ({ranking.note})"]
        for row in cells:
            lines.append(
                "  ".join(
                    cell.rjust(width) if i in (0, 3) else cell.ljust(width)
                    for i, (cell, width) in enumerate(zip(row, widths, strict=True))
                ).rstrip()
            )
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"

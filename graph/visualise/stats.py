"""The most central nodes of a network view, by degree, weighted degree, betweenness and PageRank.

Betweenness is exact up to EXACT_BETWEENNESS_LIMIT nodes; above, it is estimated from PIVOTS source
nodes drawn with a fixed seed (exact betweenness took 75 s on a 2,000-node, 54,000-edge graph; see
DESIGN.md), and the heading says which. It counts hops: a weight here is a strength (passages in
common), not a distance. PageRank follows edges in proportion to their weight.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx

from gcmkg.graph.query.rendering import csv_text

EXACT_BETWEENNESS_LIMIT = 2000
PIVOTS = 500
SEED = 20240311


@dataclass(frozen=True)
class Ranked:
    """One node of a ranking: its id (IRI), label, type and value."""

    node: str
    label: str
    type: str
    value: float


@dataclass(frozen=True)
class Ranking:
    """The top nodes by one measure, highest value first; ``integer``: the values are counts."""

    measure: str
    note: str
    integer: bool
    rows: list[Ranked]

    def shown(self, value: float) -> str:
        """A value as printed: a count as an integer, else to four decimals."""
        return str(round(value)) if self.integer else f"{value:.4f}"


def _weighted(graph: nx.Graph) -> bool:
    return any("weight" in data for _, _, data in graph.edges(data=True))


def _top(graph: nx.Graph, values: Mapping[str, float], top: int) -> list[Ranked]:
    """The ``top`` nodes by ``values``, ties by label and id."""
    order = sorted(values, key=lambda node: (-values[node], graph.nodes[node]["label"], node))[:top]
    return [Ranked(node, graph.nodes[node]["label"], graph.nodes[node]["type"], values[node]) for node in order]


def betweenness(graph: nx.Graph, exact_limit: int = EXACT_BETWEENNESS_LIMIT) -> tuple[dict[str, float], str]:
    """Normalised betweenness of every node (hops, unweighted) and how it was computed."""
    if graph.number_of_nodes() <= exact_limit:
        return nx.betweenness_centrality(graph, normalized=True), "exact, normalised, hops"
    pivots = min(PIVOTS, graph.number_of_nodes())
    values = nx.betweenness_centrality(graph, k=pivots, normalized=True, seed=SEED)
    return values, f"estimated from {pivots} sampled pivots (seed {SEED}), normalised, hops"


def rankings(graph: nx.Graph, top: int, exact_limit: int = EXACT_BETWEENNESS_LIMIT) -> list[Ranking]:
    """Degree, weighted degree (for a graph with edge weights), betweenness and PageRank rankings."""
    found = [Ranking("degree", "neighbours", True, _top(graph, dict(graph.degree()), top))]
    if _weighted(graph):
        strength = dict(graph.degree(weight="weight"))
        found.append(Ranking("weighted degree", "sum of edge weights", True, _top(graph, strength, top)))
    values, how = betweenness(graph, exact_limit)
    found.append(Ranking("betweenness", how, False, _top(graph, values, top)))
    pagerank = nx.pagerank(graph, alpha=0.85, weight="weight")
    weighting = "edges weighted" if _weighted(graph) else "unweighted"
    found.append(Ranking("PageRank", f"alpha 0.85, {weighting}", False, _top(graph, pagerank, top)))
    return found


def render_table(found: list[Ranking]) -> str:
    """Each ranking as a heading and an aligned table: rank, label, type, value ("no nodes" for an empty graph)."""
    blocks = []
    for ranking in found:
        if not ranking.rows:
            blocks.append(f"{ranking.measure} ({ranking.note})\nno nodes")
            continue
        cells = [("#", "label", "type", ranking.measure)] + [
            (str(rank), row.label, row.type, ranking.shown(row.value)) for rank, row in enumerate(ranking.rows, start=1)
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


def render_csv(found: list[Ranking]) -> str:
    """One CSV row per ranked node: measure, rank, node (IRI), label, type, value (spreadsheet-safe cells)."""
    rows = [
        [ranking.measure, str(rank), row.node, row.label, row.type, ranking.shown(row.value)]
        for ranking in found
        for rank, row in enumerate(ranking.rows, start=1)
    ]
    return csv_text(["measure", "rank", "node", "label", "type", "value"], rows)


def render_json(found: list[Ranking]) -> str:
    """The rankings as JSON: a list of {measure, note, nodes: [{rank, node, label, type, value}]}."""
    document = [
        {
            "measure": ranking.measure,
            "note": ranking.note,
            "nodes": [
                {
                    "rank": rank,
                    "node": row.node,
                    "label": row.label,
                    "type": row.type,
                    "value": round(row.value) if ranking.integer else round(row.value, 6),
                }
                for rank, row in enumerate(ranking.rows, start=1)
            ],
        }
        for ranking in found
    ]
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


RENDERERS = {"table": render_table, "csv": render_csv, "json": render_json}

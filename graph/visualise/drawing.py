"""PNG and SVG drawings of a network view: nodes coloured by type, sized by degree, edges as wide as their weight.

A drawing is 1600 × 1200 px. Labels are drawn from the most central node (highest degree) down, each
only where it overlaps no label drawn before, up to MAX_LABELS; the caption says when some nodes are left
unlabelled. Each has a white halo so it stays readable over edges. The legend, beside the drawing, names
the node types in the colours of graph/visualise/style.py.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

import networkx as nx

from gcmkg.graph.visualise.figures import new_figure, save
from gcmkg.graph.visualise.positions import Positions
from gcmkg.graph.visualise.style import TYPE_COLOURS, colour_of

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.transforms import Bbox

MAX_LABELS = 60
LABEL_WIDTH, LABEL_LINES = 26, 3  # a label is wrapped to lines of at most 26 characters, three at most
NODE_SIZE = (60.0, 700.0)  # marker area in points², least and greatest degree
EDGE_WIDTH = (0.8, 6.0)  # line width in points, least and greatest weight
EDGE_COLOUR = "#8a8a8a"


def _by_centrality(graph: nx.Graph) -> list[str]:
    """The nodes from the highest degree down, ties by label, then id."""
    return sorted(graph, key=lambda node: (-graph.degree(node), graph.nodes[node]["label"], node))


def _scale(value: float, low: float, high: float, bounds: tuple[float, float]) -> float:
    """``value`` in [low, high] mapped linearly onto ``bounds`` (the lower bound when low == high)."""
    share = (value - low) / (high - low) if high > low else 0.0
    return bounds[0] + share * (bounds[1] - bounds[0])


def _types(graph: nx.Graph) -> list[str]:
    """Node types present, those with fixed colours first in their order, then the others by name."""
    present = {graph.nodes[node]["type"] for node in graph}
    return [t for t in TYPE_COLOURS if t in present] + sorted(present - set(TYPE_COLOURS))


def _weights(graph: nx.Graph) -> list[float]:
    return [float(data.get("weight", 1)) for _, _, data in graph.edges(data=True)]


def caption(graph: nx.Graph, kind: str, labelled: int) -> str:
    """What the picture shows: sizes, what node size and line width mean, which nodes are labelled."""
    parts = [f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges", "node size: degree"]
    if any("weight" in data for _, _, data in graph.edges(data=True)):
        weights = _weights(graph)
        parts.append(f"line width: passages in common ({min(weights):g}–{max(weights):g})")
    if labelled < graph.number_of_nodes():
        parts.append(f"labels: the {labelled} most central nodes whose labels do not overlap")
    return " · ".join(parts) + f"   (gcmkg viz {kind})"


def _draw_edges(axes: Axes, graph: nx.Graph, where: Positions) -> None:
    from matplotlib.collections import LineCollection

    weights = _weights(graph)
    if not weights:
        return
    widths = [_scale(w, min(weights), max(weights), EDGE_WIDTH) for w in weights]
    segments = [(where[str(a)], where[str(b)]) for a, b in graph.edges()]
    lines = LineCollection(segments, linewidths=widths, colors=EDGE_COLOUR, alpha=0.55, zorder=1)
    axes.add_collection(lines)


def _draw_nodes(axes: Axes, graph: nx.Graph, where: Positions) -> None:
    """One scatter per node type, in its colour; the legend shows each type with its count at one size."""
    from matplotlib.lines import Line2D

    handles = []
    degrees = [graph.degree(node) for node in graph]
    low, high = (min(degrees), max(degrees)) if degrees else (0, 0)
    for node_type in _types(graph):
        members = [node for node in graph if graph.nodes[node]["type"] == node_type]
        axes.scatter(
            [where[str(node)][0] for node in members],
            [where[str(node)][1] for node in members],
            s=[_scale(graph.degree(node), low, high, NODE_SIZE) for node in members],
            c=colour_of(node_type),
            edgecolors="white",
            linewidths=1.0,
            zorder=2,
        )
        handles.append(
            Line2D(
                [],
                [],
                linestyle="",
                marker="o",
                markersize=11,
                markerfacecolor=colour_of(node_type),
                markeredgecolor="white",
                label=f"{node_type} ({len(members)})",
            )
        )
    # beside the drawing, never over it: constrained layout makes room for it
    axes.legend(
        handles=handles,
        title="Node type",
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        borderaxespad=0.0,
        fontsize=10,
        title_fontsize=10,
    )


def _draw_labels(figure: Figure, axes: Axes, graph: nx.Graph, where: Positions) -> int:
    """Labels from the most central node down, each only where it overlaps none drawn before; how many."""
    from matplotlib import patheffects
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # lays the figure out, so a label is measured where it will be drawn
    figure.set_layout_engine("none")  # and keeps that layout while labels are added
    renderer = canvas.get_renderer()
    halo = [patheffects.withStroke(linewidth=3, foreground="white")]
    placed: list[Bbox] = []
    for node in _by_centrality(graph)[:MAX_LABELS]:
        text = "\n".join(textwrap.wrap(graph.nodes[node]["label"], LABEL_WIDTH, max_lines=LABEL_LINES, placeholder="…"))
        label = axes.annotate(
            text,
            where[str(node)],
            xytext=(0, 7),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=8.5,
            path_effects=halo,
            zorder=3,
        )
        box = label.get_window_extent(renderer)
        if any(box.overlaps(other) for other in placed):
            label.remove()
        else:
            placed.append(box)
    return len(placed)


def draw(graph: nx.Graph, where: Positions, title: str, kind: str, output_format: str, empty: str) -> bytes:
    """``graph`` drawn at the positions ``where`` as PNG or SVG bytes, with title, legend and caption;
    ``empty`` is what the drawing says when the graph has no node."""
    return save(network_figure(graph, where, title, kind, empty), output_format)


def network_figure(graph: nx.Graph, where: Positions, title: str, kind: str, empty: str) -> Figure:
    """The figure ``draw`` saves."""
    figure = new_figure()
    axes = figure.add_subplot()
    axes.set_axis_off()
    figure.suptitle(title, fontsize=16)
    bottom = figure.supxlabel(caption(graph, kind, graph.number_of_nodes()), fontsize=9, color="#444444")
    if graph.number_of_nodes() == 0:
        axes.text(0.5, 0.5, empty, ha="center", va="center", fontsize=14)
        return figure
    _draw_edges(axes, graph, where)
    _draw_nodes(axes, graph, where)
    axes.margins(0.08)
    bottom.set_text(caption(graph, kind, _draw_labels(figure, axes, graph, where)))
    return figure

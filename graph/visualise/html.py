"""The self-contained HTML view of a network: one offline file, SVG drawn by inline JS from embedded JSON.

The page's CSS, JS and template are the package's ``network.css``, ``network.js`` and ``network.html``, inlined.
A Content-Security-Policy forbids every load (``default-src 'none'``) and allows only these inline script and
style, by their sha256 hashes. The graph travels as JSON in a ``<script type="application/json">`` element with
``<``, ``>`` and ``&`` escaped (``ensure_ascii`` escapes U+2028/2029), so a label cannot end the element, and the
page puts every text into the DOM with ``textContent``. Nodes, edges and attributes are sorted and coordinates
rounded: the same graph gives the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
from collections import Counter
from collections.abc import Mapping
from importlib.resources import files
from string import Template
from typing import TYPE_CHECKING, Any

from gcmkg.graph.visualise.style import colour_of

if TYPE_CHECKING:
    import networkx

# The drawing's viewBox and the margin kept free around the nodes, in SVG user units.
VIEW_WIDTH = 1000
VIEW_HEIGHT = 700
MARGIN = 40
# Every node is labelled in a network of at most LABEL_ALL nodes; in a larger one, the LABEL_TOP highest-degree.
LABEL_ALL = 60
LABEL_TOP = 25
# Node radius grows with the square root of the degree, from MIN_RADIUS (no edge) to MAX_RADIUS (the highest degree);
# the heaviest edge is MAX_EXTRA_WIDTH wider than a plain one.
MIN_RADIUS = 4.0
MAX_RADIUS = 12.0
MAX_EXTRA_WIDTH = 3.0

_SHOWN_APART = ("label", "type")  # node attributes the tooltip shows as its heading, not in the attribute list


def render_html(graph: networkx.Graph, title: str, positions: Mapping[str, tuple[float, float]]) -> str:
    """The network ``graph`` laid out at ``positions`` (any range), as one self-contained HTML page."""
    nodes = sorted(graph.nodes, key=str)
    index = {node: number for number, node in enumerate(nodes)}
    placed = _fit(nodes, positions)
    labelled = _labelled(graph, nodes)
    highest = max((graph.degree(node) for node in nodes), default=0)
    node_data = [_node(graph, node, placed[node], highest, node in labelled) for node in nodes]
    data = {
        "nodes": node_data,
        "edges": _edges(graph, index),
        "types": _types(node_data),
    }
    css = _packaged("network.css")
    js = _packaged("network.js")
    policy = (
        f"default-src 'none'; script-src '{_sha256(js)}'; style-src '{_sha256(css)}'; "
        "base-uri 'none'; form-action 'none'"
    )
    return Template(_packaged("network.html")).substitute(
        csp=policy,
        title=html.escape(title),
        counts=f"{_count(len(nodes), 'node')} · {_count(graph.number_of_edges(), 'edge')}",
        width=VIEW_WIDTH,
        height=VIEW_HEIGHT,
        css=css,
        js=js,
        data=_script_json(data),
    )


def _script_json(data: Any) -> str:
    """``data`` as deterministic JSON that is safe inside a ``<script>`` element: no ``<``, ``>`` or ``&``."""
    text = json.dumps(data, ensure_ascii=True, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _packaged(name: str) -> str:
    return files("gcmkg.graph.visualise").joinpath(name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    """A CSP hash source for an inline element whose content is ``text``."""
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _fit(nodes: list[Any], positions: Mapping[str, tuple[float, float]]) -> dict[Any, tuple[float, float]]:
    """Positions scaled (aspect kept) and centred into the viewBox, y pointing down as SVG wants, rounded."""
    missing = [str(node) for node in nodes if node not in positions]
    if missing:
        raise ValueError(f"no position for node(s): {', '.join(missing[:5])}")
    points = {node: (float(positions[node][0]), float(positions[node][1])) for node in nodes}
    if not all(math.isfinite(x) and math.isfinite(y) for x, y in points.values()):
        raise ValueError("node positions must be finite numbers")
    if not points:
        return {}
    xs = [x for x, _ in points.values()]
    ys = [y for _, y in points.values()]
    spans = [(VIEW_WIDTH - 2 * MARGIN, max(xs) - min(xs)), (VIEW_HEIGHT - 2 * MARGIN, max(ys) - min(ys))]
    scale = min((room / span for room, span in spans if span > 0), default=0.0)
    mid_x, mid_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {
        node: (round(VIEW_WIDTH / 2 + (x - mid_x) * scale, 1), round(VIEW_HEIGHT / 2 - (y - mid_y) * scale, 1))
        for node, (x, y) in points.items()
    }


def _labelled(graph: networkx.Graph, nodes: list[Any]) -> set[Any]:
    """The nodes drawn with their label: all in a small network, else the highest-degree ones."""
    if len(nodes) <= LABEL_ALL:
        return set(nodes)
    ranked = sorted(nodes, key=lambda node: (-graph.degree(node), str(graph.nodes[node]["label"]), str(node)))
    return set(ranked[:LABEL_TOP])


def _node(
    graph: networkx.Graph, node: Any, point: tuple[float, float], highest_degree: int, labelled: bool
) -> dict[str, Any]:
    attributes = graph.nodes[node]
    share = math.sqrt(graph.degree(node) / highest_degree) if highest_degree else 0.0
    return {
        "id": str(node),
        "label": str(attributes["label"]),
        "type": str(attributes["type"]),
        "x": point[0],
        "y": point[1],
        "r": round(MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * share, 2),
        "labelled": labelled,
        "attrs": _attributes({key: value for key, value in attributes.items() if key not in _SHOWN_APART}),
    }


def _edges(graph: networkx.Graph, index: Mapping[Any, int]) -> list[dict[str, Any]]:
    """Edges as pairs of node numbers (an undirected edge from the lower number), sorted, weight as line width."""
    weights = [w for _, _, value in graph.edges(data="weight") if (w := _positive(value)) is not None]
    heaviest = max(weights, default=0.0)
    edges = []
    for source, target, attributes in graph.edges(data=True):
        ends = (index[source], index[target])
        if not graph.is_directed():
            ends = (min(ends), max(ends))
        weight = _positive(attributes.get("weight"))
        width = 1 + MAX_EXTRA_WIDTH * weight / heaviest if weight is not None else 1
        edges.append({"source": ends[0], "target": ends[1], "width": round(width, 2), "attrs": _attributes(attributes)})
    return sorted(edges, key=lambda edge: (edge["source"], edge["target"], edge["attrs"]))


def _types(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    counts = Counter(node["type"] for node in nodes)
    return [{"name": name, "colour": colour_of(name), "count": counts[name]} for name in sorted(counts)]


def _attributes(attributes: Mapping[str, Any]) -> list[list[str]]:
    """Attributes as sorted [key, text] pairs for the tooltip."""
    return [[str(key), _text(value)] for key, value in sorted(attributes.items(), key=lambda item: str(item[0]))]


def _text(value: Any) -> str:
    return format(value, ".6g") if isinstance(value, float) else str(value)


def _positive(value: Any) -> float | None:
    """A weight usable as a line width: a positive finite number, else None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) and value > 0 else None

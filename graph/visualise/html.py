"""The self-contained HTML view of a network: one offline file, SVG drawn by inline JS from embedded JSON.

The page's CSS, JS and template are the package's ``network.css``, ``network.js`` and ``network.html``, inlined.
A Content-Security-Policy forbids every load (``default-src 'none'``) and allows only these inline script and
style, by their sha256 hashes. The graph travels as JSON in a ``<script type="application/json">`` element with
``<``, ``>`` and ``&`` escaped (``ensure_ascii`` escapes U+2028/2029), so a label cannot end the element, and the
page puts every text into the DOM with ``textContent``. Nodes, edges and attributes are sorted and coordinates
rounded: the same graph gives the same bytes.

What the page shows: nodes coloured by community (graph/visualise/communities.py) and shaped by type, sized by
degree; edges as wide as their weight; labels for the most central nodes that fit without overlapping, more as
one zooms in (each node carries its ``rank`` by degree); search, a click to highlight a node's neighbours,
filters by type and minimum weight, and a side panel with the node's attributes and, when ``entity_base`` is
given, a link to its entity page: the part of its IRI after ``https://w3id.org/gcmkg/id/`` appended to
``entity_base`` (``/id/`` where ``gcmkg serve`` serves the entity pages at ``/id/...``; a relative ``../id/``
works under any prefix). Without it (a file on disk) the panel shows the IRI and links nowhere.
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
from urllib.parse import urlsplit

from gcmkg.graph.core.ids import ID
from gcmkg.graph.visualise.communities import communities
from gcmkg.graph.visualise.style import OTHER_COLOUR, community_colour, shape_of

if TYPE_CHECKING:
    import networkx

# The drawing's viewBox and the margin kept free around the nodes, in SVG user units.
VIEW_WIDTH = 1000
VIEW_HEIGHT = 700
MARGIN = 40
# Node radius grows with the square root of the degree, from MIN_RADIUS (no edge) to MAX_RADIUS (the highest degree);
# the heaviest edge is MAX_EXTRA_WIDTH wider than a plain one.
MIN_RADIUS = 4.0
MAX_RADIUS = 12.0
MAX_EXTRA_WIDTH = 3.0
# URL schemes an entity_base may have ('' : a relative or root-relative path).
LINK_SCHEMES = ("", "http", "https")

_SHOWN_APART = ("label", "type")  # node attributes the panel shows as its heading, not in the attribute list


def render_html(
    graph: networkx.Graph,
    title: str,
    positions: Mapping[str, tuple[float, float]],
    *,
    empty: str = "",
    entity_base: str | None = None,
) -> str:
    """The network ``graph`` laid out at ``positions`` (any range), as one self-contained HTML page.

    ``empty`` is what the drawing says when the graph has no node (why the view has no data);
    ``entity_base`` the URL prefix of the entity pages (see the module's docstring), None for no links.
    """
    if entity_base is not None:
        check_entity_base(entity_base)
    nodes = sorted(graph.nodes, key=str)
    index = {node: number for number, node in enumerate(nodes)}
    placed = _fit(nodes, positions)
    ranks = {node: rank for rank, node in enumerate(_by_centrality(graph, nodes))}
    groups = communities(graph)
    highest = max((graph.degree(node) for node in nodes), default=0)
    node_data = [_node(graph, node, placed[node], highest, ranks[node], groups[node], entity_base) for node in nodes]
    edges = _edges(graph, index)
    data = {
        "nodes": node_data,
        "edges": edges,
        "types": _types(node_data),
        "communities": _communities(node_data),
        "weights": _weight_range(edges),
        "empty": empty if not nodes else "",
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


def check_entity_base(entity_base: str) -> None:
    """Refuse an entity_base that is not a relative path or an http(s) URL (ValueError), so no link can run code."""
    parts = urlsplit(entity_base)
    if parts.scheme not in LINK_SCHEMES or any(char.isspace() or ord(char) < 32 for char in entity_base):
        raise ValueError(f"entity_base {entity_base!r} must be a relative path or an http(s) URL, e.g. /id/")


def entity_link(iri: str, entity_base: str | None) -> str | None:
    """The entity page of ``iri``: ``entity_base`` + its path under the gcmkg id namespace; None outside it."""
    if entity_base is None or not iri.startswith(ID) or len(iri) == len(ID):
        return None
    return entity_base + iri[len(ID) :]


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


def _by_centrality(graph: networkx.Graph, nodes: list[Any]) -> list[Any]:
    """``nodes`` from the most central: highest degree first, ties by label, then id."""
    return sorted(nodes, key=lambda node: (-graph.degree(node), str(graph.nodes[node]["label"]), str(node)))


def _node(
    graph: networkx.Graph,
    node: Any,
    point: tuple[float, float],
    highest_degree: int,
    rank: int,
    community: int,
    entity_base: str | None,
) -> dict[str, Any]:
    attributes = graph.nodes[node]
    share = math.sqrt(graph.degree(node) / highest_degree) if highest_degree else 0.0
    found = {
        "id": str(node),
        "label": str(attributes["label"]),
        "type": str(attributes["type"]),
        "x": point[0],
        "y": point[1],
        "r": round(MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * share, 2),
        "rank": rank,
        "community": community,
        "colour": community_colour(community),
        "attrs": _attributes({key: value for key, value in attributes.items() if key not in _SHOWN_APART}),
    }
    link = entity_link(str(node), entity_base)
    if link is not None:
        found["href"] = link
    return found


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
        edges.append(
            {
                "source": ends[0],
                "target": ends[1],
                "width": round(width, 2),
                "weight": weight,
                "attrs": _attributes(attributes),
            }
        )
    return sorted(edges, key=lambda edge: (edge["source"], edge["target"], edge["attrs"]))


def _types(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    counts = Counter(node["type"] for node in nodes)
    return [{"name": name, "shape": shape_of(name), "count": counts[name]} for name in sorted(counts)]


def _communities(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The communities' legend: one row per coloured community (largest first), one for all the smaller ones."""
    counts = Counter(node["community"] for node in nodes)
    coloured = [number for number in range(len(counts)) if community_colour(number) != OTHER_COLOUR]
    rows = [
        {"label": f"Community {number + 1}", "colour": community_colour(number), "count": counts[number]}
        for number in coloured
    ]
    rest = len(counts) - len(coloured)
    if rest:
        smaller = f"{rest} smaller communit{'y' if rest == 1 else 'ies'}"
        rows.append(
            {"label": smaller, "colour": OTHER_COLOUR, "count": sum(counts[n] for n in counts if n >= len(coloured))}
        )
    return rows


def _weight_range(edges: list[dict[str, Any]]) -> list[float] | None:
    """The lightest and heaviest edge weight, None when no edge has one (no weight filter then)."""
    weights = [edge["weight"] for edge in edges if edge["weight"] is not None]
    return [min(weights), max(weights)] if weights else None


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

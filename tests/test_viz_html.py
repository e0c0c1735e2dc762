"""The HTML network view: one offline file locked by its CSP, hostile labels kept as text, the same bytes for the
same graph; and in headless Chromium: every node and edge drawn, no console errors, zoom, pan and tooltips.

The sample network is drawn by hand: sessions 1 and 2 of the 2024 review at the top corners of a 2 x 1 box,
Armenia and Georgia (under a hostile label) at the bottom corners; Georgia spoke in session 1 (weight 2) and
presented in session 2 (weight 3), Armenia replied in session 2 (weight 1).
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import os
import subprocess
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from gcmkg.graph.core import ids
from gcmkg.graph.visualise.communities import communities
from gcmkg.graph.visualise.html import render_html
from gcmkg.graph.visualise.style import OTHER_COLOUR, PALETTE, community_colour
from tests import screens
from tests.browser import Browser, Tab, chromium
from tests.conftest import REPO_ROOT

S1, S2 = ids.session(2024, 1), ids.session(2024, 2)
ARM, GEO = ids.state("ARM"), ids.state("GEO")
HOSTILE = "</script><img src=x onerror=alert(1)> \"Georgia\" 'GEO' & co\u2028"
SESSION_1, SESSION_2 = "Session 1 (2024)", "Session 2 (2024)"
TITLE = "States × sessions"

# Worked out by hand. Sorted IRIs: .../review/2024/session/1, .../session/2, .../state/ARM, .../state/GEO.
# Positions span 2 x 1; the viewBox is 1000 x 700 with a margin of 40, so the scale is min(920/2, 620/1) = 460,
# x = 500 + (x - 1) * 460 and y = 350 - (y - 0.5) * 460 (SVG's y points down).
PLACED = {S1: (40.0, 120.0), S2: (960.0, 120.0), ARM: (960.0, 580.0), GEO: (40.0, 580.0)}


def sample(reverse: bool = False) -> tuple[nx.Graph, dict[str, tuple[float, float]]]:
    """The sample network; ``reverse`` adds the same nodes, edges and attributes in the opposite order."""
    nodes = [
        (S1, {"label": SESSION_1, "type": "Session", "year": 2024, "number": 1}),
        (S2, {"label": SESSION_2, "type": "Session", "year": 2024, "number": 2}),
        (ARM, {"label": "Armenia", "type": "State", "iso3": "ARM"}),
        (GEO, {"label": HOSTILE, "type": "State", "iso3": "GEO"}),
    ]
    edges = [
        (GEO, S1, {"role": "speaker", "weight": 2}),
        (ARM, S2, {"role": "right-of-reply", "weight": 1}),
        (GEO, S2, {"role": "presenter", "weight": 3}),
    ]
    positions = {S1: (0.0, 1.0), S2: (2.0, 1.0), ARM: (2.0, 0.0), GEO: (0.0, 0.0)}
    if reverse:
        nodes = [(node, dict(reversed(attributes.items()))) for node, attributes in reversed(nodes)]
        edges = [(v, u, dict(reversed(attributes.items()))) for u, v, attributes in reversed(edges)]
        positions = dict(reversed(positions.items()))
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    return graph, positions


def _render(drawn: tuple[nx.Graph, dict[str, tuple[float, float]]]) -> str:
    graph, positions = drawn
    return render_html(graph, TITLE, positions)


@pytest.fixture(scope="module")
def page() -> str:
    return _render(sample())


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside each element kept raw (script, style, title)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: dict[int, str] = {}
        self._open: int | None = None  # the element whose text is being read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open = len(self.tags)
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self.text[self._open] = self.text.get(self._open, "") + data

    def inside(self, tag: str, **wanted: str | None) -> list[str]:
        """The text of each ``tag`` element whose attributes include ``wanted`` (None: the attribute is absent)."""
        return [
            self.text.get(number, "")
            for number, (name, attrs) in enumerate(self.tags)
            if name == tag and all(attrs.get(key) == value for key, value in wanted.items())
        ]


def _parsed(page: str) -> _Elements:
    parser = _Elements()
    parser.feed(page)
    parser.close()
    return parser


def _data(page: str) -> dict[str, Any]:
    (text,) = _parsed(page).inside("script", type="application/json")
    return dict(json.loads(text))


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


# --- the file itself -------------------------------------------------------------------------------------------


def test_page_loads_nothing_from_the_network(page: str) -> None:
    parser = _parsed(page)
    loading = {"link", "img", "iframe", "object", "embed", "base", "audio", "video", "source", "image", "use"}
    assert not [tag for tag, _ in parser.tags if tag in loading]
    url_attributes = {"src", "href", "xlink:href", "srcset", "action", "poster", "data", "background"}
    assert not [(tag, attrs) for tag, attrs in parser.tags if url_attributes & set(attrs)]
    (data,) = parser.inside("script", type="application/json")
    rest = page.replace(data, "")
    for loader in ("://", "url(", "@import", "fetch(", "XMLHttpRequest", "WebSocket", "EventSource", "import("):
        assert loader not in rest, loader
    assert "https://w3id.org/gcmkg/id/state/ARM" in data  # URLs appear only as data: the nodes' IRIs


def test_csp_forbids_every_load_and_allows_only_the_inline_script_and_style_by_hash(page: str) -> None:
    parser = _parsed(page)
    (policy,) = [attrs["content"] for tag, attrs in parser.tags if attrs.get("http-equiv") == "Content-Security-Policy"]
    assert policy is not None
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    (script,) = parser.inside("script", type=None)
    (style,) = parser.inside("style")
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == f"'{_sha256(script)}'"
    assert directives["style-src"] == f"'{_sha256(style)}'"
    assert "unsafe" not in policy
    # the inlined script and style are the package's files, unchanged
    assert script == files("gcmkg.graph.visualise").joinpath("network.js").read_text(encoding="utf-8")
    assert style == files("gcmkg.graph.visualise").joinpath("network.css").read_text(encoding="utf-8")


def test_hostile_label_stays_data(page: str) -> None:
    assert page.count("</script>") == 2  # the data's and the code's own ends: the label did not close either
    assert "<img" not in page
    assert "\u2028" not in page and "\u2029" not in page  # JavaScript line terminators, escaped
    (geo,) = [node for node in _data(page)["nodes"] if node["id"] == GEO]
    assert geo["label"] == HOSTILE  # and JSON gives it back exactly


def test_title_is_escaped() -> None:
    graph, positions = sample()
    page = render_html(graph, 'Sessions <b>& "States"</b>', positions)
    escaped = "Sessions &lt;b&gt;&amp; &quot;States&quot;&lt;/b&gt;"
    assert f"<title>{escaped}</title>" in page
    assert f'<h1 id="title">{escaped}</h1>' in page


def test_same_graph_gives_the_same_bytes(page: str) -> None:
    assert _render(sample()) == page
    assert _render(sample(reverse=True)) == page


@pytest.mark.slow
def test_same_bytes_whatever_the_hash_seed(page: str) -> None:
    code = "import sys; from tests.test_viz_html import _render, sample; sys.stdout.write(_render(sample()))"
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONIOENCODING": "utf-8"}
        run = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, env=env, capture_output=True, check=True)
        assert run.stdout.decode("utf-8") == page


def test_embedded_network_is_worked_out_by_hand(page: str) -> None:
    data = _data(page)
    assert '<svg id="network" role="img" aria-labelledby="title" viewBox="0 0 1000 700"' in page
    assert [(node["id"], node["x"], node["y"]) for node in data["nodes"]] == [
        (node, *PLACED[node]) for node in (S1, S2, ARM, GEO)
    ]
    # radius 4 + 8 * sqrt(degree / 2), 2 the highest degree: the sessions' 1 and 2, Armenia's 1 and Georgia's 2
    assert [node["r"] for node in data["nodes"]] == [9.66, 12.0, 9.66, 12.0]
    # rank by degree, ties by label: Georgia's ("<" first) and session 2 (degree 2), Armenia and session 1 (1)
    assert [node["rank"] for node in data["nodes"]] == [3, 1, 2, 0]
    assert data["nodes"][0]["attrs"] == [["number", "1"], ["year", "2024"]]
    assert data["nodes"][3]["attrs"] == [["iso3", "GEO"]]
    # width 1 + 3 * weight / heaviest (3); ends as node numbers, lower first
    assert [
        (edge["source"], edge["target"], edge["width"], edge["weight"], edge["attrs"]) for edge in data["edges"]
    ] == [
        (0, 3, 3.0, 2, [["role", "speaker"], ["weight", "2"]]),
        (1, 2, 2.0, 1, [["role", "right-of-reply"], ["weight", "1"]]),
        (1, 3, 4.0, 3, [["role", "presenter"], ["weight", "3"]]),
    ]
    assert data["weights"] == [1, 3]
    assert data["types"] == [
        {"name": "Session", "shape": "square", "count": 2},
        {"name": "State", "shape": "circle", "count": 2},
    ]
    # every node coloured as its community; communities numbered from the largest, and all four nodes counted
    assert all(node["colour"] == community_colour(node["community"]) for node in data["nodes"])
    assert sum(row["count"] for row in data["communities"]) == 4
    assert [row["count"] for row in data["communities"]] == sorted(
        (row["count"] for row in data["communities"]), reverse=True
    )
    assert "href" not in data["nodes"][0]  # no entity_base: no links
    assert data["empty"] == ""
    assert '<p id="counts">4 nodes · 3 edges</p>' in page


def _cliques(sizes: tuple[int, ...]) -> nx.Graph:
    """Cliques of ``sizes`` nodes (c0-0, c0-1 ... c1-0 ...), each joined to the next by one edge between their
    first nodes; heavy (weight 5) inside a clique, light (1) between."""
    graph = nx.Graph()
    for number, size in enumerate(sizes):
        members = [f"c{number}-{member}" for member in range(size)]
        graph.add_nodes_from((member, {"label": member, "type": "State"}) for member in members)
        graph.add_edges_from((a, b, {"weight": 5}) for i, a in enumerate(members) for b in members[i + 1 :])
        if number:
            graph.add_edge(f"c{number - 1}-0", members[0], weight=1)
    return graph


def test_communities_are_the_cliques_largest_first() -> None:
    # Three cliques joined in a chain by light edges: modularity is highest with each clique a community.
    found = communities(_cliques((3, 5, 4)))
    assert {node: found[node] for node in sorted(found)} == {
        **{f"c0-{i}": 2 for i in range(3)},
        **{f"c1-{i}": 0 for i in range(5)},
        **{f"c2-{i}": 1 for i in range(4)},
    }


def test_communities_beyond_the_palette_share_one_grey_row() -> None:
    # ten two-node cliques: ten communities of two; the palette colours eight, the two left share a grey row
    graph = _cliques((2,) * 10)
    positions = {node: (float(number), 0.0) for number, node in enumerate(sorted(graph))}
    rows = _data(render_html(graph, TITLE, positions))["communities"]
    assert [(row["label"], row["colour"], row["count"]) for row in rows] == [
        *((f"Community {n + 1}", PALETTE[n], 2) for n in range(8)),
        ("2 smaller communities", OTHER_COLOUR, 4),
    ]


def test_entity_links_follow_the_iri_under_the_base() -> None:
    graph, positions = sample()
    graph.add_node("https://example.org/elsewhere", label="Elsewhere", type="State")
    positions["https://example.org/elsewhere"] = (1.0, 0.5)
    nodes = _data(render_html(graph, TITLE, positions, entity_base="../id/"))["nodes"]
    assert {node["id"]: node.get("href") for node in nodes} == {
        S1: "../id/review/2024/session/1",
        S2: "../id/review/2024/session/2",
        ARM: "../id/state/ARM",
        GEO: "../id/state/GEO",
        "https://example.org/elsewhere": None,  # not a gcmkg entity: no page to link to
    }


@pytest.mark.parametrize("base", ["javascript:alert(1)", "data:text/html,x", "/id/\nx", "ftp://host/id/"])
def test_an_entity_base_that_could_run_code_is_refused(base: str) -> None:
    graph, positions = sample()
    with pytest.raises(ValueError, match="entity_base"):
        render_html(graph, TITLE, positions, entity_base=base)


def test_an_empty_network_says_why() -> None:
    data = _data(render_html(nx.Graph(), TITLE, {}, empty="No data: nothing here"))
    assert (data["nodes"], data["edges"], data["empty"]) == ([], [], "No data: nothing here")


def test_every_node_needs_a_position() -> None:
    graph, positions = sample()
    del positions[ARM]
    with pytest.raises(ValueError, match="state/ARM"):
        render_html(graph, TITLE, positions)


# --- in headless Chromium --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    started = Browser(chromium(), tmp_path_factory.mktemp("chromium"))
    yield started
    started.close()


@pytest.fixture()
def view(tmp_path: Path, page: str) -> Path:
    path = tmp_path / "network.html"
    path.write_text(page, encoding="utf-8")
    return path


def _texts(tab: Tab, selector: str) -> list[str]:
    return list(tab.evaluate(f"[...document.querySelectorAll({json.dumps(selector)})].map(e => e.textContent)"))


def _transform(tab: Tab) -> str:
    return str(tab.evaluate("document.getElementById('viewport').getAttribute('transform')"))


def _centre(tab: Tab, element: str) -> tuple[float, float]:
    """Where the centre of ``element`` (a JavaScript expression) is on the screen, in CSS pixels."""
    box = tab.evaluate(
        f"(() => {{ const b = {element}.getBoundingClientRect(); return [b.x + b.width / 2, b.y + b.height / 2]; }})()"
    )
    return box[0], box[1]


def _centre_of_node(tab: Tab, number: int) -> tuple[float, float]:
    return _centre(tab, f"document.querySelectorAll('#nodes .node')[{number}]")


def _on_screen(tab: Tab, x: float, y: float) -> tuple[float, float]:
    """Where viewBox point (x, y) is on the screen, before any zoom."""
    point = tab.evaluate(
        f"(() => {{ const p = new DOMPoint({x}, {y})"
        ".matrixTransform(document.getElementById('network').getScreenCTM()); return [p.x, p.y]; })()"
    )
    return point[0], point[1]


def _click(tab: Tab, element_id: str) -> None:
    x, y = _centre(tab, f"document.getElementById('{element_id}')")
    for kind in ("mousePressed", "mouseReleased"):
        tab.mouse(kind, x, y, button="left", buttons=1, clickCount=1)


def test_browser_draws_every_node_and_edge_without_console_errors(browser: Browser, view: Path, page: str) -> None:
    tab = browser.open(view.as_uri())
    assert _texts(tab, "#nodes .node > title") == [
        f"{SESSION_1} (Session)",
        f"{SESSION_2} (Session)",
        "Armenia (State)",
        f"{HOSTILE} (State)",
    ]
    colours = [node["colour"] for node in _data(page)["nodes"]]
    assert tab.evaluate("[...document.querySelectorAll('#nodes .node')].map(c => c.getAttribute('fill'))") == colours
    # shapes by type: session 1 a square of half-side 0.89 r around (40, 120), Armenia a circle of r 9.66 at (960, 580)
    outlines = tab.evaluate("[...document.querySelectorAll('#nodes .node')].map(c => c.getAttribute('d'))")
    assert outlines[0] == "M31.4,111.4L48.6,111.4L48.6,128.6L31.4,128.6Z"
    assert outlines[2] == "M950.34,580a9.66,9.66 0 1,0 19.32,0a9.66,9.66 0 1,0 -19.32,0Z"
    assert _texts(tab, "#edges line > title") == [
        f"{SESSION_1} — {HOSTILE}",
        f"{SESSION_2} — Armenia",
        f"{SESSION_2} — {HOSTILE}",
    ]
    assert tab.evaluate("[...document.querySelectorAll('#edges line')].map(l => l.getAttribute('stroke-width'))") == [
        "3",
        "2",
        "4",
    ]
    # the heavier, the darker: stroke opacity 0.3 + 0.6 * (width - 1) / (widest - 1), widest 4
    opacities = tab.evaluate(
        "[...document.querySelectorAll('#edges line')].map(l => Number(getComputedStyle(l).strokeOpacity))"
    )
    assert opacities == pytest.approx([0.3 + 0.6 * 2 / 3, 0.3 + 0.6 * 1 / 3, 0.9], abs=0.01)
    assert _texts(tab, "#labels text") == [HOSTILE, SESSION_2, "Armenia", SESSION_1]  # most central first
    assert _texts(tab, "#types li") == ["Session2", "State2"]
    assert tab.evaluate("document.images.length") == 0  # the hostile label made no <img>
    assert tab.problems() == []


def _broken_page(kind: str, page: str, folder: Path) -> Path:
    """A page that must be reported: a thrown error, a console error, our page with its script altered after
    hashing, our page asking for an image from the network."""
    pages = {
        "exception": "<!DOCTYPE html><title>x</title><script>undefinedFunction();</script>",
        "console": "<!DOCTYPE html><title>x</title><script>console.error('deliberate');</script>",
        "tampered": page.replace('"use strict";', '"use strict"; ', 1),
        "network": page.replace("<body>", '<body><img src="http://192.0.2.1/x.png" alt="">', 1),
    }
    path = folder / f"{kind}.html"
    path.write_text(pages[kind], encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("kind", "reported"),
    [
        ("exception", ("exception", "undefinedFunction is not defined")),
        ("console", ("console.error: deliberate",)),
        ("tampered", ("Content Security Policy", "inline script")),
        ("network", ("Content Security Policy", "http://192.0.2.1/x.png")),
    ],
)
def test_console_capture_reports_broken_pages(
    browser: Browser, page: str, tmp_path: Path, kind: str, reported: tuple[str, ...]
) -> None:
    tab = browser.open(_broken_page(kind, page, tmp_path).as_uri())
    problems = tab.problems()
    assert any(all(words in problem for words in reported) for problem in problems), problems
    if kind == "tampered":  # the CSP stopped the altered script: nothing drawn
        assert tab.evaluate("document.querySelectorAll('#nodes circle').length") == 0


@pytest.mark.parametrize(
    ("fragment", "transform"),
    [
        ("", "translate(0,0) scale(1)"),
        ("#zoom=2", "translate(-500,-350) scale(2)"),  # the centre (500, 350) stays: 500 - 2 * 500, 350 - 2 * 350
        ("#zoom=2&cx=250&cy=100", "translate(0,150) scale(2)"),  # (250, 100) at the centre: 500 - 500, 350 - 200
        ("#zoom=1000", "translate(-19500,-13650) scale(40)"),  # at most 40: 500 - 40 * 500, 350 - 40 * 350
        ("#zoom=big", "translate(0,0) scale(1)"),
    ],
)
def test_fragment_sets_the_zoom(browser: Browser, view: Path, fragment: str, transform: str) -> None:
    tab = browser.open(view.as_uri() + fragment)
    assert _transform(tab) == transform
    assert tab.problems() == []


def test_wheel_zooms_around_the_pointer_and_the_address_keeps_the_view(browser: Browser, view: Path) -> None:
    tab = browser.open(view.as_uri())
    armenia, georgia = _centre_of_node(tab, 2), _centre_of_node(tab, 3)
    tab.mouse("mouseWheel", *armenia, deltaX=0, deltaY=-100)  # one notch up: zoom by exp(0.2) = 1.2214
    assert _transform(tab).endswith(" scale(1.2214)")
    assert _centre_of_node(tab, 2) == pytest.approx(armenia, abs=0.5)  # the point under the pointer stays
    moved = _centre_of_node(tab, 3)
    assert math.dist(moved, armenia) / math.dist(georgia, armenia) == pytest.approx(math.exp(0.2), rel=1e-3)
    # Once settled, the address holds the zoom and the drawing's point at the centre of the view: Armenia
    # (960, 580) stays put, so the centre (500, 350) shows 960 + (500 - 960) / 1.2214 = 583.38, 580 - 230 / 1.2214.
    address = tab.evaluate("new Promise(done => setTimeout(() => done(location.hash), 600))")
    fields = dict(part.split("=") for part in address.lstrip("#").split("&"))
    assert fields["zoom"] == "1.2214"
    # (Chromium puts the pointer on a whole pixel: up to half a pixel from Armenia's centre, a few tenths here.)
    assert (float(fields["cx"]), float(fields["cy"])) == pytest.approx((583.38, 391.69), abs=0.3)
    assert tab.problems() == []


def test_zoom_buttons_work_by_mouse_and_keyboard(browser: Browser, view: Path) -> None:
    tab = browser.open(view.as_uri())
    _click(tab, "zoom-in")
    assert _transform(tab) == "translate(-250,-175) scale(1.5)"  # around the centre: 500 - 1.5 * 500
    tab.evaluate("document.getElementById('zoom-in').focus()")
    tab.key(" ", "Space", 32)  # a focused button is pressed with the space bar
    assert _transform(tab) == "translate(-625,-437.5) scale(2.25)"
    _click(tab, "zoom-out")
    assert _transform(tab) == "translate(-250,-175) scale(1.5)"
    tab.evaluate("document.getElementById('zoom-reset').focus()")
    tab.key(" ", "Space", 32)
    assert _transform(tab) == "translate(0,0) scale(1)"
    tab.evaluate("document.activeElement.blur()")  # and the page's own keys: + and - zoom, 0 resets
    tab.key("+", "Equal", 187)
    assert _transform(tab) == "translate(-250,-175) scale(1.5)"
    tab.key("-", "Minus", 189)
    assert _transform(tab) == "translate(0,0) scale(1)"
    tab.key("+", "Equal", 187)
    tab.key("0", "Digit0", 48)
    assert _transform(tab) == "translate(0,0) scale(1)"
    assert tab.problems() == []


def test_dragging_pans(browser: Browser, view: Path) -> None:
    tab = browser.open(view.as_uri())
    georgia = _centre_of_node(tab, 3)
    x, y = _on_screen(tab, 500, 200)  # an empty spot
    tab.mouse("mousePressed", x, y, button="left", buttons=1, clickCount=1)
    tab.mouse("mouseMoved", x + 100, y + 50, button="left", buttons=1)
    tab.mouse("mouseReleased", x + 100, y + 50, button="left", buttons=0, clickCount=1)
    assert _centre_of_node(tab, 3) == pytest.approx((georgia[0] + 100, georgia[1] + 50), abs=0.5)
    assert tab.problems() == []


def _tooltip(tab: Tab) -> dict[str, Any]:
    return dict(
        tab.evaluate(
            "(() => { const t = document.getElementById('tooltip'); return {hidden: t.hidden,"
            " heading: t.children[0] && t.children[0].textContent, kind: t.children[1] && t.children[1].textContent,"
            " fields: [...t.querySelectorAll('dt, dd')].map(e => e.textContent),"
            " tags: [...t.querySelectorAll('*')].map(e => e.tagName).join(' ')}; })()"
        )
    )


def test_hover_shows_the_label_type_and_attributes_as_text(browser: Browser, view: Path) -> None:
    tab = browser.open(view.as_uri())
    tab.mouse("mouseMoved", *_centre_of_node(tab, 3))
    assert _tooltip(tab) == {
        "hidden": False,
        "heading": HOSTILE,
        "kind": "State",
        "fields": ["IRI", GEO, "iso3", "GEO"],
        "tags": "STRONG SPAN DL DT DD DT DD",
    }
    tab.mouse("mouseMoved", *_on_screen(tab, 960, 350))  # the middle of the Armenia - session 2 line
    assert _tooltip(tab) == {
        "hidden": False,
        "heading": f"{SESSION_2} — Armenia",
        "kind": "link",
        "fields": ["role", "right-of-reply", "weight", "1"],
        "tags": "STRONG SPAN DL DT DD DT DD",
    }
    tab.mouse("mouseMoved", *_on_screen(tab, 500, 200))  # an empty spot
    assert _tooltip(tab)["hidden"] is True
    assert tab.evaluate("document.images.length") == 0
    assert tab.problems() == []


# --- finding, choosing, filtering ------------------------------------------------------------------------------


def _classed(tab: Tab, selector: str, name: str) -> list[int]:
    """The positions, among the elements ``selector`` picks, of those with class ``name``."""
    return list(
        tab.evaluate(
            f"[...document.querySelectorAll({json.dumps(selector)})]"
            f".flatMap((e, i) => e.classList.contains({json.dumps(name)}) ? [i] : [])"
        )
    )


def _text(tab: Tab, element_id: str) -> str:
    return str(tab.evaluate(f"document.getElementById({json.dumps(element_id)}).textContent"))


def _search(tab: Tab, words: str) -> None:
    tab.evaluate("document.getElementById('search').focus()")
    tab.type(words)
    tab.key("Enter", "Enter", 13, text="\r")


def _click_at(tab: Tab, x: float, y: float) -> None:
    tab.mouse("mousePressed", x, y, button="left", buttons=1, clickCount=1)
    tab.mouse("mouseReleased", x, y, button="left", buttons=0, clickCount=1)


def _neighbours(tab: Tab) -> list[list[str]]:
    return list(
        tab.evaluate(
            "[...document.querySelectorAll('#neighbours li')].map(li => [...li.children].map(e => e.textContent))"
        )
    )


def test_search_finds_a_node_centres_it_and_chooses_it(browser: Browser, view: Path, page: str) -> None:
    tab = browser.open(view.as_uri())
    _search(tab, "armen")  # the start of a label
    # zoom 2.5 with Armenia (960, 580) at the centre (500, 350): 500 - 2.5 * 960, 350 - 2.5 * 580
    assert _transform(tab) == "translate(-1900,-1100) scale(2.5)"
    assert _centre_of_node(tab, 2) == pytest.approx(_on_screen(tab, 500, 350), abs=0.5)
    assert _text(tab, "details-label") == "Armenia"
    assert _text(tab, "details-type") == f"State · community {_data(page)['nodes'][2]['community'] + 1}"
    assert _neighbours(tab) == [[SESSION_2, "1"]]
    assert _text(tab, "found") == ""
    assert tab.problems() == []  # the form's submission was the page's own: nothing sent anywhere


@pytest.mark.parametrize(
    ("words", "label"),
    [
        ("ARMENIA", "Armenia"),  # the whole label, case ignored
        ("session", SESSION_2),  # the start of two labels: the more central (degree 2 against 1)
        ("1 (2024", SESSION_1),  # a part of one label
        ("'GEO'", HOSTILE),
    ],
)
def test_search_prefers_the_whole_label_then_its_start_then_a_part(
    browser: Browser, view: Path, words: str, label: str
) -> None:
    tab = browser.open(view.as_uri())
    _search(tab, words)
    assert _text(tab, "details-label") == label


def test_search_for_no_node_says_so_and_leaves_the_view(browser: Browser, view: Path) -> None:
    tab = browser.open(view.as_uri())
    _search(tab, "Atlantis")
    assert _text(tab, "found") == "no node named “Atlantis”"
    assert _transform(tab) == "translate(0,0) scale(1)"
    assert tab.evaluate("document.getElementById('details').hidden") is True
    assert tab.problems() == []


def test_clicking_a_node_highlights_exactly_its_neighbours(browser: Browser, view: Path) -> None:
    tab = browser.open(view.as_uri())
    _click_at(tab, *_centre_of_node(tab, 3))  # Georgia: sessions 1 and 2
    assert tab.evaluate("document.getElementById('network').classList.contains('focus')") is True
    assert _classed(tab, "#nodes .node", "near") == [0, 1, 3]
    assert _classed(tab, "#edges line", "near") == [0, 2]  # session 1 - Georgia, session 2 - Georgia
    opacity = "[...document.querySelectorAll('#nodes .node')].map(n => getComputedStyle(n).fillOpacity)"
    assert tab.evaluate(opacity) == ["1", "1", "0.12", "1"]  # Armenia dimmed
    assert _text(tab, "details-label") == HOSTILE
    assert _text(tab, "neighbours-heading") == "2 neighbours"
    assert _neighbours(tab) == [[SESSION_2, "3"], [SESSION_1, "2"]]  # heaviest edge first
    assert _texts(tab, "#labels text") == [HOSTILE, SESSION_2, SESSION_1]  # the dimmed node unlabelled
    assert tab.evaluate("document.getElementById('details-link').children.length") == 0  # a file: no entity page

    _click_at(tab, *_centre_of_node(tab, 2))  # Armenia: session 2 only
    assert _classed(tab, "#nodes .node", "near") == [1, 2]
    assert _classed(tab, "#edges line", "near") == [1]

    tab.evaluate("document.querySelector('#neighbours button').click()")  # its neighbour, from the panel
    assert _text(tab, "details-label") == SESSION_2
    assert _classed(tab, "#nodes .node", "near") == [1, 2, 3]

    tab.key("Escape", "Escape", 27)
    assert _classed(tab, "#nodes .node", "near") == []
    assert tab.evaluate("document.getElementById('network').classList.contains('focus')") is False
    assert tab.evaluate("document.getElementById('details').hidden") is True
    assert tab.problems() == []


def test_clicking_an_empty_spot_clears_the_choice(browser: Browser, view: Path) -> None:
    tab = browser.open(view.as_uri())
    _click_at(tab, *_centre_of_node(tab, 3))
    _click_at(tab, *_on_screen(tab, 500, 200))
    assert _classed(tab, "#nodes .node", "near") == []
    assert tab.evaluate("document.getElementById('details').hidden") is True


def test_weight_filter_removes_the_lighter_edges(browser: Browser, view: Path) -> None:
    tab = browser.open(view.as_uri())
    assert tab.evaluate("document.getElementById('weight-filter').hidden") is False
    tab.evaluate("document.getElementById('min-weight').focus()")
    tab.key("ArrowRight", "ArrowRight", 39)  # minimum 1 → 2: Armenia - session 2 (weight 1) goes
    assert _text(tab, "min-weight-value") == "2"
    assert _classed(tab, "#edges line", "off") == [1]
    assert tab.evaluate("[...document.querySelectorAll('#edges line')].map(l => getComputedStyle(l).display)") == [
        "inline",
        "none",
        "inline",
    ]
    assert _text(tab, "counts") == "4 nodes · 2 of 3 edges"
    _click_at(tab, *_centre_of_node(tab, 2))  # Armenia has no neighbour left
    assert _classed(tab, "#nodes .node", "near") == [2]
    assert _text(tab, "neighbours-heading") == "0 neighbours"
    tab.evaluate("document.getElementById('min-weight').focus()")
    tab.key("ArrowRight", "ArrowRight", 39)  # → 3: only session 2 - Georgia (weight 3) stays
    assert _classed(tab, "#edges line", "off") == [0, 1]
    assert _text(tab, "counts") == "4 nodes · 1 of 3 edges"
    assert tab.problems() == []


def test_type_filter_hides_a_type_and_its_edges(browser: Browser, view: Path) -> None:
    tab = browser.open(view.as_uri())
    _click_at(tab, *_centre_of_node(tab, 0))  # session 1 chosen, then its type hidden: the choice goes
    _click(tab, "type-Session")
    assert _classed(tab, "#nodes .node", "off") == [0, 1]
    assert _classed(tab, "#edges line", "off") == [0, 1, 2]
    assert _text(tab, "counts") == "2 of 4 nodes · 0 of 3 edges"
    assert _texts(tab, "#labels text") == [HOSTILE, "Armenia"]
    assert tab.evaluate("document.getElementById('details').hidden") is True
    _search(tab, "session")  # a hidden node is not found
    assert _text(tab, "found") == "no node named “session”"
    _click(tab, "type-Session")
    assert _classed(tab, "#nodes .node", "off") == []
    assert _text(tab, "counts") == "4 nodes · 3 edges"
    assert tab.problems() == []


def test_served_page_links_the_panel_to_the_entity_page(browser: Browser, tmp_path: Path) -> None:
    graph, positions = sample()
    path = tmp_path / "served.html"
    path.write_text(render_html(graph, TITLE, positions, entity_base="/id/"), encoding="utf-8")
    tab = browser.open(path.as_uri())
    _click_at(tab, *_centre_of_node(tab, 3))
    links = "[...document.querySelectorAll('#details-link a')].map(a => [a.textContent, a.getAttribute('href')])"
    assert tab.evaluate(links) == [["Entity page", "/id/state/GEO"]]
    assert tab.problems() == []


def test_the_side_panel_never_covers_the_drawing(browser: Browser, view: Path) -> None:
    tab = browser.open(view.as_uri())
    _click_at(tab, *_centre_of_node(tab, 3))
    drawing = tab.evaluate(
        "(() => { const b = document.getElementById('network').getBoundingClientRect(); return [b.left, b.right]; })()"
    )
    panel = tab.evaluate(
        "(() => { const b = document.querySelector('aside').getBoundingClientRect(); return [b.left, b.right]; })()"
    )
    assert drawing[1] <= panel[0]


def test_empty_view_says_why_in_the_drawing(browser: Browser, tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text(render_html(nx.Graph(), TITLE, {}, empty="No data: nothing here"), encoding="utf-8")
    tab = browser.open(path.as_uri())
    assert _text(tab, "empty") == "No data: nothing here"
    assert _text(tab, "counts") == "0 nodes · 0 edges"
    assert tab.problems() == []


# --- labels ----------------------------------------------------------------------------------------------------


def _grid(columns: int, rows: int) -> tuple[nx.Graph, dict[str, tuple[float, float]]]:
    """A grid of long-labelled nodes one unit apart, joined to their right and lower neighbours, plus a hub in
    the middle joined to every node of the middle row (so it is the most central)."""
    graph = nx.Graph()
    positions: dict[str, tuple[float, float]] = {}
    for column in range(columns):
        for row in range(rows):
            node = f"n{column:02d}-{row:02d}"
            graph.add_node(node, label=f"A rather long node label {column:02d}-{row:02d}", type="State")
            positions[node] = (float(column), float(-row))
            if column:
                graph.add_edge(f"n{column - 1:02d}-{row:02d}", node)
            if row:
                graph.add_edge(f"n{column:02d}-{row - 1:02d}", node)
    graph.add_node("hub", label="Hub", type="Objective")
    positions["hub"] = ((columns - 1) / 2, -(rows - 1) / 2 + 0.5)
    graph.add_edges_from(("hub", f"n{column:02d}-{rows // 2:02d}") for column in range(columns))
    return graph, positions


OVERLAPS = """(() => {
  const boxes = [...document.querySelectorAll('#labels text')].map(t => t.getBoundingClientRect());
  const pairs = [];
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b, j) => {
    if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) pairs.push([i, i + 1 + j]);
  }));
  return pairs;
})()"""


def test_labels_never_overlap_and_more_appear_as_one_zooms_in(browser: Browser, tmp_path: Path) -> None:
    graph, positions = _grid(15, 11)
    path = tmp_path / "grid.html"
    path.write_text(render_html(graph, TITLE, positions), encoding="utf-8")
    tab = browser.open(path.as_uri())
    shown = _texts(tab, "#labels text")
    assert shown[0] == "Hub"  # the most central node first
    assert 5 < len(shown) <= 30  # some, never more than the budget at zoom 1, and far fewer than 166 nodes
    assert tab.evaluate(OVERLAPS) == []
    tab.evaluate("document.activeElement.blur()")
    for _ in range(2):
        tab.key("+", "Equal", 187)
    tab.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert tab.evaluate(OVERLAPS) == []
    # at zoom 40 on node 02-02 (viewBox ≈ its position), it is alone on screen with its neighbours: labelled
    (corner,) = [node for node in _data(path.read_text(encoding="utf-8"))["nodes"] if node["id"] == "n02-02"]
    deep = browser.open(path.as_uri() + f"#zoom=40&cx={corner['x']}&cy={corner['y']}")
    assert "A rather long node label 02-02" in _texts(deep, "#labels text")
    assert deep.evaluate(OVERLAPS) == []
    assert tab.problems() == [] and deep.problems() == []


# --- screenshots compared by structure -------------------------------------------------------------------------


def _drawing_box(tab: Tab) -> tuple[float, float, float, float]:
    box = tab.evaluate(
        "(() => { const b = document.getElementById('network').getBoundingClientRect();"
        " return [b.x, b.y, b.width, b.height]; })()"
    )
    return box[0], box[1], box[2], box[3]


def _expected_marks(tab: Tab, nodes: list[dict[str, Any]], which: list[int]) -> list[tuple[str, float, float]]:
    """The mark each of the nodes ``which`` should make: its colour at its hand-placed point on the screen."""
    return [(nodes[i]["colour"], *_on_screen(tab, *PLACED[nodes[i]["id"]])) for i in which]


def test_screenshot_has_every_node_then_only_the_chosen_neighbourhood(browser: Browser, view: Path, page: str) -> None:
    nodes = _data(page)["nodes"]
    colours = [node["colour"] for node in nodes]
    tab = browser.open(view.as_uri())
    box = _drawing_box(tab)
    everything = _expected_marks(tab, nodes, [0, 1, 2, 3])
    before = screens.marks(tab.screenshot(), colours, box)
    assert screens.differences(before, everything, distance=2.0) == []
    _click_at(tab, *_centre_of_node(tab, 3))
    tab.mouse("mouseMoved", *_on_screen(tab, 500, 200))  # the pointer off the nodes: no hover outline
    after = screens.marks(tab.screenshot(), colours, box)
    neighbourhood = _expected_marks(tab, nodes, [0, 1, 3])  # Armenia dimmed: no mark in its colour
    assert screens.differences(after, neighbourhood, distance=2.0) == []
    # negative controls: the picture before the click has Armenia's mark too; the one after lacks it
    armenia = f"unexpected {nodes[2]['colour']} mark at"
    assert [problem[: len(armenia)] for problem in screens.differences(before, neighbourhood, 2.0)] == [armenia]
    assert screens.differences(after, everything, 2.0) == [f"no {nodes[2]['colour']} mark at {_point(everything[2])}"]


def _point(mark: tuple[str, float, float]) -> str:
    return f"({mark[1]:.0f}, {mark[2]:.0f})"


def test_structure_comparison_sees_a_moved_node(browser: Browser, view: Path, page: str, tmp_path: Path) -> None:
    """Negative control: Armenia drawn elsewhere (the layout's far corner moved in) fails the comparison."""
    graph, positions = sample()
    positions[ARM] = (1.5, 0.0)  # a quarter of the width to the left of where it was
    moved = tmp_path / "moved.html"
    moved.write_text(render_html(graph, TITLE, positions), encoding="utf-8")
    nodes = _data(page)["nodes"]
    tab = browser.open(moved.as_uri())
    found = screens.marks(tab.screenshot(), [node["colour"] for node in nodes], _drawing_box(tab))
    problems = screens.differences(found, _expected_marks(tab, nodes, [0, 1, 2, 3]), distance=2.0)
    assert len(problems) == 2
    assert problems[0].startswith(f"no {nodes[2]['colour']} mark at")
    assert problems[1].startswith(f"unexpected {nodes[2]['colour']} mark at")


def test_a_large_network_hides_its_edges_while_the_view_moves(browser: Browser, tmp_path: Path) -> None:
    # 1,035 edges (a complete graph of 46 nodes): above the 1,000 of a large network
    graph = nx.complete_graph(46)
    named = nx.relabel_nodes(graph, {node: f"n{node:02d}" for node in graph})
    nx.set_node_attributes(named, {node: {"label": node, "type": "State"} for node in named})
    path = tmp_path / "large.html"
    path.write_text(
        render_html(named, TITLE, {node: (i % 7, i // 7) for i, node in enumerate(named)}), encoding="utf-8"
    )
    tab = browser.open(path.as_uri())
    edges_display = "getComputedStyle(document.getElementById('edges')).display"
    assert tab.evaluate("document.getElementById('network').classList.contains('large')") is True
    # what the edges' display is each time the drawing's classes change
    tab.evaluate(
        f"window.seen = []; new MutationObserver(() => seen.push({edges_display}))"
        ".observe(document.getElementById('network'), {attributes: true, attributeFilter: ['class']})"
    )
    tab.mouse("mouseWheel", *_on_screen(tab, 500, 350), deltaX=0, deltaY=-100)
    assert tab.evaluate("new Promise(done => setTimeout(() => done(seen), 600))") == ["none", "inline"]
    assert tab.evaluate(edges_display) == "inline"
    assert tab.problems() == []


def test_a_small_network_keeps_its_edges_while_the_view_moves(browser: Browser, view: Path) -> None:
    tab = browser.open(view.as_uri())
    tab.mouse("mouseWheel", *_on_screen(tab, 500, 350), deltaX=0, deltaY=-100)
    assert tab.evaluate("document.getElementById('network').classList.contains('moving')") is False
    assert tab.evaluate("getComputedStyle(document.getElementById('edges')).display") == "inline"
    assert tab.evaluate("document.getElementById('network').classList.contains('large')") is False

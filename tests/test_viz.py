"""`gcmkg viz`: the four network views of the fictional report of tests/fixtures/corpus/, their files and stats.

Expected nodes, edges and attributes are worked out from the report's text (see the docstring of
tests/test_network_queries.py for what each paragraph gives): session 2 of the 2024 review, its eight
State participants, the Migration MPTF joint programme in Georgia on objective 3, objectives 3, 7 and
16 named together once, and the eleven States of the attendance paragraph, seven of them again in the
presenters' line and three in paragraph 4.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner, Result
from pyoxigraph import Literal, NamedNode

from gcmkg.graph.cli import cli
from gcmkg.graph.core import ids
from gcmkg.graph.query.runner import QueryResult
from gcmkg.graph.visualise import positions, stats
from gcmkg.graph.visualise.kinds import KINDS
from gcmkg.graph.visualise.projections import PROJECTIONS, participation
from gcmkg.graph.visualise.source import query_rows
from tests.browser import Browser, chromium
from tests.test_network_queries import ROLES, expected_comentions

NETWORKS = ["participation", "initiatives", "objective-cooccurrence", "state-comentions"]
SESSION = ids.ID + "review/2024/session/2"
PROGRAMME = ids.ID + "initiative/migration-mptf/GEO"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def graphs(fixture_build: Path) -> dict[str, nx.Graph]:
    """Each network view of the fixture build, projected in this process."""
    return {kind: PROJECTIONS[kind](query_rows(fixture_build, KINDS[kind].queries, True, 0)) for kind in NETWORKS}


def viz(build_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["viz", *args, "--graph", str(build_dir), "--quiet"])


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk (which must come first)."""
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


# --- the views: nodes, edges and attributes -------------------------------------------------------


def test_every_network_kind_has_a_projection() -> None:
    assert sorted(PROJECTIONS) == sorted(name for name, kind in KINDS.items() if kind.is_network)


def test_participation_is_bipartite_states_and_sessions(graphs: dict[str, nx.Graph]) -> None:
    graph = graphs["participation"]

    assert (graph.number_of_nodes(), graph.number_of_edges()) == (9, 8)
    assert graph.nodes[SESSION] == {
        "label": "Session 2 (2024)",
        "type": "Session",
        "year": 2024,
        "number": 2,
        "bipartite": 1,
    }
    for iso3, role in ROLES.items():
        state = ids.state(iso3)
        assert graph.nodes[state]["type"] == "State" and graph.nodes[state]["bipartite"] == 0
        assert graph.nodes[state]["iso3"] == iso3
        assert graph.edges[state, SESSION] == {"role": role, "year": 2024}
    assert graph.nodes[ids.state("PRT")]["label"] == "Portugal"
    assert nx.is_bipartite(graph)


def test_participation_joins_the_roles_of_a_state_in_one_session() -> None:
    def row(role: str) -> tuple[Any, ...]:
        year = Literal("2024", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#gYear"))
        ireland = (NamedNode(ids.state("IRL")), Literal("IRL"), Literal("Ireland"))
        return (*ireland, NamedNode(SESSION), year, Literal("2"), Literal(role))

    columns = ("state_iri", "iso3", "name", "session_iri", "year", "session", "role")
    result = QueryResult(columns=columns, rows=[row("speaker"), row("presenter")])
    graph = participation({"participation-network": result})
    assert graph.number_of_edges() == 1
    assert graph.edges[ids.state("IRL"), SESSION]["role"] == "presenter; speaker"


def test_initiatives_links_the_programme_to_georgia_and_objective_3(graphs: dict[str, nx.Graph]) -> None:
    graph = graphs["initiatives"]
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (3, 2)
    assert graph.nodes[PROGRAMME] == {
        "label": "Migration Multi-Partner Trust Fund programme in Georgia",
        "type": "Initiative",
        "funder": "Migration Multi-Partner Trust Fund",
    }
    assert graph.nodes[ids.state("GEO")] == {"label": "Georgia", "type": "State", "iso3": "GEO"}
    assert graph.nodes[ids.objective(3)]["label"] == "Objective 3"
    assert graph.nodes[ids.objective(3)]["number"] == 3
    assert graph.edges[PROGRAMME, ids.state("GEO")] == {"relation": "implemented in"}
    assert graph.edges[PROGRAMME, ids.objective(3)] == {"relation": "contributes to"}


def test_objective_cooccurrence_is_a_triangle_of_weight_one(graphs: dict[str, nx.Graph]) -> None:
    graph = graphs["objective-cooccurrence"]
    assert sorted(graph) == sorted(ids.objective(n) for n in (3, 7, 16))
    labels = [graph.nodes[ids.objective(n)]["label"] for n in (3, 7, 16)]
    assert labels == ["Objective 3", "Objective 7", "Objective 16"]
    assert graph.number_of_edges() == 3
    assert {data["weight"] for _, _, data in graph.edges(data=True)} == {1}


def test_state_comentions_weights_are_passages_in_common(graphs: dict[str, nx.Graph]) -> None:
    graph = graphs["state-comentions"]
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (11, 55)
    weights = {(graph.nodes[a]["iso3"], graph.nodes[b]["iso3"]): w for a, b, w in graph.edges(data="weight")}
    assert {tuple(sorted(pair)): w for pair, w in weights.items()} == expected_comentions()
    georgia = ids.state("GEO")
    assert graph.degree(georgia) == 10
    # 10 States in paragraph 1, 6 more passages with the presenters, Armenia and Ireland in paragraph 4
    assert graph.degree(georgia, weight="weight") == 18


def test_no_attribute_is_none(graphs: dict[str, nx.Graph]) -> None:
    for kind, graph in graphs.items():
        for node, data in graph.nodes(data=True):
            assert isinstance(data["label"], str) and data["label"] and data["type"], (kind, node)
            assert None not in data.values(), (kind, node)
        for a, b, data in graph.edges(data=True):
            assert None not in data.values(), (kind, a, b)


# --- files -----------------------------------------------------------------------------------------


def _without_gexf_extras(data: Mapping[str, Any]) -> dict[str, Any]:
    """GEXF gives each edge an id and reads weights back as floats."""
    return {key: float(value) if key == "weight" else value for key, value in data.items() if key != "id"}


@pytest.mark.parametrize("kind", NETWORKS)
def test_graphml_and_gexf_read_back_the_same_graph(
    kind: str, fixture_build: Path, graphs: dict[str, nx.Graph], tmp_path: Path
) -> None:
    expected = graphs[kind]
    for output_format, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = tmp_path / f"{kind}.{output_format}"
        result = viz(fixture_build, kind, "--format", output_format, "-o", str(path))
        assert result.exit_code == 0, result.output
        size = f"{expected.number_of_nodes()} nodes, {expected.number_of_edges()} edges"
        assert result.output == f"wrote {path}: {size} ({kind})\n"
        back = read(path)
        assert dict(back.nodes(data=True)) == dict(expected.nodes(data=True)), output_format
        edges = {frozenset((a, b)): data for a, b, data in back.edges(data=True)}
        wanted = {frozenset((a, b)): data for a, b, data in expected.edges(data=True)}
        if output_format == "gexf":
            edges = {pair: _without_gexf_extras(data) for pair, data in edges.items()}
            wanted = {pair: _without_gexf_extras(data) for pair, data in wanted.items()}
        assert edges == wanted, output_format


def test_gexf_carries_no_date(fixture_build: Path, tmp_path: Path) -> None:
    path = tmp_path / "p.gexf"
    assert viz(fixture_build, "participation", "-o", str(path)).exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert "<gexf" in text and "lastmodifieddate" not in text


@pytest.mark.parametrize("kind", NETWORKS)
def test_png_is_a_1600_by_1200_image(kind: str, fixture_build: Path, tmp_path: Path) -> None:
    path = tmp_path / f"{kind}.png"
    result = viz(fixture_build, kind, "--format", "png", "-o", str(path))
    assert result.exit_code == 0, result.output
    assert png_size(path.read_bytes()) == (1600, 1200)


def test_svg_is_xml_and_the_same_twice(fixture_build: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.svg", tmp_path / "two.svg"
    for path in (one, two):
        assert viz(fixture_build, "state-comentions", "-o", str(path)).exit_code == 0
    root = ElementTree.fromstring(one.read_bytes())
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("width") == "1152pt" and root.get("height") == "864pt"  # 16 × 12 in at 72 pt per inch
    assert one.read_bytes() == two.read_bytes()


def test_default_file_and_format_from_the_suffix(
    fixture_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert viz(fixture_build, "participation").exit_code == 0
    assert (tmp_path / "viz" / "participation.graphml").read_text(encoding="utf-8").count("<node ") == 9
    assert viz(fixture_build, "initiatives", "-o", "out/initiatives.gexf").exit_code == 0
    assert "<gexf" in (tmp_path / "out" / "initiatives.gexf").read_text(encoding="utf-8")


def test_html_view_of_the_fixture_shows_its_nodes_in_chromium(fixture_build: Path, tmp_path: Path) -> None:
    """End to end: `gcmkg viz participation --format html`, opened in headless Chromium, draws the eight
    States of session 2 and the session, joined by eight lines, with no console errors."""
    executable = chromium()
    path = tmp_path / "participation.html"
    result = viz(fixture_build, "participation", "--format", "html", "-o", str(path))
    assert result.exit_code == 0, result.output
    browser = Browser(executable, tmp_path)
    try:
        tab = browser.open(path.as_uri())
        labels = tab.evaluate("[...document.querySelectorAll('#labels text')].map(e => e.textContent)")
        shapes = tab.evaluate("document.querySelectorAll('#nodes .node').length")
        lines = tab.evaluate("document.querySelectorAll('#edges line').length")
        problems = tab.problems()
    finally:
        browser.close()
    states = ["Armenia", "Estonia", "Georgia", "Ireland", "Latvia", "Lithuania", "Portugal", "Serbia"]
    assert sorted(labels) == sorted([*states, "Session 2 (2024)"])
    assert (shapes, lines) == (9, 8)
    assert problems == []


@pytest.mark.parametrize("kamada_kawai_limit", [positions.KAMADA_KAWAI_LIMIT, 5], ids=["kamada-kawai", "spring"])
def test_layout_is_keyed_by_node_id_and_repeatable(
    graphs: dict[str, nx.Graph], monkeypatch: pytest.MonkeyPatch, kamada_kawai_limit: int
) -> None:
    monkeypatch.setattr(positions, "KAMADA_KAWAI_LIMIT", kamada_kawai_limit)  # above it: the seeded spring layout
    graph = graphs["state-comentions"]
    placed = positions.positions(graph)
    assert set(placed) == set(graph)
    assert all(-1.0 <= x <= 1.0 and -1.0 <= y <= 1.0 for x, y in placed.values())
    assert len(set(placed.values())) == graph.number_of_nodes()
    assert positions.positions(graph) == placed


@pytest.mark.slow
def test_files_are_byte_identical_across_hash_seeds(fixture_build: Path, tmp_path: Path) -> None:
    """Two processes with different PYTHONHASHSEED write the same GraphML, GEXF, PNG and SVG."""
    files = ["state-comentions.graphml", "state-comentions.gexf", "state-comentions.png", "participation.svg"]
    script = (
        "import sys; from gcmkg.graph.cli import cli\n"
        "for name in sys.argv[2:]:\n"
        "    kind, _ = name.split('.')\n"
        "    cli.main(['viz', kind, '--graph', sys.argv[1], '-o', name, '-q'], standalone_mode=False)\n"
    )
    runs = []
    for seed in ("1", "4242"):
        (tmp_path / seed).mkdir()
        runs.append(
            subprocess.Popen(
                [sys.executable, "-c", script, str(fixture_build), *files],
                cwd=tmp_path / seed,
                env={**os.environ, "PYTHONHASHSEED": seed},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
        )
    for run in runs:
        _, errors = run.communicate(timeout=300)
        assert run.returncode == 0, errors.decode()
    for name in files:
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "4242" / name).read_bytes(), name


# --- stats -----------------------------------------------------------------------------------------


def _table(output: str, heading: str) -> list[list[str]]:
    """The rows (rank, label..., type, value) of the --stats table under the heading that starts with ``heading``."""
    block = next(block for block in output.split("\n\n") if block.startswith(heading))
    return [line.split() for line in block.splitlines()[2:]]


def test_stats_of_the_comention_network(fixture_build: Path, tmp_path: Path) -> None:
    result = viz(fixture_build, "state-comentions", "-o", str(tmp_path / "c.graphml"), "--stats", "--top", "11")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"wrote {tmp_path / 'c.graphml'}: 11 nodes, 55 edges (state-comentions)\n")
    # every State is named with every other in paragraph 1: degree 10 each, ties in label order
    degree = _table(result.output, "degree (neighbours)")
    assert len(degree) == 11 and all(row[-1] == "10" and row[-2] == "State" for row in degree)
    assert ["5", "Georgia", "State", "10"] in degree
    # Armenia, Georgia and Ireland share three passages with each other; EST, LTU, LVA, SRB 16; the rest 10
    weighted = _table(result.output, "weighted degree")
    assert [(row[1], row[-1]) for row in weighted[:4]] == [
        ("Armenia", "18"),
        ("Georgia", "18"),
        ("Ireland", "18"),
        ("Estonia", "16"),
    ]
    assert weighted[-1][-1] == "10"
    # a complete graph: no node lies between two others
    assert "betweenness (exact, normalised, hops)" in result.output
    assert {row[-1] for row in _table(result.output, "betweenness")} == {"0.0000"}
    pagerank = _table(result.output, "PageRank")
    assert [row[1] for row in pagerank[:3]] == ["Armenia", "Georgia", "Ireland"]


def test_stats_of_the_participation_star(fixture_build: Path, tmp_path: Path) -> None:
    result = viz(fixture_build, "participation", "-o", str(tmp_path / "p.graphml"), "--stats", "--top", "2")
    assert result.exit_code == 0, result.output
    # the session joins the eight States: degree 8, and every path between two States goes through it
    assert _table(result.output, "degree")[0] == ["1", "Session", "2", "(2024)", "Session", "8"]
    assert _table(result.output, "betweenness")[0][-1] == "1.0000"
    assert len(_table(result.output, "PageRank")) == 2
    assert "weighted degree" not in result.output


def test_betweenness_is_sampled_above_the_exact_limit(graphs: dict[str, nx.Graph]) -> None:
    graph = graphs["participation"]
    exact, how = stats.betweenness(graph)
    assert how == "exact, normalised, hops"
    sampled, how = stats.betweenness(graph, exact_limit=5)
    assert how == f"estimated from 9 sampled pivots (seed {stats.SEED}), normalised, hops"
    assert sampled == pytest.approx(exact)  # nine pivots of nine nodes: every source counted


# --- errors and help -------------------------------------------------------------------------------


def test_unknown_kind_exits_2_listing_the_kinds(fixture_build: Path) -> None:
    result = viz(fixture_build, "networks")
    assert result.exit_code == 2
    for kind in KINDS:
        assert kind in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["participation", "--format", "csv"], "participation cannot be written as csv"),
        (["state-comentions", "-o", "x.png", "--format", "svg"], "--format svg but x.png does not end in .svg"),
        (["initiatives", "-o", "x.xml"], "cannot tell the format of x.xml"),
        (["coverage", "--format", "graphml"], "coverage cannot be written as graphml"),
        (["coverage", "--format", "html"], "coverage cannot be written as html"),
        (["coverage", "-o", "c.gexf"], "coverage cannot be written as gexf"),
        (["coverage", "--stats"], "--stats ranks the nodes of a network"),
    ],
)
def test_a_format_the_view_cannot_take_exits_2(
    fixture_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = viz(fixture_build, *args)
    assert result.exit_code == 2
    assert message in result.output
    assert list(tmp_path.iterdir()) == []


def test_missing_build_exits_3_naming_the_command(tmp_path: Path) -> None:
    result = viz(tmp_path / "nothing", "participation", "-o", str(tmp_path / "p.graphml"))
    assert result.exit_code == 3
    assert "no build at" in result.output and "gcmkg build" in result.output
    assert not (tmp_path / "p.graphml").exists()


def test_help_lists_the_kinds_and_examples() -> None:
    result = CliRunner().invoke(cli, ["viz", "--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.output
    for kind in KINDS:
        assert kind in result.output


def test_a_build_without_documents_gives_empty_views(reference_build: Path, tmp_path: Path) -> None:
    path = tmp_path / "p.png"
    result = viz(reference_build, "participation", "-o", str(path), "--stats")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"wrote {path}: 0 nodes, 0 edges (participation)\n")
    assert result.output.count("no nodes") == 3  # degree, betweenness, PageRank
    assert png_size(path.read_bytes()) == (1600, 1200)


# PageRank of the centre c of a star with 8 leaves l (9 nodes, damping 0.85): c = 0.15/9 + 0.85 × 8l and
# l = 0.15/9 + 0.85 × c/8, with c + 8l = 1, give c = (0.15/9 + 0.85) / 1.85 = 0.468468...
STAR_CENTRE_PAGERANK = (0.15 / 9 + 0.85) / 1.85


def test_stats_as_csv_and_json_for_machines(fixture_build: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "p.graphml")
    as_csv = CliRunner().invoke(
        cli,
        ["viz", "participation", "--graph", str(fixture_build), "-q", "-o", out, "--stats", "--top", "1"]
        + ["--stats-format", "csv"],
    )
    assert as_csv.exit_code == 0, as_csv.output
    # the session joins the eight States: degree 8, betweenness 1; stdout holds only the rankings
    assert as_csv.stdout.splitlines() == [
        "measure,rank,node,label,type,value",
        f"degree,1,{SESSION},Session 2 (2024),Session,8",
        f"betweenness,1,{SESSION},Session 2 (2024),Session,1.0000",
        f"PageRank,1,{SESSION},Session 2 (2024),Session,0.4685",
    ]
    assert f"wrote {out}" in as_csv.stderr
    as_json = CliRunner().invoke(
        cli,
        ["viz", "participation", "--graph", str(fixture_build), "-q", "-o", out, "--stats", "--top", "1"]
        + ["--stats-format", "json"],
    )
    rankings = json.loads(as_json.stdout)
    assert [ranking["measure"] for ranking in rankings] == ["degree", "betweenness", "PageRank"]
    assert rankings[0]["nodes"] == [
        {"rank": 1, "node": SESSION, "label": "Session 2 (2024)", "type": "Session", "value": 8}
    ]
    assert rankings[1]["nodes"][0]["value"] == 1.0
    assert rankings[2]["nodes"][0]["value"] == pytest.approx(STAR_CENTRE_PAGERANK, abs=1e-5)


def test_drawing_labels_the_most_central_nodes_that_fit_without_overlap() -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from gcmkg.graph.visualise.drawing import MAX_LABELS, network_figure
    from tests.test_viz_html import _grid

    graph, where = _grid(15, 11)  # 166 nodes one unit apart, labels five units wide: they cannot all fit
    figure = network_figure(graph, where, "Grid", "grid", "")
    renderer = FigureCanvasAgg(figure).get_renderer()
    (axes,) = [axes for axes in figure.axes if axes.texts]
    labels = axes.texts
    assert labels[0].get_text() == "Hub"  # the most central first
    assert 5 < len(labels) < MAX_LABELS
    boxes = [label.get_window_extent(renderer) for label in labels]
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if a.overlaps(b)]
    bottom = figure.get_supxlabel()
    assert f"labels: the {len(labels)} most central nodes whose labels do not overlap" in bottom


def test_drawing_legend_sits_beside_the_nodes() -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from gcmkg.graph.visualise.drawing import network_figure
    from tests.test_viz_html import _grid

    graph, where = _grid(4, 3)
    figure = network_figure(graph, where, "Grid", "grid", "")
    renderer = FigureCanvasAgg(figure).get_renderer()
    (axes,) = figure.axes
    legend = axes.get_legend().get_window_extent(renderer)
    assert legend.x0 >= axes.get_window_extent(renderer).x1  # to the right of the drawing, not over it


def test_an_empty_drawing_says_why() -> None:
    from gcmkg.graph.visualise.drawing import network_figure

    figure = network_figure(nx.Graph(), {}, "Nothing", "state-comentions", KINDS["state-comentions"].empty)
    assert [text.get_text() for axes in figure.axes for text in axes.texts] == [
        "No data: no passage of the build mentions two States"
    ]


# --- the page gcmkg serve embeds, and links to entity pages ---------------------------------------------------


def _embedded(page: str) -> dict[str, Any]:
    start = page.index('<script type="application/json" id="graph-data">') + len(
        '<script type="application/json" id="graph-data">'
    )
    return dict(json.loads(page[start : page.index("</script>", start)]))


def test_network_html_on_an_open_store_is_the_page_viz_writes(fixture_build: Path, tmp_path: Path) -> None:
    from gcmkg.graph.rdfio.store import open_store
    from gcmkg.graph.visualise.source import rows_on_store
    from gcmkg.graph.visualise.views import network_html

    kind = "participation"
    page = network_html(kind, rows_on_store(open_store(fixture_build), KINDS[kind].queries), entity_base="/id/")
    path = tmp_path / "p.html"
    assert viz(fixture_build, kind, "-o", str(path), "--entity-base", "/id/").exit_code == 0
    assert path.read_text(encoding="utf-8") == page
    links = {node["label"]: node["href"] for node in _embedded(page)["nodes"]}
    assert links["Session 2 (2024)"] == "/id/review/2024/session/2"
    assert links["Georgia"] == "/id/state/GEO"


def test_a_file_has_no_entity_links(fixture_build: Path, tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    assert viz(fixture_build, "participation", "-o", str(path)).exit_code == 0
    assert not [node for node in _embedded(path.read_text(encoding="utf-8"))["nodes"] if "href" in node]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "p.png", "--entity-base", "/id/"], "--entity-base links the nodes of an HTML view"),
        (["-o", "p.html", "--entity-base", "javascript:alert(1)"], "must be a relative path or an http(s) URL"),
    ],
)
def test_an_entity_base_that_cannot_be_used_exits_2(
    fixture_build: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    args = [str(tmp_path / arg) if arg.startswith("p.") else arg for arg in args]
    result = viz(fixture_build, "participation", *args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert not list(tmp_path.iterdir())  # nothing written


def test_an_empty_html_view_says_why(reference_build: Path, tmp_path: Path) -> None:
    path = tmp_path / "s.html"
    assert viz(reference_build, "state-comentions", "-o", str(path)).exit_code == 0
    assert _embedded(path.read_text(encoding="utf-8"))["empty"] == KINDS["state-comentions"].empty

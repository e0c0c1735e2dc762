"""Benchmark: how soon the HTML network views paint in headless Chromium, and how fast they answer, at 1× and 10×.

For each network view of the corpus build and of the build of a synthetic corpus 10× its size
(tests/benchmarks/synthetic_corpus.py), and for a generated network of GENERATED nodes and edges (seeded; the
10× corpus has about as many States as the corpus, so its views grow in edges, not nodes), the page is written
by ``gcmkg viz KIND --format html`` (or render_html for the generated one) and opened REPEAT times in a fresh
tab. Measured by the page's own clock (performance entries, milliseconds from the start of navigation):
first contentful paint, and the moment network.js has drawn everything (its ``gcmkg-drawn`` mark). Then, on
the open page, the time from an action to the second frame after it (the frame that shows it): search for
the most central node (centre and highlight), raise the minimum edge weight, and one zoom step. Medians.

Run:  python -m tests.benchmarks.viz_paint [--corpus ../shared/corpus] [--build-1x B1 --build-10x B10] [--repeat 5]
Prints Markdown tables; copy them into tests/benchmarks/README.md. A measurement, not a test.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import networkx as nx

from gcmkg.graph.visualise.html import render_html
from gcmkg.graph.visualise.kinds import KINDS
from gcmkg.graph.visualise.positions import positions
from tests.benchmarks.run import DEFAULT_CORPUS, GCMKG, print_table, ratio, synthetic, timed_build
from tests.browser import Browser, Tab, chromium

NETWORKS = [name for name, kind in KINDS.items() if kind.is_network]
GENERATED = (600, 6000)  # nodes, edges
SEED = 20240311

# Milliseconds from navigation to the first contentful paint and to network.js's "gcmkg-drawn" mark.
PAINT = """new Promise(done => {
  const read = () => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const drawn = performance.getEntriesByName('gcmkg-drawn')[0];
    if (paint && drawn) done([paint.startTime, drawn.startTime]); else setTimeout(read, 10);
  };
  read();
})"""

# Milliseconds from an action to the second animation frame after it (the one that shows its result); with
# "settled", after the view has settled too (a large network's edges are back: network.js hides them while the
# view moves).
ACTION = """(async () => {
  const frame = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const settled = () => new Promise(done => {
    const look = () => document.getElementById('network').classList.contains('moving') ? setTimeout(look, 5) : done();
    look();
  });
  await frame();
  const start = performance.now();
  %s;
  await frame();
  return performance.now() - start;
})()"""

ACTIONS = {
    "find + highlight": (
        "const input = document.getElementById('search');"
        " input.value = JSON.parse(document.getElementById('graph-data').textContent).nodes"
        ".find(n => n.rank === 0).label; document.getElementById('find').requestSubmit()"
    ),
    "weight filter": (
        "const slider = document.getElementById('min-weight');"
        " slider.value = String(Number(slider.min) + 1); slider.dispatchEvent(new Event('input'))"
    ),
    "zoom step": "document.getElementById('zoom-in').click()",
    "zoom step, settled": "document.getElementById('zoom-in').click(); await settled()",
}


def generated_page(path: Path) -> Path:
    """A seeded random network of GENERATED nodes (States, sessions, objectives) and edges, weights 1 to 9."""
    nodes, edges = GENERATED
    draw = random.Random(SEED)
    graph = nx.gnm_random_graph(nodes, edges, seed=SEED)
    labelled = nx.Graph()
    types = ("State", "Session", "Objective")
    labelled.add_nodes_from(
        (f"n{node:04d}", {"label": f"Generated node {node:04d}", "type": types[node % 3]}) for node in graph
    )
    labelled.add_edges_from((f"n{a:04d}", f"n{b:04d}", {"weight": draw.randint(1, 9)}) for a, b in graph.edges)
    path.write_text(render_html(labelled, "Generated", positions(labelled)), encoding="utf-8")
    return path


def measure_page(browser: Browser, page: Path, repeat: int) -> dict[str, float]:
    """Median first paint, drawn mark and action times of ``page`` over ``repeat`` fresh tabs."""
    runs: dict[str, list[float]] = {}
    for _ in range(repeat):
        tab = browser.open(page.as_uri())
        paint, drawn = tab.evaluate(PAINT)
        runs.setdefault("first paint", []).append(paint)
        runs.setdefault("drawn", []).append(drawn)
        for name, action in ACTIONS.items():
            if name == "weight filter" and not _weighted(tab):
                continue
            runs.setdefault(name, []).append(tab.evaluate(ACTION % action))
        problems = tab.problems()
        if problems:
            raise SystemExit(f"{page}: {problems}")
        browser.send("Target.closeTarget", {"targetId": _target(browser, tab)})
    return {name: statistics.median(values) for name, values in runs.items()}


def _weighted(tab: Tab) -> bool:
    return bool(tab.evaluate("!document.getElementById('weight-filter').hidden"))


def _target(browser: Browser, tab: Tab) -> str:
    targets = browser.send("Target.getTargets")["targetInfos"]
    attached = [target["targetId"] for target in targets if target["type"] == "page" and target.get("attached")]
    return str(attached[-1])


def _size(page: Path) -> tuple[int, int, float]:
    text = page.read_text(encoding="utf-8")
    start = text.index('id="graph-data">') + len('id="graph-data">')
    data: dict[str, Any] = json.loads(text[start : text.index("</script>", start)])
    return len(data["nodes"]), len(data["edges"]), page.stat().st_size / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--build-1x", type=Path, help="a corpus build to use instead of building one")
    parser.add_argument("--build-10x", type=Path, help="a 10x build to use instead of building one")
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        builds = {"1x": options.build_1x, "10x": options.build_10x}
        if builds["1x"] is None:
            builds["1x"] = folder / "build-1x"
            timed_build([*GCMKG, "build", "--corpus", str(options.corpus), "-o", str(builds["1x"]), "-q"])
        if builds["10x"] is None:
            corpus = synthetic(options.corpus, 10, folder / "corpus-10x")
            builds["10x"] = folder / "build-10x"
            timed_build([*GCMKG, "build", "--corpus", str(corpus), "-o", str(builds["10x"]), "-q"])
        pages: list[tuple[str, str, Path]] = []
        for label, build in builds.items():
            for kind in NETWORKS:
                page = folder / f"{kind}-{label}.html"
                command = [*GCMKG, "viz", kind, "--graph", str(build), "-q", "-o", str(page)]
                subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
                pages.append((kind, label, page))
        pages.append(("generated", f"{GENERATED[0]} nodes", generated_page(folder / "generated.html")))
        browser = Browser(chromium(), folder)
        try:
            measured = [(kind, label, page, measure_page(browser, page, options.repeat)) for kind, label, page in pages]
        finally:
            browser.close()
        report(measured)


def report(measured: list[tuple[str, str, Path, dict[str, float]]]) -> None:
    """One Markdown table: each page's size, paint times, ratio to its view's 1x page, and action times."""
    base = {kind: times for kind, label, _, times in measured if label == "1x"}
    rows = []
    for kind, label, page, times in measured:
        nodes, edges, megabytes = _size(page)
        first = base.get(kind, base["state-comentions"])["first paint"]
        rows.append(
            [
                kind,
                label,
                nodes,
                edges,
                f"{megabytes:.2f}",
                f"{times['first paint']:.0f}",
                f"{times['drawn']:.0f}",
                ratio(times["first paint"], first, 2),
                *(f"{times[name]:.0f}" if name in times else "—" for name in ACTIONS),
            ]
        )
    header = ["view", "build", "nodes", "edges", "MB", "first paint ms", "drawn ms", "paint / 1x"]
    print_table([*header, *(f"{name} ms" for name in ACTIONS)], rows)


if __name__ == "__main__":
    main()

"""Benchmark: what the query layer costs on top of Oxigraph, and what a cold `gcmkg query` costs.

1. Each stored query, in-process on the corpus build already loaded: through gcmkg's runner (the guard's
   verdict, from its cache after the first run; parameter binding, projection check, rows as terms)
   against the same SPARQL text with the same substitutions on raw pyoxigraph (rows materialised the
   same way). Target: ≤ 2×.
2. A cold `gcmkg query objectives` against a bare `python -c "import rdflib"`, both fresh processes,
   measured in the same run. Target: ≤ 2×.
3. With ``--builds 1x=DIR 10x=DIR 1M=DIR`` (build folders made by ``gcmkg build``): a cold ``gcmkg query
   objectives`` on each build's persistent store, and on the same gcmkg.trig read into memory (a hard link to
   it under another name, which queries read as an RDF file, as every query did before the store), in turns
   with ``python -c "import rdflib"``; wall seconds and peak memory of each process, medians. Target: the
   store ≤ 1× the import at every size.

Run:  python -m tests.benchmarks.query_layer [--corpus ../shared/corpus] [--repeat 50] [--cold-repeat 9]
      python -m tests.benchmarks.query_layer --builds 1x=/tmp/b1 10x=/tmp/b10 1M=/tmp/b1m --cold-repeat 7
      (the 1M build: python -m tests.benchmarks.scaled_build /tmp/b10 /tmp/b1m --copies 7)
Prints Markdown tables of medians and ratios; copy them into tests/benchmarks/README.md.
It is a measurement, not a test: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pyoxigraph import Store

from gcmkg.graph.build.pipeline import build
from gcmkg.graph.core.generation import current
from gcmkg.graph.core.layout import DATASET_FILE, REPORT_FILE
from gcmkg.graph.query.catalogue import load_catalogue
from gcmkg.graph.query.guard import check_stored_query
from gcmkg.graph.query.params import bind
from gcmkg.graph.query.runner import run_on_store
from gcmkg.graph.rdfio.store import open_store
from tests.benchmarks.run import DEFAULT_CORPUS, GCMKG, median_seconds

# Representative parameters: a session, a review, an objective, a fund and a State of the corpus.
PARAMETERS = {
    "session-objectives": {"year": "2024", "session": "2"},
    "session-participants": {"year": "2024", "session": "2"},
    "attendance": {"year": "2024"},
    "objective-mentions": {"objective": "7"},
    "initiatives": {"funder": "Migration MPTF"},
    "state-engagement": {"iso3": "SRB"},
}


def raw_rows(store: Store, text: str, substitutions: dict) -> list[tuple]:
    """The query on bare pyoxigraph, rows materialised as tuples of terms like gcmkg's runner does."""
    solutions = store.query(text, substitutions=substitutions)  # the default graph: open_store's union
    variables = solutions.variables
    return [tuple(solution[variable] for variable in variables) for solution in solutions]


def in_process(store: Store, repeat: int) -> list[tuple[str, int, float, float]]:
    rows = []
    for name, query in load_catalogue().items():
        given = PARAMETERS.get(name, {})
        gcmkg_s = median_seconds(
            lambda q=query, g=given: run_on_store(store, check_stored_query(q), bind(q, g)), repeat
        )
        bindings = bind(query, given)
        raw_s = median_seconds(lambda q=query, b=bindings: raw_rows(store, q.text, b), repeat)
        count = len(run_on_store(store, query, bindings).rows)
        rows.append((name, count, gcmkg_s, raw_s))
    return rows


def cold(build_dir: Path, repeat: int) -> tuple[float, float]:
    def run(args: list[str]) -> None:
        subprocess.run(args, check=True, capture_output=True, env=_INSTALLED)

    rdflib_s = median_seconds(lambda: run([sys.executable, "-c", "import rdflib"]), repeat)
    query_s = median_seconds(lambda: run([*GCMKG, "query", "objectives", "--graph", str(build_dir)]), repeat)
    return rdflib_s, query_s


# Commands run as installed: with their modules' bytecode cached (pip compiles a wheel's modules; an editable
# install writes the cache on the first run unless PYTHONDONTWRITEBYTECODE is set, which would charge gcmkg,
# not rdflib, for compiling its sources on every run).
_INSTALLED = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def measured(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of one run of ``args`` (a fresh process, its peak as /usr/bin/time
    reports it: a child's own rusage would count the memory of this process it was forked from)."""
    with tempfile.NamedTemporaryFile("r") as peak:
        start = time.perf_counter()
        subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", peak.name, *args], check=True, capture_output=True, env=_INSTALLED
        )
        elapsed = time.perf_counter() - start
        return elapsed, int(peak.read().split()[-1]) / 1024


def triples(build_dir: Path) -> int:
    """The quads of a build, from its report."""
    report = json.loads((build_dir / REPORT_FILE).read_text(encoding="utf-8"))
    return sum(graph["triples"] for graph in report["graphs"])


def cold_by_size(builds: dict[str, Path], repeat: int) -> None:
    """Print the cold query on each build's store and on its TriG read into memory, next to the rdflib import."""
    import_rdflib = [sys.executable, "-c", "import rdflib"]
    with tempfile.TemporaryDirectory() as folder:
        commands = {("—", 'python -c "import rdflib"'): import_rdflib}
        for label, build_dir in builds.items():
            copy = Path(folder) / f"{label}.trig"  # not named gcmkg.trig: read as a file, into memory
            os.link(current(build_dir) / DATASET_FILE, copy)  # the file, not the build folder's link to it
            query = [*GCMKG, "query", "objectives", "--graph"]
            commands[(label, "query objectives: store opened")] = [*query, str(build_dir)]
            commands[(label, "query objectives: TriG read into memory")] = [*query, str(copy)]
        runs: dict[tuple[str, str], list[tuple[float, float]]] = {key: [] for key in commands}
        for args in commands.values():  # not counted: caches bytecode, the guard's verdict, the parsed metadata
            measured(args)
        for _ in range(repeat):  # in turns, so that a drift of the machine's speed touches every command alike
            for key, args in commands.items():
                runs[key].append(measured(args))
    floor = statistics.median(seconds for seconds, _ in runs[("—", 'python -c "import rdflib"')])
    sizes = {label: f"{triples(build_dir):,}" for label, build_dir in builds.items()}
    print(f"\n{repeat} runs each, in turns; medians\n")
    print("| build | quads | command | seconds | peak MiB | ratio to the rdflib import |")
    print("|---|---|---|---|---|---|")
    for (label, command), values in runs.items():
        seconds = statistics.median(value[0] for value in values)
        peak = statistics.median(value[1] for value in values)
        print(f"| {label} | {sizes.get(label, '—')} | {command} | {seconds:.3f} | {peak:.0f} | {seconds / floor:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=50, help="runs of each query, in-process")
    parser.add_argument("--cold-repeat", type=int, default=9, help="runs of each cold command")
    parser.add_argument("--builds", nargs="+", metavar="LABEL=DIR", help="only the cold query on these builds")
    args = parser.parse_args()
    if args.builds:
        builds = {label: Path(folder) for label, folder in (given.split("=", 1) for given in args.builds)}
        cold_by_size(builds, args.cold_repeat)
        return
    with tempfile.TemporaryDirectory() as folder:
        build_dir = Path(folder)
        build(build_dir, corpus=args.corpus)
        store = open_store(build_dir)
        print("| stored query | rows | gcmkg ms | raw pyoxigraph ms | gcmkg / raw |")
        print("|---|---|---|---|---|")
        for name, count, gcmkg_s, raw_s in in_process(store, args.repeat):
            print(f"| {name} | {count} | {gcmkg_s * 1000:.2f} | {raw_s * 1000:.2f} | {gcmkg_s / raw_s:.2f} |")
        rdflib_s, query_s = cold(build_dir, args.cold_repeat)
    print("\n| cold command | seconds | ratio |")
    print("|---|---|---|")
    print(f'| python -c "import rdflib" | {rdflib_s:.3f} | 1.00 |')
    print(f"| gcmkg query objectives (corpus build) | {query_s:.3f} | {query_s / rdflib_s:.2f} |")


if __name__ == "__main__":
    main()

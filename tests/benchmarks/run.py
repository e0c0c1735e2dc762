"""Benchmark: wall time of `gcmkg build` (reference only) and of a cold `gcmkg query objectives`,
each next to `python -c "import rdflib"` measured in the same run, plus the query engines side by side.

Run:  python tests/benchmarks/run.py [--repeat 5]
Prints a Markdown table of medians and ratios; copy it into tests/benchmarks/README.md.
It is a measurement, not a test: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

GCMKG = [sys.executable, "-c", "from gcmkg.graph.cli import main; main()"]

ENGINE_QUERIES = {
    "objectives (stored query)": None,
    "3-way join: State labels and codes": """
        PREFIX gcm: <https://w3id.org/gcmkg/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?state ?name ?code WHERE { ?state a gcm:State ; skos:prefLabel ?name ; gcm:alpha3 ?code }""",
    "GROUP BY count of entities per class": """
        SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class""",
}


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def run(args: list[str]) -> None:
    subprocess.run(args, check=True, capture_output=True)


def engines(build_dir: Path, repeat: int) -> list[tuple[str, float, float]]:
    """Each query on rdflib's own SPARQL engine and on pyoxigraph, in-process, data already loaded."""
    import pyoxigraph
    import rdflib

    from gcmkg.graph.storedqueries import load_catalogue

    dataset_file = build_dir / "gcmkg.trig"
    merged = rdflib.Graph().parse(build_dir / "gcmkg.ttl", format="turtle")
    store = pyoxigraph.Store()
    store.bulk_load(path=str(dataset_file), format=pyoxigraph.RdfFormat.TRIG)
    rows = []
    for label, text in ENGINE_QUERIES.items():
        text = text or load_catalogue()["objectives"].text
        rdflib_s = median_seconds(lambda text=text: list(merged.query(text)), repeat)
        oxigraph_s = median_seconds(lambda text=text: list(store.query(text, use_default_graph_as_union=True)), repeat)
        rows.append((label, rdflib_s, oxigraph_s))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median is reported)")
    repeat = parser.parse_args().repeat
    with tempfile.TemporaryDirectory() as folder:
        build_dir = Path(folder) / "build"
        baseline = median_seconds(lambda: run([sys.executable, "-c", "import rdflib"]), repeat)
        build_s = median_seconds(lambda: run([*GCMKG, "build", "--out", str(build_dir), "-q"]), repeat)
        query_s = median_seconds(lambda: run([*GCMKG, "query", "objectives", "--graph", str(build_dir)]), repeat)
        report = json.loads((build_dir / "build-report.json").read_text(encoding="utf-8"))
        print(f"repeat={repeat}, median wall times; reference build of {report['triples']} triples\n")
        print("| command | seconds | ratio to `python -c \"import rdflib\"` |")
        print("|---|---|---|")
        print(f"| `python -c \"import rdflib\"` | {baseline:.2f} | 1.0 |")
        print(f"| `gcmkg build` (reference only) | {build_s:.2f} | {build_s / baseline:.1f} |")
        print(f"| `gcmkg query objectives` (cold) | {query_s:.2f} | {query_s / baseline:.1f} |")
        print("\n| query (in-process, data loaded) | rdflib engine ms | pyoxigraph ms | rdflib / pyoxigraph |")
        print("|---|---|---|---|")
        for label, rdflib_s, oxigraph_s in engines(build_dir, repeat):
            ratio = rdflib_s / oxigraph_s if oxigraph_s else float("inf")
            print(f"| {label} | {rdflib_s * 1000:.1f} | {oxigraph_s * 1000:.2f} | {ratio:.0f} |")


if __name__ == "__main__":
    main()

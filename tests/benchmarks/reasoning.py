"""Benchmark: OWL 2 RL reasoning on a corpus build, the targeted route against the naive full closure.

Both routes run on the same asserted data (a build's graphs but graph:inferred): the naive route closes
every triple with owlrl (passage text, offsets, labels, provenance); the targeted route
(graph/reasoning/targeted.py) evaluates the ontology's rule patterns itself. It checks that both give the
same entailments before printing a Markdown table of medians and the speed ratio.

Run:  python tests/benchmarks/reasoning.py [--corpus ../shared/corpus] [--repeat 5] [--naive-repeat 3]
      python tests/benchmarks/reasoning.py --build BUILD_DIR   # an existing build: its graphs but graph:inferred

The naive closure of a 10× build takes most of an hour, so it can be recorded once and compared later:
      python tests/benchmarks/reasoning.py --build B10 --naive-record naive-B10.json   # the naive route only
      python tests/benchmarks/reasoning.py --build B10 --naive-from naive-B10.json     # targeted against it
      python tests/benchmarks/reasoning.py --build B1M --no-naive                      # targeted only
A recorded naive run keeps its seconds, the machine's load averages and its kept entailments (N-Triples).
It is a measurement, not a test: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rdflib import Graph, URIRef

from gcmkg.graph.build.pipeline import build
from gcmkg.graph.core import ids
from gcmkg.graph.core.layout import INFERRED_GRAPH
from gcmkg.graph.rdfio.read import read_dataset
from gcmkg.graph.rdfio.serialize import merged_graph
from gcmkg.graph.reasoning.infer import full_closure, infer

DEFAULT_CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def timed(action: Callable[[], Graph], repeat: int) -> tuple[float, Graph]:
    """Median seconds of ``repeat`` runs, and the last result."""
    timings, result = [], Graph()
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings), result


def record_naive(path: Path, data: Graph, repeat: int) -> None:
    """Run the naive closure and write its seconds, the load averages and its kept entailments to ``path``."""
    load_before = os.getloadavg()
    seconds, naive = timed(lambda: full_closure(data), repeat)
    record = {
        "seconds": seconds,
        "asserted": len(data),
        "load_before": load_before,
        "load_after": os.getloadavg(),
        "entailments": naive.serialize(format="nt"),
    }
    path.write_text(json.dumps(record), encoding="utf-8")
    print(f"naive closure: {seconds:.2f} s, {len(naive)} kept entailments → {path}")


def recorded_naive(path: Path) -> tuple[float, Graph]:
    """The seconds and kept entailments of a run of :func:`record_naive`."""
    record = json.loads(path.read_text(encoding="utf-8"))
    print(f"naive closure recorded in {path}: load averages {record['load_before']} → {record['load_after']}")
    return record["seconds"], Graph().parse(data=record["entailments"], format="nt")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=5, help="runs of the targeted route")
    parser.add_argument("--naive-repeat", type=int, default=3, help="runs of the full closure")
    parser.add_argument("--build", type=Path, help="a build folder to take the asserted graphs from instead")
    naive_source = parser.add_mutually_exclusive_group()
    naive_source.add_argument("--naive-record", type=Path, help="run only the naive closure and record it here")
    naive_source.add_argument("--naive-from", type=Path, help="compare with a recorded naive closure")
    naive_source.add_argument("--no-naive", action="store_true", help="time the targeted route only")
    args = parser.parse_args()
    if args.build:
        dataset = read_dataset(args.build)
    else:
        with tempfile.TemporaryDirectory() as folder:
            build(Path(folder), corpus=args.corpus, reasoning=False)
            dataset = read_dataset(Path(folder))
    data = merged_graph(dataset, leave_out=(URIRef(ids.named_graph(INFERRED_GRAPH)),))
    if args.naive_record:
        record_naive(args.naive_record, data, args.naive_repeat)
        return
    ontology = Graph()
    for triple in dataset.graph(URIRef(ids.named_graph("ontology"))):
        ontology.add(triple)
    targeted_s, targeted = timed(lambda: infer(data, ontology).graph, args.repeat)
    print(f"asserted triples: {len(data)}; targeted route: {targeted_s:.2f} s, {len(targeted)} kept entailments")
    if args.no_naive:
        return
    if args.naive_from:
        naive_s, naive = recorded_naive(args.naive_from)
    else:
        print("now the naive closure", flush=True)  # it can take long
        naive_s, naive = timed(lambda: full_closure(data), args.naive_repeat)
    if set(targeted) != set(naive):
        raise SystemExit(
            f"the routes disagree: {len(set(naive) - set(targeted))} missing, {len(set(targeted) - set(naive))} extra"
        )
    print(f"kept entailments: {len(targeted)} (the same on both routes)\n")
    print("| route | median seconds | speed-up |")
    print("|---|---|---|")
    print(f"| naive: owlrl over every triple | {naive_s:.2f} | 1.0 |")
    print(f"| targeted (graph/reasoning/) | {targeted_s:.2f} | {naive_s / targeted_s:.1f}× |")


if __name__ == "__main__":
    main()

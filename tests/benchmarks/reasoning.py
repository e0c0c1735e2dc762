"""Benchmark: OWL 2 RL reasoning on a corpus build, the targeted route against the naive full closure.

Both routes run in this process on the same asserted data (a build made with --no-reasoning): the naive
route closes every triple with owlrl (passage text, offsets, labels, provenance); the targeted route
(graph/reasoning/targeted.py) runs owlrl on what the ontology's axioms can touch. It checks that both give
the same entailments before printing a Markdown table of medians and the speed ratio.

Run:  python tests/benchmarks/reasoning.py [--corpus ../shared/corpus] [--repeat 5] [--naive-repeat 3]
      python tests/benchmarks/reasoning.py --build BUILD_DIR   # an existing build: its graphs but graph:inferred
It is a measurement, not a test: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=5, help="runs of the targeted route")
    parser.add_argument("--naive-repeat", type=int, default=3, help="runs of the full closure")
    parser.add_argument("--build", type=Path, help="a build folder to take the asserted graphs from instead")
    args = parser.parse_args()
    if args.build:
        dataset = read_dataset(args.build)
    else:
        with tempfile.TemporaryDirectory() as folder:
            build(Path(folder), corpus=args.corpus, reasoning=False)
            dataset = read_dataset(Path(folder))
    data = merged_graph(dataset, leave_out=(URIRef(ids.named_graph(INFERRED_GRAPH)),))
    ontology = Graph()
    for triple in dataset.graph(URIRef(ids.named_graph("ontology"))):
        ontology.add(triple)
    targeted_s, targeted = timed(lambda: infer(data, ontology).graph, args.repeat)
    print(f"targeted route: {targeted_s:.2f} s; now the naive closure", flush=True)  # the naive one can take long
    naive_s, naive = timed(lambda: full_closure(data), args.naive_repeat)
    if set(targeted) != set(naive):
        raise SystemExit(
            f"the routes disagree: {len(set(naive) - set(targeted))} missing, {len(set(targeted) - set(naive))} extra"
        )
    print(f"asserted triples: {len(data)}; kept entailments: {len(targeted)} (the same on both routes)\n")
    print("| route | median seconds | speed-up |")
    print("|---|---|---|")
    print(f"| naive: owlrl over every triple | {naive_s:.2f} | 1.0 |")
    print(f"| targeted (graph/reasoning/) | {targeted_s:.2f} | {naive_s / targeted_s:.1f}× |")


if __name__ == "__main__":
    main()

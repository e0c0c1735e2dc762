"""Benchmark: where a corpus build's CPU time goes, stage by stage, in one process.

Run:  python tests/benchmarks/build_phases.py CORPUS [CORPUS ...]

Builds each corpus (into a temporary folder) with ``graph/build/pipeline.py``'s ``build`` and adds up the CPU
time (``time.process_time``: what the machine's other work does not inflate) spent in each stage: reading and
extracting documents, reasoning (each piece as it is loaded, and the chains completed across pieces),
validation, writing the TriG and Turtle files, making the query store; the rest is the remainder. Reasoning
happens while the documents load, so the progress lines cannot separate it: this script wraps the functions.
Prints a Markdown table with each stage's share. A measurement, not a test.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gcmkg.graph.build import pipeline, reasoned
from gcmkg.loaders.documents import catalogue

STAGES = ("documents", "reasoning", "validation", "writing", "store")


def _timed(totals: defaultdict[str, float], stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            totals[stage] += time.process_time() - start

    return wrapper


def measure(corpus: Path) -> dict[str, float]:
    """CPU seconds per stage of one build of ``corpus``, and 'total'."""
    totals: defaultdict[str, float] = defaultdict(float)
    patches = [
        (catalogue, "load_document", "documents"),
        (reasoned.PieceReasoning, "add", "reasoning"),
        (reasoned.PieceReasoning, "finish", "reasoning"),
        (pipeline, "check_pieces", "validation"),
        (pipeline, "write_trig", "writing"),
        (pipeline, "write_union_turtle", "writing"),
        (pipeline, "write_store", "store"),
    ]
    originals = [(owner, name, getattr(owner, name)) for owner, name, _ in patches]
    for owner, name, stage in patches:
        setattr(owner, name, _timed(totals, stage, getattr(owner, name)))
    try:
        with tempfile.TemporaryDirectory() as folder:
            start = time.process_time()
            pipeline.build(Path(folder) / "build", corpus=corpus)
            totals["total"] = time.process_time() - start
    finally:
        for owner, name, function in originals:
            setattr(owner, name, function)
    return dict(totals)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpora", type=Path, nargs="+", help="corpus folders (the 1x corpus first)")
    args = parser.parse_args()
    print("| corpus | " + " | ".join(f"{stage} cpu s (share)" for stage in STAGES) + " | other | total cpu s |")
    print("|---|" + "---|" * (len(STAGES) + 2))
    for corpus in args.corpora:
        totals = measure(corpus)
        total = totals["total"]
        cells = [f"{totals.get(stage, 0):.1f} ({100 * totals.get(stage, 0) / total:.0f}%)" for stage in STAGES]
        other = total - sum(totals.get(stage, 0) for stage in STAGES)
        print(f"| {corpus.name} | " + " | ".join(cells) + f" | {other:.1f} | {total:.1f} |")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak resident memory of the process (all builds): {peak:.0f} MiB")


if __name__ == "__main__":
    main()

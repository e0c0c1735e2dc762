"""Time to read and extract one document as it grows: the largest corpus document repeated 1, 2, 4 and 8 times
(its passages numbered on), each loaded in this process, the median of a few runs; time per MB as a ratio to
the 1x document. The time bound per document (loaders/documents/deadline.py) is printed beside each size.

    .venv/bin/python tests/benchmarks/document_size.py [--corpus ../shared/corpus] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from gcmkg.loaders.documents.catalogue import document_files, load_document
from gcmkg.loaders.documents.deadline import bound_for
from gcmkg.loaders.documents.matcher import Matcher
from gcmkg.loaders.reference import load_reference


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[3] / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--factors", default="1,2,4,8")
    args = parser.parse_args()
    source = max(document_files(args.corpus), key=lambda path: path.stat().st_size)
    text = source.read_text(encoding="utf-8")
    matcher = Matcher.from_graphs(graph.graph for graph in load_reference())
    print(f"document: {source.name} ({source.stat().st_size / 1e6:.3f} MB)")
    print("| factor | MB | seconds | s per MB | per MB / 1x | bound s |")
    print("|---|---|---|---|---|---|")
    base = None
    with tempfile.TemporaryDirectory() as folder:
        for factor in (int(f) for f in args.factors.split(",")):
            path = Path(folder) / f"{source.stem}.txt"
            path.write_text("\n\n".join([text] * factor), encoding="utf-8")
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                load_document(path, None, matcher)
                times.append(time.perf_counter() - started)
            seconds, megabytes = statistics.median(times), path.stat().st_size / 1e6
            per_mb = seconds / megabytes
            base = base or per_mb
            ratio, bound = per_mb / base, bound_for(path)
            print(f"| {factor} | {megabytes:.2f} | {seconds:.2f} | {per_mb:.1f} | {ratio:.2f} | {bound:.0f} |")


if __name__ == "__main__":
    main()

"""Benchmark: what `gcmkg export`, `gcmkg diff` and `gcmkg viz` cost next to the `gcmkg build` that made their input.

On the corpus build and on the build of a synthetic corpus 10x its size (tests/benchmarks/synthetic_corpus.py):
each export format (read, canonicalise, serialise, count, describe, write, read back), the diff of the
reference-only build against the corpus build, and each view (stored queries, networkx, file). Every command
runs in a fresh process; the table gives median wall seconds, peak memory and the ratio to the build's time.

Run:  python -m tests.benchmarks.outputs [--corpus ../shared/corpus] [--factor 10] [--repeat 3]
Prints Markdown tables; copy them into tests/benchmarks/README.md.
It is a measurement, not a test: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from tests.benchmarks.run import DEFAULT_CORPUS, GCMKG, print_table, ratio, synthetic, timed_build

FORMATS = {"turtle": "ttl", "trig": "trig", "nquads": "nq", "ntriples": "nt", "jsonld": "jsonld"}
VIEWS = (
    ("participation", "graphml"),
    ("state-comentions", "graphml"),
    ("state-comentions", "png"),
    ("state-comentions", "html"),
    ("coverage", "csv"),
    ("coverage", "png"),
)


def timed(args: list[str], repeat: int) -> tuple[float, float]:
    """Median wall seconds and the largest peak resident MB of ``repeat`` runs of a gcmkg command."""
    runs = [timed_build([*GCMKG, *args]) for _ in range(repeat)]
    return statistics.median(run.seconds for run in runs), max(run.peak_mb for run in runs)


def commands(build: Path, reference: Path, out: Path) -> list[tuple[str, list[str]]]:
    """The commands measured on ``build``, writing into ``out``."""
    measured = [
        (f"export --format {name}", ["export", "--graph", str(build), "-q", "-o", str(out / f"gcmkg.{extension}")])
        for name, extension in FORMATS.items()
    ]
    measured.append(("diff (reference build → this build)", ["diff", str(reference), "--graph", str(build), "-q"]))
    for kind, view_format in VIEWS:
        target = out / f"{kind}.{view_format}"
        measured.append(
            (f"viz {kind} --format {view_format}", ["viz", kind, "--graph", str(build), "-q", "-o", str(target)])
        )
    return measured


def measure(label: str, corpus: Path, reference: Path, folder: Path, repeat: int) -> None:
    """Build ``corpus``, then time every command on that build; print one table."""
    build = folder / f"build-{label}"
    build_seconds, build_mb = timed(["build", "--corpus", str(corpus), "-o", str(build), "-q"], repeat)
    rows: list[list[object]] = [["build --corpus (the baseline)", f"{build_seconds:.2f}", f"{build_mb:.0f}", "1.00"]]
    for name, args in commands(build, reference, folder / f"out-{label}"):
        seconds, peak = timed(args, repeat)
        rows.append([name, f"{seconds:.2f}", f"{peak:.0f}", ratio(seconds, build_seconds, 2)])
    print(f"\n### {label}\n")
    print_table(["command", "seconds", "peak MB", "ratio to the build"], rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--factor", type=int, default=10, help="size of the synthetic corpus (0: none)")
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        reference = folder / "reference"
        timed(["build", "-o", str(reference), "-q"], 1)
        measure("corpus", options.corpus, reference, folder, options.repeat)
        if options.factor:
            enlarged = synthetic(options.corpus, options.factor, folder / f"corpus-{options.factor}x")
            measure(f"synthetic corpus {options.factor}x", enlarged, reference, folder, options.repeat)


if __name__ == "__main__":
    main()

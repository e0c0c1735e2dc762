"""PDF reading at growing page counts: is it linear in the number of pages? (issue 18)

Typesets one held-out report (tests/fixtures/published/report_fourth_review.txt) as a UN PDF with
tests/unlayout.py, its body repeated 1×, 10× and 40× (same layout: running headers, footnotes at the page
feet, tables none), then times, in this process (median of ``--repeat`` runs), ``read_document`` alone and reading
followed by the whole extraction (cleaning, segmenting, every extractor), and reports seconds, seconds per
page and each as a ratio to the 1× document.

    .venv/bin/python -m tests.benchmarks.pdf_reading --repeat 5
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

from gcmkg.loaders.documents.extraction import extract
from gcmkg.loaders.documents.matcher import Matcher
from gcmkg.loaders.documents.reading import read_document
from gcmkg.loaders.reference import load_reference
from tests import unlayout

SOURCE = Path(__file__).resolve().parents[1] / "fixtures" / "published" / "report_fourth_review.txt"
META = unlayout.Masthead("ECE/GCM/2028/2", "Report of the fourth session", "GE.28-05871(E)")


def _median_seconds(path: Path, repeat: int, matcher: Matcher | None = None) -> float:
    """Median seconds to read ``path`` (and, with a ``matcher``, to extract its facts too)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        text = read_document(path)
        if matcher is not None:
            extract(path.stem, text, None, matcher)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--factors", default="1,10,40")
    args = parser.parse_args()
    text = SOURCE.read_text(encoding="utf-8")
    head, _, body = text.partition("I. Organization and attendance")
    matcher = Matcher.from_graphs(source.graph for source in load_reference())
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for factor in [int(f) for f in args.factors.split(",")]:
            document = head + "I. Organization and attendance" + body * factor
            pdf = Path(folder) / f"report-{factor}.pdf"
            pdf.write_bytes(unlayout.typeset(document, META))
            pages = len(PdfReader(io.BytesIO(pdf.read_bytes())).pages)
            rows.append((factor, pages, _median_seconds(pdf, args.repeat), _median_seconds(pdf, args.repeat, matcher)))
    base = rows[0]
    print(f"repeat={args.repeat}, median seconds\n")
    print("| body × | pages | pages ratio | read s | read s/page | read ratio | read+extract s | s/page | ratio |")
    print("|---|---|---|---|---|---|---|---|---|")
    for factor, pages, read_s, all_s in rows:
        print(
            f"| {factor} | {pages} | {pages / base[1]:.1f} | {read_s:.3f} | {read_s / pages:.4f} | "
            f"{read_s / base[2]:.1f} | {all_s:.3f} | {all_s / pages:.4f} | {all_s / base[3]:.1f} |"
        )


if __name__ == "__main__":
    main()

"""Benchmark: wall time of `gcmkg build` (reference only) and of a cold `gcmkg query objectives`,
each next to `python -c "import rdflib"` measured in the same run, plus the query engines side by side;
then `gcmkg build --corpus` on the corpus and on synthetic corpora 10x and 100x its size
(tests/benchmarks/synthetic_corpus.py), with the growth of build time against corpus size.

Run:  python tests/benchmarks/run.py [--repeat 5] [--part all|commands|corpus] [--factors 10,100]
                                    [--corpus ../shared/corpus] [--corpus-repeat 3]
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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

GCMKG = [sys.executable, "-c", "from gcmkg.graph.cli import main; main()"]
HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parents[2] / "shared" / "corpus"
DOCUMENT_SUFFIXES = (".txt", ".md", ".pdf")
PARTIAL_BUILD = 5  # exit code of a build that skipped documents: still a build worth timing

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

    from gcmkg.graph.query.catalogue import load_catalogue

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


@dataclass(frozen=True)
class CorpusBuild:
    """One corpus build: its input size, what it produced, and its median wall time and peak memory."""

    label: str
    documents: int
    megabytes: float
    seconds: float
    peak_mb: float
    cpu_seconds: float
    phases: dict[str, float]
    triples: int
    document_triples: int
    loaded: int
    skipped: int
    passages: int


# The build's progress lines that open each phase, in order (graph/build/pipeline.py).
PHASES = (
    ("documents", "loading documents"),
    ("assemble", "assembling the dataset"),
    ("reasoning", "reasoning:"),
    ("validation", "validating against"),
    ("writing", "writing "),
    ("store", "making the query store"),
)


@dataclass(frozen=True)
class Run:
    """One build: wall seconds, peak resident MB, CPU seconds (user + system), and wall seconds per phase."""

    seconds: float
    peak_mb: float
    cpu_seconds: float
    phases: dict[str, float]


def timed_build(args: list[str], accepted: tuple[int, ...] = (0, PARTIAL_BUILD)) -> Run:
    """One command (exit 0, or 5 for a partial build, unless ``accepted`` says otherwise), its phases timed from the
    progress lines on stderr."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    marks: list[tuple[float, str]] = []
    errors: list[str] = []
    assert process.stderr is not None
    for line in process.stderr:
        if line.startswith("… "):
            marks.append((time.perf_counter() - start, line[2:]))
        else:
            errors.append(line)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = code = os.waitstatus_to_exitcode(status)
    if code not in accepted:
        raise SystemExit(f"{' '.join(args[3:])} exited {code}:\n{''.join(errors)}")
    starts = {name: next((t for t, text in marks if text.startswith(opening)), None) for name, opening in PHASES}
    opened = sorted((t, name) for name, t in starts.items() if t is not None)
    ends = [t for t, _ in opened[1:]] + [seconds]
    phases = {name: end - t for (t, name), end in zip(opened, ends, strict=True)}
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, usage.ru_maxrss / 1024, cpu, phases)  # ru_maxrss is in KB on Linux


def corpus_build(label: str, corpus: Path, out: Path, repeat: int) -> CorpusBuild:
    """Build ``corpus`` ``repeat`` times; median time, the largest peak memory, and the report's counts."""
    runs = [timed_build([*GCMKG, "build", "--corpus", str(corpus), "-o", str(out)]) for _ in range(repeat)]
    median = sorted(runs, key=lambda run: run.seconds)[len(runs) // 2]
    files = [p for p in corpus.iterdir() if p.suffix.lower() in DOCUMENT_SUFFIXES and p.name != "README.md"]
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    classes = report["entities_by_class"]
    return CorpusBuild(
        label=label,
        documents=len(files),
        megabytes=sum(p.stat().st_size for p in files) / 2**20,
        seconds=median.seconds,
        peak_mb=max(run.peak_mb for run in runs),
        cpu_seconds=median.cpu_seconds,
        phases=median.phases,
        triples=report["triples"],
        document_triples=sum(g["triples"] for g in report["graphs"] if g["graph"].startswith("graph:document/")),
        loaded=classes.get("gcm:Document", 0),
        skipped=len(report["skipped"]),
        passages=classes.get("gcm:Passage", 0),
    )


def synthetic(source: Path, factor: int, out: Path) -> Path:
    """A synthetic corpus ``factor`` times the size of ``source`` (not timed)."""
    script = HERE / "synthetic_corpus.py"
    args = [sys.executable, str(script), "--source", str(source), "--factor", str(factor), "--out", str(out)]
    subprocess.run(args, check=True, capture_output=True)
    return out


def ratio(value: float, base: float, digits: int = 1) -> str:
    """value / base, or n/a when the base is not positive (a time too small to measure)."""
    return f"{value / base:.{digits}f}" if base > 0 else "n/a"


def print_table(header: list[str], rows: list[list[object]]) -> None:
    """A Markdown table."""
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(map(str, row)) + " |")


def corpus_benchmark(source: Path, factors: list[int], repeat: int, folder: Path) -> None:
    """Build the corpus and its synthetic enlargements; print sizes, times and their ratios to the 1x build."""
    reference = [timed_build([*GCMKG, "build", "-o", str(folder / "ref")]) for _ in range(repeat)]
    reference_s, reference_mb = statistics.median(r.seconds for r in reference), max(r.peak_mb for r in reference)
    builds = [corpus_build("1x (corpus)", source, folder / "b1", repeat)]
    for factor in factors:
        corpus = synthetic(source, factor, folder / f"corpus-{factor}x")
        builds.append(corpus_build(f"{factor}x", corpus, folder / f"b{factor}", repeat))
    base = builds[0]
    print(f"\nreference-only build: {reference_s:.2f} s, {reference_mb:.0f} MB peak; 'documents s' is the build time")
    print("minus the reference-only build, the part that grows with the corpus\n")
    header = ["corpus", "documents", "MB", "triples", "document triples", "passages", "skipped", "seconds"]
    header += ["documents s", "ms / document", "s / MB", "peak MB"]
    rows = []
    for b in builds:
        documents_s = b.seconds - reference_s
        rows.append(
            [b.label, b.documents, f"{b.megabytes:.2f}", b.triples, b.document_triples, b.passages, b.skipped]
            + [f"{b.seconds:.2f}", f"{documents_s:.2f}", f"{1000 * documents_s / b.documents:.1f}"]
            + [f"{documents_s / b.megabytes:.2f}", f"{b.peak_mb:.0f}"]
        )
    print_table(header, rows)
    header = ["corpus", "size ratio", "time ratio", "documents-time ratio", "document-triples ratio"]
    header += ["s / MB relative to 1x"]
    base_documents_s = base.seconds - reference_s
    rows = []
    for b in builds:
        documents_s = b.seconds - reference_s
        rows.append(
            [b.label, ratio(b.megabytes, base.megabytes), ratio(b.seconds, base.seconds)]
            + [ratio(documents_s, base_documents_s), ratio(b.document_triples, base.document_triples)]
            + [ratio(documents_s / b.megabytes, base_documents_s / base.megabytes, 2)]
        )
    print()
    print_table(header, rows)
    print("\nThe build of the median run, phase by phase (wall seconds from its progress lines), its CPU seconds")
    print("(user + system: what the machine's other work does not inflate) and their ratio to the 1x build:\n")
    header = ["corpus", *(name for name, _ in PHASES), "reasoning share", "seconds", "cpu s", "cpu ratio", "peak MB"]
    rows = []
    for b in builds:
        phases = [f"{b.phases[name]:.1f}" if name in b.phases else "—" for name, _ in PHASES]
        share = f"{100 * b.phases.get('reasoning', 0) / b.seconds:.0f}%"
        rows.append([b.label, *phases, share, f"{b.seconds:.1f}", f"{b.cpu_seconds:.1f}"])
        rows[-1] += [ratio(b.cpu_seconds, base.cpu_seconds), f"{b.peak_mb:.0f}"]
    print_table(header, rows)
    if base.passages == 0:
        print("\nnote: the 1x build has no gcm:Passage; the document extractor is not in this build")


def commands_benchmark(repeat: int, folder: Path) -> None:
    """Reference build and cold query next to the rdflib import; the query engines side by side."""
    build_dir = folder / "build"
    baseline = median_seconds(lambda: run([sys.executable, "-c", "import rdflib"]), repeat)
    build_s = median_seconds(lambda: run([*GCMKG, "build", "-o", str(build_dir), "-q"]), repeat)
    query_s = median_seconds(lambda: run([*GCMKG, "query", "objectives", "--graph", str(build_dir)]), repeat)
    report = json.loads((build_dir / "build-report.json").read_text(encoding="utf-8"))
    print(f"repeat={repeat}, median wall times; reference build of {report['triples']} triples\n")
    print('| command | seconds | ratio to `python -c "import rdflib"` |')
    print("|---|---|---|")
    print(f'| `python -c "import rdflib"` | {baseline:.2f} | 1.0 |')
    print(f"| `gcmkg build` (reference only) | {build_s:.2f} | {build_s / baseline:.1f} |")
    print(f"| `gcmkg query objectives` (cold) | {query_s:.2f} | {query_s / baseline:.1f} |")
    print("\n| query (in-process, data loaded) | rdflib engine ms | pyoxigraph ms | rdflib / pyoxigraph |")
    print("|---|---|---|---|")
    for label, rdflib_s, oxigraph_s in engines(build_dir, repeat):
        ratio = rdflib_s / oxigraph_s if oxigraph_s else float("inf")
        print(f"| {label} | {rdflib_s * 1000:.1f} | {oxigraph_s * 1000:.2f} | {ratio:.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median is reported)")
    parser.add_argument("--part", choices=["all", "commands", "corpus"], default="all", help="what to measure")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the 1x corpus (default ../shared/corpus)")
    parser.add_argument("--factors", default="10,100", help="sizes of the synthetic corpora, comma-separated")
    parser.add_argument("--corpus-repeat", type=int, default=3, help="runs per corpus build (median is reported)")
    args = parser.parse_args()
    factors = [int(f) for f in args.factors.split(",") if f]
    with tempfile.TemporaryDirectory() as folder:
        if args.part in ("all", "commands"):
            commands_benchmark(args.repeat, Path(folder))
        if args.part in ("all", "corpus"):
            corpus_benchmark(args.corpus, factors, args.corpus_repeat, Path(folder))


if __name__ == "__main__":
    main()

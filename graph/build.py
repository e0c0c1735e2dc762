"""``gcmkg build``: ontology + reference data (+ corpus documents) → a build folder.

The folder holds the whole dataset as TriG (one named graph per source, with provenance), a merged
Turtle file for partners, and ``build-report.json``. Every file is written atomically.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rdflib import Graph

from gcmkg.graph.atomic import write_atomically
from gcmkg.graph.dataset import assemble
from gcmkg.graph.errors import PartialBuildError
from gcmkg.graph.layout import DATASET_FILE, MERGED_FILE, REPORT_FILE
from gcmkg.graph.report import BuildReport, count
from gcmkg.graph.resources import ontology_file
from gcmkg.graph.serialize import merged_graph, trig_bytes, turtle_bytes
from gcmkg.loaders.documents.catalogue import load_corpus
from gcmkg.loaders.reference import load_reference
from gcmkg.loaders.sourcegraph import SourceFile, SourceGraph

Progress = Callable[[str], None]


def ontology_source() -> SourceGraph:
    """The gcm: ontology as its own named graph."""
    path = ontology_file()
    graph = Graph().parse(path, format="turtle")
    return SourceGraph("ontology", "The gcmkg ontology", graph, (SourceFile.of(path, "ontology/gcm.ttl"),))


def build(
    out_dir: Path,
    corpus: Path | None = None,
    strict: bool = False,
    progress: Progress = lambda _: None,
) -> BuildReport:
    """Build the dataset from the shipped ontology and reference data and, if given, a corpus folder.

    Documents that cannot be used are skipped and listed in the report; with ``strict`` a skipped
    document raises PartialBuildError before anything is written.
    """
    progress("reading the ontology")
    sources = [ontology_source()]
    progress("loading reference data")
    reference = load_reference()
    sources += reference
    skipped: list[str] = []
    if corpus is not None:
        progress(f"loading documents from {corpus}")
        loaded = load_corpus(corpus, reference, progress)
        sources += loaded.graphs
        skipped += loaded.skipped
    if strict and skipped:
        raise PartialBuildError("strict build: nothing written; skipped inputs:\n  " + "\n  ".join(skipped))
    progress("assembling the dataset")
    dataset = assemble(sources)
    report = count(dataset, skipped=skipped)
    progress(f"writing {out_dir}")
    write_atomically(out_dir / DATASET_FILE, trig_bytes(dataset))
    write_atomically(out_dir / MERGED_FILE, turtle_bytes(merged_graph(dataset)))
    write_atomically(out_dir / REPORT_FILE, report.to_json().encode("utf-8"))
    return report

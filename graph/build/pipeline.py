"""``gcmkg build``: ontology + reference data (+ corpus documents) → a build folder.

The folder holds the whole dataset as TriG (one named graph per source, with provenance), a merged
Turtle file for partners, ``build-report.json``, and the persistent Oxigraph store queries open
(graph/rdfio/store.py), made from the TriG file. Every file is written atomically.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from rdflib import Graph, URIRef

from gcmkg.graph.build.dataset import add_inferred, assemble
from gcmkg.graph.build.report import BuildReport, count
from gcmkg.graph.core import ids
from gcmkg.graph.core.atomic import write_atomically
from gcmkg.graph.core.errors import OutputError, PartialBuildError
from gcmkg.graph.core.generation import new_generation
from gcmkg.graph.core.layout import DATASET_FILE, INFERRED_GRAPH, MERGED_FILE, REPORT_FILE, STORE_DIR
from gcmkg.graph.core.resources import ontology_file
from gcmkg.graph.rdfio.serialize import merged_graph, trig_bytes, turtle_bytes
from gcmkg.graph.rdfio.store import write_store
from gcmkg.graph.reasoning.infer import infer
from gcmkg.graph.validation.gate import check_dataset
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
    reasoning: bool = True,
    merge_inferred: bool = True,
    warn: Progress = lambda _: None,
) -> BuildReport:
    """Build the dataset from the shipped ontology and reference data and, if given, a corpus folder.

    With ``reasoning`` the entailments of the ontology go into graph:inferred (graph/reasoning/);
    ``merge_inferred`` puts them in the merged Turtle file too.

    Documents that cannot be used are skipped and listed in the report; with ``strict`` a skipped
    document raises PartialBuildError before anything is written.

    The dataset is validated against the shipped shapes before anything is written: a violation
    raises ValidationFailed (with the grouped report); warnings go to ``warn`` and are counted in the report.

    ``out_dir`` is locked for the whole build (OutputError if another build holds it); everything written
    goes into a new generation that replaces the previous build in one step (graph/core/generation.py).
    The query store is made from the written TriG file once the rdflib graphs are gone (``write_files``
    returns first), so the two never take memory at the same time.
    """
    with new_generation(out_dir) as target:
        report = write_files(out_dir, target, corpus, strict, progress, reasoning, merge_inferred, warn)
        gc.collect()  # rdflib graphs hold reference cycles: free them before the store's loader takes its memory
        progress(f"making the query store {out_dir / STORE_DIR}")
        try:
            write_store(target / DATASET_FILE)
        except OSError as exc:
            raise OutputError(f"{out_dir / STORE_DIR}: could not be written ({exc.strerror or exc})") from None
        return report


def write_files(
    out_dir: Path,
    target: Path,
    corpus: Path | None,
    strict: bool,
    progress: Progress,
    reasoning: bool,
    merge_inferred: bool,
    warn: Progress,
) -> BuildReport:
    """Load, assemble, reason, validate, and write the dataset, merged Turtle and report files of the build of
    ``out_dir`` into ``target``, its new generation (``build``)."""
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
    union = merged_graph(dataset)
    if reasoning:
        progress("reasoning: OWL 2 RL entailments with owlrl")
        inference = infer(union, sources[0].graph)
        add_inferred(dataset, inference.graph, inference.method)
        union += inference.graph
    validation = check_dataset(union, progress, warn, hint=f"run `gcmkg validate --graph {out_dir}` for the nodes")
    report = replace(count(dataset, skipped=skipped), validation_warnings=validation.warnings)
    progress(f"writing {out_dir}")
    write_atomically(target / DATASET_FILE, trig_bytes(dataset))
    leave_out = () if merge_inferred else (URIRef(ids.named_graph(INFERRED_GRAPH)),)
    write_atomically(target / MERGED_FILE, turtle_bytes(merged_graph(dataset, leave_out)))
    write_atomically(target / REPORT_FILE, report.to_json().encode("utf-8"))
    return report

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

from rdflib import Graph

from gcmkg.graph.build.checked import check_pieces
from gcmkg.graph.build.dataset import PROVENANCE_GRAPH, provenance_graph, reasoning_provenance
from gcmkg.graph.build.files import write_trig, write_union_turtle
from gcmkg.graph.build.pieces import Locality
from gcmkg.graph.build.reasoned import PieceReasoning
from gcmkg.graph.build.report import BuildReport, Tally
from gcmkg.graph.build.spool import Spool
from gcmkg.graph.core import ids
from gcmkg.graph.core.atomic import write_atomically, write_streamed
from gcmkg.graph.core.errors import OutputError, PartialBuildError
from gcmkg.graph.core.generation import new_generation
from gcmkg.graph.core.layout import DATASET_FILE, INFERRED_GRAPH, MERGED_FILE, REPORT_FILE, STORE_DIR
from gcmkg.graph.core.resources import ontology_file
from gcmkg.graph.rdfio.store import write_store
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
    """Load, reason, validate, and write the dataset, merged Turtle and report files of the build of ``out_dir``
    into ``target``, its new generation (``build``).

    Each graph is written to a spool (graph/build/spool.py) as soon as it is made, and reasoned over then; reasoning
    and validation go piece by piece (graph/build/pieces.py), so memory holds one document at a time, not the
    corpus; the files are written from the spool."""
    spool = Spool(target)
    try:
        return _write_files(out_dir, target, spool, corpus, strict, progress, reasoning, merge_inferred, warn)
    finally:
        spool.remove()


def _write_files(
    out_dir: Path,
    target: Path,
    spool: Spool,
    corpus: Path | None,
    strict: bool,
    progress: Progress,
    reasoning: bool,
    merge_inferred: bool,
    warn: Progress,
) -> BuildReport:
    progress("reading the ontology")
    ontology = ontology_source()
    progress("loading reference data")
    reference = load_reference()
    reasoner = PieceReasoning(ontology.graph) if reasoning else None
    tally = Tally()

    def spooled(source: SourceGraph) -> SourceGraph:
        """Write a graph out and count it; its source description stays."""
        name = ids.named_graph(source.name)
        tally.add(name, spool.put(name, source.graph))
        return replace(source, graph=Graph())

    sources = [spooled(source) for source in (ontology, *reference)]
    skipped: list[str] = []
    if corpus is not None:
        progress(f"loading documents from {corpus}")

        def spooled_document(source: SourceGraph) -> SourceGraph:
            if reasoner is not None:
                reasoner.add(source.graph)
            return spooled(source)

        loaded = load_corpus(corpus, reference, progress, keep=spooled_document)
        sources += loaded.graphs
        skipped += loaded.skipped
    if strict and skipped:
        raise PartialBuildError("strict build: nothing written; skipped inputs:\n  " + "\n  ".join(skipped))
    progress("assembling the dataset")
    provenance = provenance_graph(sources)
    if reasoner is not None:
        shared = Graph()
        for graph in (ontology.graph, provenance, *(source.graph for source in reference)):
            shared += graph
        reasoner.add(shared)
    build_graph = ids.named_graph(PROVENANCE_GRAPH)
    tally.add(build_graph, spool.put(build_graph, provenance))
    del ontology, reference
    locality = Locality(spool)
    entailed: set = set()
    if reasoner is not None:
        progress("reasoning: OWL 2 RL entailments of the ontology's axioms")
        inference = reasoner.finish(spool, locality, lambda: _union(spool))
        reasoner = None  # its statements (the pieces' entailments, the chains' links) are not needed any more
        entailed = set(inference.triples)
        asserted = [graph for graph in spool.graphs if spool.sizes[graph]]
        tally.add(build_graph, spool.put(build_graph, provenance + reasoning_provenance(asserted, inference.method)))
        inferred = ids.named_graph(INFERRED_GRAPH)
        tally.add(inferred, spool.put(inferred, entailed))
        del inference
    hint = f"run `gcmkg validate --graph {out_dir}` for the nodes"
    validation = check_pieces(spool, locality, entailed, progress, warn, hint)
    del entailed, locality  # graph:inferred is in the spool: the files are written from there
    report = replace(tally.report(skipped), validation_warnings=validation.warnings)
    progress(f"writing {out_dir}")
    write_streamed(target / DATASET_FILE, lambda stream: write_trig(spool, stream))
    leave_out = () if merge_inferred else (ids.named_graph(INFERRED_GRAPH),)
    write_streamed(target / MERGED_FILE, lambda stream: write_union_turtle(spool, stream, leave_out))
    write_atomically(target / REPORT_FILE, report.to_json().encode("utf-8"))
    return report


def _union(spool: Spool) -> Graph:
    """Every asserted triple of the build in one rdflib graph (for a reasoning route that needs the union)."""
    union = Graph()
    for graph in spool.graphs:
        for triple in spool.triples(graph):
            union.add(triple)
    return union

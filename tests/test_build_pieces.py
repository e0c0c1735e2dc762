"""The build reasons and validates piece by piece (graph/build/pieces.py): the same entailments as ``infer`` on the
union of the asserted graphs, and the same validation results as the shipped shapes on the union of everything."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD

from gcmkg.graph.build.checked import validate_pieces
from gcmkg.graph.build.dataset import REASONING_ACTIVITY
from gcmkg.graph.build.pieces import Locality
from gcmkg.graph.build.spool import Spool
from gcmkg.graph.core import ids
from gcmkg.graph.core.vocab import GCM
from gcmkg.graph.rdfio.read import read_dataset
from gcmkg.graph.reasoning.infer import infer
from gcmkg.graph.validation.engine import ValidationReport, validate_graph
from gcmkg.graph.validation.shapes import shipped_shapes

INFERRED = URIRef(ids.named_graph("inferred"))
ONTOLOGY = URIRef(ids.named_graph("ontology"))
BUILD = URIRef(ids.named_graph("build"))


@pytest.fixture(scope="module")
def dataset(corpus_build: Path) -> Dataset:
    return read_dataset(corpus_build)


def _asserted_union(dataset: Dataset) -> Graph:
    """The asserted graphs as the build reasoned over them (graph:build without what it says of graph:inferred)."""
    union = Graph()
    for context in dataset.graphs():
        if context.identifier == INFERRED:
            continue
        for triple in context:
            if context.identifier == BUILD and triple[0] in (INFERRED, REASONING_ACTIVITY):
                continue
            union.add(triple)
    return union


def test_the_pieces_entail_what_the_union_entails(dataset: Dataset) -> None:
    whole = infer(_asserted_union(dataset), dataset.graph(ONTOLOGY)).graph
    assert set(dataset.graph(INFERRED)) == set(whole)
    assert len(whole) > 1000  # the corpus entails a good deal: the comparison is not between two empty graphs


def _spooled(dataset: Dataset, folder: Path) -> tuple[Spool, set]:
    spool = Spool(folder)
    for context in dataset.graphs():
        if len(context) and context.identifier != INFERRED:
            spool.put(str(context.identifier), context)
    return spool, set(dataset.graph(INFERRED))


def _keys(report: ValidationReport) -> list[tuple]:
    return [result.sort_key() for result in report.results]


def _whole(dataset: Dataset) -> ValidationReport:
    union = Graph()
    for *triple, _ in dataset.quads((None, None, None, None)):
        union.add(tuple(triple))
    return validate_graph(union, shipped_shapes())


def _pieces(dataset: Dataset, folder: Path) -> ValidationReport:
    spool, entailed = _spooled(dataset, folder)
    try:
        return validate_pieces(spool, Locality(spool), entailed, shipped_shapes())
    finally:
        spool.remove()


def test_validating_the_pieces_reports_what_validating_the_union_reports(dataset: Dataset, tmp_path: Path) -> None:
    whole = _whole(dataset)
    assert whole.results  # the corpus build has warnings: there is something to compare
    assert _keys(_pieces(dataset, tmp_path)) == _keys(whole)


def test_broken_statements_across_documents_are_reported_as_on_the_union(dataset: Dataset, tmp_path: Path) -> None:
    """Breaks made by hand: a session numbered twice by two documents (each alone is fine), a passage with its
    end before its start, an entity that lost its class everywhere (a document's passage names it: the value
    shape's failure is a detail of the passage's result, its focus the shared entity), all found by the pieces as
    by the union."""
    broken = Dataset()
    for *triple, graph in dataset.quads((None, None, None, None)):
        broken.graph(graph).add(tuple(triple))
    documents = sorted(g.identifier for g in broken.graphs() if "/graph/document/" in str(g.identifier))
    sessions = sorted({s for s in broken.graph(documents[0]).subjects(RDF.type, GCM.Session)})
    assert sessions, "the first document names a session"
    broken.graph(documents[1]).add((sessions[0], GCM.sessionNumber, Literal(99)))
    broken.graph(documents[1]).add((sessions[0], RDF.type, GCM.Session))
    passage = sorted(broken.graph(documents[0]).subjects(RDF.type, GCM.Passage))[0]
    broken.graph(documents[0]).set((passage, GCM.endOffset, Literal(0, datatype=XSD.nonNegativeInteger)))
    mentioned = sorted(broken.graph(documents[0]).objects(None, GCM.mentions))[0]
    for context in broken.graphs():
        context.remove((mentioned, RDF.type, None))
    whole = _whole(broken)
    assert whole.violations >= 3
    assert _keys(_pieces(broken, tmp_path)) == _keys(whole)

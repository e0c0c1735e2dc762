"""Assemble loaded source graphs into one rdflib Dataset: a named graph per source, plus their provenance."""

from __future__ import annotations

from collections.abc import Sequence
from importlib.metadata import version

from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from gcmkg.graph.core import ids
from gcmkg.graph.core.layout import INFERRED_GRAPH
from gcmkg.graph.core.vocab import GCM
from gcmkg.graph.rdfio.canonical import canonical_triples, has_blank_nodes
from gcmkg.loaders.sourcegraph import SourceGraph

PROVENANCE_GRAPH = "build"

BUILD_ACTIVITY = URIRef(ids.ID + "activity/build")
REASONING_ACTIVITY = URIRef(ids.ID + "activity/reasoning")


def provenance_graph(sources: Sequence[SourceGraph]) -> Graph:
    """Where each named graph came from: its source files (with checksums) and the build that made it.

    No timestamps or machine paths, so that the same inputs give the same graph.
    """
    graph = Graph()
    graph.add((BUILD_ACTIVITY, RDF.type, PROV.Activity))
    graph.add((BUILD_ACTIVITY, RDFS.label, Literal(f"gcmkg {version('gcmkg')} build")))
    for source in sources:
        node = URIRef(ids.named_graph(source.name))
        graph.add((node, RDF.type, PROV.Entity))
        graph.add((node, DCTERMS.title, Literal(source.title, lang="en")))
        graph.add((node, PROV.wasGeneratedBy, BUILD_ACTIVITY))
        for resource in source.derived_from:
            graph.add((node, PROV.wasDerivedFrom, URIRef(resource)))
        for file in source.sources:
            file_node = URIRef(ids.source_file(file.name))
            graph.add((node, PROV.wasDerivedFrom, file_node))
            graph.add((BUILD_ACTIVITY, PROV.used, file_node))
            graph.add((file_node, RDF.type, PROV.Entity))
            graph.add((file_node, RDFS.label, Literal(file.name)))
            if file.sha256:
                graph.add((file_node, GCM.sha256, Literal(file.sha256)))
    return graph


def _stable_blank_nodes(graph: Graph) -> Graph:
    """The graph with blank nodes renamed from their content (RDFC-1.0), so labels survive rebuilds."""
    if not has_blank_nodes(graph):
        return graph
    renamed = Graph(identifier=graph.identifier)
    for triple in canonical_triples(graph):
        renamed.add(triple)
    return renamed


def assemble(sources: Sequence[SourceGraph]) -> Dataset:
    """One Dataset holding each source in its named graph and the provenance graph beside them."""
    dataset = Dataset()
    named = [*sources, SourceGraph(PROVENANCE_GRAPH, "Provenance of the build", provenance_graph(sources), ())]
    for source in sorted(named, key=lambda item: ids.named_graph(item.name)):
        target = dataset.graph(URIRef(ids.named_graph(source.name)))
        for triple in _stable_blank_nodes(source.graph):
            target.add(triple)
    return dataset


def add_inferred(dataset: Dataset, entailments: Graph, method: str) -> None:
    """Put ``entailments`` in their own named graph, graph:inferred, and say in graph:build how they were made.

    The asserted graphs are left as they are; the inferred graph is derived from each of them.
    """
    asserted = sorted(graph.identifier for graph in dataset.graphs() if len(graph))
    inferred = URIRef(ids.named_graph(INFERRED_GRAPH))
    target = dataset.graph(inferred)
    for triple in entailments:
        target.add(triple)
    provenance = dataset.graph(URIRef(ids.named_graph(PROVENANCE_GRAPH)))
    provenance.add((inferred, RDF.type, PROV.Entity))
    provenance.add((inferred, DCTERMS.title, Literal("Entailments of the ontology's axioms (OWL 2 RL)", lang="en")))
    provenance.add((inferred, PROV.wasGeneratedBy, REASONING_ACTIVITY))
    provenance.add((REASONING_ACTIVITY, RDF.type, PROV.Activity))
    provenance.add((REASONING_ACTIVITY, RDFS.label, Literal(f"owlrl {version('owlrl')} reasoning, {method}")))
    for graph in asserted:
        provenance.add((inferred, PROV.wasDerivedFrom, graph))
        provenance.add((REASONING_ACTIVITY, PROV.used, graph))

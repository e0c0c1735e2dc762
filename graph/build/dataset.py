"""The provenance of a build: where each named graph came from, and how graph:inferred was made."""

from __future__ import annotations

from collections.abc import Sequence
from importlib.metadata import version

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from gcmkg.graph.core import ids
from gcmkg.graph.core.layout import INFERRED_GRAPH
from gcmkg.graph.core.vocab import GCM
from gcmkg.graph.reasoning.infer import TARGETED
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


def reasoning_label(method: str) -> str:
    """The reasoning activity's label: the targeted route is gcmkg's own rule tables (graph/reasoning/), the full
    closure is owlrl's."""
    if method == TARGETED:
        return f"gcmkg {version('gcmkg')} OWL 2 RL rule tables, {method}"
    return f"owlrl {version('owlrl')} reasoning, {method}"


def reasoning_provenance(asserted: Sequence[str], method: str) -> Graph:
    """What graph:build says of graph:inferred: how its entailments were made, and from which (non-empty) asserted
    graphs (the inferred graph itself is derived from each of them; the asserted graphs are left as they are)."""
    inferred = URIRef(ids.named_graph(INFERRED_GRAPH))
    graph = Graph()
    graph.add((inferred, RDF.type, PROV.Entity))
    graph.add((inferred, DCTERMS.title, Literal("Entailments of the ontology's axioms (OWL 2 RL)", lang="en")))
    graph.add((inferred, PROV.wasGeneratedBy, REASONING_ACTIVITY))
    graph.add((REASONING_ACTIVITY, RDF.type, PROV.Activity))
    graph.add((REASONING_ACTIVITY, RDFS.label, Literal(reasoning_label(method))))
    for name in sorted(asserted):
        graph.add((inferred, PROV.wasDerivedFrom, URIRef(name)))
        graph.add((REASONING_ACTIVITY, PROV.used, URIRef(name)))
    return graph

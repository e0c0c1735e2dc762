"""Read a build (folder or RDF file) into rdflib: as a Dataset of its named graphs, or as their union.

Oxigraph's parser reads the file (fast, and quiet: rdflib's own TriG parser warns about its deprecated
APIs); pySHACL and owlrl need rdflib terms. The file is parsed, not loaded
into an Oxigraph store: the store keeps xsd:nonNegativeInteger literals as xsd:integer (pyoxigraph
0.5), which would turn every gcm:startOffset into a datatype violation. The ontology is a named graph
of every build, so its rdfs:subClassOf triples are in the union for ``sh:targetClass``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from gcmkg.graph.core.errors import DataError
from gcmkg.graph.rdfio.quads import parse_build

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def rdflib_term(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> Node:
    """The rdflib term of an Oxigraph term, its literal as written (xsd:string literals without a datatype)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))
    raise DataError(f"RDF-star triple terms are not supported: {term}")


def _quads(quads: Iterable[ox.Quad]) -> Iterator[tuple[Node, Node, Node, URIRef | BNode | None]]:
    """Oxigraph quads as rdflib terms, graph None for the default graph."""
    for quad in quads:
        name = quad.graph_name
        graph = (
            URIRef(name.value)
            if isinstance(name, ox.NamedNode)
            else BNode(name.value)
            if isinstance(name, ox.BlankNode)
            else None
        )
        yield rdflib_term(quad.subject), rdflib_term(quad.predicate), rdflib_term(quad.object), graph


def rdflib_triples(quads: Iterable[ox.Quad]) -> Iterator[tuple[Node, Node, Node]]:
    """The triples of Oxigraph ``quads`` as rdflib terms (their graphs left out)."""
    for quad in quads:
        yield rdflib_term(quad.subject), rdflib_term(quad.predicate), rdflib_term(quad.object)


def union_graph(location: Path | None) -> Graph:
    """Every triple of the build at ``location`` (default ./build) in one graph; errors as for ``gcmkg query``."""
    graph = Graph()
    for subject, predicate, obj, _ in _quads(parse_build(location)):
        graph.add((subject, predicate, obj))
    return graph


def read_dataset(location: Path | None) -> Dataset:
    """The build at ``location`` as an rdflib Dataset, each triple in its named graph."""
    return dataset_of(parse_build(location))


def dataset_of(quads: Iterable[ox.Quad]) -> Dataset:
    """Oxigraph quads as an rdflib Dataset, each triple in its named graph, added in the order given."""
    dataset = Dataset()
    for subject, predicate, obj, graph in _quads(quads):
        target = dataset.default_graph if graph is None else dataset.graph(graph)
        target.add((subject, predicate, obj))
    return dataset

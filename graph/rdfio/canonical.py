"""Blank nodes labelled from their content, so that the same data gets the same labels: one algorithm, RDF Dataset
Canonicalization (RDFC-1.0, pyoxigraph), for Oxigraph quads and for rdflib triples alike.

The build names its blank nodes so before writing (byte-identical rebuilds), exports before sorting, the SHACL
report before printing it as Turtle, and ``gcmkg diff`` before comparing two sides whose parsers gave the same
structure different labels.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

RdflibTriple = tuple[Node, Node, Node]


def canonical_dataset(quads: Iterable[ox.Quad]) -> ox.Dataset:
    """``quads`` as a dataset whose blank nodes carry their RDFC-1.0 canonical labels."""
    dataset = ox.Dataset(quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return dataset


def canonical_quads(quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
    """``quads`` with their blank nodes carrying their RDFC-1.0 labels, for data too large to hold: the quads
    without a blank node pass straight through, those with one are held and given their labels at the end.

    The labels are those ``canonical_dataset`` gives the whole: RDFC-1.0 labels a blank node from the quads it is
    in, which all hold a blank node. Only that part is held in memory (the ontology's class expressions in a
    build: a few dozen quads; in an arbitrary RDF file, all its quads with blank nodes).
    """
    held: list[ox.Quad] = []
    for quad in quads:
        if any(isinstance(term, ox.BlankNode) for term in (quad.subject, quad.object, quad.graph_name)):
            held.append(quad)
        else:
            yield quad
    if held:
        yield from canonical_dataset(held)


def has_blank_nodes(triples: Iterable[RdflibTriple]) -> bool:
    """Whether any of ``triples`` holds a blank node."""
    return any(isinstance(term, BNode) for triple in triples for term in triple)


def oxigraph_term(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The Oxigraph term of an rdflib term (a literal keeps its lexical form)."""
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        datatype = ox.NamedNode(str(term.datatype)) if term.datatype else None
        return ox.Literal(str(term), language=term.language, datatype=None if term.language else datatype)
    raise TypeError(f"not an RDF term: {term!r}")


def canonical_graph_quads(triples: Iterable[RdflibTriple], graph: ox.NamedNode) -> list[ox.Quad]:
    """rdflib ``triples`` as Oxigraph quads in ``graph``, blank nodes relabelled as ``canonical_dataset`` labels
    them (the labels depend on the triples alone, not on ``graph``)."""
    quads = [ox.Quad(oxigraph_term(s), oxigraph_term(p), oxigraph_term(o)) for s, p, o in triples]  # type: ignore[arg-type]
    if any(isinstance(term, ox.BlankNode) for quad in quads for term in (quad.subject, quad.object)):
        quads = list(canonical_dataset(quads))
    return [ox.Quad(q.subject, q.predicate, q.object, graph) for q in quads]


def canonical_triples(triples: Iterable[RdflibTriple]) -> list[RdflibTriple]:
    """rdflib ``triples`` with their blank nodes relabelled as ``canonical_dataset`` labels them; every other term
    is the very rdflib term given (no literal is re-parsed)."""
    given: dict[ox.NamedNode | ox.Literal, Node] = {}

    def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        converted = oxigraph_term(term)
        if not isinstance(converted, ox.BlankNode):
            given[converted] = term
        return converted

    def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
        return BNode(term.value) if isinstance(term, ox.BlankNode) else given[term]

    quads = [ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in triples]  # type: ignore[arg-type]
    return [(to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)) for q in canonical_dataset(quads)]

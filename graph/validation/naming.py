"""How RDF terms, property paths and shapes are written in reports: compacted with the project prefixes."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH, XSD
from rdflib.term import Node

from gcmkg.graph.core.prefixes import PREFIXES
from gcmkg.graph.core.prefixes import compact as compact_iri

Prefixes = Mapping[str, str]

#: The project's prefixes plus SHACL's, for constraint components and severities.
REPORT_PREFIXES: dict[str, str] = {**PREFIXES, "sh": str(SH)}

BLANK = "[]"

# Literals Turtle writes bare: "22"^^xsd:integer is 22, "3.5"^^xsd:decimal is 3.5, "true"^^xsd:boolean is true.
_BARE = {
    XSD.integer: re.compile(r"[+-]?[0-9]+"),
    XSD.decimal: re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    XSD.boolean: re.compile(r"true|false"),
}


def compact(iri: str, prefixes: Prefixes = REPORT_PREFIXES) -> str:
    """An IRI compacted with the report prefixes (the project's and SHACL's)."""
    return compact_iri(iri, prefixes)


def term_text(term: Node, prefixes: Prefixes = REPORT_PREFIXES) -> str:
    """A term as a person reads it: compact IRI, quoted literal (with language or compact datatype), [] for a blank."""
    if isinstance(term, URIRef):
        return compact(str(term), prefixes)
    if isinstance(term, Literal):
        quoted = '"' + str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
        if term.language:
            return f"{quoted}@{term.language}"
        if term.datatype in _BARE and _BARE[term.datatype].fullmatch(str(term)):
            return str(term)
        if term.datatype is not None:
            return f"{quoted}^^{compact(str(term.datatype), prefixes)}"
        return quoted
    return BLANK


def term_ntriples(term: Node) -> str:
    """A term in N-Triples syntax (full IRIs), for machines; a blank node is written [] (its label is not stable)."""
    return BLANK if isinstance(term, BNode) else term.n3()


_UNARY_PATHS = {SH.zeroOrMorePath: "*", SH.oneOrMorePath: "+", SH.zeroOrOnePath: "?"}


def path_text(graph: Graph, path: Node, write_iri: Callable[[URIRef], str] | None = None) -> str:
    """A SHACL property path in SPARQL property-path syntax: ``gcm:a/^gcm:b``, ``(gcm:a|gcm:b)*``.

    ``write_iri`` writes each IRI (default: compacted with the project prefixes).
    """
    write: Callable[[URIRef], str] = write_iri or (lambda iri: compact(str(iri)))

    def walk(node: Node, nested: bool) -> str:
        if isinstance(node, URIRef):
            return write(node)
        if graph.value(node, RDF.first) is not None:
            text = "/".join(walk(item, True) for item in Collection(graph, node))
            return f"({text})" if nested else text
        inverse = graph.value(node, SH.inversePath)
        if inverse is not None:
            return "^" + walk(inverse, True)
        alternatives = graph.value(node, SH.alternativePath)
        if alternatives is not None:
            text = "|".join(walk(item, True) for item in Collection(graph, alternatives))
            return f"({text})" if nested else text
        for predicate, suffix in _UNARY_PATHS.items():
            inner = graph.value(node, predicate)
            if inner is not None:
                return walk(inner, True) + suffix
        return BLANK

    return walk(path, False)


def shape_name(shapes: Graph, shape: Node, prefixes: Prefixes = REPORT_PREFIXES) -> str:
    """A shape as a person knows it: its IRI, or for a blank property shape its parent shape and path."""
    if isinstance(shape, URIRef):
        return compact(str(shape), prefixes)
    path = shapes.value(shape, SH.path)
    where = f"property {path_text(shapes, path, lambda iri: compact(str(iri), prefixes))}" if path is not None else ""
    parents = sorted(compact(str(p), prefixes) for p in shapes.subjects(SH.property, shape) if isinstance(p, URIRef))
    if parents:
        return f"{parents[0]}, {where}" if where else parents[0]
    return f"anonymous shape, {where}" if where else "anonymous shape"

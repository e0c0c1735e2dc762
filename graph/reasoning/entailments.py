"""Which entailments the build keeps: new statements about the knowledge graph's own resources.

owlrl also derives statements every OWL 2 RL closure holds (``x owl:sameAs x``, ``x a owl:Thing``),
statements about the vocabulary itself, and memberships of anonymous classes (the unions used as
domains); none of these tells a reader anything, so none is kept.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import OWL, RDF, RDFS, BNode, URIRef
from rdflib.term import Node

from gcmkg.graph.core import ids

Triple = tuple[Node, Node, Node]

_TRIVIAL_CLASSES = frozenset({OWL.Thing, RDFS.Resource, OWL.NamedIndividual})
_SAME_AS, _TYPE = OWL.sameAs, RDF.type  # looked up once: rdflib's namespace attributes cost a call each


def is_individual(node: Node) -> bool:
    """A resource of the knowledge graph (under https://w3id.org/gcmkg/), not a term of the ontology."""
    # str.startswith: rdflib's own startswith wraps it in a Python call
    return isinstance(node, URIRef) and str.startswith(node, ids.BASE) and not str.startswith(node, ids.ONTOLOGY)


def is_kept(triple: Triple) -> bool:
    """True for an entailment worth storing: about an individual, not trivial, not about an anonymous class."""
    subject, predicate, obj = triple
    if not is_individual(subject) or isinstance(obj, BNode):
        return False
    if predicate == _SAME_AS:
        return subject != obj
    if predicate == _TYPE:
        return obj not in _TRIVIAL_CLASSES
    return True


def kept(triples: Iterable[Triple], asserted: Iterable[Triple] = ()) -> set[Triple]:
    """The kept entailments among ``triples`` that are not already asserted."""
    already = asserted if isinstance(asserted, set | frozenset) else set(asserted)  # a set is not copied
    return {triple for triple in triples if is_kept(triple) and triple not in already}

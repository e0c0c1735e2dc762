"""The ontology's axioms, split by the reasoning stage that uses them, and the ones no stage covers.

The targeted route (targeted.py) reproduces OWL 2 RL on ontologies built from: class hierarchy
(rdfs:subClassOf, owl:equivalentClass), domains and ranges (named classes or unions), property
hierarchy (rdfs:subPropertyOf, owl:equivalentProperty), inverse and symmetric properties, and
property chains. Anything else (functional properties, restrictions, keys, owl:sameAs, ...) is listed
by :func:`unsupported`, and the build then takes the full closure instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import OWL, RDF, RDFS, BNode, Graph
from rdflib.term import Node

Triple = tuple[Node, Node, Node]

PER_TRIPLE_PROPERTY_AXIOMS = frozenset({RDFS.subPropertyOf, OWL.equivalentProperty, OWL.inverseOf})
CLASS_AXIOMS = frozenset({RDFS.subClassOf, OWL.equivalentClass, RDFS.domain, RDFS.range})
_CLASS_EXPRESSIONS = frozenset({OWL.unionOf, RDF.first, RDF.rest})
_DECLARATIONS = frozenset(
    {
        OWL.Class,
        OWL.ObjectProperty,
        OWL.DatatypeProperty,
        OWL.AnnotationProperty,
        OWL.Ontology,
        OWL.NamedIndividual,
        OWL.Thing,
        OWL.SymmetricProperty,
    }
)
_OWL_ANNOTATIONS = frozenset({OWL.versionIRI, OWL.versionInfo, OWL.deprecated})


@dataclass(frozen=True)
class Axioms:
    """The ontology's axioms, one graph per reasoning stage."""

    properties: Graph
    """Axioms that act on one triple at a time: sub-, equivalent, inverse and symmetric properties."""
    chains: Graph
    """owl:propertyChainAxiom statements with their lists."""
    classes: Graph
    """Class hierarchy, domains and ranges, with the class expressions they name."""

    @property
    def classes_need_owl(self) -> bool:
        """Whether the class axioms need OWL 2 RL rather than RDFS to give the same named classes.

        RDFS suffices for sub-classes, domains and ranges; a union used only as a domain or range just
        types resources with an anonymous class, which is never kept.
        """
        owl_terms = {p for _, p, _ in self.classes if str(p).startswith(str(OWL))} - {OWL.unionOf}
        union_subclasses = any(isinstance(s, BNode) for s in self.classes.subjects(RDFS.subClassOf, None))
        return bool(owl_terms) or union_subclasses

    @property
    def chain_members(self) -> frozenset[Node]:
        return frozenset(self.chains.objects(None, RDF.first))

    @property
    def chain_properties(self) -> frozenset[Node]:
        return frozenset(self.chains.subjects(OWL.propertyChainAxiom, None))

    @property
    def chain_lists(self) -> dict[Node, list[tuple[Node, ...]]]:
        """Each property defined by chains, with its chains (p1, …, pn) in order of their IRIs."""
        found: dict[Node, list[tuple[Node, ...]]] = {}
        for prop, chain in self.chains.subject_objects(OWL.propertyChainAxiom):
            found.setdefault(prop, []).append(tuple(self.chains.items(chain)))
        return {prop: sorted(chains) for prop, chains in sorted(found.items())}


def _with_structure(ontology: Graph, axioms: Iterable[Triple]) -> Graph:
    """The axioms plus every triple of the blank-node structures (lists, unions) they point to."""
    graph = Graph()
    pending: list[Node] = []
    for triple in axioms:
        graph.add(triple)
        pending.append(triple[2])
    while pending:
        node = pending.pop()
        if isinstance(node, BNode):
            for triple in ontology.triples((node, None, None)):
                if triple not in graph:
                    graph.add(triple)
                    pending.append(triple[2])
    return graph


def split(ontology: Graph) -> Axioms:
    """The axioms of ``ontology`` for each stage of the targeted route."""
    properties = [
        (s, p, o)
        for s, p, o in ontology
        if p in PER_TRIPLE_PROPERTY_AXIOMS or (p == RDF.type and o == OWL.SymmetricProperty)
    ]
    chains = ontology.triples((None, OWL.propertyChainAxiom, None))
    classes = [(s, p, o) for s, p, o in ontology if p in CLASS_AXIOMS]
    return Axioms(
        properties=_with_structure(ontology, properties),
        chains=_with_structure(ontology, chains),
        classes=_with_structure(ontology, classes),
    )


def unsupported(ontology: Graph, data: Graph) -> list[str]:
    """The OWL constructs of ``ontology`` (and owl:sameAs in ``data``) the targeted route does not reproduce."""
    found: set[str] = set()
    for _, predicate, obj in ontology:
        if predicate == RDF.type and str(obj).startswith(str(OWL)) and obj not in _DECLARATIONS:
            found.add(f"rdf:type owl:{str(obj).removeprefix(str(OWL))}")
        elif (
            str(predicate).startswith(str(OWL))
            and predicate not in PER_TRIPLE_PROPERTY_AXIOMS | CLASS_AXIOMS | _CLASS_EXPRESSIONS | _OWL_ANNOTATIONS
            and predicate != OWL.propertyChainAxiom
        ):
            found.add(f"owl:{str(predicate).removeprefix(str(OWL))}")
    if (None, OWL.sameAs, None) in data:
        found.add("owl:sameAs in the data")
    return sorted(found)

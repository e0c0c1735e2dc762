"""The ontology's axioms as rule tables for the targeted route, and the constructs it does not cover.

The targeted route (targeted.py) reproduces OWL 2 RL on ontologies built from: class hierarchy
(rdfs:subClassOf, owl:equivalentClass, unions), domains and ranges, property hierarchy
(rdfs:subPropertyOf, owl:equivalentProperty), inverse, symmetric and transitive properties, and
property chains. Anything else (functional properties, restrictions, intersections, keys, owl:sameAs, ...)
is listed by :func:`unsupported`, and the build then takes the full closure instead.

Each table is the fixpoint of the OWL 2 RL rules it stands for, worked out once over the vocabulary,
so the data is read against it in one pass:

- :attr:`Axioms.properties`: prp-spo1, prp-eqp1/2, prp-inv1/2, prp-symp (with scm-spo, scm-eqp1);
- :attr:`Axioms.chains`: prp-spo2, and prp-trp as the chain (p, p);
- :attr:`Axioms.subject_classes`, :attr:`Axioms.object_classes`: prp-dom, prp-rng and cax-sco, cax-eqc1/2,
  cls-uni (with scm-sco, scm-eqc1, scm-uni) over what a statement's per-triple entailments give.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rdflib import OWL, RDF, RDFS, BNode, Graph
from rdflib.term import Node

Triple = tuple[Node, Node, Node]
Entailed = frozenset[tuple[Node, bool]]
"""What one statement ``s p o`` gives: each (q, reversed) stands for ``s q o`` (False) or ``o q s`` (True)."""

_PROPERTY_AXIOMS = frozenset({RDFS.subPropertyOf, OWL.equivalentProperty, OWL.inverseOf, OWL.propertyChainAxiom})
_CLASS_AXIOMS = frozenset({RDFS.subClassOf, OWL.equivalentClass, RDFS.domain, RDFS.range})
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
        OWL.TransitiveProperty,
    }
)
_OWL_ANNOTATIONS = frozenset({OWL.versionIRI, OWL.versionInfo, OWL.deprecated})
_RDF_TYPE_AXIOMS = _PROPERTY_AXIOMS | {RDFS.domain, RDFS.range}


@dataclass(frozen=True)
class Axioms:
    """The ontology's axioms as tables keyed by the predicate (or class) a statement has."""

    properties: Mapping[Node, Entailed]
    """For each property an axiom names, every (q, reversed) one of its statements entails, itself included."""
    chains: Mapping[Node, tuple[tuple[Node, ...], ...]]
    """Each property defined by chains (p1, …, pn), in order; a transitive property p has the chain (p, p)."""
    subject_classes: Mapping[Node, frozenset[Node]]
    """For each property, the named classes the subject of one of its statements belongs to."""
    object_classes: Mapping[Node, frozenset[Node]]
    """For each property, the named classes the object of one of its statements belongs to."""
    super_classes: Mapping[Node, frozenset[Node]]
    """For each class an axiom names, the named classes its members belong to, itself included."""

    def entailed(self, predicate: Node) -> Entailed:
        """What one statement with ``predicate`` entails, itself included."""
        return self.properties.get(predicate) or frozenset({(predicate, False)})

    @property
    def chain_members(self) -> frozenset[Node]:
        return frozenset(member for chains in self.chains.values() for chain in chains for member in chain)

    @property
    def derivable(self) -> frozenset[Node]:
        """The predicates an entailment can have: rdf:type, and every one a property axiom reaches."""
        reached = {q for entailed in self.properties.values() for q, _ in entailed}
        return frozenset({RDF.type, *reached, *self.chains})


def _closure(start: Node, edges: Mapping[Node, Iterable[Node]]) -> frozenset[Node]:
    """``start`` and every node reachable from it along ``edges``."""
    found, pending = {start}, [start]
    while pending:
        for target in edges.get(pending.pop(), ()):
            if target not in found:
                found.add(target)
                pending.append(target)
    return frozenset(found)


def _property_tables(ontology: Graph) -> dict[Node, Entailed]:
    """prp-spo1, prp-eqp1/2, prp-inv1/2 and prp-symp, closed: what a statement of each property entails."""
    steps: defaultdict[tuple[Node, bool], set[tuple[Node, bool]]] = defaultdict(set)

    def both_ways(p: Node, q: Node, flip: bool) -> None:
        for reverse in (False, True):
            steps[(p, reverse)].add((q, reverse != flip))

    for p, q in ontology.subject_objects(RDFS.subPropertyOf):
        both_ways(p, q, flip=False)
    for p, q in ontology.subject_objects(OWL.equivalentProperty):
        both_ways(p, q, flip=False)
        both_ways(q, p, flip=False)
    for p, q in ontology.subject_objects(OWL.inverseOf):
        both_ways(p, q, flip=True)
        both_ways(q, p, flip=True)
    for p in ontology.subjects(RDF.type, OWL.SymmetricProperty):
        both_ways(p, p, flip=True)
    named = {p for p, _ in steps} | {q for targets in steps.values() for q, _ in targets}
    return {p: frozenset(_closure((p, False), steps)) for p in named}  # type: ignore[misc]


def _class_edges(ontology: Graph) -> dict[Node, set[Node]]:
    """Sub-class edges: rdfs:subClassOf, owl:equivalentClass both ways, each member of a union to the union."""
    edges: defaultdict[Node, set[Node]] = defaultdict(set)
    for c, d in ontology.subject_objects(RDFS.subClassOf):
        edges[c].add(d)
    for c, d in ontology.subject_objects(OWL.equivalentClass):
        edges[c].add(d)
        edges[d].add(c)
    for union, members in ontology.subject_objects(OWL.unionOf):
        for member in ontology.items(members):
            edges[member].add(union)
    return edges


def _named(classes: Iterable[Node]) -> frozenset[Node]:
    """Anonymous classes (unions) only type resources with a class no entailment keeps."""
    return frozenset(c for c in classes if not isinstance(c, BNode))


def read_axioms(ontology: Graph) -> Axioms:
    """The rule tables of ``ontology`` (which :func:`unsupported` accepts)."""
    properties = _property_tables(ontology)
    edges = _class_edges(ontology)
    classes = set(edges) | {d for targets in edges.values() for d in targets}
    closed = {c: _closure(c, edges) for c in classes}
    domains, ranges = defaultdict(set), defaultdict(set)
    for p, c in ontology.subject_objects(RDFS.domain):
        domains[p].update(closed.get(c, {c}))
    for p, c in ontology.subject_objects(RDFS.range):
        ranges[p].update(closed.get(c, {c}))
    subject_classes, object_classes = {}, {}
    for p in {*properties, *domains, *ranges}:
        entailed = properties.get(p) or {(p, False)}
        on_subject = [domains[q] if not reverse else ranges[q] for q, reverse in entailed]
        on_object = [ranges[q] if not reverse else domains[q] for q, reverse in entailed]
        subject_classes[p] = _named(set().union(*on_subject))
        object_classes[p] = _named(set().union(*on_object))
    chains: defaultdict[Node, list[tuple[Node, ...]]] = defaultdict(list)
    for p, chain in ontology.subject_objects(OWL.propertyChainAxiom):
        chains[p].append(tuple(ontology.items(chain)))
    for p in ontology.subjects(RDF.type, OWL.TransitiveProperty):
        chains[p].append((p, p))
    return Axioms(
        properties=properties,
        chains={p: tuple(sorted(chains[p])) for p in sorted(chains)},
        subject_classes={p: found for p, found in subject_classes.items() if found},
        object_classes={p: found for p, found in object_classes.items() if found},
        super_classes={c: _named(found) for c, found in closed.items()},
    )


def unsupported(ontology: Graph, data: Graph) -> list[str]:
    """The OWL constructs of ``ontology`` (and owl:sameAs in ``data``) the targeted route does not reproduce."""
    found: set[str] = set()
    for subject, predicate, obj in ontology:
        if predicate == RDF.type and str(obj).startswith(str(OWL)) and obj not in _DECLARATIONS:
            found.add(f"rdf:type owl:{str(obj).removeprefix(str(OWL))}")
        elif (
            str(predicate).startswith(str(OWL))
            and predicate not in _PROPERTY_AXIOMS | _CLASS_AXIOMS | _CLASS_EXPRESSIONS | _OWL_ANNOTATIONS
        ):
            found.add(f"owl:{str(predicate).removeprefix(str(OWL))}")
        elif predicate in _RDF_TYPE_AXIOMS and RDF.type in (subject, obj, *_list_items(ontology, obj)):
            found.add("rdf:type in a property axiom")  # what it entails would be memberships to close again
    if (None, OWL.sameAs, None) in data:
        found.add("owl:sameAs in the data")
    return sorted(found)


def _list_items(ontology: Graph, node: Node) -> list[Node]:
    return list(ontology.items(node)) if isinstance(node, BNode) else []

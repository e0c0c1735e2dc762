"""The targeted route: owlrl run only on what the ontology's axioms can touch, in three small stages.

1. **One triple at a time.** Sub-, equivalent, inverse and symmetric properties act on each triple
   alone, so owlrl closes one representative triple per predicate and the result is applied to
   every triple with that predicate.
2. **Property chains** need the real links: OWL 2 RL's rule for them (prp-spo2: ``x1 p1 x2 … xn pn
   xn+1`` entails ``x1 p xn+1``) is evaluated as joins over the triples of the chain members, and stage 1
   is applied to what it derives, until nothing new appears. (owlrl closing those triples gave the same
   and took 90% of the route at 10× the corpus: it re-reads every triple in each of its cycles.)
3. **Types** from classes, domains and ranges depend only on a resource's asserted classes and the
   predicates it has on either side (its *signature*): they are worked out once per signature, and
   each resource receives its signature's classes. When the class axioms are plain RDFS
   (sub-classes, domains, ranges; unions only as domains or ranges) the RDFS rules for them (rdfs2,
   rdfs3, rdfs9) are evaluated directly (owlrl's RDFS closure of the representatives gave the same
   and was most of the route on the corpus); otherwise owlrl's OWL 2 RL rules close one
   representative per signature.

Passage text, offsets, labels and provenance never enter owlrl: a literal only tells stage 3 that
its subject has the predicate. tests/test_reasoning.py proves the result equal to the full closure (owlrl
over every triple), on a small graph and on the corpus build.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.term import Node

from gcmkg.graph.reasoning.axioms import Axioms
from gcmkg.graph.reasoning.closure import owl_rl_closure
from gcmkg.graph.reasoning.entailments import is_individual

Triple = tuple[Node, Node, Node]
Rules = dict[Node, frozenset[tuple[Node, bool]]]
Signature = tuple[frozenset[Node], frozenset[Node], frozenset[Node]]

_STAND_IN = "urn:gcmkg:reasoning:"


def per_triple_rules(axioms: Axioms, predicates: Iterable[Node]) -> Rules:
    """For each predicate p, what one triple ``s p o`` entails alone: (q, reversed) for ``s q o`` / ``o q s``."""
    touched = set(axioms.properties.all_nodes())
    stand_ins = {
        p: (URIRef(f"{_STAND_IN}s{i}"), URIRef(f"{_STAND_IN}o{i}"))
        for i, p in enumerate(sorted((p for p in set(predicates) if p in touched), key=str))
    }
    by_pair = {pair: p for p, pair in stand_ins.items()}
    samples = ((s, p, o) for p, (s, o) in stand_ins.items())
    rules: defaultdict[Node, set[tuple[Node, bool]]] = defaultdict(set)
    for s, q, o in owl_rl_closure([*axioms.properties, *samples]):
        if (s, o) in by_pair:
            rules[by_pair[(s, o)]].add((q, False))
        elif (o, s) in by_pair:
            rules[by_pair[(o, s)]].add((q, True))
    return {p: frozenset(found) for p, found in rules.items()}


def apply_rules(rules: Rules, triples: Iterable[Triple]) -> set[Triple]:
    """Everything ``rules`` derive from ``triples``, one triple at a time."""
    derived: set[Triple] = set()
    for s, p, o in triples:
        for q, reverse in rules.get(p, ()):
            if not reverse:
                derived.add((s, q, o))
            elif not isinstance(o, Literal):
                derived.add((o, q, s))
    return derived


def property_entailments(axioms: Axioms, links: set[Triple]) -> set[Triple]:
    """Stages 1 and 2: the property statements entailed by ``links`` (statements other than rdf:type)."""
    rules = per_triple_rules(axioms, {p for _, p, _ in links} | axioms.chain_properties)
    known = set(links)
    new = apply_rules(rules, known) - known
    derived = set(new)
    known |= new
    members = axioms.chain_members
    chained_again = bool(members) and bool(axioms.chain_properties)
    chains = axioms.chain_lists
    while chained_again:
        chained = chain_entailments(chains, known) - known
        new = (chained | apply_rules(rules, chained)) - known
        derived |= new
        known |= new
        chained_again = any(p in members for _, p, _ in new)
    return derived


def chain_entailments(chains: Mapping[Node, Sequence[tuple[Node, ...]]], known: Iterable[Triple]) -> set[Triple]:
    """OWL 2 RL rule prp-spo2 over ``known``: for each chain (p1, …, pn) of a property p, every
    ``x1 p1 x2``, …, ``xn pn xn+1`` gives ``x1 p xn+1``."""
    members = {member for lists in chains.values() for chain in lists for member in chain}
    objects: defaultdict[Node, defaultdict[Node, set[Node]]] = defaultdict(lambda: defaultdict(set))
    for s, p, o in known:
        if p in members:
            objects[p][s].add(o)
    derived: set[Triple] = set()
    for prop, lists in chains.items():
        for first, *rest in lists:
            pairs = {(s, o) for s, values in objects[first].items() for o in values}
            for member in rest:
                step = objects[member]
                pairs = {(s, z) for s, o in pairs for z in step.get(o, ())}
            derived |= {(s, prop, o) for s, o in pairs}
    return derived


def _signatures(axioms: Axioms, types: set[Triple], links: set[Triple]) -> dict[Signature, list[Node]]:
    """Individuals grouped by (asserted classes, predicates with a domain they have as subject, predicates
    with a range they have as object). Other predicates cannot type anything in stage 3."""
    with_domain = set(axioms.classes.subjects(RDFS.domain, None))
    with_range = set(axioms.classes.subjects(RDFS.range, None))
    classes: defaultdict[Node, set[Node]] = defaultdict(set)
    outgoing: defaultdict[Node, set[Node]] = defaultdict(set)
    incoming: defaultdict[Node, set[Node]] = defaultdict(set)
    for s, _, o in types:
        classes[s].add(o)
    for s, p, o in links:
        if p in with_domain:
            outgoing[s].add(p)
        if p in with_range:
            incoming[o].add(p)
    groups: defaultdict[Signature, list[Node]] = defaultdict(list)
    for node in {*classes, *outgoing, *incoming}:
        if is_individual(node):
            groups[(frozenset(classes[node]), frozenset(outgoing[node]), frozenset(incoming[node]))].append(node)
    return groups


def type_entailments(axioms: Axioms, types: set[Triple], links: set[Triple]) -> set[Triple]:
    """Stage 3: the rdf:type statements entailed for individuals, worked out once per signature."""
    groups = _signatures(axioms, types, links)
    if axioms.classes_need_owl:
        return _owl_type_entailments(axioms, groups)
    entailed: set[Triple] = set()
    for signature, members in groups.items():
        entailed |= {(member, RDF.type, cls) for cls in rdfs_types(axioms, signature) for member in members}
    return entailed


def rdfs_types(axioms: Axioms, signature: Signature) -> set[Node]:
    """The classes RDFS entails for a resource of ``signature`` (rules rdfs2, rdfs3 and rdfs9 over the class axioms):
    its classes, the domains of the predicates it is the subject of and the ranges of those it is the object of,
    and every super-class of these."""
    classes, outgoing, incoming = signature
    found = set(classes)
    for predicate in outgoing:
        found.update(axioms.classes.objects(predicate, RDFS.domain))
    for predicate in incoming:
        found.update(axioms.classes.objects(predicate, RDFS.range))
    pending = list(found)
    while pending:
        for parent in axioms.classes.objects(pending.pop(), RDFS.subClassOf):
            if parent not in found:
                found.add(parent)
                pending.append(parent)
    return found


def _owl_type_entailments(axioms: Axioms, groups: dict[Signature, list[Node]]) -> set[Triple]:
    """Stage 3 when the class axioms need OWL 2 RL: one owlrl run over a representative of each signature."""
    representatives: dict[Node, list[Node]] = {}
    sample: list[Triple] = [*axioms.classes]
    for i, (signature, members) in enumerate(sorted(groups.items(), key=lambda item: sorted(map(str, item[1])))):
        representative = URIRef(f"{_STAND_IN}r{i}")
        representatives[representative] = members
        classes, outgoing, incoming = signature
        sample += [(representative, RDF.type, c) for c in classes]
        sample += [(representative, p, URIRef(f"{_STAND_IN}object-of/{p}")) for p in outgoing]
        sample += [(URIRef(f"{_STAND_IN}subject-of/{p}"), p, representative) for p in incoming]
    entailed: set[Triple] = set()
    for representative, predicate, cls in owl_rl_closure(sample):
        if predicate == RDF.type and representative in representatives:
            entailed |= {(member, RDF.type, cls) for member in representatives[representative]}
    return entailed


def targeted_entailments(axioms: Axioms, data: Iterable[Triple]) -> set[Triple]:
    """All entailments of ``axioms`` over ``data`` (unfiltered; see entailments.kept)."""
    types: set[Triple] = set()
    links: set[Triple] = set()
    for triple in data:
        (types if triple[1] == RDF.type else links).add(triple)
    properties = property_entailments(axioms, links)
    return properties | type_entailments(axioms, types, links | properties)

"""The targeted route: the ontology's rule tables (axioms.py) applied to the data in one pass, then the
property chains to a fixpoint.

1. **One pass over the statements.** Each statement ``s p o`` is looked up once by its predicate: it
   entails the statements of :attr:`Axioms.properties` (sub-, equivalent, inverse and symmetric
   properties), types ``s`` and ``o`` with the classes of :attr:`Axioms.subject_classes` and
   :attr:`Axioms.object_classes` (domains and ranges of ``p`` and of everything it entails, with their
   super-classes), and ``s a C`` gives ``s`` every super-class of C.
2. **Property chains and transitive properties** need the real links: OWL 2 RL's rule prp-spo2 (``x1 p1 x2 …
   xn pn xn+1`` entails ``x1 p xn+1``) is evaluated as joins over the statements of the chain members, and
   each new statement goes through step 1, until no new statement of a chain member appears.

Nothing here runs owlrl: tests/test_reasoning.py proves the result equal to owlrl's closure of every
triple, on hand-written fixtures for each rule and on the corpus build, and the tables equal to what
owlrl derives from the ontology for each predicate and class.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rdflib import RDF, BNode, Literal
from rdflib.term import Node

from gcmkg.graph.reasoning.axioms import Axioms
from gcmkg.graph.reasoning.entailments import is_individual

Triple = tuple[Node, Node, Node]
_TYPE = RDF.type  # looked up once: rdflib's namespace attributes cost a call each


@dataclass(frozen=True)
class _Plan:
    """What a statement of one predicate gives, looked up once per predicate."""

    others: tuple[tuple[Node, bool], ...]
    """The (q, reversed) it entails, but itself."""
    subject_classes: frozenset[Node]
    object_classes: frozenset[Node]
    derivable: bool
    """Whether an entailment can have this predicate (an asserted statement of it is then remembered)."""
    member: bool
    """Whether the predicate is in a chain."""
    membership: bool
    """Whether the predicate is rdf:type."""


@dataclass
class _Closure:
    """The statements read and derived so far, and the classes of each resource."""

    axioms: Axioms
    asserted: set[Triple] = field(default_factory=set)
    """Asserted statements whose predicate an entailment can have."""
    derived: set[Triple] = field(default_factory=set)
    links: set[Triple] = field(default_factory=set)
    """Statements (asserted or derived) of chain members."""
    classes: defaultdict[Node, set[Node]] = field(default_factory=lambda: defaultdict(set))
    plans: dict[Node, _Plan] = field(default_factory=dict)

    def plan(self, predicate: Node) -> _Plan:
        found = self.plans.get(predicate)
        if found is None:
            axioms = self.axioms
            found = self.plans[predicate] = _Plan(
                others=tuple(axioms.entailed(predicate) - {(predicate, False)}),
                subject_classes=axioms.subject_classes.get(predicate, frozenset()),
                object_classes=axioms.object_classes.get(predicate, frozenset()),
                derivable=predicate in axioms.derivable,
                member=predicate in axioms.chain_members,
                membership=predicate == _TYPE,
            )
        return found

    def read(self, data: Iterable[Triple]) -> None:
        """Step 1 for every asserted statement of ``data``."""
        super_classes, classes, asserted, plans = self.axioms.super_classes, self.classes, self.asserted, self.plans
        for triple in data:
            s, p, o = triple
            plan = plans.get(p) or self.plan(p)
            if plan.derivable:
                asserted.add(triple)
            if plan.membership:
                if not isinstance(o, BNode):
                    classes[s].update(super_classes.get(o) or (o,))
                continue
            if plan.member:
                self.links.add(triple)
            self._apply(plan, s, o)

    def add(self, triple: Triple) -> None:
        """Step 1 for an entailed statement."""
        s, p, o = triple
        plan = self.plan(p)
        self.derived.add(triple)
        if plan.member:
            self.links.add(triple)
        self._apply(plan, s, o)

    def _apply(self, plan: _Plan, s: Node, o: Node) -> None:
        if plan.subject_classes:
            self.classes[s].update(plan.subject_classes)
        if plan.object_classes and not isinstance(o, Literal):
            self.classes[o].update(plan.object_classes)
        for q, reverse in plan.others:
            entailed = (o, q, s) if reverse else (s, q, o)
            if entailed not in self.derived:
                self.derived.add(entailed)
                if self.plan(q).member:
                    self.links.add(entailed)

    def chain(self) -> None:
        """Step 2: the chains over the links, each new statement through step 1, until the links stop growing."""
        chains = self.axioms.chains
        while chains:
            before = len(self.links)
            for triple in chain_entailments(chains, self.links) - self.asserted - self.derived:
                self.add(triple)
            if len(self.links) == before:
                return

    def entailments(self) -> set[Triple]:
        """Every entailment about a resource of the knowledge graph (unfiltered otherwise; see entailments.kept)."""
        typed = {(node, _TYPE, c) for node, found in self.classes.items() if is_individual(node) for c in found}
        return typed | {triple for triple in self.derived if not isinstance(triple[1], BNode)}


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


def targeted_entailments(axioms: Axioms, data: Iterable[Triple]) -> tuple[set[Triple], set[Triple]]:
    """The entailments of ``axioms`` over ``data``, and the asserted statements an entailment could repeat
    (those whose predicate an entailment can have): what entailments.kept needs."""
    closure = _Closure(axioms)
    closure.read(data)
    closure.chain()
    return closure.entailments(), closure.asserted

"""Choose the reasoning route and return the entailments the build stores in graph:inferred."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property

from rdflib import Graph
from rdflib.term import Node

from gcmkg.graph.reasoning.axioms import read_axioms, unsupported
from gcmkg.graph.reasoning.closure import owl_rl_closure
from gcmkg.graph.reasoning.entailments import kept
from gcmkg.graph.reasoning.targeted import targeted_entailments

TARGETED = "targeted"
FULL_CLOSURE = "full closure"

Triple = tuple[Node, Node, Node]


@dataclass(frozen=True)
class Inference:
    """The kept entailments, and how they were computed (the reason when the full closure was needed)."""

    triples: frozenset[Triple]
    route: str
    reason: str = ""

    @cached_property
    def graph(self) -> Graph:
        """The kept entailments as an rdflib graph (context-unaware: its triples are added twice as fast)."""
        graph = Graph(store="SimpleMemory")
        for triple in self.triples:
            graph.add(triple)
        return graph

    @property
    def method(self) -> str:
        """'targeted', or 'full closure (the ontology uses ...)'."""
        return f"{self.route} ({self.reason})" if self.reason else self.route


def _closed(data: Graph) -> frozenset[Triple]:
    return frozenset(kept(owl_rl_closure(data), data))


def full_closure(data: Graph) -> Graph:
    """The naive route: owlrl over every triple of ``data``; the kept entailments."""
    return Inference(_closed(data), FULL_CLOSURE).graph


def infer(data: Graph, ontology: Graph) -> Inference:
    """The entailments of ``ontology``'s axioms over ``data`` (which holds the ontology too).

    The targeted route is taken when the ontology stays within what it reproduces; otherwise the full
    closure, with the constructs that required it as the reason.
    """
    blockers = unsupported(ontology, data)
    if blockers:
        return Inference(_closed(data), FULL_CLOSURE, "the ontology uses " + ", ".join(blockers))
    with _no_cycle_collection():
        entailed, asserted = targeted_entailments(read_axioms(ontology), data)
        return Inference(frozenset(kept(entailed, asserted)), TARGETED)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cyclic garbage collector: the targeted route makes hundreds of thousands of tuples
    and sets, none in a cycle, and the collector's passes walk the whole heap, the build's graphs included
    (about 40% of the route's time at 10× the corpus: 4.3–4.7 s with them, 2.5–2.6 s without)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()

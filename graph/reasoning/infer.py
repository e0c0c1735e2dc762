"""Choose the reasoning route and return the entailments the build stores in graph:inferred."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph

from gcmkg.graph.reasoning.axioms import split, unsupported
from gcmkg.graph.reasoning.closure import owl_rl_closure
from gcmkg.graph.reasoning.entailments import kept
from gcmkg.graph.reasoning.targeted import targeted_entailments

TARGETED = "targeted"
FULL_CLOSURE = "full closure"


@dataclass(frozen=True)
class Inference:
    """The kept entailments, and how they were computed (the reason when the full closure was needed)."""

    graph: Graph
    route: str
    reason: str = ""

    @property
    def method(self) -> str:
        """'targeted', or 'full closure (the ontology uses ...)'."""
        return f"{self.route} ({self.reason})" if self.reason else self.route


def full_closure(data: Graph) -> Graph:
    """The naive route: owlrl over every triple of ``data``; the kept entailments."""
    return _as_graph(kept(owl_rl_closure(data), data))


def infer(data: Graph, ontology: Graph) -> Inference:
    """The entailments of ``ontology``'s axioms over ``data`` (which holds the ontology too).

    The targeted route is taken when the ontology stays within what it reproduces; otherwise the full
    closure, with the constructs that required it as the reason.
    """
    blockers = unsupported(ontology, data)
    if blockers:
        return Inference(full_closure(data), FULL_CLOSURE, "the ontology uses " + ", ".join(blockers))
    asserted = set(data)  # read once: iterating an rdflib graph costs more than the rules at 10× the corpus
    return Inference(_as_graph(kept(targeted_entailments(split(ontology), asserted), asserted)), TARGETED)


def _as_graph(triples: set) -> Graph:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph

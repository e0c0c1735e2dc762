"""The one place that runs owlrl: the closure of a set of triples under OWL 2 RL, and what it added."""

from __future__ import annotations

from collections.abc import Iterable

import owlrl
from rdflib import Graph
from rdflib.term import Node

Triple = tuple[Node, Node, Node]


def _added(triples: Iterable[Triple], semantics: type) -> set[Triple]:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    asserted = set(graph)
    owlrl.DeductiveClosure(semantics).expand(graph)
    return set(graph) - asserted


def owl_rl_closure(triples: Iterable[Triple]) -> set[Triple]:
    """The triples owlrl's OWL 2 RL rules add to ``triples`` (the input itself is not returned)."""
    return _added(triples, owlrl.OWLRL_Semantics)

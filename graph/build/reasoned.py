"""Reasoning one piece at a time (graph/build/pieces.py), with the same entailments as ``infer`` on the union.

Each document graph is reasoned over alone, as it is loaded, and the shared graphs together; nothing holds the
whole corpus. Why the union of the pieces' entailments is the union's:

- The targeted route's rules for sub-, equivalent, inverse and symmetric properties, domains, ranges and
  sub-classes take one statement (and the ontology's axioms) at a time, so each fires in the piece holding its
  statement. (When the ontology needs more, ``infer`` takes another route and the build reasons over the union.)
- Property chains join statements, which may come from different pieces (a participation read from one document,
  the objectives of its session from another). After the pieces, the chains are evaluated once over every
  statement of their member properties, asserted or entailed; what they add that no piece found is reasoned over
  (``infer`` again) and added, until nothing new appears.
- A piece drops what it asserts itself; an entailment another piece asserts is dropped at the end. Such a
  statement's subject is in both pieces, so it is a shared node: only shared nodes' statements are looked up.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from rdflib import Graph
from rdflib.term import Node

from gcmkg.graph.build.pieces import SHARED, Locality
from gcmkg.graph.build.spool import Spool
from gcmkg.graph.rdfio.read import rdflib_triples
from gcmkg.graph.reasoning.axioms import read_axioms, unsupported
from gcmkg.graph.reasoning.entailments import kept
from gcmkg.graph.reasoning.infer import TARGETED, Inference, infer
from gcmkg.graph.reasoning.targeted import chain_entailments

Triple = tuple[Node, Node, Node]


class PieceReasoning:
    """The entailments of the ontology's axioms over a build, reasoned piece by piece."""

    def __init__(self, ontology: Graph) -> None:
        self.ontology = ontology
        axioms = read_axioms(ontology)
        self._chains = axioms.chains  # a transitive property is the chain (p, p)
        self._members = axioms.chain_members
        self.exact = not unsupported(ontology, Graph())  # what the data holds is checked piece by piece
        self.entailed: set[Triple] = set()
        self._links: set[Triple] = set()  # statements of chain members, asserted or entailed

    def add(self, piece: Graph) -> None:
        """Reason over one piece (a document graph, or the shared graphs together)."""
        if not self.exact:
            return
        inference = infer(piece, self.ontology)
        if inference.route != TARGETED:
            self.exact = False
            return
        self.entailed |= inference.triples
        self._keep_links(piece)
        self._keep_links(inference.triples)

    def _keep_links(self, triples: Iterable[Triple]) -> None:
        self._links |= {triple for triple in triples if triple[1] in self._members}

    def finish(self, spool: Spool, locality: Locality, union: Callable[[], Graph]) -> Inference:
        """The kept entailments of the whole build (``union()``: every asserted triple, read only if a piece could
        not be reasoned over alone)."""
        if not self.exact:
            return infer(union(), self.ontology)
        asserted = _AssertedLookup(spool, locality)
        tried: set[Triple] = set()
        while chained := kept(chain_entailments(self._chains, self._links)) - self.entailed - tried:
            tried |= chained
            new = asserted.not_held(chained)
            found = Graph()
            for triple in new:
                found.add(triple)
            more = asserted.not_held(infer(found, self.ontology).triples)
            self.entailed |= new | more
            self._keep_links(new | more)
        # each piece dropped what it asserts itself; what another piece asserts goes here
        return Inference(frozenset(asserted.not_shared(self.entailed)), TARGETED)


class _AssertedLookup:
    """Whether a statement is asserted in the build: in its subject's document if that is local, else among the
    (few) statements about shared nodes."""

    def __init__(self, spool: Spool, locality: Locality) -> None:
        self._spool = spool
        self._locality = locality
        self._shared: set[Triple] = set()
        for graph in spool.graphs:
            quads = (quad for quad in spool.quads(graph) if locality.piece(quad.subject) == SHARED)
            self._shared |= set(rdflib_triples(quads))

    def not_shared(self, triples: Iterable[Triple]) -> set[Triple]:
        """Those of ``triples`` that are not statements about shared nodes the build asserts."""
        return {triple for triple in triples if triple not in self._shared}

    def not_held(self, triples: Iterable[Triple]) -> set[Triple]:
        """Those of ``triples`` the build does not assert (each document read once)."""
        by_piece: defaultdict[str, set[Triple]] = defaultdict(set)
        for triple in triples:
            by_piece[self._locality.piece(triple[0])].add(triple)
        kept = by_piece.pop(SHARED, set()) - self._shared
        for piece, found in by_piece.items():
            kept |= found - set(self._spool.triples(piece))
        return kept

"""Which piece of a build each node belongs to, for reasoning and validation one piece at a time.

A build is cut into pieces: each document graph is a piece of its own, and the other graphs (ontology,
reference data, provenance) together make the *shared* piece. A node (an IRI or blank node in subject or object
position) is *local* to a document when no other piece mentions it: its passages, mentions, sections. Every
other node (a State, a session named by several documents, a class) is *shared*. A statement that mentions a
node local to a document can only be asserted in that document, which is what makes the pieces exact.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import BNode, URIRef
from rdflib.term import Node

from gcmkg.graph.build.spool import Spool
from gcmkg.graph.core import ids

SHARED = ""  # the piece of the ontology, the reference data and the provenance graph
_DOCUMENT_GRAPHS = ids.GRAPH + "document/"

Term = ox.NamedNode | ox.BlankNode


def piece_of_graph(graph: str) -> str:
    """The piece a named graph belongs to: itself for a document graph, else SHARED."""
    return graph if graph.startswith(_DOCUMENT_GRAPHS) else SHARED


class Locality:
    """For each node of the asserted graphs, the one document piece it is local to (absent: shared)."""

    def __init__(self, spool: Spool) -> None:
        seen: dict[str, str | None] = {}
        for graph in spool.graphs:
            piece = piece_of_graph(graph)
            for quad in spool.quads(graph):
                for term in (quad.subject, quad.object):
                    if isinstance(term, ox.NamedNode | ox.BlankNode):
                        key = _key(term)
                        if seen.setdefault(key, piece) != piece:
                            seen[key] = None
        self._local = {key: piece for key, piece in seen.items() if piece}

    def piece(self, node: Node | Term) -> str:
        """The document piece ``node`` is local to, or SHARED."""
        return self._local.get(_key(node), SHARED)

    def pieces(self, nodes: Iterable[Node | Term]) -> set[str]:
        """The document pieces the local ones among ``nodes`` belong to."""
        return {piece for node in nodes if (piece := self.piece(node)) != SHARED}


def _key(node: Node | Term) -> str:
    """One key for a node as rdflib or Oxigraph gives it."""
    if isinstance(node, ox.NamedNode | URIRef):
        return "<" + (node.value if isinstance(node, ox.NamedNode) else str(node))
    if isinstance(node, ox.BlankNode | BNode):
        return "_" + (node.value if isinstance(node, ox.BlankNode) else str(node))
    return ""  # literals are never local

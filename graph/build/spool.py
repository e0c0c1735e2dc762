"""The named graphs of a build on disk while it is made: each graph, once complete, is written out as N-Quads
(its blank nodes canonical) and dropped from memory, so a build holds one document at a time, not the corpus.

The spool lives in a temporary folder inside the build's new generation and is removed before it is published.
Read back, a graph gives its quads as written (Oxigraph's parser: literals exactly as the loaders made them).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import XSD, Literal
from rdflib.term import Node

from gcmkg.graph.rdfio.canonical import canonical_graph_quads
from gcmkg.graph.rdfio.read import rdflib_triples

Triple = tuple[Node, Node, Node]


def _as_written(term: Node) -> Node:
    """``term``, an xsd:decimal without a decimal point written with one ("7" as "7.0", its canonical form), as the
    build's files have always had it (rdflib's writer wrote them so)."""
    if isinstance(term, Literal) and term.datatype == XSD.decimal and not any(c in str(term) for c in ".eE"):
        return Literal(f"{term}.0", datatype=XSD.decimal)
    return term


class Spool:
    """Named graphs written to a folder, one N-Quads file each, read back in the order of their IRIs."""

    def __init__(self, parent: Path) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix=".spool.", dir=parent))
        self._files: dict[str, Path] = {}
        self.sizes: dict[str, int] = {}

    def put(self, graph: str, triples: Iterable[Triple]) -> list[ox.Quad]:
        """Write ``triples`` as the named graph ``graph`` (its blank nodes canonical, RDFC-1.0), replacing what it
        held; the quads written."""
        quads = canonical_graph_quads(((s, p, _as_written(o)) for s, p, o in triples), ox.NamedNode(graph))
        path = self._files.setdefault(graph, self.folder / f"{len(self._files)}.nq")
        ox.serialize(quads, str(path), ox.RdfFormat.N_QUADS)
        self.sizes[graph] = len(quads)
        return quads

    @property
    def graphs(self) -> list[str]:
        """The IRIs of the graphs written, sorted."""
        return sorted(self._files)

    def quads(self, graph: str) -> Iterator[ox.Quad]:
        """The quads of ``graph`` as written."""
        return ox.parse(path=str(self._files[graph]), format=ox.RdfFormat.N_QUADS)

    def triples(self, graph: str) -> Iterator[Triple]:
        """The triples of ``graph`` as rdflib terms."""
        return rdflib_triples(self.quads(graph))

    def remove(self) -> None:
        """Remove the spool folder and everything in it."""
        shutil.rmtree(self.folder, ignore_errors=True)

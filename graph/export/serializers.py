"""The bytes of an export in each format, the same bytes for the same selection.

Turtle and TriG go through rdflib's writers with the project's prefixes (``graph/rdfio/serialize.py``, as the build
writes them): subjects grouped and sorted, blank nodes inline where they can be. N-Triples and N-Quads are
Oxigraph's lines, sorted; JSON-LD is ``jsonld.py``. Triple formats merge the selected graphs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pyoxigraph as ox

from gcmkg.graph.export.formats import ExportFormat
from gcmkg.graph.export.jsonld import jsonld_bytes
from gcmkg.graph.rdfio.read import dataset_of
from gcmkg.graph.rdfio.serialize import merged_graph, trig_bytes, turtle_bytes


def merged(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """The distinct triples of ``quads`` as quads of the default graph, in their first order."""
    triples = dict.fromkeys(ox.Quad(q.subject, q.predicate, q.object) for q in quads)
    return list(triples)


def _sorted_lines(statements: Iterable[ox.Quad] | Iterable[ox.Triple], rdf_format: ox.RdfFormat) -> bytes:
    lines = (ox.serialize(statements, format=rdf_format) or b"").decode("utf-8").splitlines(keepends=True)
    return "".join(sorted(lines)).encode("utf-8")


def _ntriples(quads: list[ox.Quad]) -> bytes:
    return _sorted_lines([ox.Triple(q.subject, q.predicate, q.object) for q in merged(quads)], ox.RdfFormat.N_TRIPLES)


_WRITERS: dict[str, Callable[[list[ox.Quad]], bytes]] = {
    "turtle": lambda quads: turtle_bytes(merged_graph(dataset_of(quads))),
    "trig": lambda quads: trig_bytes(dataset_of(quads)),
    "nquads": lambda quads: _sorted_lines(quads, ox.RdfFormat.N_QUADS),
    "ntriples": _ntriples,
    "jsonld": jsonld_bytes,
}


def serialize(quads: list[ox.Quad], export_format: ExportFormat) -> bytes:
    """The selected ``quads`` (sorted) written in ``export_format``."""
    return _WRITERS[export_format.name](quads)

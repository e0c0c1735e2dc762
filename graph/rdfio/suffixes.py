"""The one table of RDF file suffixes gcmkg reads: a build given as a file, shapes, the two sides of a diff."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from gcmkg.graph.core.errors import DataError

# suffix → the RDF syntax it names (pyoxigraph's; ``.media_type`` names it for rdflib)
RDF_SUFFIXES: dict[str, ox.RdfFormat] = {
    ".trig": ox.RdfFormat.TRIG,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
}


def rdf_format(path: Path) -> ox.RdfFormat:
    """The RDF syntax of the file at ``path``, by its suffix; DataError naming the file if it is none gcmkg reads."""
    found = RDF_SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise DataError(f"{path}: unknown RDF file type; expected one of {', '.join(sorted(RDF_SUFFIXES))}")
    return found

"""The quads of a build (folder or RDF file) as Oxigraph's parser reads them, each literal as written (no store,
no rdflib: ``gcmkg push`` and ``gcmkg export`` read them so; graph/rdfio/read.py turns them into rdflib terms)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from gcmkg.graph.core.errors import DataError
from gcmkg.graph.rdfio.entities import refuse_entity_expansion
from gcmkg.graph.rdfio.store import dataset_path
from gcmkg.graph.rdfio.suffixes import rdf_format


def parse_build(location: Path | None) -> Iterator[ox.Quad]:
    """The quads of the build at ``location`` (default ./build), as Oxigraph reads them; DataError naming the
    file if its type is unknown, it cannot be read or it is not valid RDF."""
    path = dataset_path(location)
    yield from parse_file(path, rdf_format(path))


def parse_file(path: Path, rdf_format: ox.RdfFormat) -> Iterator[ox.Quad]:
    """The quads of the RDF file at ``path`` in ``rdf_format``, relative IRIs resolved against the file's own
    location (an export's description links its data file so); DataError naming the file if it cannot be read
    or is not valid RDF, or RDF/XML whose entities could expand without bound (graph/rdfio/entities.py)."""
    if rdf_format == ox.RdfFormat.RDF_XML:
        refuse_entity_expansion(path)
    try:
        yield from ox.parse(path=str(path), format=rdf_format, base_iri=path.resolve().as_uri())
    except SyntaxError as exc:
        raise DataError(f"{path}: not valid {rdf_format.name} ({exc})") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc.strerror or exc})") from None

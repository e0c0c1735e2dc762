"""Open a build (folder or RDF file) as an in-memory pyoxigraph store for querying.

The query engine is Oxigraph's: measured on GCM-shaped graphs it answered joins and GROUP BY
counts far faster than rdflib's own SPARQL engine (tests/benchmarks/README.md).

Queries run over the store's default graph, which ``merge_into_default_graph`` fills with the RDF
merge of the named graphs: each triple once. Oxigraph 0.5's own union default graph yields a triple
once per graph holding it (oxigraph/oxigraph#1919, fixed after 0.5.13), so a triple stated by ten
documents multiplied every join it took part in by ten: on a corpus ten times the shared one,
``viz participation`` ran past its 60 s limit instead of a second (tests/benchmarks/README.md).
"""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, Store

from gcmkg.graph.core.defaults import DEFAULT_BUILD_DIR
from gcmkg.graph.core.errors import BuildNotFoundError, DataError
from gcmkg.graph.core.generation import current
from gcmkg.graph.core.ids import named_graph
from gcmkg.graph.core.layout import DATASET_FILE, INFERRED_GRAPH
from gcmkg.graph.rdfio.entities import refuse_entity_expansion
from gcmkg.graph.rdfio.suffixes import rdf_format

# The RDF merge of the named graphs into the default graph (SPARQL 1.1 Update).
MERGE_NAMED_GRAPHS = Path(__file__).with_name("union.ru")


def dataset_path(location: Path | None) -> Path:
    """The RDF file to query: ``location`` itself, or the dataset file of a build folder's current generation."""
    location = location or DEFAULT_BUILD_DIR
    path = current(location) / DATASET_FILE if location.is_dir() else location
    if not path.is_file():
        raise BuildNotFoundError(
            f"no build at {location}",
            hint=f"run `gcmkg build -o {location}` first, or pass --graph a build folder or RDF file",
        )
    return path


def open_store(location: Path | None, inferred: bool = True) -> Store:
    """A fresh in-memory store holding the dataset at ``location``, without graph:inferred if not ``inferred``."""
    path = dataset_path(location)
    syntax = rdf_format(path)
    if syntax == RdfFormat.RDF_XML:
        refuse_entity_expansion(path)
    store = Store()
    try:
        # relative IRIs (an export's description links its data file so) resolve against the file's location
        store.bulk_load(path=str(path), format=syntax, base_iri=path.resolve().as_uri())
    except SyntaxError as exc:
        raise DataError(f"{path}: not valid {syntax.name} ({exc})") from None
    if not inferred:
        store.remove_graph(NamedNode(named_graph(INFERRED_GRAPH)))
    return merge_into_default_graph(store)


def merge_into_default_graph(store: Store) -> Store:
    """``store`` with every triple of its named graphs also in its default graph (a set: each triple once),
    which queries then read as the union of the build. (A fixed update of our own, run inside Oxigraph: as
    fast as loading the file, where copying the quads through Python took three times as long.)"""
    store.update(MERGE_NAMED_GRAPHS.read_text(encoding="utf-8"))
    return store

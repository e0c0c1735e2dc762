"""``gcmkg.open(build)``: a build loaded once, with the query layer's guard, typed parameters and row limit."""

from __future__ import annotations

from pathlib import Path

from gcmkg.graph.core.defaults import DEFAULT_BUILD_DIR, DEFAULT_LIMIT
from gcmkg.graph.query.catalogue import StoredQuery, find_query, load_catalogue
from gcmkg.graph.query.entity import describe_on_store
from gcmkg.graph.query.guard import check_stored_query
from gcmkg.graph.query.params import bind
from gcmkg.graph.query.runner import AskResult, check_sparql, run_adhoc, run_on_store
from gcmkg.graph.rdfio.store import open_store
from gcmkg.rows import Entity, Rows


class KnowledgeGraph:
    """A build opened for querying: stored queries by name, ad-hoc SPARQL, one entity's description.

    Queries run in this process without a time limit (a notebook can interrupt them); at most ``limit`` rows
    each (0: all), and ``Rows.truncated_at`` says when they were cut."""

    def __init__(self, location: Path, inferred: bool = True, limit: int = DEFAULT_LIMIT) -> None:
        self.location = location
        self.inferred = inferred
        self.limit = limit
        self._store = open_store(location, inferred)
        self._catalogue = load_catalogue()

    def __repr__(self) -> str:
        return f"gcmkg.open({str(self.location)!r}, inferred={self.inferred})"

    @property
    def queries(self) -> dict[str, StoredQuery]:
        """The stored queries, by name (each with its summary, parameters and columns)."""
        return dict(self._catalogue)

    def query(self, name: str, /, **params: object) -> Rows:
        """Run the stored query ``name``; its parameters as keyword arguments (``year=2024``), checked against
        their types and bound as RDF terms. ParameterError names a bad one; UnknownQueryError an unknown query."""
        stored = find_query(name, self._catalogue)
        bindings = bind(stored, {key: str(value) for key, value in params.items()})
        result = run_on_store(self._store, check_stored_query(stored), bindings, self.limit, self.inferred)
        return Rows.of(result)

    def sparql(self, text: str) -> Rows | bool:
        """Run an ad-hoc SELECT (rows) or ASK (a bool) query; the project's prefixes (``gcmkg prefixes``) are
        declared for it, and the guard refuses SERVICE, updates and FROM outside the build (QueryRefused)."""
        result = run_adhoc(self._store, check_sparql(text), self.limit)
        return result.value if isinstance(result, AskResult) else Rows.of(result)

    def describe(self, entity: str) -> Entity:
        """One entity, named by ISO 3166 code (``SRB``), IRI, compact IRI (``objective:7``) or label."""
        return Entity(describe_on_store(self._store, entity))


def open(location: str | Path = DEFAULT_BUILD_DIR, inferred: bool = True, limit: int = DEFAULT_LIMIT) -> KnowledgeGraph:  # noqa: A001
    """Open the build at ``location`` (a build folder or RDF file; ./build by default) for querying."""
    return KnowledgeGraph(Path(location), inferred, limit)

"""Run the stored queries a view is built from on a build, all on one loaded store, within one time limit."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from pyoxigraph import Store

from gcmkg.graph.query.catalogue import StoredQuery, find_query, load_catalogue
from gcmkg.graph.query.guard import check_stored_query
from gcmkg.graph.query.limits import run_limited
from gcmkg.graph.query.runner import QueryResult, run_on_store


def _run_all(store: Store, queries: tuple[StoredQuery, ...]) -> dict[str, QueryResult]:
    """Every row of each of ``queries`` (no parameters, no row limit), by query name."""
    return {query.name: run_on_store(store, query, {}) for query in queries}


def rows_on_store(store: Store, names: tuple[str, ...]) -> dict[str, QueryResult]:
    """The results of the stored queries ``names`` on a store already open (``gcmkg serve``'s), guard checked,
    in this process and without a time limit."""
    catalogue = load_catalogue()
    return _run_all(store, tuple(check_stored_query(find_query(name, catalogue)) for name in names))


def query_rows(location: Path | None, names: tuple[str, ...], inferred: bool, timeout: float) -> dict[str, QueryResult]:
    """The results of the stored queries ``names`` on the build at ``location`` (a folder or RDF file).

    Each query is checked by the guard first; the build is loaded once and the queries are stopped
    together after ``timeout`` seconds (QueryTimeout; 0: no limit), as ``gcmkg query`` does.
    """
    catalogue = load_catalogue()

    def prepare() -> partial[dict[str, QueryResult]]:
        return partial(_run_all, queries=tuple(check_stored_query(find_query(name, catalogue)) for name in names))

    return run_limited(location, inferred, prepare, timeout)

"""``/views/{kind}``: the network views of ``gcmkg viz`` as their offline HTML pages, and the coverage heatmap
(``/views/coverage.svg``) and table (``/views/coverage.csv``); each drawn once, from the same stored queries."""

from __future__ import annotations

from functools import partial

from pyoxigraph import Store
from starlette.requests import Request
from starlette.responses import Response

from gcmkg.graph.core.errors import GcmkgError, NotFoundError
from gcmkg.graph.query.catalogue import StoredQuery, find_query
from gcmkg.graph.query.guard import check_stored_query
from gcmkg.graph.query.runner import run_on_store
from gcmkg.graph.serve.markup import error_page
from gcmkg.graph.serve.site import Site
from gcmkg.graph.visualise.kinds import KINDS

MEDIA = {"html": "text/html", "svg": "image/svg+xml", "csv": "text/csv"}
# The network pages carry their own Content-Security-Policy (hashes of their inline script and style).
_OWN_POLICY = "frame-ancestors 'self'"
# Where the linked-data pages are (linkeddata.py), as the network pages' entity links need it.
ENTITY_PAGES = "/id/"


def drawn(store: Store, kind: str, output_format: str, queries: tuple[StoredQuery, ...]) -> bytes:
    """The view ``kind`` of the build in ``store``, as a network page (html) or coverage heatmap (svg) or table
    (csv): a job for a query process."""
    results = {query.name: run_on_store(store, query, {}) for query in queries}
    view = KINDS[kind]
    if view.is_network:
        from gcmkg.graph.visualise.views import network_html

        # the side panel links each node to its entity page, which this server serves at /id/…
        return network_html(kind, results, entity_base=ENTITY_PAGES).encode("utf-8")
    from gcmkg.graph.visualise.coverage import coverage, coverage_csv

    if output_format == "csv":
        return coverage_csv(results)
    from gcmkg.graph.visualise.heatmap import draw

    return draw(coverage(results), view.title, view.empty, output_format)


def _chosen(name: str) -> tuple[str, str]:
    """``participation`` → (participation, html); ``coverage.svg`` → (coverage, svg); NotFoundError otherwise."""
    kind, _, suffix = name.partition(".")
    view = KINDS.get(kind)
    output_format = suffix or ("html" if view and view.is_network else "svg")
    wanted = ("html",) if view and view.is_network else ("svg", "csv")
    if view is None or output_format not in wanted:
        shown = ", ".join(k if KINDS[k].is_network else f"{k}.svg, {k}.csv" for k in KINDS)
        raise NotFoundError(f"no view {name!r}", hint=f"the views are {shown}")
    return kind, output_format


async def view(request: Request) -> Response:
    """One view, drawn the first time it is asked for."""
    site: Site = request.app.state.site
    try:
        kind, output_format = _chosen(request.path_params["name"])
        queries = tuple(check_stored_query(find_query(name, site.catalogue)) for name in KINDS[kind].queries)
        job = partial(drawn, kind=kind, output_format=output_format, queries=queries)
        body = await site.remembered(f"view:{kind}.{output_format}", job)
    except GcmkgError as error:
        return error_page(error)
    headers = {"Content-Security-Policy": _OWN_POLICY} if output_format == "html" else {}
    return Response(body, media_type=MEDIA[output_format], headers=headers)

"""``/api/{name}``: each stored query as a REST operation (grlc's convention): its typed parameters as query
arguments, checked and bound as RDF terms; SPARQL JSON or CSV by ``Accept`` or by a ``.json`` / ``.csv`` suffix
(TSV and XML too). A bad value is a 400 naming the parameter and the type it expects; an unknown query a 404."""

from __future__ import annotations

from functools import partial
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from gcmkg.graph.core.errors import GcmkgError, ParameterError
from gcmkg.graph.query.catalogue import find_query
from gcmkg.graph.query.guard import check_stored_query
from gcmkg.graph.query.params import bind
from gcmkg.graph.query.runner import run_on_store
from gcmkg.graph.serve.answers import error_response, refuse, result_response
from gcmkg.graph.serve.markup import page
from gcmkg.graph.serve.negotiation import RESULT_ACCEPTED, RESULT_MEDIA, choose
from gcmkg.graph.serve.openapi import openapi
from gcmkg.graph.serve.site import Site


def split_suffix(name: str) -> tuple[str, str | None]:
    """``objectives.csv`` → ``("objectives", "csv")``; a name without a format suffix → ``(name, None)``."""
    stem, dot, suffix = name.rpartition(".")
    return (stem, suffix) if dot and suffix in RESULT_MEDIA else (name, None)


def given_parameters(query_string: str) -> dict[str, str]:
    """The query arguments as parameter values: an empty one (a form's blank field) is left out; one given twice
    is an error."""
    given: dict[str, str] = {}
    for key, values in parse_qs(query_string, keep_blank_values=True).items():
        if len(values) > 1:
            raise ParameterError(f"parameter {key!r} is given {len(values)} times; give it once")
        if values[0].strip():
            given[key] = values[0]
    return given


async def stored_query(request: Request) -> Response:
    """Run one stored query with the request's arguments as its parameters."""
    site: Site = request.app.state.site
    name, suffix = split_suffix(request.path_params["name"])
    output_format = suffix or choose(request.headers.get("accept"), RESULT_ACCEPTED, "json")
    if output_format is None:
        return refuse(406, f"answers are available as {', '.join(RESULT_MEDIA.values())}")
    try:
        query = find_query(name, site.catalogue)
        bindings = bind(query, given_parameters(request.url.query))
        job = partial(
            run_on_store, query=check_stored_query(query), bindings=bindings, limit=site.limit, inferred=site.inferred
        )
        result = await site.run(job)
    except GcmkgError as error:
        return error_response(error)
    return result_response(result, output_format, name)


async def openapi_json(request: Request) -> Response:
    """``/openapi.json``: the OpenAPI 3 description of the stored-query API."""
    site: Site = request.app.state.site
    return JSONResponse(openapi(site.catalogue))


async def docs(request: Request) -> Response:
    """``/docs``: the same description as a page, each operation with its parameters and a link to try it."""
    site: Site = request.app.state.site
    return page("Stored-query API", "docs.html", spec=openapi(site.catalogue))

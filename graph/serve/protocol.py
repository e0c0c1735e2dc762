"""``/sparql``: the SPARQL 1.1 Protocol's query operation — GET with ``query=``, POST of a form (URL-encoded), POST
of the query itself (``application/sparql-query``) — answered in SPARQL JSON, XML, CSV or TSV by ``Accept`` (or
``format=json|xml|csv|tsv``). Queries pass the command line's guard and run within its time and row limits;
updates (the protocol's update operation), SERVICE and FROM naming graphs outside the build are refused with a
400 that says why. The protocol's ``default-graph-uri`` / ``named-graph-uri`` are refused too: FROM names the
build's own graphs."""

from __future__ import annotations

from functools import partial
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from gcmkg.graph.core.errors import GcmkgError, QueryRefused
from gcmkg.graph.query.guard import MAX_QUERY_CHARS
from gcmkg.graph.query.runner import check_sparql, run_adhoc
from gcmkg.graph.serve.answers import error_response, refuse, result_response
from gcmkg.graph.serve.bounds import read_body
from gcmkg.graph.serve.negotiation import RESULT_ACCEPTED, RESULT_MEDIA, choose
from gcmkg.graph.serve.site import Site

FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
UPDATE = "application/sparql-update"
_READ_ONLY = "refused: this endpoint is read-only; it never runs SPARQL Update (LOAD, INSERT, DELETE, CLEAR, DROP, …)"


def _one(arguments: dict[str, list[str]], key: str) -> str | None:
    values = arguments.get(key, [])
    if len(values) > 1:
        raise QueryRefused(f"the request gives {key}= {len(values)} times; give it once")
    return values[0] if values else None


async def _query_text(request: Request) -> tuple[str | None, dict[str, list[str]]]:
    """The query and the other arguments of a request, by the protocol's three ways of sending it."""
    arguments = parse_qs(request.url.query, keep_blank_values=True)
    if request.method == "GET":
        return _one(arguments, "query"), arguments
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await read_body(request)
    if kind == DIRECT:
        return body.decode("utf-8", errors="strict"), arguments
    if kind == FORM:
        form = parse_qs(body.decode("utf-8", errors="strict"), keep_blank_values=True)
        for key, values in form.items():
            arguments.setdefault(key, []).extend(values)
        return _one(arguments, "query"), arguments
    if kind == UPDATE:
        raise QueryRefused(_READ_ONLY)
    raise QueryRefused(f"POST a query as {DIRECT} or as a form ({FORM}), not {kind or 'no Content-Type'}")


async def sparql(request: Request) -> Response:
    """The SPARQL 1.1 Protocol query operation."""
    site: Site = request.app.state.site
    try:
        text, arguments = await _query_text(request)
        if "update" in arguments:
            raise QueryRefused(_READ_ONLY)
        for key in ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri"):
            if key in arguments:
                raise QueryRefused(
                    f"refused: {key}= is not supported; the query runs over the whole build",
                    hint="name the build's own graphs with FROM / FROM NAMED in the query instead",
                )
        if text is None:
            if request.method == "GET":  # a person who followed the link: the editor
                return RedirectResponse("/#editor", status_code=303)
            raise QueryRefused("no query: send query= (GET or a form) or the query itself as application/sparql-query")
        if len(text) > MAX_QUERY_CHARS:  # the guard's own bound, answered as HTTP says a request too large is
            return refuse(413, f"the query is {len(text):,} characters long; at most {MAX_QUERY_CHARS:,} are checked")
        asked = _one(arguments, "format")
        if asked is not None and asked not in RESULT_MEDIA:
            raise QueryRefused(f"format={asked} is not one of {', '.join(RESULT_MEDIA)}")
        output_format = asked or choose(request.headers.get("accept"), RESULT_ACCEPTED, "json")
        if output_format is None:
            return refuse(406, f"results are available as {', '.join(RESULT_MEDIA.values())}")
        checked = check_sparql(text)
        result = await site.run(partial(run_adhoc, query=checked, limit=site.limit))
    except UnicodeDecodeError:
        return refuse(400, "the request body is not UTF-8")
    except GcmkgError as error:
        return error_response(error)
    return result_response(result, output_format, "query")

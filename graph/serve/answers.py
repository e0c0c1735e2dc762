"""HTTP answers of query results: rendered in the negotiated format by the query layer's renderers, with headers
that say what the body cannot (rows cut at the limit, why there are none), and errors as their HTTP status."""

from __future__ import annotations

from urllib.parse import quote

from starlette.responses import PlainTextResponse, Response

from gcmkg.graph.core.errors import (
    GcmkgError,
    NotFoundError,
    QueryTimeout,
    UsageError,
)
from gcmkg.graph.query.rendering import limit_message, render
from gcmkg.graph.query.runner import AskResult, QueryResult
from gcmkg.graph.serve.negotiation import RESULT_MEDIA

ROW_LIMIT_HEADER = "Gcmkg-Row-Limit"  # set when the rows were cut at the row limit: says so
NOTES_HEADER = "Gcmkg-Notes"  # why a stored query found nothing, when that is known; percent-encoded, " | " apart


def result_response(result: QueryResult | AskResult, output_format: str, filename: str | None = None) -> Response:
    """``result`` as SPARQL JSON, XML, CSV or TSV (CSV spreadsheet-safe, as on the command line)."""
    media = RESULT_MEDIA[output_format]
    headers = {"Vary": "Accept"}
    if isinstance(result, QueryResult):
        cut = limit_message(result)
        if cut:
            headers[ROW_LIMIT_HEADER] = cut.replace("use --limit 0 for all", "the server's --limit")
        if result.notes:
            headers[NOTES_HEADER] = " | ".join(quote(note) for note in result.notes)
    if filename and output_format in ("csv", "tsv"):
        headers["Content-Disposition"] = f'inline; filename="{filename}.{output_format}"'
    charset = "; charset=utf-8"
    return Response(render(result, output_format), headers=headers, media_type=media + charset)


def status_of(error: GcmkgError) -> int:
    """The HTTP status of a gcmkg error: 400 what the request got wrong, 404 not found, 503 out of time, else 500."""
    if isinstance(error, UsageError):
        return 400
    if isinstance(error, NotFoundError):
        return 404
    if isinstance(error, QueryTimeout):
        return 503
    return 500


def error_response(error: GcmkgError) -> Response:
    """The error's message (and hint) as plain text, with its HTTP status."""
    return PlainTextResponse(str(error) + "\n", status_code=status_of(error))


def refuse(status: int, message: str) -> Response:
    """A plain-text refusal."""
    return PlainTextResponse(message + "\n", status_code=status)

"""Turn what goes wrong talking to a SPARQL server into an EndpointError (exit code 6) naming the URL.

Shared by the remote query runner (``--endpoint``) and the Graph Store upload (``gcmkg push --store``).
"""

from __future__ import annotations

import urllib.error
from urllib.parse import urlsplit

from gcmkg.graph.core.errors import EndpointError, UsageError

QUERY_ENDPOINTS = (
    "--endpoint must name a SPARQL query endpoint: Oxigraph http://HOST:7878/query, "
    "Fuseki http://HOST:3030/DATASET/sparql, GraphDB http://HOST:7200/repositories/REPO"
)
STORE_ENDPOINTS = (
    "--store must name a Graph Store Protocol endpoint: Oxigraph http://HOST:7878/store, "
    "Fuseki http://HOST:3030/DATASET/data, GraphDB http://HOST:7200/repositories/REPO/rdf-graphs/service"
)


def check_url(url: str, option: str) -> str:
    """``url`` if it is an absolute http(s) URL; otherwise a UsageError naming ``option``."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(f"{option} {url!r} is not an http(s) URL", hint=f"e.g. {option} http://127.0.0.1:7878/...")
    return url


def first_line(body: bytes) -> str:
    """The first non-blank line of an HTTP body, shortened to 200 characters ('' if there is none)."""
    text = body.decode("utf-8", errors="replace")
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= 200 else line[:199] + "…"


def status_error(url: str, status: int, body: bytes, endpoints: str) -> EndpointError:
    """The error for an HTTP error status, with the first line of the server's answer."""
    said = first_line(body)
    message = f"{url} answered HTTP {status}" + (f": {said}" if said else "")
    if status in (401, 403):
        hint = "the server wants credentials or refuses this operation; check its access settings"
    elif status in (404, 405):
        hint = endpoints
    elif status >= 500:
        hint = "the server failed; see its log, then try again"
    else:
        hint = f"the server refused the request; {endpoints}"
    return EndpointError(message, hint=hint)


def transport_error(url: str, error: BaseException, timeout: float, endpoints: str) -> EndpointError:
    """The error for a failure below HTTP: refused connection, timeout, unknown host, dropped connection."""
    if isinstance(error, urllib.error.HTTPError):
        with error:
            return status_error(url, error.code, error.read() or b"", endpoints)
    reason: object = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, ConnectionRefusedError):
        return EndpointError(
            f"cannot connect to {url}: connection refused",
            hint="is the server running and listening on that host and port?",
        )
    if isinstance(reason, TimeoutError):
        return EndpointError(
            f"{url} did not answer within {timeout:g} s",
            hint="the server is busy or the request is too big: try again, or allow more time with --timeout",
        )
    return EndpointError(f"cannot reach {url}: {str(reason) or type(reason).__name__}", hint=endpoints)

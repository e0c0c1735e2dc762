"""Limits and headers every answer of gcmkg serve gets: bodies and URLs of bounded size, pages that may load only
the server's own scripts (Content-Security-Policy), no MIME sniffing, no referrer sent on."""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gcmkg.graph.serve.markup import CONTENT_SECURITY_POLICY

MAX_BODY = 1 << 20  # bytes of a request body (a POSTed query or form)
MAX_URL = 1 << 16  # bytes of a request's path and query string


class BodyTooLarge(Exception):
    """The request body is over MAX_BODY bytes."""


async def read_body(request: Request) -> bytes:
    """The request body, read no further than MAX_BODY bytes (BodyTooLarge beyond, whatever Content-Length said)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        raise BodyTooLarge
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise BodyTooLarge
        chunks.append(chunk)
    return b"".join(chunks)


class Guarded:
    """ASGI middleware: refuse a URL over MAX_URL bytes (414) and a body over MAX_BODY bytes (413), and put the
    security headers on every answer (CSP on pages: a page that sets its own keeps it)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("raw_path", b"")) + len(scope.get("query_string", b"")) > MAX_URL:
            await _plain(send, 414, f"the URL is longer than {MAX_URL} bytes; POST the query instead")
            return

        async def headed(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "no-referrer")
                headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
            await send(message)

        try:
            await self.app(scope, receive, headed)
        except BodyTooLarge:
            await _plain(send, 413, f"the request body is larger than {MAX_BODY} bytes")


async def _plain(send: Send, status: int, text: str) -> None:
    body = (text + "\n").encode("utf-8")
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})

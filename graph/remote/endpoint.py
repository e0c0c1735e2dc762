"""Run stored queries on a remote SPARQL 1.1 query endpoint (SPARQLWrapper, JSON results).

The local runner hands parameters to Oxigraph as SEP-0007 substitutions; a remote endpoint has no such
option, so the same typed terms go into a one-row ``VALUES`` block, each term in RDF term syntax as
rdflib's ``.n3()`` writes it (escaped, never spliced as raw text). The block is injected as the first
element of the query's WHERE group, not as a trailing ``VALUES`` after the query: a trailing block is
joined only after the group's FILTERs ran, so ``COALESCE(?iso3_param, ?iso3)`` would see an unbound
parameter and keep every row. At the head of the WHERE group the binding is in every solution the
group's triple patterns, FILTERs (EXISTS included) and OPTIONALs see, as a substitution is; an optional
parameter left out is absent from the block as it is absent from the substitutions. So a stored query
must use its parameters there: not only inside a subquery, a nested group with its own FILTER or a
MINUS (which do not see the block), and never under BOUND (true for a VALUES binding, false for a
substitution). tests/test_remote.py checks every stored query gives the same rows on an Oxigraph server
as locally.

The dataset is named, not left to the server's default graph: ``gcmkg push`` records the build's graphs
in graph:pushed, and each query goes with one ``default-graph-uri`` per recorded graph (SPARQL 1.1 Protocol,
section 2.1.4: the default graph is then the RDF merge of those graphs, the union the local runner
queries), or with the graphs given by ``--default-graph-uri``. So the server's own default graph (empty
in Oxigraph and Fuseki unless configured as the union) does not matter. Where nothing records the graphs,
the query runs on the server's default graph, and an empty answer from an empty default graph is an
error that says so, not "(0 rows)". (Some servers, rdflib-endpoint among them, ignore the parameter and
query their union anyway: the same rows.)
"""

from __future__ import annotations

import ast
import http.client
import json
import re
import time
import urllib.error
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol, TypeVar

from pyoxigraph import BlankNode, Literal, NamedNode, Variable

from gcmkg.graph.core.defaults import DEFAULT_TIMEOUT
from gcmkg.graph.core.errors import EndpointError, ParameterError, StoredQueryError, UsageError
from gcmkg.graph.core.ids import named_graph
from gcmkg.graph.core.layout import INFERRED_GRAPH, PUSH_RECORD_GRAPH
from gcmkg.graph.query.catalogue import StoredQuery
from gcmkg.graph.query.runner import DOCUMENT_COLUMNS, DOCUMENT_TITLES, QueryResult, Term
from gcmkg.graph.remote.httperrors import QUERY_ENDPOINTS, check_url, first_line, status_error, transport_error

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
R = TypeVar("R")


class SupportsRead(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


# The largest answer read from a server (bytes): a bigger one is refused, not held in memory whole.
MAX_ANSWER_BYTES = 200_000_000
# The graphs gcmkg push recorded on the server (bound: ?record); whether the server's default graph holds anything.
PUSHED_GRAPHS = Path(__file__).with_name("pushed-graphs.rq")
ANY_TRIPLE = Path(__file__).with_name("any-triple.rq")
_JSON_TYPES = ("application/sparql-results+json", "application/json")
# An IRIREF token of the SPARQL grammar (it may hold parentheses, never braces or spaces).
_IRIREF = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
# A codepoint escape of SPARQL 1.1 section 19.2 (\u and 4 hex digits, \U and 8).
_CODEPOINT_ESCAPE = re.compile(r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}")
# What SPARQLWrapper raises for these statuses (it keeps the body only in the message).
_WRAPPER_STATUS = {
    "QueryBadFormed": 400,
    "Unauthorized": 401,
    "EndPointNotFound": 404,
    "URITooLong": 414,
    "EndPointInternalError": 500,
}


def _quoted(text: str) -> str:
    """A short SPARQL string literal: backslash, double quote, line feed and carriage return escaped."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def n3(term: Term) -> str:
    """``term`` in SPARQL term syntax, as rdflib's ``.n3()`` writes it: ``<iri>``, ``"x"@en``, ``"7"^^<dt>``.

    Strings always take the short quoted form, escaped (rdflib's ``.n3()`` switches to triple quotes
    for text with a line feed, and leaves a backslash before the closing quotes unescaped). A value
    holding a ``\\uXXXX`` sequence is refused: SPARQL 1.1 (section 19.2) lets an engine expand such
    escapes anywhere before parsing while others expand them only in strings, so engines would read it
    differently.
    """
    if isinstance(term, NamedNode):
        text = f"<{term.value}>"
        if not _IRIREF.fullmatch(text):
            raise ParameterError(f"{term.value!r} cannot be written as a SPARQL IRI")
    elif isinstance(term, Literal) and term.language:
        text = f"{_quoted(term.value)}@{term.language}"
    elif isinstance(term, Literal) and term.datatype.value != _XSD_STRING:
        text = f"{_quoted(term.value)}^^{n3(term.datatype)}"
    elif isinstance(term, Literal):
        text = _quoted(term.value)
    else:
        raise ParameterError(f"a blank node cannot be a parameter value: {term}")
    if _CODEPOINT_ESCAPE.search(text):
        raise ParameterError(
            f"the value {term.value!r} holds a \\u or \\U escape sequence, which SPARQL endpoints read differently",
            hint="run the query locally (without --endpoint), or leave the escape out",
        )
    return text


def values_block(bindings: Mapping[Variable, Term]) -> str:
    """A one-row ``VALUES (?a ?b) { (t1 t2) }`` block binding each variable to its term; '' for no bindings."""
    if not bindings:
        return ""
    variables = " ".join(f"?{variable.value}" for variable in bindings)
    terms = " ".join(n3(term) for term in bindings.values())
    return f"VALUES ({variables}) {{ ({terms}) }}"


def _string_end(text: str, start: int) -> int:
    """Index just after the string literal that opens at ``start`` ('…', "…", '''…''' or \"\"\"…\"\"\")."""
    quote = text[start] * 3 if text.startswith(text[start] * 3, start) else text[start]
    i = start + len(quote)
    while i < len(text):
        if text[i] == "\\":
            i += 2
        elif text.startswith(quote, i):
            return i + len(quote)
        else:
            i += 1
    return len(text)


def where_group_start(text: str) -> int:
    """Index just after the ``{`` that opens the query's WHERE group.

    That is the first ``{`` outside comments, string literals, IRIs and parentheses (a SELECT
    expression such as ``(EXISTS { … } AS ?x)`` sits in parentheses; the prologue holds no braces).
    """
    i, depth = 0, 0
    while i < len(text):
        char = text[i]
        if char == "#":
            newline = text.find("\n", i)
            i = len(text) if newline < 0 else newline
        elif char in "\"'":
            i = _string_end(text, i)
        elif char == "<" and (iri := _IRIREF.match(text, i)):
            i = iri.end()
        elif char == "\\":
            i += 2
        else:
            if char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
            elif char == "{" and depth == 0:
                return i + 1
            i += 1
    raise StoredQueryError("the query has no WHERE group { … } to bind its parameters in")


def with_values(text: str, bindings: Mapping[Variable, Term]) -> str:
    """The query ``text`` with a VALUES block for ``bindings`` at the head of its WHERE group."""
    if not bindings:
        return text
    start = where_group_start(text)
    return f"{text[:start]}\n  {values_block(bindings)}\n{text[start:]}"


def _term(cell: object, url: str) -> Term:
    """A pyoxigraph term from one SPARQL JSON results binding."""
    if not isinstance(cell, dict) or not isinstance(cell.get("value"), str):
        raise EndpointError(f"{url} sent a malformed SPARQL JSON binding: {cell!r}")
    kind, value = cell.get("type"), cell["value"]
    try:
        if kind == "uri":
            return NamedNode(value)
        if kind == "bnode":
            return BlankNode(value)
        if kind in ("literal", "typed-literal"):
            if cell.get("xml:lang"):
                return Literal(value, language=cell["xml:lang"])
            if cell.get("datatype"):
                return Literal(value, datatype=NamedNode(cell["datatype"]))
            return Literal(value)
    except ValueError as exc:
        raise EndpointError(f"{url} sent a term that is not valid RDF: {cell!r} ({exc})") from None
    raise EndpointError(f"{url} sent a term of unknown type {kind!r}")


def parse_results(stream: SupportsRead, query: StoredQuery, url: str, limit: int = 0) -> QueryResult:
    """SPARQL 1.1 JSON results read from ``stream`` → a QueryResult of the stored query's columns, rows in the
    server's order.

    The document is parsed as it arrives (ijson), so at most ``limit`` rows are held (0: all), and reading
    stops at the row after them; ``truncated_at`` says there were more.
    """
    import ijson

    head: list[object] | None = None
    bindings: list[object] = []
    found_bindings = False
    truncated_at = None
    builder = None
    try:
        for prefix, event, value in ijson.parse(stream):
            if builder is not None:
                builder.event(event, value)
                if prefix == "results.bindings.item" and event in ("end_map", "end_array"):
                    bindings.append(builder.value)
                    builder = None
            elif prefix == "results.bindings.item" and event in ("start_map", "start_array"):
                if limit and len(bindings) == limit:
                    truncated_at = limit
                    break
                builder = ijson.ObjectBuilder()
                builder.event(event, value)
            elif prefix == "results.bindings" and event == "start_array":
                found_bindings = True
            elif prefix == "head.vars" and event == "start_array":
                head = []
            elif prefix == "head.vars.item" and head is not None:
                head.append(value)
        if truncated_at is None and (head is None or not found_bindings):
            raise ValueError("a SPARQL JSON results document has head.vars and results.bindings lists")
    except (ijson.JSONError, ValueError) as exc:
        raise EndpointError(
            f"{url} did not send SPARQL JSON results ({type(exc).__name__}: {exc})", hint=QUERY_ENDPOINTS
        ) from None
    missing = [column for column in query.columns if head is not None and column not in head]
    if missing:
        raise EndpointError(f"{url} answered without the columns {missing} of query {query.name!r}")
    rows = [_row(row, query.columns, url) for row in bindings]
    return QueryResult(columns=query.columns, rows=rows, truncated_at=truncated_at)


def _row(binding: object, columns: Sequence[str], url: str) -> tuple[Term | None, ...]:
    """One row of SPARQL JSON results as terms, in the order of ``columns`` (None where a column is unbound)."""
    if not isinstance(binding, dict):
        raise EndpointError(f"{url} sent a malformed SPARQL JSON row: {binding!r}")
    return tuple(_term(binding[column], url) if column in binding else None for column in columns)


def _wrapper_error(url: str, error: Exception) -> EndpointError:
    """The error for one of SPARQLWrapper's HTTP-status exceptions (it keeps the body only as a repr)."""
    context = error.__context__
    status = _WRAPPER_STATUS.get(type(error).__name__, 0)
    if isinstance(context, urllib.error.HTTPError):
        status = context.code
        context.close()
    _, _, shown = str(error).partition("Response:\n")
    try:
        body = ast.literal_eval(shown) if shown else b""
    except (ValueError, SyntaxError):
        body = shown.encode()
    return status_error(url, status, body if isinstance(body, bytes) else b"", QUERY_ENDPOINTS)


def run_remote(
    endpoint: str,
    query: StoredQuery,
    bindings: Mapping[Variable, Term],
    timeout: float = DEFAULT_TIMEOUT,
    method: str = "GET",
    limit: int = 0,
    default_graphs: Sequence[str] = (),
    inferred: bool = True,
) -> QueryResult:
    """Run ``query`` on the SPARQL endpoint at ``endpoint`` with ``bindings`` in a VALUES block.

    The guard checks the query first, as for a local run. The dataset is ``default_graphs`` if given, else
    the graphs gcmkg push recorded on the server (without graph:inferred unless ``inferred``), else the
    server's default graph. ``timeout`` is how long (seconds) the server may stay silent, 0 for no limit;
    ``method`` is GET or POST (form-encoded); at most ``limit`` rows are kept (0: all). Every failure to
    talk to the server raises EndpointError naming the URL.
    """
    from gcmkg.graph.query.guard import check_stored_query

    check_url(endpoint, "--endpoint")
    text = with_values(check_stored_query(query).text, bindings)
    graphs = list(default_graphs) or recorded_graphs(endpoint, timeout, method)
    if not inferred:
        if not graphs:
            raise UsageError(
                f"--no-inferred needs to know the graphs of {endpoint}, and no gcmkg push recorded them there",
                hint="push the build with gcmkg push, or name the graphs with --default-graph-uri",
            )
        graphs = [graph for graph in graphs if graph != named_graph(INFERRED_GRAPH)]
    result = _answer(
        endpoint, text, timeout, method, graphs, lambda stream: parse_results(stream, query, endpoint, limit)
    )
    if not result.rows and not graphs:
        _refuse_empty_default_graph(endpoint, timeout, method)
    return replace(result, titles=_document_titles(endpoint, result, timeout, method, graphs))


def recorded_graphs(endpoint: str, timeout: float, method: str) -> list[str]:
    """The graphs gcmkg push recorded on the server at ``endpoint`` (graph:pushed), [] if none did."""
    record = NamedNode(named_graph(PUSH_RECORD_GRAPH))
    text = with_values(PUSHED_GRAPHS.read_text(encoding="utf-8"), {Variable("record"): record})
    return [row["graph"]["value"] for row in _bindings(endpoint, _answer(endpoint, text, timeout, method, []))]


def _refuse_empty_default_graph(endpoint: str, timeout: float, method: str) -> None:
    """EndpointError if the default graph of the server at ``endpoint`` holds no triple at all."""
    body = _answer(endpoint, ANY_TRIPLE.read_text(encoding="utf-8"), timeout, method, [])
    try:
        holds_triples = json.loads(body)["boolean"]
    except (ValueError, TypeError, KeyError) as exc:
        raise EndpointError(f"{endpoint} sent a malformed SPARQL JSON answer ({type(exc).__name__}: {exc})") from None
    if holds_triples is False:
        raise EndpointError(
            f"{endpoint}: the server's default graph is empty, so the query has nothing to read "
            "(the data is in named graphs, and no gcmkg push recorded which)",
            hint="push the build with gcmkg push (it records its graphs), name them with --default-graph-uri, "
            "or start the server with the union of its graphs as default (oxigraph serve --union-default-graph)",
        )


def _bindings(endpoint: str, body: bytes) -> list[dict[str, dict[str, str]]]:
    """The rows of a SPARQL JSON results document; EndpointError if it is malformed."""
    try:
        rows = json.loads(body)["results"]["bindings"]
        if not isinstance(rows, list):
            raise TypeError("results.bindings must be a list")
        return rows
    except (ValueError, TypeError, KeyError) as exc:
        raise EndpointError(
            f"{endpoint} did not send SPARQL JSON results ({type(exc).__name__}: {exc})", hint=QUERY_ENDPOINTS
        ) from None


def _document_titles(
    endpoint: str, result: QueryResult, timeout: float, method: str, graphs: Sequence[str]
) -> dict[str, str]:
    """The titles of the documents ``result`` names in a document column, asked of the server as a build's
    are of its store (graph/query/document-titles.rq); {} if it names none."""
    where = [index for index, column in enumerate(result.columns) if column in DOCUMENT_COLUMNS]
    wanted = {row[index].value for row in result.rows for index in where if row[index] is not None}
    if not wanted:
        return {}
    body = _answer(endpoint, DOCUMENT_TITLES.read_text(encoding="utf-8"), timeout, method, graphs)
    try:
        return {
            row["id"]["value"]: row["name"]["value"]
            for row in _bindings(endpoint, body)
            if row["id"]["value"] in wanted
        }
    except (TypeError, KeyError) as exc:
        raise EndpointError(f"{endpoint} sent malformed SPARQL JSON results ({type(exc).__name__}: {exc})") from None


class _Bounded:
    """An HTTP answer read as it comes, at most MAX_ANSWER_BYTES, all of it within ``timeout`` seconds of
    ``started`` (0: no limit): a server trickling its answer, or sending a huge one, is an EndpointError."""

    def __init__(self, response: Any, endpoint: str, started: float, timeout: float) -> None:
        self.response, self.endpoint, self.started, self.timeout = response, endpoint, started, timeout
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes (what one read of the socket gives), b'' at the end (and for ``size`` 0)."""
        if size == 0:
            return b""
        chunk: bytes = self.response.read1(size if size > 0 else 65_536)
        self.size += len(chunk)
        if self.size > MAX_ANSWER_BYTES:
            raise EndpointError(
                f"{self.endpoint} sent an answer of more than {MAX_ANSWER_BYTES // 1_000_000} MB; stopped reading",
                hint="narrow the query (parameters, a LIMIT, --limit), or run it on the build itself",
            )
        if self.timeout and time.monotonic() - self.started > self.timeout:
            raise EndpointError(
                f"{self.endpoint} did not finish its answer within {self.timeout:g} s",
                hint="the server is slow or the answer too big: allow more time with --timeout",
            )
        return chunk

    def read_all(self) -> bytes:
        return b"".join(iter(lambda: self.read(65_536), b""))


def _answer(
    endpoint: str,
    text: str,
    timeout: float,
    method: str,
    graphs: Sequence[str],
    read: Callable[[_Bounded], R] = _Bounded.read_all,  # type: ignore[assignment]
) -> R:
    """What ``read`` makes of the server's SPARQL JSON answer (by default its bytes) to the query ``text`` over the
    RDF merge of ``graphs`` (the server's default graph if none); EndpointError for any failure."""
    from SPARQLWrapper import GET, JSON, POST, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    wrapper = SPARQLWrapper(endpoint, returnFormat=JSON)
    wrapper.setOnlyConneg(True)  # ask for JSON with the Accept header only, no format=json parameter
    wrapper.setMethod(POST if method.upper() == "POST" else GET)
    wrapper.setQuery(text)
    for graph in graphs:
        wrapper.addParameter("default-graph-uri", graph)
    wrapper.timeout = timeout or None  # type: ignore[assignment]  # setTimeout() rounds down to whole seconds
    try:
        started = time.monotonic()
        response = wrapper.query().response
        try:
            content_type = response.headers.get_content_type()
            stream = _Bounded(response, endpoint, started, timeout)
            if content_type not in _JSON_TYPES:
                raise EndpointError(
                    f"{endpoint} answered with {content_type}, not SPARQL JSON results: {first_line(stream.read())}",
                    hint=QUERY_ENDPOINTS,
                )
            return read(stream)
        finally:
            response.close()
    except SPARQLWrapperException as error:
        raise _wrapper_error(endpoint, error) from None
    except (OSError, http.client.HTTPException) as error:  # URLError, HTTPError, TimeoutError, dropped connections
        raise transport_error(endpoint, error, timeout, QUERY_ENDPOINTS) from None

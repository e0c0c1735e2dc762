"""Upload a build to a SPARQL 1.1 Graph Store Protocol endpoint, one HTTP PUT per named graph.

``PUT STORE?graph=IRI`` with the graph as ``text/turtle`` is the part of the protocol every server
implements the same way (Oxigraph ``/store``, Fuseki ``/DATASET/data``, GraphDB
``/repositories/REPO/rdf-graphs/service``); a POST of TriG or N-Quads to the whole dataset is an
extension some servers lack. PUT replaces the graph, so pushing a build again updates it in place.
Triples of the default graph, if any, go to ``STORE?default``. The file is parsed, not loaded into a
store, so literals go up exactly as written.

A push is checked, not trusted: only 200, 201 or 204 without an HTML page count as success (a login page
or a proxy's error page answered 200 ``text/html`` is not a stored graph); each graph is read back
(``GET``, N-Triples) and its triples counted. Then the record graph (graph:pushed) lists the graphs pushed,
each with its count: queries with ``--endpoint`` name them as their dataset, and the next push removes
the graphs it listed that the build no longer has (kept with ``keep_stale``). A failure half-way names
the graphs already replaced and says how to recover.
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, RdfFormat, Triple, parse, serialize

from gcmkg.graph.core.defaults import DEFAULT_TIMEOUT
from gcmkg.graph.core.errors import DataError, EndpointError
from gcmkg.graph.core.ids import named_graph
from gcmkg.graph.core.layout import INFERRED_GRAPH, PUSH_RECORD_GRAPH
from gcmkg.graph.rdfio.quads import parse_build
from gcmkg.graph.rdfio.store import dataset_path
from gcmkg.graph.remote.httperrors import STORE_ENDPOINTS, check_url, first_line, status_error, transport_error

_CONTENT_TYPE = "text/turtle; charset=utf-8"
# The statuses of a Graph Store Protocol request that succeeded (section 5.4: 200 OK, 201 Created, 204 No Content).
_SUCCESS = (200, 201, 204)
_HTML = ("text/html", "application/xhtml+xml")
_HAS_PART = NamedNode("http://purl.org/dc/terms/hasPart")
_TRIPLES = NamedNode("http://rdfs.org/ns/void#triples")


@dataclass(frozen=True)
class PushedGraph:
    """One graph uploaded: its IRI ('' for the default graph), its triple count and the server's status."""

    graph: str
    triples: int
    status: int


@dataclass(frozen=True)
class PushResult:
    """What a push did: the graphs uploaded, and the stale graphs (of the previous push) removed or kept."""

    pushed: list[PushedGraph]
    removed: list[str]
    kept: list[str]


def shown(graph: str) -> str:
    """A graph for people: <IRI>, or 'the default graph' for ''."""
    return f"<{graph}>" if graph else "the default graph"


def graphs_of(location: Path | None, inferred: bool = True) -> dict[str, list[Triple]]:
    """The triples of each graph of the build at ``location``, by graph IRI ('' for the default graph).

    A blank node in two graphs is refused: separate uploads would make it two different nodes.
    """
    path = dataset_path(location)
    skip = "" if inferred else named_graph(INFERRED_GRAPH)
    graphs: dict[str, list[Triple]] = {}
    seen: dict[BlankNode, str] = {}
    for quad in parse_build(location):
        if isinstance(quad.graph_name, BlankNode):
            raise DataError(f"{path}: a graph named by a blank node ({quad.graph_name}) has no IRI to PUT it at")
        name = "" if isinstance(quad.graph_name, DefaultGraph) else quad.graph_name.value
        if skip and name == skip:
            continue
        for term in (quad.subject, quad.object):
            if isinstance(term, BlankNode) and seen.setdefault(term, name) != name:
                raise DataError(
                    f"{path}: blank node {term} is in graphs <{seen[term]}> and <{name}>; "
                    "a Graph Store upload, one graph at a time, cannot keep it one node"
                )
        graphs.setdefault(name, []).append(quad.triple)
    return dict(sorted(graphs.items()))


def graph_url(store: str, graph: str) -> str:
    """The Graph Store URL of one graph: ``STORE?graph=IRI``, or ``STORE?default`` for the default graph."""
    query = urlencode({"graph": graph}) if graph else "default"
    return f"{store}{'&' if '?' in store else '?'}{query}"


def _send(
    store: str, graph: str, method: str, body: bytes | None, timeout: float, also_ok: int = 0, accept: str = ""
) -> tuple[int, bytes]:
    """One Graph Store request on ``graph``: its HTTP status (a success of the protocol, or ``also_ok``) and the
    body of the answer; EndpointError for anything else, an HTML page answered with 200 included."""
    headers = {"Content-Type": _CONTENT_TYPE} if body is not None else {}
    if accept:
        headers["Accept"] = accept
    request = urllib.request.Request(graph_url(store, graph), data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout or None) as response:
            answer = response.read()
            status = int(response.status)
            content_type = response.headers.get_content_type() if answer else ""
    except urllib.error.HTTPError as error:
        if error.code != also_ok:
            raise transport_error(store, error, timeout, STORE_ENDPOINTS) from None
        error.close()
        return also_ok, b""
    except (OSError, http.client.HTTPException) as error:  # URLError, TimeoutError, dropped connections
        raise transport_error(store, error, timeout, STORE_ENDPOINTS) from None
    if status not in _SUCCESS:
        raise status_error(store, status, answer, STORE_ENDPOINTS)
    if content_type in _HTML:
        raise EndpointError(
            f"{store} answered {method} {shown(graph)} with HTTP {status} and an HTML page ({first_line(answer)}), "
            "not a Graph Store Protocol answer",
            hint=f"a login page or a proxy answered instead of the server; {STORE_ENDPOINTS}",
        )
    return status, answer


def put_graph(store: str, graph: str, triples: list[Triple], timeout: float) -> int:
    """PUT ``triples`` as Turtle into ``graph`` of the Graph Store at ``store``; the HTTP status (2xx).

    ``timeout`` is how long (seconds) the server may stay silent; 0 for no limit.
    """
    from gcmkg.graph.core.prefixes import PREFIXES

    body = serialize(triples, format=RdfFormat.TURTLE, prefixes=PREFIXES) or b""
    return _send(store, graph, "PUT", body, timeout)[0]


def delete_graph(store: str, graph: str, timeout: float) -> int:
    """DELETE ``graph`` from the Graph Store at ``store``: its HTTP status, 404 if the server had no such graph."""
    return _send(store, graph, "DELETE", None, timeout, also_ok=404)[0]


def get_graph(store: str, graph: str, timeout: float) -> list[Triple] | None:
    """The triples of ``graph`` on the Graph Store at ``store`` (GET, N-Triples); None if it has no such graph."""
    status, body = _send(store, graph, "GET", None, timeout, also_ok=404, accept="application/n-triples")
    if status == 404:
        return None
    try:
        return [quad.triple for quad in parse(body, format=RdfFormat.N_TRIPLES)]
    except SyntaxError as exc:
        raise EndpointError(f"{store} sent {shown(graph)} back as something that is not N-Triples ({exc})") from None


def record_graph() -> str:
    """The IRI of the graph where push records the build's graphs on the server."""
    return named_graph(PUSH_RECORD_GRAPH)


def recorded_graphs(store: str, timeout: float) -> list[str]:
    """The graphs the last push recorded on the Graph Store at ``store`` ([] if none did)."""
    record = NamedNode(record_graph())
    triples = get_graph(store, record.value, timeout) or []
    return sorted(t.object.value for t in triples if t.subject == record and t.predicate == _HAS_PART)


def _record(pushed: list[PushedGraph]) -> list[Triple]:
    """The record graph's triples: each graph pushed (dcterms:hasPart) with its triple count (void:triples)."""
    record = NamedNode(record_graph())
    triples = []
    for graph in pushed:
        if graph.graph:
            triples.append(Triple(record, _HAS_PART, NamedNode(graph.graph)))
            triples.append(Triple(NamedNode(graph.graph), _TRIPLES, Literal(graph.triples)))
    return triples


def _verify(store: str, graph: str, expected: int, timeout: float) -> None:
    """Read ``graph`` back from the server and check it holds ``expected`` triples; EndpointError if not."""
    found = get_graph(store, graph, timeout)
    count = 0 if found is None else len(set(found))
    if count != expected:
        raise EndpointError(
            f"{store} holds {count} triples in {shown(graph)} after the upload of {expected}",
            hint="the server did not store what it was sent; see its log",
        )


def push(
    location: Path | None,
    store: str,
    timeout: float = DEFAULT_TIMEOUT,
    inferred: bool = True,
    keep_stale: bool = False,
    progress: Callable[[str], None] = lambda message: None,
) -> PushResult:
    """Upload every graph of the build at ``location`` to the Graph Store at ``store``, checking each.

    Each graph is PUT and read back (its triples counted); then the record graph lists them, and the graphs
    the previous push recorded that the build no longer has are deleted (kept with ``keep_stale``).
    Without ``inferred``, graph:inferred stays behind and is deleted from the server. EndpointError (exit
    code 6) on any failure, naming the store, the graphs already replaced and how to recover.
    """
    check_url(store, "--store")
    graphs = graphs_of(location, inferred)
    if not graphs:
        raise DataError(f"nothing to push: {dataset_path(location)} holds no triples")
    pushed: list[PushedGraph] = []
    try:
        previous = recorded_graphs(store, timeout)
        for number, (graph, triples) in enumerate(graphs.items(), start=1):
            progress(f"[{number}/{len(graphs)}] PUT {shown(graph)} ({len(triples)} triples)")
            status = put_graph(store, graph, triples, timeout)
            pushed.append(PushedGraph(graph, len(set(triples)), status))
            if graph:  # a server with a union default graph answers GET ?default with every graph
                _verify(store, graph, pushed[-1].triples, timeout)
        progress(f"PUT {shown(record_graph())} (the record of the {len(pushed)} graphs pushed)")
        put_graph(store, record_graph(), _record(pushed), timeout)
    except EndpointError as error:
        raise _half_done(error, pushed, len(graphs)) from None
    stale = [graph for graph in previous if graph not in graphs]
    if not inferred and named_graph(INFERRED_GRAPH) not in stale:
        progress(f"DELETE {shown(named_graph(INFERRED_GRAPH))} (left out with --no-inferred)")
        delete_graph(store, named_graph(INFERRED_GRAPH), timeout)
    removed = [] if keep_stale else stale
    for graph in removed:
        progress(f"DELETE {shown(graph)} (stale: the build no longer has it)")
        delete_graph(store, graph, timeout)
    return PushResult(pushed, removed, stale if keep_stale else [])


def _half_done(error: EndpointError, pushed: list[PushedGraph], total: int) -> EndpointError:
    """``error`` with what the server now holds: which graphs were already replaced, and how to recover."""
    if not pushed:
        return error
    replaced = ", ".join(shown(graph.graph) for graph in pushed)
    return EndpointError(
        f"{error.message}\n  already replaced on the server: {len(pushed)} of {total} graphs ({replaced}); "
        "the others still hold what was there before",
        hint=(error.hint + "; then " if error.hint else "")
        + "run the same gcmkg push again: each graph is replaced whole, so a complete push repairs the server",
    )

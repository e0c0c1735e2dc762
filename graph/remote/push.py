"""Upload a build to a SPARQL 1.1 Graph Store Protocol endpoint, one HTTP PUT per named graph.

``PUT STORE?graph=IRI`` with the graph as ``text/turtle`` is the part of the protocol every server
implements the same way (Oxigraph ``/store``, Fuseki ``/DATASET/data``, GraphDB
``/repositories/REPO/rdf-graphs/service``); a POST of TriG or N-Quads to the whole dataset is an
extension some servers lack. PUT replaces the graph, so pushing a build again updates it in place
(graphs the build no longer has are left on the server). Triples of the default graph, if any, go to
``STORE?default``. The file is parsed, not loaded into a store, so literals go up exactly as written.
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from pyoxigraph import BlankNode, DefaultGraph, RdfFormat, Triple, serialize

from gcmkg.graph.core.defaults import DEFAULT_TIMEOUT
from gcmkg.graph.core.errors import DataError
from gcmkg.graph.core.ids import named_graph
from gcmkg.graph.core.layout import INFERRED_GRAPH
from gcmkg.graph.rdfio.read import parse_build
from gcmkg.graph.rdfio.store import dataset_path
from gcmkg.graph.remote.httperrors import STORE_ENDPOINTS, check_url, status_error, transport_error

_CONTENT_TYPE = "text/turtle; charset=utf-8"


@dataclass(frozen=True)
class PushedGraph:
    """One graph uploaded: its IRI ('' for the default graph), its triple count and the server's status."""

    graph: str
    triples: int
    status: int


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


def _send(store: str, graph: str, method: str, body: bytes | None, timeout: float, also_ok: int = 0) -> int:
    """One Graph Store request on ``graph``; its HTTP status (2xx or ``also_ok``), EndpointError otherwise."""
    headers = {"Content-Type": _CONTENT_TYPE} if body is not None else {}
    request = urllib.request.Request(graph_url(store, graph), data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout or None) as response:
            response.read()
            status = int(response.status)
    except urllib.error.HTTPError as error:
        if error.code != also_ok:
            raise transport_error(store, error, timeout, STORE_ENDPOINTS) from None
        error.close()
        return also_ok
    except (OSError, http.client.HTTPException) as error:  # URLError, TimeoutError, dropped connections
        raise transport_error(store, error, timeout, STORE_ENDPOINTS) from None
    if not 200 <= status < 300:
        raise status_error(store, status, b"", STORE_ENDPOINTS)
    return status


def put_graph(store: str, graph: str, triples: list[Triple], timeout: float) -> int:
    """PUT ``triples`` as Turtle into ``graph`` of the Graph Store at ``store``; the HTTP status (2xx).

    ``timeout`` is how long (seconds) the server may stay silent; 0 for no limit.
    """
    from gcmkg.graph.core.prefixes import PREFIXES

    body = serialize(triples, format=RdfFormat.TURTLE, prefixes=PREFIXES) or b""
    return _send(store, graph, "PUT", body, timeout)


def delete_graph(store: str, graph: str, timeout: float) -> int:
    """DELETE ``graph`` from the Graph Store at ``store``: its HTTP status, 404 if the server had no such graph."""
    return _send(store, graph, "DELETE", None, timeout, also_ok=404)


def push(
    location: Path | None,
    store: str,
    timeout: float = DEFAULT_TIMEOUT,
    inferred: bool = True,
    progress: Callable[[str], None] = lambda message: None,
) -> list[PushedGraph]:
    """Upload every graph of the build at ``location`` to the Graph Store at ``store``, reporting each.

    Without ``inferred``, graph:inferred stays behind and is deleted from the server (a push before may
    have put it there). EndpointError (exit code 6) on any HTTP failure, naming the store; graphs
    uploaded before it stay on the server.
    """
    check_url(store, "--store")
    graphs = graphs_of(location, inferred)
    if not graphs:
        raise DataError(f"nothing to push: {dataset_path(location)} holds no triples")
    pushed = []
    for number, (graph, triples) in enumerate(graphs.items(), start=1):
        shown = f"<{graph}>" if graph else "the default graph"
        progress(f"[{number}/{len(graphs)}] PUT {shown} ({len(triples)} triples)")
        pushed.append(PushedGraph(graph, len(triples), put_graph(store, graph, triples, timeout)))
    if not inferred:
        progress(f"DELETE <{named_graph(INFERRED_GRAPH)}> (left out with --no-inferred)")
        delete_graph(store, named_graph(INFERRED_GRAPH), timeout)
    return pushed

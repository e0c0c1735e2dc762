"""A network view as a self-contained HTML page, from the rows of its stored queries: the one function that
``gcmkg viz --format html`` and ``gcmkg serve`` both call.

    from gcmkg.graph.visualise.source import rows_on_store
    from gcmkg.graph.visualise.views import network_html

    page = network_html("state-comentions", rows_on_store(store, KINDS["state-comentions"].queries), entity_base="/id/")

``entity_base`` links each node's side panel to its entity page (see graph/visualise/html.py); None (a file on
disk) gives no links.
"""

from __future__ import annotations

from collections.abc import Mapping

import networkx as nx

from gcmkg.graph.query.runner import QueryResult
from gcmkg.graph.visualise.html import render_html
from gcmkg.graph.visualise.kinds import KINDS
from gcmkg.graph.visualise.positions import positions
from gcmkg.graph.visualise.projections import PROJECTIONS


def network(kind: str, results: Mapping[str, QueryResult]) -> nx.Graph:
    """The networkx graph of the network view ``kind`` (a KINDS name) from its queries' ``results``."""
    return PROJECTIONS[kind](results)


def network_html(kind: str, results: Mapping[str, QueryResult], *, entity_base: str | None = None) -> str:
    """The HTML page of the network view ``kind`` from its queries' ``results`` (source.query_rows on a build,
    source.rows_on_store on an open store). Raises KeyError for a kind that is not a network."""
    graph = network(kind, results)
    return html_page(kind, graph, entity_base=entity_base)


def html_page(kind: str, graph: nx.Graph, *, entity_base: str | None = None) -> str:
    """The HTML page of ``graph``, the network view ``kind``, laid out by positions.positions."""
    view = KINDS[kind]
    return render_html(graph, view.title, positions(graph), empty=view.empty, entity_base=entity_base)

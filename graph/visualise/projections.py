"""Turn the rows of the network stored queries into networkx graphs.

Nodes are the entities the rows name by IRI (the node id), never literals: labels, codes, numbers and
years are node or edge attributes. Every node has ``label`` and ``type`` (State, Session, Objective,
Initiative); an attribute a node does not have is left out, never None (GraphML cannot store None).
Nodes and edges are added in sorted order, so files written from a graph are the same on every run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping

import networkx as nx

from gcmkg.graph.query.rendering import plain
from gcmkg.graph.query.runner import QueryResult

Attributes = dict[str, str | int]
Record = dict[str, str]


def records(result: QueryResult) -> list[Record]:
    """The rows of ``result`` as column → plain value ('' where unbound)."""
    return [{column: plain(term) for column, term in zip(result.columns, row, strict=True)} for row in result.rows]


def _graph(nodes: Mapping[str, Attributes], edges: Mapping[tuple[str, str], Attributes]) -> nx.Graph:
    """An undirected graph of ``nodes`` and ``edges`` (keyed by their two node ids), added in sorted order."""
    graph = nx.Graph()
    graph.add_nodes_from(sorted(nodes.items()))
    graph.add_edges_from((a, b, attributes) for (a, b), attributes in sorted(edges.items()))
    return graph


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _state(iso3: str, name: str) -> Attributes:
    return {"label": name, "type": "State", "iso3": iso3}


def _objective(number: str, title: str) -> Attributes:
    return {"label": f"Objective {number}", "type": "Objective", "number": int(number), "title": title}


def participation(results: Mapping[str, QueryResult]) -> nx.Graph:
    """States × sessions (bipartite: States 0, sessions 1): one edge per State and session it took part in.

    Edge attributes: ``role``, the State's roles in that session, sorted and joined with "; ", and
    ``year``, the review year. A session is labelled "Session N (YEAR)".
    """
    nodes: dict[str, Attributes] = {}
    roles: dict[tuple[str, str], set[str]] = defaultdict(set)
    years: dict[str, int] = {}
    for row in records(results["participation-network"]):
        state, session, year = row["state_iri"], row["session_iri"], int(row["year"])
        nodes[state] = {**_state(row["iso3"], row["name"]), "bipartite": 0}
        nodes[session] = {
            "label": f"Session {row['session']} ({year})",
            "type": "Session",
            "year": year,
            "number": int(row["session"]),
            "bipartite": 1,
        }
        roles[(state, session)].add(row["role"])
        years[session] = year
    edges: dict[tuple[str, str], Attributes] = {
        _pair(state, session): {"role": "; ".join(sorted(found)), "year": years[session]}
        for (state, session), found in roles.items()
    }
    return _graph(nodes, edges)


def initiatives(results: Mapping[str, QueryResult]) -> nx.Graph:
    """Initiatives × States × objectives: an edge from an initiative to each State it is implemented in
    and each objective it contributes to, with attribute ``relation`` ("implemented in", "contributes to")."""
    nodes: dict[str, Attributes] = {}
    edges: dict[tuple[str, str], Attributes] = {}
    for row in records(results["initiative-network"]):
        initiative, target = row["initiative_iri"], row["target_iri"]
        nodes[initiative] = {"label": row["initiative"], "type": "Initiative"}
        if row["funder"]:
            nodes[initiative]["funder"] = row["funder"]
        if row["iso3"]:
            nodes[target] = _state(row["iso3"], row["name"])
        elif row["objective"]:
            nodes[target] = _objective(row["objective"], row["title"])
        else:  # neither a State nor an objective of the reference data: not a node of this view
            continue
        edges[_pair(initiative, target)] = {"relation": row["relation"]}
    return _graph(nodes, edges)


def objective_cooccurrence(results: Mapping[str, QueryResult]) -> nx.Graph:
    """Objectives discussed in the same passages: ``weight`` = the number of passages about both."""
    nodes: dict[str, Attributes] = {}
    edges: dict[tuple[str, str], Attributes] = {}
    for row in records(results["objective-cooccurrence"]):
        nodes[row["iri_a"]] = _objective(row["objective_a"], row["title_a"])
        nodes[row["iri_b"]] = _objective(row["objective_b"], row["title_b"])
        edges[_pair(row["iri_a"], row["iri_b"])] = {"weight": int(row["passages"])}
    return _graph(nodes, edges)


def state_comentions(results: Mapping[str, QueryResult]) -> nx.Graph:
    """States named in the same passages: ``weight`` = the number of passages mentioning both."""
    nodes: dict[str, Attributes] = {}
    edges: dict[tuple[str, str], Attributes] = {}
    for row in records(results["state-comentions"]):
        nodes[row["iri_a"]] = _state(row["iso3_a"], row["name_a"])
        nodes[row["iri_b"]] = _state(row["iso3_b"], row["name_b"])
        edges[_pair(row["iri_a"], row["iri_b"])] = {"weight": int(row["passages"])}
    return _graph(nodes, edges)


# The projection of each network kind of graph/visualise/kinds.py.
PROJECTIONS: dict[str, Callable[[Mapping[str, QueryResult]], nx.Graph]] = {
    "participation": participation,
    "initiatives": initiatives,
    "objective-cooccurrence": objective_cooccurrence,
    "state-comentions": state_comentions,
}

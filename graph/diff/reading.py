"""Read one side of a diff (a build folder or an RDF file): the statements compared and those left out.

The named graphs graph:inferred (reasoning) and graph:build (provenance) are left out unless asked for;
what the other graphs hold is the data. A file without named graphs (a merged Turtle file, N-Triples,
JSON-LD without graphs) cannot tell its graphs apart: every statement in it is data.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from rdflib import URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from gcmkg.graph.build.dataset import PROVENANCE_GRAPH
from gcmkg.graph.core import ids
from gcmkg.graph.core.errors import NotFoundError
from gcmkg.graph.core.layout import DATASET_FILE, INFERRED_GRAPH
from gcmkg.graph.rdfio.read import read_dataset

Triple = tuple[Node, Node, Node]

INFERRED = URIRef(ids.named_graph(INFERRED_GRAPH))
PROVENANCE = URIRef(ids.named_graph(PROVENANCE_GRAPH))


@dataclass(frozen=True)
class Side:
    """OLD or NEW as read: its data statements, the statements only its left-out graphs hold, and whether
    it has named graphs at all."""

    role: str
    name: str
    statements: frozenset[Triple]
    left_out: frozenset[Triple]
    named_graphs: bool


def left_out_graphs(inferred: bool, provenance: bool) -> tuple[URIRef, ...]:
    """The named graphs whose statements are not compared: graph:inferred and graph:build unless included."""
    return tuple(graph for graph, include in ((INFERRED, inferred), (PROVENANCE, provenance)) if not include)


def _check_exists(path: Path, role: str) -> None:
    if not path.exists():
        raise NotFoundError(
            f"{role} {path}: no such build folder or RDF file",
            hint="name a build folder (gcmkg build -o FOLDER) or a .trig, .nq, .ttl, .nt or .jsonld file",
        )
    if path.is_dir() and not (path / DATASET_FILE).is_file():
        raise NotFoundError(
            f"{role} {path}: a folder without {DATASET_FILE}, so not a build",
            hint=f"run `gcmkg build -o {path}` or name an RDF file",
        )


def read_side(path: Path, role: str, leave_out: Collection[URIRef]) -> Side:
    """The build folder or RDF file at ``path`` (``role`` is OLD or NEW, for messages); NotFoundError if it
    is missing, DataError naming the file if it cannot be read as RDF."""
    _check_exists(path, role)
    kept: set[Triple] = set()
    dropped: set[Triple] = set()
    named_graphs = False
    for subject, predicate, obj, graph in read_dataset(path).quads((None, None, None, None)):
        named_graphs = named_graphs or graph != DATASET_DEFAULT_GRAPH_ID
        (dropped if graph in leave_out else kept).add((subject, predicate, obj))
    return Side(role, str(path), frozenset(kept), frozenset(dropped - kept), named_graphs)

"""JSON-LD for an export: Oxigraph's expanded JSON-LD, compacted with the project's prefixes in an inline @context.

The context only declares prefixes (never a remote context), so any JSON-LD processor reads it offline.
Compaction is the plain kind: IRIs as ``prefix:name``, a plain string as a JSON string, a property with one
value without its array. Keys keep Oxigraph's order (``@id`` first, then properties in the quads' order)
and nodes the order of the quads, which the caller sorts: the same quads give the same bytes.

Written as a stream, a node at a time: ``{"@context": prefixes, "@graph": [...]}`` with the default graph's
nodes first, then each named graph as ``{"@id": graph, "@graph": [nodes]}``. The document and each named graph
are written across lines, a node on one line if it fits, else spread out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, BinaryIO

import pyoxigraph as ox

from gcmkg.graph.core.prefixes import PREFIXES, compact

GraphName = ox.NamedNode | ox.BlankNode | ox.DefaultGraph
_PAD = "  "
_IRI_KEYS = ("@id", "@type")  # keys whose values are IRIs (a node's IRI, a literal's datatype)
_WIDTH = 118


def _compact_iri(iri: str) -> str:
    short = compact(iri)
    # JSON-LD reads "prefix://..." as an absolute IRI, not as a compact one.
    return iri if short.partition(":")[2].startswith("//") else short


def _compact_values(values: list[Any]) -> Any:
    """A property's values: a plain string literal as a string, one value without its array."""
    items = [
        value["@value"] if isinstance(value, dict) and value.keys() == {"@value"} else _compact(value)
        for value in values
    ]
    return items[0] if len(items) == 1 else items


def _compact(value: Any) -> Any:
    if isinstance(value, list):
        return [_compact(item) for item in value]
    if not isinstance(value, dict):
        return value
    compacted = {}
    for key, item in value.items():
        if key in _IRI_KEYS and isinstance(item, str):
            compacted[key] = _compact_iri(item)
        elif key.startswith("@"):
            compacted[key] = item if key == "@value" else _compact(item)
        else:
            compacted[_compact_iri(key)] = _compact_values(item)
    return compacted


def _dump(value: Any, depth: int = 0) -> str:
    """JSON with two-space indents, but a value that fits on the line (no named graph in it) on one line."""
    line = json.dumps(value, ensure_ascii=False)
    if not isinstance(value, dict | list) or ("@graph" not in line and len(line) + 2 * depth <= _WIDTH):
        return line
    pad = _PAD * (depth + 1)
    if isinstance(value, dict):
        items = [f"{pad}{json.dumps(key, ensure_ascii=False)}: {_dump(item, depth + 1)}" for key, item in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + _PAD * depth + "}"
    return "[\n" + ",\n".join(f"{pad}{_dump(item, depth + 1)}" for item in value) + "\n" + _PAD * depth + "]"


class _Array:
    """A JSON array written item by item, at ``depth`` (its items one deeper): ``[]`` if it gets none."""

    def __init__(self, stream: BinaryIO, depth: int) -> None:
        self.stream, self.depth, self._items = stream, depth, 0

    def item(self, text: str) -> None:
        separator = "[\n" if self._items == 0 else ",\n"
        self.stream.write(f"{separator}{_PAD * (self.depth + 1)}{text}".encode())
        self._items += 1

    def close(self) -> None:
        self.stream.write(b"[]" if self._items == 0 else f"\n{_PAD * self.depth}]".encode())


class _Graphs:
    """The document's ``@graph`` array: the default graph's nodes in it, each named graph as an object in it."""

    def __init__(self, stream: BinaryIO) -> None:
        self._top = _Array(stream, 1)
        self._graph: GraphName = ox.DefaultGraph()
        self._nodes = self._top

    def node(self, graph: GraphName, node: dict[str, Any]) -> None:
        if graph != self._graph:
            self._close_graph()
            self._graph = graph
            self._top.item(f'{{\n{_PAD * 3}"@id": {json.dumps(_compact_iri(str(graph.value)), ensure_ascii=False)},')
            self._top.stream.write(f'\n{_PAD * 3}"@graph": '.encode())
            self._nodes = _Array(self._top.stream, 3)
        self._nodes.item(_dump(_compact(node), self._nodes.depth + 1))

    def _close_graph(self) -> None:
        if self._nodes is not self._top:
            self._nodes.close()
            self._top.stream.write(f"\n{_PAD * 2}}}".encode())

    def close(self) -> None:
        self._close_graph()
        self._top.close()


def write_jsonld(subjects: Iterable[list[ox.Quad]], stream: BinaryIO) -> None:
    """Write the JSON-LD document of ``subjects`` (the quads of one subject in one graph each, in the order to
    write: the default graph first, each graph's together) to ``stream``."""
    context = _dump(dict(sorted(PREFIXES.items())), 1)
    stream.write(f'{{\n{_PAD}"@context": {context},\n{_PAD}"@graph": '.encode())
    graphs = _Graphs(stream)
    for quads in subjects:
        graph = quads[0].graph_name
        expanded = json.loads(ox.serialize(quads, format=ox.RdfFormat.JSON_LD) or b"[]")
        for node in expanded if isinstance(graph, ox.DefaultGraph) else expanded[0]["@graph"]:
            graphs.node(graph, node)
    graphs.close()
    stream.write(b"\n}\n")

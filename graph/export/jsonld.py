"""JSON-LD for an export: Oxigraph's expanded JSON-LD, compacted with the project's prefixes in an inline @context.

The context only declares prefixes (never a remote context), so any JSON-LD processor reads it offline.
Compaction is the plain kind: IRIs as ``prefix:name``, a plain string as a JSON string, a property with one
value without its array. Keys keep Oxigraph's order (``@id`` first, then properties in the quads' order)
and nodes the order of the quads, which the caller sorts: the same quads give the same bytes. A node or
value that fits on a line is written on one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox

from gcmkg.graph.core.prefixes import PREFIXES, compact

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
    pad = "  " * (depth + 1)
    if isinstance(value, dict):
        items = [f"{pad}{json.dumps(key, ensure_ascii=False)}: {_dump(item, depth + 1)}" for key, item in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + "  " * depth + "}"
    return "[\n" + ",\n".join(f"{pad}{_dump(item, depth + 1)}" for item in value) + "\n" + "  " * depth + "]"


def jsonld_bytes(quads: Iterable[ox.Quad]) -> bytes:
    """The quads as a JSON-LD document: {"@context": prefixes, "@graph": [nodes and named graphs]}."""
    expanded = json.loads(ox.serialize(quads, format=ox.RdfFormat.JSON_LD) or b"[]")
    document = {"@context": dict(sorted(PREFIXES.items())), "@graph": _compact(expanded)}
    return (_dump(document) + "\n").encode("utf-8")

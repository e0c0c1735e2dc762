"""Refuse RDF/XML whose DTD could blow up when its entities are expanded (billion laughs, quadratic blow-up).

Oxigraph's RDF/XML parser expands the entities a DTD declares, so a file of a few hundred bytes with nested
entities expands to gigabytes. Before such a file is parsed, its DOCTYPE is read and refused (DataError,
exit code 4) if it has an external DTD, a parameter or external entity, an entity whose text refers to another
entity, or one longer than ``MAX_ENTITY_CHARS``. What is left are the short abbreviations RDF/XML files use
for namespaces (``<!ENTITY owl "http://www.w3.org/2002/07/owl#">``): each reference grows at most to
``MAX_ENTITY_CHARS`` characters, so the expanded text stays linear in the file's size.
"""

from __future__ import annotations

import re
from pathlib import Path

from gcmkg.graph.core.errors import DataError

MAX_ENTITY_CHARS = 256
# The DOCTYPE must come before the root element; a DOCTYPE longer than this is refused.
_HEAD_BYTES = 65_536
_DOCTYPE = re.compile(rb"<!DOCTYPE\s+[^\s\[>]+\s*(?P<external>SYSTEM|PUBLIC)?[^\[>]*(?P<subset>\[)?")
_ENTITY = re.compile(rb"<!ENTITY\s+(?P<parameter>%\s+)?(?P<name>[^\s]+)\s+(?P<value>\"[^\"]*\"|'[^']*'|\S+)", re.S)


def refuse_entity_expansion(path: Path) -> None:
    """DataError naming ``path`` if the RDF/XML file declares a DTD whose entities could expand without bound."""
    try:
        with path.open("rb") as stream:
            head = stream.read(_HEAD_BYTES)
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if b"<!DOCTYPE" not in head:
        return
    doctype = _DOCTYPE.search(head)
    if doctype is None:
        _refuse(path, "its DOCTYPE cannot be read")
        return
    if doctype["external"]:
        _refuse(path, "it refers to an external DTD")
    subset = b""
    if doctype["subset"]:
        end = _subset_end(head, doctype.end())
        if end is None:
            _refuse(path, f"its DTD does not end within its first {_HEAD_BYTES:,} bytes")
            return
        subset = head[doctype.end() : end]
    # every "<!ENTITY" of the subset is checked, even one in a comment or a value (which is then refused)
    for entity in _ENTITY.finditer(subset):
        name, value = entity["name"].decode(errors="replace"), entity["value"]
        if entity["parameter"]:
            _refuse(path, f"it declares the parameter entity %{name}")
        if value[:1] not in (b'"', b"'"):
            _refuse(path, f"the entity {name} is external ({value.decode(errors='replace')})")
        if b"&" in value or b"%" in value:
            _refuse(path, f"the entity {name} refers to other entities (nested entities expand exponentially)")
        if len(value) - 2 > MAX_ENTITY_CHARS:
            _refuse(path, f"the entity {name} is {len(value) - 2:,} characters long (at most {MAX_ENTITY_CHARS})")


def _subset_end(head: bytes, start: int) -> int | None:
    """The index of the ``]`` that closes the internal DTD subset opening at ``start``, outside quoted values and
    comments; None if it does not close within ``head``."""
    index, quote = start, 0
    while index < len(head):
        byte = head[index]
        if quote:
            quote = 0 if byte == quote else quote
        elif byte in b"\"'":
            quote = byte
        elif head.startswith(b"<!--", index):
            close = head.find(b"-->", index + 4)
            if close < 0:
                return None
            index = close + 3
            continue
        elif byte == ord("]"):
            return index
        index += 1
    return None


def _refuse(path: Path, why: str) -> None:
    raise DataError(
        f"{path}: RDF/XML refused: {why}",
        hint=f"entities may only abbreviate short text (at most {MAX_ENTITY_CHARS} characters, no nesting); "
        "convert the file to Turtle or N-Triples",
    )

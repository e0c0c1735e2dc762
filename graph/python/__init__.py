"""gcmkg from Python: open a build, run stored queries and SPARQL, describe an entity.

    >>> import gcmkg
    >>> kg = gcmkg.open("build")
    >>> rows = kg.query("session-participants", year=2024, session=2)
    >>> rows.columns
    ('name', 'iso3', 'role', 'organisation', 'via')
    >>> kg.sparql("SELECT ?s WHERE { ?s a gcm:Session }").to_pandas()   # with the pandas extra

In the wheel this folder is the package ``gcmkg`` itself; the command line and the stages are ``gcmkg.graph``.
Its names are imported when first used (PEP 562): the command line, ``gcmkg.graph.cli``, lives inside this
package, and ``gcmkg query`` would otherwise load the whole query layer (descriptions, rows) before it starts.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gcmkg.knowledge import KnowledgeGraph, open
    from gcmkg.rows import Entity, Rows, python_value

# each public name -> the module defining it
_HOMES = {
    "KnowledgeGraph": "gcmkg.knowledge",
    "open": "gcmkg.knowledge",
    "Entity": "gcmkg.rows",
    "Rows": "gcmkg.rows",
    "python_value": "gcmkg.rows",
}
__all__ = ["Entity", "KnowledgeGraph", "Rows", "open", "python_value"]


def __getattr__(name: str) -> Any:
    """The public name ``name``, imported from its module on first use."""
    if name not in _HOMES:
        raise AttributeError(f"module 'gcmkg' has no attribute {name!r}")
    value = getattr(import_module(_HOMES[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])

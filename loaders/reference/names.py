"""One registry of every name in the reference data, so that no name designates two entities."""

from __future__ import annotations

from gcmkg.loaders.table import Row


class NameRegistry:
    """Names (labels, aliases, acronyms, demonyms) and the entity each designates, case-insensitively."""

    def __init__(self) -> None:
        self._owners: dict[str, tuple[str, str]] = {}

    def claim(self, name: str, owner: str, row: Row) -> None:
        """Record that ``name`` designates ``owner``; fail at ``row`` if it already designates another."""
        where = f"{row.path.name}:{row.line}"
        current, first_seen = self._owners.setdefault(name.casefold(), (owner, where))
        if current != owner:
            raise row.error(f"name {name!r} of {owner} already designates {current} ({first_seen})")

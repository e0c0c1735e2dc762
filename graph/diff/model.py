"""The release diff as data: what changed, grouped by class, ready to render as Markdown or JSON."""

from __future__ import annotations

from dataclasses import dataclass

from gcmkg.graph.core import ids
from gcmkg.graph.core.prefixes import PREFIXES, compact
from gcmkg.graph.diff.reading import Triple

# The project's prefixes, and id: for the resources that have none (documents, passages, people), as the
# loaders' README writes them.
_NAME_PREFIXES = {**PREFIXES, "id": ids.ID}


def short_name(iri: str) -> str:
    """'https://w3id.org/gcmkg/id/document/x' -> 'id:document/x'; 'https://w3id.org/gcmkg/ontology#State' ->
    'gcm:State'; the IRI itself if no prefix fits."""
    return compact(iri, _NAME_PREFIXES)


@dataclass(frozen=True)
class Entity:
    """A typed subject: its IRI and its label (None if it has none)."""

    iri: str
    label: str | None


@dataclass(frozen=True)
class ChangedEntity:
    """An entity typed in OLD and NEW whose statements changed (sorted)."""

    entity: Entity
    added: tuple[Triple, ...]
    removed: tuple[Triple, ...]


@dataclass(frozen=True)
class ClassChanges:
    """The changes of one class: entities added, removed and changed (sorted), and statement counts."""

    iri: str
    added: tuple[Entity, ...]
    removed: tuple[Entity, ...]
    changed: tuple[ChangedEntity, ...]
    statements_added: int
    statements_removed: int


@dataclass(frozen=True)
class ReleaseDiff:
    """OLD and NEW as named on the command line, what was compared, and the changes grouped by class; the
    statements whose subject is not a typed entity are ``other_added`` and ``other_removed``."""

    old: str
    new: str
    inferred: bool
    provenance: bool
    notes: tuple[str, ...]
    classes: tuple[ClassChanges, ...]
    other_added: tuple[Triple, ...]
    other_removed: tuple[Triple, ...]

    @property
    def differs(self) -> bool:
        return bool(self.classes or self.other_added or self.other_removed)

    def totals(self) -> dict[str, int]:
        """Entities added, removed and changed, statements added and removed, over every class and the rest."""
        return {
            "entities_added": sum(len(c.added) for c in self.classes),
            "entities_removed": sum(len(c.removed) for c in self.classes),
            "entities_changed": sum(len(c.changed) for c in self.classes),
            "statements_added": sum(c.statements_added for c in self.classes) + len(self.other_added),
            "statements_removed": sum(c.statements_removed for c in self.classes) + len(self.other_removed),
        }

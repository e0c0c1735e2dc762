"""Render a release diff as Markdown release notes.

A title naming OLD and NEW, what was compared, a summary table per class, then per class the entities
added and removed (label and compact IRI) and the changed ones with their statements as a ``diff`` block
(``-`` removed, ``+`` added; compact IRIs, literals cut at LITERAL_WIDTH characters), and the other
statements last. Each list, and each changed entity's statements, shows at most ``max_items`` lines and
says how many more there are (0: no limit).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from gcmkg.graph.diff.model import ChangedEntity, ClassChanges, Entity, ReleaseDiff, short_name
from gcmkg.graph.diff.reading import Triple

LITERAL_WIDTH = 80
BLANK_LABEL_WIDTH = 10
# Characters Markdown would read as markup; "_" only where it can start or end emphasis (not in file_name).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*\[\]<>#|~]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9]))")
_SPACE = re.compile(r"\s+")
_COLUMNS = ("class", "entities added", "entities removed", "entities changed", "statements added", "statements removed")

T = TypeVar("T")


def _short(text: str) -> str:
    """``text`` on one line, cut to LITERAL_WIDTH characters with an ellipsis."""
    text = _SPACE.sub(" ", text).strip()
    return text if len(text) <= LITERAL_WIDTH else text[: LITERAL_WIDTH - 1] + "…"


def _escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def readable(term: Node) -> str:
    """A term as people read it: a compact IRI (<IRI> if no prefix fits), a short literal, a short blank node."""
    if isinstance(term, URIRef):
        iri = str(term)
        name = short_name(iri)
        return name if name != iri else f"<{iri}>"
    if isinstance(term, BNode):
        return f"_:{term[:BLANK_LABEL_WIDTH]}"
    assert isinstance(term, Literal)
    text = '"' + _short(str(term)).replace("\\", "\\\\").replace('"', '\\"') + '"'
    if term.language:
        return f"{text}@{term.language}"
    return f"{text}^^{readable(term.datatype)}" if term.datatype else text


def _capped(items: Sequence[T], limit: int) -> tuple[Sequence[T], list[str]]:
    """The items to show and, if some are not shown, a line saying how many."""
    if limit == 0 or len(items) <= limit:
        return items, []
    return items[:limit], [f"… and {len(items) - limit} more (--max-items 0 lists all)"]


def _and(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _plural(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


def _compared(diff: ReleaseDiff) -> str:
    graphs = (("graph:inferred (reasoning)", diff.inferred), ("graph:build (provenance)", diff.provenance))
    included = ["the data graphs"] + [name for name, include in graphs if include]
    left_out = [name for name, include in graphs if not include]
    return f"Compared: the statements of {_and(included)}" + (f"; {_and(left_out)} left out." if left_out else ".")


def _summary(diff: ReleaseDiff) -> list[str]:
    totals = diff.totals()
    sentence = (
        f"{_plural(totals['statements_added'], 'statement', 'statements')} added, "
        f"{totals['statements_removed']} removed; "
        f"{_plural(totals['entities_added'], 'entity', 'entities')} added, "
        f"{totals['entities_removed']} removed, {totals['entities_changed']} changed."
    )
    rows = [
        [
            f"`{short_name(c.iri)}`",
            len(c.added),
            len(c.removed),
            len(c.changed),
            c.statements_added,
            c.statements_removed,
        ]
        for c in diff.classes
    ]
    if diff.other_added or diff.other_removed:
        rows.append(["other statements", "—", "—", "—", len(diff.other_added), len(diff.other_removed)])
    rows.append(["**total**", *totals.values()])
    table = [f"| {' | '.join(_COLUMNS)} |", "|---" + "|---:" * (len(_COLUMNS) - 1) + "|"]
    table += [f"| {' | '.join(str(cell) for cell in row)} |" for row in rows]
    return [sentence, "\n".join(table)]


def _name(entity: Entity, bold: bool = False) -> str:
    """The entity's label (if it has one) and compact IRI."""
    code = f"`{readable(URIRef(entity.iri))}`"
    if not entity.label:
        return code
    label = _escape(_short(entity.label))
    return f"**{label}** {code}" if bold else f"{label} {code}"


def _diff_block(removed: Sequence[Triple], added: Sequence[Triple], limit: int, subject: bool) -> list[str]:
    """The statements as a ``diff`` block, removed first, and what was not shown; without the subject when it
    is the entity's."""
    lines = [(sign, triple) for sign, statements in (("-", removed), ("+", added)) for triple in statements]
    shown, more = _capped(lines, limit)
    body = [
        f"{sign} {' '.join(readable(term) for term in (triple if subject else triple[1:]))}" for sign, triple in shown
    ]
    return ["\n".join(["```diff", *body, "```"]), *more]


def _entities(title: str, entities: Sequence[Entity], limit: int) -> list[str]:
    if not entities:
        return []
    shown, more = _capped(entities, limit)
    return [f"### {title} ({len(entities)})", "\n".join(f"- {_name(entity)}" for entity in shown), *more]


def _changed(changed: Sequence[ChangedEntity], limit: int) -> list[str]:
    if not changed:
        return []
    shown, more = _capped(changed, limit)
    blocks = [f"### Changed ({len(changed)})"]
    for item in shown:
        blocks += [_name(item.entity, bold=True), *_diff_block(item.removed, item.added, limit, False)]
    return blocks + more


def _class_section(changes: ClassChanges, limit: int) -> list[str]:
    return [
        f"## `{short_name(changes.iri)}`",
        *_entities("Added", changes.added, limit),
        *_entities("Removed", changes.removed, limit),
        *_changed(changes.changed, limit),
    ]


def render_markdown(diff: ReleaseDiff, max_items: int) -> str:
    """The release notes of ``diff``: at most ``max_items`` lines per list (0: all)."""
    blocks = [f"# Release notes: `{diff.old}` → `{diff.new}`", _compared(diff), *(f"Note: {n}" for n in diff.notes)]
    if not diff.differs:
        return "\n\n".join([*blocks, "No differences."]) + "\n"
    blocks += _summary(diff)
    for changes in diff.classes:
        blocks += _class_section(changes, max_items)
    if diff.other_added or diff.other_removed:
        blocks += [
            "## Other statements",
            "Statements whose subject is not a typed entity.",
            *_diff_block(diff.other_removed, diff.other_added, max_items, True),
        ]
    return "\n\n".join(blocks) + "\n"

"""A document's metadata: from its manifest row, or inferred from its first lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gcmkg.loaders.documents.segmenting import Segmented
from gcmkg.loaders.table import Row

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_YEAR = re.compile(rf"\b\d{{1,2}}(?:\s*(?:-|–|and)\s*\d{{1,2}})?\s+(?:{_MONTHS})\s+((?:19|20)\d\d)\b")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_KINDS = (
    ("background note", "background-note"),
    ("executive summary", "report"),
    ("report", "report"),
    ("summary", "report"),
)
HEAD_CHARACTERS = 2000


@dataclass(frozen=True)
class DocumentMeta:
    identifier: str
    title: str
    kind: str
    year: int | None
    date: str | None = None
    language: str | None = None


def _first_title(segmented: Segmented) -> str:
    if segmented.sections and segmented.sections[0].start == 0:
        return segmented.sections[0].heading.text
    return segmented.text.split("\n", 1)[0].strip()


def _inferred_year(head: str) -> int | None:
    found = _DATE_YEAR.search(head)
    return int(found.group(1)) if found else None


def _inferred_kind(head: str) -> str:
    lowered = head.lower()
    return next((kind for cue, kind in _KINDS if cue in lowered), "document")


def describe(identifier: str, segmented: Segmented, row: Row | None) -> DocumentMeta:
    """The manifest's description of the document where there is a row, else what its text says."""
    head = segmented.text[:HEAD_CHARACTERS]
    if row is None:
        return DocumentMeta(identifier, _first_title(segmented), _inferred_kind(head), _inferred_year(head))
    date = row.text("date")
    if not _ISO_DATE.match(date):
        raise row.error(f"date {date!r} is not YYYY-MM-DD")
    return DocumentMeta(identifier, row.text("title"), row.text("kind"), int(date[:4]), date, row.text("language"))

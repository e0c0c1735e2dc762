"""Recognising headings: sessions and roundtables, segments, objectives, annexes, numbered headings, titles.

A heading is a one-line block. The kinds matter to extraction: a session heading sets the session the
following passages are about, a segment heading ("II. Opening of the session", "IV. Closing") the opening
or closing segment of the review, an objective heading the objective, and a structural heading (a
numbered chapter, an annex) ends the current session or segment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import cache

from gcmkg.loaders.documents.sessionnames import (
    DEFAULT_VOCABULARY,
    ROMAN,
    ROMAN_NUMERAL,
    SESSION_NUMBER,
    WORD_NUMBER,
    SessionVocabulary,
)


class HeadingKind(Enum):
    SESSION = "session"
    SEGMENT = "segment"
    OBJECTIVE = "objective"
    STRUCTURAL = "structural"
    TITLE = "title"


@dataclass(frozen=True)
class Heading:
    kind: HeadingKind
    text: str
    number: int | None = None
    segment: str | None = None
    """For a segment heading: "opening" or "closing"."""


@cache
def _session(noun: str) -> re.Pattern[str]:
    """A session heading for the session nouns ``noun``: "Session 2", "B. Roundtable 4 – …", "Clinic Two",
    "Workshop III"."""
    return re.compile(
        rf"^(?:[A-H]\.\s+)?(?:#+\s*)?(?:Thematic\s+|Plenary\s+)?(?=[A-Z])((?i:{noun}))\s+"
        rf"((?i:{SESSION_NUMBER})|{ROMAN_NUMERAL})(?![\d.])\b"
    )


@cache
def _labelled(labels: tuple[str, ...]) -> re.Pattern[str]:
    """A session heading by a label of the document's ("C2: who spoke on what", "RT2 – Labour mobility")."""
    return re.compile(rf"^(?:#+\s*)?(?:{'|'.join(labels)})(\d{{1,2}})(?:\s*$|\s*[:–—]\s|\s+-\s)")


_SEGMENT = re.compile(
    r"^(?:#+\s*)?(?:(?:[IVX]{1,5}|[A-H]|\d{1,2})\.\s+)?(?:(Opening|Closing)"
    r"(?:\s*$|\s*[:–-]|\s+(?:of|segment|session|remarks|statements?|ceremony|plenary|and)\b)"
    r"|(?:[\w'’-]+\s+){1,4}and\s+(opening|closing)(?:\s+(?:segment|session|remarks))?\s*$)",
    re.IGNORECASE,
)
_OBJECTIVE = re.compile(r"^Objective\s+(\d{1,2})\s*[:.–-]\s*\S")
_ANNEX = re.compile(r"^Annex(?:\s+[IVX\d]+)?\b")
_ROMAN = re.compile(r"^[IVX]{1,5}\.\s+[A-Z]")
_NUMBERED = re.compile(r"^(?:\d{1,2}|[ivx]{1,5})\.\s+[A-Z]")
_LIST_ITEM = re.compile(r"^(?:[-•*–]\s|\d{1,3}\.\s|\(\w\)\s)")
_TERMINAL = tuple(".,;:!?")
_FUNCTION_WORDS = frozenset("a an the of and or to in on at by for from with as into that".split())
MAX_HEADING_WORDS = 12
MAX_TITLE_WORDS = 10


def is_list_item(text: str) -> bool:
    """A bullet or numbered item: ``- …``, ``• …``, ``12. …``, ``(a) …``."""
    return bool(_LIST_ITEM.match(text))


def _short(text: str, words: int) -> bool:
    return len(text.split()) <= words and not text.endswith(_TERMINAL)


def classify(text: str, markdown: bool = False, vocabulary: SessionVocabulary = DEFAULT_VOCABULARY) -> Heading | None:
    """The heading ``text`` is, or None for body text. ``markdown``: the line was a ``#`` heading;
    ``vocabulary``: the nouns the document's sessions go by."""
    if "\t" in text or "\n" in text:
        return None
    session = _session(vocabulary.noun).match(text)
    if session and len(text.split()) <= MAX_HEADING_WORDS and not text.endswith("."):
        number = session.group(2)
        number_of = WORD_NUMBER.get(number.lower()) or ROMAN.get(number) or int(number)
        return Heading(HeadingKind.SESSION, text, number_of)
    labelled = _labelled(vocabulary.labels).match(text) if vocabulary.labels else None
    if labelled and _short(text, MAX_HEADING_WORDS):
        return Heading(HeadingKind.SESSION, text, int(labelled.group(1)))
    segment = _SEGMENT.match(text)
    if segment and _short(text, MAX_HEADING_WORDS):
        return Heading(HeadingKind.SEGMENT, text, segment=(segment.group(1) or segment.group(2)).lower())
    objective = _OBJECTIVE.match(text)
    if objective and 1 <= int(objective.group(1)) <= 23 and len(text.split()) <= 30 and not text.endswith("."):
        return Heading(HeadingKind.OBJECTIVE, text, int(objective.group(1)))
    if _ANNEX.match(text) and _short(text, MAX_HEADING_WORDS):
        return Heading(HeadingKind.STRUCTURAL, text)
    if _ROMAN.match(text) and _short(text, MAX_HEADING_WORDS):
        return Heading(HeadingKind.STRUCTURAL, text)
    if _NUMBERED.match(text) and _short(text, MAX_TITLE_WORDS - 2):
        return Heading(HeadingKind.STRUCTURAL, text)
    if markdown:
        return Heading(HeadingKind.TITLE, text)
    if is_list_item(text) or ": " in text or text.startswith(("http", "[", "(")):
        return None
    if text.rsplit(" ", 1)[-1].lower() in _FUNCTION_WORDS:
        return None
    if text[:1].isupper() and _short(text, MAX_TITLE_WORDS) and any(c.isalpha() for c in text[1:]):
        return Heading(HeadingKind.TITLE, text)
    return None

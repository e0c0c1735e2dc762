"""Sessions, roundtables and segments: which session or segment each passage is about, and the objectives each
session addresses.

A session heading ("Session 2", "B. Session 2", "Roundtable 4 – Friday …") sets the session of the
passages after it, until a structural heading (a numbered chapter, an annex) ends it. A document whose
session headings all name one session (a background note) is about that session throughout.
"""

from __future__ import annotations

import re

from gcmkg.loaders.documents.extract.objectives import objective_numbers
from gcmkg.loaders.documents.facts import SegmentRef, SessionObjectives, SessionRef
from gcmkg.loaders.documents.headings import HeadingKind
from gcmkg.loaders.documents.segmenting import Passage, Segmented

_OFFERED_SPACE = re.compile(r"\boffer(?:s|ed)?\s+space\s+for\s+discussion\b", re.IGNORECASE)
_OBJECTIVE_LINE = re.compile(r"^GCM\s+objective\s+\d{1,2}\s*:", re.IGNORECASE)
_SESSION_LIST_ITEM = re.compile(r"^(?:[-•*]\s*)?(?:Session|Roundtable)\s+(\d{1,2})\s*:\s*Objectives?\b")


def session_numbers(segmented: Segmented) -> list[int]:
    """The session numbers of the document's session headings, in order, each once."""
    numbers: list[int] = []
    for section in segmented.sections:
        number = section.heading.number
        if section.heading.kind is HeadingKind.SESSION and number is not None and number not in numbers:
            numbers.append(number)
    return numbers


def document_session(segmented: Segmented, year: int | None) -> SessionRef | None:
    """The one session a document is about, if its session headings all name the same one."""
    numbers = session_numbers(segmented)
    return SessionRef(year, numbers[0]) if year is not None and len(numbers) == 1 else None


def passage_sessions(segmented: Segmented, year: int | None) -> dict[int, SessionRef]:
    """Passage number → the session it is about."""
    if year is None:
        return {}
    default = document_session(segmented, year)
    by_section: dict[int, SessionRef | None] = {}
    current: SessionRef | None = None
    for section in segmented.sections:
        if section.heading.kind is HeadingKind.SESSION and section.heading.number is not None:
            current = SessionRef(year, section.heading.number)
        elif section.heading.kind in (HeadingKind.STRUCTURAL, HeadingKind.SEGMENT):
            current = None
        by_section[section.number] = current
    sessions: dict[int, SessionRef] = {}
    for passage in segmented.passages:
        session = by_section.get(passage.section.number) if passage.section else None
        if session or default:
            sessions[passage.number] = session or default  # type: ignore[assignment]
    return sessions


def passage_segments(segmented: Segmented, year: int | None) -> dict[int, SegmentRef]:
    """Passage number → the opening or closing segment it reports, for passages under a segment heading
    (until the next session, segment or structural heading)."""
    if year is None:
        return {}
    current: SegmentRef | None = None
    by_section: dict[int, SegmentRef | None] = {}
    for section in segmented.sections:
        kind = section.heading.kind
        if kind is HeadingKind.SEGMENT and section.heading.segment is not None:
            current = SegmentRef(year, section.heading.segment)
        elif kind in (HeadingKind.SESSION, HeadingKind.STRUCTURAL):
            current = None
        by_section[section.number] = current
    return {
        passage.number: segment
        for passage in segmented.passages
        if passage.section is not None and (segment := by_section.get(passage.section.number)) is not None
    }


def _passage_objectives(passage: Passage) -> tuple[int | None, list[int]]:
    """(session named by the passage itself or None, objectives) when the passage says what a session covers."""
    listed = _SESSION_LIST_ITEM.match(passage.text)
    if listed:
        return int(listed.group(1)), objective_numbers(passage.text)
    if _OFFERED_SPACE.search(passage.text) or _OBJECTIVE_LINE.match(passage.text):
        return None, objective_numbers(passage.text)
    return None, []


def session_objectives(
    segmented: Segmented, year: int | None, sessions: dict[int, SessionRef]
) -> list[SessionObjectives]:
    """Every (session, objectives) statement of the document: headings, list items and passages."""
    if year is None:
        return []
    found: dict[SessionRef, list[int]] = {}
    for section in segmented.sections:
        if section.heading.kind is HeadingKind.SESSION and section.heading.number is not None:
            numbers = objective_numbers(section.heading.text)
            found.setdefault(SessionRef(year, section.heading.number), []).extend(numbers)
    for passage in segmented.passages:
        named, numbers = _passage_objectives(passage)
        session = SessionRef(year, named) if named is not None else sessions.get(passage.number)
        if session is not None and numbers:
            found.setdefault(session, []).extend(numbers)
    return [
        SessionObjectives(session, tuple(sorted(set(numbers))))
        for session, numbers in sorted(found.items(), key=lambda item: (item[0].year, item[0].number))
    ]

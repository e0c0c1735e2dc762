"""Sessions, roundtables and segments: which session or segment each passage is about, and the objectives each
session addresses.

A session heading ("Session 2", "B. Session 2", "Roundtable 4 – Friday …") sets the session of the
passages after it, until a structural heading (a numbered chapter, an annex) ends it. Prose does the same:
a paragraph whose first sentence names a session and then the objectives it covered ("Session 4 of the
third Regional Review addressed objectives 1, 3 and 7", "In the second session, which focused on objectives
4 to 6, …") opens that session, unless it is one sentence and the paragraph before or after it opens with
another session (a list of sessions opens none); "the last panel" is the number of sessions the document
announces ("the four thematic panels"); a passing remark ("objectives 15 and 16 will be taken up in the
fourth session") records the session's objectives but opens nothing. A document whose session headings, opening
paragraphs and title (of a background note or a session summary) all name one session is about that session
throughout, but for its opening and closing segments and what follows a chapter that ended the session's
own section. A row of a table of sessions ("C2 | Returns | objectives 4 and 9 | led by UNHCR", cells separated by
"|") is about the session its first cell names, and opens nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from gcmkg.loaders.documents.extract.objectives import OBJECTIVE_REFERENCE, objective_numbers
from gcmkg.loaders.documents.extract.sentences import sentences
from gcmkg.loaders.documents.facts import SegmentRef, SessionObjectives, SessionRef
from gcmkg.loaders.documents.headings import HeadingKind, classify
from gcmkg.loaders.documents.segmenting import Passage, Section, Segmented
from gcmkg.loaders.documents.sessionnames import DEFAULT_VOCABULARY, SessionVocabulary, session_vocabulary

_OFFERED_SPACE = re.compile(r"\boffer(?:s|ed)?\s+space\s+for\s+discussion\b", re.IGNORECASE)


#: A passage's own session, named without a number ("This session reviewed objectives 14, 15 and 16").
@cache
def _this_session(noun: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:\d{{1,3}}\.\s+)?(?:This|The|That|Each)\s+(?:thematic\s+)?(?i:{noun})\b(?!\s+\d)")


#: A line or list item that names one objective and its title: "GCM objective 7: …", "• Objective 12 – …".
_OBJECTIVE_LINE = re.compile(r"^(?:[-•*–]\s+)?(?:GCM\s+)?objective\s+\d{1,2}\s*(?::|[–—-]\s)", re.IGNORECASE)
#: A sentence that introduces the objectives in the list after it: "… considered the following objectives:".
_OBJECTIVES_FOLLOW = re.compile(r"\bobjectives\s*:\s*$", re.IGNORECASE)


#: A sentence whose subject is the session the sentence before named ("It covered objectives 1 and 2").
@cache
def _anaphora(noun: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:It|(?:This|That|The)\s+(?:thematic\s+)?(?i:{noun}))\b(?!\s+\d)")


_PARAGRAPH_NUMBER = re.compile(r"^\s*\d{1,3}\.\s+")
#: A programme row that opens with its time slot: "09:30–10:15 Opening segment, Main Hall".
TIME_SLOT = re.compile(r"^\d{1,2}[:.]\d{2}\s*[–—-]\s*\d{1,2}[:.]\d{2}\s+(?P<item>.+)$")


def segment_row(passage: Passage) -> str | None:
    """ "opening" or "closing" for a programme row whose item, after its time slot, is the review's opening or
    closing segment ("15:45–16:30 Closing segment: the Co-Chairs"); None for any other passage."""
    row = TIME_SLOT.match(passage.text)
    heading = classify(re.split(r"[:;,]\s", row.group("item"))[0].strip()) if row else None
    return heading.segment if heading is not None and heading.kind is HeadingKind.SEGMENT else None


#: A verb saying what a session covered.
_COVERED = re.compile(
    r"\b(?:address|cover|focus|concentrat|centr|dedicat|devot|discuss|examin|consider|review|explor|deal|dealt|"
    r"look|turn|tackl|treat|offer|featur|spann?|t(?:ook|ak(?:e|es|ing))\s+up\b)\w*",
    re.IGNORECASE,
)
#: At most this many words between a session and its objectives make one name ("Session 2 (objectives 4, 5)",
#: "the session on objective 9").
_ATTACHED_WORDS = 3


def stated_sessions(text: str, vocabulary: SessionVocabulary = DEFAULT_VOCABULARY) -> Iterator[tuple[int, list[int]]]:
    """(session, objectives) for each sentence of ``text`` that names a session and the objectives it covered.

    The objectives a session covered are those named after it (before the next session the sentence names),
    or anywhere in a sentence naming one session; they count when several are listed ("objectives 4, 5 and
    6") or when a verb says the session covered them ("the third session focused on objective 9"). ``vocabulary``:
    the nouns of the document's sessions and how it numbers them (the number of "the last session", letters).
    """
    previous: int | None = None  # the one session the sentence before named
    for _, sentence in sentences(text):
        named = list(vocabulary.named.finditer(sentence))
        anaphora = _anaphora(vocabulary.noun).match(sentence)
        if not named and previous is not None and anaphora and _covered(sentence, anaphora.end()):
            yield previous, objective_numbers(sentence)
        numbers = {vocabulary.number(session) for session in named} - {None}
        previous = numbers.pop() if len(numbers) == 1 else None
        for index, session in enumerate(named):
            end = named[index + 1].start() if index + 1 < len(named) else len(sentence)
            scope = sentence if len(named) == 1 else sentence[session.start() : end]
            number = vocabulary.number(session)
            if number is not None and _covered(scope, session.end() - (session.start() if len(named) > 1 else 0)):
                yield number, objective_numbers(scope)


def _covered(scope: str, named_end: int) -> bool:
    """True if ``scope``, naming a session that ends at ``named_end``, says which objectives it covered."""
    references = list(OBJECTIVE_REFERENCE.finditer(scope))
    if not references:
        return False
    listed = any(len(objective_numbers(ref.group(0))) > 1 for ref in references)
    first = OBJECTIVE_REFERENCE.search(scope, named_end)
    attached = first is not None and len(scope[named_end : first.start()].split()) <= _ATTACHED_WORDS
    return listed or attached or bool(_COVERED.search(scope))


def _opening_session(text: str, vocabulary: SessionVocabulary) -> int | None:
    """The session a passage opens with: its first sentence names it, then the objectives it covered."""
    first = next(iter(sentences(_PARAGRAPH_NUMBER.sub("", text))), None)
    stated = list(stated_sessions(first[1], vocabulary)) if first else []
    if first and not stated and _OBJECTIVES_FOLLOW.search(first[1]) and _COVERED.search(first[1]):
        named = list(vocabulary.named.finditer(first[1]))  # "Panel C took up the following objectives:", a list after
        return vocabulary.number(named[0]) if len(named) == 1 else None
    if len(stated) != 1:
        return None
    named = vocabulary.named.search(first[1])  # type: ignore[index]
    reference = OBJECTIVE_REFERENCE.search(first[1])  # type: ignore[index]
    return stated[0][0] if named and reference and named.start() < reference.start() else None


def _opened_sessions(segmented: Segmented, vocabulary: SessionVocabulary) -> dict[int, int]:
    """Passage number → the one session its prose opens (see the module docstring): a paragraph of one sentence
    between paragraphs that open other sessions is an item of a list of sessions; one that goes on tells its
    session."""
    openings = [_opening_session(passage.text, vocabulary) for passage in segmented.passages]
    opened: dict[int, int] = {}
    for index, passage in enumerate(segmented.passages):
        neighbours = {openings[i] for i in (index - 1, index + 1) if 0 <= i < len(openings)} - {None}
        listed = neighbours - {openings[index]} and len(list(sentences(passage.text))) == 1
        if openings[index] is not None and not listed:
            opened[passage.number] = openings[index]  # type: ignore[assignment]
    return opened


#: The cells of a table row written out in text: "C2 | Returns | objectives 4 and 9".
_CELLS = re.compile(r"\s+\|\s+")


def row_session(text: str, vocabulary: SessionVocabulary) -> int | None:
    """The session a table row written out in text is about: the one its first cell names, all of the cell."""
    cells = _CELLS.split(text)
    named = vocabulary.named.fullmatch(cells[0].strip()) if len(cells) > 1 else None
    return vocabulary.number(named) if named else None


def _vocabulary(segmented: Segmented, vocabulary: SessionVocabulary | None) -> SessionVocabulary:
    """``vocabulary``, or else the one the document's text announces."""
    return vocabulary if vocabulary is not None else session_vocabulary(segmented.text)


def session_numbers(segmented: Segmented, vocabulary: SessionVocabulary | None = None) -> list[int]:
    """The session numbers of the document's session headings and statements, in order, each once
    (``vocabulary``: the document's session vocabulary, else the one its text announces)."""
    vocabulary = _vocabulary(segmented, vocabulary)
    numbers: list[int] = []
    for section in segmented.sections:
        number = section.heading.number
        if section.heading.kind is HeadingKind.SESSION and number is not None and number not in numbers:
            numbers.append(number)
    for passage in segmented.passages:
        numbers += [number for number, _ in stated_sessions(passage.text, vocabulary) if number not in numbers]
    return numbers + sorted(set(_opened_sessions(segmented, vocabulary).values()) - set(numbers))


def document_session(
    segmented: Segmented, year: int | None, title: str = "", vocabulary: SessionVocabulary | None = None
) -> SessionRef | None:
    """The one session a document is about, if its session headings, the sessions its paragraphs open with and
    ``title`` (the title of a document written for or about one session: "Concept note for Panel 2") all name
    the same one."""
    vocabulary = _vocabulary(segmented, vocabulary)
    named = [vocabulary.number(found) for found in vocabulary.named.finditer(title)]
    numbers = {
        section.heading.number
        for section in segmented.sections
        if section.heading.kind is HeadingKind.SESSION and section.heading.number is not None
    } | set(_opened_sessions(segmented, vocabulary).values())
    numbers |= {named[0]} if len(named) == 1 and named[0] is not None else set()
    return SessionRef(year, numbers.pop()) if year is not None and len(numbers) == 1 else None


def _beside_sessions(segmented: Segmented) -> set[int]:
    """The title headings that stand beside the sessions, not under the last one: those after the last of two or
    more session headings, in a document whose session sections hold no title heading ("Lab Three", "Lab Four",
    "Funding": the funding section is no lab's)."""
    kinds = [(section.number, section.heading.kind) for section in segmented.sections]
    at = [index for index, (_, kind) in enumerate(kinds) if kind is HeadingKind.SESSION]
    if len(at) < 2 or any(kind is HeadingKind.TITLE for _, kind in kinds[at[0] : at[-1]]):
        return set()
    return {number for number, kind in kinds[at[-1] + 1 :] if kind is HeadingKind.TITLE}


def passage_sessions(
    segmented: Segmented, year: int | None, title: str = "", vocabulary: SessionVocabulary | None = None
) -> dict[int, SessionRef]:
    """Passage number → the session it is about (``title`` and ``vocabulary`` as for ``document_session``)."""
    if year is None:
        return {}
    vocabulary = _vocabulary(segmented, vocabulary)
    default = document_session(segmented, year, title, vocabulary)
    opened = _opened_sessions(segmented, vocabulary)
    headings = iter(segmented.sections)
    beside = _beside_sessions(segmented)
    sessions: dict[int, SessionRef] = {}
    current: SessionRef | None = None
    reached: Section | None = None
    in_segment = told = False  # told: a session's own section has had passages, and a chapter ended it
    for passage in segmented.passages:
        for section in headings if passage.section not in (None, reached) else ():
            reached = section
            kind = section.heading.kind
            if kind is HeadingKind.SESSION and section.heading.number is not None:
                current = SessionRef(year, section.heading.number)
            elif kind in (HeadingKind.STRUCTURAL, HeadingKind.SEGMENT) or section.number in beside:
                told = told or (current is not None and current in sessions.values())
                current = None
            if kind in (HeadingKind.SESSION, HeadingKind.STRUCTURAL, HeadingKind.SEGMENT) or section.number in beside:
                in_segment = kind is HeadingKind.SEGMENT
            if section is passage.section:
                break
        if passage.number in opened:
            current, in_segment = SessionRef(year, opened[passage.number]), False
        elif segment_row(passage) is not None:  # a programme row of the opening or closing ends the session
            current, in_segment = None, True
        row = row_session(passage.text, vocabulary)
        if row is not None:
            sessions[passage.number] = SessionRef(year, row)
        elif current or (default and not in_segment and not told):  # the opening and closing are no session's
            sessions[passage.number] = current or default  # type: ignore[assignment]
    return sessions


def passage_segments(segmented: Segmented, year: int | None) -> dict[int, SegmentRef]:
    """Passage number → the opening or closing segment it reports, for passages under a segment heading
    (until the next session, segment or structural heading), and from a programme row of the segment to the next
    row or heading."""
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
    found: dict[int, SegmentRef] = {}
    row: SegmentRef | None = None  # the segment a programme row opened, until the next row or heading
    row_section: Section | None = None
    for passage in segmented.passages:
        kind = segment_row(passage)
        if kind is not None or TIME_SLOT.match(passage.text) or (row and passage.section is not row_section):
            row = SegmentRef(year, kind) if kind is not None else None
            row_section = passage.section
        segment = row or (by_section.get(passage.section.number) if passage.section is not None else None)
        if segment is not None:
            found[passage.number] = segment
    return found


def _passage_objectives(passage: Passage, vocabulary: SessionVocabulary) -> list[tuple[int | None, list[int]]]:
    """(session the passage names, or None for its own session; objectives) for each statement of what a
    session covers: sentences naming a session, "offers space for discussion of …", "GCM objective N:" lines."""
    stated: list[tuple[int | None, list[int]]] = list(stated_sessions(passage.text, vocabulary))
    if not stated and (_OFFERED_SPACE.search(passage.text) or _OBJECTIVE_LINE.match(passage.text)):
        stated.append((None, objective_numbers(passage.text)))
    first = next(iter(sentences(_PARAGRAPH_NUMBER.sub("", passage.text))), (0, ""))[1]
    this_session = _this_session(vocabulary.noun).match(passage.text)
    if not stated and this_session and _covered(first, this_session.end()):
        stated.append((None, objective_numbers(first)))
    return stated


def session_objectives(
    segmented: Segmented,
    year: int | None,
    sessions: dict[int, SessionRef],
    vocabulary: SessionVocabulary | None = None,
) -> list[SessionObjectives]:
    """Every (session, objectives) statement of the document: headings, list items and passages
    (``vocabulary`` as for ``document_session``)."""
    if year is None:
        return []
    found: dict[SessionRef, list[int]] = {}
    for section in segmented.sections:
        if section.heading.kind is HeadingKind.SESSION and section.heading.number is not None:
            numbers = objective_numbers(section.heading.text)
            found.setdefault(SessionRef(year, section.heading.number), []).extend(numbers)
    vocabulary = _vocabulary(segmented, vocabulary)
    for passage in segmented.passages:
        for named, numbers in _passage_objectives(passage, vocabulary):
            session = SessionRef(year, named) if named is not None else sessions.get(passage.number)
            if session is not None and numbers:
                found.setdefault(session, []).extend(numbers)
    return [
        SessionObjectives(session, tuple(sorted(set(numbers))))
        for session, numbers in sorted(found.items(), key=lambda item: (item[0].year, item[0].number))
    ]

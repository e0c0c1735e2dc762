"""One document's text → everything the extractors find in it (see loaders/documents/README.md)."""

from __future__ import annotations

from dataclasses import dataclass, field

from gcmkg.loaders.documents.cleaning import clean
from gcmkg.loaders.documents.extract.attendance import attendance
from gcmkg.loaders.documents.extract.citations import citations
from gcmkg.loaders.documents.extract.contributions import contributions
from gcmkg.loaders.documents.extract.initiatives import initiatives
from gcmkg.loaders.documents.extract.objectives import objective_numbers
from gcmkg.loaders.documents.extract.participation import list_labels, participations, settled
from gcmkg.loaders.documents.extract.references import speaker_references
from gcmkg.loaders.documents.extract.segments import co_chairs_in_rows, segment_participations
from gcmkg.loaders.documents.extract.sessions import (
    document_session,
    passage_segments,
    passage_sessions,
    session_numbers,
    session_objectives,
)
from gcmkg.loaders.documents.extract.statistics import statistics
from gcmkg.loaders.documents.facts import (
    Attendance,
    Citation,
    Contribution,
    InitiativeFact,
    Participation,
    SessionObjectives,
    SessionRef,
    Statistic,
)
from gcmkg.loaders.documents.headings import HeadingKind
from gcmkg.loaders.documents.matcher import Entity, Kind, Match, Matcher
from gcmkg.loaders.documents.mentions import mentions
from gcmkg.loaders.documents.metadata import ONE_SESSION_KINDS, DocumentMeta, describe, masthead, settled_kind
from gcmkg.loaders.documents.reading import UnreadableDocument
from gcmkg.loaders.documents.segmenting import Passage, Segmented, segment
from gcmkg.loaders.documents.sessionnames import session_vocabulary
from gcmkg.loaders.table import Row

#: Documents written before a session: they say who will take part, not what was presented.
PREPARATORY_KINDS = ("background-note", "agenda")


@dataclass
class DocumentFacts:
    meta: DocumentMeta
    segmented: Segmented
    session: SessionRef | None = None
    sessions: list[SessionObjectives] = field(default_factory=list)
    passage_sessions: dict[int, SessionRef] = field(default_factory=dict)
    mentions: dict[int, list[Match]] = field(default_factory=dict)
    objectives: dict[int, list[int]] = field(default_factory=dict)
    participations: list[Participation] = field(default_factory=list)
    contributions: list[Contribution] = field(default_factory=list)
    attendance: list[Attendance] = field(default_factory=list)
    initiatives: list[InitiativeFact] = field(default_factory=list)
    statistics: list[Statistic] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)


def _passage_objectives(passage: Passage) -> list[int]:
    """Objectives a passage is about: its "Objective N: …" section, then those it names."""
    numbers = []
    if passage.section and passage.section.heading.kind is HeadingKind.OBJECTIVE and passage.section.heading.number:
        numbers.append(passage.section.heading.number)
    return numbers + [n for n in objective_numbers(passage.text) if n not in numbers]


def _check_structure(segmented: Segmented, meta: DocumentMeta) -> None:
    if not segmented.passages:
        raise UnreadableDocument("no text left after cleaning")
    if not segmented.sections and meta.year is None and not any(p.refs for p in segmented.passages):
        raise UnreadableDocument("no recognisable structure (no headings, no review date, no footnotes)")


def extract(identifier: str, raw: str, row: Row | None, matcher: Matcher) -> DocumentFacts:
    """Clean, segment and extract one document; UnreadableDocument if it has no recognisable structure."""
    vocabulary = session_vocabulary(raw)  # the nouns of its sessions, for its headings too
    segmented = segment(clean(raw, vocabulary))
    vocabulary = vocabulary.numbered(segmented.text)
    meta = describe(identifier, segmented, row, vocabulary)
    _check_structure(segmented, meta)
    title = meta.title if meta.kind in ONE_SESSION_KINDS else ""  # a title naming the one session it is about
    session = document_session(segmented, meta.year, title, vocabulary)
    meta = settled_kind(meta, session is not None)
    facts = DocumentFacts(meta, segmented, session=session)
    year = meta.year
    by_passage = facts.passage_sessions = passage_sessions(segmented, year, title, vocabulary)
    # a passage that tells a session ("Panel 2 followed, …") has left the opening segment
    by_segment = {n: s for n, s in passage_segments(segmented, year).items() if n not in by_passage}
    facts.sessions = session_objectives(segmented, year, by_passage, vocabulary)
    review_sessions = [SessionRef(year, n) for n in session_numbers(segmented, vocabulary)] if year is not None else []
    title_lines = masthead(segmented)
    labels = list_labels(segmented.passages)
    last_fund: Entity | None = None  # "the Fund" of a passage that names none: the fund named last before it
    for passage in segmented.passages:
        local = [] if passage.number in title_lines else mentions(passage.text, matcher)
        facts.mentions[passage.number] = [m.shifted(passage.start) for m in local]
        facts.objectives[passage.number] = _passage_objectives(passage)
        session = by_passage.get(passage.number)
        facts.participations += participations(
            passage,
            session,
            review_sessions,
            matcher,
            meta.kind not in PREPARATORY_KINDS,
            labels.get(passage.number, ""),
            vocabulary,
        )
        if year is not None and session is None and passage.number not in by_segment:
            facts.contributions += contributions(passage, year, local)
        if passage.number in by_segment:
            facts.participations += segment_participations(passage, by_segment[passage.number], matcher)
        facts.attendance += attendance(passage, year, matcher)
        facts.initiatives += initiatives(passage, local, tuple(facts.objectives[passage.number]), last_fund)
        last_fund = next((m.entity for m in reversed(local) if m.entity.kind is Kind.FUND), last_fund)
        facts.statistics += statistics(passage, local)
    for passage in segmented.passages:
        session = by_passage.get(passage.number)
        if session is not None:
            facts.mentions[passage.number] = sorted(
                facts.mentions[passage.number] + speaker_references(passage, session, facts.participations, matcher),
                key=lambda match: (match.start, match.end),
            )
    for passage in segmented.passages:
        if passage.number in by_segment:
            facts.participations += co_chairs_in_rows(passage, by_segment[passage.number], facts.participations)
    facts.participations = settled(facts.participations)
    facts.citations = citations(
        identifier, segmented.footnotes, segmented.passages, facts.mentions, facts.initiatives, facts.statistics
    )
    return facts

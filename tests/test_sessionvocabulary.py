"""Session nouns a document announces (loaders/documents/sessionnames.py): texts written for these tests, with
nouns neither the corpus nor the held-out sets use for sessions; every expected value worked out by hand."""

from __future__ import annotations

import pytest

from gcmkg.graph.core import ids
from gcmkg.loaders.documents.cleaning import clean
from gcmkg.loaders.documents.extract.narrated import narrated_participations
from gcmkg.loaders.documents.extract.sessions import passage_sessions, session_objectives, stated_sessions
from gcmkg.loaders.documents.extraction import extract
from gcmkg.loaders.documents.facts import SessionRef
from gcmkg.loaders.documents.headings import HeadingKind, classify
from gcmkg.loaders.documents.matcher import Matcher
from gcmkg.loaders.documents.metadata import title_and_kind
from gcmkg.loaders.documents.segmenting import Passage, segment
from gcmkg.loaders.documents.sessionnames import DEFAULT_VOCABULARY, announced_nouns, session_vocabulary


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("The Forum met in three thematic workshops. Workshop II looked at labour mobility.", "workshop"),
        ("Over two days the meeting ran 5 tracks in parallel. Track 3 was the busiest.", "track"),
        ("The programme grouped the debate into four clusters. Cluster C closed the first day.", "cluster"),
        ("Six clinics were held at the Review. In Clinic Two, delegates compared return data.", "clinic"),
        ("The conference was organised around two policy streams; the second stream met on Friday.", "stream"),
        ("Three listening circles were convened. Circle One heard from diaspora groups.", "circle"),
        ("The Forum held three policy laboratories. Laboratory II was moderated by a minister.", "laboratory"),
    ],
)
def test_a_document_announces_the_noun_its_sessions_go_by(text: str, noun: str) -> None:
    assert announced_nouns(text) == (noun,)


@pytest.mark.parametrize(
    "text",
    [
        # numbered parts of a document, of its reasoning or of time, even counted in a sentence about a meeting
        "The Review's seven takeaways follow. Takeaway one: data matter. Takeaway seven: nobody acts alone.",
        "The meeting answered three questions. Q1. Who pays? Q2. Who decides?",
        "The Review covered four objectives. Objective 7 was first.",
        "The meeting report has two annexes. Annex II lists the participants.",
        "The Forum's data fill three tables. Table 3 gives the remittances.",
        "Four figures from the meeting follow. Figure 2 shows arrivals.",
        "The Review's findings fill five chapters. Chapter 4 is on return.",
        "The conference lasted two days. Day 1 was devoted to labour.",
        "The Review's report carries three notes. Note 1: https://example.org",
        "The meeting adopted six paragraphs. Paragraph 5 is on detention.",
        "The agenda of the meeting has four items. Item 3 is the closing.",
        "The programme ran in three phases. Phase 2 was held in 2031.",
        "The negotiations at the Forum took four rounds. Round 2 ended in March.",
        # a noun counted and numbered, but never in a sentence about a meeting
        "The shelter has four wings. Wing 2 houses families.",
        # counted about a meeting, but never named by a number
        "The Forum held three workshops on skills.",
        # named by a number, but never counted
        "The Forum met in Hall B. Workshop 2 took up labour mobility.",
        # a plural that is a known noun's, or that only looks like an unknown one's ("tables" is no "tabl")
        "The Forum was organised in four round tables. The second of the four round tables covered return.",
        # an ordinal with a count between is no sequence number
        "The meeting's programme lists five entries. The first three entries were speeches.",
        # the nouns always known are no announced nouns
        "The Review was organised in four panels. Panel 2 covered return.",
    ],
)
def test_numbered_things_that_are_no_sessions_are_not_announced(text: str) -> None:
    assert announced_nouns(text) == ()


def test_the_vocabulary_numbers_the_sessions_by_the_announced_noun() -> None:
    text = (
        "The Forum was built around three clinics, lettered A to C. Clinic B took up objectives 4 and 5. "
        "The last of the Forum's three clinics addressed objectives 20 and 21."
    )
    vocabulary = session_vocabulary(text)
    assert vocabulary.nouns[-1] == "clinic"
    assert (vocabulary.last, vocabulary.lettered) == (3, True)
    assert list(stated_sessions(text, vocabulary)) == [(2, [4, 5]), (3, [20, 21])]
    assert list(stated_sessions(text, DEFAULT_VOCABULARY)) == []  # the default knows no clinic


def test_the_default_nouns_stay_on_beside_the_announced_ones() -> None:
    vocabulary = session_vocabulary("The meeting held four workshops. Workshop 1 was on data.")
    text = "Panel 2 addressed objectives 3 and 4. Workshop Three covered objectives 8 and 9."
    assert list(stated_sessions(text, vocabulary)) == [(2, [3, 4]), (3, [8, 9])]


def test_headings_and_anaphora_use_the_announced_noun() -> None:
    vocabulary = session_vocabulary("The event ran in two tracks. Track One opened it.")
    heading = classify("Track Two", vocabulary=vocabulary)
    assert heading is not None and (heading.kind, heading.number) == (HeadingKind.SESSION, 2)
    assert classify("Track Two") is not None and classify("Track Two").kind is HeadingKind.TITLE  # type: ignore[union-attr]
    roman = classify("Track III", vocabulary=vocabulary)
    assert roman is not None and (roman.kind, roman.number) == (HeadingKind.SESSION, 3)
    text = (
        "Overview\n\nThe event ran in two tracks.\n\nTrack One\n\nThis track reviewed objectives 6 and 7.\n\n"
        "Track Two\n\nIt was a lively exchange."
    )
    segmented = segment(clean(text, vocabulary))
    by_passage = passage_sessions(segmented, 2031, "", vocabulary)
    found = session_objectives(segmented, 2031, by_passage, vocabulary)
    assert {(s.session.number, s.objectives) for s in found} == {(1, (6, 7)), (2, ())}  # a heading with none
    assert sorted({ref.number for ref in by_passage.values()}) == [1, 2]


def test_prose_roles_read_the_announced_noun(matcher: Matcher) -> None:
    vocabulary = session_vocabulary("The Forum met in three clinics. Clinic 1 came first.")
    text = "The clinic was convened by UNICEF and the ILO, and Ms. Hanne Vestergaard facilitated the clinic."
    found = narrated_participations(
        Passage(1, text, 0, len(text), None), SessionRef(2031, 1), matcher, True, vocabulary
    )
    roles = {(p.role, ids.local_path(p.agent.iri)) for p in found}
    assert ("lead-organiser", "organisation/unicef") in roles
    assert ("lead-organiser", "organisation/ilo") in roles
    assert ("moderator", "person/hanne-vestergaard") in roles
    heard = "Clinic Two first heard Portugal and Chile."
    found = narrated_participations(
        Passage(1, heard, 0, len(heard), None), SessionRef(2031, 2), matcher, True, vocabulary
    )
    assert {(p.role, ids.local_path(p.agent.iri)) for p in found} == {
        ("presenter", "state/PRT"),
        ("presenter", "state/CHL"),
    }


def test_a_summary_of_a_session_by_the_announced_noun_is_a_session_summary() -> None:
    vocabulary = session_vocabulary("The Forum held four workshops. Workshop II met on Monday.")
    assert title_and_kind("Key messages: Workshop II", vocabulary)[1] == "session-summary"
    assert title_and_kind("Key messages: Workshop II")[1] == "summary"
    assert title_and_kind("Framing note for the Forum")[1] == "background-note"


def test_a_document_is_read_with_the_nouns_it_announces(matcher: Matcher) -> None:
    raw = (
        "Outcome report of the Forum on Migration\n\nVienna, 3 and 4 June 2031\n\n"
        "The Forum met in two workshops, counted in the order in which they met.\n\n"
        "Workshop One\n\nWorkshop One turned to objectives 2 and 3. Mr. Tomas Lindqvist of UNHCR moderated.\n\n"
        "Workshop Two\n\nThe second of the Forum's two workshops covered objectives 9 and 10.\n"
    )
    facts = extract("forum", raw, None, matcher)
    assert facts.meta.kind == "report"
    assert {(s.session.number, s.objectives) for s in facts.sessions} == {(1, (2, 3)), (2, (9, 10))}
    moderators = {(p.event.number, ids.local_path(p.agent.iri)) for p in facts.participations if p.role == "moderator"}
    assert moderators == {(1, "person/tomas-lindqvist")}


def _sessions_by_text(text: str) -> dict[str, int]:
    vocabulary = session_vocabulary(text)
    segmented = segment(clean(text, vocabulary))
    by_passage = passage_sessions(segmented, 2031, "", vocabulary)
    return {p.text: by_passage[p.number].number for p in segmented.passages if p.number in by_passage}


def test_a_heading_beside_flat_session_sections_ends_the_last_session() -> None:
    text = (
        "The Forum met in two workshops.\n\nWorkshop One\n\nWorkshop One covered objectives 2 and 3.\n\n"
        "Workshop Two\n\nIt was lively.\n\nBudget\n\nThe budget grew."
    )
    assert _sessions_by_text(text) == {"Workshop One covered objectives 2 and 3.": 1, "It was lively.": 2}


def test_a_heading_after_the_last_session_stays_in_it_where_sessions_have_sub_headings() -> None:
    text = (
        "The Forum met in two workshops.\n\nWorkshop One\n\nWorkshop One covered objectives 2 and 3.\n\n"
        "Main points\n\nWages rose.\n\nWorkshop Two\n\nIt was lively.\n\nMain points\n\nThe budget grew."
    )
    assert _sessions_by_text(text) == {
        "Workshop One covered objectives 2 and 3.": 1,
        "Wages rose.": 1,
        "It was lively.": 2,
        "The budget grew.": 2,
    }

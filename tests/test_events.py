"""Events of a review (loaders/documents/extract/segments.py, contributions.py, references.py, and attendance
"represented by"), on a report written for these tests in phrasings the corpus does not use; expected values
worked out by hand."""

from __future__ import annotations

import pytest

from gcmkg.graph.core import ids
from gcmkg.loaders.documents.extraction import DocumentFacts, extract
from gcmkg.loaders.documents.facts import Participation, SegmentRef, SessionRef
from gcmkg.loaders.documents.headings import HeadingKind, classify
from gcmkg.loaders.documents.matcher import Matcher
from gcmkg.loaders.reference import load_reference

REPORT = """\
Report of the third Regional Review, Geneva, 14 May 2026

I. Opening segment

1. In his welcoming remarks, the Minister of Interior of Georgia, H.E. Mr. Levan Kiknadze, stressed the value of data.
2. Ms. Ana Ruiz, on behalf of the Director-General of the International Labour Organization, Mr. Tomas Berg, \
recalled the standards on recruitment.
3. In a keynote address, Ms. Hana Ito, Special Envoy of the Organization for Security and Co-operation in Europe, \
presented the findings of the youth consultation.
4. The African Union was represented by the African Union Commission and the Permanent Observer Mission of the \
African Union in Geneva.

II. Thematic sessions

A. Session 3

Member State Speaker: Norway

6. The member State speaker opening the session noted that returns had doubled.

7. During the youth consultation, participants were reminded by UNICEF of the need for child-friendly procedures.

III. Closing of the meeting

8. The Executive Director of the United Nations Children's Fund and Chair of the Working Group, Nadia Coll, \
thanked all participants.
"""


@pytest.fixture(scope="module")
def facts() -> DocumentFacts:
    matcher = Matcher.from_graphs(source.graph for source in load_reference())
    return extract("report-2026", REPORT, None, matcher)


def _key(iri: object) -> str:
    return ids.local_path(str(iri))


def _rows(participations: list[Participation]) -> set[tuple[str, str, str, tuple[str, ...]]]:
    return {
        (
            p.event.kind if isinstance(p.event, SegmentRef) else str(p.event.number),
            _key(p.agent.iri),
            p.role,
            tuple(_key(a.iri) for a in p.agent.affiliations),
        )
        for p in participations
    }


def test_segment_headings() -> None:
    assert classify("I. Opening segment").segment == "opening"  # type: ignore[union-attr]
    assert classify("Closing of the meeting").kind is HeadingKind.SEGMENT  # type: ignore[union-attr]
    assert classify("Closing the gap between data and policy").kind is HeadingKind.TITLE  # type: ignore[union-attr]


def test_who_spoke_in_the_opening_and_closing_and_in_which_role(facts: DocumentFacts) -> None:
    segments = [p for p in facts.participations if isinstance(p.event, SegmentRef)]
    assert _rows(segments) == {
        ("opening", "person/levan-kiknadze", "opening-remarks", ("state/GEO",)),
        ("opening", "person/ana-ruiz", "opening-remarks", ()),
        ("opening", "person/tomas-berg", "on-behalf-of", ("organisation/ilo",)),
        ("opening", "person/hana-ito", "keynote", ("organisation/osce",)),
        ("closing", "person/nadia-coll", "closing-remarks", ("organisation/unicef",)),
    }
    (spoken,) = [p for p in segments if p.role == "on-behalf-of"]
    assert spoken.via is not None and _key(spoken.via.iri) == "person/ana-ruiz"
    (speaker,) = [p for p in segments if _key(p.agent.iri) == "person/ana-ruiz"]
    assert [_key(a.iri) for a in speaker.on_behalf_of] == ["person/tomas-berg"]


def test_the_member_state_speaker_is_the_session_speaker(facts: DocumentFacts) -> None:
    assert ("3", "state/NOR", "speaker", ()) in _rows(facts.participations)
    (passage,) = [p for p in facts.segmented.passages if "opening the session noted" in p.text]
    mentioned = [(m.surface, _key(m.entity.iri)) for m in facts.mentions[passage.number]]
    assert mentioned == [("The member State speaker", "state/NOR")]


def test_a_contribution_in_a_forum_without_a_session(facts: DocumentFacts) -> None:
    # paragraph 7 stands under Session 3, so it is that session's; the same words outside a session are a
    # contribution to the review
    assert facts.contributions == []
    outside = REPORT.replace("A. Session 3\n\nMember State Speaker: Norway\n\n", "")
    matcher = Matcher.from_graphs(source.graph for source in load_reference())
    found = extract("report-2026", outside, None, matcher).contributions
    assert [(c.year, _key(c.agent.iri), c.forum) for c in found] == [
        (2026, "organisation/unicef", "youth consultation")
    ]


def test_attendance_through_representing_bodies(facts: DocumentFacts) -> None:
    attended = {_key(a.agent.iri) for a in facts.attendance}
    assert attended == {
        "organisation/african-union",
        "organisation/african-union-commission",
        "organisation/permanent-observer-mission-of-the-african-union-in-geneva",
    }


def test_sessions_still_take_their_participants(facts: DocumentFacts) -> None:
    assert any(isinstance(p.event, SessionRef) and p.event.number == 3 for p in facts.participations)


SECOND_REPORT = """\
Report of the fourth Regional Review, Vienna, 3 June 2028

I. Attendance

1. Also in attendance were the Council of Europe and the Organization for Security and Co-operation in Europe. \
Switzerland participated as an observer. Delegates from several capitals took part.
2. The European Union was represented by the European Commission, through its Directorate-General for Migration \
and Home Affairs (DG HOME), and by Frontex.

II. Opening of the meeting

3. The keynote statement was given by Dr. Lena Park of the International Centre for Migration Policy \
Development (ICMPD). Dr. Park warned against complacency.
4. Mr. Omar Haddad, Chief of Staff of IOM, read a statement on behalf of the Director General, Ms. Rita Lowe.

III. Thematic sessions

A. Session 1

Member State Speaker: Prof. Jan Novak, Chief Economist, Ministry of Labour and Social Affairs, Czechia

5. The delegate of Armenia, Ms. Anna Petrosyan, exercised the right of reply.
"""


@pytest.fixture(scope="module")
def second() -> DocumentFacts:
    matcher = Matcher.from_graphs(source.graph for source in load_reference())
    return extract("report-2028", SECOND_REPORT, None, matcher)


def test_attendance_said_in_other_words(second: DocumentFacts) -> None:
    assert {_key(a.agent.iri) for a in second.attendance} == {
        "organisation/council-of-europe",
        "organisation/osce",
        "state/CHE",
        "organisation/european-union",
        "organisation/european-commission",
        "organisation/dg-home",
        "organisation/frontex",
    }


def test_a_passive_keynote_and_a_person_spoken_for_after_the_verb(second: DocumentFacts) -> None:
    segments = [p for p in second.participations if isinstance(p.event, SegmentRef)]
    assert _rows(segments) == {
        ("opening", "person/lena-park", "keynote", ("organisation/icmpd",)),
        ("opening", "person/omar-haddad", "opening-remarks", ("organisation/iom",)),
        # the Director General's title names nothing: she shares the organisation of who spoke for her
        ("opening", "person/rita-lowe", "on-behalf-of", ("organisation/iom",)),
    }


def test_speakers_named_with_their_state(second: DocumentFacts) -> None:
    sessions = [p for p in second.participations if isinstance(p.event, SessionRef) and p.role != "co-chair"]
    assert _rows(sessions) == {
        ("1", "person/jan-novak", "speaker", ("state/CZE",)),
        ("1", "state/CZE", "speaker", ()),
        ("1", "person/anna-petrosyan", "right-of-reply", ("state/ARM",)),
        ("1", "state/ARM", "right-of-reply", ()),
    }


def test_a_surname_a_statement_that_follows_and_a_session_told_after_the_opening() -> None:
    text = (
        "Report of the Forum, Geneva, 3 March 2031\n\nI. Opening\n\n"
        "Ms. Ines Varga Ott, Minister of Justice of Hungary, opened the Forum. Mr. Piet Maes, chairing the "
        "board of UNFPA, followed with a brief statement.\n\n"
        "Overview of the day\n\n"
        "Working Group 1 looked at objectives 7 and 9. Its moderator, Prof. Anna Lee of the OSCE, opened it.\n\n"
        "II. Closing\n\nMs. Ott thanked the interpreters.\n"
    )
    matcher = Matcher.from_graphs(source.graph for source in load_reference())
    assert _rows(extract("forum-2031", text, None, matcher).participations) == {
        ("opening", "person/ines-varga-ott", "opening-remarks", ("state/HUN",)),
        ("opening", "person/piet-maes", "opening-remarks", ("organisation/unfpa",)),
        ("1", "person/anna-lee", "moderator", ("organisation/osce",)),
        ("closing", "person/ines-varga-ott", "closing-remarks", ("state/HUN",)),
    }


PROGRAMME = """\
Third Regional Forum on Mobility — Programme

Quito, 2-3 March 2031

The Forum is co-chaired by Ms. Paula Ríos, Vice-Minister of Foreign Affairs of Ecuador, and Mr. Jon Aas, \
State Secretary of Norway.

09:00-09:45 Opening session, Main Hall

Welcome:
– Ms. Paula Ríos, Vice-Minister, Ecuador
– Dr. Omar Haddad, Director, International Labour Organization, for the Regional Network

10:00-12:00 Panel 1: Data (objectives 1 and 3)

Organisers: OECD and UNFPA

17:00-17:30 Closing session: the Co-Chairs; reading of the summary by Mr. Ivan Petrov
"""


def test_a_programme_row_opens_the_segment_and_its_rows_name_who_takes_the_floor() -> None:
    matcher = Matcher.from_graphs(source.graph for source in load_reference())
    found = extract("programme-2031", PROGRAMME, None, matcher)
    assert found.meta.kind == "agenda"
    rows = {
        (p.event.kind, _key(p.agent.iri), tuple(_key(a.iri) for a in p.agent.affiliations))
        for p in found.participations
        if isinstance(p.event, SegmentRef)
    }
    assert rows == {
        ("opening", "person/paula-rios", ("state/ECU",)),
        ("opening", "person/omar-haddad", ("organisation/ilo",)),  # not the Network he speaks for
        ("closing", "person/paula-rios", ("state/ECU",)),
        ("closing", "person/jon-aas", ("state/NOR",)),
        ("closing", "person/ivan-petrov", ()),
    }
    leads = {_key(p.agent.iri) for p in found.participations if p.role == "lead-organiser"}
    assert leads == {"organisation/oecd", "organisation/unfpa"}

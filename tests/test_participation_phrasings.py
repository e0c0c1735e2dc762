"""Participation told in further phrasings (the chair shared or held through a person, "curated by", "in the
lead", labelled lines of leads and of the member States' first word, a person in brackets after their State,
statements carrying others' signatures, "the voice of", minutes lines of a reply): sentences written for these
tests, in phrasings neither the corpus nor the held-out sets use; every expected value worked out by hand."""

from __future__ import annotations

import pytest

from gcmkg.graph.core import ids
from gcmkg.loaders.documents.extract.agents import resolve_list
from gcmkg.loaders.documents.extract.participation import participations
from gcmkg.loaders.documents.extract.segments import segment_participations
from gcmkg.loaders.documents.extract.sentences import sentences
from gcmkg.loaders.documents.facts import SegmentRef, SessionRef
from gcmkg.loaders.documents.matcher import Matcher
from gcmkg.loaders.documents.segmenting import Passage
from tests.test_narrated import roles_of

SESSION = SessionRef(2033, 3)
OTHER = SessionRef(2033, 1)


def _told(text: str, matcher: Matcher, presenters: bool = True) -> set[tuple[str, str, str]]:
    passage = Passage(1, text, 0, len(text), None)
    return roles_of(participations(passage, SESSION, [SESSION], matcher, presenters))


def test_states_that_shared_the_chair_co_chair_every_session(matcher: Matcher) -> None:
    text = "The Government of Austria welcomed the Forum to Vienna and shared the chair with Chile."
    passage = Passage(1, text, 0, len(text), None)
    found = {
        (p.event.number, ids.local_path(p.agent.iri), p.role)
        for p in participations(passage, None, [OTHER, SESSION], matcher)
    }
    assert found == {(n, state, "co-chair") for n in (1, 3) for state in ("state/AUT", "state/CHL")}


def test_the_chair_held_through_a_person_gives_the_person_and_the_state(matcher: Matcher) -> None:
    text = (
        "Austria sat in the chair through Mr. Lukas Gruber, Director-General for Consular Affairs, and Chile "
        "through Ms. Paz Rojas, Undersecretary of the Interior."
    )
    assert _told(text, matcher) == {
        ("co-chair", "person/lukas-gruber", ""),
        ("co-chair", "state/AUT", ""),
        ("co-chair", "person/paz-rojas", ""),
        ("co-chair", "state/CHL", ""),
    }


def test_closing_for_both_co_chairs_is_no_co_chair(matcher: Matcher) -> None:
    text = "Mr. Lukas Gruber brought the Forum to a close on behalf of both co-chairs."
    assert not any(role == "co-chair" for role, _, _ in _told(text, matcher))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The session was curated by UNHCR's bureau for Europe together with OHCHR.",
            {"organisation/unhcr", "organisation/ohchr"},
        ),
        ("During the morning, the ILO and UNDP were in the lead.", {"organisation/ilo", "organisation/undp"}),
        ("UNICEF and IOM are preparing the session jointly.", {"organisation/unicef", "organisation/iom"}),
        (
            "Session leads: UNFPA and the OECD, with UNESCO for the youth segment.",
            {"organisation/unfpa", "organisation/oecd", "organisation/unesco"},
        ),
    ],
)
def test_lead_organisers_in_new_phrasings(text: str, expected: set[str], matcher: Matcher) -> None:
    assert {agent for role, agent, _ in _told(text, matcher) if role == "lead-organiser"} == expected


def test_a_moderator_announced_in_the_future(matcher: Matcher) -> None:
    assert ("moderator", "person/anders-holm", "") in _told("Mr. Anders Holm of OSCE will moderate.", matcher, False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chile, represented by Ms. Paz Rojas, was the member-State discussant and spoke of return.",
            {("speaker", "person/paz-rojas", ""), ("speaker", "state/CHL", "")},
        ),
        (
            "The first member-State voice was Norway's, through Mr. Lars Dahl.",
            {("speaker", "person/lars-dahl", ""), ("speaker", "state/NOR", "")},
        ),
        ("Serbia opened for the member States.", {("speaker", "state/SRB", "")}),
        (
            "Mr. Anders Holm of OSCE will moderate, and Austria has agreed to speak as member-State discussant.",
            {("moderator", "person/anders-holm", ""), ("speaker", "state/AUT", "")},
        ),
        (
            "Opening for the member States: Albania, through Ms. Elira Hoxha, Minister of the Interior.",
            {("speaker", "person/elira-hoxha", ""), ("speaker", "state/ALB", "")},
        ),
    ],
)
def test_member_state_speakers_in_new_phrasings(
    text: str, expected: set[tuple[str, str, str]], matcher: Matcher
) -> None:
    assert _told(text, matcher) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chile (Ms. Paz Rojas) described its seasonal work scheme.",
            {("presenter", "person/paz-rojas", ""), ("presenter", "state/CHL", "")},
        ),
        (
            "Austria and Czechia talked about return counselling.",
            {("presenter", "state/AUT", ""), ("presenter", "state/CZE", "")},
        ),
        ("The Prague Process presented its new handbook through ICMPD.", {("presenter", "organisation/icmpd", "")}),
        (
            "Finland's statement on labour inspection carried the signatures of Estonia and Latvia.",
            {
                ("presenter", "state/FIN", ""),
                ("on-behalf-of", "state/EST", "state/FIN"),
                ("on-behalf-of", "state/LVA", "state/FIN"),
            },
        ),
        (
            "Denmark spoke as the voice of the Nordic group, that is for itself, Sweden and Finland.",
            {
                ("presenter", "state/DNK", ""),
                ("on-behalf-of", "state/SWE", "state/DNK"),
                ("on-behalf-of", "state/FIN", "state/DNK"),
            },
        ),
    ],
)
def test_presenters_and_those_spoken_for_in_new_phrasings(
    text: str, expected: set[tuple[str, str, str]], matcher: Matcher
) -> None:
    assert _told(text, matcher) == expected


def test_a_person_speaking_for_an_organisation_speaks_for_their_own(matcher: Matcher) -> None:
    found = _told("Mr. Tomas Berg, speaking for the ILO, asked for fair recruitment.", matcher)
    assert not any(role == "on-behalf-of" for role, _, _ in found)
    assert ("presenter", "organisation/ilo", "") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Right of reply: Armenia, in response to Azerbaijan.", {("right-of-reply", "state/ARM", "")}),
        (
            "A right of reply was exercised by Serbia following remarks by Albania.",
            {("right-of-reply", "state/SRB", "")},
        ),
        ("Cyprus reserved its right of reply but did not use it.", set()),
    ],
)
def test_rights_of_reply_in_new_phrasings(text: str, expected: set[tuple[str, str, str]], matcher: Matcher) -> None:
    assert _told(text, matcher) == expected


def test_an_acronym_ends_a_sentence_an_initial_does_not() -> None:
    text = "She chaired for the OECD. Chile spoke after J. K. Smith of the U.S. delegation."
    assert [sentence for _, sentence in sentences(text)] == [
        "She chaired for the OECD.",
        "Chile spoke after J. K. Smith of the U.S. delegation.",
    ]


def test_a_unit_of_a_known_body_is_the_body(matcher: Matcher) -> None:
    listed = resolve_list("UNHCR's regional bureau, the ILO", 0, matcher)
    assert [ids.local_path(agent.iri) for agent in listed] == ["organisation/unhcr", "organisation/ilo"]


def test_a_person_who_spoke_for_an_organisation_in_a_segment_is_affiliated_to_it(matcher: Matcher) -> None:
    text = "Ms. Ines Duarte spoke for the OECD and welcomed the delegations."
    found = segment_participations(Passage(1, text, 0, len(text), None), SegmentRef(2033, "opening"), matcher)
    assert [(p.role, ids.local_path(p.agent.iri)) for p in found] == [("opening-remarks", "person/ines-duarte")]
    assert [ids.local_path(a.iri) for a in found[0].agent.affiliations] == ["organisation/oecd"]

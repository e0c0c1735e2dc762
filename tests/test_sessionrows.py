"""Who took part in which session, read from a document that tables its sessions and lists who presented what
under labelled headings: a review written for these tests, with other labels, names and numbers than any document
of the corpus or the held-out sets; every expected value worked out by hand."""

from __future__ import annotations

import pytest

from gcmkg.graph.core import ids
from gcmkg.loaders.documents.extraction import DocumentFacts, extract
from gcmkg.loaders.documents.matcher import Matcher

_RAW = (
    "Chairs' summary of the Regional Review\n\nBelgrade, 3–4 May 2031\n\n"
    "Organisation\n\n"
    "Serbia hosted the Review and held its chairmanship jointly with Portugal. At the chairs' table Serbia was "
    "represented by Ms. Vesna Jankovic, State Secretary, and Portugal by Mr. Rui Matos, Ambassador.\n\n"
    "The Review met in three clinics, C1 on the first day and C2 and C3 on the second. They took up these "
    "objectives.\n\n"
    "C1 | Data and evidence | objectives 1, 3 and 17 | co-organised by UNFPA and UNICEF\n\n"
    "C2 | Labour | objectives 6 and 18 | convened by ILO\n\n"
    "C3 | Returns | objectives 21 and 9 | led by UNHCR and IOM\n\n"
    "C2: speakers and topics\n\n"
    "Member-State lead-in: Greece, by Mr. Nikos Pappas, Secretary-General for Migration\n\n"
    "Poland: a joint statement on seasonal work, read for Latvia and Lithuania as well as for Poland\n\n"
    "Mexico together with Chile: recognising skills across the region\n\n"
    "Malta, also for Cyprus: a shared register of employers\n\n"
    "Dr. Amina Yusuf, UNICEF: children left behind\n\n"
    "Key finding: most permits are tied to one employer.\n\n"
    "C3: speakers and topics\n\n"
    "Georgia (UNHCR): statelessness registration\n"
)


@pytest.fixture(scope="module")
def facts(matcher: Matcher) -> DocumentFacts:
    return extract("clinics", _RAW, None, matcher)


def _roles(facts: DocumentFacts, *roles: str) -> set[tuple[int, str, str, str]]:
    return {
        (p.event.number, ids.local_path(p.agent.iri), p.role, ids.local_path(p.via.iri) if p.via else "")
        for p in facts.participations
        if p.role in roles and hasattr(p.event, "number")
    }


def test_a_table_row_per_session_gives_its_objectives_and_lead_organisers(facts: DocumentFacts) -> None:
    assert {(s.session.number, s.objectives) for s in facts.sessions} == {
        (1, (1, 3, 17)),
        (2, (6, 18)),
        (3, (9, 21)),
    }
    assert _roles(facts, "lead-organiser") == {
        (1, "organisation/unfpa", "lead-organiser", ""),
        (1, "organisation/unicef", "lead-organiser", ""),
        (2, "organisation/ilo", "lead-organiser", ""),
        (3, "organisation/unhcr", "lead-organiser", ""),
        (3, "organisation/iom", "lead-organiser", ""),
    }


def test_a_chairmanship_held_jointly_gives_the_co_chairs_of_every_session(facts: DocumentFacts) -> None:
    chairs = {(number, agent) for number, agent, _, _ in _roles(facts, "co-chair")}
    agents = {"state/SRB", "state/PRT", "person/vesna-jankovic", "person/rui-matos"}
    assert chairs == {(number, agent) for number in (1, 2, 3) for agent in agents}


def test_labelled_lines_under_a_labelled_heading_give_the_speakers_and_presenters(facts: DocumentFacts) -> None:
    assert _roles(facts, "speaker") == {
        (2, "state/GRC", "speaker", ""),
        (2, "person/nikos-pappas", "speaker", ""),
    }
    assert _roles(facts, "presenter", "on-behalf-of") == {
        (2, "state/POL", "presenter", ""),
        (2, "state/LVA", "on-behalf-of", "state/POL"),
        (2, "state/LTU", "on-behalf-of", "state/POL"),
        (2, "state/MEX", "presenter", ""),
        (2, "state/CHL", "presenter", ""),
        (2, "state/MLT", "presenter", ""),
        (2, "state/CYP", "on-behalf-of", "state/MLT"),
        (2, "person/amina-yusuf", "presenter", ""),
        (2, "organisation/unicef", "presenter", ""),
        (3, "state/GEO", "presenter", ""),
        (3, "organisation/unhcr", "presenter", ""),
    }


_MESSAGES = (
    "Messages from Lab L2: Labour\n\nOslo, 2 May 2031\n\n"
    "The convenors of L2, UNHCR and UNICEF, agreed these messages. L2 was the second of the Forum's three labs.\n\n"
    "UNDP and UNFPA convene it together with the secretariat.\n\n"
    "Peru gives the member-State lead-in through Ms. Rosa Quispe of its Ministry of Labour.\n\n"
    "Chile gave the member-State lead-in. Mr. Pablo Soto said that the permits had doubled.\n\n"
    "Ecuador answered Peru under the right of reply, and Peru answered in turn.\n\n"
    "Bolivia asked for the floor on the same point but withdrew its request.\n"
)


@pytest.fixture(scope="module")
def messages(matcher: Matcher) -> DocumentFacts:
    return extract("lab-messages", _MESSAGES, None, matcher)


def test_messages_from_a_labelled_session_tell_its_convenors_speakers_and_replies(messages: DocumentFacts) -> None:
    assert messages.meta.kind == "session-summary"
    assert _roles(messages, "lead-organiser", "speaker", "right-of-reply") == {
        (2, "organisation/unhcr", "lead-organiser", ""),
        (2, "organisation/unicef", "lead-organiser", ""),
        (2, "organisation/undp", "lead-organiser", ""),
        (2, "organisation/unfpa", "lead-organiser", ""),
        (2, "state/PER", "speaker", ""),
        (2, "person/rosa-quispe", "speaker", ""),
        (2, "state/CHL", "speaker", ""),
        (2, "person/pablo-soto", "speaker", ""),
        (2, "state/ECU", "right-of-reply", ""),
        (2, "state/PER", "right-of-reply", ""),
    }
    assert not {p for p in messages.participations if p.agent.iri.endswith("/BOL")}

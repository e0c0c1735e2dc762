"""Sessions and participation told in prose (issue 18): sentences written for these tests, in phrasings the corpus
and the held-out fixtures do not use; every expected value worked out by hand."""

from __future__ import annotations

import pytest

from gcmkg.graph.core import ids
from gcmkg.loaders.documents.cleaning import clean
from gcmkg.loaders.documents.extract.narrated import narrated_participations
from gcmkg.loaders.documents.extract.participation import list_labels, participations, settled
from gcmkg.loaders.documents.extract.sessions import (
    document_session,
    passage_sessions,
    session_objectives,
    stated_sessions,
)
from gcmkg.loaders.documents.facts import Participation, SessionRef
from gcmkg.loaders.documents.matcher import Matcher
from gcmkg.loaders.documents.metadata import masthead, title_and_kind
from gcmkg.loaders.documents.segmenting import Passage, segment

SESSION = SessionRef(2030, 2)


def roles_of(found: list[Participation]) -> set[tuple[str, str, str]]:
    """(role, agent, via) of each participation, keys as in the gold: ``state/NOR``, ``person/…``."""
    return {
        (p.role, ids.local_path(p.agent.iri), ids.local_path(p.via.iri) if p.via is not None else "") for p in found
    }


def _told(text: str, matcher: Matcher, presenters: bool = True) -> set[tuple[str, str, str]]:
    return roles_of(narrated_participations(Passage(1, text, 0, len(text), None), SESSION, matcher, presenters))


# ------------------------------------------------------------------------------------------------- sessions


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Roundtable 2, devoted to objectives 12 and 13, opened with a film.", [(2, [12, 13])]),
        ("Session three examined objective 9 in depth.", [(3, [9])]),
        ("The 4th thematic session (objectives 16 through 18) closed the day.", [(4, [16, 17, 18])]),
        ("Objective 20 was dealt with in the fifth session.", [(5, [20])]),
        ("Session 1 looked at objectives 1 to 3, and session 2 at objectives 4 and 5.", [(1, [1, 2, 3]), (2, [4, 5])]),
        ("Working Group 3 dealt with objectives 7 and 8.", [(3, [7, 8])]),
        ("The fourth breakout group covered the sixth objective.", [(4, [6])]),
        ("Panel two, on objectives nineteen and twenty, met at noon.", [(2, [19, 20])]),
        ("The first of the Forum's three panels treated objectives 1 and 2.", [(1, [1, 2])]),
        ("Breakout Group IV looked at objectives 8 and 9.", [(4, [8, 9])]),
        ("Dialogue 3 was devoted to objective 12.", [(3, [12])]),
        ("The third of the five high-level panels explored objectives 6 and 7.", [(3, [6, 7])]),
        ("Panel 2 met after lunch. It examined objectives 4 and 19.", [(2, [4, 19])]),
    ],
)
def test_a_sentence_states_what_a_session_covered(sentence: str, expected: list[tuple[int, list[int]]]) -> None:
    assert list(stated_sessions(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "In session 2 Poland shared its work on objective 7 data.",  # an objective named in passing
        "The Review held its second session in Geneva.",  # no objective
        "The session two weeks later addressed objectives 1 and 2.",  # "two weeks", not session two
        "Panel C looked at objectives 8 and 9.",  # a letter, in a text that does not letter its sessions
        "Panel 2 met after lunch. Objectives 4 and 19 were absent. It examined objective 5.",  # "It": not the panel
    ],
)
def test_a_session_named_in_passing_states_nothing(sentence: str) -> None:
    assert list(stated_sessions(sentence)) == []


def _segmented(paragraphs: list[str]):  # type: ignore[no-untyped-def]
    return segment(clean("\n\n".join(paragraphs) + "\n"))


def test_prose_opens_sessions_and_a_passing_remark_or_a_list_opens_none() -> None:
    segmented = _segmented(
        [
            "I. Thematic debates",
            "1. The sessions were arranged as follows.",
            "- Session 1: objectives 1 and 2",
            "- Session 2: objectives 3 and 4",
            "2. Later that day, the session first heard Ukraine.",
            "3. Session 1 of the review centred on objectives 1 and 2. Ukraine spoke first.",
            "4. Data gaps remain; objectives 3 and 4 will come up again in the second session.",
            "5. Under the second session, which took up objectives 3 and 4, Chile spoke.",
            "6. Chile returned to the same point.",
            "II. Conclusions",
            "7. The Co-Chairs closed the meeting.",
        ]
    )
    by_passage = {
        p.text[:2]: session.number
        for p in segmented.passages
        if (session := passage_sessions(segmented, 2030).get(p.number))
    }
    assert by_passage == {"3.": 1, "4.": 1, "5.": 2, "6.": 2}
    assert document_session(segmented, 2030) is None


def test_the_last_session_is_the_number_the_document_announces_and_told_sessions_in_a_row_open() -> None:
    segmented = _segmented(
        [
            "II. The three working groups",
            "Working group 1 dealt with objectives 2 and 3. Chile chaired it.",
            "The next working group reviewed objectives 4 and 5. Peru spoke for it.",
            "The final working group addressed objectives 6 and 7. Mexico took the floor.",
        ]
    )
    by_passage = [passage_sessions(segmented, 2030).get(p.number) for p in segmented.passages]
    assert [s.number if s else None for s in by_passage] == [1, 1, 3]  # "the next" names no number


def test_sessions_lettered_in_order_are_numbered_by_their_letter() -> None:
    segmented = _segmented(
        [
            "1. Three working groups, labelled A through C, met in parallel.",
            "2. Working Group B reviewed objectives 5 and 6. Chile spoke first.",
            "3. Working Group C took up the following objectives:",
            "• Objective 10 – Prevent trafficking",
            "- GCM objective 11: Manage borders",
            "4. Peru closed the debate.",
        ]
    )
    sessions = passage_sessions(segmented, 2030)
    assert [s.number if (s := sessions.get(p.number)) else None for p in segmented.passages] == [None, 2, 3, 3, 3, 3]
    stated = session_objectives(segmented, 2030, sessions)
    assert [(s.session.number, s.objectives) for s in stated] == [(2, (5, 6)), (3, (10, 11))]
    note = _segmented(["Panel IV background paper", "Mexico will speak first on objective 20."])
    assert document_session(note, 2030, "Panel IV background paper") == SessionRef(2030, 4)
    lettered = _segmented(["Scoping paper for Panel D", "The last of the panels (A–D) takes up objective 8."])
    assert document_session(lettered, 2030, "Scoping paper for Panel D") == SessionRef(2030, 4)
    unlettered = _segmented(["Scoping paper for Panel D", "Mexico will speak first on objective 20."])
    assert document_session(unlettered, 2030, "Scoping paper for Panel D") is None


def test_a_title_names_the_session_of_a_note_or_summary() -> None:
    segmented = _segmented(["Issues paper for Breakout Group 4", "Kenya will speak first."])
    assert document_session(segmented, 2030, "Issues paper for Breakout Group 4") == SessionRef(2030, 4)
    assert document_session(segmented, 2030) is None


def test_a_summary_that_names_its_session_in_prose_is_about_it_throughout() -> None:
    segmented = _segmented(
        [
            "Co-Chairs' summary",
            "1. The third round table of the review was devoted to objectives 10 and 11.",
            "2. Georgia presented its referral system.",
        ]
    )
    assert document_session(segmented, 2030) == SessionRef(2030, 3)
    assert set(passage_sessions(segmented, 2030).values()) == {SessionRef(2030, 3)}


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        ("United Nations\n\nAnnotated provisional agenda\n\nItem 1. Opening", "agenda"),
        ("Item 4 of the provisional agenda\n\nChair's summary of the second thematic session", "session-summary"),
        ("Concept note\n\nRoundtable 3", "background-note"),
        ("Draft report of the Regional Review on its third session", "report"),
        ("Summary of the discussions", "summary"),
        ("Regional Review\n\nGeneva, 4 April 2030", "document"),
        ("Information note on the second working group", "background-note"),
        ("Scoping paper: Panel 2", "background-note"),
        ("Meeting report of the Forum", "report"),
        ("Outcome report", "report"),
        ("This report gathers what the Forum heard.", "document"),  # prose, not a title
        ("President's summary of Working Group 1", "session-summary"),
        ("Rapporteur's summary, Panel 5", "session-summary"),
        ("Fourth Migration Forum — Provisional programme", "agenda"),
        ("Programme of the Forum\n\nMonday", "agenda"),
        ("Joint programme on seasonal work", "document"),  # a programme of work, not of the meeting
        ("Policy brief: Working Group 2", "background-note"),
        ("Issue brief on return", "background-note"),
        ("Third Forum on Mobility: Chair's report", "report"),
        ("Regional Forum – General rapporteur's report", "report"),
        ("Breakout Group II: summary by the facilitator", "session-summary"),
    ],
)
def test_a_document_says_what_it_is_in_a_title_line(head: str, kind: str) -> None:
    assert title_and_kind(head)[1] == kind


def test_the_title_is_the_line_that_says_what_the_document_is() -> None:
    head = "Distr.: General\n\nEconomic and Social Council\n\nReport of the Review on its sixth session\n\n1. Text."
    assert title_and_kind(head) == ("Report of the Review on its sixth session", "report")


def test_the_masthead_is_the_short_leading_lines_up_to_the_first_sentence() -> None:
    segmented = _segmented(
        [
            "Note by the secretariat for the Dialogue on Labour Mobility in the Caucasus and Central Asia",
            "Baku and online, 2-3 June 2031",
            "Azerbaijan and Kazakhstan convened the dialogue. Canada observed it.",
            "Closing",
        ]
    )
    # the place and date line is a title heading here: the prose under it is no title line
    assert masthead(segmented) == {1}
    # under a title heading, the date line is a title line; the sentence after it is not
    with_date = _segmented(["Note by the secretariat", "Held in Baku and online on 2-3 June 2031 under item 4", "A."])
    assert [passage.text for passage in with_date.passages if passage.number in masthead(with_date)] == [
        "Held in Baku and online on 2-3 June 2031 under item 4"
    ]
    # prose from the first line: no masthead
    assert masthead(_segmented(["The dialogue met in Baku.", "Short line"])) == frozenset()


def test_moderator_after_moderated_by_and_before_moderator(matcher: Matcher) -> None:
    assert ("moderator", "person/lena-berg", "") in _told(
        "The exchange was moderated by Prof. Lena Berg, Chair of the Migration Policy Group.", matcher
    )
    assert ("moderator", "person/joao-silva", "") in _told(
        "Mr. João Silva of the International Labour Organization steered the debate as its moderator.", matcher
    )


def test_member_state_speaker_before_or_after_the_words(matcher: Matcher) -> None:
    assert _told("Ms. Ana Popescu, State Secretary for Labour of Romania, spoke as member State speaker.", matcher) == {
        ("speaker", "person/ana-popescu", ""),
        ("speaker", "state/ROU", ""),
    }
    assert _told("As member State speaker, Mr. Jonas Petraitis of Lithuania set out the questions.", matcher) == {
        ("speaker", "person/jonas-petraitis", ""),
        ("speaker", "state/LTU", ""),
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The round table was co-organized by UNFPA and the World Health Organization (WHO).", {"unfpa", "who"}),
        ("Under the joint leadership of OHCHR and UN Women, participants reviewed the data.", {"ohchr", "un-women"}),
        ("UNDP and the International Labour Organization served as lead organizers.", {"undp", "ilo"}),
        ("Working Group 2, on objective 5, had been convened by UNFPA.", {"unfpa"}),
        ("UNFPA and UNDP were the organizers of it.", {"unfpa", "undp"}),
        ("UNDP and UNFPA co-organised the working group.", {"undp", "unfpa"}),
        ("FAO and UNDP, which led the preparation of the round table, wrote the note.", {"fao", "undp"}),
    ],
)
def test_lead_organisers_in_three_constructions(matcher: Matcher, sentence: str, expected: set[str]) -> None:
    found = _told(sentence, matcher)
    assert {agent.removeprefix("organisation/") for role, agent, _ in found if role == "lead-organiser"} == expected
    assert {role for role, _, _ in found} == {"lead-organiser"}


def test_presenters_passive_active_and_as_did(matcher: Matcher) -> None:
    assert _told("Statements were delivered by Norway, Sweden and the OECD.", matcher) == {
        ("presenter", "state/NOR", ""),
        ("presenter", "state/SWE", ""),
        ("presenter", "organisation/oecd", ""),
    }
    assert _told("Greece and Cyprus then presented a joint project, as did UNICEF.", matcher) == {
        ("presenter", "state/GRC", ""),
        ("presenter", "state/CYP", ""),
        ("presenter", "organisation/unicef", ""),
    }


def test_spoken_for_in_a_parenthesis_an_apposition_and_a_main_clause(matcher: Matcher) -> None:
    assert _told("Finland (speaking also for Denmark) described its skills partnership.", matcher) == {
        ("presenter", "state/FIN", ""),
        ("on-behalf-of", "state/DNK", "state/FIN"),
    }
    assert _told("Malta, which spoke as well on behalf of Cyprus and Greece, urged more solidarity.", matcher) == {
        ("presenter", "state/MLT", ""),
        ("on-behalf-of", "state/CYP", "state/MLT"),
        ("on-behalf-of", "state/GRC", "state/MLT"),
    }
    assert _told("The delegate of Estonia also spoke on behalf of Latvia and Lithuania.", matcher) == {
        ("presenter", "state/EST", ""),
        ("on-behalf-of", "state/LVA", "state/EST"),
        ("on-behalf-of", "state/LTU", "state/EST"),
    }


def test_people_named_after_by_present_with_their_state(matcher: Matcher) -> None:
    found = narrated_participations(
        Passage(
            1,
            (
                text := "A joint presentation was given by Ms. Eva Novak, Director at the Ministry of the "
                "Interior of Slovenia, and Mr. Marko Horvat of Croatia."
            ),
            0,
            len(text),
            None,
        ),
        SESSION,
        matcher,
    )
    assert {
        (ids.local_path(p.agent.iri), tuple(ids.local_path(a.iri) for a in p.agent.affiliations)) for p in found
    } == {
        ("person/eva-novak", ("state/SVN",)),
        ("person/marko-horvat", ("state/HRV",)),
        ("state/SVN", ()),  # each presents through the person who speaks for it
        ("state/HRV", ()),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Participants referred to estimates of the ILO showing that fees absorbed three months of wages.",
        "Several delegations noted that Morocco and Spain cooperate closely.",  # not the subjects
        "The work of the Prague Process was cited by several delegations.",  # cited is not presented
    ],
)
def test_names_that_are_not_the_subject_of_speech_present_nothing(matcher: Matcher, sentence: str) -> None:
    assert {role for role, _, _ in _told(sentence, matcher)} <= {"speaker"}
    assert not any(role == "presenter" for role, _, _ in _told(sentence, matcher))


def test_a_person_presents_with_the_state_of_the_title_who_presents_through_them(matcher: Matcher) -> None:
    """The held-out keys agree: a named person who presents is a presenter, and so is the State or
    organisation the person speaks for (as a member State speaker and their State are both speakers)."""
    text = "Ms. Ana Popescu, State Secretary of Romania, stressed that pathways must be regular."
    found = narrated_participations(Passage(1, text, 0, len(text), None), SESSION, matcher)
    assert [
        (p.role, ids.local_path(p.agent.iri), [ids.local_path(a.iri) for a in p.agent.affiliations]) for p in found
    ] == [
        ("presenter", "person/ana-popescu", ["state/ROU"]),
        ("presenter", "state/ROU", []),
    ]
    text = "Mr. Ivo Horak of the International Labour Organization presented a study."
    assert _told(text, matcher) == {("presenter", "person/ivo-horak", ""), ("presenter", "organisation/ilo", "")}


def test_a_note_written_before_the_session_names_no_presenters(matcher: Matcher) -> None:
    assert _told("Austria introduced a points-based scheme in 2029.", matcher, presenters=False) == set()
    assert _told("Austria introduced a points-based scheme in 2029.", matcher) == {("presenter", "state/AUT", "")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Azerbaijan availed itself of its right of reply.", {"state/AZE"}),
        ("Before the meeting closed, the delegation of Armenia made use of its right of reply.", {"state/ARM"}),
    ],
)
def test_right_of_reply_in_other_words(matcher: Matcher, sentence: str, expected: set[str]) -> None:
    found = participations(Passage(1, sentence, 0, len(sentence), None), SESSION, [SESSION], matcher)
    assert {ids.local_path(p.agent.iri) for p in found if p.role == "right-of-reply"} == expected
    assert {p.role for p in found} == {"right-of-reply"}


def test_speaking_for_a_co_chair_is_not_being_one(matcher: Matcher) -> None:
    text = "Mr. Karl Weber delivered the closing remarks on behalf of the Co-Chair of Austria, Ms. Eva Gruber."
    found = participations(Passage(1, text, 0, len(text), None), None, [SESSION], matcher)
    assert roles_of(found) == {("co-chair", "person/eva-gruber", ""), ("co-chair", "state/AUT", "")}


def test_co_chairs_acting_through_people_and_a_co_chair_from_a_state(matcher: Matcher) -> None:
    text = (
        "The chairmanship was held jointly by Chile, acting through Mr. Tomás Rivas, Director of Consular Affairs, "
        "and Norway, acting through Ms. Ida Holm, Ambassador in Geneva, and the delegates welcomed both."
    )
    found = participations(Passage(1, text, 0, len(text), None), None, [SESSION], matcher)
    assert roles_of(found) == {
        ("co-chair", "state/CHL", ""),
        ("co-chair", "person/tomas-rivas", ""),
        ("co-chair", "state/NOR", ""),
        ("co-chair", "person/ida-holm", ""),
    }
    assert {ids.local_path(a.iri) for p in found if p.agent.person for a in p.agent.affiliations} == {
        "state/CHL",
        "state/NOR",
    }
    text = "Notes taken by the Co-Chair from Peru are appended."
    assert roles_of(participations(Passage(1, text, 0, len(text), None), None, [SESSION], matcher)) == {
        ("co-chair", "state/PER", "")
    }


def test_a_state_that_spoke_as_member_state_speaker_and_one_spoken_for_in_an_aside(matcher: Matcher) -> None:
    assert _told("Next, Chile intervened as member State speaker.", matcher) == {("speaker", "state/CHL", "")}
    assert _told("Peru, on behalf of several partners, set out a plan.", matcher) == {("presenter", "state/PER", "")}


def test_a_person_named_after_a_title_before_the_verb(matcher: Matcher) -> None:
    assert _told("Speaking for Norway, the head of its mission, Mr. Ola Dahl, described a pilot.", matcher) == {
        ("presenter", "person/ola-dahl", ""),
        ("presenter", "state/NOR", ""),
    }


def test_co_chairs_named_as_states_in_apposition(matcher: Matcher) -> None:
    text = "It was drafted by the Co-Chairs of the meeting, the Republic of Moldova and Norway; it binds no one."
    found = participations(Passage(1, text, 0, len(text), None), None, [SESSION], matcher)
    assert roles_of(found) == {("co-chair", "state/MDA", ""), ("co-chair", "state/NOR", "")}
    text = "The Co-Chairs thanked the interpreters, the secretariat and the technicians."
    assert participations(Passage(1, text, 0, len(text), None), None, [SESSION], matcher) == []


def test_presenters_run_through_a_name_that_is_no_agent_and_the_clause_after_a_list(matcher: Matcher) -> None:
    assert _told("UNHCR and the secretariat of the Budapest Process also made presentations.", matcher) == {
        ("presenter", "organisation/unhcr", "")
    }
    assert _told(
        "A statement was made by Chile on behalf of Peru, while Norway, also speaking for Iceland, described a pilot.",
        matcher,
    ) == {
        ("presenter", "state/CHL", ""),
        ("on-behalf-of", "state/PER", "state/CHL"),
        ("presenter", "state/NOR", ""),
        ("on-behalf-of", "state/ISL", "state/NOR"),
    }


def test_a_person_named_by_surname_is_the_person_named_in_full(matcher: Matcher) -> None:
    from gcmkg.loaders.documents.extraction import extract

    text = (
        "Report of the Review, Geneva, 2 May 2030\n\nII. Opening of the meeting\n\n"
        "1. H.E. Ms. Rosa Maria Lind, Minister of Labour of Sweden, opened the meeting. "
        "Ms. Maria Lind then stressed the value of data.\n"
    )
    people = {ids.local_path(p.agent.iri) for p in extract("r", text, None, matcher).participations if p.agent.person}
    assert people == {"person/rosa-maria-lind"}


def test_attendance_through_bodies_and_after_an_opening_clause(matcher: Matcher) -> None:
    from gcmkg.loaders.documents.extract.attendance import attendance

    def attendees(text: str) -> set[str]:
        return {ids.local_path(a.agent.iri) for a in attendance(Passage(1, text, 0, len(text), None), 2030, matcher)}

    assert attendees("Among the regional bodies, the OSCE and the Council of Europe were present.") == {
        "organisation/osce",
        "organisation/council-of-europe",
    }
    assert attendees(
        "The European Union participated through the European Commission, including its "
        "Directorate-General for Migration and Home Affairs (DG HOME), and through Frontex."
    ) == {
        "organisation/european-union",
        "organisation/european-commission",
        "organisation/dg-home",
        "organisation/frontex",
    }


def test_attendance_introduced_in_other_words(matcher: Matcher) -> None:
    from gcmkg.loaders.documents.extract.attendance import attendance

    def attendees(text: str) -> set[str]:
        return {ids.local_path(a.agent.iri) for a in attendance(Passage(1, text, 0, len(text), None), 2030, matcher)}

    assert attendees("Experts of the following countries were accredited for the meeting: Chile, Peru and Norway.") == {
        "state/CHL",
        "state/PER",
        "state/NOR",
    }
    assert attendees("Among the agencies, UNFPA and UNDP sent senior delegates as well as UNICEF.") == {
        "organisation/unfpa",
        "organisation/undp",
        "organisation/unicef",
    }
    assert attendees("Alongside these were the OSCE, represented by its secretariat, and Frontex.") == {
        "organisation/osce",
        "organisation/frontex",
    }
    assert attendees("From the start, the secretariat sent reminders to every delegation.") == set()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Poland took the floor for itself and for Czechia and Slovakia.",
            {
                ("presenter", "state/POL", ""),
                ("on-behalf-of", "state/CZE", "state/POL"),
                ("on-behalf-of", "state/SVK", "state/POL"),
            },
        ),
        (
            "Spain delivered a statement in the name of Andorra as well as its own.",
            {("presenter", "state/ESP", ""), ("on-behalf-of", "state/AND", "state/ESP")},
        ),
        (
            "A joint statement of Lithuania, Latvia and Estonia was read out by Lithuania.",
            {
                ("presenter", "state/LTU", ""),
                ("on-behalf-of", "state/LVA", "state/LTU"),
                ("on-behalf-of", "state/EST", "state/LTU"),
            },
        ),
        (
            "Austria's intervention was made in the name of Hungary as well, and Slovenia's in the name of Croatia.",
            {
                ("presenter", "state/AUT", ""),
                ("on-behalf-of", "state/HUN", "state/AUT"),
                ("presenter", "state/SVN", ""),
                ("on-behalf-of", "state/HRV", "state/SVN"),
            },
        ),
        (
            "Ireland, which spoke also for Belgium, Luxembourg and Malta, outlined a pilot.",
            {
                ("presenter", "state/IRL", ""),
                ("on-behalf-of", "state/BEL", "state/IRL"),
                ("on-behalf-of", "state/LUX", "state/IRL"),
                ("on-behalf-of", "state/MLT", "state/IRL"),
            },
        ),
        (
            "UNICEF, drawing on a survey of Albania and Kosovo, stressed that children need guardians.",
            {("presenter", "organisation/unicef", "")},
        ),
        (  # a group and its members in brackets, the speaker among them
            "The delegate of Malta, speaking for the Southern Five (Cyprus, Greece, Italy and Spain, and Malta "
            "itself), urged burden-sharing.",
            {
                ("presenter", "state/MLT", ""),
                ("on-behalf-of", "state/CYP", "state/MLT"),
                ("on-behalf-of", "state/GRC", "state/MLT"),
                ("on-behalf-of", "state/ITA", "state/MLT"),
                ("on-behalf-of", "state/ESP", "state/MLT"),
            },
        ),
        (  # a group, then its members restated
            "Romania, speaking for the Danube group, namely for Bulgaria and Serbia as well as itself, proposed a hub.",
            {
                ("presenter", "state/ROU", ""),
                ("on-behalf-of", "state/BGR", "state/ROU"),
                ("on-behalf-of", "state/SRB", "state/ROU"),
            },
        ),
        (
            "Chile, representing the Andean States (Peru and Bolivia besides itself), explained its visa.",
            {
                ("presenter", "state/CHL", ""),
                ("on-behalf-of", "state/PER", "state/CHL"),
                ("on-behalf-of", "state/BOL", "state/CHL"),
            },
        ),
        (  # a sub-paragraph mark, then the delegations named as such
            "(c) The delegation of Poland and the representatives of Belgium and Austria described their hotlines.",
            {("presenter", "state/POL", ""), ("presenter", "state/BEL", ""), ("presenter", "state/AUT", "")},
        ),
        (
            "Inputs were given by the delegates of Ireland and the WHO secretariat.",
            {("presenter", "state/IRL", ""), ("presenter", "organisation/who", "")},
        ),
    ],
)
def test_who_spoke_for_whom_in_more_words(matcher: Matcher, sentence: str, expected: set[tuple[str, str, str]]) -> None:
    assert _told(sentence, matcher) == expected


def test_the_state_before_a_speaker_whose_title_names_none(matcher: Matcher) -> None:
    text = "Finland, represented by Ms. Aino Virtanen, Director-General, was the member State speaker."
    assert _told(text, matcher) == {("speaker", "person/aino-virtanen", ""), ("speaker", "state/FIN", "")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It had been prepared by UNDP and OHCHR, and was moderated by Ms. Rita Hall.", {"undp", "ohchr"}),
        (
            "Its lead organizers were IOM and UNFPA, together with UNICEF, and its moderator was Mr. Al Reyes.",
            {"iom", "unfpa", "unicef"},
        ),
    ],
)
def test_lead_organisers_end_where_the_moderator_begins(matcher: Matcher, sentence: str, expected: set[str]) -> None:
    found = _told(sentence, matcher)
    assert {agent.removeprefix("organisation/") for role, agent, _ in found if role == "lead-organiser"} == expected


def test_right_of_reply_by_the_subjects_of_the_verbs(matcher: Matcher) -> None:
    text = (
        "At the close, Serbia asked for the floor in exercise of the right of reply, and Albania then responded, "
        "likewise exercising its right of reply."
    )
    found = participations(Passage(1, text, 0, len(text), None), SESSION, [SESSION], matcher)
    assert roles_of(found) == {("right-of-reply", "state/SRB", ""), ("right-of-reply", "state/ALB", "")}


def test_co_chairs_presiding_clause_by_clause_and_not_who_chaired_a_discussion(matcher: Matcher) -> None:
    text = (
        "For Ireland, the Forum was presided over by Ms. Áine Kelly, Secretary General of Justice; for Mexico, by "
        "Mr. Luis Ortega, Deputy Foreign Minister; the keynote was given by Dr. Ruth Adler."
    )
    assert roles_of(participations(Passage(1, text, 0, len(text), None), None, [SESSION], matcher)) == {
        ("co-chair", "state/IRL", ""),
        ("co-chair", "person/aine-kelly", ""),
        ("co-chair", "state/MEX", ""),
        ("co-chair", "person/luis-ortega", ""),
    }
    text = "Ms. Rosa Lind, a Co-Chair of the Forum, attended, and the debate was chaired by Mr. Pavel Novak."
    assert roles_of(participations(Passage(1, text, 0, len(text), None), None, [SESSION], matcher)) == {
        ("co-chair", "person/rosa-lind", "")
    }


def test_co_chairs_named_by_surname_chair_for_the_state_of_their_full_name(matcher: Matcher) -> None:
    segmented = _segmented(
        [
            "Ms. Eva Lund, Minister of Justice of Sweden, spoke as member State speaker.",
            "Both Governments shared the chair, represented there by Ms. Lund and Mr. Ruiz.",
        ]
    )
    passages = segmented.passages
    found = settled([p for passage in passages for p in participations(passage, SESSION, [SESSION], matcher)])
    assert roles_of(found) == {
        ("speaker", "person/eva-lund", ""),
        ("speaker", "state/SWE", ""),
        ("co-chair", "person/eva-lund", ""),
        ("co-chair", "state/SWE", ""),
        ("co-chair", "person/ruiz", ""),
    }


def test_labelled_programme_rows_and_a_list_of_speakers(matcher: Matcher) -> None:
    segmented = _segmented(
        [
            "Co-convenors: WHO · UNICEF (background note ECE/2031/INF.2)",
            "Facilitator: Ms. Maria Costa, Senior Fellow, International Labour Organization",
            "Member State lead speaker: Mr. Omar Aziz, Deputy Minister, Jordan",
            "Panellists:",
            "– Ms. Hanna Berg, Statistics Office, Finland, on behalf of the Baltic Sea States",
            "– Mr. Ali Khan, Chief of Section, UNHCR",
            "– Mr. Pieter Claes, Ministry of Justice, Netherlands (also for Belgium)",
            "Closing remarks",
        ]
    )
    labels = list_labels(segmented.passages)
    found = [
        p
        for passage in segmented.passages
        for p in participations(passage, SESSION, [], matcher, False, labels.get(passage.number, ""))
    ]
    assert roles_of(found) == {
        ("lead-organiser", "organisation/who", ""),
        ("lead-organiser", "organisation/unicef", ""),
        ("moderator", "person/maria-costa", ""),
        ("speaker", "person/omar-aziz", ""),
        ("speaker", "state/JOR", ""),
        ("presenter", "person/hanna-berg", ""),
        ("presenter", "state/FIN", ""),  # "the Baltic Sea States" names no State: no one spoken for
        ("presenter", "person/ali-khan", ""),
        ("presenter", "organisation/unhcr", ""),
        ("presenter", "person/pieter-claes", ""),
        ("presenter", "state/NLD", ""),
        ("on-behalf-of", "state/BEL", "state/NLD"),
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The exchange was facilitated by Ms. Nora Keane of the World Health Organization.",
            {("moderator", "person/nora-keane", "")},
        ),
        (
            "UNDP prepared the panel; the facilitator was Mr. Jan Olsen of UNICEF.",
            {("lead-organiser", "organisation/undp", ""), ("moderator", "person/jan-olsen", "")},
        ),
        ("Dr. Mia Roth of UNFPA will facilitate the panel.", {("moderator", "person/mia-roth", "")}),
        (
            "Peru spoke, with Ms. Ana Gil of IOM chairing the debate.",
            {("moderator", "person/ana-gil", ""), ("presenter", "state/PER", "")},
        ),
        (
            "Ms. Rosa Lind, a Co-Chair of the Forum, listened, and the exchange was chaired by Mr. Pavel Novak.",
            {("co-chair", "person/rosa-lind", ""), ("moderator", "person/pavel-novak", "")},
        ),
        (  # "facilitate" with no session or debate after it: no moderator
            "Ms. Ana Ruiz of Spain said that the hub would facilitate returns.",
            {("presenter", "person/ana-ruiz", ""), ("presenter", "state/ESP", "")},
        ),
        (
            "Mr. Kemal Arslan of Türkiye gave the lead statement for the member States.",
            {("speaker", "person/kemal-arslan", ""), ("speaker", "state/TUR", "")},
        ),
        (
            "The member-State view was given by Ms. Ida Berg, Minister for Migration of Sweden.",
            {("speaker", "person/ida-berg", ""), ("speaker", "state/SWE", "")},
        ),
        (
            "For Chile, Ms. Rosa Vidal, Under-Secretary of the Interior, opened the debate.",
            {("speaker", "person/rosa-vidal", ""), ("speaker", "state/CHL", "")},
        ),
        (  # who opens the debate for no State is no member State speaker
            "Dr. Paul Mercer of the OECD opened the discussion.",
            {("presenter", "person/paul-mercer", ""), ("presenter", "organisation/oecd", "")},
        ),
        (
            "The preparations were in the hands of WHO and UNFPA.",
            {("lead-organiser", "organisation/who", ""), ("lead-organiser", "organisation/unfpa", "")},
        ),
        (
            "Co-organised by FAO and UNDP, Panel 3 turned to new data.",
            {("lead-organiser", "organisation/fao", ""), ("lead-organiser", "organisation/undp", "")},
        ),
        (
            "The note was written by FAO and the WFP, which are convening Panel 2.",
            {("lead-organiser", "organisation/fao", ""), ("lead-organiser", "organisation/wfp", "")},
        ),
        (
            "UNICEF and UNFPA had prepared it.",
            {("lead-organiser", "organisation/unicef", ""), ("lead-organiser", "organisation/unfpa", "")},
        ),
    ],
)
def test_moderators_speakers_and_lead_organisers_in_more_words(
    matcher: Matcher, sentence: str, expected: set[tuple[str, str, str]]
) -> None:
    text = sentence
    assert roles_of(participations(Passage(1, text, 0, len(text), None), SESSION, [SESSION], matcher)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Panellists were Mr. Ivo Petrov (Bulgaria) and Ms. Lin Wu (UNDP).",
            {
                ("presenter", "person/ivo-petrov", ""),
                ("presenter", "state/BGR", ""),
                ("presenter", "person/lin-wu", ""),
                ("presenter", "organisation/undp", ""),
            },
        ),
        (
            "Questions from the floor came from Chile and the OECD.",
            {("presenter", "state/CHL", ""), ("presenter", "organisation/oecd", "")},
        ),
        (
            "Keynote by Prof. Anna Weber, Economist at the OECD: growth in Norway slowed.",
            {("presenter", "person/anna-weber", ""), ("presenter", "organisation/oecd", "")},
        ),
        (
            "Ms. Ivana Horvat (Croatia) and Mr. Sami Nurmi (ILO) described their pilots.",
            {
                ("presenter", "person/ivana-horvat", ""),
                ("presenter", "state/HRV", ""),
                ("presenter", "person/sami-nurmi", ""),
                ("presenter", "organisation/ilo", ""),
            },
        ),
        ("The plan was outlined by the Chilean delegation.", {("presenter", "state/CHL", "")}),
        (
            "The panel then heard Mr. Olaf Dahl (Norway).",
            {("presenter", "person/olaf-dahl", ""), ("presenter", "state/NOR", "")},
        ),
        (
            "Track II began with Ms. Lea Roy (France), who showed a film.",
            {("presenter", "person/lea-roy", ""), ("presenter", "state/FRA", "")},
        ),
        (
            "Chile spoke for a group of four, itself, Peru, Bolivia and Ecuador.",
            {
                ("presenter", "state/CHL", ""),
                ("on-behalf-of", "state/PER", "state/CHL"),
                ("on-behalf-of", "state/BOL", "state/CHL"),
                ("on-behalf-of", "state/ECU", "state/CHL"),
            },
        ),
    ],
)
def test_presenters_in_more_words(matcher: Matcher, sentence: str, expected: set[tuple[str, str, str]]) -> None:
    assert _told(sentence, matcher) == expected


def test_a_reply_asked_for_and_a_second_right_of_reply(matcher: Matcher) -> None:
    text = (
        "Near the end, Georgia asked to reply to a point made by Ukraine, which it did under the right of reply. "
        "Malta spoke, to which Cyprus replied in exercise of a second right of reply."
    )
    found = participations(Passage(1, text, 0, len(text), None), SESSION, [SESSION], matcher)
    assert {r for r in roles_of(found) if r[0] == "right-of-reply"} == {
        ("right-of-reply", "state/GEO", ""),
        ("right-of-reply", "state/CYP", ""),
    }


def test_a_name_may_open_with_any_latin_capital(matcher: Matcher) -> None:
    assert ("presenter", "person/sukru-ozdemir", "") in _told(
        "Mr. Şükrü Özdemir of Türkiye described a pilot.", matcher
    )


def test_attendance_in_lists_over_semicolons_after_a_group_label_and_after_the_sentence_that_counts_them(
    matcher: Matcher,
) -> None:
    from gcmkg.loaders.documents.extract.attendance import attendance

    def attendees(text: str) -> set[str]:
        return {ids.local_path(a.agent.iri) for a in attendance(Passage(1, text, 0, len(text), None), 2030, matcher)}

    assert attendees(
        "The following regional bodies were present: Frontex; European Union, through the European Commission; OECD."
    ) == {
        "organisation/frontex",
        "organisation/european-union",
        "organisation/european-commission",
        "organisation/oecd",
    }
    assert attendees("Intergovernmental organizations: OECD; Council of Europe.") == {
        "organisation/oecd",
        "organisation/council-of-europe",
    }
    assert attendees("Lead organizations: OECD; UNDP.") == set()  # the organisers of a session, no attendance list
    assert attendees("Nine States took part in person. Listed by size, they were: Chile, Peru and Ecuador.") == {
        "state/CHL",
        "state/PER",
        "state/ECU",
    }
    assert attendees("The plan named three partners. Listed by size, they were: Chile, Peru and Ecuador.") == set()
    assert attendees("The humanitarian system was represented by UNHCR and WFP.") == {  # a collective is no attendee
        "organisation/unhcr",
        "organisation/wfp",
    }
    assert attendees("Present were Spain, with a delegation led by Frontex, and the OECD.") == {
        "state/ESP",
        "organisation/frontex",
        "organisation/oecd",
    }
    assert attendees("Andorra followed the Forum as an observer. Monaco registered but did not come.") == {"state/AND"}


def test_an_apposition_between_the_subject_and_its_verb(matcher: Matcher) -> None:
    assert _told("Chile, a long-standing champion of the Compact, described its plan.", matcher) == {
        ("presenter", "state/CHL", "")
    }


def test_the_body_a_representative_is_accredited_to_is_no_affiliation(matcher: Matcher) -> None:
    from gcmkg.loaders.documents.extract.agents import affiliations

    title = "Permanent Representative of Chile to the World Health Organization"
    assert [ids.local_path(a.iri) for a in affiliations(title, 0, matcher, prefer_state=False)] == ["state/CHL"]
    title = "Senior Adviser at the World Health Organization and former Ambassador"
    assert [ids.local_path(a.iri) for a in affiliations(title, 0, matcher, prefer_state=False)] == ["organisation/who"]

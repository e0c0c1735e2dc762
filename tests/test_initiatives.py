"""Initiatives of funds (loaders/documents/extract/initiatives.py) on sentences written for these tests, in
phrasings the corpus does not use; expected values worked out by hand."""

from __future__ import annotations

from gcmkg.graph.core import ids
from gcmkg.loaders.documents.extract.initiatives import initiatives
from gcmkg.loaders.documents.facts import InitiativeFact
from gcmkg.loaders.documents.matcher import Matcher
from gcmkg.loaders.documents.mentions import mentions
from gcmkg.loaders.documents.segmenting import Passage


def extract(text: str, matcher: Matcher, objectives: tuple[int, ...] = ()) -> list[InitiativeFact]:
    passage = Passage(1, text, 0, len(text), None)
    return initiatives(passage, mentions(text, matcher), objectives)


def described(text: str, matcher: Matcher) -> list[tuple[str, str]]:
    """(IRI after id:, status) of each initiative ``text`` describes."""
    return [(ids.local_path(str(fact.iri)), fact.status) for fact in extract(text, matcher)]


def test_states_before_the_programme_make_one_initiative_in_each(matcher: Matcher) -> None:
    text = "In Kyrgyzstan and Kazakhstan, a joint programme financed through the Migration MPTF trains border staff."
    assert described(text, matcher) == [("initiative/migration-mptf/KAZ-KGZ", "funded")]


def test_a_plural_noun_is_one_initiative_per_state(matcher: Matcher) -> None:
    text = "The Migration MPTF has also funded joint programmes in Ecuador and Chile."
    assert sorted(described(text, matcher)) == [
        ("initiative/migration-mptf/CHL", "funded"),
        ("initiative/migration-mptf/ECU", "funded"),
    ]


def test_the_word_used_does_not_change_the_initiative(matcher: Matcher) -> None:
    project = extract("Uzbekistan benefits from a Migration MPTF-supported project in Uzbekistan.", matcher)
    programme = extract("A programme backed by the Migration Multi-Partner Trust Fund in Uzbekistan ended.", matcher)
    assert [f.iri for f in project] == [f.iri for f in programme]
    assert [f.word for f in project + programme] == ["project", "programme"]


def test_stages_proposal_and_pipeline(matcher: Matcher) -> None:
    assert described("A proposal for a Migration MPTF joint programme in Georgia was submitted.", matcher) == [
        ("initiative/migration-mptf/GEO/proposal", "proposal")
    ]
    text = "Two initiatives for Albania are now in the Migration MPTF pipeline."
    assert described(text, matcher) == [("initiative/migration-mptf/ALB/pipeline", "pipeline")]


def test_a_covid_fund_project_is_never_credited_to_the_migration_fund(matcher: Matcher) -> None:
    text = "Unlike the Migration MPTF, the COVID-19 MPTF financed a project in Uzbekistan."
    assert described(text, matcher) == [("initiative/covid19-mptf/UZB", "funded")]


def test_the_fund_refers_back_to_the_fund_last_named(matcher: Matcher) -> None:
    text = "Germany pledged to the Migration MPTF. Projects financed by the fund in Armenia focus on returnees."
    assert described(text, matcher) == [("initiative/migration-mptf/ARM", "funded")]


def test_a_place_that_is_not_a_state(matcher: Matcher) -> None:
    (fact,) = extract(
        "A Migration MPTF programme proposal covering mobility in the South Caucasus is pending.", matcher
    )
    assert (fact.place, fact.states, fact.status) == ("South Caucasus", (), "proposal")
    assert ids.local_path(str(fact.iri)) == "initiative/migration-mptf/south-caucasus/proposal"


def test_no_fund_no_initiative(matcher: Matcher) -> None:
    assert extract("A joint programme of UNDP and IOM in Serbia trained 40 officials.", matcher) == []
    assert extract("Norway contributed to the Migration MPTF and to projects in Kenya.", matcher) == []


def test_objectives_are_those_of_the_passage_only(matcher: Matcher) -> None:
    (fact,) = extract("A Migration MPTF joint programme in Ghana addresses objective 2.", matcher, (2,))
    assert fact.objectives == (2,)
    (fact,) = extract("A Migration MPTF joint programme in Ghana started.", matcher)
    assert fact.objectives == ()


def test_the_phrase_that_describes_the_initiative_is_its_span(matcher: Matcher) -> None:
    text = "Since 2022, the M-MPTF funded Joint Programme in Tajikistan has grown."
    (fact,) = extract(text, matcher)
    assert fact.surface == "M-MPTF funded Joint Programme in Tajikistan"
    assert text[fact.start : fact.end] == fact.surface


def test_a_long_subject_with_a_passive_predicate_naming_the_fund(matcher: Matcher) -> None:
    text = (
        "A cross-border programme for the South Caucasus on labour inspection, designed with ILO and UNDP, "
        "was accepted into the pipeline of the Migration MPTF last year."
    )
    assert described(text, matcher) == [("initiative/migration-mptf/south-caucasus/pipeline", "pipeline")]
    text = "A joint programme on return counselling for young people in Serbia is financed by the Migration MPTF."
    assert described(text, matcher) == [("initiative/migration-mptf/SRB", "funded")]


def test_states_that_qualify_the_programme_noun(matcher: Matcher) -> None:
    text = (
        "Across the region, an Armenia and Georgia joint programme supported by the Migration MPTF reaches "
        "villages in the Lori Province."
    )
    assert described(text, matcher) == [("initiative/migration-mptf/ARM-GEO", "funded")]


def test_the_state_that_is_the_clause_subject(matcher: Matcher) -> None:
    text = "Last spring, Serbia submitted a programme proposal to the Migration MPTF on diaspora skills."
    assert described(text, matcher) == [("initiative/migration-mptf/SRB/proposal", "proposal")]
    # a State named in a later clause is not the subject
    assert extract("The Migration MPTF funded a joint programme, and Serbia welcomed it.", matcher) == []


def test_in_a_pipeline_however_it_is_worded(matcher: Matcher) -> None:
    text = "A programme on seasonal work for farmers in Armenia, prepared with FAO, is in the Migration MPTF pipeline."
    assert described(text, matcher) == [("initiative/migration-mptf/ARM/pipeline", "pipeline")]
    # "in" the fund without its pipeline links nothing
    assert extract("A programme on seasonal work for farmers in Armenia is in the Migration MPTF.", matcher) == []


def test_a_fund_named_with_its_acronym_finances_a_programme_of_a_sum(matcher: Matcher) -> None:
    text = "The Migration Multi-Partner Trust Fund (Migration MPTF) supports a USD 1.5 million project in Chile."
    assert described(text, matcher) == [("initiative/migration-mptf/CHL", "funded")]


def test_a_programme_that_sits_in_the_funds_pipeline(matcher: Matcher) -> None:
    text = (
        "The Migration MPTF backs work in Peru. A programme on labour inspection for Ecuador remains in "
        "the Fund's pipeline."
    )
    assert ("initiative/migration-mptf/ECU/pipeline", "pipeline") in described(text, matcher)


def test_a_concept_note_sent_to_the_fund_is_a_proposal(matcher: Matcher) -> None:
    text = "Last year Bolivia sent a concept note about climate mobility to the Migration MPTF for review."
    assert described(text, matcher) == [("initiative/migration-mptf/BOL/proposal", "proposal")]


def test_the_projects_it_funds_and_the_state_that_runs_one(matcher: Matcher) -> None:
    text = (
        "The Migration MPTF grew in 2030. One of the projects it funds is a job centre in Quito, run by "
        "Ecuador's labour ministry."
    )
    assert described(text, matcher) == [("initiative/migration-mptf/ECU", "funded")]


def test_a_programme_of_the_fund_and_states_joined_by_a_dash(matcher: Matcher) -> None:
    text = "The Moldova–Ukraine programme of the Migration MPTF trains labour inspectors."
    assert described(text, matcher) == [("initiative/migration-mptf/MDA-UKR", "funded")]


def test_a_participle_between_commas_after_a_long_description(matcher: Matcher) -> None:
    text = "A joint programme on skills and decent work in Kazakhstan, co-funded by the Migration MPTF, ended in May."
    assert described(text, matcher) == [("initiative/migration-mptf/KAZ", "funded")]


def test_a_pilot_that_received_a_grant_from_a_states_fund(matcher: Matcher) -> None:
    text = (
        "A peer-support pilot in Serbia received EUR 80,000 from the United Kingdom's Modern Slavery Innovation Fund."
    )
    assert described(text, matcher) == [("initiative/modern-slavery-innovation-fund/SRB", "funded")]


def test_the_fund_named_in_an_earlier_passage_and_its_committee(matcher: Matcher) -> None:
    mptf = next(m.entity for m in mentions("the Migration MPTF", matcher))
    text = "Last year the Fund's board approved USD 900,000 for a project in Armenia."
    passage = Passage(2, text, 0, len(text), None)
    found = initiatives(passage, mentions(text, matcher), (), mptf)
    assert [(ids.local_path(str(f.iri)), f.status) for f in found] == [("initiative/migration-mptf/ARM", "funded")]
    assert initiatives(passage, mentions(text, matcher), ()) == []  # no fund named before: nothing to refer to


def test_a_shortlisted_proposal_is_in_the_pipeline_and_a_concept_note_put_forward_is_a_proposal(
    matcher: Matcher,
) -> None:
    text = (
        "The Migration MPTF opened a call for proposals. A Georgian proposal on return was shortlisted in the "
        "Fund's call. Armenia has put forward a concept note on diaspora bonds in reply to the Fund's call."
    )
    assert sorted(described(text, matcher)) == [
        ("initiative/migration-mptf/ARM/proposal", "proposal"),
        ("initiative/migration-mptf/GEO/pipeline", "pipeline"),
    ]


def test_a_fund_that_has_financed_a_project_with_a_states_authority(matcher: Matcher) -> None:
    text = (
        "The Integrated Communities Fund has, since 2029, financed a EUR 2 million project with the labour "
        "inspectorate of Georgia."
    )
    assert described(text, matcher) == [("initiative/integrated-communities-fund/GEO", "funded")]


def test_a_grant_from_a_fund_named_with_an_adjective(matcher: Matcher) -> None:
    text = "A small grant from the UK's Modern Slavery Innovation Fund pays for a helpline in Chile."
    assert described(text, matcher) == [("initiative/modern-slavery-innovation-fund/CHL", "funded")]
    assert described("A grant from the Modern Slavery Innovation Fund now supports a shelter in Peru.", matcher) == [
        ("initiative/modern-slavery-innovation-fund/PER", "funded")
    ]


def test_a_concept_note_put_before_the_fund_is_a_proposal(matcher: Matcher) -> None:
    text = "Peru has put a concept note on climate mobility before the Migration MPTF."
    assert described(text, matcher) == [("initiative/migration-mptf/PER/proposal", "proposal")]


def test_the_next_phase_of_a_programme_in_the_funds_pipeline(matcher: Matcher) -> None:
    text = "UNFPA presented the Migration MPTF programme for Chile and Peru, whose next phase is in the Fund's pipeline"
    assert described(text, matcher) == [
        ("initiative/migration-mptf/CHL-PER", "funded"),
        ("initiative/migration-mptf/CHL-PER/pipeline", "pipeline"),
    ]


def test_a_fund_that_pays_for_work_in_a_state(matcher: Matcher) -> None:
    text = "The Asylum, Migration and Integration Fund pays for most of the reception work in Greece."
    assert described(text, matcher) == [("initiative/amif/GRC", "funded")]
    assert described("AMIF supports Member States in their integration work.", matcher) == []
    assert described("The Migration MPTF pays for staff and travel.", matcher) == []


def test_a_fund_in_an_earlier_clause_and_a_month_are_no_link_and_no_place(matcher: Matcher) -> None:
    text = (
        "A programme for Chile sits in the Fund's pipeline, and Peru submitted a concept note on care work to the "
        "Migration MPTF in March 2031."
    )
    assert ("initiative/migration-mptf/PER/proposal", "proposal") in described(text, matcher)
    assert all("March" not in (fact.place or "") for fact in extract(text, matcher))


def test_a_fund_that_pays_for_a_states_own_work(matcher: Matcher) -> None:
    text = "Since 2030 the Asylum, Migration and Integration Fund co-finances Greece's guardianship service for minors."
    assert described(text, matcher) == [("initiative/amif/GRC", "funded")]
    text = "Portugal's reception hotline, co-funded by the Asylum, Migration and Integration Fund, took 900 calls."
    assert described(text, matcher) == [("initiative/amif/PRT", "funded")]


def test_a_state_named_before_the_fund_is_not_the_owner_of_its_work(matcher: Matcher) -> None:
    text = "Greece hosted the talks, and the Asylum, Migration and Integration Fund pays for shelters in Crete."
    assert [fact.states for fact in extract(text, matcher)] == [()]


def test_a_concept_note_lodged_with_the_fund_or_sent_to_it_first(matcher: Matcher) -> None:
    text = "Armenia filed a proposal for border data with the Migration MPTF."
    assert described(text, matcher) == [("initiative/migration-mptf/ARM/proposal", "proposal")]
    text = "Peru has submitted the Migration MPTF a joint programme on returns."
    assert described(text, matcher) == [("initiative/migration-mptf/PER/proposal", "proposal")]
    assert described("The ministry sent the Migration MPTF team a letter.", matcher) == []

"""Extraction rules on short texts written for these tests (expected values worked out by hand)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gcmkg.graph.core import ids
from gcmkg.loaders.documents.extract.agents import resolve_list
from gcmkg.loaders.documents.extract.initiatives import initiatives
from gcmkg.loaders.documents.extract.objectives import objective_numbers
from gcmkg.loaders.documents.extract.participation import participations
from gcmkg.loaders.documents.extract.statistics import statistics
from gcmkg.loaders.documents.facts import SessionRef
from gcmkg.loaders.documents.matcher import Matcher
from gcmkg.loaders.documents.mentions import mentions
from gcmkg.loaders.documents.segmenting import Passage


def _passage(text: str) -> Passage:
    return Passage(1, text, 0, len(text), None)


def _keys(iris: list[str]) -> list[str]:
    return [ids.local_path(iri) for iri in iris]


def test_statistics_are_normalised_with_unit_and_nearest_year(matcher: Matcher) -> None:
    text = (
        "In 2020, the region hosted nearly 159 million international migrants. "
        "Its 2024 funding target was set at USD 25 million. About 9.5 per cent were children. "
        "The meeting on 11 March 2024 discussed Objectives 4, 8 and 21 at its 128th session (5 mins)."
    )
    found = [(s.value, s.unit, s.period_start, s.kind) for s in statistics(_passage(text), mentions(text, matcher))]
    # the sentence of 9.5 per cent names no time: the previous sentence's carries on
    assert found == [
        (Decimal(159000000), "count", 2020, "observed"),
        (Decimal(25000000), "USD", 2024, "target"),
        (Decimal("9.5"), "percent", 2024, "observed"),
    ]


def test_objective_lists_in_every_written_form() -> None:
    assert objective_numbers("objectives 1, 3, 7, 17, and 23 of the GCM") == [1, 3, 7, 17, 23]
    assert objective_numbers("(GCM objectives 1 and 23); GCM objective 7: Address") == [1, 23, 7]
    assert objective_numbers("all 23 objectives; Objective 24 does not exist") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The debate kept to objectives nine through eleven and to Objective 23.", [9, 10, 11, 23]),
        ("Its note turns to the fifth and the ninth objectives.", [5, 9]),
        ("It treats GCM objectives 3 and 4 plus the twentieth; then it ends.", [3, 4, 20]),
        ("Health is treated at length (obj. 15) and (objs. 16, 17).", [15, 16, 17]),
        ("Regular pathways are, for many, the very first objective.", []),  # emphasis, no number
        ("objectives 3 and 4 and the second session.", [3, 4]),  # an ordinal of something else
        ("The panel took objectives 12-14, objective twenty-one and Objs. 2 & 5.", [12, 13, 14, 21, 2, 5]),
        ("It covered GCM objective (4), objective #9 and objectives nos. 10 to 11.", [4, 9, 10, 11]),
        ("Speakers raised labour rights (GCM 6) and data (objectives 1/3).", [6, 1, 3]),
        ("Track B covered O2, O7 and O10–O12, with O2 first.", [2, 7, 10, 11, 12]),
        ("Twenty-three delegations and 12-14 May count no objective; nor does Dialogue 3.", []),
        ('It dwelt on "enhance consular protection, assistance and cooperation throughout the migration cycle".', [14]),
        ('"Save lives" alone is no title; objective 2 is.', [2]),
        (  # any case and spacing, "&" for "and"
            "It took up “Use migration detention only as a measure of last resort &\nwork towards alternatives” and "
            '"address and reduce vulnerabilities in migration."',
            [13, 7],
        ),
    ],
)
def test_objectives_named_in_words_ordinals_and_abbreviations(text: str, expected: list[int]) -> None:
    assert objective_numbers(text) == expected


def test_funds_are_not_confused_and_pipelines_are_not_funded(matcher: Matcher) -> None:
    text = (
        "A COVID-19 MPTF-funded Project in Kazakhstan helped. "
        "A Joint Programme funded by the Migration Multi-Partner Trust Fund (M-MPTF) worked in Serbia. "
        "A joint programme admitted to the pipeline of the Migration MPTF targets Tajikistan."
    )
    found = [
        (ids.local_path(str(i.fund.iri)), i.word, [ids.local_path(str(s.iri)) for s in i.states], i.status)
        for i in initiatives(_passage(text), mentions(text, matcher), (7,))
    ]
    # the pipeline programme names no State after an "in", "for", "across" or "covering": no place, none found
    assert found == [
        ("initiative/covid19-mptf", "project", ["state/KAZ"], "funded"),
        ("initiative/migration-mptf", "joint-programme", ["state/SRB"], "funded"),
    ]


def test_a_missing_comma_between_two_states_still_gives_both(matcher: Matcher) -> None:
    agents = resolve_list("Montenegro, Netherlands North Macedonia, Norway", 0, matcher)
    assert _keys([str(a.iri) for a in agents]) == ["state/MNE", "state/NLD", "state/MKD", "state/NOR"]


def test_an_unknown_name_around_a_known_one_is_an_organisation_of_its_own(matcher: Matcher) -> None:
    agents = resolve_list("UNODC, United Nations Resident Coordinator's Office (UNRCO), and WHO", 0, matcher)
    assert _keys([str(a.iri) for a in agents]) == [
        "organisation/unodc",
        "organisation/united-nations-resident-coordinator-s-office",
        "organisation/who",
    ]


def test_presenters_on_behalf_of_and_right_of_reply(matcher: Matcher) -> None:
    text = (
        "Substantive inputs presented by: Armenia; Denmark on behalf of Cyprus and Malta; "
        "Friends of Nobody Network. Azerbaijan exercised their right of reply."
    )
    found = participations(_passage(text), SessionRef(2024, 2), [], matcher)
    rows = {(p.role, ids.local_path(str(p.agent.iri)), ids.local_path(str(p.via.iri)) if p.via else "") for p in found}
    assert rows == {
        ("presenter", "state/ARM", ""),
        ("presenter", "state/DNK", ""),
        ("on-behalf-of", "state/CYP", "state/DNK"),
        ("on-behalf-of", "state/MLT", "state/DNK"),
        ("presenter", "organisation/friends-of-nobody-network", ""),
        ("right-of-reply", "state/AZE", ""),
    }


def test_co_chairs_are_the_persons_and_the_states_they_represent(matcher: Matcher) -> None:
    text = "It was co-chaired by H.E. Ms. Ana Example, Minister of Spain and Mr. Ion Sample, Secretary of Moldova."
    sessions = [SessionRef(2024, 1), SessionRef(2024, 2)]
    found = participations(_passage(text), None, sessions, matcher)
    rows = {(p.event.number, ids.local_path(str(p.agent.iri))) for p in found if p.role == "co-chair"}
    assert rows == {
        (n, key) for n in (1, 2) for key in ("person/ana-example", "state/ESP", "person/ion-sample", "state/MDA")
    }

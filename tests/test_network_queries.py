"""The stored queries `gcmkg viz` builds its views from, on the fictional report of tests/fixtures/corpus/.

Expected rows are worked out by reading the report with the extraction rules of
loaders/documents/README.md:

- paragraph 1 (attendance) names eleven States: Albania, Armenia, Austria, Estonia, Georgia, Ireland,
  Latvia, Lithuania, Portugal, Serbia, Republic of Moldova;
- paragraph 3 ("A. Session 2"): the second session of the 2024 review addresses Objectives 3, 7 and 16;
- the participants' lines: Portugal speaker; Georgia, Ireland, Serbia presenters (with ILO and ITUC);
  Estonia, Latvia, Lithuania on-behalf-of, via Ireland; Armenia right of reply (and UNICEF, IOM, a
  moderator: not States). "Substantive inputs presented by: ..." names seven States in one passage;
  "Member State Speaker: Portugal" names Portugal alone;
- paragraph 4, under Objective 7: Georgia, Armenia and "the Irish delegation" (Ireland);
- paragraph 5, Objective 3: a Migration MPTF Joint Programme in Georgia; Georgia is named.
"""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest
from pyoxigraph import Store

from gcmkg.graph.core import ids
from gcmkg.graph.query.catalogue import load_catalogue
from gcmkg.graph.query.rendering import plain
from gcmkg.graph.query.runner import run_on_store
from gcmkg.graph.rdfio.store import open_store

SESSION = ids.ID + "review/2024/session/2"
ATTENDING = ["ALB", "ARM", "AUT", "EST", "GEO", "IRL", "LTU", "LVA", "MDA", "PRT", "SRB"]  # paragraph 1
PRESENTING = ["ARM", "EST", "GEO", "IRL", "LTU", "LVA", "SRB"]  # the "Substantive inputs" passage
UNDER_OBJECTIVE_7 = ["ARM", "GEO", "IRL"]  # paragraph 4
NAMES = {
    "ALB": "Albania",
    "ARM": "Armenia",
    "AUT": "Austria",
    "EST": "Estonia",
    "GEO": "Georgia",
    "IRL": "Ireland",
    "LTU": "Lithuania",
    "LVA": "Latvia",
    "MDA": "Republic of Moldova",
    "PRT": "Portugal",
    "SRB": "Serbia",
}
TITLES = {
    3: "Provide accurate and timely information at all stages of migration",
    7: "Address and reduce vulnerabilities in migration",
    16: "Empower migrants and societies to realize full inclusion and social cohesion",
}


# The role of each State in session 2 (the report's speaker, presenters, "on behalf of" and right-of-reply lines).
ROLES = {
    "ARM": "right-of-reply",
    "EST": "on-behalf-of",
    "GEO": "presenter",
    "IRL": "presenter",
    "LTU": "on-behalf-of",
    "LVA": "on-behalf-of",
    "PRT": "speaker",
    "SRB": "presenter",
}


@pytest.fixture(scope="module")
def store(fixture_build: Path) -> Store:
    return open_store(fixture_build)


def rows(store: Store, name: str) -> list[tuple[str, ...]]:
    result = run_on_store(store, load_catalogue()[name], {})
    return [tuple(plain(term) for term in row) for row in result.rows]


def test_the_network_queries_are_tagged_network() -> None:
    catalogue = load_catalogue()
    for name in ("participation-network", "initiative-network", "objective-cooccurrence", "state-comentions"):
        assert "network" in catalogue[name].tags, name


def test_participation_network_one_row_per_state_session_and_role(store: Store) -> None:

    # ordered by ISO3 code; attendance alone (Albania, Austria, Moldova) is not participation
    assert rows(store, "participation-network") == [
        (ids.state(iso3), iso3, NAMES[iso3], SESSION, "2024", "2", role) for iso3, role in ROLES.items()
    ]


def test_initiative_network_links_the_joint_programme_to_its_state_and_objective(store: Store) -> None:
    programme = ids.ID + "initiative/migration-mptf/GEO"
    funder = "Migration Multi-Partner Trust Fund"
    label = f"{funder} programme in Georgia"
    assert rows(store, "initiative-network") == [
        (programme, label, funder, "contributes to", ids.objective(3), "", "", "3", TITLES[3]),
        (programme, label, funder, "implemented in", ids.state("GEO"), "GEO", "Georgia", "", ""),
    ]


def test_objective_cooccurrence_counts_passages_about_both(store: Store) -> None:
    # only paragraph 3 is about more than one objective (3, 7 and 16): each pair once
    assert rows(store, "objective-cooccurrence") == [
        (ids.objective(a), str(a), TITLES[a], ids.objective(b), str(b), TITLES[b], "1", "0")
        for a, b in [(3, 7), (3, 16), (7, 16)]
    ]


def expected_comentions() -> dict[tuple[str, str], int]:
    """Passages naming both States of each pair: paragraph 1, the presenters' line, paragraph 4."""
    weights: dict[tuple[str, str], int] = {}
    for passage in (ATTENDING, PRESENTING, UNDER_OBJECTIVE_7):
        for pair in combinations(sorted(passage), 2):
            weights[pair] = weights.get(pair, 0) + 1
    return weights


def test_state_comentions_counts_passages_naming_both(store: Store) -> None:
    weights = expected_comentions()
    assert len(weights) == 55  # every pair of the eleven attending States: the others are among them
    assert weights[("ARM", "GEO")] == weights[("GEO", "IRL")] == 3
    assert weights[("EST", "LVA")] == 2 and weights[("ALB", "PRT")] == 1
    found = rows(store, "state-comentions")
    assert found == [
        (ids.state(a), a, NAMES[a], ids.state(b), b, NAMES[b], str(weights[(a, b)])) for a, b in sorted(weights)
    ]


def test_coverage_counts_mentions_and_sessions_by_objective_state_and_year(store: Store) -> None:
    participants = ["ARM", "EST", "GEO", "IRL", "LTU", "LVA", "PRT", "SRB"]
    mentions = {(3, "GEO"): 1, (7, "ARM"): 1, (7, "GEO"): 1, (7, "IRL"): 1}  # paragraphs 4 and 5
    # session 2 addresses 3, 7 and 16: each State participant took part in one session on each;
    # paragraph 3 is about all three objectives but names no State
    expected = [
        (str(number), TITLES[number], iso3, NAMES[iso3], "2024", str(mentions.get((number, iso3), 0)), "1", "0")
        for number in (3, 7, 16)
        for iso3 in participants
    ]
    assert rows(store, "coverage") == expected

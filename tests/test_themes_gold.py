"""The thematic layer measured against two hand gold labellings (issue 17, point 5), written by helpers who never saw
the program: tests/gold/objectives-classified.json (111 passages of the 2024 background notes and the 2020 annex;
the settings of the classifier were chosen on it) and tests/gold/objectives-heldout.json (97 other passages: the
2020 roundtable 4 note, the 2024 report's session summaries, the rest of the annex; labelled after the classifier
was written, and no setting was chosen on it). tests/gold/themescore.py does the scoring; the README gives the
tables.

The issue's target, precision 0.85 at recall 0.70 within the session's objectives, is met on the development set
(0.91 / 0.72) and kept here; on the held-out set precision meets it and recall does not (0.85 / 0.55). The other
floors are the measured scores, rounded down, so that a change that makes them worse fails; the README gives all
the figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gcmkg.graph.rdfio.store import open_store
from tests.gold import themescore
from tests.gold.themescore import Counts, Scores

#: (gold, view, precision floor, recall floor), measured 2026-12-06 (README, "Thematic layer").
FLOORS = [
    ("development", "classified", 0.85, 0.70),
    ("development", "session", 0.80, 0.90),
    ("development", "all", 0.80, 0.80),
    ("held-out", "classified", 0.80, 0.55),
    ("held-out", "session", 0.70, 0.70),
    ("held-out", "all", 0.70, 0.50),
]
GOLD_SETS = {"development": (themescore.GOLD, 111), "held-out": (themescore.HELD_OUT, 97)}


@pytest.fixture(scope="module")
def reports(corpus_build: Path) -> dict[str, themescore.Report]:
    store = open_store(corpus_build)
    return {name: themescore.score(store, themescore.read_gold(path)) for name, (path, _) in GOLD_SETS.items()}


@pytest.mark.slow
@pytest.mark.parametrize("gold", GOLD_SETS)
def test_every_gold_snippet_names_one_passage(reports: dict[str, themescore.Report], gold: str) -> None:
    assert reports[gold].errors == []
    assert reports[gold].passages == GOLD_SETS[gold][1]


@pytest.mark.slow
@pytest.mark.parametrize(("gold", "view", "precision", "recall"), FLOORS)
def test_objective_links_keep_their_measured_scores(
    reports: dict[str, themescore.Report], gold: str, view: str, precision: float, recall: float
) -> None:
    overall = reports[gold].system[view].overall
    assert overall.precision >= precision and overall.recall >= recall, (
        f"{gold} {view}: precision {overall.precision:.2f}, recall {overall.recall:.2f}"
    )


def test_no_passage_is_in_both_gold_sets() -> None:
    development = {(entry.document, entry.snippet[:40]) for entry in themescore.read_gold()}
    held_out = {(entry.document, entry.snippet[:40]) for entry in themescore.read_gold(themescore.HELD_OUT)}
    assert len(held_out) == 97 and not development & held_out


@pytest.mark.slow
@pytest.mark.parametrize("gold", GOLD_SETS)
def test_the_classifier_beats_title_keywords_in_precision(reports: dict[str, themescore.Report], gold: str) -> None:
    report = reports[gold]
    for view in themescore.VIEWS:
        assert report.system[view].overall.precision > 1.8 * report.baseline[view].overall.precision


@pytest.mark.slow
@pytest.mark.parametrize(("gold", "precision", "recall"), [("development", 0.85, 0.90), ("held-out", 0.85, 0.85)])
def test_principles_keep_their_measured_scores(
    reports: dict[str, themescore.Report], gold: str, precision: float, recall: float
) -> None:
    overall = reports[gold].principles.overall
    assert overall.precision >= precision and overall.recall >= recall


def test_the_gold_labels_at_least_60_passages_of_the_notes_and_the_annex() -> None:
    gold = themescore.read_gold()
    assert len(gold) >= 60
    assert {entry.document for entry in gold} == {
        "000_7311cc525c900547",
        "001_1efa612e0ff46ad2",
        "003_b3646771b72b2572",
    }
    assert all(entry.objectives <= set(range(1, 24)) for entry in gold)


def test_scores_count_pairs() -> None:
    scores = Scores()
    scores.add({1, 2}, {2, 3})
    scores.add({4}, set())
    assert (scores.overall.tp, scores.overall.fp, scores.overall.fn) == (1, 1, 2)
    assert scores.by_label[3].precision == 0.0 and scores.by_label[2].recall == 1.0
    assert Counts().precision == 1.0

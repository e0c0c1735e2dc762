"""The thematic layer measured against the hand gold labelling of tests/gold/objectives-classified.json (issue 17,
point 5): 111 passages of the 2024 background notes and the 2020 annex, labelled by a helper who never saw the
program. tests/gold/themescore.py does the scoring; the README gives the tables.

The issue's target, precision 0.85 at recall 0.70 within the session's objectives, is met by the objective links of
passages (explicit and classified, ``session`` view) in recall but not in precision, and not by the classifier's
own decisions (``classified`` view): the floors below are the measured scores, rounded down, so that a change that
makes them worse fails; the README says how far from the target they are.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gcmkg.graph.rdfio.store import open_store
from tests.gold import themescore
from tests.gold.themescore import Counts, Scores

#: (view, precision floor, recall floor), measured 2026-12-06 (README, "Thematic layer").
FLOORS = [("classified", 0.70, 0.75), ("session", 0.80, 0.90), ("all", 0.75, 0.80)]


@pytest.fixture(scope="module")
def report(corpus_build: Path) -> themescore.Report:
    return themescore.score(open_store(corpus_build))


@pytest.mark.slow
def test_every_gold_snippet_names_one_passage(report: themescore.Report) -> None:
    assert report.errors == []
    assert report.passages == 111


@pytest.mark.slow
@pytest.mark.parametrize(("view", "precision", "recall"), FLOORS)
def test_objective_links_keep_their_measured_scores(
    report: themescore.Report, view: str, precision: float, recall: float
) -> None:
    overall = report.system[view].overall
    assert overall.precision >= precision and overall.recall >= recall, (
        f"{view}: precision {overall.precision:.2f}, recall {overall.recall:.2f}"
    )


@pytest.mark.slow
def test_the_classifier_beats_title_keywords_in_precision(report: themescore.Report) -> None:
    for view in themescore.VIEWS:
        assert report.system[view].overall.precision > 2 * report.baseline[view].overall.precision


@pytest.mark.slow
def test_principles_keep_their_measured_scores(report: themescore.Report) -> None:
    overall = report.principles.overall
    assert overall.precision >= 0.85 and overall.recall >= 0.80


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

"""Generalisation: the extractors on held-out documents that helpers wrote, with their answer keys, without
seeing the extractors' code or output; scored by tests/gold/heldout.py.

- tests/fixtures/unseen (issue 13): a 2026 report and a background note. First run, before any rule was
  generalised: initiatives P 0.75 R 0.43, citations 0.93, statistics 0.90, people R 0.54 (affiliations R 0.55),
  attendance R 0.70, mentions P 0.99 R 1.0.
- tests/fixtures/published (issue 18): a one-session summary, a report with sessions given in prose, a
  background note and an agenda, none with a manifest row. First run: kinds 0.75, participation R 0.15 (every
  session fact told in prose was lost), people R 0.40, sessions and objectives 1.0 (the prose session rules
  were written first, on sentences of their own).
- tests/fixtures/heldout2 (issue 18): a Co-Chairs' summary, a report and a background note written blind
  after the published set's rules: first run kinds 0.67, sessions R 0.74, participation P 0.93 R 0.51, people
  R 0.64, attendance R 0.88.
- tests/fixtures/heldout3 (issue 18): a roundtable summary, a report and a concept note with a programme
  table, by a third writer, blind after the heldout2 rules: first run participation P 0.95 R 0.57, people R
  0.90, attendance R 0.97; kinds and sessions 1.0.
- tests/fixtures/heldout4: an outcome report, a discussion paper and a Chair's summary of "thematic panels",
  by a fourth writer, blind: first run kinds 0, sessions R 0, participation R 0, attendance R 0.02, people R
  0.06, initiatives R 0.17, objectives R 0.64, citations 0.67, statistics P 0.85 R 0.79, mentions P 0.97.
- tests/fixtures/heldout5: a meeting report with agenda items and lettered round tables, a concept note and a
  rapporteur's summary, by a fifth writer, blind: first run kinds 0.67, sessions R 0, participation R 0,
  citations 0 ("1/" and "[1]" marks), statistics P 0.42 R 0.47 (UN number style), initiatives R 0.33, people R
  0.33, attendance R 0.81.
- tests/fixtures/heldout6: a rapporteur's report of "Dialogues", a programme with time slots, an issue brief and
  a dialogue summary, by a sixth writer, blind at the same time: first run kinds 0.25, sessions R 0.22,
  participation R 0.04, people R 0.05, attendance R 0.23, initiatives R 0, citations P 0.56 R 0.42 (inline
  links), statistics P 0.50 R 0.57, objectives R 0.71.
- tests/fixtures/heldout7: a summary of proceedings of "peer-learning labs", a framing paper and key takeaways,
  by a seventh writer, blind, scored after the heldout5/6 rules: kinds 0.33, sessions R 0, participation R 0,
  attendance R 0, citations 0.10, initiatives R 0.44, statistics P 0.88 R 0.85, objectives R 0.47 (the session
  noun was a fixed vocabulary; it is now read from each document, loaders/documents/sessionnames.py).
- tests/fixtures/heldout8: a Co-Chairs' summary of "workshops W1–W4" with a table of sessions and "who presented
  what" lines, a concept note and key messages, by an eighth writer, blind, scored after the heldout7 rules:
  kinds 0.67, sessions R 0, participation R 0, people R 0.10, citations 0 ("[fn 1]", "(ref. 1)", lettered "[a]"),
  attendance R 0.54, statistics P 0.71 R 0.74, initiatives R 0.44, objectives R 0.71, mentions P 0.96.

The rules were then rewritten for the phrasings these documents use, each with a unit test in phrasings of its
own (tests/test_narrated.py), never keyed to these documents; the threshold keeps them from sliding back
while leaving room for the readings still missed (a title line's region, a hearing or a process as the
subject of a citation or as a presenter).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from gcmkg.graph.rdfio.store import open_store
from tests.conftest import REPO_ROOT
from tests.gold import heldout
from tests.gold.score import Report

# Builds the held-out documents and scores them: part of the slow set.
pytestmark = pytest.mark.slow

FIXTURES = REPO_ROOT / "tests" / "fixtures"
HELD_OUT = ("unseen", "published", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8")
THRESHOLD = 0.9
#: Lower floors where a set's key makes a call the rules do not (tests/fixtures/<set>/README.md says which).
FLOORS = {
    ("heldout4", "citations"): 0.85,
    ("heldout8", "participation"): 0.85,
    ("heldout8", "initiatives"): 0.75,
}


def build_and_score(folder: Path, out: Path) -> Report:
    """Build ``folder`` into ``out`` and score it against ``folder``'s gold.json."""
    from gcmkg.graph.cli import cli

    result = CliRunner().invoke(cli, ["build", "--corpus", str(folder), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    return heldout.score_held_out(open_store(out), gold)


@pytest.fixture(scope="module", params=HELD_OUT)
def held_out(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Report]:
    return request.param, build_and_score(FIXTURES / request.param, tmp_path_factory.mktemp(f"{request.param}-build"))


@pytest.fixture
def report(held_out: tuple[str, Report]) -> Report:
    return held_out[1]


def test_every_quote_of_the_key_names_one_passage(report: Report) -> None:
    assert report.errors == []


def test_held_out_precision_and_recall(held_out: tuple[str, Report]) -> None:
    name, report = held_out
    assert report.scores, "the key lists no category"
    for category, s in report.scores.items():
        detail = "\n".join([category, *s.false_positives(), "--", *s.false_negatives()])
        floor = FLOORS.get((name, category), THRESHOLD)
        assert s.gold, f"the key lists no {category}"
        assert s.precision is not None and s.precision >= floor, detail
        assert s.recall is not None and s.recall >= floor, detail

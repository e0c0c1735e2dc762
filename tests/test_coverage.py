"""`gcmkg viz coverage`: the objective × State matrix of the fictional report, as CSV and as a heatmap.

Worked out from tests/fixtures/corpus/ (see tests/test_network_queries.py): session 2 of the 2024
review addresses objectives 3, 7 and 16, and eight States took part in it (ARM EST GEO IRL LTU LVA
PRT SRB): one session each on each of the three objectives. Paragraph 4, about objective 7, names
Georgia, Armenia and Ireland ("the Irish delegation"); paragraph 5, about objective 3, names Georgia.
Paragraph 3 is about all three objectives but names no State.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pyoxigraph import Literal

from gcmkg.graph.cli import cli
from gcmkg.graph.query.runner import QueryResult
from gcmkg.graph.visualise.coverage import coverage, coverage_csv
from gcmkg.graph.visualise.heatmap import heatmap_figure, objective_label
from gcmkg.graph.visualise.kinds import KINDS
from gcmkg.graph.visualise.source import query_rows
from tests.test_network_queries import NAMES, TITLES
from tests.test_viz import png_size

PARTICIPANTS = ["ARM", "EST", "GEO", "IRL", "LTU", "LVA", "PRT", "SRB"]
MENTIONS = {(3, "GEO"): 1, (7, "ARM"): 1, (7, "GEO"): 1, (7, "IRL"): 1}


def viz(build_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["viz", "coverage", *args, "--graph", str(build_dir), "--quiet"])


def test_csv_one_row_per_objective_state_and_review_with_a_count(fixture_build: Path, tmp_path: Path) -> None:
    path = tmp_path / "coverage.csv"
    result = viz(fixture_build, "-o", str(path))
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {path}: 24 rows, 8 States, 1 review (coverage)\n"
    # no passage of the fixture that names a State is classified under an objective it does not name
    expected = ["objective,title,iso3,name,year,mentions,sessions,classified"] + [
        f"{number},{TITLES[number]},{iso3},{NAMES[iso3]},2024,{MENTIONS.get((number, iso3), 0)},1,0"
        for number in (3, 7, 16)
        for iso3 in PARTICIPANTS
    ]
    assert path.read_bytes().decode("utf-8").split("\r\n") == [*expected, ""]


def test_csv_is_the_default_format(fixture_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert viz(fixture_build).exit_code == 0
    assert (tmp_path / "viz" / "coverage.csv").read_text(encoding="utf-8").startswith("objective,title,iso3")


def test_matrix_has_every_objective_and_the_states_with_a_count(fixture_build: Path) -> None:
    matrix = coverage(query_rows(fixture_build, KINDS["coverage"].queries, True, 0))
    assert [number for number, _ in matrix.objectives] == list(range(1, 24))
    assert matrix.states == [(iso3, NAMES[iso3]) for iso3 in PARTICIPANTS]
    assert matrix.years == [2024]
    mentions, sessions = matrix.matrix("mentions", 2024), matrix.matrix("sessions", 2024)
    assert mentions[7 - 1] == [1, 0, 1, 1, 0, 0, 0, 0]  # ARM, GEO, IRL of eight in ISO3 order
    assert mentions[3 - 1] == [0, 0, 1, 0, 0, 0, 0, 0]
    assert sum(map(sum, mentions)) == 4
    for number in range(1, 24):
        assert sessions[number - 1] == [1 if number in (3, 7, 16) else 0] * 8, number


def test_objectives_are_labelled_by_number_and_the_start_of_their_title() -> None:
    assert objective_label(7, TITLES[7]) == "7 Address and reduce vulnerabilities…"
    assert objective_label(1, "Short title") == "1 Short title"


@pytest.mark.slow
@pytest.mark.parametrize("output_format", ["png", "svg"])
def test_heatmap_is_a_1600_by_1200_picture_the_same_twice(
    fixture_build: Path, tmp_path: Path, output_format: str
) -> None:
    one, two = tmp_path / f"one.{output_format}", tmp_path / f"two.{output_format}"
    for path in (one, two):
        result = viz(fixture_build, "-o", str(path))
        assert result.exit_code == 0, result.output
    if output_format == "png":
        assert png_size(one.read_bytes()) == (1600, 1200)
    else:
        root = ElementTree.fromstring(one.read_bytes())
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert "2024 review: mentions" in one.read_text(encoding="utf-8")  # panel titles stay text
    assert one.read_bytes() == two.read_bytes()


def test_a_build_without_documents_gives_an_empty_table_and_a_picture(reference_build: Path, tmp_path: Path) -> None:
    result = viz(reference_build, "-o", str(tmp_path / "c.csv"))
    assert result.exit_code == 0, result.output
    assert "0 rows, 0 States, 0 reviews" in result.output
    assert (tmp_path / "c.csv").read_bytes() == b"objective,title,iso3,name,year,mentions,sessions,classified\r\n"
    assert viz(reference_build, "-o", str(tmp_path / "c.png")).exit_code == 0
    assert png_size((tmp_path / "c.png").read_bytes()) == (1600, 1200)


# --- missing data: a measure with no count at all in a review -------------------------------------------------


def _coverage_rows(*rows: tuple[int, str, int, int, int]) -> dict[str, QueryResult]:
    """``coverage`` rows (objective, iso3, year, mentions, sessions) and the ``objectives`` rows of 3 and 7."""
    columns = ("objective", "title", "iso3", "name", "year", "mentions", "sessions")
    coverage_rows = [
        [
            Literal(str(number)),
            Literal(TITLES[number]),
            Literal(iso3),
            Literal(NAMES[iso3]),
            Literal(str(year)),
            Literal(str(mentions)),
            Literal(str(sessions)),
        ]
        for number, iso3, year, mentions, sessions in rows
    ]
    objectives = [[Literal(str(number)), Literal(TITLES[number])] for number in (3, 7)]
    return {
        "coverage": QueryResult(columns=columns, rows=coverage_rows),
        "objectives": QueryResult(columns=("number", "title"), rows=objectives),
    }


# 2020: mentions only (sessions missing); 2024: both measures, Armenia with 0 sessions on objective 7.
TWO_REVIEWS = _coverage_rows(
    (3, "ARM", 2020, 2, 0), (7, "GEO", 2020, 1, 0), (3, "GEO", 2024, 1, 1), (7, "ARM", 2024, 3, 0)
)


def test_a_measure_without_any_count_in_a_review_is_missing_not_zero() -> None:
    matrix = coverage(TWO_REVIEWS)
    assert matrix.years == [2020, 2024]
    assert matrix.missing("sessions", 2020)
    assert not matrix.missing("mentions", 2020)
    assert not matrix.missing("sessions", 2024)  # a zero among counts is a zero
    assert not matrix.missing("mentions", 2024)


def test_csv_leaves_missing_cells_empty_and_keeps_zeros() -> None:
    lines = coverage_csv(TWO_REVIEWS).decode("utf-8").split("\r\n")
    assert lines == [
        "objective,title,iso3,name,year,mentions,sessions",
        f"3,{TITLES[3]},ARM,Armenia,2020,2,",
        f"7,{TITLES[7]},GEO,Georgia,2020,1,",
        f"3,{TITLES[3]},GEO,Georgia,2024,1,1",
        f"7,{TITLES[7]},ARM,Armenia,2024,3,0",
        "",
    ]


def test_heatmap_says_in_the_missing_panel_that_there_is_no_data() -> None:
    drawn = heatmap_figure(coverage(TWO_REVIEWS), "Coverage", KINDS["coverage"].empty)
    panels = {axes.get_title(loc="left"): [text.get_text() for text in axes.texts] for axes in drawn.axes}
    note = "No data: no sessions on an objective with State\nparticipation in the 2020 review's documents"
    assert panels["2020 review: sessions (no data)"] == [note]
    assert "2020 review: mentions" in panels and "2024 review: sessions" in panels  # counted panels: numbers only
    assert panels["2024 review: sessions"] == ["1"]  # Georgia's one session; Armenia's 0 stays blank
    assert sorted(panels["2020 review: mentions"]) == ["1", "2"]


def test_heatmap_of_no_counts_says_so() -> None:
    drawn = heatmap_figure(coverage(_coverage_rows()), "Coverage", KINDS["coverage"].empty)
    assert [text.get_text() for axes in drawn.axes for text in axes.texts] == [KINDS["coverage"].empty]

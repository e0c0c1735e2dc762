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

from gcmkg.graph.cli import cli
from gcmkg.graph.visualise.coverage import coverage
from gcmkg.graph.visualise.heatmap import objective_label
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

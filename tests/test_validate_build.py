"""``gcmkg build`` validates the assembled dataset before writing: violations stop it, warnings are counted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from gcmkg.graph.cli import cli
from gcmkg.graph.validation import shapes as shapes_module

PREFIXES = """\
@prefix gcm: <https://w3id.org/gcmkg/ontology#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix fix: <https://example.org/fixture-shapes#> .
"""
# Objectives are numbered 1 to 23 in the reference data: 22 and 23 break the first shape, none breaks the second.
WARNING_SHAPES = """
fix:LowObjectives a sh:NodeShape ;
    sh:targetClass gcm:Objective ;
    sh:property [ sh:path gcm:objectiveNumber ; sh:maxInclusive 21 ; sh:severity sh:Warning ;
                  sh:message "An objective number above 21 is unusual." ] .
fix:Numbered a sh:NodeShape ;
    sh:targetClass gcm:Objective ;
    sh:property [ sh:path gcm:objectiveNumber ; sh:minCount 1 ; sh:message "An objective has a number." ] .
"""
# Türkiye (state:TUR) is one of the 195 States of the reference data; its alpha-3 code is not "XXX".
VIOLATION_SHAPES = """
fix:NotTurkiye a sh:NodeShape ;
    sh:targetNode <https://w3id.org/gcmkg/id/state/TUR> ;
    sh:property [ sh:path gcm:alpha3 ; sh:in ( "XXX" ) ; sh:message "Only the code XXX is accepted here." ] .
"""


@pytest.fixture()
def shapes_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder the build reads its shipped shapes from instead of shapes/."""
    folder = tmp_path / "shapes"
    folder.mkdir()
    monkeypatch.setattr(shapes_module, "shapes_dir", lambda: folder)
    return folder


def test_a_violation_stops_the_build_writing_nothing(runner: CliRunner, tmp_path: Path, shapes_folder: Path) -> None:
    (shapes_folder / "strict.ttl").write_text(PREFIXES + VIOLATION_SHAPES, encoding="utf-8")
    out = tmp_path / "b"
    result = runner.invoke(cli, ["build", "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert not out.exists()
    assert "… validating against 1 shape (1 file)" in result.stderr
    assert "error: the dataset does not conform to the shipped shapes (1 violation); nothing written" in result.stderr
    assert (
        "Violations\n"
        "  fix:NotTurkiye, property gcm:alpha3: 1 result\n"
        "    Only the code XXX is accepted here. (sh:InConstraintComponent)\n"
        '    - Türkiye (state:TUR); value "TUR"\n'
        "\n"
        "1 violation, 0 warnings; conforms: no\n"
    ) in result.stderr
    assert result.stdout == ""


def test_warnings_are_summarised_and_counted(runner: CliRunner, tmp_path: Path, shapes_folder: Path) -> None:
    (shapes_folder / "warn.ttl").write_text(PREFIXES + WARNING_SHAPES, encoding="utf-8")
    out = tmp_path / "b"
    result = runner.invoke(cli, ["build", "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "warning: 2 shape warnings (the warnings are counted in the build report)\n"
        "  2 × warning fix:LowObjectives, property gcm:objectiveNumber: An objective number above 21 is unusual.\n"
        f"  run `gcmkg validate --graph {out}` for the nodes\n"
    )
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    assert report["validation_warnings"] == 2
    listed = runner.invoke(cli, ["validate", "--graph", str(out)])  # the same shapes, on what was written
    assert listed.exit_code == 0
    assert listed.stdout.splitlines()[3:5] == [
        "    - Establish mechanisms for the portability of social security entitlements and earned benefits"
        " (objective:22); value 22",
        "    - Strengthen international cooperation and global partnerships for safe, orderly and regular migration"
        " (objective:23); value 23",
    ]
    assert listed.stdout.endswith("0 violations, 2 warnings; conforms: yes\n")


def test_the_progress_line_names_the_shapes(runner: CliRunner, tmp_path: Path, shapes_folder: Path) -> None:
    (shapes_folder / "warn.ttl").write_text(PREFIXES + WARNING_SHAPES, encoding="utf-8")
    (shapes_folder / "more.ttl").write_text(PREFIXES + "fix:Empty a sh:NodeShape .\n", encoding="utf-8")
    result = runner.invoke(cli, ["build", "-o", str(tmp_path / "b")])
    assert result.exit_code == 0, result.output
    assert "… validating against 3 shapes (2 files)\n" in result.stderr


def test_a_clean_build_records_zero_warnings(reference_build: Path) -> None:
    report = json.loads((reference_build / "build-report.json").read_text(encoding="utf-8"))
    assert report["validation_warnings"] == 0
    assert list(report) == sorted(report)

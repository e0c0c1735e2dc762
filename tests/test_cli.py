"""Every verb through the CLI runner: build, queries, query, and the documented exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from gcmkg.graph.cli import cli


def test_build_writes_dataset_merged_turtle_and_report(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["build", "-o", str(tmp_path / "b"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert {p.name for p in (tmp_path / "b").iterdir()} == {
        "gcmkg.trig",
        "gcmkg.ttl",
        "build-report.json",
        "store",
        ".gcmkg",
    }
    report = json.loads((tmp_path / "b" / "build-report.json").read_text(encoding="utf-8"))
    assert report["entities_by_class"]["gcm:Objective"] == 23
    assert report["entities_by_class"]["gcm:State"] == 195
    assert report["skipped"] == []
    graphs = {g["graph"] for g in report["graphs"]}
    assert {"graph:ontology", "graph:reference/states", "graph:reference/objectives", "graph:build"} <= graphs
    assert "graph:reference/states" in result.output


def test_query_objectives_table(runner: CliRunner, reference_build: Path) -> None:
    result = runner.invoke(cli, ["query", "objectives", "--graph", str(reference_build)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["number", "title"]
    assert lines[2].startswith("1 ") and "accurate and disaggregated data" in lines[2]
    assert lines[-1] == "(23 rows)"


def test_query_objectives_csv_and_json(runner: CliRunner, reference_build: Path) -> None:
    as_csv = runner.invoke(cli, ["query", "objectives", "--graph", str(reference_build), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(as_csv.output)))
    assert [int(row["number"]) for row in rows] == list(range(1, 24))
    assert rows[22]["title"] == (
        "Strengthen international cooperation and global partnerships for safe, orderly and regular migration"
    )
    as_json = runner.invoke(cli, ["query", "objectives", "--graph", str(reference_build), "--format", "json"])
    document = json.loads(as_json.output)
    assert document["head"]["vars"] == ["number", "title"]
    first = document["results"]["bindings"][0]
    assert first["number"] == {"type": "literal", "value": "1", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    assert first["title"]["xml:lang"] == "en"


def test_query_tsv_uses_rdf_term_syntax(runner: CliRunner, reference_build: Path) -> None:
    result = runner.invoke(cli, ["query", "objectives", "--graph", str(reference_build), "--format", "tsv"])
    lines = result.output.splitlines()
    assert lines[0] == "?number\t?title"
    assert lines[7].startswith('"7"^^<http://www.w3.org/2001/XMLSchema#integer>\t"Address and reduce vulnerabilities')


def test_queries_lists_and_shows(runner: CliRunner) -> None:
    listing = runner.invoke(cli, ["queries"])
    assert listing.exit_code == 0
    names = [line.split()[0] for line in listing.output.splitlines()]
    assert names == sorted(names) and "objectives" in names and "session-participants" in names
    shown = runner.invoke(cli, ["queries", "show", "objectives"])
    assert shown.exit_code == 0
    assert "columns: number, title" in shown.output
    assert "SELECT ?number ?title" in shown.output


def test_unknown_query_exits_3_with_close_matches(runner: CliRunner, reference_build: Path) -> None:
    result = runner.invoke(cli, ["query", "objectivs", "--graph", str(reference_build)])
    assert result.exit_code == 3
    assert "no stored query named 'objectivs'" in result.output
    assert "did you mean objectives," in result.output


def test_missing_build_exits_3_naming_the_command(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = runner.invoke(cli, ["query", "objectives", "--graph", str(missing)])
    assert result.exit_code == 3
    assert f"no build at {missing}" in result.output
    assert f"gcmkg build -o {missing}" in result.output


def test_bad_param_exits_2_naming_the_parameter(runner: CliRunner, reference_build: Path) -> None:
    unknown = runner.invoke(cli, ["query", "objectives", "--graph", str(reference_build), "--param", "year=2020"])
    assert unknown.exit_code == 2
    assert "query 'objectives' has no parameter 'year'" in unknown.output
    malformed = runner.invoke(cli, ["query", "objectives", "--graph", str(reference_build), "--param", "year"])
    assert malformed.exit_code == 2
    assert "'year' is not KEY=VALUE" in malformed.output


def test_missing_corpus_exits_3(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["build", "--corpus", str(tmp_path / "none"), "-o", str(tmp_path / "b"), "-q"])
    assert result.exit_code == 3
    assert "corpus folder not found" in result.output
    assert not (tmp_path / "b").exists()


def test_every_verb_has_help_with_examples(runner: CliRunner) -> None:
    for verb in (["build"], ["query"], ["queries"], ["queries", "show"]):
        result = runner.invoke(cli, [*verb, "--help"])
        assert result.exit_code == 0
        assert "Example" in result.output, verb

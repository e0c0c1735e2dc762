"""``gcmkg validate`` on a small hand-made dataset with the tests' own shapes: reports, formats, exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import SH

from gcmkg.graph.cli import cli
from gcmkg.graph.rdfio.read import union_graph
from gcmkg.graph.validation.engine import run_shacl, validate_graph
from gcmkg.graph.validation.render import to_text
from gcmkg.graph.validation.results import Severity
from gcmkg.graph.validation.shapes import user_shapes

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "validation"
DATA = FIXTURES / "small.trig"
SHAPES = FIXTURES / "shapes.ttl"
ARGS = ["validate", "--graph", str(DATA), "--shapes", str(SHAPES)]
STATISTIC = "https://w3id.org/gcmkg/id/document/doc-a/statistic/10-14"
PREFIXES = """\
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix gcm: <https://w3id.org/gcmkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <https://example.org/> .
"""

# Worked out by hand from small.trig and shapes.ttl: sessions 4 (no number) and 5 (number "five") break the
# session shape's one message, the statistic at 10-14 has no value (stated in passage 2 of doc-a), and UNHCR,
# an organisation only through gcm:UNEntity rdfs:subClassOf gcm:Organisation, has an rdfs:label but no
# skos:prefLabel (a warning).
EXPECTED_TEXT = """\
Violations
  fix:SessionShape, property gcm:sessionNumber: 2 results
    A session has exactly one number, a whole number. (sh:DatatypeConstraintComponent, sh:MinCountConstraintComponent)
    - 2020 review, session 4 (review:2020/session/4)
    - 2020 review, session 5 (review:2020/session/5); value "five"
  fix:StatisticShape, property gcm:value: 1 result
    A statistic has a value, a decimal. (sh:MinCountConstraintComponent)
    - https://w3id.org/gcmkg/id/document/doc-a/statistic/10-14 in "Report of the regional review", passage 2

Warnings
  fix:OrganisationShape, property skos:prefLabel: 1 result
    An organisation should have a preferred name. (sh:MinCountConstraintComponent)
    - UNHCR (organisation:unhcr)

3 violations, 1 warning; conforms: no
"""


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_text_report_groups_by_shape_and_message(runner: CliRunner) -> None:
    result = runner.invoke(cli, ARGS)
    assert result.exit_code == 1, result.output
    assert result.stdout == EXPECTED_TEXT
    assert result.stderr == ""


def test_records_carry_every_field() -> None:
    report = validate_graph(union_graph(DATA), user_shapes([SHAPES]))
    assert [r.severity for r in report.results] == [Severity.VIOLATION] * 3 + [Severity.WARNING]
    five = report.results[1]
    assert five.focus == URIRef("https://w3id.org/gcmkg/id/review/2020/session/5")
    assert five.path == "gcm:sessionNumber"
    assert five.full_path == "<https://w3id.org/gcmkg/ontology#sessionNumber>"
    assert five.value == Literal("five")
    assert five.component == SH.DatatypeConstraintComponent
    assert five.shape == "fix:SessionShape, property gcm:sessionNumber"
    assert five.message == "A session has exactly one number, a whole number."
    statistic = report.nodes[URIRef(STATISTIC)]
    assert (statistic.label, statistic.document, statistic.passage) == (None, "doc-a", 2)
    assert (report.violations, report.warnings, report.infos, report.conforms) == (3, 1, 0, False)


def test_json_report(runner: CliRunner) -> None:
    result = runner.invoke(cli, [*ARGS, "--format", "json"])
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["conforms"] is False
    assert document["counts"] == {"violations": 3, "warnings": 1, "infos": 0}
    labels = [r["focus_label"] for r in document["results"]]
    assert labels == ["2020 review, session 4", "2020 review, session 5", None, "UNHCR"]
    assert document["results"][2] == {
        "component": "http://www.w3.org/ns/shacl#MinCountConstraintComponent",
        "document": "doc-a",
        "document_title": "Report of the regional review",
        "focus": f"<{STATISTIC}>",
        "focus_label": None,
        "message": "A statistic has a value, a decimal.",
        "passage": 2,
        "path": "<https://w3id.org/gcmkg/ontology#value>",
        "severity": "Violation",
        "shape": "fix:StatisticShape, property gcm:value",
        "source_shape": None,
        "value": None,
    }
    assert document["results"][1]["value"] == '"five"'
    assert document["results"][3]["severity"] == "Warning"


def test_a_document_without_a_title_is_named_by_its_identifier(runner: CliRunner, tmp_path: Path) -> None:
    title = 'dcterms:identifier "doc-a" ;\n        dcterms:title "Report of the regional review"@en .'
    text = DATA.read_text(encoding="utf-8").replace(title, 'dcterms:identifier "doc-a" .')
    untitled = _write(tmp_path / "untitled.trig", text)
    result = runner.invoke(cli, ["validate", "--graph", str(untitled), "--shapes", str(SHAPES)])
    assert result.exit_code == 1
    assert f"    - {STATISTIC} in document doc-a, passage 2\n" in result.stdout
    as_json = runner.invoke(cli, ["validate", "--graph", str(untitled), "--shapes", str(SHAPES), "--format", "json"])
    statistic = json.loads(as_json.stdout)["results"][2]
    assert (statistic["document"], statistic["document_title"]) == ("doc-a", None)


def test_turtle_report_is_the_shacl_report_graph(runner: CliRunner) -> None:
    result = runner.invoke(cli, [*ARGS, "--format", "turtle"])
    assert result.exit_code == 1
    printed = Graph().parse(data=result.stdout, format="turtle")
    assert isomorphic(printed, run_shacl(union_graph(DATA), user_shapes([SHAPES])))
    assert len(set(printed.subjects(SH.focusNode, None))) == 4
    assert list(printed.objects(None, SH.conforms)) == [Literal(False)]
    assert "@prefix sh: <http://www.w3.org/ns/shacl#> ." in result.stdout
    assert "sh:focusNode organisation:unhcr" in result.stdout


def test_a_conforming_graph_exits_0_even_with_warnings(runner: CliRunner, tmp_path: Path) -> None:
    text = DATA.read_text(encoding="utf-8")
    text = text.replace('"2020 review, session 4"@en .', '"2020 review, session 4"@en ; gcm:sessionNumber 4 .')
    text = text.replace('gcm:sessionNumber "five"', "gcm:sessionNumber 5")
    passage = "gcm:statedIn <https://w3id.org/gcmkg/id/document/doc-a/passage/2>"
    text = text.replace(f"{passage} .", f"{passage} ; gcm:value 3.0 .")
    result = runner.invoke(
        cli, ["validate", "--graph", str(_write(tmp_path / "fixed.trig", text)), "--shapes", str(SHAPES)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Warnings\n")
    assert result.stdout.endswith("\n0 violations, 1 warning; conforms: yes\n")
    as_json = runner.invoke(
        cli, ["validate", "--graph", str(tmp_path / "fixed.trig"), "--shapes", str(SHAPES), "--format", "json"]
    )
    assert json.loads(as_json.stdout)["conforms"] is True


def test_a_build_folder_and_the_default_build(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "build").mkdir()
    shutil.copy(DATA, tmp_path / "build" / "gcmkg.trig")
    folder = runner.invoke(cli, ["validate", "--graph", str(tmp_path / "build"), "--shapes", str(SHAPES)])
    assert folder.exit_code == 1
    assert folder.stdout == EXPECTED_TEXT
    monkeypatch.chdir(tmp_path)
    default = runner.invoke(cli, ["validate", "--shapes", str(SHAPES)])
    assert default.stdout == EXPECTED_TEXT


def test_shipped_shapes_by_default(runner: CliRunner, reference_build: Path) -> None:
    result = runner.invoke(cli, ["validate", "--graph", str(reference_build)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].endswith("; conforms: yes")
    assert "0 violations" in result.stdout.splitlines()[-1]


def test_labels_fall_back_to_rdfs_label_then_title_then_the_iri(tmp_path: Path) -> None:
    data = _write(
        tmp_path / "labels.ttl",
        PREFIXES
        + """
ex:a a gcm:Session ; skos:prefLabel "Sitzung"@de , "Session A"@en ; rdfs:label "not this one" .
ex:b a gcm:Session ; skos:prefLabel "Sitzung B"@de ; rdfs:label "label B" ; dcterms:title "not this one" .
ex:c a gcm:Session ; dcterms:title "Title C"@en .
ex:d a gcm:Session .
""",
    )
    shapes = _write(
        tmp_path / "s.ttl",
        PREFIXES + "ex:S sh:targetClass gcm:Session ; sh:property [ sh:path gcm:sessionNumber ; sh:minCount 1 ] .\n",
    )
    text = to_text(validate_graph(union_graph(data), user_shapes([shapes])))
    nodes = [line for line in text.splitlines() if line.startswith("    - ")]
    assert nodes == [
        "    - Session A (https://example.org/a)",
        "    - label B (https://example.org/b)",
        "    - Title C (https://example.org/c)",
        "    - https://example.org/d",
    ]
    # Named by the shapes file's own prefix; pySHACL's own messages name the node, so are not a group of their own:
    group = "  ex:S, property gcm:sessionNumber: 4 results\n"
    assert group + "    (the shape has no sh:message) (sh:MinCountConstraintComponent)\n" in text


def test_each_group_lists_at_most_ten_nodes(tmp_path: Path) -> None:
    sessions = "".join(f"ex:s{n:02d} a gcm:Session .\n" for n in range(1, 13))
    data = _write(tmp_path / "many.ttl", PREFIXES + sessions)
    shapes = _write(
        tmp_path / "s.ttl",
        PREFIXES + "ex:S sh:targetClass gcm:Session ; sh:property [ sh:path gcm:sessionNumber ; sh:minCount 1 ] .\n",
    )
    lines = to_text(validate_graph(union_graph(data), user_shapes([shapes]))).splitlines()
    listed = [line for line in lines if line.startswith("    - ")]
    assert listed == [f"    - https://example.org/s{n:02d}" for n in range(1, 11)]
    assert "    … and 2 more" in lines
    assert lines[-1] == "12 violations, 0 warnings; conforms: no"


def test_missing_build_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["validate", "--graph", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"error: no build at {tmp_path / 'nowhere'}" in result.stderr


def test_unreadable_or_invalid_shapes_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    missing = runner.invoke(cli, ["validate", "--graph", str(DATA), "--shapes", str(tmp_path / "none.ttl")])
    assert missing.exit_code == 2
    assert f"{tmp_path / 'none.ttl'}: shapes file cannot be read" in missing.stderr
    broken = _write(tmp_path / "broken.ttl", "this is not turtle")
    invalid = runner.invoke(cli, ["validate", "--graph", str(DATA), "--shapes", str(broken)])
    assert invalid.exit_code == 2
    assert f"{broken}: not valid turtle" in invalid.stderr
    jsonld = _write(tmp_path / "shapes.jsonld", "{}")
    other = runner.invoke(cli, ["validate", "--graph", str(DATA), "--shapes", str(jsonld)])
    assert other.exit_code == 2
    assert "shapes must be Turtle (.ttl) or N-Triples (.nt)" in other.stderr


def test_bad_data_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    bad = _write(tmp_path / "bad.trig", "<a> <b> .")
    result = runner.invoke(cli, ["validate", "--graph", str(bad), "--shapes", str(SHAPES)])
    assert result.exit_code == 2
    assert f"error: {bad}: not valid TriG" in result.stderr
    assert result.stdout == ""


def test_validate_help_has_examples_and_exit_codes(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["validate", "--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.output
    assert "0 conforms (warnings allowed), 1 violations, 2 any error" in " ".join(result.output.split())
    for option in ("--graph", "--shapes", "--format", "--allow-sparql", "--allow-imports"):
        assert option in result.output


@pytest.mark.slow
def test_same_input_same_bytes_whatever_the_hash_seed(tmp_path: Path) -> None:
    def run(seed: str, output_format: str) -> bytes:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-c", "from gcmkg.graph.cli import main; main()", *ARGS, "--format", output_format]
        done = subprocess.run(command, env=env, capture_output=True, check=False)
        assert done.returncode == 1, done.stderr
        return done.stdout

    for output_format in ("table", "json", "turtle"):
        assert run("1", output_format) == run("977", output_format), output_format
    assert run("5", "table").decode("utf-8") == EXPECTED_TEXT

"""Hostile ``--param`` values through ``gcmkg query``: bound as RDF terms, so they match data or nothing, never run."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from gcmkg.graph.cli import cli

MODEL = Path(__file__).resolve().parent / "fixtures" / "model.trig"
HOSTILE = [
    'x" } ; DROP ALL ; #',
    '"} ; DROP ALL ;',
    "x' } ; DROP ALL ; #",
    '") } SERVICE <http://evil.example/> { ?s ?p ?o } #',
]
PREFIXES = """PREFIX gcm: <https://w3id.org/gcmkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""


def csv_rows(runner: CliRunner, *args: str) -> tuple[int, list[str]]:
    result = runner.invoke(cli, ["query", *args, "--format", "csv"])
    return result.exit_code, result.stdout.splitlines()


@pytest.mark.parametrize("value", HOSTILE)
def test_a_hostile_string_matches_nothing_and_changes_nothing(runner: CliRunner, value: str) -> None:
    before = MODEL.read_bytes()
    code, lines = csv_rows(runner, "initiatives", "--graph", str(MODEL), "--param", f"funder={value}")
    assert code == 0
    assert lines == ["initiative,funder,iso3,objective,source,status,place,passage,session"]
    assert MODEL.read_bytes() == before
    code, lines = csv_rows(runner, "initiatives", "--graph", str(MODEL), "--param", "funder=eu")
    assert lines[1:] == ["EU pilot project,European Union,,,doc-a,,,4,"]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_hostile_string_is_data_it_finds_the_fund_named_so(runner: CliRunner, tmp_path: Path, value: str) -> None:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    data = tmp_path / "fund.trig"
    data.write_text(
        PREFIXES
        + """<https://w3id.org/gcmkg/graph/document/d> {
  <https://w3id.org/gcmkg/id/initiative/f> skos:prefLabel "Odd Fund"@en ; gcm:acronym "ACRONYM"@en .
  <https://w3id.org/gcmkg/id/initiative/f/project/p> skos:prefLabel "Project P"@en ;
      gcm:fundedBy <https://w3id.org/gcmkg/id/initiative/f> ; prov:wasDerivedFrom <https://w3id.org/gcmkg/id/p1> .
  <https://w3id.org/gcmkg/id/p1> gcm:passageOf <https://w3id.org/gcmkg/id/document/d> ; gcm:passageNumber 1 .
  <https://w3id.org/gcmkg/id/document/d> dcterms:identifier "d" .
}
""".replace("ACRONYM", escaped),
        encoding="utf-8",
    )
    code, lines = csv_rows(runner, "initiatives", "--graph", str(data), "--param", f"funder={value}")
    assert code == 0
    assert lines == [
        "initiative,funder,iso3,objective,source,status,place,passage,session",
        "Project P,Odd Fund,,,d,,,1,",
    ]


@pytest.fixture()
def things(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A catalogue with one query taking an iri parameter, and a graph with two labelled things."""
    folder = tmp_path / "queries"
    folder.mkdir()
    (folder / "label.rq").write_text(
        "#+ summary: The label of a thing\n#+ params:\n#+   - {name: thing, type: iri, required: true}\n"
        "#+ columns: [label]\nSELECT ?label ?thing WHERE { ?thing <http://example.org/label> ?label }\n",
        encoding="utf-8",
    )
    monkeypatch.setattr("gcmkg.graph.query.catalogue.queries_dir", lambda: folder)
    data = tmp_path / "things.trig"
    data.write_text(
        '<http://example.org/g> { <http://example.org/a> <http://example.org/label> "A" .\n'
        '  <http://example.org/b> <http://example.org/label> "B" . }\n',
        encoding="utf-8",
    )
    return data


@pytest.mark.parametrize(
    "value",
    [
        "http://example.org/a> } ; DROP ALL ; <http://example.org/b",
        "http://example.org/a>",
        "http://example.org/a b",
        "http://example.org/a>.<http://example.org/label>",
        "<http://example.org/a>",
        "not an iri",
    ],
)
def test_an_iri_with_angle_brackets_or_spaces_is_a_type_error(runner: CliRunner, things: Path, value: str) -> None:
    result = runner.invoke(cli, ["query", "label", "--graph", str(things), "--param", f"thing={value}"])
    assert result.exit_code == 2
    assert f"parameter 'thing' is {value!r}; expected an absolute IRI" in result.stderr
    assert result.stdout == ""


def test_a_well_formed_iri_matches_its_thing_or_nothing(runner: CliRunner, things: Path) -> None:
    assert csv_rows(runner, "label", "--graph", str(things), "--param", "thing=http://example.org/a") == (
        0,
        ["label", "A"],
    )
    assert csv_rows(runner, "label", "--graph", str(things), "--param", "thing=http://example.org/a%3E") == (
        0,
        ["label"],
    )

"""Ad-hoc SPARQL a newcomer can write: predeclared prefixes (``gcmkg prefixes``), one-line errors, the gYear
hint, and ``gcmkg describe``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef

from gcmkg.graph.cli import cli
from gcmkg.graph.core import ids
from gcmkg.graph.query.adhoc import predeclare

GCM = "https://w3id.org/gcmkg/ontology#"
FIXTURE_TITLE = "Excerpt of a report on the second session (fictional test document)"


def _run(*args: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr as written (Result.stdout would turn CRLF into LF)."""
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout_bytes.decode(), result.stderr_bytes.decode()


def test_prefixes_lists_the_project_prefixes() -> None:
    code, out, _ = _run("prefixes")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "gcm:          <https://w3id.org/gcmkg/ontology#>"
    assert "state:        <https://w3id.org/gcmkg/id/state/>" in lines
    assert "skos:         <http://www.w3.org/2004/02/skos/core#>" in lines


def test_sparql_help_lists_the_predeclared_prefixes() -> None:
    code, out, _ = _run("sparql", "--help")
    assert code == 0
    assert "Predeclared prefixes" in out
    assert "gcm:          <https://w3id.org/gcmkg/ontology#>" in out


def test_project_prefixes_need_no_declaration(reference_build: Path) -> None:
    query = "SELECT (COUNT(?o) AS ?n) WHERE { ?o a gcm:Objective ; skos:notation ?k }"
    code, out, err = _run("sparql", query, "--graph", str(reference_build), "--format", "csv")
    assert (code, out) == (0, "n\r\n23\r\n"), err


def test_a_prefix_the_query_declares_wins(reference_build: Path) -> None:
    query = "PREFIX gcm: <http://example.org/> SELECT (COUNT(?o) AS ?n) WHERE { ?o a gcm:Objective }"
    code, out, _ = _run("sparql", query, "--graph", str(reference_build), "--format", "csv")
    assert (code, out) == (0, "n\r\n0\r\n")
    assert "PREFIX gcm: <https://" not in predeclare(query).text


def test_an_unknown_prefix_is_named_with_the_known_ones(reference_build: Path) -> None:
    code, out, err = _run("sparql", "SELECT ?s WHERE { ?s a foo:Session }", "--graph", str(reference_build))
    assert code == 2 and out == ""
    first = err.splitlines()[0]
    assert first.startswith("error: not valid SPARQL: unknown prefix foo:; known: gcm:, objective:, principle:, ")
    assert first.endswith(", xsd:, vann:")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        # 34 characters: the parser stops after the last one
        ("SELECT ?s WHERE { ?s a gcm:Session", "not valid SPARQL at line 1, column 35: unexpected end of query"),
        ("SELECT ?s WHERE { ?s a gcm:Session ) }", "not valid SPARQL at line 1, column 36: unexpected ')'"),
        ("SELECT ?s\nWHERE {\n  ?s ?p }", "not valid SPARQL at line 3, column 3: unexpected '?s'"),
    ],
)
def test_a_syntax_error_is_one_line_with_line_and_column(reference_build: Path, query: str, message: str) -> None:
    code, _, err = _run("sparql", query, "--graph", str(reference_build))
    assert code == 2
    assert err.splitlines() == [f"error: {message}"]


def test_a_year_compared_with_an_integer_gets_a_hint(fixture_build: Path) -> None:
    hint = 'hint: gcm:reviewYear holds xsd:gYear values, never equal to the integer 2024: write "2024"^^xsd:gYear'
    for query in (
        "SELECT ?r WHERE { ?r gcm:reviewYear 2024 }",
        "SELECT ?r WHERE { ?r gcm:reviewYear ?y FILTER(?y = 2024) }",
    ):
        code, out, err = _run("sparql", query, "--graph", str(fixture_build))
        assert code == 0
        assert out.splitlines()[-1] == "(0 rows)"
        assert err.splitlines() == [hint]
    code, out, err = _run(
        "sparql", 'SELECT ?r WHERE { ?r gcm:reviewYear "2024"^^xsd:gYear }', "--graph", str(fixture_build)
    )
    assert (code, out.splitlines()[-1], err) == (0, "(1 row)", "")


@pytest.mark.parametrize("entity", ["SRB", "serbia", "state:SRB", ids.state("SRB"), f"<{ids.state('SRB')}>"])
def test_describe_finds_an_entity_however_it_is_named(reference_build: Path, entity: str) -> None:
    code, out, err = _run("describe", entity, "--graph", str(reference_build), "--format", "json")
    assert code == 0, err
    described = json.loads(out)
    assert described["iri"] == ids.state("SRB")
    assert GCM + "State" in described["types"]
    assert "Serbia" in described["labels"]
    alpha3 = [p["value"]["value"] for p in described["properties"] if p["property"] == GCM + "alpha3"]
    assert alpha3 == ["SRB"]


def test_describe_table_shows_types_labels_properties_and_links(reference_build: Path) -> None:
    code, out, _ = _run("describe", "objective:7", "--graph", str(reference_build))
    assert code == 0
    lines = out.splitlines()
    assert lines[1] == f"  iri:     {ids.objective(7)}"
    assert "gcm:Objective" in lines[2] and "Objective 7" in lines[3]
    assert "  gcm:objectiveNumber          7" in lines
    assert "  skos:hasTopConcept           ← scheme:objectives (GCM objectives) [skos:ConceptScheme]" in lines


def test_describe_shows_the_passages_document_derived_facts_come_from(fixture_build: Path) -> None:
    code, out, _ = _run("describe", "GEO", "--graph", str(fixture_build))
    assert code == 0
    passages = out.split("\npassages (", 1)[1].splitlines()
    assert passages[0] == "4):"  # attendance, presenters, objective 7, the Joint Programme
    assert any(
        line.startswith(f"  {FIXTURE_TITLE}, passage ")
        and ": 4. Under Objective 7, Georgia and Armenia described" in line
        for line in passages
    )
    code, out, _ = _run("describe", "GEO", "--graph", str(fixture_build), "--format", "json")
    texts = {p["text"] for p in json.loads(out)["passages"]}
    assert any(text.startswith("4. Under Objective 7, Georgia and Armenia described screening") for text in texts)


def test_describe_as_turtle_holds_its_statements_and_links(reference_build: Path) -> None:
    code, out, _ = _run("describe", "TUR", "--graph", str(reference_build), "--format", "turtle")
    assert code == 0
    graph = Graph().parse(data=out, format="turtle")
    assert (URIRef(ids.state("TUR")), URIRef(GCM + "alpha3"), Literal("TUR")) in graph


def test_describe_nothing_and_an_unknown_name(reference_build: Path) -> None:
    code, _, err = _run("describe", "Atlantis", "--graph", str(reference_build))
    assert code == 3
    assert "nothing in the build is called 'Atlantis'" in err
    code, _, err = _run("describe", "XXX", "--graph", str(reference_build))
    assert code == 3
    assert f"the build says nothing about <{ids.state('XXX')}>" in err

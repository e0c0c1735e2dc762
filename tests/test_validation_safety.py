"""User-supplied shapes never run SPARQL, JavaScript or owl:imports unless asked, and never reach the network.

Every test here runs with the network cut off (a socket that refuses to connect) and checks the refusal happens
before pySHACL is called; the shapes files are written by the tests.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from gcmkg.graph.cli import cli
from gcmkg.graph.validation import engine
from gcmkg.graph.validation.safety import IMPORTS, JAVASCRIPT, REMOTE, SPARQL, find_unsafe
from gcmkg.graph.validation.shapes import read_shapes_file

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "validation"
DATA = FIXTURES / "small.trig"
PREFIXES = """\
@prefix dash: <http://datashapes.org/dash#> .
@prefix ex: <https://example.org/> .
@prefix gcm: <https://w3id.org/gcmkg/ontology#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
"""
# Session 5 of small.trig has the number "five": this constraint finds it, and only it.
SPARQL_SHAPE = '''
ex:IntegerNumbers a sh:NodeShape ;
    sh:targetClass gcm:Session ;
    sh:sparql [
        a sh:SPARQLConstraint ;
        sh:message "A session number is an xsd:integer." ;
        sh:select """
            PREFIX gcm: <https://w3id.org/gcmkg/ontology#>
            SELECT $this ?value WHERE {
                $this gcm:sessionNumber ?value .
                FILTER(datatype(?value) != <http://www.w3.org/2001/XMLSchema#integer>)
            }""" ;
    ] .
'''
SERVICE_SHAPE = '''
ex:Remote a sh:NodeShape ;
    sh:targetClass gcm:Session ;
    sh:sparql [
        sh:select """SELECT $this WHERE { SERVICE <http://sparql.example.invalid/query> { $this ?p ?o } }""" ;
    ] .
'''
IMPORTS_SHAPE = """
<https://example.org/shapes> a owl:Ontology ;
    owl:imports <http://shapes.example.invalid/more-shapes.ttl> .
"""
JS_SHAPE = """
ex:Scripted a sh:NodeShape ;
    sh:targetClass gcm:Session ;
    sh:js [
        a sh:JSConstraint ;
        sh:jsFunctionName "check" ;
        sh:jsLibrary [ sh:jsLibraryURL "http://scripts.example.invalid/check.js" ] ;
    ] .
"""


class NetworkUsed(AssertionError):
    pass


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Cut the network: any connection attempt is recorded and fails the test."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise NetworkUsed(f"network used: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


@pytest.fixture()
def pyshacl_calls(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Record every call of pySHACL's validate (and still run it)."""
    calls: list[object] = []
    real = engine.validate

    def spy(*args: object, **kwargs: object) -> object:
        calls.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(engine, "validate", spy)
    return calls


def _shapes(tmp_path: Path, body: str, name: str = "user-shapes.ttl") -> Path:
    path = tmp_path / name
    path.write_text(PREFIXES + body, encoding="utf-8")
    return path


def _validate(runner: CliRunner, shapes: Path, *options: str):  # type: ignore[no-untyped-def]
    return runner.invoke(cli, ["validate", "--graph", str(DATA), "--shapes", str(shapes), *options])


def test_a_sparql_constraint_is_refused_without_allow_sparql(
    runner: CliRunner, tmp_path: Path, pyshacl_calls: list[object]
) -> None:
    shapes = _shapes(tmp_path, SPARQL_SHAPE)
    result = _validate(runner, shapes)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"error: {shapes}: shapes refused" in result.stderr
    assert "shape ex:IntegerNumbers uses a SPARQL-based constraint" in result.stderr
    assert "ex:IntegerNumbers sh:sparql []" in result.stderr
    assert "[] rdf:type sh:SPARQLConstraint" in result.stderr
    assert "only with --allow-sparql" in result.stderr
    assert pyshacl_calls == []


def test_allow_sparql_runs_a_sparql_constraint_on_local_data(
    runner: CliRunner, tmp_path: Path, pyshacl_calls: list[object]
) -> None:
    result = _validate(runner, _shapes(tmp_path, SPARQL_SHAPE), "--allow-sparql")
    assert result.exit_code == 1, result.output
    assert result.stdout == (
        "Violations\n"
        "  ex:IntegerNumbers: 1 result\n"
        "    A session number is an xsd:integer. (sh:SPARQLConstraintComponent)\n"
        '    - 2020 review, session 5 (review:2020/session/5); value "five"\n'
        "\n"
        "1 violation, 0 warnings; conforms: no\n"
    )
    (call,) = pyshacl_calls
    assert call["advanced"] is True and call["js"] is False and call["do_owl_imports"] is False  # type: ignore[index]
    assert call["inference"] == "none"  # type: ignore[index]


def test_without_options_pyshacl_runs_core_only(runner: CliRunner, pyshacl_calls: list[object]) -> None:
    result = _validate(runner, FIXTURES / "shapes.ttl")
    assert result.exit_code == 1
    (call,) = pyshacl_calls
    assert (call["advanced"], call["js"], call["do_owl_imports"]) == (False, False, False)  # type: ignore[index]


def test_a_service_clause_is_refused_even_with_allow_sparql(
    runner: CliRunner, tmp_path: Path, no_network: list[object], pyshacl_calls: list[object]
) -> None:
    shapes = _shapes(tmp_path, SERVICE_SHAPE)
    result = _validate(runner, shapes, "--allow-sparql")
    assert result.exit_code == 2
    assert f"{shapes}: shapes refused" in result.stderr
    assert "shape ex:Remote has SPARQL that reaches a remote endpoint or graph (SERVICE, FROM or LOAD)" in result.stderr
    assert "SERVICE <http://sparql.example.invalid/query>" in result.stderr
    assert "never runs SPARQL that queries or loads remote data" in result.stderr
    without = _validate(runner, shapes)
    assert without.exit_code == 2
    assert "only with --allow-sparql" in without.stderr and "SERVICE" in without.stderr
    assert no_network == [] and pyshacl_calls == []


def test_owl_imports_of_a_url_is_refused_before_anything_is_fetched(
    runner: CliRunner, tmp_path: Path, no_network: list[object], pyshacl_calls: list[object]
) -> None:
    shapes = _shapes(tmp_path, IMPORTS_SHAPE)
    result = _validate(runner, shapes, "--allow-sparql")
    assert result.exit_code == 2
    assert f"{shapes}: shapes refused" in result.stderr
    assert (
        "shape ex:shapes imports another graph with owl:imports: "
        "ex:shapes owl:imports http://shapes.example.invalid/more-shapes.ttl" in result.stderr
    )
    assert "only with --allow-imports" in result.stderr
    assert no_network == [] and pyshacl_calls == []


def test_allow_imports_checks_the_imported_shapes_too(
    runner: CliRunner, tmp_path: Path, no_network: list[object]
) -> None:
    imported = _shapes(tmp_path, SPARQL_SHAPE, name="imported.ttl")
    importing = _shapes(tmp_path, f"<https://example.org/shapes> a owl:Ontology ; owl:imports <{imported.as_uri()}> .")
    refused = _validate(runner, importing, "--allow-imports")
    assert refused.exit_code == 2
    assert f"{importing}: shapes refused" in refused.stderr
    assert "shape ex:IntegerNumbers uses a SPARQL-based constraint" in refused.stderr
    allowed = _validate(runner, importing, "--allow-imports", "--allow-sparql")
    assert allowed.exit_code == 1, allowed.output
    assert "A session number is an xsd:integer." in allowed.stdout
    assert no_network == []


def test_allow_imports_loads_local_shapes(runner: CliRunner, tmp_path: Path) -> None:
    importing = _shapes(
        tmp_path, f"<https://example.org/shapes> a owl:Ontology ; owl:imports <{(FIXTURES / 'shapes.ttl').as_uri()}> ."
    )
    result = _validate(runner, importing, "--allow-imports")
    assert result.exit_code == 1, result.output
    assert result.stdout.endswith("3 violations, 1 warning; conforms: no\n")


def test_javascript_is_always_refused(runner: CliRunner, tmp_path: Path, pyshacl_calls: list[object]) -> None:
    shapes = _shapes(tmp_path, JS_SHAPE)
    result = _validate(runner, shapes, "--allow-sparql", "--allow-imports")
    assert result.exit_code == 2
    assert "shape ex:Scripted uses SHACL-JavaScript: ex:Scripted sh:js []" in result.stderr
    assert "sh:jsFunctionName" in result.stderr and "sh:jsLibraryURL" in result.stderr
    assert "gcmkg never runs SHACL-JavaScript" in result.stderr
    assert pyshacl_calls == []


def test_every_kind_of_risk_is_found(tmp_path: Path) -> None:
    body = (
        SPARQL_SHAPE
        + SERVICE_SHAPE
        + IMPORTS_SHAPE
        + JS_SHAPE
        + """
ex:Rules a sh:NodeShape ; sh:target [ a sh:SPARQLTarget ; sh:select "SELECT ?this WHERE { ?this a ?c }" ] ;
    sh:rule [ a sh:TripleRule ; sh:subject sh:this ; sh:predicate ex:p ; sh:object ex:o ] .
ex:Fn a sh:SPARQLFunction ; sh:select "SELECT (1 AS ?r) WHERE {}" .
ex:Dashed a sh:NodeShape ; dash:js "x" .
ex:FromGraph a sh:NodeShape ; sh:sparql [ sh:select "SELECT $this FROM <http://g.example.invalid/> WHERE {}" ] .
"""
    )
    graph = read_shapes_file(_shapes(tmp_path, body))
    kinds: dict[str, set[str]] = {}
    for finding in find_unsafe(graph):
        kinds.setdefault(finding.shape, set()).add(finding.kind)
    assert kinds == {
        "ex:IntegerNumbers": {SPARQL},
        "ex:Remote": {SPARQL, REMOTE},
        "ex:shapes": {IMPORTS},
        "ex:Scripted": {JAVASCRIPT},
        "ex:Rules": {SPARQL},
        "ex:Fn": {SPARQL},
        "ex:Dashed": {JAVASCRIPT},
        "ex:FromGraph": {SPARQL, REMOTE},
    }
    allowed = {(f.shape, f.kind) for f in find_unsafe(graph, allow_sparql=True, allow_imports=True)}
    assert allowed == {
        ("ex:Remote", REMOTE),
        ("ex:Scripted", JAVASCRIPT),
        ("ex:Dashed", JAVASCRIPT),
        ("ex:FromGraph", REMOTE),
    }


def test_plain_core_shapes_pass(tmp_path: Path) -> None:
    assert find_unsafe(read_shapes_file(FIXTURES / "shapes.ttl")) == []


def test_a_service_keyword_written_with_an_escape_is_refused_too(
    runner: CliRunner, tmp_path: Path, no_network: list[object], pyshacl_calls: list[object]
) -> None:
    # SPARQL processes \u escapes before parsing, so SERV\u0049CE is SERVICE to the engine that would run it
    escaped = SERVICE_SHAPE.replace("SERVICE", "SERV\\\\u0049CE")
    assert "SERV\\\\u0049CE" in escaped
    shapes = _shapes(tmp_path, escaped)
    result = _validate(runner, shapes, "--allow-sparql")
    assert result.exit_code == 2
    assert "shape ex:Remote has SPARQL that reaches a remote endpoint or graph" in result.stderr
    assert no_network == [] and pyshacl_calls == []

"""The Python API: ``gcmkg.open(build)``, stored queries with keyword parameters giving Python values, ad-hoc
SPARQL with the prefixes declared, one entity described, pandas and Jupyter views. Expected values are read from
the fixture report (tests/fixtures/corpus) and the reference data."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from pathlib import Path

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode

import gcmkg
from gcmkg.graph.core import ids
from gcmkg.graph.core.errors import ParameterError, QueryRefused, UnknownQueryError
from tests.conftest import REPO_ROOT

XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def kg(hostile_build: Path) -> gcmkg.KnowledgeGraph:
    return gcmkg.open(hostile_build)


def test_a_stored_query_with_keyword_parameters(kg: gcmkg.KnowledgeGraph) -> None:
    rows = kg.query("session-participants", year=2024, session=2)
    assert rows.columns == ("name", "iso3", "role", "organisation", "via")
    assert ("Portugal", "PRT", "speaker", None, None) in rows
    assert ("Estonia", "EST", "on-behalf-of", None, "Ireland") in rows
    assert ("Maria Lindholm", None, "moderator", "International Detention Coalition", None) in rows
    assert {"name": "Armenia", "iso3": "ARM", "role": "right-of-reply", "organisation": None, "via": None} in (
        rows.records()
    )


def test_values_are_python_values(kg: gcmkg.KnowledgeGraph) -> None:
    objectives = kg.query("session-objectives", year="2024", session="2")
    assert list(objectives) == [(3,), (7,), (16,)]  # integers, as the report lists them
    dated = kg.sparql("SELECT ?document ?date WHERE { ?document a gcm:Document ; dcterms:date ?date }")
    report = ids.ID + "document/fixture_2024_session_report"
    assert list(dated) == [(report, datetime.date(2024, 3, 11))]  # IRIs as str; the manifest's date as a date


@pytest.mark.parametrize(
    ("term", "value"),
    [
        (Literal("7", datatype=NamedNode(XSD + "integer")), 7),
        (Literal("2024", datatype=NamedNode(XSD + "gYear")), 2024),
        (Literal("0.52", datatype=NamedNode(XSD + "decimal")), Decimal("0.52")),
        (Literal("2.5E0", datatype=NamedNode(XSD + "double")), 2.5),
        (Literal("true", datatype=NamedNode(XSD + "boolean")), True),
        (Literal("2024-03-11", datatype=NamedNode(XSD + "date")), datetime.date(2024, 3, 11)),
        (Literal("Serbia", language="en"), "Serbia"),
        (Literal("seven", datatype=NamedNode(XSD + "integer")), "seven"),  # ill-typed: kept as text
        (NamedNode("https://w3id.org/gcmkg/id/state/SRB"), "https://w3id.org/gcmkg/id/state/SRB"),
        (BlankNode("b0"), "_:b0"),
        (None, None),
    ],
)
def test_python_value(term: object, value: object) -> None:
    converted = gcmkg.python_value(term)  # type: ignore[arg-type]
    assert converted == value and type(converted) is type(value)


def test_sparql_with_prefixes_predeclared_and_ask(kg: gcmkg.KnowledgeGraph) -> None:
    rows = kg.sparql("SELECT ?name WHERE { state:GEO skos:prefLabel ?name }")
    assert isinstance(rows, gcmkg.Rows) and list(rows) == [("Georgia",)]
    assert kg.sparql("ASK { state:SRB a gcm:State }") is True
    assert kg.sparql("ASK { state:SRB a gcm:Session }") is False


def test_the_guard_and_the_parameter_types_hold(kg: gcmkg.KnowledgeGraph) -> None:
    with pytest.raises(QueryRefused, match="SERVICE"):
        kg.sparql("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    with pytest.raises(QueryRefused, match="SPARQL Update"):
        kg.sparql("DROP ALL")
    with pytest.raises(ParameterError, match="parameter 'year' is '20x4'; expected a four-digit year"):
        kg.query("session-participants", year="20x4", session=2)
    with pytest.raises(UnknownQueryError, match="session-participants"):
        kg.query("session-participant")


def test_rows_stop_at_the_limit(hostile_build: Path) -> None:
    rows = gcmkg.open(hostile_build, limit=5).query("objectives")
    assert len(rows) == 5 and rows.truncated_at == 5
    assert gcmkg.open(hostile_build, limit=0).query("objectives").truncated_at is None


def test_to_pandas(kg: gcmkg.KnowledgeGraph) -> None:
    frame = kg.query("objectives").to_pandas()
    assert list(frame.columns) == ["number", "title"]
    assert len(frame) == 23 and frame["number"].tolist() == list(range(1, 24))


def test_describe(kg: gcmkg.KnowledgeGraph) -> None:
    serbia = kg.describe("SRB")
    assert serbia.iri == ids.state("SRB")
    assert "Serbia" in serbia.labels and ids.ONTOLOGY_NS + "State" in serbia.types
    assert (ids.ONTOLOGY_NS + "alpha3", "SRB") in serbia.properties
    assert "SRB" in str(serbia) and "state:SRB" in serbia.to_turtle()


def test_jupyter_views_escape_the_text(kg: gcmkg.KnowledgeGraph) -> None:
    html = kg.describe("SRB")._repr_html_()
    assert "<mark>Serbia</mark> noted &lt;script&gt;" in html and "<script" not in html
    table = kg.sparql("SELECT ?t WHERE { ?p gcm:text ?t FILTER(CONTAINS(?t, 'closing remark')) }")
    assert isinstance(table, gcmkg.Rows)
    rendered = table._repr_html_()
    assert "&lt;script&gt;" in rendered and "<script" not in rendered
    assert re.search(r"<th>t</th>", rendered) and "1 row" in rendered


def test_the_readme_example_runs(hostile_build: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(hostile_build.parent)
    namespace: dict[str, object] = {}
    exec(compile(example.replace('"build"', repr(str(hostile_build))), "README.md", "exec"), namespace)
    rows = namespace["rows"]
    assert isinstance(rows, gcmkg.Rows) and len(rows) == 13  # the 13 participations of the fixture report's session
    assert namespace["serbia"].iri == ids.state("SRB")  # type: ignore[attr-defined]

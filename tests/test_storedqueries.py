"""Stored-query metadata is parsed strictly; parameters are typed and bound as RDF terms."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store, Variable

from gcmkg.graph.core.errors import ParameterError, StoredQueryError, UnknownQueryError
from gcmkg.graph.query.catalogue import find_query, load_catalogue, parse_stored_query
from gcmkg.graph.query.params import bind, parse_assignments
from gcmkg.graph.query.runner import run_on_store

XSD = "http://www.w3.org/2001/XMLSchema#"
GOOD = """#+ summary: Things of a year
#+ params:
#+   - {name: year, type: year, required: true, description: review year}
#+   - {name: code, type: iso3}
#+ columns: [thing]
SELECT ?thing ?year ?code
WHERE { ?thing <http://example.org/year> ?year . OPTIONAL { ?thing <http://example.org/code> ?code } }
"""


def _write(tmp_path: Path, text: str, name: str = "things.rq") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_metadata_is_parsed_into_a_typed_record(tmp_path: Path) -> None:
    query = parse_stored_query(_write(tmp_path, GOOD))
    assert query.name == "things"
    assert query.summary == "Things of a year"
    assert [(p.name, p.type, p.required) for p in query.parameters] == [("year", "year", True), ("code", "iso3", False)]
    assert query.columns == ("thing",)
    assert query.text.startswith("SELECT")


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("SELECT * WHERE {}\n", 1, "no '#+' metadata"),
        ("#+ summary: x\n#+ columns: [a]\n#+ colour: red\nSELECT ?a {}\n", 3, "unknown metadata key 'colour'"),
        ("#+ summary: [unclosed\n#+ columns: [a]\nSELECT ?a {}\n", 2, "not valid YAML"),
        ("#+ summary: x\n#+ method: POST\n#+ columns: [a]\nSELECT ?a {}\n", 2, "key 'method' is not supported"),
        ("#+ summary: x\n#+ columns: [a]\n#+ endpoint: http://x.org/q\nSELECT ?a {}\n", 3, "key 'endpoint' is not"),
        ("#+ pagination: 100\n#+ summary: x\n#+ columns: [a]\nSELECT ?a {}\n", 1, "'pagination' is not supported"),
        ("#+ columns: [a]\nSELECT ?a {}\n", 1, "needs 'summary'"),
        (
            "#+ summary: x\n#+ columns: [a]\n#+ params:\n#+   - {name: y, type: date}\nSELECT ?a {?a ?b ?y}\n",
            3,
            "type 'date'",
        ),
        (
            "#+ summary: x\n#+ columns: [a]\n#+ params:\n#+   - {name: year, type: year}\nSELECT ?a {}\n",
            3,
            "not used as ?year",
        ),
    ],
)
def test_malformed_metadata_names_file_and_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(StoredQueryError) as caught:
        parse_stored_query(path)
    assert f"{path}:{line}:" in str(caught.value)
    assert words in str(caught.value)


def test_unknown_query_suggests_close_names() -> None:
    with pytest.raises(UnknownQueryError) as caught:
        find_query("objectivs", load_catalogue())
    assert "objectives" in str(caught.value)


def test_shipped_queries_parse() -> None:
    catalogue = load_catalogue()
    assert "objectives" in catalogue
    assert catalogue["objectives"].columns == ("number", "title")


def test_parameters_become_typed_terms(tmp_path: Path) -> None:
    query = parse_stored_query(_write(tmp_path, GOOD))
    bindings = bind(query, parse_assignments(["year=2020", "code=tur"]))
    assert bindings[Variable("year")] == Literal("2020", datatype=NamedNode(XSD + "gYear"))
    assert bindings[Variable("code")] == Literal("TUR")


@pytest.mark.parametrize(
    ("pairs", "words"),
    [
        (["year=twenty"], "parameter 'year' is 'twenty'; expected a four-digit year"),
        (["year=2020", "code=TURK"], "parameter 'code' is 'TURK'; expected an ISO 3166 alpha-3 code"),
        ([], "needs --param year=VALUE"),
        (["year=2020", "colour=red"], "has no parameter 'colour'"),
        (["year"], "is not KEY=VALUE"),
    ],
)
def test_bad_parameters_name_the_parameter_and_type(tmp_path: Path, pairs: list[str], words: str) -> None:
    query = parse_stored_query(_write(tmp_path, GOOD))
    with pytest.raises(ParameterError) as caught:
        bind(query, parse_assignments(pairs))
    assert words in str(caught.value)


def test_hostile_value_is_data_not_query_text(tmp_path: Path) -> None:
    text = """#+ summary: By name
#+ params:
#+   - {name: name, type: string, required: true}
#+ columns: [thing]
SELECT ?thing ?name WHERE { ?thing <http://example.org/name> ?name }
"""
    query = parse_stored_query(_write(tmp_path, text))
    store = Store()
    hostile = '" } ; DROP ALL ; SELECT * { ?s ?p ?o'
    store.add(Quad(NamedNode("http://example.org/a"), NamedNode("http://example.org/name"), Literal("a")))
    store.add(Quad(NamedNode("http://example.org/b"), NamedNode("http://example.org/name"), Literal(hostile)))
    result = run_on_store(store, query, bind(query, {"name": hostile}))
    assert result.rows == [(NamedNode("http://example.org/b"),)]
    assert len(store) == 2


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("ASK { ?s ?p ?o }", "must be a SELECT query"),
        ("SELECT ?other WHERE { ?other ?p ?o }", "projects ['other']; its metadata declares columns ['thing']"),
    ],
)
def test_stored_query_that_breaks_its_contract_is_refused(tmp_path: Path, body: str, words: str) -> None:
    query = parse_stored_query(_write(tmp_path, f"#+ summary: x\n#+ columns: [thing]\n{body}\n"))
    with pytest.raises(StoredQueryError) as caught:
        run_on_store(Store(), query, {})
    assert words in str(caught.value)

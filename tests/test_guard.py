"""The query guard: SERVICE, updates and FROM outside the dataset refused by parsing, never by keyword search."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import Literal, NamedNode, Quad, Store

from gcmkg.graph.cli import cli
from gcmkg.graph.core.errors import QueryRefused, StoredQueryError
from gcmkg.graph.query.catalogue import load_catalogue, parse_stored_query
from gcmkg.graph.query.guard import check_dataset, check_query, check_stored_query, normalise, unescape_codepoints

EVIL = "http://evil.example/sparql"


# --- what is let through -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'SELECT ?x WHERE { ?x ?p "SERVICE LOAD" } # SERVICE',
        "SELECT ?x WHERE { ?x ?p 'DROP ALL' }  # LOAD <http://x> ; DROP ALL",
        'SELECT ?x WHERE { ?x ?p """multi\nline SERVICE <http://x> { }\n""" }',
        "PREFIX ex: <http://example.org/> SELECT ?service WHERE { ?service ex:LOAD ex:SERVICE }",
        "SELECT ?x WHERE { ?x <http://example.org/SERVICE#LOAD> ?y }",
        "SELECT ?x WHERE { ?x ?p ?y } # SERVICE <http://x> { ?s ?p ?o }\n",
        'SELECT ?x WHERE { ?x ?p "a\\" SERVICE <http://x> { } \\"" }',
    ],
)
def test_keywords_in_comments_strings_iris_and_names_are_not_refused(text: str) -> None:
    checked = check_query(text)
    assert checked.form == "SELECT"
    assert checked.text == text


# --- SERVICE, wherever it is and however it is written ----------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (f"SELECT * WHERE {{ SERVICE <{EVIL}> {{ ?s ?p ?o }} }}", f"SERVICE <{EVIL}>"),
        (f"select * where {{ service <{EVIL}> {{ ?s ?p ?o }} }}", f"SERVICE <{EVIL}>"),
        (f"SELECT * WHERE {{ SeRvIcE SiLeNt <{EVIL}> {{ ?s ?p ?o }} }}", f"SERVICE SILENT <{EVIL}>"),
        (f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE <{EVIL}> {{ ?s ?q ?r }} }} }}", f"SERVICE <{EVIL}>"),
        (f"SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ SERVICE <{EVIL}> {{ ?s ?p ?o }} }} }}", f"SERVICE <{EVIL}>"),
        (f"SELECT * WHERE {{ ?s ?p ?o MINUS {{ SERVICE <{EVIL}> {{ ?s ?p ?o }} }} }}", f"SERVICE <{EVIL}>"),
        (f"SELECT * WHERE {{ GRAPH ?g {{ SERVICE <{EVIL}> {{ ?s ?p ?o }} }} }}", f"SERVICE <{EVIL}>"),
        (f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{EVIL}> {{ ?s ?p ?o }} }} }} }}", f"SERVICE <{EVIL}>"),
        (f"SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE <{EVIL}> {{ ?s ?p ?o }} }} }}", f"SERVICE <{EVIL}>"),
        (f"SELECT * WHERE {{ ?s ?p ?o FILTER NOT EXISTS {{ SERVICE <{EVIL}> {{ ?s ?p ?o }} }} }}", f"SERVICE <{EVIL}>"),
        (
            f"ASK {{ OPTIONAL {{ {{ SELECT * {{ FILTER EXISTS {{ SERVICE <{EVIL}> {{}} }} }} }} }} }}",
            f"SERVICE <{EVIL}>",
        ),
        ("SELECT * WHERE { ?s <http://example.org/svc> ?e . SERVICE ?e { ?s ?p ?o } }", "SERVICE ?e"),
        ("PREFIX ex: <http://evil.example/> SELECT * WHERE { SERVICE ex:sparql { ?s ?p ?o } }", f"SERVICE <{EVIL}>"),
        (f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{EVIL}> {{ ?s ?p ?o }} }}", f"SERVICE <{EVIL}>"),
    ],
)
def test_service_is_refused_wherever_it_is_nested(text: str, found: str) -> None:
    with pytest.raises(QueryRefused) as caught:
        check_query(text)
    assert f"refused: the query uses {found}" in str(caught.value)
    assert caught.value.exit_code == 2


@pytest.mark.parametrize(
    "text",
    [
        f"SELECT * WHERE {{ SERV\\u0049CE <{EVIL}> {{ ?s ?p ?o }} }}",  # I
        f"SELECT * WHERE {{ \\u0053ERVICE <{EVIL}> {{ ?s ?p ?o }} }}",  # S
        f"SELECT * WHERE {{ serv\\u0069ce <{EVIL}> {{ ?s ?p ?o }} }}",  # i, lower-case keyword
        f"SELECT * WHERE {{ SERV\\u0069cE <{EVIL}> {{ ?s ?p ?o }} }}",  # hex digits in lower case
        f"SELECT * WHERE {{ \\U00000053\\U00000045RVICE <{EVIL}> {{ ?s ?p ?o }} }}",  # eight-digit form
        f"SELECT * WHERE {{ \\u0053\\u0045\\u0052\\u0056\\u0049\\u0043\\u0045 <{EVIL}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE \\u007B SERVICE <{EVIL}> \\u007B ?s ?p ?o \\u007D \\u007D",  # escaped braces
    ],
)
def test_service_written_with_codepoint_escapes_is_refused(text: str) -> None:
    with pytest.raises(QueryRefused) as caught:
        check_query(text)
    assert f"SERVICE <{EVIL}>" in str(caught.value)


def test_an_escape_cannot_hide_service_inside_what_rdflib_would_read_as_a_string() -> None:
    # rdflib alone reads \u00000022 as one eight-digit escape, a quote, so it would see SERVICE inside a
    # string; SPARQL 1.1 reads \u0000 then "0022", so the string goes on and SERVICE is code, as
    # Oxigraph runs it. The guard checks the text as the specification reads it.
    text = f'SELECT * WHERE {{ ?s ?p "a\\u00000022 . ?s ?p " . SERVICE <{EVIL}> {{ ?s ?p ?o }} }} #" }}'
    with pytest.raises(QueryRefused) as caught:
        check_query(text)
    assert f"SERVICE <{EVIL}>" in str(caught.value)


def test_a_comment_ends_at_a_lone_carriage_return() -> None:
    # SPARQL ends a comment at CR or LF; rdflib's comments run on to the next LF, Oxigraph's stop at CR.
    text = f"SELECT * WHERE {{ # note\r SERVICE <{EVIL}> {{ ?s ?p ?o }} \n}}"
    with pytest.raises(QueryRefused) as caught:
        check_query(text)
    assert f"SERVICE <{EVIL}>" in str(caught.value)
    assert normalise("a\rb\r\nc") == "a\nb\r\nc"


# --- codepoint escapes, exactly as SPARQL 1.1 section 19.2 says ----------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\\u0041", "A"),
        ("\\u00e9\\u00E9", "éé"),
        ("\\U0001F600", "\U0001f600"),
        ("\\u00410042", "A0042"),  # \u takes exactly four digits (rdflib's own expansion takes eight here)
        ("\\u0000", "\x00"),
        ("\\u12", "\\u12"),  # not an escape: fewer than four digits
        ("\\\\u0041", "\\A"),  # escapes come before the grammar: the first backslash does not protect it
        ("no escapes", "no escapes"),
    ],
)
def test_codepoint_escapes_are_processed_once_as_the_specification_says(text: str, expected: str) -> None:
    assert unescape_codepoints(text) == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('SELECT * WHERE { ?s ?p "\\uD800" }', "\\uD800 is a surrogate"),
        ('SELECT * WHERE { ?s ?p "\\U00110000" }', "beyond U+10FFFF"),
        ('SELECT * WHERE { ?s ?p "\\u005Cu0041" }', "still holds the escape \\u0041"),
        ('SELECT * WHERE { ?s ?p "\\U0041" }', "still holds the escape \\U0041"),
    ],
)
def test_bad_or_doubled_escapes_are_refused(text: str, words: str) -> None:
    with pytest.raises(QueryRefused) as caught:
        check_query(text)
    assert words in str(caught.value)


def test_the_checked_text_is_what_runs_and_oxigraph_agrees() -> None:
    checked = check_query('SELECT ?x WHERE { BIND ("caf\\u00E9 \\U0001F600" AS ?x) }')
    assert checked.text == 'SELECT ?x WHERE { BIND ("café \U0001f600" AS ?x) }'
    [solution] = list(Store().query(checked.text))
    assert solution["x"] == Literal("café \U0001f600")


# --- updates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "operation"),
    [
        ("DROP ALL", "DROP"),
        ("drop silent graph <http://example.org/g>", "DROP"),
        (f"LOAD <{EVIL}>", "LOAD"),
        (f"LOAD SILENT <{EVIL}> INTO GRAPH <http://example.org/g>", "LOAD"),
        ("CLEAR DEFAULT", "CLEAR"),
        ("CREATE GRAPH <http://example.org/g>", "CREATE"),
        ("COPY <http://example.org/a> TO <http://example.org/b>", "COPY"),
        ("MOVE DEFAULT TO <http://example.org/b>", "MOVE"),
        ("ADD <http://example.org/a> TO DEFAULT", "ADD"),
        ("INSERT DATA { <http://example.org/a> <http://example.org/b> 1 }", "INSERT DATA"),
        ("DELETE DATA { <http://example.org/a> <http://example.org/b> 1 }", "DELETE DATA"),
        ("DELETE WHERE { ?s ?p ?o }", "DELETE WHERE"),
        ("WITH <http://example.org/g> DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }", "DELETE/INSERT"),
        ("PREFIX ex: <http://example.org/> INSERT { ?s ex:p 1 } WHERE { ?s ?p ?o }", "DELETE/INSERT"),
        ("DR\\u004FP ALL", "DROP"),
        ("CLEAR ALL ; LOAD <http://example.org/x>", "CLEAR, LOAD"),
    ],
)
def test_updates_are_refused_naming_the_operation(text: str, operation: str) -> None:
    with pytest.raises(QueryRefused) as caught:
        check_query(text)
    assert f"this is a SPARQL Update ({operation}" in str(caught.value)
    assert "never runs LOAD, INSERT, DELETE" in str(caught.value)


# --- FROM and FROM NAMED -----------------------------------------------------------------------


def test_from_clauses_are_returned_resolved() -> None:
    checked = check_query(
        "BASE <http://example.org/> PREFIX g: <http://example.org/graph/> "
        "SELECT * FROM g:a FROM <graph/b> FROM NAMED <http://example.org/graph/c> WHERE { ?s ?p ?o }"
    )
    assert checked.from_graphs == ("http://example.org/graph/a", "http://example.org/graph/b")
    assert checked.from_named == ("http://example.org/graph/c",)
    check_dataset(checked, {"http://example.org/graph/a", "http://example.org/graph/b", "http://example.org/graph/c"})
    with pytest.raises(QueryRefused) as caught:
        check_dataset(checked, {"http://example.org/graph/a", "http://example.org/graph/b"}, source="q.rq")
    assert str(caught.value).startswith(
        "q.rq: refused: FROM NAMED <http://example.org/graph/c> names a graph outside the dataset"
    )


def test_from_a_remote_graph_is_refused() -> None:
    checked = check_query(f"SELECT * FROM <{EVIL}> WHERE {{ ?s ?p ?o }}")
    with pytest.raises(QueryRefused) as caught:
        check_dataset(checked, {"https://w3id.org/gcmkg/graph/reference"})
    assert f"FROM <{EVIL}> names a graph outside the dataset" in str(caught.value)


# --- invalid SPARQL ----------------------------------------------------------------------------


def test_invalid_sparql_names_line_and_column() -> None:
    with pytest.raises(QueryRefused) as caught:
        check_query("SELECT ?s\nWHERE { ?s ?p }", source="q.rq")
    message = str(caught.value)
    # one line: where the parser stopped (the triple it could not finish) and what it found there
    assert message == "q.rq: not valid SPARQL at line 2, column 9: unexpected '?s'"


@pytest.mark.parametrize("text", ["", "# only a comment\n", "PREFIX ex: <http://example.org/>"])
def test_no_query_at_all_is_refused(text: str) -> None:
    with pytest.raises(QueryRefused) as caught:
        check_query(text)
    assert "no query" in str(caught.value)


def test_an_undeclared_prefix_in_from_is_invalid() -> None:
    with pytest.raises(QueryRefused) as caught:
        check_query("SELECT * FROM nowhere:g WHERE { ?s ?p ?o }")
    assert "not valid SPARQL" in str(caught.value)


# --- stored queries ----------------------------------------------------------------------------


def test_every_shipped_stored_query_passes_unchanged() -> None:
    for stored in load_catalogue().values():
        assert check_stored_query(stored) == stored, stored.name


def _stored(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "evil.rq"
    path.write_text(f"#+ summary: x\n#+ columns: [s]\n{body}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (f"SELECT ?s WHERE {{ OPTIONAL {{ SERVICE <{EVIL}> {{ ?s ?p ?o }} }} }}", f"uses SERVICE <{EVIL}>"),
        (f"SELECT ?s WHERE {{ SERV\\u0049CE <{EVIL}> {{ ?s ?p ?o }} }}", f"uses SERVICE <{EVIL}>"),
        ("DROP ALL", "this is a SPARQL Update (DROP)"),
        ("SELECT ?s FROM <https://w3id.org/gcmkg/graph/ontology> WHERE { ?s ?p ?o }", "may not name graphs with FROM"),
        ("ASK { ?s ?p ?o }", "must be a SELECT query, not ASK"),
        ("SELECT ?s WHERE { ?s ?p }", "not valid SPARQL at line 1"),
    ],
)
def test_a_refused_stored_query_is_a_data_error_naming_its_file(tmp_path: Path, body: str, words: str) -> None:
    path = _stored(tmp_path, body)
    with pytest.raises(StoredQueryError) as caught:
        check_stored_query(parse_stored_query(path))
    assert str(caught.value).startswith(f"{path}: ")
    assert words in str(caught.value)
    assert caught.value.exit_code == 4


def test_a_stored_query_runs_as_checked(tmp_path: Path) -> None:
    path = _stored(tmp_path, 'SELECT ?s WHERE { ?s ?p "caf\\u00E9" }')
    checked = check_stored_query(parse_stored_query(path))
    assert checked.text == 'SELECT ?s WHERE { ?s ?p "café" }\n'
    store = Store()
    store.add(Quad(NamedNode("http://example.org/a"), NamedNode("http://example.org/p"), Literal("café")))
    assert [solution["s"] for solution in store.query(checked.text)] == [NamedNode("http://example.org/a")]


def test_gcmkg_query_refuses_a_stored_query_with_exit_4(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    folder = tmp_path / "queries"
    folder.mkdir()
    path = _stored(folder, f"SELECT ?s WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE <{EVIL}> {{ }} }} }}")
    monkeypatch.setattr("gcmkg.graph.query.catalogue.queries_dir", lambda: folder)
    model = Path(__file__).resolve().parent / "fixtures" / "model.trig"
    result = runner.invoke(cli, ["query", "evil", "--graph", str(model)])
    assert result.exit_code == 4
    assert result.stdout == ""
    assert result.stderr.startswith(f"error: {path}: refused: the query uses SERVICE <{EVIL}>")


def test_a_query_too_deep_to_parse_is_refused_with_a_message() -> None:
    deep = "SELECT * WHERE { FILTER (" + "(" * 200 + "1" + ")" * 200 + ") }"
    with pytest.raises(QueryRefused) as caught:
        check_query(deep)
    assert "nested too deeply to check" in str(caught.value)
    check_query("SELECT * WHERE { FILTER (" + "(" * 10 + "1" + ")" * 10 + ") }")

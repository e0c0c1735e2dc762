"""``gcmkg sparql``: ad-hoc SELECT and ASK on the hand-written model dataset, in every format, guarded.

Expected rows are read off ``tests/fixtures/model.trig``: nine States with codes, all in the graph
``g:reference``; reviews 2024 (typed in doc-a) and 2020 (typed in doc-a and doc-b).
"""

from __future__ import annotations

import csv
import io
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import Store

from gcmkg.graph.cli import cli
from gcmkg.graph.query.rendering import spreadsheet_safe

MODEL = Path(__file__).resolve().parent / "fixtures" / "model.trig"
G = "https://w3id.org/gcmkg/graph/"
ID = "https://w3id.org/gcmkg/id/"
STATES = "PREFIX gcm: <https://w3id.org/gcmkg/ontology#> SELECT ?code WHERE { ?state gcm:alpha3 ?code } ORDER BY ?code"
CODES = ["AZE", "CYP", "DNK", "FRA", "KAZ", "MKD", "NOR", "PRT", "SWE"]
REVIEWS = "PREFIX gcm: <https://w3id.org/gcmkg/ontology#> SELECT DISTINCT ?review WHERE { ?review a gcm:Review }"


def sparql(runner: CliRunner, *args: str, graph: Path = MODEL) -> tuple[int, str, str]:
    """Exit code, stdout and stderr, exactly as written (Result.stdout would turn CRLF into LF)."""
    result = runner.invoke(cli, ["sparql", "--graph", str(graph), *args])
    return result.exit_code, result.stdout_bytes.decode(), result.stderr_bytes.decode()


# --- formats -----------------------------------------------------------------------------------


def test_select_as_a_table(runner: CliRunner) -> None:
    code, out, _ = sparql(runner, STATES)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "code"
    assert lines[1] == "----"
    assert lines[2:-1] == CODES
    assert lines[-1] == "(9 rows)"


def test_select_as_csv_tsv_and_json(runner: CliRunner) -> None:
    query = STATES.replace("SELECT ?code", "SELECT ?code ?state").replace("ORDER BY ?code", "ORDER BY ?code LIMIT 2")
    _, as_csv, _ = sparql(runner, query, "--format", "csv")
    assert as_csv == f"code,state\r\nAZE,{ID}state/AZE\r\nCYP,{ID}state/CYP\r\n"
    _, as_tsv, _ = sparql(runner, query, "--format", "tsv")
    assert as_tsv == f'?code\t?state\n"AZE"\t<{ID}state/AZE>\n"CYP"\t<{ID}state/CYP>\n'
    _, as_json, _ = sparql(runner, query, "--format", "json")
    document = json.loads(as_json)
    assert document["head"]["vars"] == ["code", "state"]
    assert document["results"]["bindings"][1] == {
        "code": {"type": "literal", "value": "CYP"},
        "state": {"type": "uri", "value": f"{ID}state/CYP"},
    }


def test_ask_prints_true_or_false_and_the_json_boolean(runner: CliRunner) -> None:
    yes = f"ASK {{ <{ID}review/2024> a <https://w3id.org/gcmkg/ontology#Review> }}"
    no = f"ASK {{ <{ID}review/2016> a <https://w3id.org/gcmkg/ontology#Review> }}"
    assert sparql(runner, yes) == (0, "true\n", "")
    assert sparql(runner, no) == (0, "false\n", "")
    assert sparql(runner, no, "--format", "csv") == (0, "false\n", "")
    code, out, _ = sparql(runner, yes, "--format", "json")
    assert json.loads(out) == {"head": {}, "boolean": True}


@pytest.mark.parametrize("form", ["CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "DESCRIBE ?s WHERE { ?s ?p ?o }"])
def test_construct_and_describe_are_refused_with_a_hint(runner: CliRunner, form: str) -> None:
    code, out, err = sparql(runner, form)
    assert code == 2
    assert out == ""
    assert f"answers SELECT and ASK queries; this is a {form.split()[0]} query" in err
    assert "SELECT ?s ?p ?o WHERE" in err


def test_unbound_values_are_empty_cells(runner: CliRunner) -> None:
    query = f"SELECT ?a ?b WHERE {{ VALUES (?a ?b) {{ (<{ID}x> UNDEF) }} }}"
    _, out, _ = sparql(runner, query, "--format", "csv")
    assert out == f"a,b\r\n{ID}x,\r\n"


# --- CSV is spreadsheet-safe ------------------------------------------------------------------


def test_csv_cells_that_a_spreadsheet_would_run_are_quoted_tsv_keeps_the_terms(runner: CliRunner) -> None:
    query = (
        'SELECT ?v WHERE { VALUES (?n ?v) { (1 "=HYPERLINK(\\"http://x\\")") (2 "+1+1") (3 "-2+3") (4 "@SUM(A1)")'
        ' (5 "\\tTAB") (6 "\\rCR") (7 "-12") (8 "+3.5") (9 "plain") (10 "a=b") } } ORDER BY ?n'
    )
    _, out, _ = sparql(runner, query, "--format", "csv")
    cells = [row[0] for row in csv.reader(io.StringIO(out, newline=""))]
    assert cells == [
        "v",
        '\'=HYPERLINK("http://x")',
        "'+1+1",
        "'-2+3",
        "'@SUM(A1)",
        "'\tTAB",
        "'\rCR",
        "-12",
        "+3.5",
        "plain",
        "a=b",
    ]
    _, tsv, _ = sparql(runner, query, "--format", "tsv")
    assert tsv.splitlines()[1:5] == ['"=HYPERLINK(\\"http://x\\")"', '"+1+1"', '"-2+3"', '"@SUM(A1)"']


@pytest.mark.parametrize(
    ("cell", "safe"),
    [("=1", "'=1"), ("-", "'-"), ("-1e3", "-1e3"), ("1-2", "1-2"), ("", ""), ("'=1", "'=1"), ("-1\n", "'-1\n")],
)
def test_spreadsheet_safe(cell: str, safe: str) -> None:
    assert spreadsheet_safe(cell) == safe


# --- the dataset: union of the named graphs, FROM, --inferred -----------------------------------


def test_runs_over_the_union_of_the_named_graphs(runner: CliRunner) -> None:
    _, out, _ = sparql(runner, REVIEWS + " ORDER BY ?review", "--format", "csv")
    assert out.splitlines() == ["review", f"{ID}review/2020", f"{ID}review/2024"]


def test_the_union_holds_a_triple_stated_in_several_graphs_once(runner: CliRunner, tmp_path: Path) -> None:
    """The union is an RDF merge (a set of triples), not a bag: a statement made by three documents is one
    triple, so it is counted once and a join through it is not multiplied (Oxigraph 0.5's own union default
    graph gave 3 and 9 here: oxigraph/oxigraph#1919)."""
    data = tmp_path / "repeated.trig"
    repeated = f"<{ID}s> <{ID}p> <{ID}o> . <{ID}o> <{ID}q> 7 ."
    data.write_text("".join(f"<{G}document/d{n}> {{ {repeated} }}\n" for n in (1, 2, 3)), encoding="utf-8")
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ <{ID}s> <{ID}p> ?o }}"
    assert sparql(runner, count, "--format", "csv", graph=data)[1].splitlines() == ["n", "1"]
    join = f"SELECT (COUNT(*) AS ?n) WHERE {{ <{ID}s> <{ID}p> ?o . ?o <{ID}q> ?v }}"
    assert sparql(runner, join, "--format", "csv", graph=data)[1].splitlines() == ["n", "1"]
    per_graph = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ <{ID}s> <{ID}p> ?o }} }}"
    assert sparql(runner, per_graph, "--format", "csv", graph=data)[1].splitlines() == ["n", "3"]


def test_from_a_graph_of_the_dataset_queries_just_that_graph(runner: CliRunner) -> None:
    from_b = REVIEWS.replace("WHERE", f"FROM <{G}document/doc-b> WHERE")
    code, out, _ = sparql(runner, from_b, "--format", "csv")
    assert code == 0
    assert out.splitlines() == ["review", f"{ID}review/2020"]
    named = (
        f"SELECT ?g (COUNT(*) AS ?n) FROM NAMED <{G}document/doc-a> FROM NAMED <{G}document/doc-b> "
        "WHERE { GRAPH ?g { ?d a <https://w3id.org/gcmkg/ontology#Document> } } GROUP BY ?g ORDER BY ?g"
    )
    _, out, _ = sparql(runner, named, "--format", "csv")
    assert out.splitlines() == ["g,n", f"{G}document/doc-a,1", f"{G}document/doc-b,1"]
    only_named = f"SELECT (COUNT(*) AS ?n) FROM NAMED <{G}reference> WHERE {{ ?s ?p ?o }}"
    _, out, _ = sparql(runner, only_named, "--format", "csv")
    assert out.splitlines() == ["n", "0"]  # FROM NAMED alone: the default graph is empty


def test_from_a_graph_outside_the_dataset_is_refused(runner: CliRunner) -> None:
    code, out, err = sparql(runner, f"SELECT * FROM <{G}document/doc-z> WHERE {{ ?s ?p ?o }}")
    assert code == 2
    assert out == ""
    assert f"refused: FROM <{G}document/doc-z> names a graph outside the dataset" in err


def test_inferred_graph_is_included_unless_no_inferred(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "small.trig"
    data.write_text(
        f"<{G}reference> {{ <{ID}a> <{ID}p> 1 . }}\n<{G}inferred> {{ <{ID}a> <{ID}p> 2 . }}\n", encoding="utf-8"
    )
    query = f"SELECT ?v WHERE {{ <{ID}a> <{ID}p> ?v }} ORDER BY ?v"
    assert sparql(runner, query, "--format", "csv", graph=data)[1].splitlines() == ["v", "1", "2"]
    assert sparql(runner, query, "--format", "csv", "--no-inferred", graph=data)[1].splitlines() == ["v", "1"]
    from_inferred = f"SELECT ?v FROM <{G}inferred> WHERE {{ ?s ?p ?v }}"
    assert sparql(runner, from_inferred, "--format", "csv", graph=data)[1].splitlines() == ["v", "2"]
    code, _, err = sparql(runner, from_inferred, "--no-inferred", graph=data)
    assert code == 2
    assert "outside the dataset" in err


# --- the guard, through the command ------------------------------------------------------------


def test_keywords_in_strings_and_comments_run(runner: CliRunner) -> None:
    assert sparql(runner, 'SELECT ?x WHERE { ?x ?p "SERVICE LOAD" } # SERVICE') == (0, "x\n-\n(0 rows)\n", "")


def test_codepoint_escapes_are_processed_as_sparql_says(runner: CliRunner) -> None:
    code, out, _ = sparql(runner, 'SELECT ?x WHERE { BIND ("caf\\u00E9" AS ?x) }', "--format", "csv")
    assert (code, out) == (0, "x\r\ncafé\r\n")


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("SELECT * WHERE { SERV\\u0049CE <http://evil.example/> { ?s ?p ?o } }", "uses SERVICE <http://evil.example/>"),
        ("select * where { optional { service <http://evil.example/> { ?s ?p ?o } } }", "uses SERVICE"),
        ("DROP ALL", "this is a SPARQL Update (DROP)"),
        ("LOAD <http://evil.example/data.ttl>", "this is a SPARQL Update (LOAD)"),
        ("SELECT * WHERE { ?s ?p }", "not valid SPARQL at line 1, column "),
    ],
)
def test_refused_ad_hoc_queries_exit_2(runner: CliRunner, query: str, words: str) -> None:
    code, out, err = sparql(runner, query)
    assert code == 2
    assert out == ""
    assert words in err


def test_a_refused_query_file_is_named(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "q.rq"
    path.write_text("# looks harmless\nSELECT * WHERE {\n  SERVICE <http://evil.example/> { ?s ?p ?o }\n}\n")
    code, _, err = sparql(runner, "--file", str(path))
    assert code == 2
    assert err.startswith(f"error: {path}: refused: the query uses SERVICE <http://evil.example/>")


def test_a_query_file_runs(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "q.rq"
    path.write_text(STATES + "\n", encoding="utf-8")
    code, out, _ = sparql(runner, "-f", str(path), "--format", "csv")
    assert code == 0
    assert out.split() == ["code", *CODES]


def test_query_and_file_exactly_one(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "q.rq"
    path.write_text(STATES, encoding="utf-8")
    for args in ([], [STATES, "--file", str(path)]):
        code, _, err = sparql(runner, *args)
        assert code == 2
        assert "either as the QUERY argument or with --file" in err
    code, _, err = sparql(runner, "--file", str(tmp_path / "missing.rq"))
    assert code == 3
    assert f"no query file {tmp_path / 'missing.rq'}" in err


def test_missing_build_exits_3(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = sparql(runner, STATES, graph=tmp_path / "nowhere")
    assert code == 3
    assert f"no build at {tmp_path / 'nowhere'}" in err


class _Recorder(BaseHTTPRequestHandler):
    requests: list[str] = []

    def _record(self) -> None:
        type(self).requests.append(self.path)
        self.send_response(500)
        self.end_headers()

    do_GET = do_POST = _record

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture()
def endpoint() -> Iterator[str]:
    """A local HTTP server that records every request it is sent."""
    _Recorder.requests = []
    server = HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()
    server.server_close()


def test_a_refused_service_never_reaches_the_network(runner: CliRunner, endpoint: str) -> None:
    service = f"SELECT * WHERE {{ SERVICE <{endpoint}> {{ ?s ?p ?o }} }}"
    escaped = service.replace("SERVICE", "SERV\\u0049CE")
    for query in (service, escaped):
        code, _, err = sparql(runner, query)
        assert code == 2
        assert f"uses SERVICE <{endpoint}>" in err
    assert _Recorder.requests == []
    # what the guard prevents: Oxigraph itself would call the endpoint
    with pytest.raises(OSError):
        list(Store().query(service))
    assert _Recorder.requests != []


# --- help ---------------------------------------------------------------------------------------


def test_help_shows_limits_formats_and_examples(runner: CliRunner) -> None:
    for verb in ("sparql", "query"):
        text = " ".join(runner.invoke(cli, [verb, "--help"]).output.split())
        assert "--timeout FLOAT RANGE" in text
        assert "[default: 60.0; x>=0]" in text
        assert "[default: 10000; x>=0]" in text
        assert "spreadsheet-safe" in text
        assert "Examples:" in text

"""Stored queries on a real SPARQL server: an Oxigraph server on 127.0.0.1 holding the pushed corpus build.

Every stored query runs remotely (``--endpoint``) and locally and must give the same rows in the same
order. The error tests talk to a closed port and to a tiny HTTP server in a thread. Nothing leaves
127.0.0.1.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import subprocess
import sysconfig
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import Literal, NamedNode, QuerySolutions, Store, Variable

from gcmkg.graph.cli import cli
from gcmkg.graph.core.errors import EndpointError, ParameterError
from gcmkg.graph.query.catalogue import StoredQuery, load_catalogue
from gcmkg.graph.query.params import bind, parameter_variable
from gcmkg.graph.query.runner import run_local, run_on_store
from gcmkg.graph.rdfio.store import open_store
from gcmkg.graph.remote.endpoint import run_remote, values_block, where_group_start, with_values

# Every test here talks to a real Oxigraph server (started once per module): part of the slow set.
pytestmark = pytest.mark.slow

# Each stored query with representative parameters: every optional parameter both given and left out,
# each case chosen to return rows on the shared corpus (so equality is not between two empty results).
CASES: list[tuple[str, dict[str, str]]] = [
    ("objectives", {}),
    ("session-objectives", {"year": "2020", "session": "4"}),
    ("session-participants", {"year": "2024", "session": "2"}),
    ("attendance", {"year": "2024"}),
    ("review-events", {"year": "2024"}),
    ("review-events", {"year": "2020"}),
    ("objective-mentions", {"objective": "7"}),
    ("objective-mentions", {"objective": "7", "year": "2020"}),
    ("objective-mentions", {"objective": "7", "classified": "exclude"}),
    ("objective-engagement", {"objective": "7"}),
    ("objective-engagement", {"objective": "7", "year": "2024", "classified": "exclude"}),
    ("principle-mentions", {}),
    ("principle-mentions", {"year": "2020"}),
    ("initiatives", {}),
    ("initiatives", {"funder": "m-mptf"}),
    ("processes", {}),
    ("statistics", {}),
    ("citations", {}),
    ("state-engagement", {}),
    ("state-engagement", {"objective": "7"}),
    ("state-engagement", {"iso3": "tur"}),
    ("state-engagement", {"objective": "1", "iso3": "TUR"}),
    ("state-engagement", {"objective": "7", "classified": "exclude"}),
    ("participation-network", {}),
    ("initiative-network", {}),
    ("objective-cooccurrence", {}),
    ("objective-cooccurrence", {"classified": "exclude"}),
    ("state-comentions", {}),
    ("coverage", {}),
    ("coverage", {"classified": "exclude"}),
]


def _case_id(case: tuple[str, dict[str, str]]) -> str:
    name, given = case
    return name + "".join(f"-{key}={value}" for key, value in given.items())


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _oxigraph_binary() -> str | None:
    """The ``oxigraph`` server binary of the ``oxigraph`` PyPI package (installed next to this Python)."""
    return shutil.which("oxigraph", path=sysconfig.get_path("scripts")) or shutil.which("oxigraph")


def _options(params: dict[str, str]) -> list[str]:
    return [option for key, value in params.items() for option in ("--param", f"{key}={value}")]


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests to 127.0.0.1 go straight there, whatever proxy the environment names."""
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "*")


def _rdflib_endpoint_binary() -> str | None:
    """The ``rdflib-endpoint`` server of the ``rdflib-endpoint`` PyPI package (installed next to this Python)."""
    return shutil.which("rdflib-endpoint", path=sysconfig.get_path("scripts")) or shutil.which("rdflib-endpoint")


#: Seconds a server may take to answer its first request: rdflib-endpoint parses the whole build first, which took
#: over 60 s on a 2-core machine running two test workers and other builds (a start-up bound, not a measurement).
START_WITHIN = 180


@contextlib.contextmanager
def _serving(command: list[str], base: str, log_path: Path) -> Iterator[str]:
    """Run the server ``command`` until it answers HTTP at ``base``; stop it by its PID afterwards."""
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + START_WITHIN
        while True:
            if process.poll() is not None:
                pytest.fail(f"{command[0]} exited with {process.returncode}: {log_path.read_text()}")
            try:
                with urllib.request.urlopen(f"{base}/", timeout=1) as response:
                    response.read()
                break
            except urllib.error.HTTPError as error:  # any HTTP answer means it is up
                error.close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"{command[0]} did not answer on {base} within {START_WITHIN} s")
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def _oxigraph(folder: Path, union: bool) -> Iterator[str]:
    """An Oxigraph server on 127.0.0.1 (free port, data in ``folder``), its default graph the union of the named
    graphs or (the default of Oxigraph and Fuseki) a graph of its own; its base URL."""
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed (pip install -e '.[test]')")
    port = _free_port()
    command = [binary, "serve", "--location", str(folder / "data"), "--bind", f"127.0.0.1:{port}"]
    with _serving(
        [*command, "--union-default-graph"] if union else command, f"http://127.0.0.1:{port}", folder / "log"
    ) as base:
        yield base


def _push(store: str, build: Path) -> None:
    result = CliRunner().invoke(cli, ["push", "--store", store, "--graph", str(build)])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An Oxigraph server on 127.0.0.1 without a union default graph (as Oxigraph and Fuseki start); its base URL."""
    with _oxigraph(tmp_path_factory.mktemp("oxigraph"), union=False) as base:
        yield base


@pytest.fixture(scope="module")
def endpoint(oxigraph_server: str, corpus_build: Path) -> str:
    """The query endpoint of the server, after ``gcmkg push`` uploaded the corpus build to it."""
    _push(f"{oxigraph_server}/store", corpus_build)
    return f"{oxigraph_server}/query"


@pytest.fixture(scope="module", params=["oxigraph", "oxigraph-union-default-graph", "rdflib-endpoint"])
def any_endpoint(
    request: pytest.FixtureRequest, oxigraph_server: str, corpus_build: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A query endpoint holding the corpus build, on each of three servers: Oxigraph without and with a union
    default graph (the build pushed), and rdflib-endpoint (a second implementation, serving the TriG file)."""
    folder = tmp_path_factory.mktemp(request.param)
    if request.param == "oxigraph":
        _push(f"{oxigraph_server}/store", corpus_build)
        yield f"{oxigraph_server}/query"
    elif request.param == "oxigraph-union-default-graph":
        with _oxigraph(folder, union=True) as base:
            _push(f"{base}/store", corpus_build)
            yield f"{base}/query"
    else:
        binary = _rdflib_endpoint_binary()
        if binary is None:
            pytest.skip("rdflib-endpoint is not installed (pip install -e '.[test]')")
        port = _free_port()
        command = [binary, "serve", str(corpus_build / "gcmkg.trig"), "--host", "127.0.0.1", "--port", str(port)]
        with _serving(command, f"http://127.0.0.1:{port}", folder / "log") as base:
            yield f"{base}/"


@pytest.fixture(scope="module")
def catalogue() -> dict[str, StoredQuery]:
    return load_catalogue()


# --- the same results remotely and locally ------------------------------------------------------------


def test_cases_cover_every_stored_query_and_optional_parameter(catalogue: dict[str, StoredQuery]) -> None:
    assert {name for name, _ in CASES} == set(catalogue)
    for query in catalogue.values():
        for parameter in query.parameters:
            given = [parameter.name in params for name, params in CASES if name == query.name]
            assert any(given), (query.name, parameter.name)
            if not parameter.required:
                assert not all(given), f"{query.name}: optional {parameter.name} is never left out"


# rdflib's SPARQL engine (under rdflib-endpoint) fails to ORDER BY a variable that some rows leave unbound
# ("'<' not supported between instances of 'NoneType' and 'str'", or of 'tuple' and 'NoneType': which pair
# rdflib's sort compares depends on the order it holds the rows in): these stored queries do.
RDFLIB_UNBOUND_ORDER = {"session-participants", "review-events", "citations"}
UNBOUND_ORDER_ERROR = r"not supported between instances of (?:'NoneType' and '\w+'|'\w+' and 'NoneType')"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC = {f"{_XSD}{name}" for name in ("decimal", "integer", "double")}
# Oxigraph returns the types derived from xsd:integer (the mentions' offsets are xsd:nonNegativeInteger) as
# xsd:integer, rdflib as stated: the same value in the value space.
_INTEGERS = {f"{_XSD}{name}" for name in ("nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "long", "int")}


def _normalised(rows: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    """Rows with numeric literals compared by value: engines write 159000000 or 159000000.0 (DESIGN.md)."""
    return [tuple(_by_value(cell) for cell in row) for row in rows]


def _by_value(cell: object) -> object:
    if not isinstance(cell, Literal):
        return cell
    if cell.datatype.value in _INTEGERS:
        return (f"{_XSD}integer", Decimal(cell.value))
    if cell.datatype.value in _NUMERIC:
        return (cell.datatype.value, Decimal(cell.value))
    return cell


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_remote_results_equal_local_results(
    request: pytest.FixtureRequest,
    any_endpoint: str,
    corpus_build: Path,
    catalogue: dict[str, StoredQuery],
    case: tuple[str, dict[str, str]],
) -> None:
    name, given = case
    query = catalogue[name]
    bindings = bind(query, given)
    local = run_local(corpus_build, query, bindings)
    assert local.rows, "choose parameters that return rows"
    if request.node.callspec.params["any_endpoint"] == "rdflib-endpoint" and name in RDFLIB_UNBOUND_ORDER:
        with pytest.raises(EndpointError, match=UNBOUND_ORDER_ERROR):
            run_remote(any_endpoint, query, bindings)
        return
    remote = run_remote(any_endpoint, query, bindings)
    assert remote.columns == local.columns
    assert _normalised(remote.rows) == _normalised(local.rows)  # same terms (datatypes, languages), same order


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_query_endpoint_cli_output_equals_local(
    runner: CliRunner, endpoint: str, corpus_build: Path, case: tuple[str, dict[str, str]]
) -> None:
    name, given = case
    local = runner.invoke(cli, ["query", name, *_options(given), "--graph", str(corpus_build), "--format", "json"])
    remote = runner.invoke(cli, ["query", name, *_options(given), "--endpoint", endpoint, "--format", "json"])
    assert local.exit_code == 0, local.output
    assert remote.exit_code == 0, remote.output
    assert json.loads(remote.output) == json.loads(local.output)


def test_post_gives_the_same_table_as_get(runner: CliRunner, endpoint: str) -> None:
    args = ["query", "session-participants", "-p", "year=2024", "-p", "session=2", "--endpoint", endpoint]
    get = runner.invoke(cli, args)
    post = runner.invoke(cli, [*args, "--method", "post"])
    assert get.exit_code == post.exit_code == 0, get.output + post.output
    assert post.output == get.output
    assert get.output.rstrip().endswith("(35 rows)")


def test_remote_tables_show_documents_by_title_as_local_ones(
    runner: CliRunner, endpoint: str, corpus_build: Path
) -> None:
    local = runner.invoke(cli, ["query", "processes", "--graph", str(corpus_build)])
    remote = runner.invoke(cli, ["query", "processes", "--endpoint", endpoint])
    assert local.exit_code == remote.exit_code == 0, local.output + remote.output
    assert remote.output == local.output
    as_json = runner.invoke(cli, ["query", "processes", "--endpoint", endpoint, "--format", "json"])
    identifiers = {row["document"]["value"] for row in json.loads(as_json.output)["results"]["bindings"]}
    assert identifiers and not any(identifier in remote.output for identifier in identifiers)


def test_no_inferred_with_an_endpoint_leaves_graph_inferred_out(
    runner: CliRunner, endpoint: str, corpus_build: Path
) -> None:
    args = ["query", "state-engagement", "--no-inferred", "--format", "json"]
    local = runner.invoke(cli, [*args, "--graph", str(corpus_build)])
    remote = runner.invoke(cli, [*args, "--endpoint", endpoint])
    assert local.exit_code == remote.exit_code == 0, local.output + remote.output
    assert json.loads(remote.stdout)["results"]["bindings"] == []  # graph:inferred named out of the dataset
    assert json.loads(remote.stdout) == json.loads(local.stdout)


def test_graph_is_refused_with_an_endpoint(runner: CliRunner, corpus_build: Path) -> None:
    url = "http://127.0.0.1:7878/query"  # never contacted: the option is refused first
    result = runner.invoke(cli, ["query", "objectives", "--endpoint", url, "--graph", str(corpus_build)])
    assert result.exit_code == 2
    assert "--graph cannot be used with --endpoint" in result.output


def test_push_shows_progress_and_can_be_repeated(runner: CliRunner, endpoint: str, corpus_build: Path) -> None:
    store = endpoint.removesuffix("/query") + "/store"
    result = runner.invoke(cli, ["push", "--store", store, "--graph", str(corpus_build)])
    assert result.exit_code == 0, result.output
    assert "PUT <https://w3id.org/gcmkg/graph/ontology>" in result.output
    assert "[1/14]" in result.output and "[14/14]" in result.output
    # PUT replaces each graph: a second push leaves the same triples, so the results still agree
    query = load_catalogue()["objectives"]
    assert len(run_remote(endpoint, query, {}).rows) == 23


def test_push_no_inferred_removes_graph_inferred_from_the_server(
    runner: CliRunner, endpoint: str, corpus_build: Path
) -> None:
    store = endpoint.removesuffix("/query") + "/store"
    engagement, objectives = load_catalogue()["state-engagement"], load_catalogue()["objectives"]
    try:
        result = runner.invoke(cli, ["push", "--store", store, "--graph", str(corpus_build), "--no-inferred"])
        assert result.exit_code == 0, result.output
        assert "DELETE <https://w3id.org/gcmkg/graph/inferred>" in result.output
        assert run_remote(endpoint, engagement, {}).rows == []  # as `gcmkg query --no-inferred` locally
        assert len(run_remote(endpoint, objectives, {}).rows) == 23
    finally:  # the other tests share this server: put graph:inferred back
        restored = runner.invoke(cli, ["push", "--store", store, "--graph", str(corpus_build), "-q"])
        assert restored.exit_code == 0, restored.output
    assert run_remote(endpoint, engagement, {}).rows


def test_limit_cuts_remote_results_as_local_ones(runner: CliRunner, endpoint: str, corpus_build: Path) -> None:
    args = ["query", "state-engagement", "--limit", "10"]
    local = runner.invoke(cli, [*args, "--graph", str(corpus_build)])
    remote = runner.invoke(cli, [*args, "--endpoint", endpoint])
    assert local.exit_code == remote.exit_code == 0, local.output + remote.output
    assert remote.output == local.output
    assert "10 rows, stopped at the 10-row limit" in remote.output


def test_push_help_has_examples(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["push", "--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.output and "--union-default-graph" in result.output


# --- why the VALUES block goes at the head of the WHERE group --------------------------------------------


def test_values_block_renders_typed_terms_with_escaping(catalogue: dict[str, StoredQuery]) -> None:
    query = catalogue["initiatives"]
    bindings = bind(query, {"funder": 'a "quoted" \\ name\n} . ?x'})
    block = values_block(bindings)
    assert block == 'VALUES (?funder_param) { ("a \\"quoted\\" \\\\ name\\n} . ?x") }'
    year = bind(catalogue["attendance"], {"year": "2024"})
    assert values_block(year) == 'VALUES (?year) { ("2024"^^<http://www.w3.org/2001/XMLSchema#gYear>) }'


@pytest.mark.parametrize(
    "term",
    [
        *(Literal(text) for text in ("plain", 'a "q" \\ b', "ends in \\", 'lines\nand\r\nreturns"', '"""', "Türkiye")),
        Literal("Turquie", language="fr"),
        Literal("2024", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#gYear")),
        NamedNode("https://w3id.org/gcmkg/id/objective/7?a=(b)#c"),
    ],
    ids=str,
)
def test_values_block_reads_back_as_the_same_term(term: Literal | NamedNode) -> None:
    solutions = Store().query(with_values("SELECT ?v WHERE { }", {Variable("v"): term}))
    assert isinstance(solutions, QuerySolutions)
    assert [solution["v"] for solution in solutions] == [term]


def test_values_with_codepoint_escapes_are_refused(catalogue: dict[str, StoredQuery]) -> None:
    query = catalogue["initiatives"]
    with pytest.raises(ParameterError, match="escape sequence"):
        with_values(query.text, bind(query, {"funder": "x\\u0022 } ?y"}))


def test_every_stored_query_gets_its_values_at_the_head_of_its_where_group(
    catalogue: dict[str, StoredQuery],
) -> None:
    for query in catalogue.values():
        head = query.text[: where_group_start(query.text)]
        assert head.rstrip().endswith("WHERE {"), query.name


def test_values_go_after_the_where_brace_not_in_iris_comments_or_strings() -> None:
    text = (
        "PREFIX ex: <http://example.org/a(b)#c>\n"
        "# a comment with { a brace\n"
        'SELECT ?x (EXISTS { ?x ex:p "}" } AS ?e) WHERE { ?x ex:p "{" }'
    )
    start = where_group_start(text)
    assert text[:start].endswith("WHERE {")
    bound = with_values(text, {Variable("x"): NamedNode("http://example.org/x")})
    assert 'WHERE {\n  VALUES (?x) { (<http://example.org/x>) }\n ?x ex:p "{" }' in bound


def test_a_trailing_values_block_would_not_filter(corpus_build: Path, catalogue: dict[str, StoredQuery]) -> None:
    """The counterexample: after the WHERE group the COALESCE filters have already let every row through."""
    query = catalogue["state-engagement"]
    bindings = bind(query, {"iso3": "TUR"})
    store = open_store(corpus_build)
    substituted = run_on_store(store, query, bindings)
    injected = store.query(with_values(query.text, bindings))
    trailing = store.query(query.text.rstrip() + "\n" + values_block(bindings))
    columns = [Variable(column) for column in query.columns]
    assert [tuple(row[c] for c in columns) for row in injected] == substituted.rows
    assert len(list(trailing)) > len(substituted.rows)
    assert parameter_variable(query, query.parameters[1]).value == "iso3_param"


# --- errors: exit code 6 and a message naming the URL --------------------------------------------------------


class _Misbehaving(BaseHTTPRequestHandler):
    """Answers by path: /status/CODE, /html, /json (not SPARQL results), /slow (sleeps before answering)."""

    release = threading.Event()

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        path = self.path.split("?", 1)[0]
        try:
            if path.startswith("/slow"):
                self.release.wait(5)
                self._send(
                    200, "application/sparql-results+json", b'{"head": {"vars": []}, "results": {"bindings": []}}'
                )
            elif path.startswith("/status/"):
                self._send(int(path.rsplit("/", 1)[1]), "text/plain", b"\nboom: the store is on fire\nsecond line\n")
            elif path.startswith("/html"):
                self._send(200, "text/html; charset=utf-8", b"<!DOCTYPE html>\n<html><body>Welcome</body></html>\n")
            else:
                self._send(200, "application/json", b'{"hello": "world"}')
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the timeout test)

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="module")
def bad_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Misbehaving)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    _Misbehaving.release.set()
    server.shutdown()
    server.server_close()
    thread.join()


def _run_error(runner: CliRunner, args: list[str]) -> str:
    result = runner.invoke(cli, args)
    assert result.exit_code == 6, result.output
    assert "\nerror: " in "\n" + result.output, result.output
    return result.output


def test_connection_refused(runner: CliRunner, reference_build: Path) -> None:
    url = f"http://127.0.0.1:{_free_port()}/query"
    output = _run_error(runner, ["query", "objectives", "--endpoint", url])
    assert f"cannot connect to {url}: connection refused" in output
    assert "hint: is the server running" in output
    store = url.replace("/query", "/store")
    output = _run_error(runner, ["push", "--store", store, "--graph", str(reference_build)])
    assert f"cannot connect to {store}: connection refused" in output


def test_timeout(runner: CliRunner, bad_server: str, reference_build: Path) -> None:
    url = f"{bad_server}/slow"
    started = time.monotonic()
    output = _run_error(runner, ["query", "objectives", "--endpoint", url, "--timeout", "0.5"])
    assert f"{url} did not answer within 0.5 s" in output
    assert "--timeout" in output
    output = _run_error(runner, ["push", "--store", url, "--graph", str(reference_build), "--timeout", "0.5", "-q"])
    assert f"{url} did not answer within 0.5 s" in output
    assert time.monotonic() - started < 4


@pytest.mark.parametrize("status", [500, 404, 503, 400])
def test_http_error_status_and_first_line(runner: CliRunner, bad_server: str, status: int) -> None:
    url = f"{bad_server}/status/{status}"
    output = _run_error(runner, ["query", "objectives", "--endpoint", url])
    assert f"{url} answered HTTP {status}: boom: the store is on fire\n" in output
    assert "second line" not in output
    if status == 404:
        assert "--endpoint must name a SPARQL query endpoint" in output


def test_push_http_error(runner: CliRunner, bad_server: str, reference_build: Path) -> None:
    url = f"{bad_server}/status/500"
    output = _run_error(runner, ["push", "--store", url, "--graph", str(reference_build), "--quiet"])
    assert f"{url} answered HTTP 500: boom: the store is on fire" in output
    output = _run_error(runner, ["push", "--store", f"{bad_server}/status/404", "--graph", str(reference_build), "-q"])
    assert "--store must name a Graph Store Protocol endpoint" in output


def test_html_page_instead_of_results(runner: CliRunner, bad_server: str) -> None:
    url = f"{bad_server}/html"
    output = _run_error(runner, ["query", "objectives", "--endpoint", url])
    assert f"{url} answered with text/html, not SPARQL JSON results: <!DOCTYPE html>" in output
    assert "--endpoint must name a SPARQL query endpoint" in output


def test_json_that_is_not_sparql_results(bad_server: str, catalogue: dict[str, StoredQuery]) -> None:
    url = f"{bad_server}/json"
    with pytest.raises(EndpointError, match="did not send SPARQL JSON results") as caught:
        run_remote(url, catalogue["objectives"], {})
    assert caught.value.exit_code == 6


def test_endpoint_must_be_an_http_url(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["query", "objectives", "--endpoint", "localhost:7878/query"])
    assert result.exit_code == 2
    assert "--endpoint 'localhost:7878/query' is not an http(s) URL" in result.output

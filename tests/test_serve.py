"""``gcmkg serve`` over HTTP, as clients use it: a server on a free loopback port, stopped by its PID, asked with
urllib and SPARQLWrapper. Expected rows are read from the fixture report (tests/fixtures/corpus): session 2 of the
2024 review addressed objectives 3, 7 and 16; Portugal spoke; Ireland presented on behalf of Estonia, Latvia and
Lithuania; Armenia replied."""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
import yaml
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from gcmkg.graph.core import ids
from gcmkg.graph.query.guard import MAX_QUERY_CHARS
from tests.conftest import HOSTILE_PARAGRAPH, REPO_ROOT
from tests.server import GCMKG, Server, serving

pytestmark = pytest.mark.slow

JSON = "application/sparql-results+json"
FORM = "application/x-www-form-urlencoded"
SESSIONS = "SELECT ?s WHERE { ?s a gcm:Session } ORDER BY ?s"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # ~5,900³ rows: far beyond a second


@pytest.fixture(scope="module")
def server(hostile_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serving(hostile_build, tmp_path_factory.mktemp("serve")) as started:
        yield started


def _bindings(reply_body: bytes) -> list[dict[str, str]]:
    answer = json.loads(reply_body)
    return [{name: cell["value"] for name, cell in row.items()} for row in answer["results"]["bindings"]]


def _cli_json(*args: str) -> list[dict[str, str]]:
    done = subprocess.run([GCMKG, *args, "--format", "json"], capture_output=True, check=True, cwd=REPO_ROOT)
    return _bindings(done.stdout)


# --- starting and stopping ------------------------------------------------------------------------------------


def test_it_listens_on_loopback_and_says_where(server: Server) -> None:
    assert server.url.startswith("http://127.0.0.1:")
    assert "read-only" in server.lines[0]
    with socket.create_connection(("127.0.0.1", int(server.url.rsplit(":", 1)[1].strip("/"))), timeout=5):
        pass


def test_a_host_given_is_said(hostile_build: Path, tmp_path: Path) -> None:
    with serving(hostile_build, tmp_path, "--host", "127.0.0.1") as started:
        assert "note: listening on 127.0.0.1" in started.lines[1]
        assert started.request("/").status == 200
    assert started.process.returncode is not None  # stopped by its PID


def test_no_build_is_exit_3_and_nothing_listens(tmp_path: Path) -> None:
    done = subprocess.run([GCMKG, "serve", "--graph", str(tmp_path / "none")], capture_output=True, text=True)
    assert done.returncode == 3 and "no build" in done.stderr


# --- /sparql --------------------------------------------------------------------------------------------------


def test_get_post_form_and_post_direct_give_the_same_rows(server: Server) -> None:
    got = server.request("/sparql?" + urlencode({"query": SESSIONS}), headers={"Accept": JSON})
    form = server.request(
        "/sparql",
        urlencode({"query": SESSIONS}).encode(),
        {"Content-Type": "application/x-www-form-urlencoded", "Accept": JSON},
    )
    direct = server.request("/sparql", SESSIONS.encode(), {"Content-Type": "application/sparql-query", "Accept": JSON})
    assert got.status == form.status == direct.status == 200
    assert got.headers["content-type"].startswith(JSON)
    expected = [{"s": ids.session(2024, 2)}]  # the fixture report's one session
    assert any(row == expected[0] for row in _bindings(got.body))
    assert _bindings(got.body) == _bindings(form.body) == _bindings(direct.body)


@pytest.mark.parametrize(
    ("accept", "media", "marker"),
    [
        ("application/sparql-results+xml", "application/sparql-results+xml", "<sparql xmlns"),
        ("text/csv", "text/csv", "s\r\n"),
        ("text/tab-separated-values", "text/tab-separated-values", "?s\n"),
        ("application/json", JSON, '"head"'),
    ],
)
def test_results_by_content_negotiation(server: Server, accept: str, media: str, marker: str) -> None:
    reply = server.request("/sparql?" + urlencode({"query": SESSIONS}), headers={"Accept": accept})
    assert reply.status == 200 and reply.headers["content-type"].startswith(media)
    assert marker in reply.text and ids.session(2024, 2) in reply.text


def test_an_unacceptable_type_is_406(server: Server) -> None:
    assert server.request("/sparql?" + urlencode({"query": SESSIONS}), headers={"Accept": "image/png"}).status == 406


def test_sparqlwrapper_gets_the_rows_gcmkg_query_prints(server: Server, hostile_build: Path) -> None:
    from SPARQLWrapper import JSON as WRAPPER_JSON
    from SPARQLWrapper import SPARQLWrapper

    text = "SELECT ?iso3 ?name WHERE { ?s a gcm:State ; gcm:alpha3 ?iso3 ; skos:prefLabel ?name } ORDER BY ?iso3"
    client = SPARQLWrapper(server.url + "sparql")
    client.setQuery(text)
    client.setReturnFormat(WRAPPER_JSON)
    answer = client.queryAndConvert()
    rows = [{name: cell["value"] for name, cell in row.items()} for row in answer["results"]["bindings"]]
    assert rows == _cli_json("sparql", "--graph", str(hostile_build), text)
    assert {"iso3": "SRB", "name": "Serbia"} in rows


@pytest.mark.parametrize(
    ("body", "content_type", "said"),
    [
        (urlencode({"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}), FORM, "read-only"),
        ("DROP ALL", "application/sparql-update", "read-only"),
        ("DROP ALL", "application/sparql-query", "SPARQL Update (DROP)"),
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "application/sparql-query", "SERVICE"),
        ("SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }", "application/sparql-query", "outside the dataset"),
        ("SELECT * WHERE { ?s ?p }", "application/sparql-query", "not valid SPARQL"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "application/sparql-query", "SELECT and ASK"),
    ],
)  # fmt: skip
def test_updates_service_and_foreign_from_are_a_400_that_says_why(
    server: Server, body: str, content_type: str, said: str
) -> None:
    reply = server.request("/sparql", body.encode(), {"Content-Type": content_type})
    assert reply.status == 400 and said in reply.text, reply.text


def test_protocol_dataset_arguments_are_refused(server: Server) -> None:
    query = urlencode({"query": SESSIONS, "default-graph-uri": "http://example.org/g"})
    reply = server.request("/sparql?" + query)
    assert reply.status == 400 and "default-graph-uri" in reply.text


def test_ask(server: Server) -> None:
    reply = server.request("/sparql?" + urlencode({"query": "ASK { state:SRB a gcm:State }"}), headers={"Accept": JSON})
    assert json.loads(reply.body)["boolean"] is True


def test_sizes_are_bounded(server: Server) -> None:
    # a body declared larger than 1 MiB is refused before it is read (a raw request: urllib would send it all)
    post = f"POST /sparql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: {FORM}\r\n"
    head = post + f"Content-Length: {(1 << 20) + 1}\r\n\r\n"
    assert _raw(server, head.encode() + b"query=").split(b" ", 2)[1] == b"413"
    chunked = post + "Transfer-Encoding: chunked\r\n\r\n"
    chunk = b"x" * (1 << 16)
    body = (f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n") * 17 + b"0\r\n\r\n"  # 1.06 MiB, length unsaid
    assert _raw(server, chunked.encode() + body).split(b" ", 2)[1] == b"413"
    assert server.request("/sparql?query=" + "x" * (1 << 16)).status == 414
    long_query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * MAX_QUERY_CHARS  # the guard's bound, said as a 413
    answer = server.request("/sparql", long_query.encode(), {"Content-Type": "application/sparql-query"})
    assert answer.status == 413 and f"at most {MAX_QUERY_CHARS:,}" in answer.text


def test_a_query_out_of_time_is_503_and_the_next_one_runs(hostile_build: Path, tmp_path: Path) -> None:
    with serving(hostile_build, tmp_path, "--timeout", "1", "--workers", "1") as started:
        slow = started.request("/sparql", SLOW.encode(), {"Content-Type": "application/sparql-query"})
        assert slow.status == 503 and "stopped after 1 s" in slow.text
        after = started.request("/api/session-objectives?year=2024&session=2", headers={"Accept": JSON})
        assert after.status == 200 and [row["objective"] for row in _bindings(after.body)] == ["3", "7", "16"]


def test_rows_stop_at_the_limit_and_it_is_said(hostile_build: Path, tmp_path: Path) -> None:
    with serving(hostile_build, tmp_path, "--limit", "5") as started:
        reply = started.request("/api/objectives", headers={"Accept": JSON})
        assert len(_bindings(reply.body)) == 5
        assert "5-row limit" in reply.headers["gcmkg-row-limit"]


# --- /api -----------------------------------------------------------------------------------------------------


def test_a_stored_query_with_typed_parameters(server: Server) -> None:
    reply = server.request("/api/session-objectives?year=2024&session=2")
    assert reply.status == 200 and reply.headers["content-type"].startswith(JSON)
    assert [row["objective"] for row in _bindings(reply.body)] == ["3", "7", "16"]


def test_session_participants_as_gcmkg_query_prints_them(server: Server, hostile_build: Path) -> None:
    rows = _bindings(server.request("/api/session-participants?year=2024&session=2").body)
    cli = _cli_json(
        "query", "session-participants", "-p", "year=2024", "-p", "session=2", "--graph", str(hostile_build)
    )
    assert rows == cli
    named = {(row["name"], row["role"], row.get("via")) for row in rows}
    assert {
        ("Portugal", "speaker", None),
        ("Estonia", "on-behalf-of", "Ireland"),
        ("Armenia", "right-of-reply", None),
    } <= named


def test_csv_by_suffix_or_accept(server: Server) -> None:
    by_suffix = server.request("/api/session-objectives.csv?year=2024&session=2")
    by_accept = server.request("/api/session-objectives?year=2024&session=2", headers={"Accept": "text/csv"})
    assert by_suffix.headers["content-type"].startswith("text/csv")
    assert by_suffix.body == by_accept.body
    assert list(csv.reader(io.StringIO(by_suffix.text))) == [["objective"], ["3"], ["7"], ["16"]]
    as_json = server.request("/api/session-objectives.json?year=2024&session=2", headers={"Accept": "text/csv"})
    assert as_json.headers["content-type"].startswith(JSON)


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        ("year=20x4&session=2", "parameter 'year' is '20x4'; expected a four-digit year"),
        ("year=2024&session=two", "parameter 'session' is 'two'; expected a whole number"),
        ("year=2024", "needs --param session=VALUE"),
        ("year=2024&session=2&colour=red", "no parameter 'colour'"),
        ("year=2024&year=2020&session=2", "given 2 times"),
    ],
)
def test_a_bad_parameter_is_a_400_naming_it_and_its_type(server: Server, arguments: str, said: str) -> None:
    reply = server.request("/api/session-objectives?" + arguments)
    assert reply.status == 400 and said in reply.text, reply.text


def test_an_unknown_query_is_404_with_suggestions(server: Server) -> None:
    reply = server.request("/api/session-objective")
    assert reply.status == 404 and "session-objectives" in reply.text


def test_a_hostile_value_is_data(server: Server) -> None:
    value = "x' } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o"
    reply = server.request("/api/initiatives?funder=" + quote(value))
    assert reply.status == 200 and _bindings(reply.body) == []


def _metadata(path: Path) -> dict[str, object]:
    lines = [line[2:] for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#+")]
    return dict(yaml.safe_load("\n".join(lines)))


def test_openapi_is_generated_from_the_rq_metadata(server: Server) -> None:
    spec = json.loads(server.request("/openapi.json").body)
    assert spec["openapi"].startswith("3.")
    files = sorted((REPO_ROOT / "queries").glob("*.rq"))
    assert sorted(spec["paths"]) == sorted(f"/api/{path.stem}" for path in files)
    for path in files:
        metadata, operation = _metadata(path), spec["paths"][f"/api/{path.stem}"]["get"]
        assert operation["summary"] == str(metadata["summary"]).strip()
        declared = [(p["name"], bool(p.get("required", False))) for p in metadata.get("params") or []]
        assert [(p["name"], p["required"]) for p in operation["parameters"]] == declared
        assert {"application/sparql-results+json", "text/csv"} <= set(operation["responses"]["200"]["content"])
    session = {p["name"]: p["schema"] for p in spec["paths"]["/api/session-participants"]["get"]["parameters"]}
    assert session["session"]["type"] == "integer" and session["year"]["pattern"] == r"^\d{4}$"


def test_the_docs_page_lists_every_operation(server: Server) -> None:
    page = server.request("/docs").text
    for path in (REPO_ROOT / "queries").glob("*.rq"):
        assert f"GET /api/{path.stem}" in page


# --- linked-data pages ----------------------------------------------------------------------------------------


def test_an_entity_page_with_links_and_the_passage_highlighted(server: Server) -> None:
    reply = server.request("/id/state/SRB", headers={"Accept": "text/html"})
    assert reply.status == 200 and reply.headers["content-type"].startswith("text/html")
    page = reply.text
    assert "<h1>Serbia</h1>" in page
    assert '<a href="/ontology#State">gcm:State</a>' in page
    # an inverse link: Serbia's participation as a presenter in session 2 points at it
    assert '<a href="/id/review/2024/session/2/participation/presenter/state/SRB">' in page
    assert "<mark>Serbia</mark> noted" in page


def test_document_text_is_escaped(server: Server) -> None:
    page = server.request("/id/state/SRB").text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;" in page
    assert "<script>alert" not in page and "<img src=x" not in page
    assert page.count("<script") == 1  # the site's own script
    assert "<mark>Serbia</mark> noted &lt;script&gt;" in page  # the mention highlighted, the rest text
    assert HOSTILE_PARAGRAPH.startswith("7. Serbia noted <script>")


def _graph(data: bytes, syntax: str) -> Graph:
    if syntax == "turtle":
        return Graph().parse(data=data, format="turtle")
    import pyoxigraph as ox

    graph = Graph()
    for quad in ox.parse(data, format=ox.RdfFormat.JSON_LD):
        graph.add(tuple(Graph().parse(data=f"{quad.triple} .", format="nt"))[0])
    return graph


@pytest.mark.parametrize("how", ["accept", "format"])
def test_turtle_and_json_ld_of_the_same_description(server: Server, how: str) -> None:
    graphs = []
    for media, name, syntax in (("text/turtle", "turtle", "turtle"), ("application/ld+json", "jsonld", "json-ld")):
        # rdflib's JSON-LD parser warns of its own deprecated API: read JSON-LD with Oxigraph, into rdflib terms
        path, headers = (
            ("/id/state/SRB", {"Accept": media}) if how == "accept" else (f"/id/state/SRB?format={name}", {})
        )
        reply = server.request(path, headers=headers)
        assert reply.status == 200 and reply.headers["content-type"].startswith(media)
        assert reply.headers["vary"] == "Accept"
        graphs.append(_graph(reply.body, syntax))
    turtle, jsonld = graphs
    serbia = URIRef(ids.state("SRB"))
    assert (serbia, RDF.type, URIRef(ids.ONTOLOGY_NS + "State")) in turtle
    assert (serbia, SKOS.prefLabel, Literal("Serbia", lang="en")) in turtle
    assert set(turtle) == set(jsonld)


def test_every_kind_of_iri_resolves(server: Server) -> None:
    for path in ("/id/review/2024/session/2", "/id/objective/7", "/id/document/fixture_2024_session_report"):
        assert server.request(path).status == 200, path
    ontology = server.request("/ontology").text
    assert 'id="State"' in ontology and "skos:definition" not in ontology
    turtle = server.request("/ontology", headers={"Accept": "text/turtle"})
    assert turtle.headers["content-type"].startswith("text/turtle")
    assert (URIRef(ids.ONTOLOGY_NS + "State"), RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")) in _graph(
        turtle.body, "turtle"
    )
    missing = server.request("/id/state/XXX")
    assert missing.status == 404 and "says nothing" in missing.text


# --- home, search, views, safety ------------------------------------------------------------------------------


def test_home_page_has_search_gallery_editor_views_and_ontology(server: Server) -> None:
    page = server.request("/").text
    for name in ("search", "gallery", "editor", "views", "ontology"):
        assert f'id="{name}"' in page
    assert 'data-query="session-participants"' in page and 'name="session"' in page
    assert "PREFIX gcm: &lt;https://w3id.org/gcmkg/ontology#&gt;\n" in page
    assert 'src="/views/coverage.svg"' in page


def test_search_by_label(server: Server) -> None:
    page = server.request("/search?q=" + quote("serb")).text
    assert '<a href="/id/state/SRB">Serbia</a>' in page or '<a href="/id/state/SRB">Republic of Serbia</a>' in page


def test_views_and_coverage(server: Server) -> None:
    network = server.request("/views/participation")
    assert network.status == 200 and "<svg" in network.text
    heatmap = server.request("/views/coverage.svg")
    assert heatmap.status == 200 and heatmap.headers["content-type"].startswith("image/svg+xml")
    assert server.request("/views/nothing").status == 404


def _raw(server: Server, request: bytes) -> bytes:
    """The answer to a request sent as bytes (with ``Connection: close``) on a socket of its own."""
    host, port = server.url[len("http://") :].rstrip("/").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as connection:
        connection.sendall(request)
        answer = b""
        try:
            while chunk := connection.recv(65536):
                answer += chunk
        except ConnectionResetError:
            pass  # the server may close while the rest of the request is on its way
    return answer


@pytest.mark.parametrize("path", ["/static/../command.py", "/static/%2e%2e/command.py", "/static/..%2fapp.py"])
def test_no_path_traversal(server: Server, path: str) -> None:
    answer = _raw(server, f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
    assert answer.split(b" ", 2)[1] == b"404", answer[:200]
    assert b"def serve" not in answer and b"create_app" not in answer
    assert server.request("/static/site.js").status == 200  # the control: the folder itself is served


def test_security_headers_and_no_cors_by_default(server: Server) -> None:
    reply = server.request("/api/objectives", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in reply.headers
    assert reply.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in server.request("/").headers["content-security-policy"]


def test_cors_only_for_the_origin_given(hostile_build: Path, tmp_path: Path) -> None:
    with serving(hostile_build, tmp_path, "--cors", "https://partner.example") as started:
        allowed = started.request("/api/objectives", headers={"Origin": "https://partner.example"})
        other = started.request("/api/objectives", headers={"Origin": "https://elsewhere.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://partner.example"
    assert "access-control-allow-origin" not in other.headers

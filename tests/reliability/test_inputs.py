"""Bounded inputs and the smaller findings: entity expansion, long queries, slow documents, manifests, terminals,
parameters, slow or huge remote answers, owl:imports."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import Literal

from gcmkg.graph.cli import cli
from gcmkg.graph.query.rendering import to_table
from gcmkg.graph.query.runner import QueryResult
from gcmkg.graph.remote import endpoint as remote
from gcmkg.loaders.documents import catalogue, deadline

NESTED = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [
<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
<rdf:Description rdf:about="http://example.org/s"><ex:p>&f;</ex:p></rdf:Description>
</rdf:RDF>
"""
ABBREVIATED = (
    NESTED.split("<!ENTITY a")[0]
    + '<!ENTITY ex "http://example.org/">\n]>\n'
    + (
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">\n'
        '<rdf:Description rdf:about="&ex;s"><ex:p>x</ex:p></rdf:Description>\n</rdf:RDF>\n'
    )
)
QUADRATIC = NESTED.split("<!ENTITY a")[0] + f'<!ENTITY big "{"x" * 10_000}">\n]>\n<rdf:RDF/>\n'


# --- entity expansion --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "verb",
    [["query", "objectives"], ["sparql", "ASK {}"], ["validate"], ["export", "-o", "x.ttl"], ["diff", "OTHER"]],
    ids=lambda verb: verb[0],
)
def test_nested_entities_are_refused_by_every_verb(runner: CliRunner, tmp_path: Path, verb: list[str]) -> None:
    bomb = tmp_path / "bomb.rdf"
    bomb.write_text(NESTED)
    args = [str(bomb) if part == "OTHER" else str(tmp_path / part) if part == "x.ttl" else part for part in verb]
    started = time.monotonic()
    result = runner.invoke(cli, [*args, "--graph", str(bomb)])
    assert time.monotonic() - started < 10
    assert result.exit_code in (2, 4), result.output  # validate: any error is 2
    assert "bomb.rdf: RDF/XML refused: the entity b refers to other entities" in result.output


def test_a_long_entity_is_refused_and_a_namespace_abbreviation_is_read(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "big.rdf").write_text(QUADRATIC)
    result = runner.invoke(cli, ["query", "objectives", "--graph", str(tmp_path / "big.rdf")])
    assert result.exit_code == 4
    assert "the entity big is 10,000 characters long (at most 256)" in result.output
    (tmp_path / "ok.rdf").write_text(ABBREVIATED)
    result = runner.invoke(cli, ["sparql", "SELECT ?s WHERE { ?s ?p ?o }", "--graph", str(tmp_path / "ok.rdf")])
    assert result.exit_code == 0, result.output
    assert "http://example.org/s" in result.output


def test_a_bracket_in_a_value_does_not_hide_a_later_declaration(runner: CliRunner, tmp_path: Path) -> None:
    hidden = NESTED.split("<!ENTITY a")[0] + '<!ENTITY a "]>">\n<!ENTITY b "&a;&a;&a;">\n]>\n<rdf:RDF/>\n'
    (tmp_path / "hidden.rdf").write_text(hidden)
    result = runner.invoke(cli, ["query", "objectives", "--graph", str(tmp_path / "hidden.rdf")])
    assert result.exit_code == 4
    assert "the entity b refers to other entities" in result.output


# --- queries: size and time -------------------------------------------------------------------------------


def test_a_query_over_the_size_limit_is_refused(runner: CliRunner, reference_build: Path) -> None:
    items = ", ".join(str(number) for number in range(20_000))
    query = f"SELECT ?s WHERE {{ ?s ?p ?o FILTER(?o IN ({items})) }}"
    result = runner.invoke(cli, ["sparql", query, "--graph", str(reference_build)])
    assert result.exit_code == 2
    assert "characters long; the guard checks queries of at most 20,000" in result.output


@pytest.mark.slow
def test_timeout_covers_parsing_and_checking(runner: CliRunner, reference_build: Path) -> None:
    items = ", ".join(f'"v{number}"' for number in range(2_000))  # under the size limit, seconds to parse
    query = f"SELECT ?s WHERE {{ ?s ?p ?o FILTER(?o IN ({items})) }}"
    started = time.monotonic()
    result = runner.invoke(cli, ["sparql", query, "--graph", str(reference_build), "--timeout", "0.5"])
    assert result.exit_code == 8, result.output
    assert "stopped after 0.5 s while it was being parsed and checked" in result.output
    assert time.monotonic() - started < 4


# --- documents -----------------------------------------------------------------------------------------------


def test_a_document_over_its_time_bound_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "slow.txt").write_text("Report of the meeting\n\nSome text.\n")
    monkeypatch.setattr(catalogue, "bound_for", lambda path: 0.2)

    def stuck(*args: object) -> None:
        while True:  # an extraction that never ends
            time.sleep(0.01)

    monkeypatch.setattr(catalogue, "load_document", stuck)
    loaded = catalogue.load_corpus(corpus)
    assert loaded.graphs == []
    assert loaded.skipped == [
        f"{corpus / 'slow.txt'}: reading and extracting it took longer than 0 s, the bound for 0.00 MB "
        f"({deadline.BASE_SECONDS:.0f} s + {deadline.SECONDS_PER_MB:.0f} s per MB); skipped"
    ]


def test_the_bound_grows_with_the_size(tmp_path: Path) -> None:
    document = tmp_path / "d.txt"
    document.write_bytes(b"x" * 2_900_000)
    assert deadline.bound_for(document) == pytest.approx(10 + 30 * 2.9)  # the 129 s document of the issue: 97 s


# --- manifests -----------------------------------------------------------------------------------------------

HEADER = "file,title,kind,event,date,place,language\n"
ROW = "a.txt,A,report,Review,2024-03-01,Geneva,en\n"


def _build_corpus(runner: CliRunner, tmp_path: Path, manifest: bytes) -> str:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Report of the meeting\n\nSome text.\n")
    (corpus / "manifest.csv").write_bytes(manifest)
    result = runner.invoke(cli, ["build", "--corpus", str(corpus), "-o", str(tmp_path / "b"), "-q"])
    assert result.exit_code == 4, result.output
    return result.output


def test_two_manifest_rows_for_one_file(runner: CliRunner, tmp_path: Path) -> None:
    output = _build_corpus(runner, tmp_path, (HEADER + ROW + ROW.replace(",A,", ",B,")).encode())
    assert "manifest.csv:3: file 'a.txt' repeats line 2" in output


def test_manifest_encoding_error_names_the_line(runner: CliRunner, tmp_path: Path) -> None:
    output = _build_corpus(runner, tmp_path, (HEADER + ROW).encode() + b"b.txt,Caf\xe9,report,R,2024-03-01,G,en\n")
    assert "manifest.csv:3: not UTF-8 (byte 0xe9 at column 10)" in output


def test_manifest_quoting_error_names_the_line(runner: CliRunner, tmp_path: Path) -> None:
    output = _build_corpus(runner, tmp_path, (HEADER + ROW + 'b.txt,"B"x,report,R,2024-03-01,G,en\n').encode())
    assert "manifest.csv:3: not valid CSV" in output


def test_unknown_manifest_kind(runner: CliRunner, tmp_path: Path) -> None:
    output = _build_corpus(runner, tmp_path, (HEADER + ROW.replace("report", "minutes")).encode())
    assert "manifest.csv:2: column 'kind' is 'minutes'; expected one of agenda, background-note, report" in output


# --- output and parameters -----------------------------------------------------------------------------------


def test_control_characters_do_not_reach_the_terminal() -> None:
    result = QueryResult(columns=["name"], rows=[(Literal("evil\x1b]0;owned\x07\nname\x9b"),)])
    table = to_table(result)
    assert "\x1b" not in table and "\x07" not in table and "\x9b" not in table
    assert "evil\\x1b]0;owned\\x07\\nname\\x9b" in table
    assert table.count("\n") == 4  # header, rule, one row, count


def test_a_param_that_is_not_utf8(runner: CliRunner, reference_build: Path) -> None:
    value = b"objective=\xff".decode("utf-8", "surrogateescape")  # how Python hands over such argv bytes
    result = runner.invoke(cli, ["query", "objective-mentions", "-p", value, "--graph", str(reference_build)])
    assert result.exit_code == 2
    assert "--param 'objective=\\\\xff' is not UTF-8 text" in result.output


# --- remote answers ------------------------------------------------------------------------------------------


class _Trickle(BaseHTTPRequestHandler):
    """/trickle sends a valid answer one byte every 0.2 s; /huge announces and sends more than allowed."""

    def do_GET(self) -> None:  # noqa: N802
        body = b'{"head": {"vars": ["n"]}, "results": {"bindings": []}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        try:
            if self.path.startswith("/huge"):
                for _ in range(100):
                    self.wfile.write(b" " * 10_000)
            else:
                for byte in body:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.2)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture()
def trickle() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Trickle)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_trickling_answer_stops_at_the_timeout(runner: CliRunner, trickle: str) -> None:
    started = time.monotonic()
    result = runner.invoke(cli, ["query", "objectives", "--endpoint", f"{trickle}/trickle", "--timeout", "1"])
    assert result.exit_code == 6, result.output
    assert "did not finish its answer within 1 s" in result.output
    assert time.monotonic() - started < 4


def test_a_huge_answer_is_not_held_whole(runner: CliRunner, trickle: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(remote, "MAX_ANSWER_BYTES", 200_000)
    result = runner.invoke(cli, ["query", "objectives", "--endpoint", f"{trickle}/huge"])
    assert result.exit_code == 6, result.output
    assert "sent an answer of more than 0 MB; stopped reading" in result.output


def test_owl_imports_failure_names_the_import_not_an_object(
    runner: CliRunner, tmp_path: Path, reference_build: Path
) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "<urn:x:shapes> a owl:Ontology ; owl:imports <http://127.0.0.1:9/missing.ttl> .\n"
    )
    result = runner.invoke(
        cli, ["validate", "--graph", str(reference_build), "--shapes", str(shapes), "--allow-imports"]
    )
    assert result.exit_code == 2, result.output
    assert "owl:imports <http://127.0.0.1:9/missing.ttl> could not be loaded" in result.output
    assert "object at 0x" not in result.output


def test_rows_past_the_limit_are_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    from gcmkg.graph.query.catalogue import load_catalogue

    row = b'{"number": {"type": "literal", "value": "1"}, "title": {"type": "literal", "value": "t"}},'
    body = b'{"head": {"vars": ["number", "title"]}, "results": {"bindings": [' + row * 100_000 + b"{}]}}"

    class Counting:
        def __init__(self) -> None:
            self.position = 0

        def read(self, size: int = -1) -> bytes:
            chunk = body[self.position : self.position + min(size, 4096)]
            self.position += len(chunk)
            return chunk

    stream = Counting()
    result = remote.parse_results(stream, load_catalogue()["objectives"], "http://x", limit=10)
    assert len(result.rows) == 10 and result.truncated_at == 10
    assert stream.position < 10_000  # the other 99,990 rows (9 MB) were never read

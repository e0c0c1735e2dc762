"""Remote servers: an empty default graph, a push that fails half-way, stale graphs, answers that are no success."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner

from gcmkg.graph.build.pipeline import build
from gcmkg.graph.cli import cli
from tests.test_remote import _no_proxy, _oxigraph, _push  # noqa: F401 - _no_proxy is an autouse fixture

pytestmark = pytest.mark.slow


class _Store(BaseHTTPRequestHandler):
    """A Graph Store of graphs in memory (N-Triples lines) that misbehaves as ``mode`` says: 'html' answers every
    PUT with a 200 HTML page, 'fail-third' fails the third PUT with 500, 'drop' stores only the first triple."""

    graphs: dict[str, bytes] = {}
    mode = ""
    puts = 0

    def _graph(self) -> str:
        return parse_qs(urlsplit(self.path).query).get("graph", [""])[0]

    def do_PUT(self) -> None:  # noqa: N802 - the handler's name
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        _Store.puts += 1
        if self.mode == "html":
            return self._send(200, "text/html", b"<html><body>Please log in</body></html>")
        if self.mode == "fail-third" and _Store.puts == 3:
            return self._send(500, "text/plain", b"disk full")
        import pyoxigraph as ox

        triples = [quad.triple for quad in ox.parse(body, format=ox.RdfFormat.TURTLE)]
        kept = triples[:1] if self.mode == "drop" else triples
        self.graphs[self._graph()] = ox.serialize(kept, format=ox.RdfFormat.N_TRIPLES) or b""
        self._send(204, "", b"")

    def do_GET(self) -> None:  # noqa: N802
        graph = self.graphs.get(self._graph())
        if graph is None:
            return self._send(404, "text/plain", b"no such graph")
        self._send(200, "application/n-triples", graph)

    def do_DELETE(self) -> None:  # noqa: N802
        self._send(204 if self.graphs.pop(self._graph(), None) is not None else 404, "", b"")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture()
def fake_store() -> Iterator[str]:
    _Store.graphs, _Store.mode, _Store.puts = {}, "", 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Store)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/store"
    server.shutdown()
    server.server_close()
    thread.join()


def test_a_put_answered_with_an_html_page_is_an_error(
    runner: CliRunner, fake_store: str, reference_build: Path
) -> None:
    _Store.mode = "html"
    result = runner.invoke(cli, ["push", "--store", fake_store, "--graph", str(reference_build), "-q"])
    assert result.exit_code == 6, result.output
    assert "with HTTP 200 and an HTML page (<html><body>Please log in</body></html>)" in result.output


def test_a_push_failing_half_way_names_what_was_replaced(
    runner: CliRunner, fake_store: str, reference_build: Path
) -> None:
    _Store.mode = "fail-third"
    result = runner.invoke(cli, ["push", "--store", fake_store, "--graph", str(reference_build), "-q"])
    assert result.exit_code == 6, result.output
    # graphs are pushed in IRI order: build, inferred, then the third (ontology) fails
    assert "answered HTTP 500: disk full" in result.output
    assert (
        "already replaced on the server: 2 of 9 graphs (<https://w3id.org/gcmkg/graph/build>, "
        "<https://w3id.org/gcmkg/graph/inferred>)" in result.output
    )
    assert "run the same gcmkg push again" in result.output


def test_a_server_that_stores_less_than_it_was_sent_is_caught(
    runner: CliRunner, fake_store: str, reference_build: Path
) -> None:
    _Store.mode = "drop"
    result = runner.invoke(cli, ["push", "--store", fake_store, "--graph", str(reference_build), "-q"])
    assert result.exit_code == 6, result.output
    assert "holds 1 triples in <https://w3id.org/gcmkg/graph/build> after the upload of 83" in result.output


@pytest.mark.parametrize("keep", [False, True], ids=["removed", "kept"])
def test_stale_graphs_of_a_bigger_build_are_removed_or_kept(
    runner: CliRunner, fake_store: str, reference_build: Path, corpus_build: Path, keep: bool
) -> None:
    assert runner.invoke(cli, ["push", "--store", fake_store, "--graph", str(corpus_build), "-q"]).exit_code == 0
    documents = {graph for graph in _Store.graphs if "/graph/document/" in graph}
    assert len(documents) == 5  # the shared corpus: five documents
    args = ["push", "--store", fake_store, "--graph", str(reference_build), "-q"]
    result = runner.invoke(cli, [*args, "--keep-stale"] if keep else args)
    assert result.exit_code == 0, result.output
    said = [line for line in result.stdout.splitlines() if "stale graph" in line]
    assert len(said) == 5
    assert all(line.startswith("kept stale graph" if keep else "removed stale graph") for line in said)
    assert (documents <= set(_Store.graphs)) is keep
    assert not documents & set(_Store.graphs) or keep


def test_an_empty_default_graph_is_said_not_zero_rows(runner: CliRunner, tmp_path: Path) -> None:
    with _oxigraph(tmp_path, union=False) as base:  # data loaded without gcmkg push: nothing names the graphs
        request = urllib.request.Request(
            f"{base}/store?graph=https%3A%2F%2Fexample.org%2Fg",
            data=b"<https://example.org/s> <https://example.org/p> 1 .",
            method="PUT",
            headers={"Content-Type": "text/turtle"},
        )
        urllib.request.urlopen(request, timeout=10).close()
        result = runner.invoke(cli, ["query", "objectives", "--endpoint", f"{base}/query"])
    assert result.exit_code == 6, result.output
    assert "the server's default graph is empty" in result.output
    assert "(0 rows)" not in result.output
    assert "--default-graph-uri" in result.output


@pytest.mark.slow
def test_a_killed_server_leaves_no_query_process(tmp_path: Path) -> None:
    """`gcmkg serve` killed outright (SIGKILL: no clean-up runs) takes its query processes with it."""
    build(tmp_path / "b")
    gcmkg = str(Path(sys.executable).with_name("gcmkg"))
    server = subprocess.Popen(
        [gcmkg, "serve", "--graph", str(tmp_path / "b"), "--port", "0"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None and "serving" in server.stdout.readline()
        children_file = Path(f"/proc/{server.pid}/task/{server.pid}/children")
        workers = [int(pid) for pid in children_file.read_text().split()]
        assert len(workers) == 2  # --workers defaults to 2
    finally:
        os.kill(server.pid, signal.SIGKILL)
        server.wait()
        if server.stdout is not None:
            server.stdout.close()
    deadline = time.monotonic() + 10
    alive = workers
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = [pid for pid in workers if _running(pid)]
    assert alive == []


def _running(pid: int) -> bool:
    """Whether process ``pid`` exists and is not a zombie."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return status.rsplit(")", 1)[1].split()[0] != "Z"

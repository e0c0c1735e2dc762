"""``gcmkg serve`` for tests: started on a free loopback port (``--port 0``; the port is read from its first line)
and stopped by its PID; HTTP requests with the standard library, so nothing reaches beyond loopback."""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

GCMKG = str(Path(sys.executable).parent / "gcmkg")
START_TIMEOUT = 60.0  # seconds to wait for the first line: a guard against a hung server, not a measure of speed
_URL = re.compile(r"on (http://\S+/) ")


@dataclass
class Reply:
    """An HTTP answer: status, headers (lower-case names) and body."""

    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


@dataclass
class Server:
    """A running ``gcmkg serve``: its process, its base URL and the lines it printed first."""

    process: subprocess.Popen[str]
    url: str
    lines: list[str]

    def request(
        self, path: str, data: bytes | None = None, headers: dict[str, str] | None = None, method: str | None = None
    ) -> Reply:
        """The answer to one request to ``path`` (errors are answers too)."""
        request = urllib.request.Request(self.url + path.lstrip("/"), data=data, headers=headers or {}, method=method)
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            with opener.open(request, timeout=120) as answer:
                return Reply(answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read())
        except urllib.error.HTTPError as error:
            return Reply(error.code, {k.lower(): v for k, v in error.headers.items()}, error.read())


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def _first_lines(process: subprocess.Popen[str], log: Path) -> list[str]:
    """The server's stdout up to the line naming its URL."""
    assert process.stdout is not None
    lines: list[str] = []
    while not lines or not _URL.search(lines[0]):
        ready, _, _ = select.select([process.stdout], [], [], START_TIMEOUT)
        line = process.stdout.readline() if ready else ""
        if not line:
            process.kill()
            pytest.fail(f"gcmkg serve did not start: {log.read_text(encoding='utf-8')[-2000:]}")
        lines.append(line.rstrip("\n"))
    return lines


@contextmanager
def serving(build: Path, workdir: Path, *options: str) -> Iterator[Server]:
    """``gcmkg serve --graph build --port 0 OPTIONS``, stopped by its PID (SIGTERM) when the block ends."""
    log = workdir / "serve-stderr.txt"
    with log.open("w", encoding="utf-8") as stderr:
        process = subprocess.Popen(
            [GCMKG, "serve", "--graph", str(build), "--port", "0", *options],
            stdout=subprocess.PIPE,
            stderr=stderr,
            stdin=subprocess.DEVNULL,
            text=True,
            cwd=REPO_ROOT,
        )
    try:
        lines = _first_lines(process, log)
        if "--host" in options:  # the note follows the first line
            lines.append((process.stdout.readline() if process.stdout else "").rstrip("\n"))
        match = _URL.search(lines[0])
        assert match is not None
        yield Server(process, match.group(1), lines)
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.kill(process.pid, signal.SIGKILL)
                process.wait()
        if process.stdout is not None:
            process.stdout.close()

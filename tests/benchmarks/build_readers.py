"""Benchmark: the verbs that read an existing build — export in every format, validate, push — at several sizes.

    python -m tests.benchmarks.build_readers --builds 1x=B1 10x=B10 1M=B1M [--repeat 1]

Each ``LABEL=FOLDER`` is a build folder: ``gcmkg build --corpus`` of the corpus (1x) and of
``synthetic_corpus.py --factor 10`` (10x), and ``python -m tests.benchmarks.scaled_build B10 B1M --copies 7``
(1M). Every command runs in a fresh process, one after the other (never two at once), and is measured by
``wait4``: wall seconds and the peak resident memory of the process (MiB). ``push`` uploads to an Oxigraph
server started for each build on a free loopback port (``oxigraph serve``, from the ``oxigraph`` package the test
extras install) and stopped by its PID. The table gives each command's seconds and peak MiB per build, and the time of
the largest build as a ratio to the smaller ones, beside the ratio of their sizes (quads): time linear in size
shows as equal ratios. It is a measurement, not a test: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sysconfig
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from gcmkg.graph.core.generation import current
from gcmkg.graph.core.layout import REPORT_FILE
from tests.benchmarks.run import GCMKG, print_table, timed_build

FORMATS = {"turtle": "ttl", "trig": "trig", "nquads": "nq", "ntriples": "nt", "jsonld": "jsonld"}
_VALIDATE_CODES = (0, 1)  # conforms, or violations: both a finished validation


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def oxigraph_server(folder: Path) -> Iterator[str]:
    """An empty Oxigraph server on 127.0.0.1 (data in ``folder``), stopped by its PID at the end; its base URL."""
    binary = shutil.which("oxigraph", path=sysconfig.get_path("scripts")) or shutil.which("oxigraph")
    if binary is None:
        raise SystemExit("the oxigraph server binary is not installed (pip install -e '.[test]')")
    port = _free_port()
    log = (folder / "server.log").open("wb")
    server = subprocess.Popen(
        [binary, "serve", "--location", str(folder / "data"), "--bind", f"127.0.0.1:{port}"], stdout=log, stderr=log
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit(f"oxigraph serve did not start (see {folder / 'server.log'})") from None
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        os.kill(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
        log.close()


def quads(build: Path) -> int:
    """The quads of a build, from its report."""
    return int(json.loads((current(build) / REPORT_FILE).read_text(encoding="utf-8"))["triples"])


def measure(build: Path, folder: Path, repeat: int) -> dict[str, tuple[float, float]]:
    """Median seconds and largest peak MiB of each command on ``build``, writing into ``folder``."""
    results: dict[str, tuple[float, float]] = {}

    def run(name: str, args: list[str], accepted: tuple[int, ...] = (0,)) -> None:
        runs = [timed_build([*GCMKG, *args], accepted) for _ in range(repeat)]
        results[name] = (statistics.median(done.seconds for done in runs), max(done.peak_mb for done in runs))
        print(f"  {name}: {results[name][0]:.1f} s, {results[name][1]:.0f} MiB", flush=True)

    for name, extension in FORMATS.items():
        run(f"export --format {name}", ["export", "--graph", str(build), "-q", "-o", str(folder / f"x.{extension}")])
        for written in folder.glob("x.*"):
            written.unlink()
    run("validate --format json", ["validate", "--graph", str(build), "--format", "json"], _VALIDATE_CODES)
    with oxigraph_server(folder) as base:
        run("push (to a local oxigraph serve)", ["push", "--store", f"{base}/store", "--graph", str(build), "-q"])
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--builds", nargs="+", required=True, metavar="LABEL=FOLDER", help="smallest first")
    parser.add_argument("--repeat", type=int, default=1)
    options = parser.parse_args()
    builds = [(label, Path(folder)) for label, _, folder in (item.partition("=") for item in options.builds)]
    sizes = {label: quads(build) for label, build in builds}
    measured: dict[str, dict[str, tuple[float, float]]] = {}
    for label, build in builds:
        print(f"{label}: {build} ({sizes[label]:,} quads)", flush=True)
        with tempfile.TemporaryDirectory(dir=build.parent) as name:
            measured[label] = measure(build, Path(name), options.repeat)
    largest = builds[-1][0]
    smaller = [label for label, _ in builds[:-1]]
    header = ["command", *(f"{label} s" for label, _ in builds), *(f"{largest} / {label}" for label in smaller)]
    header += [f"{label} MiB" for label, _ in builds]
    rows: list[list[object]] = [
        ["(quads)", *(f"{sizes[label]:,}" for label, _ in builds)]
        + [f"{sizes[largest] / sizes[label]:.1f}" for label in smaller]
        + ["" for _ in builds]
    ]
    for command in measured[largest]:
        row: list[object] = [command, *(f"{measured[label][command][0]:.1f}" for label, _ in builds)]
        row += [f"{measured[largest][command][0] / measured[label][command][0]:.1f}" for label in smaller]
        row += [f"{measured[label][command][1]:.0f}" for label, _ in builds]
        rows.append(row)
    print()
    print_table(header, rows)


if __name__ == "__main__":
    main()

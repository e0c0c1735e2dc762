"""Benchmark: ``gcmkg serve`` on a build — how long it takes to answer its first request, next to a cold
``gcmkg query``; and a bounded load test on loopback (CLIENTS concurrent clients, REQUESTS requests in all to one
stored query), its latencies as ratios to the same query run in-process (``gcmkg.open``) in the same run.

Run:  python tests/benchmarks/serving.py [--graph BUILD] [--clients 50] [--requests 2000] [--repeat 5]
Prints Markdown tables; copy them into tests/benchmarks/README.md. A measurement, not a test.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import signal
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

GCMKG = str(Path(sys.executable).parent / "gcmkg")
PATH = "/api/session-participants?year=2024&session=2"
QUERY, PARAMETERS = "session-participants", {"year": 2024, "session": 2}
_URL = re.compile(r"http://127\.0\.0\.1:(\d+)/")


def start(build: Path, *options: str) -> tuple[subprocess.Popen[str], int]:
    """A server on a free port and its port, once it has said where it listens."""
    process = subprocess.Popen(
        [GCMKG, "serve", "--graph", str(build), "--port", "0", *options],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    match = _URL.search(process.stdout.readline())
    assert match, "gcmkg serve did not start"
    return process, int(match.group(1))


def stop(process: subprocess.Popen[str]) -> None:
    os.kill(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def get(connection: http.client.HTTPConnection, path: str) -> int:
    connection.request("GET", path, headers={"Accept": "application/sparql-results+json"})
    answer = connection.getresponse()
    answer.read()
    return answer.status


def first_answer(build: Path) -> float:
    """Seconds from starting the server to its first answer of the stored query."""
    began = time.perf_counter()
    process, port = start(build)
    try:
        status = get(http.client.HTTPConnection("127.0.0.1", port, timeout=60), PATH)
        assert status == 200, status
        return time.perf_counter() - began
    finally:
        stop(process)


def cold_query(build: Path) -> float:
    began = time.perf_counter()
    subprocess.run(
        [GCMKG, "query", QUERY, "-p", "year=2024", "-p", "session=2", "--graph", str(build)],
        check=True, capture_output=True,
    )  # fmt: skip
    return time.perf_counter() - began


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def in_process(build: Path, repeat: int) -> list[float]:
    """Latencies of the stored query run in this process on a build opened once."""
    import gcmkg

    kg = gcmkg.open(build)
    latencies = []
    for _ in range(repeat):
        began = time.perf_counter()
        kg.query(QUERY, **PARAMETERS)
        latencies.append(time.perf_counter() - began)
    return latencies


def load(port: int, clients: int, requests: int) -> tuple[list[float], int, float]:
    """Latencies and errors of ``requests`` requests sent by ``clients`` keep-alive clients at once; wall time."""

    def client(count: int) -> tuple[list[float], int]:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        latencies, errors = [], 0
        for _ in range(count):
            began = time.perf_counter()
            try:
                errors += get(connection, PATH) != 200
            except (OSError, http.client.HTTPException):
                errors += 1
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            latencies.append(time.perf_counter() - began)
        return latencies, errors

    shares = [requests // clients + (i < requests % clients) for i in range(clients)]
    began = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        done = list(pool.map(client, shares))
    wall = time.perf_counter() - began
    return [t for latencies, _ in done for t in latencies], sum(errors for _, errors in done), wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--graph", type=Path, default=Path("build"))
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    starts = [first_answer(args.graph) for _ in range(args.repeat)]
    colds = [cold_query(args.graph) for _ in range(args.repeat)]
    print("| step | median s | ratio to a cold `gcmkg query` |\n|---|---|---|")
    print(f"| `gcmkg serve` started → first answer of /api/{QUERY} | {statistics.median(starts):.2f} | "
          f"{statistics.median(starts) / statistics.median(colds):.2f} |")  # fmt: skip
    print(f"| cold `gcmkg query {QUERY}` | {statistics.median(colds):.2f} | 1.00 |")

    local = in_process(args.graph, 200)
    process, port = start(args.graph, "--workers", str(args.workers))
    try:
        get(http.client.HTTPConnection("127.0.0.1", port, timeout=60), PATH)  # warm
        one = in_process_http = []
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for _ in range(200):
            began = time.perf_counter()
            get(connection, PATH)
            one.append(time.perf_counter() - began)
        latencies, errors, wall = load(port, args.clients, args.requests)
    finally:
        stop(process)
    p50, p95 = percentile(local, 0.5), percentile(local, 0.95)
    print(f"\n{args.requests} requests to {PATH} from {args.clients} clients at once, {args.workers} query "
          f"processes: {errors} errors, {args.requests / wall:.0f} requests/s\n")  # fmt: skip
    print("| latency | in-process ms | one client ms (ratio) | 50 clients ms (ratio) |\n|---|---|---|---|")
    for name, share, base in (("p50", 0.5, p50), ("p95", 0.95, p95)):
        single, loaded = percentile(in_process_http, share), percentile(latencies, share)
        print(f"| {name} | {base * 1000:.2f} | {single * 1000:.2f} ({single / base:.1f}×) | "
              f"{loaded * 1000:.1f} ({loaded / base:.0f}×) |")  # fmt: skip


if __name__ == "__main__":
    main()

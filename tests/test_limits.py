"""--limit and --timeout on ``gcmkg query`` and ``gcmkg sparql``: a result cut short always says so.

Rows are those of ``tests/fixtures/model.trig`` (attendance 2024: Denmark, Norway, then UNHCR).
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from gcmkg.graph.cli import cli
from gcmkg.graph.core.errors import BuildNotFoundError, QueryTimeout
from gcmkg.graph.query.limits import run_limited
from gcmkg.graph.query.runner import QueryResult, run_sparql

MODEL = Path(__file__).resolve().parent / "fixtures" / "model.trig"
UNHCR = "Office of the United Nations High Commissioner for Refugees"
ATTENDANCE = ["query", "attendance", "--graph", str(MODEL), "--param", "year=2024"]


def invoke(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(cli, list(args))


# --- --limit ------------------------------------------------------------------------------------


def test_table_cut_at_the_limit_says_so_on_its_last_line(runner: CliRunner) -> None:
    result = invoke(runner, *ATTENDANCE, "--limit", "2")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines[2:-1]] == ["Denmark", "Norway"]
    assert lines[-1] == "(2 rows, stopped at the 2-row limit; use --limit 0 for all)"
    assert result.stderr == ""


@pytest.mark.parametrize("limit", ["3", "4", "0"])
def test_a_limit_not_reached_says_nothing(runner: CliRunner, limit: str) -> None:
    result = invoke(runner, *ATTENDANCE, "--limit", limit)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "(3 rows)"
    assert UNHCR in result.stdout
    assert result.stderr == ""


def test_csv_and_json_cut_at_the_limit_stay_valid_and_warn_on_stderr(runner: CliRunner) -> None:
    as_csv = invoke(runner, *ATTENDANCE, "--limit", "1", "--format", "csv")
    assert as_csv.exit_code == 0
    assert list(csv.reader(io.StringIO(as_csv.stdout))) == [["name", "iso3"], ["Denmark", "DNK"]]
    assert as_csv.stderr == "warning: stopped at the 1-row limit; use --limit 0 for all\n"
    as_json = invoke(runner, *ATTENDANCE, "--limit", "2", "--format", "json")
    assert as_json.exit_code == 0
    assert [row["iso3"]["value"] for row in json.loads(as_json.stdout)["results"]["bindings"]] == ["DNK", "NOR"]
    assert "stopped at the 2-row limit" in as_json.stderr
    as_tsv = invoke(runner, *ATTENDANCE, "--limit", "2", "--format", "tsv")
    assert len(as_tsv.stdout.splitlines()) == 3
    assert "stopped at the 2-row limit" in as_tsv.stderr


def test_sparql_limit_and_the_default_of_10000(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "many.ttl"
    data.write_text("".join(f"<http://example.org/s{i}> <http://example.org/p> {i} .\n" for i in range(10_001)))
    query = "SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o"
    default = invoke(runner, "sparql", "--graph", str(data), query)
    lines = default.stdout.splitlines()
    assert lines[-1] == "(10000 rows, stopped at the 10000-row limit; use --limit 0 for all)"
    assert lines[-2] == "9999"
    everything = invoke(runner, "sparql", "--graph", str(data), query, "--limit", "0", "--format", "csv")
    assert everything.stdout.splitlines()[-1] == "10000"
    assert everything.stderr == ""
    assert invoke(runner, "sparql", "--graph", str(data), query, "--limit", "-1").exit_code == 2


# --- --timeout ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def slow_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2,000 triples: a three-way cross product is 8e9 solutions, far more than a second's work."""
    path = tmp_path_factory.mktemp("slow") / "slow.nt"
    path.write_text("".join(f'<http://example.org/s{i}> <http://example.org/p> "{i}" .\n' for i in range(2000)))
    return path


CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_a_query_past_its_timeout_is_stopped_and_says_so(runner: CliRunner, slow_graph: Path) -> None:
    started = time.monotonic()
    result = invoke(runner, "sparql", "--graph", str(slow_graph), "--timeout", "1", CROSS)
    elapsed = time.monotonic() - started
    assert result.exit_code == 8
    assert result.stdout == ""
    assert "error: the query was stopped after 1 s (--timeout 1)" in result.stderr
    assert elapsed < 10
    assert multiprocessing.active_children() == []  # the child that ran it is gone


def test_run_limited_raises_query_timeout_and_kills_the_child(slow_graph: Path) -> None:
    started = time.monotonic()
    with pytest.raises(QueryTimeout) as caught:
        run_sparql(slow_graph, CROSS, timeout=0.5)
    assert time.monotonic() - started < 10
    assert caught.value.exit_code == 8
    assert multiprocessing.active_children() == []


def test_a_stored_query_with_a_timeout_gives_the_same_rows_as_in_process(runner: CliRunner) -> None:
    in_child = invoke(runner, *ATTENDANCE, "--format", "csv", "--timeout", "30")
    in_process = invoke(runner, *ATTENDANCE, "--format", "csv", "--timeout", "0")
    assert in_child.exit_code == in_process.exit_code == 0
    assert in_child.stdout == in_process.stdout
    assert in_child.stdout.splitlines()[1:] == ["Denmark,DNK", "Norway,NOR", f"{UNHCR},"]


def test_errors_in_the_child_keep_their_class_message_and_hint(tmp_path: Path) -> None:
    with pytest.raises(BuildNotFoundError) as caught:
        run_sparql(tmp_path / "nowhere", "SELECT * WHERE { ?s ?p ?o }", timeout=30)
    assert caught.value.message == f"no build at {tmp_path / 'nowhere'}"
    assert caught.value.hint is not None and "gcmkg build -o" in caught.value.hint


def test_the_job_is_prepared_here_and_runs_there(slow_graph: Path) -> None:
    result = run_limited(slow_graph, True, lambda: _count, timeout=30)
    assert result == 2000


def _count(store: object) -> int:
    return len(store)  # type: ignore[arg-type]


def test_ask_and_select_come_back_from_the_child(slow_graph: Path) -> None:
    answer = run_sparql(slow_graph, 'ASK { ?s ?p "1999" }', timeout=30)
    assert getattr(answer, "value", None) is True
    rows = run_sparql(slow_graph, "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s", timeout=30, limit=2)
    assert isinstance(rows, QueryResult)
    assert [term.value for (term,) in rows.rows] == ["http://example.org/s0", "http://example.org/s1"]
    assert rows.truncated_at == 2

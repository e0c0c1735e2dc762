"""The persistent query store a build leaves (graph/rdfio/store.py): opened, not re-read; made again when stale."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from gcmkg.graph.cli import cli
from gcmkg.graph.core.layout import ASSERTED_STORE_DIR, DATASET_FILE, REPORT_FILE, STORE_DIR
from gcmkg.graph.query.catalogue import load_catalogue
from gcmkg.graph.query.guard import check_stored_query
from gcmkg.graph.query.params import bind, parse_assignments
from gcmkg.graph.query.runner import QueryResult, run_on_store, run_sparql
from gcmkg.graph.rdfio import store as store_module
from gcmkg.graph.rdfio.store import STAMP, file_sha256, load_in_memory, make_if_stale, open_store, store_is_fresh

EX = "https://w3id.org/gcmkg/id/test/"
GRAPH = "https://w3id.org/gcmkg/graph/"
# Two documents state the same triple; graph:inferred adds one. The union holds each triple once.
TRIG = f"""
<{GRAPH}document/a> {{ <{EX}s> <{EX}p> <{EX}o> . <{EX}s> <{EX}q> "a" . }}
<{GRAPH}document/b> {{ <{EX}s> <{EX}p> <{EX}o> . }}
<{GRAPH}inferred> {{ <{EX}s> <{EX}r> <{EX}o> . }}
"""
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def _count(store: ox.Store) -> int:
    solutions = store.query(COUNT)
    assert isinstance(solutions, ox.QuerySolutions)
    return int(next(iter(solutions))["n"].value)


def _folder(tmp_path: Path, text: str = TRIG) -> Path:
    folder = tmp_path / "build"
    folder.mkdir()
    (folder / DATASET_FILE).write_text(text, encoding="utf-8")
    (folder / REPORT_FILE).write_text("{}", encoding="utf-8")
    return folder


def _say(notes: list[str]):  # noqa: ANN202 - a collector for open_store's notes
    return notes.append


def test_a_missing_store_is_made_once_then_opened(tmp_path: Path) -> None:
    folder, notes = _folder(tmp_path), []
    assert _count(open_store(folder, say=_say(notes))) == 3  # s p o once, s q "a", s r o
    assert len(notes) == 1 and "missing" in notes[0] and str(folder / STORE_DIR) in notes[0]
    stamp = json.loads((folder / STORE_DIR / STAMP).read_text(encoding="utf-8"))
    assert stamp["dataset_sha256"] == file_sha256(folder / DATASET_FILE)
    assert _count(open_store(folder, say=_say(notes))) == 3
    assert len(notes) == 1  # the second query opened it: no note, nothing made


def test_the_store_is_opened_read_only(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    store = open_store(folder, say=lambda _: None)
    with pytest.raises(RuntimeError, match="read-write"):
        store.update(f"INSERT DATA {{ <{EX}x> <{EX}y> <{EX}z> }}")


def test_a_changed_dataset_makes_the_store_stale(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    open_store(folder, say=lambda _: None)
    dataset = folder / DATASET_FILE
    dataset.write_text(TRIG.replace('"a"', '"b" , "c"'), encoding="utf-8")
    assert not store_is_fresh(dataset)
    notes: list[str] = []
    assert _count(open_store(folder, say=_say(notes))) == 4
    assert "stale" in notes[0]
    assert store_is_fresh(dataset)
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # the old store and temporaries removed


def test_same_bytes_with_a_new_modification_time_stay_fresh(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    open_store(folder, say=lambda _: None)
    dataset = folder / DATASET_FILE
    os.utime(dataset, ns=(1_000_000_000, 1_000_000_000))
    assert store_is_fresh(dataset)  # same size, so the hash decides


def test_a_store_of_another_format_or_version_is_stale(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    open_store(folder, say=lambda _: None)
    stamp_file = folder / STORE_DIR / STAMP
    stamp = json.loads(stamp_file.read_text(encoding="utf-8"))
    stamp_file.write_text(json.dumps({**stamp, "pyoxigraph": "0.0.1"}), encoding="utf-8")
    assert not store_is_fresh(folder / DATASET_FILE)
    stamp_file.write_text("not json", encoding="utf-8")
    assert not store_is_fresh(folder / DATASET_FILE)


def test_an_unwritable_folder_falls_back_to_memory_with_a_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*_: object) -> Path:  # what mkdtemp raises in a read-only folder (tests may run as root)
        raise PermissionError(13, "Permission denied")

    folder, notes = _folder(tmp_path), []
    monkeypatch.setattr(store_module, "write_store", refused)
    assert _count(open_store(folder, say=_say(notes))) == 3
    assert "could not make" in notes[-1] and "Permission denied" in notes[-1] and "into memory" in notes[-1]


def test_no_inferred_opens_a_store_of_the_asserted_graphs(tmp_path: Path) -> None:
    folder, notes = _folder(tmp_path), []
    assert _count(open_store(folder, inferred=False, say=_say(notes))) == 2  # s p o once, s q "a"
    assert len(notes) == 1 and "missing" in notes[0] and str(folder / ASSERTED_STORE_DIR) in notes[0]
    assert store_is_fresh(folder / DATASET_FILE, inferred=False) and not store_is_fresh(folder / DATASET_FILE)
    assert _count(open_store(folder / DATASET_FILE, inferred=False, say=_say(notes))) == 2
    assert len(notes) == 1  # opened, not made again
    asserted = open_store(folder, inferred=False, say=_say(notes))
    assert {graph.value for graph in asserted.named_graphs()} == {f"{GRAPH}document/a", f"{GRAPH}document/b"}


def test_rdf_files_are_read_into_memory(tmp_path: Path) -> None:
    folder, notes = _folder(tmp_path), []
    other = tmp_path / "data.trig"
    shutil.copy(folder / DATASET_FILE, other)
    assert _count(open_store(other, say=_say(notes))) == 3 and notes == []
    assert _count(open_store(other, inferred=False, say=_say(notes))) == 2 and notes == []
    export = tmp_path / "export"  # a gcmkg.trig that is not in a build folder: an export
    export.mkdir()
    shutil.copy(folder / DATASET_FILE, export / DATASET_FILE)
    assert _count(open_store(export, say=_say(notes))) == 3 and notes == []
    assert not (tmp_path / STORE_DIR).exists() and not (export / STORE_DIR).exists()
    assert not (folder / STORE_DIR).exists()


def test_the_store_and_the_file_give_the_same_union(corpus_build: Path) -> None:
    quads = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    persistent, memory = open_store(corpus_build), load_in_memory(corpus_build / DATASET_FILE)
    assert store_is_fresh(corpus_build / DATASET_FILE)  # the build made it
    assert _count(persistent) == _count(memory)
    assert {(r["g"], r["n"]) for r in persistent.query(quads)} == {(r["g"], r["n"]) for r in memory.query(quads)}


def test_no_inferred_rows_are_those_of_the_file_read_into_memory(corpus_build: Path, tmp_path: Path) -> None:
    build = tmp_path / "build"  # a copy: the session-wide corpus build stays as the build left it
    build.mkdir()
    for name in (DATASET_FILE, REPORT_FILE):
        shutil.copy(corpus_build / name, build / name)
    notes: list[str] = []
    persistent = open_store(build, inferred=False, say=notes.append)
    assert store_is_fresh(build / DATASET_FILE, inferred=False) and len(notes) == 1
    memory = load_in_memory(build / DATASET_FILE, inferred=False)
    assert _count(persistent) == _count(memory) < _count(open_store(build))
    answered = set()
    for stored in load_catalogue().values():
        given = ("objective=7",) if stored.name == "objective-mentions" else ()
        if any(p.required for p in stored.parameters) and not given:
            continue
        query = check_stored_query(stored)
        parameters = bind(query, parse_assignments(given))
        kept = run_on_store(persistent, query, parameters, inferred=False)
        assert kept == run_on_store(memory, query, parameters, inferred=False), stored.name
        answered |= {stored.name} if kept.rows else set()
    # asserted statements answer these; state-engagement reads only what reasoning adds
    assert {"objectives", "objective-mentions"} <= answered and "state-engagement" not in answered


def test_build_leaves_a_fresh_store_that_a_query_opens(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "b"
    assert runner.invoke(cli, ["build", "-o", str(out), "--quiet"]).exit_code == 0
    assert store_is_fresh(out / DATASET_FILE)
    result = runner.invoke(cli, ["query", "objectives", "--graph", str(out), "--format", "csv"])
    assert result.exit_code == 0 and "note:" not in result.output
    assert len(result.output.splitlines()) == 24  # header + 23 objectives


def test_a_query_with_a_timeout_makes_the_store_before_its_child_starts(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    store_module.write_store(folder / DATASET_FILE)  # Oxigraph's background threads now run in this process
    result = run_sparql(folder, COUNT, inferred=False, timeout=60)  # made here; the forked child opens it
    assert isinstance(result, QueryResult) and result.rows[0][0].value == "2"
    assert store_is_fresh(folder / DATASET_FILE, inferred=False)
    notes: list[str] = []
    make_if_stale(folder, inferred=False, say=notes.append)
    assert notes == []  # fresh: nothing to make

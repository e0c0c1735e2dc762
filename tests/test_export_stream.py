"""``gcmkg export`` as a stream: the on-disk sort, blank-node labels computed on the quads that hold them, the same
statements as the whole build read into memory, the same bytes whatever the number of sorted runs, and a failure
half-way (a broken build file, a full disk) leaving the previous export as it was and no scratch file behind."""

from __future__ import annotations

import errno
import io
import os
import random
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from gcmkg.graph.cli import cli
from gcmkg.graph.core.layout import DATASET_FILE
from gcmkg.graph.export import run, sorting
from gcmkg.graph.export.formats import ExportFormat
from gcmkg.graph.export.sorting import SortedLines
from gcmkg.graph.rdfio.canonical import canonical_dataset, canonical_quads
from gcmkg.graph.rdfio.quads import parse_build
from gcmkg.graph.rdfio.store import dataset_path


def export(build: Path, out: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["export", "--graph", str(build), "-q", "-o", str(out), *args])
    return result.exit_code, result.output


def folder_state(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` (hidden temporaries included) with its bytes."""
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_sorted_lines_merge_their_runs_in_order_each_line_once(tmp_path: Path) -> None:
    lines = [b"pear\n", b"apple\n", b"fig\n", b"apple\n", b"kiwi\n", b"fig\n", b"date\n"]
    with SortedLines(tmp_path, run_lines=3) as sorted_lines:  # three runs: 3 + 3 + 1 lines
        sorted_lines.add(iter(lines))
        assert list(sorted_lines.unique()) == [b"apple\n", b"date\n", b"fig\n", b"kiwi\n", b"pear\n"]
        assert list(sorted_lines.unique()) == [b"apple\n", b"date\n", b"fig\n", b"kiwi\n", b"pear\n"]  # again
        assert not any(tmp_path.iterdir())  # the runs are unnamed files: nothing to leave behind


def test_blank_nodes_get_the_labels_of_the_whole_dataset(fixture_build: Path) -> None:
    quads = list(parse_build(fixture_build))
    with_blank = [q for q in quads if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode)]
    assert len(with_blank) > 10  # the ontology's class unions and property chains
    blank = {term for q in with_blank for term in (q.subject, q.object) if isinstance(term, ox.BlankNode)}
    renamed = {term: ox.BlankNode() for term in blank}
    relabelled = [ox.Quad(*(renamed.get(term, term) for term in q)) for q in quads]  # fresh labels, same structure
    random.Random(7).shuffle(relabelled)
    assert set(canonical_quads(relabelled)) == set(canonical_dataset(quads))


def test_the_corpus_build_exports_the_statements_of_the_build_read_into_memory(
    corpus_build: Path, tmp_path: Path
) -> None:
    """What every export was before it streamed: the whole build read, blank nodes canonically labelled (RDFC-1.0),
    the lines sorted in memory."""
    whole = canonical_dataset(parse_build(corpus_build))
    assert export(corpus_build, tmp_path / "x.nq")[0] == 0
    assert (tmp_path / "x.nq").read_text(encoding="utf-8") == "".join(sorted(f"{quad} .\n" for quad in whole))
    triples = canonical_dataset({ox.Quad(q.subject, q.predicate, q.object) for q in whole})
    for name in ("x.nt", "x.ttl"):
        assert export(corpus_build, tmp_path / name)[0] == 0
        assert canonical_dataset(parse_build(tmp_path / name)) == triples
    for name in ("x.trig", "x.jsonld"):
        assert export(corpus_build, tmp_path / name)[0] == 0
        assert canonical_dataset(parse_build(tmp_path / name)) == whole


@pytest.mark.parametrize("extension", ["trig", "jsonld", "ttl", "nq"])
def test_many_sorted_runs_give_the_same_bytes_as_one(
    fixture_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extension: str
) -> None:
    assert export(fixture_build, tmp_path / "one" / f"x.{extension}")[0] == 0
    monkeypatch.setattr(sorting, "RUN_LINES", 500)  # the fixture build's ~25,000 statements in about 50 runs
    assert export(fixture_build, tmp_path / "many" / f"x.{extension}")[0] == 0
    assert folder_state(tmp_path / "one") == folder_state(tmp_path / "many")


@pytest.fixture()
def previous(fixture_build: Path, tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """An earlier export in a folder of its own and the bytes of its files."""
    folder = tmp_path / "out"
    assert export(fixture_build, folder / "gcmkg.nq")[0] == 0
    return folder, folder_state(folder)


def test_a_build_file_broken_half_way_leaves_the_previous_export(
    fixture_build: Path, tmp_path: Path, previous: tuple[Path, dict[str, bytes]]
) -> None:
    folder, before = previous
    broken = tmp_path / DATASET_FILE
    broken.write_bytes(dataset_path(fixture_build).read_bytes() + b"\n<urn:a> <urn:b> .\n")  # no object: not TriG
    code, output = export(broken, folder / "gcmkg.nq")
    assert code == 4
    assert f"{broken}: not valid TriG" in output
    assert folder_state(folder) == before


def test_a_disk_full_while_the_data_is_written_leaves_the_previous_export(
    fixture_build: Path, previous: tuple[Path, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, before = previous
    write = run.write

    def full_half_way(lines: Iterable[bytes], export_format: ExportFormat, stream: BinaryIO) -> None:
        iterator = iter(lines)
        write((line for line, _ in zip(iterator, range(1000), strict=False)), export_format, stream)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(run, "write", full_half_way)
    code, output = export(fixture_build, folder / "gcmkg.nq", "--no-inferred")
    assert code == 7
    assert "could not be written (No space left on device)" in output
    assert folder_state(folder) == before  # no temporary left either


def test_a_disk_full_while_sorting_is_an_output_error(
    fixture_build: Path, previous: tuple[Path, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, before = previous

    class Full(io.BytesIO):
        def writelines(self, lines: Iterable[bytes]) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(sorting, "scratch_file", lambda _: Full())
    code, output = export(fixture_build, folder / "gcmkg.nq")
    assert code == 7
    assert f"{folder}: no room to sort the export (No space left on device)" in output
    assert folder_state(folder) == before

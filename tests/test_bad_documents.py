"""Bad documents through the CLI: each is skipped and named with its reason; the good document still loads.

Every test builds a corpus folder of its own: one good background note (written for these tests, in the
style of the corpus) and one bad input. ``gcmkg build`` must exit 5 (partial build), say on stderr which
file was skipped and why, list it under "skipped" in build-report.json, and still load the good document;
with ``--strict`` it must exit 5 and write no dataset.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import RDF

from gcmkg.graph.cli import cli
from gcmkg.graph.core import ids
from gcmkg.graph.core.vocab import GCM
from tests.pdfmaker import make_pdf

GOOD = "900_5e55a0c3d2e1f4b7.txt"
GOOD_TEXT = """\
Regional Review of the Global Compact for Safe, Orderly and Regular Migration in the ECE region

Session 3

Background note

The third session of the Regional Review will offer space for discussion of progress made in accomplishing
objectives 2, 5 and 6 of the Global Compact for Safe, Orderly and Regular Migration (GCM).

Introduction

Member States of the region reported new regular pathways for migrant workers. Portugal and Kyrgyzstan
described bilateral labour mobility agreements, under which more than 12,000 workers moved in 2023.

Fair recruitment remains a challenge: several States reported recruitment fees charged to migrant workers,
and the International Labour Organization (ILO) supported reviews of national recruitment rules.
"""
MANIFEST = (
    "file,title,kind,event,date,place,language\n"
    f"{GOOD},Session 3 background note,background-note,"
    "Regional Review of the GCM for the ECE region - second session,2024-03-11,Geneva,en\n"
)
LOREM = (
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed do eiusmod tempor incididunt ut labore et "
    "dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip. "
    "Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. "
) * 12


def _sparse(path: Path) -> None:
    with path.open("wb") as file:
        file.truncate(100 * 1024 * 1024)  # a hole: nothing is written to disk


def _half_pdf(path: Path) -> None:
    data = make_pdf([["Session 3", "Background note"], ["Introduction", "Member States reported progress."]])
    path.write_bytes(data[: len(data) // 2])


def _cut_utf8(path: Path) -> None:
    data = "Session 3\n\nBackground note\n\nThe session met in Genève".encode()
    path.write_bytes(data[: data.index("è".encode()) + 1])


def _manifest_row(path: Path) -> None:
    with (path.parent / "manifest.csv").open("a", encoding="utf-8") as manifest:
        manifest.write(f"{path.name},Session 5 background note,background-note,Second session,2024-03-11,Geneva,en\n")


@dataclass(frozen=True)
class Bad:
    """One bad input: its file name, how to make it, and a fragment of the reason it is skipped for."""

    name: str
    make: Callable[[Path], object]
    reason: str


BAD = [
    Bad("empty.txt", lambda p: p.write_bytes(b""), "empty"),
    Bad("renamed.txt", lambda p: p.write_bytes(make_pdf([["Session 3"]])), "a PDF file with a .txt name"),
    Bad("latin1.txt", lambda p: p.write_bytes("Session 3 in Genève".encode("latin-1")), "not UTF-8 text (byte 16)"),
    Bad("huge.txt", _sparse, "larger than the 20 MB limit (104857600 bytes)"),
    Bad("half.pdf", _half_pdf, "truncated or damaged PDF"),
    Bad("cut.txt", _cut_utf8, "not UTF-8 text: cut off inside a character"),
    Bad("missing.txt", _manifest_row, "named in manifest.csv line 3 but missing"),
    Bad("lorem.txt", lambda p: p.write_text(LOREM, encoding="utf-8"), "no recognisable structure"),
]


@pytest.fixture(params=BAD, ids=[bad.name for bad in BAD])
def corpus(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, Bad]:
    """A corpus folder with the good note, its manifest row, and the bad input of this test."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / GOOD).write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "manifest.csv").write_text(MANIFEST, encoding="utf-8")
    bad: Bad = request.param
    bad.make(folder / bad.name)
    return folder, bad


def _build(folder: Path, out: Path, *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["build", "--corpus", str(folder), "-o", str(out), "-q", *options])
    return result.exit_code, result.stderr


def _has_document(trig: Path, stem: str) -> bool:
    """Whether the dataset types the document with this id as gcm:Document (read with pyoxigraph, as queries are)."""
    store = pyoxigraph.Store()
    store.load(path=str(trig), format=pyoxigraph.RdfFormat.TRIG)
    pattern = (pyoxigraph.NamedNode(ids.document(stem)), pyoxigraph.NamedNode(str(RDF.type)))
    return any(store.quads_for_pattern(*pattern, pyoxigraph.NamedNode(str(GCM.Document)), None))


def _entry_text(entry: object) -> str:
    """A skipped entry as one string: "{file}: {reason}; skipped", or the values of a {file, reason} object."""
    return " ".join(map(str, entry.values())) if isinstance(entry, dict) else str(entry)


@pytest.mark.slow
def test_bad_document_is_skipped_named_and_reported(corpus: tuple[Path, Bad], tmp_path: Path) -> None:
    folder, bad = corpus
    out = tmp_path / "build"
    exit_code, stderr = _build(folder, out)
    assert exit_code == 5, stderr
    path = str(folder / bad.name)
    assert any(path in line and bad.reason in line for line in stderr.splitlines()), stderr
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    assert len(report["skipped"]) == 1, report["skipped"]
    entry = _entry_text(report["skipped"][0])
    assert path in entry and bad.reason in entry
    assert _has_document(out / "gcmkg.trig", Path(GOOD).stem), "the good document did not load"


def test_strict_build_with_bad_document_writes_no_dataset(corpus: tuple[Path, Bad], tmp_path: Path) -> None:
    folder, bad = corpus
    out = tmp_path / "build"
    exit_code, stderr = _build(folder, out, "--strict")
    assert exit_code == 5, stderr
    assert str(folder / bad.name) in stderr and bad.reason in stderr
    assert not (out / "gcmkg.trig").exists()

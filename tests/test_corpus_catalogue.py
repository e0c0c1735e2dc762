"""Documents of a corpus folder become gcm:Document nodes; bad documents are skipped, named, and reported."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, XSD

from gcmkg.graph.cli import cli
from gcmkg.graph.core import ids
from gcmkg.graph.core.vocab import GCM
from gcmkg.loaders.documents.catalogue import load_corpus
from tests.conftest import CORPUS


def test_shared_corpus_documents_carry_manifest_metadata() -> None:
    loaded = load_corpus(CORPUS)
    assert loaded.skipped == []
    assert [g.name for g in loaded.graphs] == [
        "document/000_7311cc525c900547",
        "document/001_1efa612e0ff46ad2",
        "document/002_401cf7dc2a28f9d0",
        "document/003_b3646771b72b2572",
        "document/004_f5e20b4a01c69ec7",
    ]
    report = loaded.graphs[2].graph
    node = URIRef(ids.document("002_401cf7dc2a28f9d0"))
    assert report.value(node, DCTERMS.title) == Literal(
        "Report of the Regional Review of the GCM for the ECE region on its second session", lang="en"
    )
    assert report.value(node, GCM.documentKind) == Literal("report")
    assert report.value(node, DCTERMS.date) == Literal("2024-03-11", datatype=XSD.date)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(CORPUS / "004_f5e20b4a01c69ec7.txt", folder)
    shutil.copy(CORPUS / "manifest.csv", folder)
    (folder / "extra-note.md").write_text("\n\nA note written for this test\n\nBody.\n", encoding="utf-8")
    return folder


def test_a_document_without_manifest_row_still_loads(corpus: Path) -> None:
    loaded = load_corpus(corpus)
    names = [g.name for g in loaded.graphs]
    assert names == ["document/004_f5e20b4a01c69ec7", "document/extra-note"]
    note = loaded.graphs[1].graph
    assert note.value(URIRef(ids.document("extra-note")), DCTERMS.title) == Literal(
        "A note written for this test", lang="en"
    )


def test_bad_documents_are_skipped_named_and_reported(corpus: Path, tmp_path: Path) -> None:
    (corpus / "latin1.txt").write_bytes("Gen\xe8ve session".encode("latin-1"))
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "--corpus", str(corpus), "-o", str(tmp_path / "b"), "-q"])
    assert result.exit_code == 5
    assert f"{corpus / 'latin1.txt'}: not UTF-8 text (byte 3); skipped" in result.output
    assert f"{corpus / 'empty.txt'}: empty; skipped" in result.output
    # four manifest rows name files this folder does not have
    assert f"{corpus / '000_7311cc525c900547.txt'}: named in manifest.csv line 2 but missing; skipped" in result.output
    report = json.loads((tmp_path / "b" / "build-report.json").read_text(encoding="utf-8"))
    assert len(report["skipped"]) == 6
    assert report["entities_by_class"]["gcm:Document"] == 2


def test_strict_build_fails_and_writes_nothing(corpus: Path, tmp_path: Path) -> None:
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "b"
    result = CliRunner().invoke(cli, ["build", "--corpus", str(corpus), "-o", str(out), "--strict", "-q"])
    assert result.exit_code == 5
    assert "strict build: nothing written" in result.output
    assert not out.exists()

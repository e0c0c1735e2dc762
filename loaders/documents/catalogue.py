"""The documents of a corpus folder, with metadata from ``manifest.csv`` or inferred from the text.

Each readable document becomes a gcm:Document in its own named graph. Problems with one document
(a manifest row naming a missing file, a file that is not UTF-8 text) are skipped with a line naming the file,
and the other documents still load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, XSD

from gcmkg.graph import ids
from gcmkg.graph.errors import NotFoundError
from gcmkg.graph.vocab import GCM
from gcmkg.loaders.sourcegraph import SourceFile, SourceGraph
from gcmkg.loaders.table import Row, read_table

MANIFEST = "manifest.csv"
MANIFEST_COLUMNS = ("file", "title", "kind", "event", "date", "place", "language")
DOCUMENT_SUFFIXES = (".txt", ".md")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class CorpusLoad:
    """The document graphs that loaded, and one line per document that did not (file and reason)."""

    graphs: list[SourceGraph]
    skipped: list[str]


def _manifest_rows(corpus: Path) -> dict[str, Row]:
    path = corpus / MANIFEST
    if not path.exists():
        return {}
    return {row.text("file"): row for row in read_table(path, MANIFEST_COLUMNS)}


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def _document_graph(path: Path, text: str, row: Row | None) -> Graph:
    node = URIRef(ids.document(path.stem))
    graph = Graph()
    graph.add((node, RDF.type, GCM.Document))
    graph.add((node, DCTERMS.identifier, Literal(path.stem)))
    title = row.text("title") if row else _first_line(text)
    graph.add((node, DCTERMS.title, Literal(title, lang="en")))
    if row:
        graph.add((node, GCM.documentKind, Literal(row.text("kind"))))
        date = row.text("date")
        if not _ISO_DATE.match(date):
            raise row.error(f"date {date!r} is not YYYY-MM-DD")
        graph.add((node, DCTERMS.date, Literal(date, datatype=XSD.date)))
        graph.add((node, DCTERMS.language, Literal(row.text("language"))))
    return graph


def load_corpus(corpus: Path) -> CorpusLoad:
    """Every ``.txt``/``.md`` document of ``corpus``, described by its manifest row where there is one."""
    if not corpus.is_dir():
        raise NotFoundError(f"{corpus}: corpus folder not found", hint="pass --corpus a folder of documents")
    rows = _manifest_rows(corpus)
    skipped = [
        f"{corpus / name}: named in {MANIFEST} line {row.line} but missing; skipped"
        for name, row in sorted(rows.items())
        if not (corpus / name).is_file()
    ]
    graphs = []
    for path in sorted(p for p in corpus.iterdir() if p.suffix in DOCUMENT_SUFFIXES and p.name != "README.md"):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            skipped.append(f"{path}: not UTF-8 text (byte {exc.start}); skipped")
            continue
        if not text.strip():
            skipped.append(f"{path}: empty; skipped")
            continue
        graph = _document_graph(path, text, rows.get(path.name))
        graphs.append(
            SourceGraph(f"document/{path.stem}", f"Document {path.name}", graph, (SourceFile.of(path, path.name),))
        )
    return CorpusLoad(graphs=graphs, skipped=skipped)

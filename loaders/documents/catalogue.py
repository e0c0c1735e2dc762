"""The documents of a corpus folder → one named graph each, with metadata from ``manifest.csv``.

Each document is read, cleaned, segmented and extracted on its own (see README.md in this folder).
A document that cannot be used (a manifest row naming a missing file, an empty or binary file, text
that is not UTF-8, a damaged PDF, no recognisable structure, or one that takes longer than the time
bound for its size, see deadline.py) is skipped with a line naming the file and the reason, and the
other documents still load.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import URIRef

from gcmkg.graph.core import ids
from gcmkg.graph.core.errors import NotFoundError
from gcmkg.loaders.documents.deadline import BASE_SECONDS, SECONDS_PER_MB, DocumentTooSlow, bound_for, bounded
from gcmkg.loaders.documents.emit import document_graph
from gcmkg.loaders.documents.extraction import extract
from gcmkg.loaders.documents.matcher import Matcher
from gcmkg.loaders.documents.reading import UnreadableDocument, read_document
from gcmkg.loaders.documents.themes.assign import Themes, document_themes
from gcmkg.loaders.documents.themes.classifier import ObjectiveClassifier
from gcmkg.loaders.documents.themes.principles import PrincipleFinder
from gcmkg.loaders.reference import load_reference, objective_terms
from gcmkg.loaders.sourcegraph import SourceFile, SourceGraph
from gcmkg.loaders.table import Row, read_table, unique

MANIFEST = "manifest.csv"
MANIFEST_COLUMNS = ("file", "title", "kind", "event", "date", "place", "language")
DOCUMENT_SUFFIXES = (".txt", ".md", ".pdf")
NOT_DOCUMENTS = ("README.md",)

Progress = Callable[[str], None]


@dataclass(frozen=True)
class CorpusLoad:
    """The document graphs that loaded, and one line per document that did not (file and reason)."""

    graphs: list[SourceGraph]
    skipped: list[str]


def _manifest_rows(corpus: Path) -> dict[str, Row]:
    path = corpus / MANIFEST
    if not path.exists():
        return {}
    rows = read_table(path, MANIFEST_COLUMNS)
    unique(rows, "file")  # two rows for one file: which one is meant is not ours to guess
    return {row.text("file"): row for row in rows}


def document_files(corpus: Path) -> list[Path]:
    """The corpus folder's documents, in file-name order."""
    return sorted(
        path
        for path in corpus.iterdir()
        if path.is_file() and path.suffix.lower() in DOCUMENT_SUFFIXES and path.name not in NOT_DOCUMENTS
    )


def load_document(path: Path, row: Row | None, matcher: Matcher, themes: Themes, terms: SourceFile) -> SourceGraph:
    """One document as its named graph; UnreadableDocument says why it cannot be used. ``terms`` is the
    objective-terms file behind ``themes``: the graph is derived from it too."""
    raw = read_document(path)
    facts = extract(path.stem, raw, row, matcher)
    source = SourceFile.of(path, path.name)
    graph = document_graph(
        facts, URIRef(ids.source_file(source.name)), document_themes(facts, themes), URIRef(ids.source_file(terms.name))
    )
    return SourceGraph(
        f"document/{path.stem}",
        f"Document {path.name}",
        graph,
        (source, terms),
        derived_from=(ids.document(path.stem),),
    )


def load_corpus(
    corpus: Path,
    reference: Sequence[SourceGraph] | None = None,
    progress: Progress = lambda _: None,
    keep: Callable[[SourceGraph], SourceGraph] = lambda graph: graph,
) -> CorpusLoad:
    """Every document of ``corpus``, matched against the names of ``reference`` (the shipped data by default).

    Each document's graph goes through ``keep`` as soon as it is loaded, and what ``keep`` returns is kept (the
    build writes the graph out and keeps its description only, so the corpus is never in memory at once)."""
    if not corpus.is_dir():
        raise NotFoundError(f"{corpus}: corpus folder not found", hint="pass --corpus a folder of documents")
    rows = _manifest_rows(corpus)
    graphs = [source.graph for source in (reference or load_reference())]
    matcher = Matcher.from_graphs(graphs)
    terms_path, terms = objective_terms()
    themes = Themes(PrincipleFinder.from_graphs(graphs), ObjectiveClassifier.from_file(terms_path))
    skipped = [
        f"{corpus / name}: named in {MANIFEST} line {row.line} but missing; skipped"
        for name, row in sorted(rows.items())
        if not (corpus / name).is_file()
    ]
    loaded = []
    files = document_files(corpus)
    for count, path in enumerate(files, start=1):
        progress(f"document {count}/{len(files)}: {path.name}")
        seconds = bound_for(path)
        try:
            with bounded(seconds):
                graph = load_document(path, rows.get(path.name), matcher, themes, terms)
            loaded.append(keep(graph))
        except UnreadableDocument as problem:
            skipped.append(f"{path}: {problem.reason}; skipped")
        except DocumentTooSlow:
            size = path.stat().st_size / 1_000_000
            skipped.append(
                f"{path}: reading and extracting it took longer than {seconds:.0f} s, the bound for "
                f"{size:.2f} MB ({BASE_SECONDS:.0f} s + {SECONDS_PER_MB:.0f} s per MB); skipped"
            )
    return CorpusLoad(graphs=loaded, skipped=skipped)

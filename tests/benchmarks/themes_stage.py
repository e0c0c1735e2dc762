"""CPU time of the thematic layer against the rest of a document's extraction, per corpus size.

    python tests/benchmarks/themes_stage.py ../shared/corpus /tmp/corpus-10x

For each corpus: the process CPU seconds of reading, cleaning, segmenting and extracting every document, and of
``document_themes`` (principles and objective classification) on the same documents, with the one-time set-up of
the classifier (importing scikit-learn, reading objective-terms.csv) apart. Process CPU time, not wall time: on a
shared machine it moves less with the other work. A measurement, not a test.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def measure(corpus: Path) -> tuple[int, float, float, float]:
    """Documents, set-up s, extraction s, themes s (process CPU time)."""
    start = time.process_time()
    from gcmkg.loaders.documents.catalogue import _manifest_rows, document_files
    from gcmkg.loaders.documents.extraction import extract
    from gcmkg.loaders.documents.matcher import Matcher
    from gcmkg.loaders.documents.reading import read_document
    from gcmkg.loaders.documents.themes.assign import Themes, document_themes
    from gcmkg.loaders.documents.themes.classifier import ObjectiveClassifier
    from gcmkg.loaders.documents.themes.principles import PrincipleFinder
    from gcmkg.loaders.reference import load_reference, objective_terms

    graphs = [source.graph for source in load_reference()]
    matcher = Matcher.from_graphs(graphs)
    themes = Themes(PrincipleFinder.from_graphs(graphs), ObjectiveClassifier.from_file(objective_terms()[0]))
    setup = time.process_time() - start
    rows = _manifest_rows(corpus)
    extracting = theming = 0.0
    files = document_files(corpus)
    for path in files:
        start = time.process_time()
        facts = extract(path.stem, read_document(path), rows.get(path.name), matcher)
        middle = time.process_time()
        document_themes(facts, themes)
        extracting += middle - start
        theming += time.process_time() - middle
    return len(files), setup, extracting, theming


def main(argv: list[str]) -> int:
    print("| corpus | documents | set-up s | extraction s | themes s | themes / extraction |")
    print("|---|---|---|---|---|---|")
    for folder in argv:
        documents, setup, extracting, theming = measure(Path(folder))
        ratio = theming / extracting
        print(f"| {folder} | {documents} | {setup:.2f} | {extracting:.2f} | {theming:.2f} | {ratio:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

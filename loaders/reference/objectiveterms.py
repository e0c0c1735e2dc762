"""Terms and weights of the 23 GCM objectives, derived from the GCM's own description of each objective.

Source: General Assembly resolution A/RES/73/195, annex, paragraphs 17-39 (each objective's title and its
lettered actions), read from a Markdown transcription laid out as "# Objective N", "## Title: ...", then
"- a. ..." action lines (the project's tests use ``../shared/reference/gcm-objectives-and-actions.md``).
The project ships only what this derives, ``loaders/reference/data/objective-terms.csv``; the build reads that
file and never the resolution. Re-derive with::

    python -m gcmkg.loaders.reference.objectiveterms RESOLUTION.md loaders/reference/data/objective-terms.csv

Titles come from the project's own ``objectives.csv`` (checked against the resolution, see its README); the
transcription gives the actions. An objective whose actions repeat another's word for word (the
transcription repeats objective 2 under objective 20) is described by its title alone, and the derivation
says so.

Method: each objective is one document (its title counted ``TITLE_REPEATS`` times, since the title says what
the objective is about, then its actions), read through :func:`gcmkg.loaders.reference.words.terms`;
scikit-learn's TF-IDF (sublinear term frequency, L2 norm) weighs each term for each objective; terms found in
more than ``MAX_SHARE`` of the objectives (migrants, cooperation, ...) tell no objective apart and are left
out; each objective keeps its ``KEPT_TERMS`` heaviest terms, plus every term of its title (the ``title``
column, which the title-keyword baseline of tests/gold uses).
"""

from __future__ import annotations

import csv
import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer

from gcmkg.graph.core.atomic import write_atomically
from gcmkg.graph.core.errors import DataError
from gcmkg.graph.core.resources import reference_data_dir
from gcmkg.loaders.reference.concepts import OBJECTIVE_COUNT
from gcmkg.loaders.reference.words import terms
from gcmkg.loaders.table import read_table

TITLE_REPEATS = 3
MAX_SHARE = 0.5
KEPT_TERMS = 50
COLUMNS = ("objective", "term", "weight", "title")
_HEADING = re.compile(r"^#\s+Objective\s+(\d{1,2})\s*$", re.MULTILINE)
_TITLE = re.compile(r"^##\s+Title:\s*(.+?)\s*$", re.MULTILINE)
_ACTION = re.compile(r"^-\s+[a-z]{1,2}\.\s+(.+?)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class ObjectiveText:
    number: int
    title: str
    actions: tuple[str, ...]


@dataclass(frozen=True)
class Term:
    objective: int
    term: str
    weight: float
    in_title: bool


def read_objectives(text: str, origin: str) -> list[ObjectiveText]:
    """The objectives of the transcription: number, title and actions; DataError if one is missing."""
    headings = list(_HEADING.finditer(text))
    found = []
    for index, heading in enumerate(headings):
        body = text[heading.end() : headings[index + 1].start() if index + 1 < len(headings) else len(text)]
        title = _TITLE.search(body)
        if title is None:
            raise DataError(f"{origin}: objective {heading.group(1)} has no '## Title:' line")
        found.append(ObjectiveText(int(heading.group(1)), title.group(1), tuple(_ACTION.findall(body))))
    numbers = sorted(objective.number for objective in found)
    if numbers != list(range(1, OBJECTIVE_COUNT + 1)):
        raise DataError(f"{origin}: objectives {numbers}; expected 1 to {OBJECTIVE_COUNT}, each once")
    return sorted(found, key=lambda objective: objective.number)


def with_titles(objectives: list[ObjectiveText], titles: dict[int, str]) -> tuple[list[ObjectiveText], list[str]]:
    """The objectives with the given titles, and without actions that repeat an earlier objective's; the notes
    say which were changed."""
    notes = []
    seen: dict[tuple[str, ...], int] = {}
    fixed = []
    for objective in objectives:
        actions = objective.actions
        if actions in seen:
            notes.append(
                f"objective {objective.number}: its actions repeat those of objective {seen[actions]}; "
                "described by its title alone"
            )
            actions = ()
        else:
            seen[actions] = objective.number
        fixed.append(ObjectiveText(objective.number, titles[objective.number], actions))
    return fixed, notes


def derive(objectives: list[ObjectiveText]) -> list[Term]:
    """Each objective's weighted terms (see the module docstring), heaviest first."""
    documents = [" ".join([objective.title] * TITLE_REPEATS + list(objective.actions)) for objective in objectives]
    vectorizer = TfidfVectorizer(analyzer=terms, sublinear_tf=True, max_df=MAX_SHARE, norm="l2")
    matrix = vectorizer.fit_transform(documents).tocsr()
    vocabulary = vectorizer.get_feature_names_out()
    found: list[Term] = []
    for row, objective in enumerate(objectives):
        title_terms = set(terms(objective.title))
        weights = {str(vocabulary[column]): float(value) for column, value in zip(*_row(matrix, row), strict=True)}
        ranked = sorted(weights.items(), key=lambda item: (-round(item[1], 4), item[0]))
        kept = {term for term, _ in ranked[:KEPT_TERMS]} | (title_terms & weights.keys())
        found += [
            Term(objective.number, term, round(weight, 4), term in title_terms)
            for term, weight in ranked
            if term in kept
        ]
    return found


def _row(matrix, row: int) -> tuple[list[int], list[float]]:  # type: ignore[no-untyped-def]
    start, end = matrix.indptr[row], matrix.indptr[row + 1]
    return list(matrix.indices[start:end]), list(matrix.data[start:end])


def to_csv(found: list[Term]) -> bytes:
    """The rows of objective-terms.csv (LF line endings, weights with four decimals)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for term in found:
        writer.writerow([term.objective, term.term, f"{term.weight:.4f}", "yes" if term.in_title else "no"])
    return out.getvalue().encode("utf-8")


def main(argv: list[str]) -> int:
    """``python -m gcmkg.loaders.reference.objectiveterms RESOLUTION.md OUT.csv``"""
    if len(argv) != 2:
        print(__doc__.split("::")[1].split("\n\n")[0].strip(), file=sys.stderr)
        return 2
    source = Path(argv[0])
    titles = {row.integer("number"): row.text("title") for row in read_table(objectives_file(), ("number", "title"))}
    objectives, notes = with_titles(read_objectives(source.read_text(encoding="utf-8"), str(source)), titles)
    for note in notes:
        print(f"{source}: {note}", file=sys.stderr)
    write_atomically(Path(argv[1]), to_csv(derive(objectives)))
    return 0


def objectives_file() -> Path:
    """The project's objectives.csv (number,title)."""
    return reference_data_dir() / "objectives.csv"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Score the thematic layer of a build (objectives and guiding principles of passages) against the hand gold
labelling ``objectives-classified.json`` of this folder.

    python -m tests.gold.themescore BUILD_DIR [--gold tests/gold/objectives-heldout.json]

Each gold passage (document file and the verbatim first characters of its text) is mapped to the one passage
of the build that contains the snippet (score.map_quote). What the build says a passage is about is its
explicit links (gcm:aboutObjective) and its classified links (gcm:classifiedObjective). The baseline keeps
the explicit links and adds, instead of the classifier, every objective one of whose title keywords the
passage contains: the stems of the objective's title words that the derived terms keep (the ``title`` rows of
loaders/reference/data/objective-terms.csv, one word each).

Scores are micro-averaged over (passage, objective) pairs, per objective and overall, in three views:

- ``classified``: what the classifier decides, within the session's objectives. Only the objectives of the
  session the passage belongs to count: for the 2024 background notes, those their opening sentence lists
  (the gold's ``scope_objectives``); for an annex section of the 2020 report, those of the roundtable that
  covered the section's objective (``ROUNDTABLES``, read from the report's list "Roundtable N: Objectives
  ..."; the gold's ``mapped_roundtable``). Objectives the passage is explicitly about are left out of gold
  and prediction alike: the classifier never decides them. The issue's target is stated for this view.
- ``session``: the same scope, all links (explicit and classified).
- ``all``: all links, all 23 objectives.

Principles are scored the same way over (passage, principle) pairs.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Store

from tests.gold.score import ID, Passage, QuoteError, map_quote

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent

GOLD = HERE / "objectives-classified.json"
#: Passages no setting was chosen on, labelled after the classifier was written (tests/gold/README.md).
HELD_OUT = HERE / "objectives-heldout.json"
#: Footnote marks a snippet copies from the corpus text; the cleaned text of a passage keeps none.
FOOTNOTE_MARKS = str.maketrans("", "", "⁰¹²³⁴⁵⁶⁷⁸⁹")
TERMS = REPO / "loaders" / "reference" / "data" / "objective-terms.csv"
#: The objectives each 2020 roundtable covered, as the 2020 report lists them (its "Roundtable N: Objectives").
ROUNDTABLES = {
    "2020 roundtable 1": (14, 15, 16, 19, 20, 22),
    "2020 roundtable 2": (2, 5, 6, 12, 18),
    "2020 roundtable 3": (4, 8, 9, 10, 11, 13, 21),
    "2020 roundtable 4": (1, 3, 7, 17, 23),
}
PRINCIPLE_IDS = {
    "people-centred": "people-centred",
    "international cooperation": "international-cooperation",
    "national sovereignty": "national-sovereignty",
    "rule of law and due process": "rule-of-law-and-due-process",
    "sustainable development": "sustainable-development",
    "human rights": "human-rights",
    "gender-responsive": "gender-responsive",
    "child-sensitive": "child-sensitive",
    "whole-of-government approach": "whole-of-government",
    "whole-of-society approach": "whole-of-society",
}


@dataclass(frozen=True)
class GoldPassage:
    document: str
    snippet: str
    scope: tuple[int, ...]
    objectives: frozenset[int]
    principles: frozenset[str]


@dataclass
class Linked:
    """What the build links one passage to."""

    passage: Passage
    explicit: set[int] = field(default_factory=set)
    classified: set[int] = field(default_factory=set)
    principles: set[str] = field(default_factory=set)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def add(self, gold: Iterable[object], predicted: Iterable[object]) -> None:
        gold, predicted = set(gold), set(predicted)
        self.tp += len(gold & predicted)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)


@dataclass
class Scores:
    """Overall and per-label counts of one system in one view."""

    overall: Counts = field(default_factory=Counts)
    by_label: dict[object, Counts] = field(default_factory=dict)

    def add(self, gold: set[object], predicted: set[object]) -> None:
        self.overall.add(gold, predicted)
        for label in gold | predicted:
            self.by_label.setdefault(label, Counts()).add(gold & {label}, predicted & {label})


def _principle_id(name: str) -> str:
    """A principle as a gold names it: its label ("whole-of-government approach") or its identifier."""
    if name in PRINCIPLE_IDS.values():
        return name
    return PRINCIPLE_IDS[name]


def read_gold(path: Path = GOLD) -> list[GoldPassage]:
    """The gold passages; the session scope of an annex passage is its roundtable's objectives."""
    found = []
    for entry in json.loads(path.read_text(encoding="utf-8"))["passages"]:
        scope = tuple(entry["scope_objectives"]) if entry["session"] else ()
        if entry.get("mapped_roundtable"):
            scope = ROUNDTABLES[entry["mapped_roundtable"]]
        found.append(
            GoldPassage(
                document=entry["document"].rsplit(".", 1)[0],
                snippet=entry["snippet"],
                scope=scope,
                objectives=frozenset(entry["objectives"]),
                principles=frozenset(_principle_id(name) for name in entry["principles"]),
            )
        )
    return found


def read_links(store: Store) -> dict[str, Linked]:
    """Every passage of the build with its explicit and classified objectives and its principles."""
    linked: dict[str, Linked] = {}
    query = (HERE / "queries" / "themes.rq").read_text(encoding="utf-8")
    for row in store.query(query):  # type: ignore[union-attr]
        iri = row["passage"].value
        if iri not in linked:
            passage = Passage(iri, row["document"].value, int(row["number"].value), row["text"].value)
            linked[iri] = Linked(passage)
        if row["kind"] is None:
            continue
        target = row["target"].value[len(ID) :]
        kind = row["kind"].value
        if kind == "principle":
            linked[iri].principles.add(target.split("/", 1)[1])
        else:
            getattr(linked[iri], kind).add(int(target.split("/", 1)[1]))
    return linked


def title_keywords(path: Path = TERMS) -> dict[int, set[str]]:
    """Each objective's title keywords (one-word title terms of objective-terms.csv)."""
    keywords: dict[int, set[str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["title"] == "yes" and " " not in row["term"]:
                keywords.setdefault(int(row["objective"]), set()).add(row["term"])
    return keywords


VIEWS = {
    "classified": "decided by the classifier, within the session's objectives",
    "session": "all links, within the session's objectives",
    "all": "all links, among all 23 objectives",
}


@dataclass
class Report:
    """Scores of the classifier (explicit + classified links) and of the baseline, in both views."""

    system: dict[str, Scores] = field(default_factory=lambda: {view: Scores() for view in VIEWS})
    baseline: dict[str, Scores] = field(default_factory=lambda: {view: Scores() for view in VIEWS})
    principles: Scores = field(default_factory=Scores)
    passages: int = 0
    errors: list[str] = field(default_factory=list)


def score(store: Store, gold: list[GoldPassage] | None = None) -> Report:
    """Compare the build in ``store`` with the gold labelling."""
    from gcmkg.loaders.reference.words import stems

    links = read_links(store)
    passages = [link.passage for link in links.values()]
    keywords = title_keywords()
    report = Report()
    for entry in gold if gold is not None else read_gold():
        try:
            passage = map_quote(entry.snippet.translate(FOOTNOTE_MARKS), entry.document, passages)
        except QuoteError as problem:
            report.errors.append(str(problem))
            continue
        report.passages += 1
        link = links[passage.iri]
        words = set(stems(passage.text))
        keyworded = {number for number, title in keywords.items() if title & words}
        gold_objectives = set(entry.objectives)
        for scores, decided in ((report.system, link.classified), (report.baseline, keyworded)):
            predicted = link.explicit | decided
            scores["all"].add(gold_objectives, predicted)
            if entry.scope:
                scope = set(entry.scope)
                scores["session"].add(gold_objectives & scope, predicted & scope)
                undecided = scope - link.explicit
                scores["classified"].add(gold_objectives & undecided, decided & undecided)
        report.principles.add(set(entry.principles), link.principles)
    return report


def _row(label: str, system: Counts, baseline: Counts) -> str:
    return (
        f"| {label} | {system.tp + system.fn} | {system.precision:.2f} | {system.recall:.2f} "
        f"| {baseline.precision:.2f} | {baseline.recall:.2f} |"
    )


def markdown(report: Report) -> str:
    """The tables of the README: per objective and overall, both views; principles."""
    lines = []
    for view, title in VIEWS.items():
        system, baseline = report.system[view], report.baseline[view]
        lines += [
            f"Objectives, {title} ({report.passages} passages):",
            "",
            "| objective | gold links | precision | recall | baseline precision | baseline recall |",
            "|---|---|---|---|---|---|",
        ]
        for label in sorted(system.by_label.keys() | baseline.by_label.keys()):
            counts = system.by_label.get(label, Counts()), baseline.by_label.get(label, Counts())
            lines.append(_row(f"objective {label}", *counts))
        lines += [_row("**overall**", system.overall, baseline.overall), ""]
    lines += ["Guiding principles:", "", "| principle | gold links | precision | recall |", "|---|---|---|---|"]
    for label in sorted(report.principles.by_label):
        counts = report.principles.by_label[label]
        lines.append(f"| {label} | {counts.tp + counts.fn} | {counts.precision:.2f} | {counts.recall:.2f} |")
    overall = report.principles.overall
    lines.append(f"| **overall** | {overall.tp + overall.fn} | {overall.precision:.2f} | {overall.recall:.2f} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("build", type=Path)
    parser.add_argument(
        "--gold", type=Path, default=GOLD, help=f"gold labelling (default {GOLD.name}; or {HELD_OUT.name})"
    )
    arguments = parser.parse_args(argv)
    from gcmkg.graph.rdfio.store import open_store

    report = score(open_store(arguments.build), read_gold(arguments.gold))
    for error in report.errors:
        print(f"mapping error: {error}", file=sys.stderr)
    print(markdown(report), end="")
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Score a gcmkg build against the hand-written gold set of this folder.

    python tests/gold/score.py BUILD_DIR_OR_TRIG [--json]

The build is loaded into pyoxigraph; the SPARQL in ``queries/*.rq`` gives the predicted facts, turned into
the keys of the gold CSVs (IRIs without ``https://w3id.org/gcmkg/id/``). Gold mentions and objectives name
their passage by a verbatim quote; each quote is mapped to the one passage of its document whose
``gcm:text`` contains it (whitespace runs compared as one space). A quote found in no passage or in several
is a mapping error: it is reported and its facts count as false negatives. A document with no passages at
all in the build (the extractor not run) gives false negatives only, without errors.

Predicted facts are limited to the gold documents of each category; sessions are compared over the whole
build. See README.md of this folder for the conventions.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from pyoxigraph import QuerySolutions, Store

HERE = Path(__file__).resolve().parent
QUERIES = HERE / "queries"
ID = "https://w3id.org/gcmkg/id/"

#: The documents whose facts of each kind the gold set holds completely.
TEXT_DOCUMENTS = frozenset({"000_7311cc525c900547", "001_1efa612e0ff46ad2", "004_f5e20b4a01c69ec7"})
MENTION_DOCUMENTS = TEXT_DOCUMENTS | {"002_401cf7dc2a28f9d0"}
PARTICIPATION_DOCUMENTS = frozenset({"000_7311cc525c900547", "001_1efa612e0ff46ad2", "002_401cf7dc2a28f9d0"})
ATTENDANCE_DOCUMENTS = frozenset({"002_401cf7dc2a28f9d0"})
CATEGORIES = (
    "sessions",
    "participation",
    "attendance",
    "mentions",
    "context",
    "objectives",
    "initiatives",
    "initiative-objectives",
    "citations",
    "statistics",
    "people",
    "affiliations",
    "contributions",
)
#: Each gold file, by the name of its rows in :class:`Gold`.
GOLD_FILES = {
    "sessions": "sessions.csv",
    "participation": "participation.csv",
    "attendance": "attendance.csv",
    "mentions": "mentions.csv",
    "mention_positives": "mention-positives.csv",
    "mention_negatives": "mention-negatives.csv",
    "objectives": "objectives.csv",
    "initiatives": "initiatives.csv",
    "citations": "citations.csv",
    "statistics": "statistics.csv",
    "people": "people.csv",
    "contributions": "contributions.csv",
}
#: The document whose every named person the gold lists (people and affiliations).
PEOPLE_DOCUMENTS = frozenset({"002_401cf7dc2a28f9d0"})

Fact = tuple[str, ...]


class QuoteError(ValueError):
    """A gold quote that names no passage, or several, of its document."""


@dataclass(frozen=True)
class Passage:
    iri: str
    document: str
    number: int | None
    text: str

    def label(self) -> str:
        snippet = " ".join(self.text.split())
        snippet = snippet if len(snippet) <= 60 else snippet[:57] + "..."
        return f"passage {self.number if self.number is not None else '?'} «{snippet}»"


def key(iri: str | None) -> str:
    """The gold key of an IRI: the IRI without the id: namespace ('' for None)."""
    if iri is None:
        return ""
    return iri[len(ID) :] if iri.startswith(ID) else iri


def natural(text: str) -> list[Any]:
    """Sort key that orders digit runs by value ('2024 | 2 | 9' before '2024 | 2 | 10')."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def normalise(text: str) -> str:
    return " ".join(text.split())


def map_quote(quote: str, document: str, passages: Iterable[Passage]) -> Passage:
    """The one passage of ``document`` whose text contains ``quote``; QuoteError if none or several."""
    wanted = normalise(quote)
    hits = [p for p in passages if p.document == document and wanted in normalise(p.text)]
    if not hits:
        raise QuoteError(f"{document}: no passage contains the quote {quote!r}")
    if len(hits) > 1:
        numbers = ", ".join(str(p.number) for p in hits)
        raise QuoteError(f"{document}: {len(hits)} passages ({numbers}) contain the quote {quote!r}")
    return hits[0]


# --------------------------------------------------------------------------- metrics


@dataclass
class Score:
    """Gold and predicted facts of one category, with readable labels for the report."""

    name: str
    gold: set[Fact] = field(default_factory=set)
    predicted: set[Fact] = field(default_factory=set)
    labels: dict[Fact, str] = field(default_factory=dict)

    @property
    def tp(self) -> int:
        return len(self.gold & self.predicted)

    @property
    def fp(self) -> int:
        return len(self.predicted - self.gold)

    @property
    def fn(self) -> int:
        return len(self.gold - self.predicted)

    @property
    def precision(self) -> float | None:
        """tp / predicted; None when nothing was predicted (undefined)."""
        return self.tp / len(self.predicted) if self.predicted else None

    @property
    def recall(self) -> float | None:
        """tp / gold; None when the gold set is empty (undefined)."""
        return self.tp / len(self.gold) if self.gold else None

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return 0.0
        return 2 * p * r / (p + r)

    def label(self, fact: Fact) -> str:
        return self.labels.get(fact, " | ".join(part for part in fact if part))

    def false_positives(self) -> list[str]:
        return sorted((self.label(f) for f in self.predicted - self.gold), key=natural)

    def false_negatives(self) -> list[str]:
        return sorted((self.label(f) for f in self.gold - self.predicted), key=natural)

    def to_json(self) -> dict[str, Any]:
        return {
            "gold": len(self.gold),
            "predicted": len(self.predicted),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "false_positives": self.false_positives(),
            "false_negatives": self.false_negatives(),
        }


@dataclass
class Report:
    scores: dict[str, Score]
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "categories": {name: score.to_json() for name, score in self.scores.items()},
            "errors": self.errors,
            "warnings": self.warnings,
        }

    def to_text(self) -> str:
        def fmt(value: float | None) -> str:
            return "n/a" if value is None else f"{value:.3f}"

        lines = [
            f"{'category':<14}{'gold':>6}{'pred':>6}{'tp':>6}{'fp':>6}{'fn':>6}{'precision':>11}{'recall':>8}{'f1':>7}"
        ]
        for name, s in self.scores.items():
            lines.append(
                f"{name:<14}{len(s.gold):>6}{len(s.predicted):>6}{s.tp:>6}{s.fp:>6}{s.fn:>6}"
                f"{fmt(s.precision):>11}{fmt(s.recall):>8}{s.f1:>7.3f}"
            )
        for title, items in (("errors", self.errors), ("warnings", self.warnings)):
            if items:
                lines += ["", f"{title}:"] + [f"  {item}" for item in items]
        for name, s in self.scores.items():
            for title, items in (("false positives", s.false_positives()), ("false negatives", s.false_negatives())):
                if items:
                    lines += ["", f"{name}: {title} ({len(items)})"] + [f"  {item}" for item in items]
        return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class Gold:
    """The rows of the gold CSVs (dicts of strings), by file (GOLD_FILES)."""

    sessions: list[dict[str, str]] = field(default_factory=list)
    participation: list[dict[str, str]] = field(default_factory=list)
    attendance: list[dict[str, str]] = field(default_factory=list)
    mentions: list[dict[str, str]] = field(default_factory=list)
    mention_positives: list[dict[str, str]] = field(default_factory=list)
    mention_negatives: list[dict[str, str]] = field(default_factory=list)
    objectives: list[dict[str, str]] = field(default_factory=list)
    initiatives: list[dict[str, str]] = field(default_factory=list)
    citations: list[dict[str, str]] = field(default_factory=list)
    statistics: list[dict[str, str]] = field(default_factory=list)
    people: list[dict[str, str]] = field(default_factory=list)
    contributions: list[dict[str, str]] = field(default_factory=list)


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def load_gold(folder: Path = HERE) -> Gold:
    return Gold(**{name: read_rows(folder / file) for name, file in GOLD_FILES.items()})


# --------------------------------------------------------------------------- predictions


def query_file(name: str) -> str:
    return (QUERIES / f"{name}.rq").read_text(encoding="utf-8")


def select(store: Store, name: str) -> list[dict[str, str | None]]:
    """Run queries/NAME.rq over the union of all graphs; each solution as {variable: lexical value or None}."""
    solutions = store.query(query_file(name), use_default_graph_as_union=True)
    if not isinstance(solutions, QuerySolutions):
        raise TypeError(f"queries/{name}.rq is not a SELECT query")
    names = [v.value for v in solutions.variables]
    rows = []
    for solution in solutions:
        rows.append({n: (None if solution[n] is None else solution[n].value) for n in names})
    return rows


def load_passages(store: Store) -> list[Passage]:
    passages = []
    for row in select(store, "passages"):
        number = row["number"]
        passages.append(
            Passage(
                iri=row["passage"] or "",
                document=row["document"] or "",
                number=int(number) if number is not None and number.isdigit() else None,
                text=row["text"] or "",
            )
        )
    return sorted(passages, key=lambda p: (p.document, p.number or 0, p.iri))


def slug(text: str) -> str:
    """The project's slug of a name (lower case, accents dropped, other runs one hyphen)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def first_number(text: str) -> str:
    """The first number written in ``text`` ("5,806 recorded deaths" → "5,806")."""
    found = re.search(r"\d[\d,.]*\d|\d", text)
    return found.group(0) if found else ""


def _programme_key(entity: str) -> str | None:
    """``initiative/<fund>/<ISO3-ISO3>[/stage]`` (an initiative of a fund) → ``programme/<fund>/<ISO3;ISO3>``."""
    parts = entity.split("/")
    if len(parts) >= 3 and parts[0] == "initiative" and re.fullmatch(r"[A-Z]{3}(-[A-Z]{3})*", parts[2]):
        return f"programme/{parts[1]}/{parts[2].replace('-', ';')}"
    return None


# --------------------------------------------------------------------------- scoring


def _passage_score(
    name: str,
    gold_rows: list[dict[str, str]],
    value_column: str | Callable[[dict[str, str]], str],
    predicted_rows: list[dict[str, str | None]],
    predicted_value: str,
    passages: list[Passage],
    report: Report,
    documents: frozenset[str] = TEXT_DOCUMENTS,
) -> Score:
    """Score (document, passage, value) facts of ``documents``: gold passages named by quotes, predicted
    ones by IRI. ``value_column`` names the gold column of the value, or computes it from the row."""
    score = Score(name)
    by_iri = {p.iri: p for p in passages}
    documents_with_passages = {p.document for p in passages}
    missing_documents: set[str] = set()
    for row in gold_rows:
        value = value_column(row) if callable(value_column) else row[value_column]
        document, quote = row["document"], row["quote"]
        if document not in documents_with_passages:
            missing_documents.add(document)
            fact = (document, f"quote:{quote}", value)
            score.labels[fact] = f"{document} [no passages in the build] «{quote}» → {value}"
            score.gold.add(fact)
            continue
        try:
            passage = map_quote(quote, document, passages)
        except QuoteError as exc:
            report.errors.append(f"{name}: {exc}")
            fact = (document, f"quote:{quote}", value)
            score.labels[fact] = f"{document} [quote not mapped] «{quote}» → {value}"
        else:
            fact = (document, passage.iri, value)
            score.labels.setdefault(fact, f"{document} {passage.label()} [gold quote «{quote}»] → {value}")
        score.gold.add(fact)
    for document in sorted(missing_documents):
        report.warnings.append(f"{name}: document {document} has no passages in the build")
    for predicted in predicted_rows:
        found = by_iri.get(predicted["passage"] or "")
        value = predicted[predicted_value] or ""
        if found is None or found.document not in documents:
            continue
        fact = (found.document, found.iri, value)
        score.labels.setdefault(fact, f"{found.document} {found.label()} → {value}")
        score.predicted.add(fact)
    return score


def score_store(store: Store, gold: Gold) -> Report:
    """Compare the facts of ``store`` with ``gold``, category by category."""
    report = Report(scores={})

    sessions = Score("sessions")
    sessions.gold = {(r["year"], r["session"], r["objective"]) for r in gold.sessions}
    sessions.predicted = {
        (r["year"] or "", r["session"] or "", r["objective"] or "") for r in select(store, "sessions")
    }
    report.scores["sessions"] = sessions

    participation = Score("participation")
    participation.gold = {
        (r["document"], r["year"], r["session"], r["agent"], r["role"], r["via"]) for r in gold.participation
    }
    for r in select(store, "participation"):
        if r["document"] in PARTICIPATION_DOCUMENTS:
            role = key(r["role"]).removeprefix("role/")
            fact = (r["document"] or "", r["year"] or "", r["session"] or "", key(r["agent"]), role, key(r["via"]))
            participation.predicted.add(fact)
    report.scores["participation"] = participation

    attendance = Score("attendance")
    attendance.gold = {(r["document"], r["year"], r["agent"]) for r in gold.attendance}
    attendance.predicted = {
        (r["document"] or "", r["year"] or "", key(r["agent"]))
        for r in select(store, "attendance")
        if r["document"] in ATTENDANCE_DOCUMENTS
    }
    report.scores["attendance"] = attendance

    passages = load_passages(store)
    reference = {key(r["entity"]) for r in select(store, "reference-entities")}
    mention_rows: list[dict[str, str | None]] = [
        {"passage": r["passage"], "entity": key(r["entity"])}
        for r in select(store, "mentions")
        if key(r["entity"]) in reference
    ]
    report.scores["mentions"] = _passage_score(
        "mentions", gold.mentions, "entity", mention_rows, "entity", passages, report, MENTION_DOCUMENTS
    )
    report.scores["context"] = _context_score(gold, mention_rows, passages, report)
    report.scores["objectives"] = _passage_score(
        "objectives", gold.objectives, "objective", select(store, "objectives"), "objective", passages, report
    )
    initiatives, initiative_objectives = initiative_rows(store)
    every_document = frozenset({p.document for p in passages})
    report.scores["initiatives"] = _passage_score(
        "initiatives", gold.initiatives, _initiative_value, initiatives, "value", passages, report, every_document
    )
    linked = [row | {"objective": objective} for row in gold.initiatives for objective in _items(row["objectives"])]
    report.scores["initiative-objectives"] = _passage_score(
        "initiative-objectives",
        linked,
        lambda row: f"{_initiative_value(row)} | objective {row['objective']}",
        initiative_objectives,
        "value",
        passages,
        report,
        every_document,
    )
    report.scores["citations"] = _citation_score(store, gold, reference)
    statistic_rows = [{"passage": r["passage"], "value": statistic_value(r)} for r in select(store, "statistics")]
    report.scores["statistics"] = _passage_score(
        "statistics", gold.statistics, statistic_value, statistic_rows, "value", passages, report, every_document
    )
    report.scores["people"], report.scores["affiliations"] = _people_scores(store, gold)
    contribution_rows = [
        {"passage": r["passage"], "value": f"{key(r['agent'])} | {slug(r['forum'] or '')}"}
        for r in select(store, "contributions")
    ]
    report.scores["contributions"] = _passage_score(
        "contributions",
        gold.contributions,
        lambda row: f"{row['agent']} | {slug(row['forum'])}",
        contribution_rows,
        "value",
        passages,
        report,
        every_document,
    )
    return report


def number(text: str | None) -> str:
    """A decimal written the one way: "159000000.0" → "159000000", "9.50" → "9.5"."""
    if not text:
        return ""
    value = Decimal(text).normalize()
    return format(value, "f")


def statistic_value(row: dict[str, str | None]) -> str:
    """A statistic as the gold and the build can both say it: value(–high end) | unit | period | kind."""
    value = number(row["value"]) + (f"–{number(row['value_max'])}" if row.get("value_max") else "")
    period = f"{row.get('period_start') or ''}–{row.get('period_end') or ''}"
    return f"{value} | {row['unit']} | {period} | {row['kind']}"


_FUNCTION_WORDS = frozenset(
    "a an the of in on at by for from to with and or but nor as than via per into onto that which who".split()
)


def _stem(word: str) -> str:
    word = word.lower().strip("'’")
    for suffix in ("ies", "es", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def measures_problems(store: Store, gold: Gold, passages: list[Passage] | None = None) -> list[str]:
    """Each gold figure the build finds (same passage, same value) whose ``measures`` phrase does not read
    alone: it lacks the gold phrase's head noun, or starts or ends with a function word or punctuation."""
    passages = passages if passages is not None else load_passages(store)
    found: dict[tuple[str, str], list[str]] = {}
    for r in select(store, "statistics"):
        found.setdefault((r["passage"] or "", number(r["value"])), []).append(r["measures"] or "")
    problems = []
    for row in gold.statistics:
        try:
            passage = map_quote(row["quote"], row["document"], passages)
        except QuoteError:
            continue
        for phrase in found.get((passage.iri, number(row["value"])), []):
            words = phrase.split()
            head = _stem(row["head"]) if row["head"] else ""
            reads = (
                bool(words)
                and phrase[0].isalnum()
                and words[0].lower() not in _FUNCTION_WORDS
                and words[-1].lower() not in _FUNCTION_WORDS
                and phrase[-1].isalnum()
                and (not head or head in {_stem(w) for w in re.findall(r"[\w'’-]+", phrase)})
            )
            if not reads:
                problems.append(f"{row['document']} «{row['surface']}»: {phrase!r} (gold head {row['head']!r})")
    return problems


def _people_scores(store: Store, gold: Gold) -> tuple[Score, Score]:
    """People of the PEOPLE_DOCUMENTS with their roles (document, person, event, role), and their affiliations
    (person, affiliation). A co-chair's role is the review's ("review"), whatever session it is recorded in."""
    people, affiliations = Score("people"), Score("affiliations")
    for row in gold.people:
        if row["person"].startswith("person/"):
            people.gold.add((row["document"], row["person"], row["event"], row["role"]))
            affiliations.gold |= {(row["person"], a) for a in _items(row["affiliations"])}
    people.predicted, affiliations.predicted = predicted_people(store, PEOPLE_DOCUMENTS)
    return people, affiliations


def predicted_people(store: Store, documents: frozenset[str] | None = None) -> tuple[set[Fact], set[Fact]]:
    """The build's people with their roles (document, person, event, role) and affiliations (person,
    affiliation), in ``documents`` (all when None); a co-chair's event is the review's ("review")."""
    people: set[Fact] = set()
    affiliations: set[Fact] = set()
    for r in select(store, "people"):
        agent, role = key(r["agent"]), key(r["role"]).removeprefix("role/")
        if (documents is not None and r["document"] not in documents) or not agent.startswith("person/"):
            continue
        event = "review" if role == "co-chair" else r["event"] or ""
        people.add((r["document"] or "", agent, event, role))
        if r["affiliation"]:
            affiliations.add((agent, key(r["affiliation"])))
    return people, affiliations


def _items(cell: str) -> list[str]:
    return [item.strip() for item in cell.split(";") if item.strip()]


def _initiative_value(row: dict[str, str]) -> str:
    """An initiative of a fund as a comparable value: fund, States (or the place's slug), status."""
    where = ";".join(sorted(_items(row["states"]))) or slug(row["place"])
    return f"{row['fund']} | {where} | {row['status']}"


def initiative_rows(store: Store) -> tuple[list[dict[str, str | None]], list[dict[str, str | None]]]:
    """Predicted (passage, value) rows of initiatives, and of initiative-objective links."""
    grouped: dict[tuple[str, str], dict[str, Any]] = {}
    for r in select(store, "initiatives"):
        entry = grouped.setdefault(
            (r["initiative"] or "", r["passage"] or ""),
            {
                "fund": key(r["fund"]).removeprefix("initiative/"),
                "states": set(),
                "place": r["place"] or "",
                "status": key(r["status"]).removeprefix("status/"),
                "objectives": set(),
            },
        )
        if r["state"]:
            entry["states"].add(key(r["state"]).removeprefix("state/"))
        if r["objective"]:
            entry["objectives"].add(r["objective"])
    initiatives, objectives = [], []
    for (_, passage), entry in sorted(grouped.items()):
        value = _initiative_value(
            {
                "fund": entry["fund"],
                "states": ";".join(entry["states"]),
                "place": entry["place"],
                "status": entry["status"],
            }
        )
        initiatives.append({"passage": passage, "value": value})
        objectives += [{"passage": passage, "value": f"{value} | objective {o}"} for o in entry["objectives"]]
    return initiatives, objectives


def _context_score(
    gold: Gold, mention_rows: list[dict[str, str | None]], passages: list[Passage], report: Report
) -> Score:
    """Mentions that only context gets right: the positives must be found, the negatives must not be.

    Predictions are the found mentions of the same (passage, entity) as a positive or a negative row, so a
    negative found is a false positive and a positive missed a false negative."""
    score = Score("context")
    by_iri = {p.iri: p for p in passages}
    documents_with_passages = {p.document for p in passages}
    asked: set[tuple[str, str, str]] = set()
    for rows, positive in ((gold.mention_positives, True), (gold.mention_negatives, False)):
        for row in rows:
            if row["document"] not in documents_with_passages:
                if positive:
                    score.gold.add((row["document"], f"quote:{row['quote']}", row["entity"]))
                continue
            try:
                passage = map_quote(row["quote"], row["document"], passages)
            except QuoteError as exc:
                report.errors.append(f"context: {exc}")
                continue
            fact = (row["document"], passage.iri, row["entity"])
            asked.add(fact)
            score.labels[fact] = f"{row['document']} {passage.label()} → {row['entity']}"
            if positive:
                score.gold.add(fact)
    for predicted in mention_rows:
        found = by_iri.get(predicted["passage"] or "")
        if found is not None:
            fact = (found.document, found.iri, predicted["entity"] or "")
            if fact in asked:
                score.predicted.add(fact)
    return score


def subject_key(row: dict[str, str | None], reference: set[str]) -> str:
    """A predicted citation subject as the gold writes it: an entity key, a programme, a figure, a name."""
    entity = key(row["subject"])
    if not entity:
        return ""
    if entity in reference:
        return entity
    programme = _programme_key(entity)
    if programme is not None:
        return programme
    if "/statistic/" in entity:
        return f"statistic:{first_number(row['surface'] or '')}"
    return f"named:{slug(row['label'] or '')}"


def _gold_subject(row: dict[str, str]) -> str:
    if row["subject"] == "statistic":
        return f"statistic:{first_number(row['subject_name'])}"
    if row["subject"] == "named":
        return f"named:{slug(row['subject_name'])}"
    return row["subject"]


def _citation_score(store: Store, gold: Gold, reference: set[str]) -> Score:
    """Citations as (document, footnote, URL, subject): every URL of every footnote, with what it documents."""
    score = Score("citations")
    score.gold = {(r["document"], r["footnote"], r["url"], _gold_subject(r)) for r in gold.citations}
    score.predicted = {
        (r["document"] or "", r["footnote"] or "", r["url"] or "", subject_key(r, reference))
        for r in select(store, "citations")
    }
    return score


def score_build(location: Path, gold: Gold | None = None) -> Report:
    """Score the build folder (or RDF file) at ``location`` against the gold set of this folder."""
    from gcmkg.graph.rdfio.store import open_store

    return score_store(open_store(location), gold or load_gold())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score a gcmkg build against the hand-written gold set.")
    parser.add_argument("build", type=Path, help="a build folder (with gcmkg.trig) or an RDF file")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    try:
        report = score_build(args.build)
    except Exception as exc:  # a missing or unreadable build: say so, exit 2
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(report.to_text())
    return 0


if __name__ == "__main__":
    sys.exit(main())

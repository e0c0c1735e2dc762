"""Score a build of held-out documents against their answer key (a ``gold.json`` such as
tests/fixtures/unseen/gold.json): the facts of tests/gold/score.py, read and compared the same way.

The key lists every mention, initiative of a fund, citation, statistic, named person and attendee of its
documents; a key may also list each document's kind, the objectives of each session, every participation in a
session and the objectives each passage names (tests/fixtures/published). Categories the key does not list
are not scored. A citation's subject that is not a reference entity is compared by kind only ("named",
"statistic"), as the key gives no name for it; a key without subjects compares citations by URL.

    python -m tests.gold.heldout BUILD tests/fixtures/unseen/gold.json [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from pyoxigraph import Store

from tests.gold.score import (
    QuoteError,
    Report,
    Score,
    initiative_rows,
    key,
    load_passages,
    map_quote,
    predicted_people,
    select,
    slug,
    statistic_value,
    subject_key,
)

CATEGORIES = (
    "kinds",
    "sessions",
    "participation",
    "objectives",
    "mentions",
    "initiatives",
    "citations",
    "statistics",
    "people",
    "affiliations",
    "attendance",
)
#: The key's section each category is read from.
SECTIONS = {"affiliations": "people"}


def score_held_out(store: Store, gold: dict[str, Any]) -> Report:
    """Compare the facts of ``store`` with the answer key ``gold``, category by category."""
    report = Report(scores={name: Score(name) for name in CATEGORIES})
    scores = report.scores
    passages = load_passages(store)
    listed = set(gold)
    gold = {name: gold.get(name, []) for name in {*CATEGORIES, *listed}}

    def passage_of(row: dict[str, Any]) -> str:
        try:
            return map_quote(row["quote"], row["document"], passages).iri
        except QuoteError as exc:
            report.errors.append(str(exc))
            return "?"

    reference = {key(r["entity"]) for r in select(store, "reference-entities")}
    scores["mentions"].gold = {(passage_of(m), m["entity"]) for m in gold["mentions"]}
    scores["mentions"].predicted = {
        (r["passage"] or "", key(r["entity"])) for r in select(store, "mentions") if key(r["entity"]) in reference
    }

    scores["initiatives"].gold = {
        (passage_of(i), f"{i['fund']} | {';'.join(sorted(i['states'])) or slug(i['place'])} | {i['status']}")
        for i in gold["initiatives"]
    }
    scores["initiatives"].predicted = {(r["passage"] or "", r["value"] or "") for r in initiative_rows(store)[0]}

    with_subject = all("subject" in c for c in gold["citations"])
    scores["citations"].gold = {
        (c["document"], str(c["footnote"]), c["url"], c["subject"] if with_subject else "") for c in gold["citations"]
    }
    scores["citations"].predicted = {
        (r["document"] or "", r["footnote"] or "", r["url"] or "", subject_key(r, reference).split(":")[0])
        if with_subject
        else (r["document"] or "", r["footnote"] or "", r["url"] or "", "")
        for r in select(store, "citations")
    }

    scores["statistics"].gold = {(passage_of(s), statistic_value(s)) for s in gold["statistics"]}
    scores["statistics"].predicted = {(r["passage"] or "", statistic_value(r)) for r in select(store, "statistics")}

    for p in gold["people"]:
        scores["people"].gold.add((p["document"], p["person"], str(p["event"]), p["role"]))
        scores["affiliations"].gold |= {(p["person"], a) for a in p["affiliations"]}
    scores["people"].predicted, scores["affiliations"].predicted = predicted_people(store)

    scores["attendance"].gold = {(agent,) for agent in gold["attendance"]}
    scores["attendance"].predicted = {(key(r["agent"]),) for r in select(store, "attendance")}

    scores["kinds"].gold = set(dict(gold["kinds"]).items()) if gold["kinds"] else set()
    scores["kinds"].predicted = {(r["document"] or "", r["kind"] or "") for r in select(store, "kinds")}
    scores["sessions"].gold = {(str(s["year"]), str(s["session"]), str(s["objective"])) for s in gold["sessions"]}
    scores["sessions"].predicted = {
        (r["year"] or "", r["session"] or "", r["objective"] or "") for r in select(store, "sessions")
    }
    scores["participation"].gold = {
        (p["document"], str(p["year"]), str(p["session"]), p["agent"], p["role"], p["via"])
        for p in gold["participation"]
    }
    scores["participation"].predicted = {
        (
            r["document"] or "",
            r["year"] or "",
            r["session"] or "",
            key(r["agent"]),
            key(r["role"]).removeprefix("role/"),
            key(r["via"]),
        )
        for r in select(store, "participation")
    }
    scores["objectives"].gold = {(passage_of(o), str(o["objective"])) for o in gold["objectives"]}
    scores["objectives"].predicted = {(r["passage"] or "", r["objective"] or "") for r in select(store, "objectives")}
    report.scores = {name: score for name, score in scores.items() if SECTIONS.get(name, name) in listed}
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score a gcmkg build of held-out documents against gold.json.")
    parser.add_argument("build", type=Path, help="a build folder (with gcmkg.trig) or an RDF file")
    parser.add_argument("gold", type=Path, help="the documents' answer key, gold.json")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    from gcmkg.graph.rdfio.store import open_store

    try:
        report = score_held_out(open_store(args.build), json.loads(args.gold.read_text(encoding="utf-8")))
    except Exception as exc:  # a missing or unreadable build or key: say so, exit 2
        print(f"error: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(json.dumps(report.to_json(), indent=2, ensure_ascii=False) if args.json else report.to_text())
    return 0


if __name__ == "__main__":
    sys.exit(main())

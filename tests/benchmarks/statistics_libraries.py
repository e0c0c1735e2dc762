"""Which figure finder reaches the bar, measured on the gold (issue 13): quantulum3 against gcmkg's rules.

    .venv/bin/pip install quantulum3        # for this measurement only; not a dependency of gcmkg
    .venv/bin/python -m tests.benchmarks.statistics_libraries BUILD

BUILD is a corpus build (``gcmkg build --corpus ../shared/corpus --out BUILD``). Both finders read the same
passages (the build's ``gcm:text``); a figure is compared with the gold's as (passage, value, high end of a
range, unit), the part of a statistic each finder is responsible for. quantulum3 is given the least help
that is fair: its four-digit integers between 1900 and 2100 without a unit (years) are dropped, and its unit
names mapped to the project's (percentage → percent, day → day, dollar → USD, euro → EUR, dimensionless →
count). Prints precision, recall and the seconds each finder takes over all passages (median of 3 runs), then
the seconds the sentence splitters take over the same passages (gcmkg's, and pysbd and syntok when installed).
"""

from __future__ import annotations

import statistics as stats
import sys
import time
import warnings
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from gcmkg.graph.rdfio.store import open_store
from gcmkg.loaders.documents.extract.figures import figures
from gcmkg.loaders.documents.extract.sentences import sentences
from tests.gold import score

Fact = tuple[str, str, str, str]
_UNITS = {
    "percentage": "percent",
    "per cent": "percent",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "dollar": "USD",
    "united states dollar": "USD",
    "euro": "EUR",
    "dimensionless": "count",
}


def _number(value: Decimal | float | None) -> str:
    return "" if value is None else score.number(str(Decimal(str(value))))


def gcmkg_rules(passages: list[score.Passage]) -> set[Fact]:
    found: set[Fact] = set()
    for passage in passages:
        for _, sentence in sentences(passage.text, at_semicolons=False):
            for figure in figures(sentence):
                found.add((passage.iri, _number(figure.value), _number(figure.value_max), figure.unit))
    return found


def quantulum(passages: list[score.Passage]) -> set[Fact]:
    from quantulum3 import parser

    found: set[Fact] = set()
    for passage in passages:
        for quantity in parser.parse(passage.text):
            unit = _UNITS.get(quantity.unit.name.lower(), quantity.unit.name)
            value = Decimal(str(quantity.value))
            if unit == "count" and value == value.to_integral() and 1900 <= value <= 2100:
                continue
            low = high = None
            if quantity.uncertainty:
                spread = Decimal(str(quantity.uncertainty))
                low, high = value - spread, value + spread
            found.add((passage.iri, _number(low if low is not None else value), _number(high), unit))
    return found


def _gold(passages: list[score.Passage]) -> set[Fact]:
    facts: set[Fact] = set()
    for row in score.load_gold().statistics:
        passage = score.map_quote(row["quote"], row["document"], passages)
        facts.add((passage.iri, score.number(row["value"]), score.number(row["value_max"]), row["unit"]))
    return facts


def _timed(
    finder: Callable[[list[score.Passage]], set[Fact]], passages: list[score.Passage]
) -> tuple[set[Fact], float]:
    seconds = []
    result: set[Fact] = set()
    for _ in range(3):
        sentences.cache_clear()  # each run splits the passages anew
        started = time.perf_counter()
        result = finder(passages)
        seconds.append(time.perf_counter() - started)
    return result, stats.median(seconds)


def main(build: Path) -> None:
    warnings.filterwarnings("ignore")
    store = open_store(build)
    documents = {row["document"] for row in score.load_gold().statistics}
    passages = [p for p in score.load_passages(store) if p.document in documents]
    gold = _gold(passages)
    print(f"{len(passages)} passages, {len(gold)} gold figures\n")
    print("| finder | found | true | precision | recall | seconds |")
    print("|---|---|---|---|---|---|")
    for name, finder in (("gcmkg rules (figures.py)", gcmkg_rules), ("quantulum3", quantulum)):
        found, seconds = _timed(finder, passages)
        true = len(found & gold)
        print(f"| {name} | {len(found)} | {true} | {true / len(found):.3f} | {true / len(gold):.3f} | {seconds:.2f} |")
    print("\n| sentence splitter | sentences | seconds |\n|---|---|---|")
    for name, split in _splitters():
        started = time.perf_counter()
        count = sum(len(split(passage.text)) for passage in passages)
        print(f"| {name} | {count} | {time.perf_counter() - started:.2f} |")


def _splitters() -> list[tuple[str, Callable[[str], list[object]]]]:
    found: list[tuple[str, Callable[[str], list[object]]]] = [
        ("gcmkg (sentences.py)", lambda text: list(sentences.__wrapped__(text, at_semicolons=False)))
    ]
    try:
        import pysbd

        segmenter = pysbd.Segmenter(language="en", clean=False)
        found.append(("pysbd", segmenter.segment))
    except ImportError:
        pass
    try:
        import syntok.segmenter as syntok

        found.append(("syntok", lambda text: [s for p in syntok.analyze(text) for s in p]))
    except ImportError:
        pass
    return found


if __name__ == "__main__":
    main(Path(sys.argv[1]))

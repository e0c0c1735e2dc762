"""Numeric facts: "nearly 159 million international migrants" → 159000000 (count, 2020, "international migrants").

A number counts as a statistic when it has a scale word, a currency, a percentage, thousands separators,
four or more digits (not a year), or a quantifier before it ("more than 60 national elections"). Years,
dates, times, ordinals and references (objective, paragraph, page, resolution, session) are not statistics.
"""

from __future__ import annotations

import re
from decimal import Decimal

from gcmkg.loaders.documents.extract.sentences import sentences
from gcmkg.loaders.documents.facts import Statistic
from gcmkg.loaders.documents.segmenting import Passage

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_NUMBER = re.compile(
    r"(?P<currency>\b(?:USD|EUR|GBP|CHF)\s?|US\$\s?|[$€£]\s?)?"
    r"(?<![\w.,/:-])(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w/:-]|[.,]\d)"
    r"(?P<scale>\s+(?:million|billion|thousand)\b)?"
    r"(?P<percent>\s*(?:%|per\s?cent\b|percent\b))?"
)
_QUANTIFIER = re.compile(
    r"\b(?:more than|over|about|nearly|roughly|at least|approximately|around|a total of|almost|up to)\s+$",
    re.IGNORECASE,
)
_REFERENCE = re.compile(
    r"\b(?:[Oo]bjectives?|[Pp]aragraphs?|para\.|[Pp]ages?|[Rr]esolution|Session|Roundtable|No\.)"
    r"\s+(?:\d+\s*(?:,|and|&|-|–)\s*)*$"
)
_DATE_AFTER = re.compile(rf"^(?:\s*(?:-|–|and)\s*\d{{1,2}})?\s+(?:{_MONTHS})\b")
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTHS})\s+(?:\d{{1,2}},?\s+)?$")
_YEAR = re.compile(r"(?<![\w.,/-])(?:19|20)\d\d(?![\w/-])")
_CURRENCY_CODES = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP"}
_SCALES = {"thousand": Decimal(1000), "million": Decimal(10**6), "billion": Decimal(10**9)}
_STOP_WORDS = frozenset(
    "in on at by from to since during were was have has had are is and which that who whose with as".split()
)
_TRAILING_LINKS = frozenset("at of to by set was is were are reached totalled amounted the a an its their".split())
MEASURE_WORDS = 5


def _qualifies(match: re.Match[str], before: str) -> bool:
    digits = match.group("number").replace(",", "")
    if match.group("currency") or match.group("scale") or match.group("percent") or "," in match.group("number"):
        return True
    if re.fullmatch(r"(?:19|20)\d\d", digits):
        return False
    return len(digits.split(".")[0]) >= 4 or bool(_QUANTIFIER.search(before))


def _excluded(match: re.Match[str], sentence: str) -> bool:
    before, after = sentence[: match.start("number")], sentence[match.end("number") :]
    token = sentence[: match.start()].rsplit(" ", 1)[-1] + sentence[match.start() :].split(" ", 1)[0]
    return bool(
        "://" in token
        or _REFERENCE.search(before)
        or (not match.group("currency") and (_DATE_AFTER.match(after) or _DATE_BEFORE.search(before)))
    )


def _unit(match: re.Match[str]) -> str:
    currency = (match.group("currency") or "").strip()
    if currency:
        return _CURRENCY_CODES.get(currency, currency)
    return "percent" if match.group("percent") else "count"


def _value(match: re.Match[str]) -> Decimal:
    value = Decimal(match.group("number").replace(",", ""))
    scale = (match.group("scale") or "").strip()
    return value * _SCALES[scale] if scale else value


def _nearest_year(sentence: str, match: re.Match[str]) -> int | None:
    years = [y for y in _YEAR.finditer(sentence) if not (match.start() <= y.start() < match.end())]
    if not years:
        return None
    return int(min(years, key=lambda y: abs(y.start() - match.start())).group(0))


def _measures(after: str) -> str:
    words: list[str] = []
    for word in after.split():
        clean = word.strip("()[]'\"")
        if not clean or word[0] in "([" or clean.lower() in _STOP_WORDS or len(words) == MEASURE_WORDS:
            break
        words.append(clean.rstrip(".,;:"))
        if word[-1] in ".,;:)":
            break
    return " ".join(w for w in words if w)


def _measures_before(before: str) -> str:
    """For "its 2024 funding target set at USD 25 million": the words that name the quantity."""
    words = before.split()[-MEASURE_WORDS:]
    while words and words[-1].lower() in _TRAILING_LINKS:
        words.pop()
    while words and (words[0].lower() in _TRAILING_LINKS or _YEAR.fullmatch(words[0])):
        words.pop(0)
    return " ".join(words).strip(",;:")


def statistics(passage: Passage) -> list[Statistic]:
    """Every numeric fact stated in ``passage``."""
    found: list[Statistic] = []
    for offset, sentence in sentences(passage.text):
        for match in _NUMBER.finditer(sentence):
            if not _qualifies(match, sentence[: match.start()]) or _excluded(match, sentence):
                continue
            start = passage.start + offset + match.start()
            found.append(
                Statistic(
                    value=_value(match),
                    unit=_unit(match),
                    year=_nearest_year(sentence, match),
                    measures=_measures(sentence[match.end() :]) or _measures_before(sentence[: match.start()]),
                    start=start,
                    end=passage.start + offset + match.end(),
                    surface=match.group(0).strip(),
                    passage=passage,
                )
            )
    return found

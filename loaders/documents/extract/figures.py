"""Figures in a sentence: numbers that state a quantity, with their value (or range), unit and span.

A figure is written in digits ("288,000", "412 000", "9.5", "0,7%"), as a range ("USD 5–7 billion", "133–159",
"between 133 and 159", "EUR 900 to EUR 1,400"), in words up to twenty and in tens ("seven new tools", "sixty",
read with number-parser), as a share ("six in ten", "3 in 4") or a fraction ("over half", "four fifths of"; "half a
million" is a count), with
scale words (thousand, million, billion, "bn"), a currency (currencies.py: an ISO 4217 code, a symbol, a
currency's name, "dollars", "euros"), a percentage ("37 %", "+8 %"), or a duration unit (days, weeks, months,
years; "a 90-day visa"). A change "rose from 12 to 19 per cent" is two figures.

It counts when it has a scale, a currency, a percentage, a duration, a thousands separator, four or more
digits that are not a year, a quantifier before it ("more than 60", "a group of three"), a counted noun after it
("97 measures", "seven new tools", "133–159 participants"), a group it is part of ("eleven of the speakers"), brackets
after a list's label ("Delegations present (40): …"), or,
after another figure, a comparison or a coordination that leaves its noun out ("against five in 2040").
A number word after "the", "these", "its" … refers to a known set rather than counts ("the two Global
Compacts"), "one" alone counts nothing ("one means"), and a capitalised one inside a sentence names ("the Group
of Seven"). Never a year or a date, an ordinal, a reference ("Objective 7", "Obj. 18", "objective #14", "para.
34", "resolution 73/195", "Phase 2", "Dialogue 3"), a document symbol, a code ("COVID-19"), a telephone number,
a clock time ("5.40 p.m."), the time of an agenda item ("(5 mins)"), a time told from another ("five years
earlier"), or a count of the review's own parts or of the GCM's objectives ("four thematic roundtables", "two
tracks", "all 23 objectives", "a one-day consultation"), or of parts the sentence names one by one ("four labs …:
Lab One and Lab Two …"). A deadline is no time told from another ("no later than seven days after arrival").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from number_parser import parse_number

from gcmkg.loaders.documents import currencies

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
#: Thousands separated by commas ("288,000") or, in UN style, by spaces ("412 000"; not inside a longer run of
#: digit groups, as a telephone number is), then plain digits.
_DIGITS = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|(?<!\d[ \u00a0\u202f])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,]\d|\s\d)"
    r"|\d+(?:[.,]\d+)?"
)
_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
)
_CURRENCY_NAME = "|".join(
    r"\s+".join(map(re.escape, name.split())) for name in sorted(currencies.NAMES, key=len, reverse=True)
)
# ISO 4217 codes are upper case: "all 12 centres" is no amount in Albanian lek.
_CURRENCY = rf"(?:(?-i:\b(?:{'|'.join(currencies.CODES)})\b)\s?|US\$\s?|[$€£]\s?)"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
#: A number in words, hyphenated tens and units one number ("thirty-nine"), never a range ("thirty" to "nine").
_WORD_NUMBER = rf"\b(?:(?:{_TENS})-(?:{_UNITS})|(?:{_WORDS})(?!-(?:{_UNITS})\b))\b"
_NUMBER = rf"(?:{_DIGITS}|{_WORD_NUMBER})"
_SCALE = r"(?:\s+(?P<scale>thousand|million|billion|trillion)\b)"
_SCALES = {"thousand": 10**3, "million": 10**6, "mn": 10**6, "billion": 10**9, "bn": 10**9, "trillion": 10**12}
_FIGURE = re.compile(
    rf"(?P<currency>{_CURRENCY})?"
    rf"(?:\bbetween\s+(?P<between>{_NUMBER})\s+and\s+|(?P<low>{_NUMBER})\s*(?:–|—|-|\bto\b)\s*{_CURRENCY}?)?"
    # "+8 %": a sign only before a percentage (else "+41 …" is a telephone number)
    rf"(?:(?<![\w.,/:+])|(?<=\+)(?=[\d.,]+\s?%))(?P<number>{_NUMBER})"
    r"(?:(?P<short_scale>bn|mn)\b|(?![\w/:]|[.,]\d|-(?!day|week|month|year)))"
    rf"{_SCALE}?"
    rf"(?P<after_currency>\s+(?:{_CURRENCY_NAME})\b(?:\s+(?:USD|EUR|GBP))?)?"
    r"(?P<percent>\s*(?:%|per\s?cent\b|percent\b))?"
    r"(?P<duration>(?:\s+|-)(?:days?|weeks?|months?|years?)\b(?!-old))?",
    re.IGNORECASE,
)
# Every figure holds a number: sentences without one are not searched (the figure pattern is costly).
_ANY_NUMBER = re.compile(rf"\d|\b(?:{_WORDS})\b", re.IGNORECASE)
#: "half of", "a third of", "two thirds of", "four fifths of": a share, as a percentage; not a part of a time
#: ("the first half of 2044", "half of the year").
_FRACTION = re.compile(
    r"\b(?P<fraction>half|(?P<count>a|one|two|three|four|five|six|seven|eight|nine)[\s-]+"
    r"(?P<part>half|third|quarter|fifth|sixth|seventh|eighth|ninth|tenth)s?)\s+of\b"
    r"(?!\s+(?:the\s+|that\s+|this\s+|each\s+)?(?:(?:19|20)\d\d|year|decade|century|month|week|day)\b)",
    re.I,
)
#: "half a million", "a quarter of a million": a share of a scale, as a count.
_SCALE_SHARE = re.compile(
    r"\b(?P<share>half|a\s+quarter\s+of|three\s+quarters\s+of)\s+an?\s+(?P<scale>thousand|million|billion)\b", re.I
)
_SHARES = {"half": Decimal("0.5"), "a quarter of": Decimal("0.25"), "three quarters of": Decimal("0.75")}
#: A count in brackets after a list's label: "Delegations present (40): A · B".
_LABEL_COUNT = re.compile(r"^\s*[A-Z][^:()\d]{0,60}?\s*\($")
#: Where a counted noun's item is named with a number ("Lab One", "Panel 2", "Clinic IV"): the count is of parts
#: the text names one by one, not a statistic.
_NAMED_ITEM = rf"\s+(?:\d{{1,2}}|[IVX]{{1,4}}|[A-Z]|(?i:{_WORDS}))\b"
_FRACTION_TIME = re.compile(r"\b(?:first|second|third|last|latter|former|other)\s+$", re.I)
_PARTS = dict(zip("half third quarter fifth sixth seventh eighth ninth tenth".split(), range(2, 11), strict=True))
_QUANTIFIER = re.compile(
    r"\b(?:more than|over|about|nearly|roughly|at least|approximately|around|a total of|almost|up to|some|"
    r"an estimated|estimated|fewer than|less than|under|below|above|exceeding|no more than|at most|only|"
    r"close to|nearly|no later than|not later than)\s+$",
    re.IGNORECASE,
)
_REFERENCE = re.compile(
    r"\b(?:[Oo]bjectives?|[Oo]bjs?\.|GCM|[Pp]aragraphs?|paras?\.|[Pp]ages?|pp?\.|[Rr]esolutions?|[Ss]essions?|"
    r"[Rr]oundtables?|[Rr]ound\s+[Tt]ables?|[Dd]ialogues?|[Pp]anels?|[Tt]racks?|[Ww]orkshops?|[Nn]os?\.|[Aa]rticles?|[Cc]hapters?|[Aa]nnex(?:es)?|[Ff]ootnotes?|[Pp]hases?|[Ii]tems?|[Ss]ections?|[Pp]arts?|"
    r"SDGs?|[Tt]argets?\s+\d+\.|[Gg]oals?|[Ll]evel|[Vv]ersion|[Ww]ave|[Cc]ycle|[Pp]illar|[Ss]tep|[Tt]ier)"
    rf"\s+#?(?:(?:\d+|{_WORDS})\s*(?:,\s*(?:and\s+)?|and|&|-|–|to|through)\s*)*$"
)
_DATE_AFTER = re.compile(rf"^(?:\s*(?:-|–|and)\s*\d{{1,2}})?\s+(?i:{_MONTHS})\b")
_DATE_BEFORE = re.compile(rf"\b(?i:{_MONTHS})\s+(?:\d{{1,2}},?\s+)?$")
_YEAR = re.compile(r"^(?:1[89]|20|21)\d\d$")
_AGENDA_TIME = re.compile(r"^\s*(?:mins?\b|minutes\b|hours?\b|hrs?\b|[ap]\.m\.|[ap]m\b)", re.IGNORECASE)
#: "five years earlier", "two weeks later": a time, told from another, that counts nothing.
_RELATIVE_TIME = re.compile(r"^\s*(?:earlier|ago|later|before|previously|after|afterwards)\b", re.IGNORECASE)
#: "no later than seven days after arrival": a deadline, not a time told from another.
_DEADLINE = re.compile(r"\b(?:no|not)\s+later\s+than\s+$", re.IGNORECASE)
_COUNTED = re.compile(r"^\s+(?P<noun>[\"'“‘(]?[A-Za-z][\w'’-]*)")
_NEXT_WORDS = re.compile(r"[A-Za-z][\w'’-]*")
#: Prepositions, conjunctions, auxiliaries, determiners and pronouns: words no counted noun or phrase is.
FUNCTION_WORDS = frozenset(
    "in on at by for from to with and or but as per were was is are be been being have has had will would "
    "shall should may might can could do does did that which who whom whose this these those the a an its their "
    "his her our your my it they we he she".split()
)
_NOT_COUNTED = FUNCTION_WORDS | {"of", "i", "times", "percent", "cent"}
#: Counted nouns that are parts of the review itself or of the GCM: not statistics about migration.
_OWN_PARTS = frozenset(
    "session sessions roundtable roundtables segment segments objective objectives principle principles "
    "panel panels meeting meetings dialogue dialogues track tracks workshop workshops".split()
)
_DURATION_OF_OWN = re.compile(
    r"^[\s-]*(?:long\s+)?(?:intergovernmental\s+|multi-stakeholder\s+|virtual\s+|online\s+)?"
    r"(?:meeting|consultation|conference|event|session|workshop|review|discussion)s?\b",
    re.I,
)
#: "eleven of the speakers", "640 of them": a part of a group, counted.
_PARTITIVE = re.compile(r"^\s+of\s+(?:the|them|these|those|its|their|all)\b")
#: "six in ten workers", "three out of four", "four pupils in five": a share, as a percentage.
_RATIO = re.compile(
    rf"\b(?P<part>{_NUMBER})\s+(?:[a-z]+s\s+)?(?:in|out\s+of)\s+"
    r"(?P<whole>two|three|four|five|six|seven|eight|nine|ten|a\s+hundred|100|10|[2-9])\b(?![.,]?\d)"
    r"(?!\s*(?:%|per\s?cent|days?|weeks?|months?|years?|hours?)\b)",
    re.IGNORECASE,
)
#: "a group of three", "a total of 12": the number of members of a whole, counted.
_COLLECTIVE = re.compile(r"\b(?:group|team|cohort|coalition|total)\s+of\s+$", re.IGNORECASE)
#: A figure that compares with or adds to the sentence's previous one, its noun left out.
_COMPARISON = r"\bagainst|\bcompared\s+(?:with|to)|\bversus|\bvs\."
#: A figure a previous one is compared with ("…, against five in 2040"): its time is no time of the sentence.
COMPARED_WITH = re.compile(rf"(?:{_COMPARISON})\s+$", re.IGNORECASE)
_ELLIPTIC = re.compile(rf"(?:\band|{_COMPARISON}|\bwhile)\s+$", re.IGNORECASE)
_CHANGE = re.compile(
    r"\b(?:rose|risen|fell|fallen|grew|grown|went\s+(?:up|down)|gone\s+(?:up|down)|increased|decreased|dropped|"
    r"declined|climbed|jumped|shrank|moved|changed)\s+from\s+$",
    re.IGNORECASE,
)
_DEFINITE = re.compile(r"\b(?:the|these|those|both|its|their|our|all)\s+$", re.IGNORECASE)
_SPACED_THOUSANDS = re.compile(r"\d{1,3}(?:\s\d{3})+")
_PHONE = re.compile(r"\+?\d[\d ()-]{7,}\d")


@dataclass(frozen=True)
class Figure:
    """A figure at [start, end) of a sentence: its value (the low end of a range), the high end, the unit."""

    value: Decimal
    value_max: Decimal | None
    unit: str
    start: int
    end: int
    surface: str
    quantified: str
    #: "from" or "to" for the two ends of a change ("rose from 12 to 19 per cent"), else "".
    change: str = ""

    @property
    def is_duration(self) -> bool:
        return self.unit in ("day", "week", "month", "year")


def figures(sentence: str) -> list[Figure]:
    """Every figure of ``sentence``, left to right."""
    matches = _FIGURE.finditer(sentence) if _ANY_NUMBER.search(sentence) else ()
    found: list[Figure] = []
    for match in matches:
        figure = _figure(match, sentence, earlier=bool(found))
        if figure is not None:
            found.append(figure)
    for ratio in _RATIO.finditer(sentence):
        part, whole = _number(ratio.group("part")), _number(ratio.group("whole").replace("a ", "one "))
        if part is not None and whole and part < whole:
            found = [f for f in found if f.end <= ratio.start() or f.start >= ratio.end()]
            value = _share(part, whole)
            found.append(_with_quantifier(value, None, "percent", ratio.start(), ratio.end(), sentence))
    for share in _SCALE_SHARE.finditer(sentence):
        found = [f for f in found if f.end <= share.start() or f.start >= share.end()]
        value = _SHARES[" ".join(share.group("share").lower().split())] * _SCALES[share.group("scale").lower()]
        found.append(_with_quantifier(value, None, "count", share.start(), share.end(), sentence))
    for fraction in _FRACTION.finditer(sentence):
        start, end = fraction.start("fraction"), fraction.end("fraction")
        if any(s.start() <= start < s.end() for s in _SCALE_SHARE.finditer(sentence)):
            continue
        if _FRACTION_TIME.search(sentence[:start]) or any(
            f.start <= start < f.end and not f.surface[-1:].isalpha() for f in found
        ):
            continue
        found = [f for f in found if f.end <= start or f.start >= end]  # "three" of "three quarters"
        count = _number("one" if (fraction.group("count") or "a").lower() == "a" else fraction.group("count"))
        whole = _PARTS[(fraction.group("part") or "half").lower()]
        value = _share(count or Decimal(1), Decimal(whole))
        found.append(_with_quantifier(value, None, "percent", start, end, sentence))
    return sorted((part for f in found for part in _change_ends(f, sentence)), key=lambda f: f.start)


def _change_ends(figure: Figure, sentence: str) -> tuple[Figure, ...]:
    """A range after a verb of change ("went up from 12 to 19 per cent") is two figures, the value before and the
    value after; any other figure is itself."""
    ends = re.match(r"(.+?)\s+to\s+(.+)$", sentence[figure.start : figure.end])
    if figure.value_max is None or not ends or not _CHANGE.search(sentence[: figure.start]):
        return (figure,)
    high_start = figure.start + ends.start(2)
    return (
        replace(figure, value_max=None, end=figure.start + ends.end(1), surface=ends.group(1), change="from"),
        replace(figure, value=figure.value_max, value_max=None, start=high_start, surface=ends.group(2), change="to"),
    )


def _share(part: Decimal, whole: Decimal) -> Decimal:
    """``part`` in ``whole`` as a percentage to one decimal, written without an exponent (20, 33.3)."""
    value = (part * 100 / whole).quantize(Decimal("0.1"))
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


@lru_cache(maxsize=64)
def _word_number(word: str) -> Decimal | None:
    """ "seven" → 7, through number-parser (which rebuilds its tables on every call: hence the cache)."""
    parsed = parse_number(word)
    return Decimal(parsed) if parsed is not None else None


def _number(text: str | None) -> Decimal | None:
    if text is None:
        return None
    if text[0].isalpha():
        return _word_number(text.lower())
    if re.fullmatch(r"\d+,\d{1,2}", text):  # a decimal comma: "0,7%"
        text = text.replace(",", ".")
    try:
        return Decimal(re.sub(r"[,\s]", "", text))
    except InvalidOperation:
        return None


def _unit(match: re.Match[str]) -> str:
    currency = (match.group("currency") or "").strip()
    if currency:
        return currencies.SYMBOLS.get(currency, currency.upper())
    if match.group("after_currency"):
        words = match.group("after_currency").split()
        return words[-1] if words[-1].isupper() else currencies.NAMES[" ".join(words).lower()]
    if match.group("percent"):
        return "percent"
    if match.group("duration"):
        return match.group("duration").strip(" -").lower().rstrip("s")
    return "count"


def _figure(match: re.Match[str], sentence: str, earlier: bool = False) -> Figure | None:
    number = match.group("number")
    value = _number(number)
    low = _number(match.group("between") or match.group("low"))
    if value is None or _excluded(match, sentence):
        return None
    scale = _SCALES.get((match.group("scale") or match.group("short_scale") or "").lower(), 1)
    unit = _unit(match)
    value_max = None
    if low is not None and low < value:
        low, value_max = low * scale, value * scale
        value = low
    else:
        value = value * scale
    if not _qualifies(match, sentence, unit, earlier):
        return None
    start = match.start("currency") if match.group("currency") else match.start()
    return _with_quantifier(value, value_max, unit, start, match.end(), sentence)


def _with_quantifier(
    value: Decimal, value_max: Decimal | None, unit: str, start: int, end: int, sentence: str
) -> Figure:
    quantifier = _QUANTIFIER.search(sentence[:start])
    quantified = quantifier.group(0).strip().lower() if quantifier else ""
    surface_start = quantifier.start() if quantifier else start
    return Figure(value, value_max, unit, start, end, sentence[surface_start:end].strip(), quantified)


def _excluded(match: re.Match[str], sentence: str) -> bool:
    """Years, dates, references, codes, telephone numbers and agenda times are no figures."""
    number = match.group("number")
    before, after = sentence[: match.start("number")], sentence[match.end() :]
    token_start = sentence.rfind(" ", 0, match.start("number")) + 1
    token = sentence[token_start : sentence.find(" ", match.end("number")) % (len(sentence) + 1)]
    no_unit = not (
        match.group("currency")
        or match.group("scale")
        or match.group("short_scale")
        or match.group("percent")
        or match.group("after_currency")
    )
    return bool(
        "://" in token
        or "/" in token
        or re.search(r"[A-Za-z]-\d", token)
        or _REFERENCE.search(before)
        or (no_unit and _YEAR.match(number) and not match.group("duration"))
        or (no_unit and (_DATE_AFTER.match(sentence[match.end("number") :]) or _DATE_BEFORE.search(before)))
        or _AGENDA_TIME.match(after)
        or (match.group("duration") and _RELATIVE_TIME.match(after) and not _DEADLINE.search(before))
        or (_PHONE.fullmatch(number) and not _SPACED_THOUSANDS.fullmatch(number))
        or re.match(r"\d+(?:st|nd|rd|th)\b", sentence[match.start("number") :])
    )


def _names_own_part(after: str) -> bool:
    """Whether the words after a number, up to the first function word, count parts of the review or the GCM."""
    for word in _NEXT_WORDS.findall(after[:60])[:4]:
        lowered = word.lower()
        if lowered in _OWN_PARTS or re.match(r"round\s+tables?\b", after[after.find(word) :], re.I):
            return True
        if lowered in _NOT_COUNTED:
            return False
    return False


def _names_items(after: str, sentence: str) -> bool:
    """Whether the plural noun counted after a number has its items named with a number in the sentence ("four labs
    … Lab One and Lab Two"): the count is of parts named one by one."""
    for word in _NEXT_WORDS.findall(after[:60])[:3]:
        if word.lower() in _NOT_COUNTED:
            return False
        if word.endswith("s") and len(word) > 3:
            singular = word[:-3] + "y" if word.endswith("ies") else word[:-1]
            named = re.escape(singular[0].upper() + singular[1:]) + _NAMED_ITEM
            if re.search(named, sentence):
                return True
    return False


def _qualifies(match: re.Match[str], sentence: str, unit: str, earlier: bool = False) -> bool:
    """A figure needs a unit, a scale, a separator, four digits, a quantifier or a counted noun after it; or,
    after an ``earlier`` figure of its sentence, a comparison or a coordination that leaves its noun out
    ("… 14 teams in 2045, against five in 2040", "1 150 returnees … and 640 had started")."""
    number = match.group("number")
    after = sentence[match.end() :]
    if unit in ("day", "week", "month", "year"):
        return not _DURATION_OF_OWN.match(after) and not re.match(r"^\s+of\s+(?:the\s+)?(?:discussion|meeting)", after)
    if re.match(r"\)\s*:", after) and _LABEL_COUNT.match(sentence[: match.start()]):
        return not _names_own_part(sentence[: match.start()])
    counted = _COUNTED.match(after)
    noun = counted.group("noun").strip("\"'“‘(").lower() if counted else ""
    if _names_own_part(after) or _names_items(after, sentence):
        return False
    if number[0].isalpha():
        if number.lower() == "one" or _DEFINITE.search(sentence[: match.start()]):
            return False  # "one" counts nothing alone; "the two Global Compacts" refers, it does not count
        if number[0].isupper() and sentence[: match.start()].strip(" \t\"'“‘(•–-"):
            return False  # a capital inside a sentence names: "the Group of Eight", "the Nordic Five"
    partitive = _PARTITIVE.match(after)
    if partitive and number.lower() != "one":
        return not _names_own_part(after[partitive.end() :])
    if unit != "count" or match.group("scale") or match.group("short_scale") or re.search(r"[,\s]", number):
        return True
    if re.fullmatch(r"\d{4,}(?:\.\d+)?", number):
        return True
    if _QUANTIFIER.search(sentence[: match.start()]) or _COLLECTIVE.search(sentence[: match.start()]):
        return True
    if earlier and _ELLIPTIC.search(sentence[: match.start()]) and (not counted or noun in _NOT_COUNTED):
        return True
    return bool(counted) and noun not in _NOT_COUNTED and not noun[:1].isdigit()

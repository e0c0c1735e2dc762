"""Explicit references to GCM objectives: "Objective 7", "GCM objective 1", "objectives 1, 3, 7, 17, and 23",
"objectives 4 to 6", "objectives 3-6", "objectives 8 through 11", "objectives fourteen to sixteen", "objective
twenty-three", "(obj. 4)", "Objs. 9 and 10", "objectives 2, 14 & 15", "objectives 9/10", "GCM objective (7)",
"objective #14", "objectives nos. 1 to 4", "objectives no. 3, no. 9 and no. 12", "Objectives IV, VII and XIX" (Roman
numerals), "(GCM 15)", "O5, O6 and O18–O20", an objective's title in quotes
("… together with “Eliminate all forms of discrimination and …”", any case), and ordinals: "the sixth
objective", "the first, third and seventh objectives", "the 1st, 2nd and 17th objectives", "the Compact's seventh to
twelfth objectives", "objectives 2 and 5 as well as the twelfth"; a hyphenated "(GCM-7)"; a labelled line
"Objectives covered: 5 / 6 / 16", "Relevant objective: 6.", and numbers alone in brackets after the run-in
label that opens a paragraph ("Border deaths (VIII and XXI). …", "Decent work (6 and 18): …"). An ordinal for
emphasis ("the very first objective") numbers nothing."""

from __future__ import annotations

import re
from functools import lru_cache

from gcmkg.graph.core.resources import reference_data_dir
from gcmkg.loaders.documents.sessionnames import CARDINAL_WORD, ORDINAL_WORD, WORD_NUMBER
from gcmkg.loaders.reference.titles import matched_objective, titles_pattern
from gcmkg.loaders.table import read_table

OBJECTIVE_COUNT = 23
#: A hyphen makes a range only between digits ("3-6"): "twenty-three" is one number.
_RANGE = r"(?:(?<=\d)\s*-\s*(?=\d)|\s*–\s*|\s*\bto\s+|\s*\bthrough\s+)"
#: A Roman numeral up to XXIII, in capitals: "IV", "XIX".
_ROMAN = r"\b(?=[IVX]+\b)X{0,2}(?:IX|IV|V?I{0,3})\b"
_NUMBER = rf"(?:(?:[Nn]o\.\s*)?(?:#?\d{{1,2}}|(?:{CARDINAL_WORD})\b|{_ROMAN}))"
_NUMBER_LIST = rf"{_NUMBER}(?:(?:\s*,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*|\s*/\s*|{_RANGE}){_NUMBER})*"
#: "O5, O6 and O18–O20": objectives by a capital O and their number.
_O_LIST = r"(?<![\w-])O\d{1,2}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*[–-]\s*)O\d{1,2})*\b"
#: An ordinal in words or in digits ("seventh", "7th").
_ORDINAL = rf"(?:{ORDINAL_WORD}|\d{{1,2}}(?:st|nd|rd|th))"
_ORDINAL_LIST = (
    rf"{_ORDINAL}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+or\s+|\s+to\s+|\s+through\s+|\s*–\s*)(?:the\s+)?{_ORDINAL})*"
)
#: A label before the numbers: "Objectives covered: 5 / 6", "Relevant objective: 6", "objectives in focus: 14".
_LABEL = r"(?:\s+(?:[a-z]+ed|in\s+focus|at\s+stake))?\s*:"
#: An ordinal list after a numbered one, ending the phrase: "objectives 2 and 5 as well as the twelfth,".
_CONTINUED = rf"(?:\s*,?\s+(?:and|as\s+well\s+as|together\s+with|plus)\s+(?:the\s+)?({_ORDINAL_LIST})(?=\s*[,.;:)]))?"
OBJECTIVE_REFERENCE = re.compile(
    rf"\b(?:GCM\s+)?(?:[Oo]bjectives?|[Oo]bjs?\.)(?:{_LABEL})?\s+(?:[Nn]os?\.\s*)?\(?({_NUMBER_LIST})\b(?![.,/]\d)"
    rf"{_CONTINUED}"
    rf"|\(\s*GCM(?:\s+|\s*-\s*)({_NUMBER_LIST})\s*\)"
    rf"|({_O_LIST})"
    rf"|(?<!\bvery\s)\b((?i:{_ORDINAL_LIST}))\s+(?:GCM\s+)?objectives?\b"
)
_ITEM = re.compile(
    rf"(?<=\bO)\d{{1,2}}|#?\d{{1,2}}(?:st|nd|rd|th)?|(?i:{CARDINAL_WORD}|{ORDINAL_WORD})\b|(?<![\w-]){_ROMAN}"
)
_RANGE_PAIR = re.compile(rf"({_ITEM.pattern}){_RANGE}O?({_ITEM.pattern})")


#: A paragraph's run-in label with objective numbers alone in brackets: "Border deaths (VIII and XXI). …".
#: The label is words in lower case after the first ("Part II (2 and 3)." is no such label).
_RUN_IN = re.compile(rf"^[A-Z][a-z]+(?:[ ,&-]+[a-z][a-z'’-]*){{0,8}}\s\(({_NUMBER_LIST})\)\s*[.:](?=\s)")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def _roman(item: str) -> int:
    """``"XIV"`` → 14: a numeral's value, a smaller one before a larger one taken away."""
    values = [_ROMAN_VALUES[letter] for letter in item]
    return sum(-value if value < after else value for value, after in zip(values, [*values[1:], 0], strict=True))


def _value(item: str) -> int:
    item = re.sub(r"(?<=\d)(?:st|nd|rd|th)$", "", item.lstrip("#"))
    if item.isdigit():
        return int(item)
    return _roman(item) if re.fullmatch(_ROMAN, item) else WORD_NUMBER[item.lower()]


def _listed(numbers: str) -> list[int]:
    """The numbers of a list such as "1, 3 and 7", "4 to 6" or "first and third" (a range counts every number
    in it)."""
    found: list[int] = []
    position = 0
    for pair in _RANGE_PAIR.finditer(numbers):
        found += [_value(item) for item in _ITEM.findall(numbers[position : pair.start()])]
        low, high = _value(pair.group(1)), _value(pair.group(2))
        found += list(range(low, high + 1)) if low < high else [low, high]
        position = pair.end()
    return found + [_value(item) for item in _ITEM.findall(numbers[position:])]


_QUOTED = re.compile(r"[\"“]([^\"“”]{20,200}?)[.,;]?[\"”]")


@lru_cache(maxsize=1)
def _titles() -> re.Pattern[str]:
    """The objectives' titles (objectives.csv) as documents write them (loaders/reference/titles.py)."""
    rows = read_table(reference_data_dir() / "objectives.csv", ("number", "title"))
    return titles_pattern({row.integer("number"): row.text("title") for row in rows})


def objective_numbers(text: str) -> list[int]:
    """The objective numbers ``text`` names, in order of first appearance, each once."""
    found: list[tuple[int, int]] = []
    run_in = _RUN_IN.match(text)
    if run_in:
        found += [(run_in.start(1), number) for number in _listed(run_in.group(1))]
    for reference in OBJECTIVE_REFERENCE.finditer(text):
        listed = [group for group in reference.groups() if group]
        found += [(reference.start(), number) for group in listed for number in _listed(group)]
    if "“" in text or '"' in text:
        titles = _titles()
        for quoted in _QUOTED.finditer(text):
            title = titles.fullmatch(quoted.group(1).strip())
            if title is not None:
                found.append((quoted.start(), matched_objective(title)))
    numbers: list[int] = []
    for _, number in sorted(found, key=lambda item: item[0]):
        if 1 <= number <= OBJECTIVE_COUNT and number not in numbers:
            numbers.append(number)
    return numbers

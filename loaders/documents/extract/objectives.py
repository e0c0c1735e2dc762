"""Explicit references to GCM objectives: "Objective 7", "GCM objective 1", "objectives 1, 3, 7, 17, and 23",
"objectives 4 to 6", "objectives fourteen to sixteen", "(obj. 4)", and ordinals: "the sixth objective", "the
first, third and seventh objectives", "objectives 2 and 5 as well as the twelfth". An ordinal for emphasis
("the very first objective") numbers nothing."""

from __future__ import annotations

import re

from gcmkg.loaders.documents.sessionnames import CARDINAL_WORD, ORDINAL_WORD, WORD_NUMBER

OBJECTIVE_COUNT = 23
_RANGE = r"\s*(?:-|–|to|through)\s*"
_NUMBER = rf"(?:\d{{1,2}}|(?:{CARDINAL_WORD})\b)"
_NUMBER_LIST = rf"{_NUMBER}(?:(?:\s*,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*|{_RANGE}){_NUMBER})*"
_ORDINAL_LIST = rf"(?:{ORDINAL_WORD})(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)(?:the\s+)?(?:{ORDINAL_WORD}))*"
#: An ordinal list after a numbered one, ending the phrase: "objectives 2 and 5 as well as the twelfth,".
_CONTINUED = rf"(?:\s*,?\s+(?:and|as\s+well\s+as|together\s+with|plus)\s+(?:the\s+)?({_ORDINAL_LIST})(?=\s*[,.;:)]))?"
OBJECTIVE_REFERENCE = re.compile(
    rf"\b(?:GCM\s+)?(?:[Oo]bjectives?|[Oo]bjs?\.)\s+({_NUMBER_LIST})\b(?![.,]\d){_CONTINUED}"
    rf"|(?<!\bvery\s)\b((?i:{_ORDINAL_LIST}))\s+(?:GCM\s+)?objectives?\b"
)
_ITEM = re.compile(rf"\d{{1,2}}|(?i:{CARDINAL_WORD}|{ORDINAL_WORD})\b")
_RANGE_PAIR = re.compile(rf"({_ITEM.pattern}){_RANGE}({_ITEM.pattern})")


def _value(item: str) -> int:
    return int(item) if item.isdigit() else WORD_NUMBER[item.lower()]


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


def objective_numbers(text: str) -> list[int]:
    """The objective numbers ``text`` names, in order of first appearance, each once."""
    numbers: list[int] = []
    for reference in OBJECTIVE_REFERENCE.finditer(text):
        listed = [group for group in reference.groups() if group]
        for number in (number for group in listed for number in _listed(group)):
            if 1 <= number <= OBJECTIVE_COUNT and number not in numbers:
                numbers.append(number)
    return numbers

"""Explicit references to GCM objectives: "Objective 7", "GCM objective 1", "objectives 1, 3, 7, 17, and 23",
"objectives 4 to 6"."""

from __future__ import annotations

import re

OBJECTIVE_COUNT = 23
_RANGE = r"\s*(?:-|–|to|through)\s*"
_NUMBER_LIST = rf"\d{{1,2}}(?:(?:\s*,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*|{_RANGE})\d{{1,2}})*"
OBJECTIVE_REFERENCE = re.compile(rf"\b(?:GCM\s+)?[Oo]bjectives?\s+({_NUMBER_LIST})\b(?![.,]\d)")
_RANGE_PAIR = re.compile(rf"(\d{{1,2}}){_RANGE}(\d{{1,2}})")


def _listed(numbers: str) -> list[int]:
    """The numbers of a list such as "1, 3 and 7" or "4 to 6" (a range counts every number in it)."""
    found: list[int] = []
    position = 0
    for pair in _RANGE_PAIR.finditer(numbers):
        found += map(int, re.findall(r"\d{1,2}", numbers[position : pair.start()]))
        low, high = int(pair.group(1)), int(pair.group(2))
        found += list(range(low, high + 1)) if low < high else [low, high]
        position = pair.end()
    return found + list(map(int, re.findall(r"\d{1,2}", numbers[position:])))


def objective_numbers(text: str) -> list[int]:
    """The objective numbers ``text`` names, in order of first appearance, each once."""
    numbers: list[int] = []
    for reference in OBJECTIVE_REFERENCE.finditer(text):
        for number in _listed(reference.group(1)):
            if 1 <= number <= OBJECTIVE_COUNT and number not in numbers:
                numbers.append(number)
    return numbers

"""Explicit references to GCM objectives: "Objective 7", "GCM objective 1", "objectives 1, 3, 7, 17, and 23"."""

from __future__ import annotations

import re

OBJECTIVE_COUNT = 23
_NUMBER_LIST = r"\d{1,2}(?:\s*(?:,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*)\d{1,2})*"
_REFERENCE = re.compile(rf"\b(?:GCM\s+)?[Oo]bjectives?\s+({_NUMBER_LIST})\b(?![.,]\d)")


def objective_numbers(text: str) -> list[int]:
    """The objective numbers ``text`` names, in order of first appearance, each once."""
    numbers: list[int] = []
    for reference in _REFERENCE.finditer(text):
        for number in map(int, re.findall(r"\d{1,2}", reference.group(1))):
            if 1 <= number <= OBJECTIVE_COUNT and number not in numbers:
                numbers.append(number)
    return numbers

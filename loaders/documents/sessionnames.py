"""How a text names a session of a review: "Session 3", "session three", "Roundtable 4", "the third session",
"the 2nd roundtable", "the first of the four thematic sessions"."""

from __future__ import annotations

import re

_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth").split()
_CARDINALS = ("one two three four five six seven eight nine ten eleven twelve").split()
_WORD_NUMBER = {word: number for words in (_ORDINALS, _CARDINALS) for number, word in enumerate(words, start=1)}
_UNIT = r"(?:thematic\s+|plenary\s+|panel\s+)?(?:session|roundtable|round[\s-]+table)"

#: Group 1: the number after the word ("Session 3"); group 2: the ordinal before it ("third session").
SESSION_NAMED = re.compile(
    rf"\b(?:(?:session|roundtable|round[\s-]+table)\s+(\d{{1,2}}|{'|'.join(_CARDINALS)})\b(?![.,]\d)"
    r"(?!\s+(?:days?|weeks?|months?|years?|hours?|minutes?|times?|more|other)\b)"
    rf"|({'|'.join(_ORDINALS)}|\d{{1,2}}(?:st|nd|rd|th))\s+(?:{_UNIT}\b|of\s+the\s+(?:\w+\s+){{0,2}}{_UNIT}s\b))",
    re.IGNORECASE,
)


def session_number(named: re.Match[str]) -> int:
    """The number of the session a SESSION_NAMED match names."""
    word = (named.group(1) or named.group(2)).lower()
    return _WORD_NUMBER.get(word) or int(re.sub(r"\D", "", word))

"""How a text names a session of a review: "Session 3", "session three", "Roundtable 4", "Thematic Panel 2",
"the third session", "the 2nd roundtable", "the first of the four thematic sessions", "the last panel".

The nouns a review's sessions go by are one vocabulary, ``SESSION_NOUN``: session, roundtable (round table),
panel, working group, breakout group, thematic segment."""

from __future__ import annotations

import re

_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first twenty-second twenty-third"
).split()
_CARDINALS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty twenty-one twenty-two twenty-three"
).split()
#: Number words and ordinals (in words or "2nd") → their number.
WORD_NUMBER = {word: number for words in (_ORDINALS, _CARDINALS) for number, word in enumerate(words, start=1)}
ORDINAL_WORD = "|".join(sorted(_ORDINALS, key=len, reverse=True))
CARDINAL_WORD = "|".join(sorted(_CARDINALS, key=len, reverse=True))
#: The nouns of a review's sessions.
SESSION_NOUN = r"(?:session|roundtable|round[\s-]+table|panel|working\s+group|breakout\s+group|thematic\s+segment)"
_UNIT = rf"(?:thematic\s+|plenary\s+|panel\s+)?{SESSION_NOUN}"
_FEW_SESSIONS = "|".join(_CARDINALS[:12])

#: Group 1: the number after the word ("Session 3"); group 2: the ordinal before it ("third session"); group 3:
#: "last" or "final" ("the last panel": the number of sessions the document announces).
SESSION_NAMED = re.compile(
    rf"\b(?:{SESSION_NOUN}\s+(\d{{1,2}}|{_FEW_SESSIONS})\b(?![.,]\d)"
    r"(?!\s+(?:days?|weeks?|months?|years?|hours?|minutes?|times?|more|other)\b)"
    rf"|({ORDINAL_WORD}|\d{{1,2}}(?:st|nd|rd|th))\s+(?:{_UNIT}\b|of\s+the\s+(?:[\w'’]+\s+){{0,2}}{_UNIT}s\b)"
    rf"|\bthe\s+(last|final)\s+(?:{_UNIT}\b|of\s+the\s+(?:[\w'’]+\s+){{0,2}}{_UNIT}s\b))",
    re.IGNORECASE,
)
#: "the four thematic panels", "its 4 roundtables": how many sessions a review had.
_SESSION_COUNT = re.compile(rf"\b(\d|{_FEW_SESSIONS})\s+{_UNIT}s\b", re.IGNORECASE)


def announced_sessions(text: str) -> int | None:
    """How many sessions ``text`` says the review had ("the four thematic panels"), if it says one number."""
    counts = {WORD_NUMBER.get(found.group(1).lower()) or int(found.group(1)) for found in _SESSION_COUNT.finditer(text)}
    return counts.pop() if len(counts) == 1 else None


def session_number(named: re.Match[str], last: int | None = None) -> int | None:
    """The number of the session a SESSION_NAMED match names; for "the last session", ``last`` (the number of
    sessions the document announces, None if it announces none)."""
    if named.group(3):
        return last
    word = (named.group(1) or named.group(2)).lower()
    return WORD_NUMBER.get(word) or int(re.sub(r"\D", "", word))

"""How a text names a session of a review: "Session 3", "session three", "Roundtable 4", "Thematic Panel 2",
"Dialogue II", "Round Table B" (in a document that letters its sessions: "four round tables (A to D)"), "the third
session", "the 2nd roundtable", "the first of the four thematic sessions", "the last panel".

The nouns a review's sessions go by are one vocabulary, ``SESSION_NOUN``: session, roundtable (round table),
panel, dialogue, working group, breakout group, thematic segment."""

from __future__ import annotations

import re
from dataclasses import dataclass

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
_NOUNS = (
    r"session",
    r"roundtable",
    r"round[\s-]+table",
    r"panel",
    r"dialogue",
    r"working\s+group",
    r"breakout\s+group",
    r"thematic\s+segment",
)
#: The nouns of a review's sessions.
SESSION_NOUN = rf"(?:{'|'.join(_NOUNS)})"
#: The same nouns with a capital: a session named by a letter or a roman numeral is a proper name ("Panel B").
_PROPER_NOUN = "(?:" + "|".join(rf"(?-i:{noun[0].upper()})(?i:{noun[1:]})" for noun in _NOUNS) + ")"
_UNIT = rf"(?:thematic\s+|plenary\s+|panel\s+)?{SESSION_NOUN}"
_FEW_SESSIONS = "|".join(_CARDINALS[:12])
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11}
_LETTERS = "ABCDEFGHIJKL"

#: Group 1: the number after the word ("Session 3"); group 2: the ordinal before it ("third session"); group 3:
#: "last" or "final" ("the last panel": the number of sessions the document announces); group 4: a roman numeral
#: or a letter after the word ("Dialogue II", "Round Table B").
SESSION_NAMED = re.compile(
    rf"\b(?:{SESSION_NOUN}\s+(\d{{1,2}}|{_FEW_SESSIONS})\b(?![.,]\d)"
    r"(?!\s+(?:days?|weeks?|months?|years?|hours?|minutes?|times?|more|other)\b)"
    rf"|({ORDINAL_WORD}|\d{{1,2}}(?:st|nd|rd|th))\s+(?:{_UNIT}\b|of\s+the\s+(?:[\w'’-]+\s+){{0,2}}{_UNIT}s\b)"
    rf"|\bthe\s+(last|final)\s+(?:{_UNIT}\b|of\s+the\s+(?:[\w'’-]+\s+){{0,2}}{_UNIT}s\b)"
    rf"|{_PROPER_NOUN}\s+(?-i:({'|'.join(sorted(_ROMAN, key=len, reverse=True))}|[{_LETTERS}]))\b(?![.'’-]\w))",
    re.IGNORECASE,
)
#: "the four thematic panels", "its 4 roundtables", "four multi-stakeholder dialogues": how many sessions a
#: review had.
_SESSION_COUNT = re.compile(rf"\b(\d|{_FEW_SESSIONS})\s+(?:[\w-]+-[\w-]+\s+)?{_UNIT}s\b", re.IGNORECASE)
#: Sessions lettered in order: "round tables (A to D)", "four panels, lettered A–C".
_LETTERED = re.compile(
    rf"{_UNIT}s\b[^.;:]{{0,40}}?(?<![\w-])(?-i:A)\s*(?:to|through|[–-])\s*(?-i:[B-L])\b(?![.-]?\d)", re.IGNORECASE
)


@dataclass(frozen=True)
class SessionNumbering:
    """What a document says of its sessions as a whole: how many there were (``last``, the number of "the last
    session"; None if it says no one number) and whether it letters them A, B, C … in order."""

    last: int | None = None
    lettered: bool = False


#: A document that says nothing of its sessions as a whole.
UNNUMBERED = SessionNumbering()


def session_numbering(text: str) -> SessionNumbering:
    """How ``text`` numbers the review's sessions: the number it announces ("the four thematic panels", if it
    says one number) and whether it letters them ("four round tables (A to D)")."""
    counts = {WORD_NUMBER.get(found.group(1).lower()) or int(found.group(1)) for found in _SESSION_COUNT.finditer(text)}
    return SessionNumbering(counts.pop() if len(counts) == 1 else None, bool(_LETTERED.search(text)))


def session_number(named: re.Match[str], numbering: SessionNumbering = UNNUMBERED) -> int | None:
    """The number of the session a SESSION_NAMED match names; for "the last session", the number of sessions
    the document announces; for a letter, its place in the alphabet where the document letters its sessions (a
    letter of a document that does not, or "the last session" of one that announces no number, names none)."""
    if named.group(3):
        return numbering.last
    label = named.group(4)
    if label is not None:
        if numbering.lettered and len(label) == 1:
            return _LETTERS.index(label) + 1
        return _ROMAN.get(label)
    word = (named.group(1) or named.group(2)).lower()
    return WORD_NUMBER.get(word) or int(re.sub(r"\D", "", word))

"""Split passage text into sentences, keeping each sentence's offset."""

from __future__ import annotations

import re
from functools import lru_cache

# Abbreviations whose full stop does not end a sentence (the lookahead first: it fails fast where no
# punctuation is); an acronym of two capitals or more does ("… of OSCE. Kazakhstan …"), a single initial does not.
_NOT_AN_END = (
    r"(?=[.?!;])(?:(?<=[a-z0-9)\]”\"])|(?<=[A-Z]{2}))(?<!\bMs)(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<!\bProf)(?<!\bNo)"
    r"(?<!\bno)(?<!\bNos)(?<!\bnos)(?<!\bObj)(?<!\bobj)(?<!\bObjs)(?<!\bobjs)"  # "objectives nos. 1 to 4", "Obj. 9"
)
_SENTENCE_END = re.compile(_NOT_AN_END + r"[.?!;]\s+(?=[A-Z])")
_FULL_STOP = re.compile(_NOT_AN_END + r"(?<!\bpara)(?<!\bpp)(?<!\bp)(?<!\bart)[.?!]\s+(?=[A-Z0-9])")


@lru_cache(maxsize=256)
def sentences(text: str, at_semicolons: bool = True) -> tuple[tuple[int, str], ...]:
    """(offset, sentence) pairs covering ``text``; honorifics such as "Ms." do not end a sentence. With
    ``at_semicolons`` a semicolon followed by a capital ends one too, as in lists of examples. Cached: every
    extractor splits the same passages."""
    found = []
    position = 0
    for match in (_SENTENCE_END if at_semicolons else _FULL_STOP).finditer(text):
        found.append((position, text[position : match.start() + 1]))
        position = match.end()
    if position < len(text):
        found.append((position, text[position:]))
    return tuple(found)

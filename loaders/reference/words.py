"""The one way the thematic layer reads words: lower case, English stop words out, Snowball stems, and the
pairs of neighbouring stems, so "trafficking in persons" and "persons trafficked" share ``traffick`` and
``person``. The objective terms (objectiveterms.py) and the classifier of passages (documents/extract/themes.py)
both read text through :func:`terms`."""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

_WORD = re.compile(r"[a-z]+")
_SHORTEST = 3
_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def stems(text: str) -> list[str]:
    """The stems of ``text``'s content words, in order (stop words and words under three letters left out)."""
    return [
        _stem(word) for word in _WORD.findall(text.lower()) if len(word) >= _SHORTEST and word not in ENGLISH_STOP_WORDS
    ]


def terms(text: str) -> list[str]:
    """The stems of ``text`` and each pair of neighbouring stems ("border manag")."""
    found = stems(text)
    return found + [f"{left} {right}" for left, right in zip(found, found[1:], strict=False)]

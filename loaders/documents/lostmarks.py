"""Footnote marks lost in conversion, put back where the footnote's URL says they stood.

A footnote that gives a URL but whose mark is nowhere in the body can only stand between the marks of
the footnotes around it (the last one before its number, the first one after). Of the sentences there,
it belongs to the one that shares most words with its URL ("…/fund-action-tajikistan" → "… the Joint
Programme in Tajikistan …"; "…/esf-supports-swedens-fast-track-approach…" → "Sweden's fast-track
programme …"): at least two shared words, a capitalised word of the sentence counting twice. The mark
goes at the end of that sentence. When no sentence shares enough, the footnote stays without a mark.
"""

from __future__ import annotations

import bisect
import re

from gcmkg.loaders.documents.markup import MARK, footnote_number, mark

_URL = re.compile(r"https?://\S+")
_WORD = re.compile(r"[A-Za-z]{3,}")
_SENTENCE_END = re.compile(rf"[.!?]['’\"”)]*(?:{MARK.pattern})*(?=\s+\S|\s*$)")
_URL_STOP_WORDS = frozenset(
    "http https www org int com net gov edu sites default files file docs doc document documents publication "
    "publications pdf html htm aspx php content contents resources resource news page pages index en fr ru "
    "the and for with from into about view download uploads media item items detail details".split()
)
MIN_SCORE = 2


def place_lost_marks(paragraphs: list[str], footnotes: dict[str, str]) -> list[str]:
    """``paragraphs`` (texts with marks) with the marks of numbered URL footnotes put back where their words fit.

    Linear in the text: the marks are located once, and each lost mark only looks between its neighbours.
    """
    positions = {
        number: (index, found.start())
        for index, text in enumerate(paragraphs)
        for found in MARK.finditer(text)
        if (number := footnote_number(found.group(1))) is not None
    }
    marked = sorted(positions)
    numbered = {number: note for label, note in footnotes.items() if (number := footnote_number(label)) is not None}
    insertions: list[tuple[int, int, int]] = []
    for number in sorted(set(numbered) - set(positions)):
        if not _URL.search(numbered[number]):
            continue
        words = _url_words(numbered[number])
        at = bisect.bisect_left(marked, number)
        low = positions[marked[at - 1]] if at else (0, 0)
        high = positions[marked[at]] if at < len(marked) else (len(paragraphs) - 1, len(paragraphs[-1]))
        best: tuple[int, int, int] | None = None
        for index, start, end in _sentences_between(paragraphs, low, high):
            score = _score(words, paragraphs[index][start:end])
            if score >= MIN_SCORE and (best is None or score > best[0]):
                best = (score, index, end)
        if best is not None:
            insertions.append((best[1], best[2], number))
    texts = list(paragraphs)
    for index, end, number in sorted(insertions, reverse=True):
        texts[index] = texts[index][:end] + mark(number) + texts[index][end:]
    return texts


def _stem(word: str) -> str:
    word = word.lower()
    return word[:-1] if len(word) > 4 and word.endswith("s") else word


def _url_words(footnote: str) -> set[str]:
    words: set[str] = set()
    for url in _URL.findall(footnote):
        words |= {_stem(w) for w in _WORD.findall(url)} - _URL_STOP_WORDS
    return words


def _score(url_words: set[str], sentence: str) -> int:
    """Shared words of a sentence and a URL, each once; a capitalised word of the sentence counts twice."""
    score = 0
    left = set(url_words)
    for word in _WORD.findall(MARK.sub("", sentence)):
        if _stem(word) in left:
            score += 2 if word[0].isupper() else 1
            left.discard(_stem(word))
    return score


def _sentences_between(texts: list[str], low: tuple[int, int], high: tuple[int, int]) -> list[tuple[int, int, int]]:
    """(paragraph index, start, end) of every sentence between two positions (paragraph index, offset)."""
    (low_index, low_offset), (high_index, high_offset) = low, high
    spans = []
    for index in range(low_index, high_index + 1):
        text = texts[index]
        first = low_offset if index == low_index else 0
        last = high_offset if index == high_index else len(text)
        start = first
        for end in _SENTENCE_END.finditer(text, first, last):
            spans.append((index, start, end.end()))
            start = end.end()
        if text[start:last].strip():
            spans.append((index, start, last))
    return spans

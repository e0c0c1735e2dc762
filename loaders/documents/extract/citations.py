"""Citations: each URL of a footnote, cited by the passage carrying the footnote's mark, documenting the
entity whose name ends right before the mark ("the Budapest Process²⁴" → the Budapest Process)."""

from __future__ import annotations

import re

from gcmkg.loaders.documents.facts import Citation
from gcmkg.loaders.documents.matcher import Match
from gcmkg.loaders.documents.segmenting import Footnote, Passage

_URL = re.compile(r"https?://[^\s<>\"]+")
_TRAILING = ".,;:)]'\""
MAX_GAP = 2


def urls(text: str) -> list[str]:
    """The URLs of a footnote, without trailing punctuation; a URL with unbalanced parentheses keeps its own."""
    found = []
    for match in _URL.finditer(text):
        url = match.group(0)
        while url and url[-1] in _TRAILING and not (url[-1] == ")" and url.count("(") >= url.count(")")):
            url = url[:-1]
        if url not in found:
            found.append(url)
    return found


def citations(footnotes: list[Footnote], passages: list[Passage], mentions: dict[int, list[Match]]) -> list[Citation]:
    """One citation per footnote URL; ``mentions`` maps passage number → its name matches (document offsets)."""
    citing: dict[int, tuple[Passage, int]] = {}
    for passage in passages:
        for ref in passage.refs:
            citing.setdefault(ref.number, (passage, ref.offset))
    found: list[Citation] = []
    for footnote in footnotes:
        passage, offset = citing.get(footnote.number, (None, -1))
        documented = None
        if passage is not None:
            before = [m for m in mentions.get(passage.number, []) if 0 <= offset - m.end <= MAX_GAP]
            documented = before[-1].entity.iri if before else None
        for index, url in enumerate(urls(footnote.text), start=1):
            found.append(Citation(url, index, footnote, passage, documented))
    return found

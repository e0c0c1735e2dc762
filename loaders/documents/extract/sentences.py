"""Split passage text into sentences, keeping each sentence's offset."""

from __future__ import annotations

import re
from collections.abc import Iterator

_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]”\"])(?<!\bMs)(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<!\bNo)[.?!;]\s+(?=[A-Z])")


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """(offset, sentence) pairs covering ``text``; honorifics such as "Ms." do not end a sentence."""
    position = 0
    for match in _SENTENCE_END.finditer(text):
        yield position, text[position : match.start() + 1]
        position = match.end()
    if position < len(text):
        yield position, text[position:]

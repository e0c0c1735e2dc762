"""Page furniture: the running headers and footers a document repeats on its pages, found by repetition.

A line among the first or last ``EDGE_LINES`` lines of a page is furniture when

- the same line, numbers ignored and words in any order, stands there on several pages: "ECE/GCM/2028/3" with
  a page number on the left on even pages and on the right on odd ones, "GE.28-04117(E)" at every foot; or
- it holds a code that stands there on several pages: a document symbol or job number (letters, digits and
  ``/``, ``.`` or ``(``), so the header under a page's first line and the masthead line of page 1 that carry
  the same symbol go too, even in a document of two pages.

No list of strings: a document's own repetition decides, so a header never seen before is recognised all
the same.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

EDGE_LINES = 3
#: A line is furniture when it repeats on at least this share of the pages (and on two pages at least):
#: headers alternate between even and odd pages, and the first page carries a masthead instead.
REPEATED_SHARE = 0.4
_NUMBER = re.compile(r"\d+")
_CODE = re.compile(r"^(?=\S*\d)(?=\S*[A-Za-z])(?=\S*[/.(])\S{5,}$")


def _shape(line: str) -> frozenset[str]:
    """The line's words with every number replaced by ``#``, in no order."""
    return frozenset(_NUMBER.sub("#", line).split())


def _codes(line: str) -> set[str]:
    return {word.strip(",;") for word in line.split() if _CODE.match(word.strip(",;"))}


@dataclass(frozen=True)
class Furniture:
    """The shapes of the lines and the codes repeated at the top or foot of a document's pages."""

    shapes: frozenset[frozenset[str]] = frozenset()
    codes: frozenset[str] = frozenset()

    def covers(self, line: str) -> bool:
        """True if ``line`` (standing at a page's top or foot) is a repeated header or footer line."""
        return _shape(line) in self.shapes or bool(self.codes & _codes(line))


def furniture(pages: Sequence[Sequence[str]]) -> Furniture:
    """What repeats at the top or foot of the pages (module docstring)."""
    if len(pages) < 2:
        return Furniture()
    shapes: Counter[frozenset[str]] = Counter()
    codes: Counter[str] = Counter()
    for lines in pages:
        edges = edge_lines(lines)
        shapes.update({_shape(line) for line in edges})
        codes.update(set().union(*map(_codes, edges)) if edges else set())
    threshold = max(2, math.ceil(REPEATED_SHARE * len(pages)))
    return Furniture(
        frozenset(shape for shape, count in shapes.items() if count >= threshold and shape),
        frozenset(code for code, count in codes.items() if count >= threshold),
    )


def edge_lines(lines: Sequence[str]) -> list[str]:
    """The first and last EDGE_LINES filled lines of a page."""
    filled = [line for line in lines if line.strip()]
    return filled[:EDGE_LINES] + filled[-EDGE_LINES:]

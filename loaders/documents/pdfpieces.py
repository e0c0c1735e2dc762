"""Text pieces of a PDF page, as pypdf reports them, and the lines they make.

Each piece has its start, baseline and font size in page space. Pieces whose baselines differ by at most
SAME_LINE_SHARE of the larger size stand on one line, so a raised footnote mark joins the line it is raised
above; digits set at most MARK_SHARE of their line's size are footnote marks, written as superscript digits
glued to the word or punctuation before them ("online.¹"), as the text documents write them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

#: A mark is set at most this share of its line's size.
MARK_SHARE = 0.8
#: Pieces whose baselines differ by at most this share of the larger size stand on one line.
SAME_LINE_SHARE = 0.5
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
#: Typographic ligatures some producers leave in the text layer, as their letters.
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})


@dataclass
class Piece:
    """A run of text as pypdf reports it: its baseline, font size and order in the content stream."""

    text: str
    x: float
    y: float
    size: float
    order: int


@dataclass
class Line:
    pieces: list[Piece] = field(default_factory=list)

    @property
    def main(self) -> Piece:
        """The piece set largest: its baseline is the line's."""
        return max(self.pieces, key=lambda piece: (piece.size, len(piece.text.strip())))

    @cached_property
    def size(self) -> float:
        """The size most of the line's characters are set in (read once the line is whole)."""
        weights: Counter[float] = Counter()
        for piece in self.pieces:
            weights[round(piece.size, 1)] += len(piece.text.strip())
        return weights.most_common(1)[0][0]

    def is_mark(self, piece: Piece) -> bool:
        """True if ``piece`` is a footnote mark: digits set smaller than the line."""
        return piece.text.strip().isdigit() and piece.size <= MARK_SHARE * self.size

    def starts(self) -> list[Piece]:
        """The pieces that start text of their own on the line: not marks, nor what goes on after a mark."""
        ordered = sorted(self.pieces, key=lambda piece: piece.order)
        return [
            piece
            for index, piece in enumerate(ordered)
            if not self.is_mark(piece) and not (index and self.is_mark(ordered[index - 1]))
        ]

    @property
    def text(self) -> str:
        """The line's text, digits set smaller than the line written as superscripts."""
        parts = []
        for piece in sorted(self.pieces, key=lambda piece: piece.order):
            mark = piece.text.strip()
            if self.is_mark(piece):
                if parts:  # a mark is glued to the word or punctuation it follows
                    parts[-1] = parts[-1].rstrip()
                parts.append(mark.translate(SUPERSCRIPT))
            else:
                parts.append(piece.text)
        text = re.sub(r"[ \t]+", " ", "".join(parts).translate(_LIGATURES)).strip()
        return re.sub("\u00ad(?!$)", "", text)  # a soft hyphen inside a line is no character


def _product(first: Sequence[float], second: Sequence[float]) -> list[float]:
    """The product of two PDF transformation matrices [a b c d e f]."""
    a1, b1, c1, d1, e1, f1 = first
    a2, b2, c2, d2, e2, f2 = second
    return [
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    ]


@dataclass(frozen=True)
class Page:
    """A page's text pieces and its width in points."""

    pieces: list[Piece]
    width: float


def page_pieces(page: Any) -> Page:
    """The text pieces of a pypdf page with their starts, baselines and sizes in page space."""
    pieces: list[Piece] = []

    def visit(text: str, cm: Sequence[float], tm: Sequence[float], _font: Any, size: float) -> None:
        text = text.replace("\n", " ")  # pypdf ends a run with a line break where the next stands apart
        if not text:
            return
        matrix = _product(tm, cm)
        scale = (matrix[2] ** 2 + matrix[3] ** 2) ** 0.5 or 1.0
        if not text.strip() and pieces:
            pieces[-1].text += text
            return
        pieces.append(Piece(text, matrix[4], matrix[5], abs(size * scale), len(pieces)))

    page.extract_text(visitor_text=visit)
    return Page(pieces, float(page.mediabox.width))


def lines_of(pieces: Iterable[Piece]) -> list[Line]:
    """Pieces → lines, top of the page first."""
    lines: list[Line] = []
    for piece in sorted(pieces, key=lambda piece: (-piece.y, piece.order)):
        if lines:
            main = lines[-1].main
            if abs(main.y - piece.y) <= SAME_LINE_SHARE * max(main.size, piece.size):
                lines[-1].pieces.append(piece)
                continue
        lines.append(Line([piece]))
    return [line for line in lines if line.text]

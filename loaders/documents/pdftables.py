"""Tables on a PDF page → rows of tab-separated cells, as the text documents write them.

A line is part of a table when text on it starts well to the right of the body's left edge (COLUMN_SHARE of
the text width or more) where text starts on another line of the page too, in a column, as an agenda's
"Member State speaker | Ms. X, title …" does (text that goes on after a footnote mark starts mid-line, at a
place no other line shares); a run of such lines is a table only if one of them has text in the first
column too (a paragraph indented as a whole is not). Next
lines belong to the same table while they follow without a paragraph gap and are columnar too, or start at
the left edge (a first cell that wraps). A row ends before a line whose first column is filled after a line
whose first column was empty, or after a gap wider than ROW_GAP of the table's own line spacing. Each
column's lines are joined into one cell; the cells of a row are written with tabs between them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from gcmkg.loaders.documents.pdfpieces import Line, Piece

#: Text this share of the text width right of the left edge stands in a column of its own (a paragraph
#: number's tab, about 0.07, does not).
COLUMN_SHARE = 0.12
#: Pieces whose starts lie this close (in points) are in one column.
COLUMN_SLACK = 6.0
#: A gap between two lines of a table this much larger than the line spacing starts a new row.
ROW_GAP = 1.1


@dataclass(frozen=True)
class Grid:
    """Where a document's columns may start: its left edge and the start of any column right of the first."""

    left: float
    column_start: float
    aligned: frozenset[int] = frozenset()
    """Starts (rounded) right of the first column that two lines or more of the page share."""

    def later(self, piece: Piece) -> bool:
        return piece.x - self.left >= self.column_start and any(
            abs(round(piece.x) - start) <= COLUMN_SLACK for start in self.aligned
        )

    def columnar(self, line: Line) -> bool:
        return any(self.later(piece) for piece in line.starts())

    def two_columns(self, line: Line) -> bool:
        """True if the line has text in the first column and in a later one: a table row."""
        starts = line.starts()
        return any(self.later(piece) for piece in starts) and any(not self.later(piece) for piece in starts)

    def on_page(self, lines: Sequence[Line]) -> Grid:
        """This grid with the column starts that lines of one page share."""
        starts: dict[int, int] = {}
        for line in lines:
            for start in {round(p.x) for p in line.starts() if p.x - self.left >= self.column_start}:
                starts[start] = starts.get(start, 0) + 1
        return Grid(self.left, self.column_start, frozenset(x for x, count in starts.items() if count >= 2))

    def at_left(self, line: Line) -> bool:
        return abs(min(piece.x for piece in line.pieces) - self.left) <= COLUMN_SLACK


def grid(lines: Sequence[Line], width: float) -> Grid:
    """The grid of a document whose body lines are ``lines`` on pages ``width`` points wide."""
    starts: dict[float, int] = {}
    for line in lines:
        start = round(min(piece.x for piece in line.pieces))
        starts[start] = starts.get(start, 0) + len(line.text)
    left = max(starts, key=lambda x: (starts[x], -x)) if starts else 0.0
    return Grid(left, COLUMN_SHARE * max(width - 2 * left, 1.0))


def with_tables(
    lines: Sequence[Line], layout: Grid, spacing: float, paragraph_gap: float, join: Callable[[str, str], str]
) -> list[Line | str]:
    """The lines of a page, each run of table lines replaced by its rows (strings of tab-separated cells)."""
    found: list[Line | str] = []
    layout = layout.on_page(lines)
    index = 0
    while index < len(lines):
        if not layout.columnar(lines[index]):
            found.append(lines[index])
            index += 1
            continue
        end = index + 1
        while (
            end < len(lines)
            and lines[end - 1].main.y - lines[end].main.y <= paragraph_gap * spacing
            and (layout.columnar(lines[end]) or layout.at_left(lines[end]))
        ):
            end += 1
        if any(layout.two_columns(line) for line in lines[index:end]):
            found += _rows(lines[index:end], layout, spacing, join)
        else:  # text indented as a whole (a quotation, a sub-list) is no table
            found += lines[index:end]
        index = end
    return found


def _rows(lines: Sequence[Line], layout: Grid, spacing: float, join: Callable[[str, str], str]) -> list[str]:
    columns = sorted({round(p.x) for line in lines for p in line.pieces if layout.later(p)})
    starts = [layout.left] + [x for i, x in enumerate(columns) if i == 0 or x - columns[i - 1] > COLUMN_SLACK]
    rows: list[list[str]] = []
    previous: Line | None = None
    gaps = [upper.main.y - lower.main.y for upper, lower in zip(lines, lines[1:], strict=False)]
    spacing = min([gap for gap in gaps if gap > 0] or [spacing])  # the table's own line spacing
    for line in lines:
        cells = _cells(line, starts)
        new_row = previous is None or previous.main.y - line.main.y > ROW_GAP * spacing
        if not new_row and cells[0] and not _cells(previous, starts)[0]:  # type: ignore[arg-type]
            new_row = True
        if new_row:
            rows.append(cells)
        else:
            rows[-1] = [join(old, new) if old and new else old or new for old, new in zip(rows[-1], cells, strict=True)]
        previous = line
    return ["\t".join(cells).rstrip("\t") if any(cells[1:]) else cells[0] for cells in rows]


def _cells(line: Line, starts: Sequence[float]) -> list[str]:
    """The line's text in each column (empty where the column holds nothing on this line)."""
    cells = [""] * len(starts)
    for piece in sorted(line.pieces, key=lambda piece: piece.order):
        column = max(i for i, start in enumerate(starts) if piece.x >= start - COLUMN_SLACK or i == 0)
        cells[column] = f"{cells[column]}{piece.text}"
    return [" ".join(cell.split()) for cell in cells]

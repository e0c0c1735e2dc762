"""Read a curated CSV file (reference data, corpus manifest) strictly.

Exact header, every cell present, errors naming the file and line.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from gcmkg.graph.core.errors import TableError

LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Row:
    """One data row of a curated file, with its line number for error messages."""

    path: Path
    line: int
    values: dict[str, str]

    def text(self, column: str) -> str:
        """A required, non-empty cell."""
        value = self.values[column]
        if not value:
            raise self.error(f"column '{column}' is empty")
        return value

    def items(self, column: str) -> list[str]:
        """A list cell ('a;b;c'); empty cell gives an empty list."""
        value = self.values[column]
        parts = [part.strip() for part in value.split(LIST_SEPARATOR)] if value else []
        if any(not part for part in parts):
            raise self.error(f"column '{column}' has an empty item in {value!r}")
        return parts

    def integer(self, column: str) -> int:
        value = self.text(column)
        try:
            return int(value)
        except ValueError:
            raise self.error(f"column '{column}' should be a whole number, not {value!r}") from None

    def choice(self, column: str, allowed: Sequence[str]) -> str:
        value = self.text(column)
        if value not in allowed:
            raise self.error(f"column '{column}' is {value!r}; expected one of {', '.join(allowed)}")
        return value

    def error(self, message: str) -> TableError:
        return TableError(f"{self.path}:{self.line}: {message}")


def read_table(path: Path, columns: Sequence[str]) -> list[Row]:
    """All rows of a UTF-8 CSV file whose header is exactly ``columns``."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle, strict=True)
            header = next(reader, None)
            if header != list(columns):
                raise TableError(
                    f"{path}:1: header is {header}; expected {list(columns)}",
                    hint="see the README beside the file for its columns",
                )
            rows = []
            for cells in reader:
                if not any(cells):
                    continue
                if len(cells) != len(columns):
                    raise TableError(f"{path}:{reader.line_num}: {len(cells)} cells; expected {len(columns)}")
                values = {name: cell.strip() for name, cell in zip(columns, cells, strict=True)}
                rows.append(Row(path=path, line=reader.line_num, values=values))
            if not rows:
                raise TableError(f"{path}: no data rows")
    except FileNotFoundError:
        raise TableError(f"{path}: file is missing") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise TableError(f"{path}: not a valid UTF-8 CSV file ({exc})") from None
    return rows


def unique(rows: Sequence[Row], column: str) -> None:
    """Fail on the first row whose ``column`` value repeats an earlier row's."""
    seen: dict[str, int] = {}
    for row in rows:
        key = row.values[column].casefold()
        if key in seen:
            raise row.error(f"{column} {row.values[column]!r} repeats line {seen[key]}")
        seen[key] = row.line

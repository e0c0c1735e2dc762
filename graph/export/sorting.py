"""Sort lines larger than memory: sorted runs in anonymous scratch files, merged (an external merge sort).

An export sorts every statement of the build; at a million statements the lines alone are hundreds of MB as Python
objects. Lines are gathered ``RUN_LINES`` at a time, each run sorted and written to a scratch file beside the
export (``graph/core/atomic.py``: unnamed, so a killed export leaves nothing), and the runs merged. The memory
used is one run, whatever the number of lines.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import BinaryIO

from gcmkg.graph.core.atomic import scratch_file
from gcmkg.graph.core.errors import OutputError

RUN_LINES = 100_000  # lines sorted in memory at a time


class SortedLines:
    """Lines (bytes, each ending in a newline) given with ``add``, read back sorted and without repeats by
    ``unique``, as often as needed. A context manager: the scratch files are closed (and so gone) at its end."""

    def __init__(self, folder: Path, run_lines: int | None = None) -> None:
        self._folder = folder
        self._run_lines = run_lines or RUN_LINES
        self._runs: list[BinaryIO] = []

    def __enter__(self) -> SortedLines:
        return self

    def __exit__(self, *_: object) -> None:
        for run in self._runs:
            run.close()
        self._runs.clear()

    def add(self, lines: Iterable[bytes]) -> None:
        """Take ``lines`` (an iterator is read once, a run at a time)."""
        iterator = iter(lines)
        while run := sorted(islice(iterator, self._run_lines)):
            scratch = scratch_file(self._folder)
            self._runs.append(scratch)
            try:
                scratch.writelines(run)
            except OSError as exc:  # a full disk, most likely
                raise OutputError(f"{self._folder}: no room to sort the export ({exc.strerror or exc})") from exc

    def unique(self) -> Iterator[bytes]:
        """Every line given, sorted (bytewise: code point order for UTF-8), each once."""
        for run in self._runs:
            run.seek(0)
        previous = None
        for line in heapq.merge(*self._runs):
            if line != previous:
                yield line
                previous = line

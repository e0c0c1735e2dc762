"""A time bound per document: reading and extracting a document may take ``BASE_SECONDS`` plus
``SECONDS_PER_MB`` per megabyte of its file, else it is skipped (the build goes on and exits 5).

Extraction is meant to be linear in a document's size: the corpus's largest document (0.16 MB) repeated up
to 8 times took 14-18 s per MB on a loaded 2-core machine (tests/benchmarks/document_size.py), so the bound
leaves about twice that; it stops a document that is not linear (a pathological layout, a rule that
backtracks) from holding up the build. It is enforced with SIGALRM, so
only in the main thread of a Unix process (elsewhere, documents are not bounded); a regular expression
running in C notices the alarm only when it returns.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

BASE_SECONDS = 10.0
SECONDS_PER_MB = 30.0


class DocumentTooSlow(Exception):
    """A document took longer than its bound."""


def bound_for(path: Path) -> float:
    """The seconds the document at ``path`` may take, by the size of its file."""
    return BASE_SECONDS + SECONDS_PER_MB * path.stat().st_size / 1_000_000


@contextlib.contextmanager
def bounded(seconds: float) -> Iterator[None]:
    """Raise DocumentTooSlow in the block if it runs longer than ``seconds`` (main thread only)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise DocumentTooSlow(f"took longer than {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

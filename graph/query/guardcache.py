"""Remember what a cold ``gcmkg query`` would otherwise work out again on every run: the guard's verdict on a
stored query, and a stored query file's parsed metadata.

Loading rdflib's SPARQL parser costs a cold ``gcmkg query`` about three times its own run time, and loading the
YAML parser for the catalogue's ``#+`` metadata a tenth of it. Each answer depends only on its input text and
the code that computes it (``guard.py``; ``catalogue.py``), so it is kept in ``$XDG_CACHE_HOME/gcmkg/KIND/``
(``~/.cache`` by default), in a file named by the SHA-256 of both; changing the input or that code gives
another name, and the answer is computed again. Only successes are remembered: an input that fails is checked
(and fails) every time. A cache that cannot be written is no error: the answer is then computed on every run.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from gcmkg.graph.core.errors import OutputError

_GUARD_SOURCE = Path(__file__).with_name("guard.py")


def cache_dir(kind: str = "guard") -> Path:
    """Where answers of ``kind`` are kept: ``$XDG_CACHE_HOME/gcmkg/KIND``, else ``~/.cache/gcmkg/KIND``."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "gcmkg" / kind


def _key(text: str, code: Path) -> str:
    digest = hashlib.sha256(code.read_bytes())
    digest.update(b"\0" + text.encode("utf-8"))
    return digest.hexdigest()


def remembered(
    text: str, check: Callable[[str], str], code: Path = _GUARD_SOURCE, kind: str = "guard", suffix: str = ".rq"
) -> str:
    """``check(text)`` (a string, or an exception), answered from the cache of ``kind`` when ``text`` passed
    before with the same ``code`` (the source file of ``check``); by default, the guard's verdicts."""
    path = cache_dir(kind) / f"{_key(text, code)}{suffix}"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    checked = check(text)
    from gcmkg.graph.core.atomic import write_atomically  # only on a miss: tempfile and its imports cost a hit

    try:
        write_atomically(path, checked.encode("utf-8"))
    except (OSError, OutputError):
        pass
    return checked

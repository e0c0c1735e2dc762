"""Remember the stored queries the guard let through, so a cold ``gcmkg query`` need not load a SPARQL parser.

Loading rdflib's SPARQL parser costs a cold ``gcmkg query`` about three times its own run time. The
guard's verdict depends only on the query text and the guard's own code, so the text it let through is
kept in ``$XDG_CACHE_HOME/gcmkg/guard/`` (``~/.cache`` by default), in a file named by the SHA-256 of
both; changing the query or the guard gives another name, and the query is checked again. Only passes
are remembered: a refused query is checked (and refused) every time. A cache that cannot be written
is no error: the query is then checked on every run.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from gcmkg.graph.core.atomic import write_atomically
from gcmkg.graph.core.errors import OutputError

_GUARD_SOURCE = Path(__file__).with_name("guard.py")


def cache_dir() -> Path:
    """Where verdicts are kept: ``$XDG_CACHE_HOME/gcmkg/guard``, else ``~/.cache/gcmkg/guard``."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "gcmkg" / "guard"


def _key(text: str) -> str:
    digest = hashlib.sha256(_GUARD_SOURCE.read_bytes())
    digest.update(b"\0" + text.encode("utf-8"))
    return digest.hexdigest()


def remembered(text: str, check: Callable[[str], str]) -> str:
    """``check(text)`` (the text to run, or an exception), answered from the cache when ``text`` passed before."""
    path = cache_dir() / f"{_key(text)}.rq"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    checked = check(text)
    try:
        write_atomically(path, checked.encode("utf-8"))
    except (OSError, OutputError):
        pass
    return checked

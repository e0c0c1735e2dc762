"""Write files atomically: a crash or a full disk leaves the previous file intact.

A file is written in two steps: ``write_temporary`` puts the bytes in a temporary file beside the
target and fsyncs it (a full disk fails here, before anything is replaced); ``commit`` renames
temporaries over their targets. Between the two the caller may check what it wrote (``gcmkg export``
re-reads it). ``write_atomically`` does both for one file; ``write_temporary_with`` streams what it writes.

Temporaries are named ``.NAME.PID.XXXX.tmp`` (``.bak`` for backups): the next write of ``NAME`` removes
those whose process is gone (a run that was killed), never those of a run still writing.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import BinaryIO

from gcmkg.graph.core.errors import OutputError


def _output_error(path: Path, exc: OSError) -> OutputError:
    return OutputError(f"{path}: could not be written ({exc.strerror or exc})")


def _mode_for(path: Path) -> int:
    """The permissions ``path`` gets: those of the file it replaces, else what a new file gets under the umask
    (mkstemp's temporaries are 0600, which would make a shared export unreadable to others)."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _temporary(path: Path, suffix: str, fill: Callable[[Path], None]) -> Path:
    """A new hidden file beside ``path``, named after it, with the permissions ``path`` is to have, filled by
    ``fill``; OutputError (and no file left) if it cannot be made or filled."""
    temporary: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(path)
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=suffix, dir=path.parent)
        os.fchmod(handle, _mode_for(path))
        os.close(handle)
        temporary = Path(name)
        fill(temporary)
    except OSError as exc:
        discard([temporary] if temporary else [])
        raise _output_error(path, exc) from exc
    except BaseException:  # what ``fill`` read failed, or an interrupt: no half-written temporary stays behind
        discard([temporary] if temporary else [])
        raise
    return temporary


def _alive(pid: int) -> bool:
    """Whether a process with this id exists (one of another user counts as alive)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_leftovers(path: Path) -> None:
    """Remove the temporaries and backups of ``path`` that a killed run left beside it (their process is gone)."""
    prefix = f".{path.name}."
    for entry in path.parent.glob(f"{glob.escape(prefix)}*"):
        pid, _, rest = entry.name[len(prefix) :].partition(".")
        if pid.isdigit() and rest.endswith((".tmp", ".bak")) and not _alive(int(pid)):
            entry.unlink(missing_ok=True)


def write_temporary(path: Path, data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path`` and fsync it; OutputError (and no file left) on failure."""
    return write_temporary_with(path, lambda stream: stream.write(data))


def write_temporary_with(path: Path, write: Callable[[BinaryIO], object]) -> Path:
    """A temporary file beside ``path`` that ``write`` filled (streaming: the content need not fit in memory),
    fsynced; OutputError if it cannot be written, and no file left if ``write`` fails in any way."""

    def fill(temporary: Path) -> None:
        with temporary.open("wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())

    return _temporary(path, ".tmp", fill)


def scratch_file(folder: Path) -> BinaryIO:
    """An anonymous file in ``folder`` for intermediate data too large for memory (sorted runs of an export): it
    has no name, so nothing is left behind whatever happens to the process; OutputError if it cannot be made."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return tempfile.TemporaryFile(dir=folder)
    except OSError as exc:
        raise _output_error(folder, exc) from exc


def discard(temporaries: Iterable[Path]) -> None:
    """Remove temporary files that are still there (after a commit they are not)."""
    for temporary in temporaries:
        temporary.unlink(missing_ok=True)


def commit(renames: Sequence[tuple[Path, Path]]) -> None:
    """Rename each ``(temporary, target)`` in order. If a rename fails, the targets already replaced get their
    previous content back (or are removed if they were new), the temporaries are removed, and OutputError
    names the target that failed. (A crash between two renames can still leave the first one done.)"""
    backups: dict[Path, Path | None] = {}
    replaced: list[Path] = []
    try:
        for _, target in renames[:-1]:  # the last rename is never undone: it needs no backup
            backups[target] = _backup(target)
        for temporary, target in renames:
            try:
                os.replace(temporary, target)
            except OSError as exc:
                raise _output_error(target, exc) from exc
            replaced.append(target)
    except BaseException:
        for target in reversed(replaced):
            _restore(target, backups[target])
        raise
    finally:
        discard([temporary for temporary, _ in renames])
        discard([backup for backup in backups.values() if backup])


def _backup(target: Path) -> Path | None:
    """A copy of ``target`` beside it, to put back if a later rename fails; None if there is no target yet."""
    if not target.exists():
        return None
    return _temporary(target, ".bak", lambda backup: _copy(target, backup))


def _copy(source: Path, copy: Path) -> None:
    shutil.copyfile(source, copy)


def _restore(target: Path, backup: Path | None) -> None:
    """Put ``target`` back as it was before ``commit`` replaced it (as far as the file system lets us)."""
    with contextlib.suppress(OSError):
        if backup is None:
            target.unlink()
        else:
            os.replace(backup, target)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, fsync it, then rename it over ``path``."""
    commit([(write_temporary(path, data), path)])


def write_streamed(path: Path, fill: Callable[[BinaryIO], object]) -> None:
    """Like ``write_atomically``, for a file too large to hold: ``fill`` writes it into the open temporary."""
    commit([(write_temporary_with(path, fill), path)])

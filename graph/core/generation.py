"""A build folder as generations: one build at a time, published whole, so readers see the old build or the new.

Layout of a build folder ``B``::

    B/gcmkg.trig        -> .gcmkg/current/gcmkg.trig     (one link per entry of a generation,
    B/gcmkg.ttl         -> .gcmkg/current/gcmkg.ttl       files and directories alike)
    B/build-report.json -> .gcmkg/current/build-report.json
    B/.gcmkg/lock                 held (flock) by the one build writing into B
    B/.gcmkg/current    -> generations/NAME
    B/.gcmkg/generations/NAME/    everything one build wrote

``new_generation(B)`` locks ``B`` (a second build into it fails at once with OutputError), removes what a
killed build left (generations that are not current), and gives an empty folder to write the whole build
into. When the build succeeds, every file of it is fsynced and one ``rename`` of the ``current`` link
publishes it; a crash before that rename leaves the old build, after it the new one. Readers find the
generation to read through ``current(B)``, resolved once, so the files they read belong together.
A build folder from before generations (plain files) is converted by its next build.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from gcmkg.graph.core.errors import OutputError

CONTROL_DIR = ".gcmkg"
_GENERATIONS = "generations"
_CURRENT = "current"
_LOCK = "lock"


def current(folder: Path) -> Path:
    """The folder holding the current generation of the build folder ``folder`` (``folder`` itself for a build
    written before generations, or when it has none yet)."""
    link = folder / CONTROL_DIR / _CURRENT
    return Path(os.path.realpath(link)) if link.is_dir() else folder


@contextlib.contextmanager
def new_generation(folder: Path) -> Iterator[Path]:
    """Lock ``folder`` and yield an empty directory for the next build; publish it when the block ends normally.

    If the block raises, the new generation is removed and the previous build stays as it was (a folder
    this call created is removed again). OutputError if another process is building into ``folder``.
    """
    created = not folder.exists()
    control = folder / CONTROL_DIR
    try:
        (control / _GENERATIONS).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot be written ({exc.strerror or exc})") from exc
    with _locked(control / _LOCK, folder):
        _remove_leftovers(control)
        generation = Path(tempfile.mkdtemp(prefix="g-", dir=control / _GENERATIONS))
        generation.chmod(0o777 & ~_umask())  # mkdtemp's 0700 would hide a shared build from others
        try:
            yield generation
            _publish(folder, generation)
        except BaseException:
            shutil.rmtree(generation, ignore_errors=True)
            if created:
                shutil.rmtree(folder, ignore_errors=True)
            raise


@contextlib.contextmanager
def _locked(lock: Path, folder: Path) -> Iterator[None]:
    """Hold an exclusive flock on ``lock`` (released when the process ends, however it ends)."""
    handle = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(handle, 32, 0).decode("ascii", errors="replace").strip() or "another process"
            raise OutputError(
                f"{folder}: another gcmkg build is writing into this folder (process {holder})",
                hint="wait for it to finish, or build into another folder with -o",
            ) from None
        os.ftruncate(handle, 0)
        os.pwrite(handle, str(os.getpid()).encode("ascii"), 0)
        yield
    finally:
        os.close(handle)


def _umask() -> int:
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


def _remove_leftovers(control: Path) -> None:
    """Remove every generation but the current one: what a build that was killed (or replaced) left behind."""
    keep = current(control.parent)
    for entry in (control / _GENERATIONS).iterdir():
        if entry.resolve() != keep:
            shutil.rmtree(entry, ignore_errors=True)
    for entry in control.glob(f".{_CURRENT}.*"):  # a link made but not yet renamed into place
        entry.unlink(missing_ok=True)


def _fsync_tree(root: Path) -> None:
    """fsync every file and directory under ``root`` (and ``root``), so a rename of it publishes written data."""
    for directory, _, files in os.walk(root):
        for name in files:
            fd = os.open(os.path.join(directory, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        _fsync_dir(Path(directory))


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _replace_with_link(path: Path, target: str) -> None:
    """Make ``path`` a symbolic link to ``target``, atomically replacing a file or link that is there."""
    if path.is_symlink() and os.readlink(path) == target:
        return
    if path.is_dir() and not path.is_symlink():  # a directory of a build before generations
        shutil.rmtree(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.link")
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(target)
    os.replace(temporary, path)


def _publish(folder: Path, generation: Path) -> None:
    """Make ``generation`` the current build of ``folder``: one rename, then tidy the links and old generations."""
    control = folder / CONTROL_DIR
    previous = current(folder)
    generation = generation.resolve()
    names = sorted(entry.name for entry in generation.iterdir())
    _fsync_tree(generation)
    # links for new entries first: they dangle (harmlessly) until the rename below makes them resolve
    for name in names:
        if not (folder / name).exists() and not (folder / name).is_symlink():
            _replace_with_link(folder / name, f"{CONTROL_DIR}/{_CURRENT}/{name}")
    switch = control / f".{_CURRENT}.{os.getpid()}"
    switch.unlink(missing_ok=True)
    switch.symlink_to(f"{_GENERATIONS}/{generation.name}")
    os.replace(switch, control / _CURRENT)  # the one step that publishes the new build
    _fsync_dir(control)
    for name in names:  # plain files of a build before generations become links
        _replace_with_link(folder / name, f"{CONTROL_DIR}/{_CURRENT}/{name}")
    prefix = f"{CONTROL_DIR}/{_CURRENT}/"
    for entry in folder.iterdir():  # links to what the new generation no longer has
        if entry.is_symlink() and os.readlink(entry).startswith(prefix) and entry.name not in names:
            entry.unlink()
    _fsync_dir(folder)
    if previous not in (folder, generation):
        shutil.rmtree(previous, ignore_errors=True)

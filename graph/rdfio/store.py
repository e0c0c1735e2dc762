"""The Oxigraph store queries run on: the persistent one a build folder holds, or the build read into memory.

The query engine is Oxigraph's: measured on GCM-shaped graphs it answered joins and GROUP BY
counts far faster than rdflib's own SPARQL engine (tests/benchmarks/README.md).

Queries run over the store's default graph, which holds the RDF merge of the named graphs: each triple
once. Oxigraph 0.5's own union default graph yields a triple once per graph holding it
(oxigraph/oxigraph#1919, fixed after 0.5.13), so a triple stated by ten documents multiplied every join it
took part in by ten: on a corpus ten times the shared one, ``viz participation`` ran past its 60 s limit
instead of a second (tests/benchmarks/README.md).

**Opened, not re-read.** ``gcmkg build`` leaves beside ``gcmkg.trig`` a persistent store (``STORE_DIR``: an
on-disk Oxigraph database and a stamp naming the dataset file it was made from: its SHA-256, size and
modification time, the store format and the pyoxigraph version). A query opens it read-only, in
milliseconds and a few MB whatever the build's size, instead of loading the whole file. A store that is
missing or stale (the stamp does not match ``gcmkg.trig``: an older gcmkg or pyoxigraph made it, or the file
changed) is made again by the first query that needs it, with a note on stderr; if it cannot be written
there (a read-only folder), that query reads the file into memory, as the note says. The file's hash is
computed only when its size or modification time differ from the stamp's.

``--no-inferred`` opens a second store of the same kind, ``ASSERTED_STORE_DIR``: the named graphs without
graph:inferred, their union (each triple once) in its default graph; the first ``--no-inferred`` query makes it
(with a note), since most never need it. An RDF file given directly (an export, a fixture) is read into an
in-memory store, as before.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from itertools import islice
from pathlib import Path

import pyoxigraph as ox
from pyoxigraph import NamedNode, RdfFormat, Store

from gcmkg.graph.core.defaults import DEFAULT_BUILD_DIR
from gcmkg.graph.core.errors import BuildNotFoundError, DataError
from gcmkg.graph.core.generation import current
from gcmkg.graph.core.ids import named_graph
from gcmkg.graph.core.layout import ASSERTED_STORE_DIR, DATASET_FILE, INFERRED_GRAPH, REPORT_FILE, STORE_DIR
from gcmkg.graph.rdfio.entities import refuse_entity_expansion
from gcmkg.graph.rdfio.suffixes import rdf_format

# The RDF merge of the named graphs into the default graph (SPARQL 1.1 Update).
MERGE_NAMED_GRAPHS = Path(__file__).with_name("union.ru")

STORE_FORMAT = 1  # raise when what a store holds changes: older stores are then stale and made again
DATABASE = "oxigraph"  # inside STORE_DIR: the Oxigraph (RocksDB) database
STAMP = "stamp.json"  # inside STORE_DIR: what the database was made from

BULK_CHUNK = 200_000  # quads handed to Oxigraph's bulk loader at a time: its memory grows with a call's quads
Say = Callable[[str], None]


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def dataset_path(location: Path | None) -> Path:
    """The RDF file to query: ``location`` itself, or the dataset file of a build folder's current generation."""
    location = location or DEFAULT_BUILD_DIR
    path = current(location) / DATASET_FILE if location.is_dir() else location
    if not path.is_file():
        raise BuildNotFoundError(
            f"no build at {location}",
            hint=f"run `gcmkg build -o {location}` first, or pass --graph a build folder or RDF file",
        )
    return path


def open_store(location: Path | None, inferred: bool = True, say: Say = _stderr) -> Store:
    """A store holding the dataset at ``location`` (a build folder or RDF file), its default graph the union of
    the named graphs, without graph:inferred if not ``inferred``.

    For a build folder (or its ``gcmkg.trig``, beside its report) this is the build's persistent store (with or
    without graph:inferred), opened read-only (made first if missing or stale; ``say`` gets the notes about
    that); otherwise the file read into memory.
    """
    path = dataset_path(location)
    if is_build_dataset(path):
        store = _open_persistent(path, inferred, say)
        if store is not None:
            return store
    return load_in_memory(path, inferred)


def is_build_dataset(path: Path) -> bool:
    """Whether ``path`` is the dataset file of a build folder (beside its report), where the store belongs: an
    export or any other file called gcmkg.trig gets no store folder beside it."""
    return path.name == DATASET_FILE and (path.parent / REPORT_FILE).is_file()


def load_in_memory(path: Path, inferred: bool = True) -> Store:
    """A fresh in-memory store holding the RDF file at ``path``, without graph:inferred if not ``inferred``."""
    syntax = rdf_format(path)
    if syntax == RdfFormat.RDF_XML:
        refuse_entity_expansion(path)
    store = Store()
    try:
        # relative IRIs (an export's description links its data file so) resolve against the file's location
        store.bulk_load(path=str(path), format=syntax, base_iri=path.resolve().as_uri())
    except SyntaxError as exc:
        raise DataError(f"{path}: not valid {syntax.name} ({exc})") from None
    if not inferred:
        store.remove_graph(NamedNode(named_graph(INFERRED_GRAPH)))
    return merge_into_default_graph(store)


def merge_into_default_graph(store: Store) -> Store:
    """``store`` with every triple of its named graphs also in its default graph (a set: each triple once),
    which queries then read as the union of the build. (A fixed update of our own, run inside Oxigraph: as
    fast as loading the file, where copying the quads through Python took three times as long.)"""
    store.update(MERGE_NAMED_GRAPHS.read_text(encoding="utf-8"))
    return store


@dataclass(frozen=True)
class Stamp:
    """What a persistent store was made from, and by which store format and pyoxigraph."""

    dataset_sha256: str
    dataset_size: int
    dataset_mtime_ns: int
    store_format: int = STORE_FORMAT
    pyoxigraph: str = ox.__version__

    @classmethod
    def of(cls, dataset: Path, sha256: str | None = None) -> Stamp:
        """The stamp a store made now from ``dataset`` gets (its hash computed unless given)."""
        status = dataset.stat()
        return cls(sha256 or file_sha256(dataset), status.st_size, status.st_mtime_ns)

    @classmethod
    def read(cls, folder: Path) -> Stamp | None:
        """The stamp of the store in ``folder``; None if there is none or it cannot be read."""
        try:
            return cls(**json.loads((folder / STAMP).read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None

    def matches(self, dataset: Path) -> bool:
        """Whether this stamp names ``dataset`` as it is now, in this store format and pyoxigraph version."""
        if (self.store_format, self.pyoxigraph) != (STORE_FORMAT, ox.__version__):
            return False
        status = dataset.stat()
        if (status.st_size, status.st_mtime_ns) == (self.dataset_size, self.dataset_mtime_ns):
            return True
        return status.st_size == self.dataset_size and file_sha256(dataset) == self.dataset_sha256


def file_sha256(path: Path) -> str:
    """The SHA-256 of the file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while block := stream.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def store_dir(dataset: Path, inferred: bool = True) -> Path:
    """The folder of the store of ``dataset`` (a build's gcmkg.trig): with graph:inferred, or without it."""
    return dataset.parent / (STORE_DIR if inferred else ASSERTED_STORE_DIR)


def store_is_fresh(dataset: Path, inferred: bool = True) -> bool:
    """Whether the build folder of ``dataset`` (its gcmkg.trig) holds a store (with graph:inferred, or without
    it) made from it as it is now."""
    stamp = Stamp.read(store_dir(dataset, inferred))
    return stamp is not None and stamp.matches(dataset)


def make_if_stale(location: Path | None, inferred: bool = True, say: Say = _stderr) -> None:
    """Make the store of the build at ``location`` now if it is missing or stale (a note on ``say``); nothing for
    an RDF file, a missing build or a store that cannot be written (``open_store`` then says why).

    Called before forking the process that opens it (graph/query/limits.py): Oxigraph's database does its
    writing in background threads, which a forked child does not have, so a child that made the store would wait
    for them forever.
    """
    try:
        path = dataset_path(location)
    except BuildNotFoundError:
        return
    if is_build_dataset(path) and not store_is_fresh(path, inferred):
        say(_making(path, inferred))
        try:
            write_store(path, inferred)
        except (OSError, DataError):
            pass


def _open_persistent(dataset: Path, inferred: bool, say: Say) -> Store | None:
    """The build's store opened read-only, made first if missing or stale; None (with a note) if it cannot be."""
    folder = store_dir(dataset, inferred)
    if not store_is_fresh(dataset, inferred):
        say(_making(dataset, inferred))
        try:
            write_store(dataset, inferred)
        except (OSError, DataError) as exc:
            say(f"note: could not make {folder} ({_reason(exc)}); reading {dataset} into memory instead")
            return None
    try:
        return Store.read_only(str(folder / DATABASE))
    except OSError as exc:
        say(f"note: could not open {folder} ({_reason(exc)}); reading {dataset} into memory instead")
        return None


def _making(dataset: Path, inferred: bool) -> str:
    """The note that the store of ``dataset`` is missing or stale and is being made."""
    folder = store_dir(dataset, inferred)
    state = "missing" if not folder.exists() else f"stale (not made from this {DATASET_FILE} by this gcmkg)"
    return f"note: the query store {folder} is {state}; making it from {dataset.name} (once)"


def _reason(exc: Exception) -> str:
    return str(exc.strerror) if isinstance(exc, OSError) and exc.strerror else str(exc)


def _with_union(quads: Iterator[ox.Quad], leave_out: NamedNode | None = None) -> Iterator[ox.Quad]:
    """Each quad not in the graph ``leave_out``, and its triple in the default graph (the store keeps each quad
    once: the union is a set)."""
    default = ox.DefaultGraph()
    for quad in quads:
        if quad.graph_name == leave_out:
            continue
        yield quad
        yield ox.Quad(quad.subject, quad.predicate, quad.object, default)


def write_store(dataset: Path, inferred: bool = True) -> Path:
    """Make the persistent store of ``dataset`` (a build's gcmkg.trig) beside it, in ``STORE_DIR`` (without
    graph:inferred if not ``inferred``: in ``ASSERTED_STORE_DIR``); its path.

    The store is made in a temporary folder and renamed into place, so a reader sees the old store or the new
    one; a store left by a process that ran at the same time is as good as this one. DataError if the file is
    not valid TriG or changed while it was read; OSError if the folder cannot be written.
    """
    folder, target = dataset.parent, store_dir(dataset, inferred)
    before = Stamp.of(dataset)
    temporary = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=folder))
    try:
        os.chmod(temporary, 0o777 & ~_umask())  # mkdtemp's folders are 0700: the store is as readable as the build
        store = Store(str(temporary / DATABASE))
        try:
            quads = ox.parse(path=str(dataset), format=ox.RdfFormat.TRIG, base_iri=dataset.resolve().as_uri())
            union = _with_union(quads, None if inferred else NamedNode(named_graph(INFERRED_GRAPH)))
            while chunk := list(islice(union, BULK_CHUNK)):  # Oxigraph's loader holds what it is given in memory
                store.bulk_extend(chunk)
        except SyntaxError as exc:
            raise DataError(f"{dataset}: not valid TriG ({exc})") from None
        store.flush()
        del store  # closes the database
        if Stamp.of(dataset, before.dataset_sha256) != before:
            raise DataError(f"{dataset} changed while its query store was made", hint="run the query again")
        (temporary / STAMP).write_text(json.dumps(asdict(before), indent=1, sort_keys=True), encoding="utf-8")
        _put_in_place(temporary, target)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)  # nothing left if it was renamed into place
    return target


def _umask() -> int:
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


def _put_in_place(new: Path, target: Path) -> None:
    """Rename the folder ``new`` to ``target``, replacing the folder there (moved aside first, then removed)."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
        os.replace(target, old / target.name)
    try:
        os.rename(new, target)
    except OSError:
        if not target.exists():  # not the race with another process making it: a real failure
            raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

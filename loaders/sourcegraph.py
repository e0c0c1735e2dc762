"""What every loader hands to the build: one named graph and the files it came from."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph


@dataclass(frozen=True)
class SourceFile:
    """An input, named by a stable path (never an absolute one) and, for files, its SHA-256."""

    name: str
    sha256: str | None

    @classmethod
    def of(cls, path: Path, name: str) -> SourceFile:
        return cls(name=name, sha256=hashlib.sha256(path.read_bytes()).hexdigest())


@dataclass(frozen=True)
class SourceGraph:
    """One named graph of the build: its short name (e.g. 'reference/states'), triples and inputs.

    ``derived_from`` names resources the graph's statements come from (a document), beyond its files.
    """

    name: str
    title: str
    graph: Graph
    sources: tuple[SourceFile, ...]
    derived_from: tuple[str, ...] = ()

"""What an export holds, counted with SPARQL (``*.rq`` beside this module) on a store of the selected quads:
statements, entities, triples per named graph, entities per class, the vocabularies used, example resources.

The store is an in-memory Oxigraph store filled as the export reads the build (``stored``): about 0.4 KB a quad,
and the class count's DISTINCT about as much again while it runs (1.2 GB peak at 1.2M quads).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

import pyoxigraph as ox

from gcmkg.graph.core import ids
from gcmkg.graph.core.prefixes import PREFIXES
from gcmkg.graph.export.sparql import integer, rows

URI_SPACE = ids.ID
_CHUNK = 100_000  # quads handed to Oxigraph's bulk loader at a time


@dataclass(frozen=True)
class Tally:
    """The size of part of an export: its triples and its entities."""

    triples: int
    entities: int


@dataclass(frozen=True)
class Counts:
    """``triples``: statements in the file (quads, or distinct triples where graphs are merged); ``entities``:
    distinct subjects in URI_SPACE; ``graphs``: triples and entities per named graph IRI; ``classes``: instances per
    class IRI and the triples describing them;
    ``vocabularies``: namespaces of the properties and classes used; ``examples``: one objective, State, session."""

    triples: int
    entities: int
    graphs: dict[str, Tally]
    classes: dict[str, Tally]
    vocabularies: tuple[str, ...]
    examples: tuple[str, ...]


def namespace(term: str) -> str:
    """The vocabulary of a term: the longest of the project's prefixes it starts with, else up to its last # or /."""
    known = [ns for ns in PREFIXES.values() if term.startswith(ns)]
    if known:
        return max(known, key=len)
    cut = max(term.rfind("#"), term.rfind("/"))
    return term[: cut + 1]


def _examples(store: ox.Store) -> tuple[str, ...]:
    """The first candidate of each class in examples.rq: the most referred-to objective, session and State."""
    chosen: dict[str, str] = {}
    for solution in rows(store, "examples"):
        chosen.setdefault(solution["class"].value, solution["resource"].value)
    return tuple(chosen.values())


def _tally(solution: ox.QuerySolution) -> Tally:
    return Tally(triples=integer(solution, "triples"), entities=integer(solution, "entities"))


def stored(quads: Iterable[ox.Quad], store: ox.Store) -> Iterator[ox.Quad]:
    """``quads`` as they come, each also added to ``store`` (a chunk at a time)."""
    iterator = iter(quads)
    while chunk := list(islice(iterator, _CHUNK)):
        store.bulk_extend(chunk)
        yield from chunk


def count(store: ox.Store, merged: bool) -> Counts:
    """Count the export of the quads in ``store``; ``merged``: the file merges the graphs (Turtle, N-Triples)."""
    statements = rows(store, "distinct-triples") if merged else rows(store, "statements", union=False)
    uri_space = {"uriSpace": ox.NamedNode(URI_SPACE)}
    entities = rows(store, "entities", bind=uri_space)
    terms = [solution["term"].value for solution in rows(store, "vocabulary")]
    return Counts(
        triples=integer(statements[0], "triples"),
        entities=integer(entities[0], "entities") if entities else 0,
        graphs={s["graph"].value: _tally(s) for s in rows(store, "graph-triples", union=False, bind=uri_space)},
        classes={s["class"].value: _tally(s) for s in rows(store, "class-entities")},
        vocabularies=tuple(sorted({namespace(term) for term in terms})),
        examples=_examples(store),
    )

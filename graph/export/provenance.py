"""What the build says about where an export's graphs came from (graph:build): source files and document dates."""

from __future__ import annotations

import datetime
from collections.abc import Collection
from dataclasses import dataclass

import pyoxigraph as ox

from gcmkg.graph.build.dataset import BUILD_ACTIVITY
from gcmkg.graph.export.sparql import rows


@dataclass(frozen=True)
class SourceFile:
    """A file the build read: its IRI (under https://w3id.org/gcmkg/source/), label and SHA-256 if recorded."""

    iri: str
    label: str | None
    sha256: str | None


def _value(solution: ox.QuerySolution, variable: str) -> str | None:
    term = solution[variable]
    return None if term is None else term.value


def source_files(build: ox.Store, graphs: Collection[str]) -> list[SourceFile]:
    """The files the named ``graphs`` (IRIs) derive from, by IRI."""
    found = {
        SourceFile(solution["source"].value, _value(solution, "label"), _value(solution, "sha256"))
        for solution in rows(build, "sources", bind={"activity": ox.NamedNode(str(BUILD_ACTIVITY))})
        if solution["graph"].value in graphs
    }
    return sorted(found, key=lambda source: source.iri)


def latest_document_date(build: ox.Store) -> datetime.date | None:
    """The dcterms:date of the newest document in the build; None if it has no dated document."""
    latest = rows(build, "document-dates")[0]["latest"]
    return None if latest is None else datetime.date.fromisoformat(latest.value)

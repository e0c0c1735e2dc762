"""The objective × State coverage matrix, by review: read from the ``coverage`` and ``objectives`` stored queries.

``mentions`` counts the passages about an objective that mention a State (in documents about that
review); ``sessions`` the sessions of that review on the objective the State took part in (see
queries/coverage.rq). The CSV is the ``coverage`` query's result, spreadsheet-safe as ``gcmkg query``
writes it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from gcmkg.graph.query.rendering import render
from gcmkg.graph.query.runner import QueryResult
from gcmkg.graph.visualise.projections import records

MEASURES: dict[str, str] = {
    "mentions": "passages about the objective that mention the State",
    "sessions": "sessions on the objective in which the State took part",
}


@dataclass(frozen=True)
class Coverage:
    """Counts by measure, year, objective number and ISO3 code; every objective; States with a count."""

    objectives: list[tuple[int, str]]
    states: list[tuple[str, str]]
    years: list[int]
    counts: dict[tuple[str, int, int, str], int]

    def matrix(self, measure: str, year: int) -> list[list[int]]:
        """One row per objective (in number order), one column per State (in ISO3 order); 0 where nothing."""
        return [
            [self.counts.get((measure, year, number, iso3), 0) for iso3, _ in self.states]
            for number, _ in self.objectives
        ]


def coverage(results: Mapping[str, QueryResult]) -> Coverage:
    """The matrix of the ``coverage`` rows, with the titles of all objectives from ``objectives``."""
    counts: dict[tuple[str, int, int, str], int] = {}
    states: dict[str, str] = {}
    for row in records(results["coverage"]):
        year, number = int(row["year"]), int(row["objective"])
        states[row["iso3"]] = row["name"]
        for measure in MEASURES:
            if int(row[measure]):
                counts[(measure, year, number, row["iso3"])] = int(row[measure])
    objectives = sorted((int(row["number"]), row["title"]) for row in records(results["objectives"]))
    return Coverage(
        objectives=objectives,
        states=sorted(states.items()),
        years=sorted({year for _, year, _, _ in counts}),
        counts=counts,
    )


def coverage_csv(results: Mapping[str, QueryResult]) -> bytes:
    """The ``coverage`` rows as spreadsheet-safe CSV (UTF-8, CRLF line ends, a header row)."""
    return render(results["coverage"], "csv").encode("utf-8")

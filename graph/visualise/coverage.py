"""The objective × State coverage matrix, by review: read from the ``coverage`` and ``objectives`` stored queries.

``mentions`` counts the passages about an objective that mention a State (in documents about that
review); ``sessions`` the sessions of that review on the objective the State took part in (see
queries/coverage.rq). The CSV is the ``coverage`` query's result, spreadsheet-safe as ``gcmkg query``
writes it, with one change: a measure that has no count at all in a review (no session of the 2020
review on an objective names a State, say) is missing data, not zero, and its cells are left empty.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from gcmkg.graph.query.rendering import csv_text
from gcmkg.graph.query.runner import QueryResult
from gcmkg.graph.visualise.projections import records

MEASURES: dict[str, str] = {
    "mentions": "passages about the objective that mention the State",
    "sessions": "sessions on the objective in which the State took part",
}
# What a review's panel says when a measure has no count at all in that review: missing data, not zeros.
MISSING: dict[str, str] = {
    "mentions": "No data: no passages about an objective mentioning a State in the {year} review's documents",
    "sessions": "No data: no sessions on an objective with State participation in the {year} review's documents",
}


@dataclass(frozen=True)
class Coverage:
    """Counts by measure, year, objective number and ISO3 code; every objective; States with a count."""

    objectives: list[tuple[int, str]]
    states: list[tuple[str, str]]
    years: list[int]
    counts: dict[tuple[str, int, int, str], int]

    def missing(self, measure: str, year: int) -> bool:
        """True when ``measure`` has no count at all in the ``year`` review: no data, not a matrix of zeros."""
        return not any(m == measure and y == year for m, y, _, _ in self.counts)

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
    """The ``coverage`` rows as spreadsheet-safe CSV (UTF-8, CRLF line ends, a header row); the cells of a
    measure missing from a review (Coverage.missing) are empty, not 0."""
    found = coverage(results)
    columns = results["coverage"].columns
    rows = [
        ["" if column in MEASURES and found.missing(column, int(row["year"])) else row[column] for column in columns]
        for row in records(results["coverage"])
    ]
    return csv_text(columns, rows).encode("utf-8")

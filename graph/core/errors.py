"""One exception hierarchy for gcmkg; each error carries the exit code the CLI returns.

Exit codes (documented in README.md):
    0  success
    1  the graph does not conform to the shapes (validation violations): ValidationFailed
    2  usage error: a bad option or parameter value, user-supplied shapes refused as unsafe, or an
       ad-hoc query (gcmkg sparql) that is not valid SPARQL or is refused by the guard: QueryRefused
    3  not found: unknown stored query, missing build, missing input folder
    4  bad input data: a reference file, ontology or stored query that cannot be used (a stored query
       the guard refuses included)
    5  partial build: some inputs were skipped (the rest was built)
    6  remote endpoint error
    7  output could not be written
    8  a query ran longer than --timeout and was stopped: QueryTimeout

A query that stops at the --limit row limit is not an error: exit code 0, and the output says so
(the table's last line; a warning on stderr for csv, tsv and json).

``gcmkg validate`` follows pySHACL's own convention instead: 0 conforms, 1 violations, 2 any error
(every GcmkgError, whatever its code above).
"""

from __future__ import annotations


class GcmkgError(Exception):
    """Base class: a message for the user, an optional hint saying what to do next."""

    exit_code = 2

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message}\n  hint: {self.hint}"


class UsageError(GcmkgError):
    """A bad option or argument on the command line."""

    exit_code = 2


class ParameterError(UsageError):
    """A stored-query parameter that is missing, unknown or not of the expected type."""


class UnsafeShapesError(UsageError):
    """User-supplied shapes ask for something gcmkg runs only when told to (SPARQL, JS, owl:imports)."""


class QueryRefused(UsageError):
    """An ad-hoc query that is not valid SPARQL, or that the guard refuses (SERVICE, an update, FROM outside)."""


class ValidationFailed(GcmkgError):
    """The dataset does not conform to the SHACL shapes: at least one violation."""

    exit_code = 1


class NotFoundError(GcmkgError):
    """Something the user named does not exist."""

    exit_code = 3


class UnknownQueryError(NotFoundError):
    """No stored query has that name."""


class BuildNotFoundError(NotFoundError):
    """No build output where one was expected."""


class DataError(GcmkgError):
    """An input file (reference data, ontology, stored query) that cannot be used."""

    exit_code = 4


class TableError(DataError):
    """A curated CSV file (reference data, corpus manifest) is malformed; names the file and line."""


class StoredQueryError(DataError):
    """A stored query file has malformed metadata; the message names the file and line."""


class PartialBuildError(GcmkgError):
    """Some inputs were skipped; the rest of the build was written."""

    exit_code = 5


class EndpointError(GcmkgError):
    """A remote SPARQL endpoint could not be used."""

    exit_code = 6


class OutputError(GcmkgError):
    """An output file could not be written."""

    exit_code = 7


class QueryTimeout(GcmkgError):
    """A query ran longer than its --timeout and was stopped."""

    exit_code = 8

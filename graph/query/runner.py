"""Run queries on a local build: stored queries with parameters bound as typed RDF terms, and ad-hoc SPARQL.

``run_local`` and ``run_sparql`` check the query with the guard (graph/query/guard.py) and run it under a
time limit (graph/query/limits.py) and a row limit: a result cut at the limit says so (``truncated_at``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path

from pyoxigraph import BlankNode, Literal, NamedNode, QueryBoolean, QuerySolution, QuerySolutions, Store, Variable

from gcmkg.graph.core.errors import QueryRefused, StoredQueryError
from gcmkg.graph.query.catalogue import StoredQuery
from gcmkg.graph.query.emptiness import why_empty
from gcmkg.graph.query.guard import CheckedQuery, check_dataset, check_query, check_stored_query
from gcmkg.graph.query.params import parameter_variable

Term = NamedNode | BlankNode | Literal
Row = tuple[Term | None, ...]


@dataclass(frozen=True)
class QueryResult:
    """A SELECT result: column names and rows of RDF terms (None where a variable is unbound).

    ``truncated_at`` is the row limit the rows were cut at (there were more), None if they are all here.
    ``titles`` maps the document identifiers of the ``document`` and ``source`` columns to the documents' titles,
    which the table for people shows instead (csv, tsv and json keep the identifiers).
    """

    columns: tuple[str, ...]
    rows: list[Row]
    truncated_at: int | None = None
    titles: Mapping[str, str] = field(default_factory=dict, compare=False)
    notes: tuple[str, ...] = field(default=(), compare=False)  # why there are no rows, when that is known


@dataclass(frozen=True)
class AskResult:
    """An ASK result."""

    value: bool


def take(solutions: Iterable[QuerySolution], variables: list[Variable], limit: int = 0) -> tuple[list[Row], int | None]:
    """The rows of ``solutions`` (at most ``limit`` of them unless it is 0) and the limit if rows were left out.

    One row beyond the limit is read to know whether there are more; the rest is never computed.
    """
    chosen = iter(solutions) if not limit else islice(solutions, limit + 1)
    rows = [tuple(solution[variable] for variable in variables) for solution in chosen]
    if limit and len(rows) > limit:
        return rows[:limit], limit
    return rows, None


def run_on_store(
    store: Store, query: StoredQuery, bindings: Mapping[Variable, Term], limit: int = 0, inferred: bool = True
) -> QueryResult:
    """Evaluate ``query`` on ``store``'s default graph, the union of the build (``store.open_store``), with
    ``bindings`` substituted.

    Oxigraph substitutes only projected variables (SPARQL SEP-0007), so a stored query projects the
    variable of each parameter (``?name``, or ``?name_param`` for a name that is also a column), bound
    or not; the result keeps just the columns its metadata declares, and at most ``limit`` rows (0: all). An
    empty result carries the reasons for it that are known (``emptiness.why_empty``; ``inferred``: whether the
    store holds graph:inferred).
    The caller checks the query with the guard first (``run_local`` does).
    """
    try:
        solutions = store.query(query.text, substitutions=dict(bindings))
    except SyntaxError as exc:
        raise StoredQueryError(f"{query.path}: not valid SPARQL ({first_line(exc)})") from None
    except RuntimeError as exc:
        raise StoredQueryError(f"{query.path}: {exc} (parameters must be in the SELECT projection)") from None
    if not isinstance(solutions, QuerySolutions):
        raise StoredQueryError(f"{query.path}: a stored query must be a SELECT query")
    projected = {variable.value for variable in solutions.variables}
    parameters = [parameter_variable(query, p).value for p in query.parameters]
    extra = projected - set(query.columns) - set(parameters)
    if not set(query.columns) <= projected or not set(parameters) <= projected or extra:
        raise StoredQueryError(
            f"{query.path}: projects {sorted(projected)}; its metadata declares columns {list(query.columns)} "
            f"and parameters {parameters}"
        )
    rows, truncated_at = take(solutions, [Variable(column) for column in query.columns], limit)
    titles = document_titles(store, query.columns, rows)
    notes = () if rows else tuple(why_empty(store, query, bindings, inferred))
    return QueryResult(columns=query.columns, rows=rows, truncated_at=truncated_at, titles=titles, notes=notes)


DOCUMENT_COLUMNS = ("document", "source")  # columns whose values are document identifiers (queries/README.md)
DOCUMENT_TITLES = Path(__file__).with_name("document-titles.rq")


def document_titles(store: Store, columns: Sequence[str], rows: Iterable[Row]) -> dict[str, str]:
    """The titles of the documents whose identifiers ``rows`` hold in a DOCUMENT_COLUMNS column."""
    where = [index for index, column in enumerate(columns) if column in DOCUMENT_COLUMNS]
    wanted = {row[index].value for row in rows for index in where if row[index] is not None}
    if not wanted:
        return {}
    answer = store.query(DOCUMENT_TITLES.read_text(encoding="utf-8"))
    assert isinstance(answer, QuerySolutions)
    return {row["id"].value: row["name"].value for row in answer if row["id"].value in wanted}


def run_local(
    location: Path | None,
    query: StoredQuery,
    bindings: Mapping[Variable, Term],
    inferred: bool = True,
    timeout: float = 0,
    limit: int = 0,
) -> QueryResult:
    """Run stored ``query`` on the build at ``location`` (a build folder or RDF file), with or without graph:inferred.

    The guard checks the query first (StoredQueryError if it refuses it); the query is stopped after
    ``timeout`` seconds (QueryTimeout) and its rows cut at ``limit``; 0 is no limit for either.
    """
    from gcmkg.graph.query.limits import run_limited

    def prepare() -> partial[QueryResult]:
        checked = check_stored_query(query)
        return partial(run_on_store, query=checked, bindings=dict(bindings), limit=limit, inferred=inferred)

    return run_limited(location, inferred, prepare, timeout)


def run_adhoc(store: Store, query: CheckedQuery, limit: int = 0, source: str | None = None) -> QueryResult | AskResult:
    """Run a query the guard let through on ``store``: SELECT rows (at most ``limit``; 0: all) or the ASK answer.

    Without FROM it runs over the default graph, the union of the named graphs (``store.open_store``);
    with FROM / FROM NAMED (only the store's own named graphs, which is checked here) over the dataset
    those clauses describe.
    """
    if query.form not in ("SELECT", "ASK"):
        raise _not_select(query.form, source)
    graphs = {graph.value for graph in store.named_graphs() if isinstance(graph, NamedNode)}
    check_dataset(query, graphs, source)
    try:
        answer = store.query(query.text)
    except SyntaxError as exc:
        raise QueryRefused(f"{source + ': ' if source else ''}not valid SPARQL ({first_line(exc)})") from None
    if isinstance(answer, QueryBoolean):
        return AskResult(bool(answer))
    assert isinstance(answer, QuerySolutions)
    variables = list(answer.variables)
    rows, truncated_at = take(answer, variables, limit)
    return QueryResult(columns=tuple(v.value for v in variables), rows=rows, truncated_at=truncated_at)


def _not_select(form: str, source: str | None) -> QueryRefused:
    return QueryRefused(
        f"{source + ': ' if source else ''}gcmkg sparql answers SELECT and ASK queries; this is a {form} query",
        hint=("`gcmkg describe ENTITY` shows one entity; or " if form == "DESCRIBE" else "")
        + "select the triples instead, e.g. SELECT ?s ?p ?o WHERE { ... }",
    )


def first_line(error: Exception) -> str:
    """The first line of a parser's message (Oxigraph lists every token it expected on the lines below)."""
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def check_sparql(text: str, source: str | None = None) -> CheckedQuery:
    """The guard's verdict on an ad-hoc query, with the project's prefixes predeclared (``adhoc.predeclare``);
    it must also be a SELECT or ASK query; QueryRefused otherwise."""
    from gcmkg.graph.query.adhoc import predeclare

    predeclared = predeclare(text)
    checked = check_query(predeclared.text, source, predeclared.lines)
    if checked.form not in ("SELECT", "ASK"):
        raise _not_select(checked.form, source)
    return checked


def run_sparql(
    location: Path | None,
    text: str,
    source: str | None = None,
    inferred: bool = True,
    timeout: float = 0,
    limit: int = 0,
) -> QueryResult | AskResult:
    """Check the ad-hoc query ``text`` with the guard and run it on the build at ``location``, within the limits.

    ``source`` (the query file, if any) starts every error message.
    """
    from gcmkg.graph.query.limits import run_limited

    def prepare() -> partial[QueryResult | AskResult]:
        return partial(run_adhoc, query=check_sparql(text, source), limit=limit, source=source)

    return run_limited(location, inferred, prepare, timeout)

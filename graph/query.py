"""Run stored queries on a local build, with parameters bound as typed RDF terms."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import BlankNode, Literal, NamedNode, QuerySolutions, Store, Variable

from gcmkg.graph.errors import StoredQueryError
from gcmkg.graph.params import parameter_variable
from gcmkg.graph.storedqueries import StoredQuery

Term = NamedNode | BlankNode | Literal


@dataclass(frozen=True)
class QueryResult:
    """A SELECT result: column names and rows of RDF terms (None where a variable is unbound)."""

    columns: tuple[str, ...]
    rows: list[tuple[Term | None, ...]]


def run_on_store(store: Store, query: StoredQuery, bindings: Mapping[Variable, Term]) -> QueryResult:
    """Evaluate ``query`` on ``store`` over the union of its graphs, with ``bindings`` substituted.

    Oxigraph substitutes only projected variables (SPARQL SEP-0007), so a stored query projects the
    variable of each parameter (``?name``, or ``?name_param`` for a name that is also a column), bound
    or not; the result keeps just the columns its metadata declares.
    """
    try:
        solutions = store.query(query.text, use_default_graph_as_union=True, substitutions=dict(bindings))
    except SyntaxError as exc:
        raise StoredQueryError(f"{query.path}: not valid SPARQL ({exc})") from None
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
    variables = [Variable(column) for column in query.columns]
    rows = [tuple(solution[variable] for variable in variables) for solution in solutions]
    return QueryResult(columns=query.columns, rows=rows)


def run_local(
    location: Path | None, query: StoredQuery, bindings: Mapping[Variable, Term], inferred: bool = True
) -> QueryResult:
    """Run ``query`` on the build at ``location`` (a build folder or RDF file), with or without graph:inferred."""
    from gcmkg.graph.store import open_store

    return run_on_store(open_store(location, inferred), query, bindings)

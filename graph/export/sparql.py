"""Run the export's own SPARQL files (``graph/export/*.rq``) on a pyoxigraph store."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path

import pyoxigraph as ox

_FOLDER = Path(__file__).resolve().parent


@cache
def _text(name: str) -> str:
    return (_FOLDER / f"{name}.rq").read_text(encoding="utf-8")


def rows(
    store: ox.Store, name: str, union: bool = True, bind: Mapping[str, ox.NamedNode] | None = None
) -> list[ox.QuerySolution]:
    """The solutions of ``name``.rq on ``store``: over the union of its graphs if ``union``, else over its default
    graph (GRAPH patterns reach the named graphs); ``bind`` gives projected variables a value."""
    substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
        ox.Variable(variable): term for variable, term in (bind or {}).items()
    }
    solutions = store.query(_text(name), use_default_graph_as_union=union, substitutions=substitutions)
    assert isinstance(solutions, ox.QuerySolutions)
    return list(solutions)


def integer(solution: ox.QuerySolution, variable: str) -> int:
    """The integer a solution binds ``variable`` to (a COUNT)."""
    term = solution[variable]
    assert isinstance(term, ox.Literal)
    return int(term.value)

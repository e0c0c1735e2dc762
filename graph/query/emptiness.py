"""Why a stored query returned nothing, when the reason is known: a year with no review in the build, a session
its review does not have, a funder no fund is called, or a query that reads graph:inferred (tagged
``reasoning``) run with --no-inferred. The CLI prints each reason on stderr; the result stays empty."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path

from pyoxigraph import QuerySolutions, Store, Variable

from gcmkg.graph.query.catalogue import StoredQuery
from gcmkg.graph.query.params import parameter_variable

_QUERIES = Path(__file__).resolve().parent
REASONING_TAG = "reasoning"


@cache
def _text(name: str) -> str:
    return (_QUERIES / f"empty-{name}.rq").read_text(encoding="utf-8")


def _rows(store: Store, name: str, substitutions: Mapping[Variable, object] | None = None) -> QuerySolutions:
    answer = store.query(_text(name), substitutions=dict(substitutions or {}))
    assert isinstance(answer, QuerySolutions)
    return answer


def why_empty(store: Store, query: StoredQuery, bindings: Mapping[Variable, object], inferred: bool) -> list[str]:
    """The known reasons why ``query`` with ``bindings`` found no rows in ``store``; [] if none is known."""
    given = {p.name: bindings.get(parameter_variable(query, p)) for p in query.parameters}
    reasons = []
    if not inferred and REASONING_TAG in query.tags:
        reasons.append(
            f"{query.name} reads what OWL 2 RL reasoning adds (graph:inferred), which --no-inferred leaves out; "
            "run it without --no-inferred"
        )
    year, session = given.get("year"), given.get("session")
    if year is not None:
        years = [row["year"].value for row in _rows(store, "years")]
        if year.value not in years:
            reasons.append(f"the build has no review in {year.value}; its reviews: {', '.join(years) or 'none'}")
        elif session is not None:
            sessions = [row["session"].value for row in _rows(store, "sessions", {Variable("year"): year})]
            if session.value not in sessions:
                listed = ", ".join(sessions) or "none"
                reasons.append(f"the {year.value} review has no session {session.value}; its sessions: {listed}")
    funder = given.get("funder")
    if funder is not None:
        funds: dict[str, list[str]] = {}
        for row in _rows(store, "funds"):
            others = funds.setdefault(row["name"].value, [])
            if row["other"] is not None and row["other"].value not in others:
                others.append(row["other"].value)
        names = {name.lower() for name, others in funds.items() for name in (name, *others)}
        if funder.value.lower() not in names:
            listed = "; ".join(f"{name} ({min(others, key=len)})" if others else name for name, others in funds.items())
            reasons.append(f"no fund is called {funder.value!r}; the funds: {listed or 'none'}")
    return reasons

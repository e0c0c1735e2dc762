"""Typed stored-query parameters: validate ``KEY=VALUE`` strings and turn them into RDF terms.

Values are bound to query variables as RDF terms (never spliced into query text), so a value can
change which rows match but never what the query does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from pyoxigraph import Literal, NamedNode, Variable

from gcmkg.graph.core.errors import ParameterError
from gcmkg.graph.query.catalogue import Parameter, StoredQuery

XSD = "http://www.w3.org/2001/XMLSchema#"
_ISO3 = re.compile(r"^[A-Za-z]{3}$")
_YEAR = re.compile(r"^\d{4}$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")

Term = Literal | NamedNode

# What a value of each type must match (a string may be anything); gcmkg serve's OpenAPI description shows them.
PATTERNS = {"integer": _INTEGER, "year": _YEAR, "iso3": _ISO3, "iri": _ABSOLUTE_IRI}

EXPECTED = {
    "integer": "a whole number, e.g. 7",
    "year": "a four-digit year, e.g. 2024",
    "string": "any text",
    "iso3": "an ISO 3166 alpha-3 code, e.g. TUR",
    "iri": "an absolute IRI, e.g. https://w3id.org/gcmkg/id/objective/7",
}


def parse_assignments(pairs: Iterable[str]) -> dict[str, str]:
    """``['year=2020', 'session=4']`` → ``{'year': '2020', 'session': '4'}``."""
    values: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ParameterError(f"--param {pair!r} is not KEY=VALUE", hint="e.g. --param year=2020")
        if key.strip() in values:
            raise ParameterError(f"--param {key.strip()!r} is given twice")
        if not pair.isprintable() and any("\udc80" <= char <= "\udcff" for char in pair):
            # bytes of the command line that are not UTF-8 reach Python as lone surrogates (PEP 383)
            shown = pair.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            raise ParameterError(f"--param {shown!r} is not UTF-8 text", hint="give the value in UTF-8")
        values[key.strip()] = value.strip()
    return values


def to_term(parameter: Parameter, value: str) -> Term:
    """The RDF term for ``value`` as the parameter's type; ParameterError if it is not of that type."""

    def wrong() -> ParameterError:
        return ParameterError(
            f"parameter {parameter.name!r} is {value!r}; expected {EXPECTED[parameter.type]} (type {parameter.type})"
        )

    if parameter.allowed and value not in parameter.allowed:
        raise ParameterError(
            f"parameter {parameter.name!r} is {value!r}; allowed values: {', '.join(parameter.allowed)}"
        )
    if parameter.type == "integer":
        if not _INTEGER.match(value):
            raise wrong()
        return Literal(str(int(value)), datatype=NamedNode(XSD + "integer"))
    if parameter.type == "year":
        if not _YEAR.match(value):
            raise wrong()
        return Literal(value, datatype=NamedNode(XSD + "gYear"))
    if parameter.type == "iso3":
        if not _ISO3.match(value):
            raise wrong()
        return Literal(value.upper())
    if parameter.type == "iri":
        if not _ABSOLUTE_IRI.match(value):
            raise wrong()
        try:
            return NamedNode(value)
        except ValueError:
            raise wrong() from None
    return Literal(value)


def parameter_variable(query: StoredQuery, parameter: Parameter) -> Variable:
    """The query variable a parameter is bound to: ``?name``, or ``?name_param`` if ``name`` is also a column.

    A substituted variable keeps its value in every row, so a parameter that shares its name with a
    result column (``funder`` of ``initiatives``) is bound to ``?funder_param``: the query filters with
    the given value and the ``funder`` column still shows the data (the funder's label).
    """
    return Variable(f"{parameter.name}_param" if parameter.name in query.columns else parameter.name)


def bind(query: StoredQuery, given: Mapping[str, str]) -> dict[Variable, Term]:
    """Variable bindings for a stored query from user-given strings, applying defaults.

    Each value is bound to its ``parameter_variable``; an optional parameter left out stays unbound.
    Unknown names, missing required parameters and ill-typed values raise ParameterError.
    """
    unknown = sorted(set(given) - {p.name for p in query.parameters})
    if unknown:
        known = ", ".join(p.name for p in query.parameters) or "none"
        raise ParameterError(f"query {query.name!r} has no parameter {unknown[0]!r} (parameters: {known})")
    bindings: dict[Variable, Term] = {}
    for parameter in query.parameters:
        value = given.get(parameter.name, parameter.default)
        if value is None:
            if parameter.required:
                raise ParameterError(
                    f"query {query.name!r} needs --param {parameter.name}=VALUE ({EXPECTED[parameter.type]})"
                )
            continue
        bindings[parameter_variable(query, parameter)] = to_term(parameter, value)
    return bindings

"""Ad-hoc SPARQL a newcomer can write: the project's prefixes predeclared, and a hint for a mistake that gives no
error, only no rows (a ``xsd:gYear`` property compared with a plain integer).

The prefixes go before the query, one line each (on one line, rdflib's parser takes a ``#`` of a namespace for a
comment in some queries); error messages count lines from the user's first line (``PredeclaredQuery.lines``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from gcmkg.graph.core.prefixes import PREFIXES, compact
from gcmkg.graph.query.guard import tree_nodes

_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?\s*:", re.IGNORECASE)
_XSD_GYEAR = "http://www.w3.org/2001/XMLSchema#gYear"
_XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
_RDFS_RANGE = "http://www.w3.org/2000/01/rdf-schema#range"


@dataclass(frozen=True)
class PredeclaredQuery:
    """A query with the project's prefixes it does not declare itself put in front, one line each."""

    text: str
    lines: int  # lines added before the user's first line


def predeclare(text: str) -> PredeclaredQuery:
    """``text`` with ``PREFIX p: <ns>`` for every project prefix it does not declare (its own declarations win)."""
    declared = {match.group(1) or "" for match in _DECLARED.finditer(text)}
    added = [f"PREFIX {name}: <{namespace}>\n" for name, namespace in PREFIXES.items() if name not in declared]
    return PredeclaredQuery("".join(added) + text, len(added))


def prefix_listing() -> str:
    """The project's prefixes, one ``name: <namespace>`` line each, as ``gcmkg prefixes`` prints them."""
    width = max(map(len, PREFIXES)) + 1
    return "".join(f"{name + ':':<{width}} <{namespace}>\n" for name, namespace in PREFIXES.items())


@cache
def gyear_properties() -> frozenset[str]:
    """The IRIs of the ontology's properties whose values are ``xsd:gYear`` (their rdfs:range)."""
    import pyoxigraph as ox

    from gcmkg.graph.core.resources import ontology_file

    return frozenset(
        quad.subject.value
        for quad in ox.parse(path=str(ontology_file()), format=ox.RdfFormat.TURTLE)
        if quad.predicate.value == _RDFS_RANGE
        and isinstance(quad.object, ox.NamedNode)
        and quad.object.value == _XSD_GYEAR
        and isinstance(quad.subject, ox.NamedNode)
    )


def year_hints(text: str) -> list[str]:
    """Hints for ``text`` comparing a gYear property with a plain integer, in a triple pattern
    (``?r gcm:reviewYear 2020``) or a FILTER on the variable such a pattern binds; [] if none (or if rdflib
    cannot translate the query: the guard has already judged it)."""
    from rdflib import Literal, URIRef, Variable
    from rdflib.plugins.sparql import prepareQuery

    try:
        algebra = prepareQuery(text).algebra
    except Exception:  # noqa: BLE001 - rdflib's translation is only a help here; the query runs on Oxigraph
        return []
    properties = gyear_properties()
    hints: list[str] = []
    year_variables: dict[Variable, str] = {}
    for node in tree_nodes(algebra):
        triples = dict.get(node, "triples") or () if node.name == "BGP" else ()  # CompValue.get has other arguments
        for _, predicate, obj in triples:
            if isinstance(predicate, URIRef) and str(predicate) in properties:
                if isinstance(obj, Literal) and str(obj.datatype) == _XSD_INTEGER:
                    hints.append(_hint(str(predicate), str(obj)))
                elif isinstance(obj, Variable):
                    year_variables[obj] = str(predicate)
    for node in tree_nodes(algebra):
        if node.name == "RelationalExpression":
            sides = [dict.get(node, "expr"), dict.get(node, "other")]
            variable = next((side for side in sides if isinstance(side, Variable) and side in year_variables), None)
            number = next((s for s in sides if isinstance(s, Literal) and str(s.datatype) == _XSD_INTEGER), None)
            if variable is not None and number is not None:
                hints.append(_hint(year_variables[variable], str(number)))
    return list(dict.fromkeys(hints))


def _hint(predicate: str, number: str) -> str:
    name = compact(predicate)
    return f'{name} holds xsd:gYear values, never equal to the integer {number}: write "{number}"^^xsd:gYear'

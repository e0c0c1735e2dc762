"""Refuse user-supplied shapes that would run code or reach the network, before anything runs or is fetched.

pySHACL runs SPARQL-based constraints (``sh:sparql``, SPARQL constraint components) even without its
advanced mode, and SPARQL can query remote endpoints (SERVICE) or load remote graphs (FROM, LOAD). So a
shapes graph from a user is checked triple by triple first:

- SPARQL-based constraints and SHACL Advanced Features (targets, functions, rules, node expressions)
  need ``--allow-sparql``;
- ``owl:imports`` needs ``--allow-imports``; the imported shapes are then fetched and checked in turn;
- SHACL-JavaScript is always refused (gcmkg never runs it), and so is SPARQL that names a remote
  endpoint or graph (SERVICE, FROM, LOAD), with or without ``--allow-sparql``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, SH
from rdflib.term import Node

from gcmkg.graph.core.errors import QueryRefused, UnsafeShapesError
from gcmkg.graph.query.guard import normalise
from gcmkg.graph.validation.naming import REPORT_PREFIXES, term_text

DASH = "http://datashapes.org/dash#"

# Predicates that carry SPARQL or switch on SHACL-AF machinery (targets, functions, rules, node expressions).
_SPARQL_PREDICATES = frozenset(
    URIRef(str(SH) + name)  # not SH[name]: rdflib's closed SHACL namespace lacks some SHACL-AF terms
    for name in (
        "sparql select ask construct update validator nodeValidator propertyValidator"
        " target rule expression condition values returnType"
    ).split()
)
# Classes of the same machinery, when a node is typed with them.
_SPARQL_CLASSES = frozenset(
    URIRef(str(SH) + name)  # not SH[name]: rdflib's closed SHACL namespace lacks some SHACL-AF terms
    for name in (
        "SPARQLConstraint SPARQLConstraintComponent SPARQLAskValidator SPARQLSelectValidator SPARQLExecutable"
        " SPARQLAskExecutable SPARQLSelectExecutable SPARQLConstructExecutable SPARQLUpdateExecutable"
        " SPARQLTarget SPARQLTargetType SPARQLFunction SPARQLRule"
        " ConstraintComponent Function Target TargetType Rule TripleRule"
    ).split()
)
# SPARQL that reaches beyond the local data: a remote endpoint, or a graph loaded from a URL.
_REMOTE_SPARQL = re.compile(r"\bSERVICE\b|\bLOAD\b|\bFROM\s+(NAMED\s+)?(<|[A-Za-z_][\w.-]*:|:)", re.IGNORECASE)
_JS_NAME = re.compile(r"^(js|JS)")

SPARQL = "sparql"
IMPORTS = "imports"
JAVASCRIPT = "javascript"
REMOTE = "remote"

_WHAT = {
    SPARQL: "uses a SPARQL-based constraint or SHACL Advanced Feature",
    IMPORTS: "imports another graph with owl:imports",
    JAVASCRIPT: "uses SHACL-JavaScript",
    REMOTE: "has SPARQL that reaches a remote endpoint or graph (SERVICE, FROM or LOAD)",
}
_HOW = {
    SPARQL: "gcmkg runs SPARQL from user-supplied shapes only with --allow-sparql",
    IMPORTS: "gcmkg follows owl:imports (fetching them) only with --allow-imports",
    JAVASCRIPT: "gcmkg never runs SHACL-JavaScript",
    REMOTE: "gcmkg never runs SPARQL that queries or loads remote data, even with --allow-sparql",
}


@dataclass(frozen=True, order=True)
class Finding:
    """One offending triple: what kind of risk, the shape it belongs to, the triple as text."""

    kind: str
    shape: str
    triple: str


def _is_js(term: Node) -> bool:
    for namespace in (str(SH), DASH):
        if isinstance(term, URIRef) and str(term).startswith(namespace):
            return bool(_JS_NAME.match(str(term)[len(namespace) :]))
    return False


def _kind(predicate: Node, obj: Node) -> str | None:
    """The risk a triple carries, if any."""
    if _is_js(predicate) or (predicate == RDF.type and _is_js(obj)):
        return JAVASCRIPT
    if predicate == OWL.imports:
        return IMPORTS
    if isinstance(obj, Literal) and predicate in _SPARQL_PREDICATES and _reaches_out(str(obj)):
        return REMOTE
    if predicate in _SPARQL_PREDICATES or (predicate == RDF.type and obj in _SPARQL_CLASSES):
        return SPARQL
    return None


def _reaches_out(sparql: str) -> bool:
    """Whether SPARQL text names SERVICE, LOAD or FROM, escapes processed first as SPARQL does (SERV\\u0049CE).

    A keyword search, not the guard's parse: a shape's SPARQL is a fragment (``$this``, prefixes declared
    with sh:prefixes) that does not parse alone. A keyword in a comment or string is refused too, the safe side.
    """
    try:
        return bool(_REMOTE_SPARQL.search(normalise(sparql)))
    except QueryRefused:  # escapes SPARQL would not accept: refuse rather than guess what runs
        return True


def _owner(graph: Graph, node: Node) -> Node:
    """The nearest IRI that (through blank nodes) holds ``node``: the shape a constraint belongs to."""
    seen: set[Node] = set()
    while isinstance(node, BNode) and node not in seen:
        seen.add(node)
        holders = sorted(graph.subjects(None, node), key=lambda n: (isinstance(n, BNode), str(n)))
        if not holders:
            break
        node = holders[0]
    return node


def _text(node: Node, prefixes: dict[str, str]) -> str:
    """A term of an offending triple; a long literal (a SPARQL query) cut to 60 characters, from a remote
    clause (SERVICE, FROM, LOAD) if it has one."""
    if not isinstance(node, Literal):
        return term_text(node, prefixes)
    text = " ".join(str(node).split())
    remote = _REMOTE_SPARQL.search(text)
    start = remote.start() if remote and len(text) > 60 else 0
    cut = ("…" if start else "") + text[start : start + 60] + ("…" if len(text) > start + 60 else "")
    return term_text(Literal(cut), prefixes)


def find_unsafe(graph: Graph, allow_sparql: bool = False, allow_imports: bool = False) -> list[Finding]:
    """Every triple of ``graph`` that the options do not allow, sorted."""
    allowed = {SPARQL} if allow_sparql else set()
    if allow_imports:
        allowed.add(IMPORTS)
    prefixes = {**REPORT_PREFIXES, **{p: str(ns) for p, ns in graph.namespaces() if p}}
    findings = set()
    for subject, predicate, obj in graph:
        kind = _kind(predicate, obj)
        if kind is None or kind in allowed:
            continue
        triple = " ".join(_text(term, prefixes) for term in (subject, predicate, obj))
        findings.add(Finding(kind, _text(_owner(graph, subject), prefixes), triple))
    return sorted(findings)


def check_safe(graph: Graph, path: Path, allow_sparql: bool = False, allow_imports: bool = False) -> None:
    """Raise UnsafeShapesError naming ``path``, each offending shape and triple, and the option that allows it."""
    findings = find_unsafe(graph, allow_sparql=allow_sparql, allow_imports=allow_imports)
    if not findings:
        return
    lines = [f"{path}: shapes refused"]
    for finding in findings[:10]:
        lines.append(f"  shape {finding.shape} {_WHAT[finding.kind]}: {finding.triple}")
    if len(findings) > 10:
        lines.append(f"  … and {len(findings) - 10} more")
    hints = "; ".join(_HOW[kind] for kind in sorted({f.kind for f in findings}))
    raise UnsafeShapesError("\n".join(lines), hint=hints)

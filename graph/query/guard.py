"""Refuse SPARQL that reaches beyond the local dataset or changes data, found by parsing, never by keyword search.

A query (stored or ad hoc) is refused when it has:

- ``SERVICE`` anywhere: in OPTIONAL, UNION, MINUS, GRAPH, a subquery, EXISTS / NOT EXISTS;
- any SPARQL Update operation instead of a query (LOAD, INSERT, DELETE, CLEAR, DROP, CREATE, COPY, MOVE, ADD);
- ``FROM`` / ``FROM NAMED`` naming a graph that is not one of the dataset's named graphs.

FROM: an ad-hoc query may name the dataset's own named graphs (``gcmkg sparql`` checks them against
the build it loads); it then runs over the dataset it describes, as SPARQL defines it (the default
graph is the merge of the FROM graphs, empty with FROM NAMED alone; GRAPH ranges over the FROM NAMED
graphs) instead of over the union of all named graphs. A stored query may not use FROM at all: it
must mean the same on every build and endpoint, so it always runs over the union.

The keywords are found in rdflib's parse tree (``parseQuery``; ``parseUpdate`` recognises updates),
so a keyword in a comment or a string literal is not refused, and one in any letter case or written
with escapes is. SPARQL 1.1 (section 19.2) processes ``\\uXXXX`` and ``\\UXXXXXXXX`` codepoint escapes
anywhere in the text before parsing (``SERV\\u0049CE``), and a comment ends at a line feed or a
carriage return. rdflib's own escape expansion is looser than the specification and its comments
run past a lone carriage return, while Oxigraph processes escapes only in strings and IRIs. So the
guard rewrites the text first: escapes processed once, exactly as section 19.2 says (a surrogate or
out-of-range code point is refused, and so is an escape that produces another escape); a carriage
return not followed by a line feed becomes a line feed. What was checked, ``CheckedQuery.text``, is
then the text that runs, on Oxigraph or on an endpoint: every engine reads it the same way.

rdflib's parser recurses once per grammar level, so a query nested more deeply than Python's recursion
limit allows (about 20 nested parentheses or 35 nested groups) is refused as too deeply nested to check.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from typing import Any

from gcmkg.graph.core.errors import QueryRefused, StoredQueryError
from gcmkg.graph.query.catalogue import StoredQuery
from gcmkg.graph.query.guardcache import remembered

FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}
_UPDATES = {
    "Load": "LOAD",
    "Clear": "CLEAR",
    "Drop": "DROP",
    "Create": "CREATE",
    "Add": "ADD",
    "Move": "MOVE",
    "Copy": "COPY",
    "InsertData": "INSERT DATA",
    "DeleteData": "DELETE DATA",
    "DeleteWhere": "DELETE WHERE",
    "Modify": "DELETE/INSERT … WHERE",
}
# SPARQL 1.1 section 19.2: \u and four HEX digits, \U and eight; HEX ::= [0-9] | [A-F] | [a-f].
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# What rdflib (and, in strings, Oxigraph) would still expand: none may be left after one pass.
_LEFT_OVER = re.compile(r"\\[uU][0-9A-Fa-f]{4}")
_LONE_CR = re.compile(r"\r(?!\n)")


@dataclass(frozen=True)
class CheckedQuery:
    """A query the guard let through: the text to run, its form, and the graphs its FROM clauses name."""

    text: str
    form: str
    from_graphs: tuple[str, ...] = ()
    from_named: tuple[str, ...] = ()

    @property
    def has_dataset(self) -> bool:
        """Whether the query names its own dataset with FROM or FROM NAMED."""
        return bool(self.from_graphs or self.from_named)


def unescape_codepoints(text: str) -> str:
    """``text`` with its ``\\uXXXX`` / ``\\UXXXXXXXX`` escapes replaced by the code points, once (SPARQL 1.1 §19.2)."""

    def code_point(match: re.Match[str]) -> str:
        value = int(match.group(1) or match.group(2), 16)
        if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
            what = "a surrogate" if value <= 0xDFFF else "beyond U+10FFFF"
            raise QueryRefused(
                f"the escape {match.group(0)} is {what}, not a Unicode scalar value",
                hint="write a character above U+FFFF as \\U and eight hex digits, e.g. \\U0001F600",
            )
        return chr(value)

    result = _CODEPOINT.sub(code_point, text)
    left = _LEFT_OVER.search(result)
    if left:
        raise QueryRefused(
            f"the query still holds the escape {left.group(0)} after its escapes were processed "
            "(an escape that produces another escape, or \\U with fewer than eight hex digits)",
            hint="SPARQL processes \\u and \\U escapes once, before parsing; write the character itself",
        )
    return result


def normalise(text: str) -> str:
    """The text the guard checks and gcmkg runs: codepoint escapes processed, lone carriage returns made line feeds."""
    return _LONE_CR.sub("\n", unescape_codepoints(text))


def _field(node: Any, key: str) -> Any:
    """A field of an rdflib CompValue, None if absent (CompValue.get returns the key itself when it is absent)."""
    return dict.get(node, key)


def tree_nodes(tree: object) -> Iterator[Any]:
    """Every rdflib CompValue in a parse or algebra tree, however deeply nested (lists, ParseResults,
    expressions)."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack, seen = [tree], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, CompValue):
            yield node
            stack.extend(dict.values(node))
        elif isinstance(node, list | tuple | set | frozenset | ParseResults):
            stack.extend(node)
        elif isinstance(node, dict):
            stack.extend(node.values())


def _syntax_error(exc: Any, line_offset: int = 0) -> QueryRefused:
    """One line naming where the parser stopped and what it found there, never the parser's list of expectations.

    ``line_offset`` lines were put before the user's first line (``adhoc.predeclare``)."""
    text, location = getattr(exc, "pstr", ""), getattr(exc, "loc", 0)
    line, column = getattr(exc, "lineno", 1) - line_offset, getattr(exc, "col", 1)
    found = text[location:].split(maxsplit=1)
    near = f"unexpected {found[0][:20]!r}" if found else "unexpected end of query"
    return QueryRefused(f"not valid SPARQL at line {line}, column {column}: {near}")


def _unknown_prefix(prologue_tree: Any, body: Any) -> QueryRefused | None:
    """An error naming the first prefix ``body`` uses that the prologue does not declare (rdflib would otherwise
    bind its own defaults, and Oxigraph answers with a parser dump); None if every prefix is declared."""
    declarations = [node for node in prologue_tree if getattr(node, "name", None) == "PrefixDecl"]  # in text order
    declared = list(dict.fromkeys(_field(node, "prefix") or "" for node in declarations))
    used = [_field(node, "prefix") or "" for node in tree_nodes(body) if node.name == "pname"]
    unknown = next((prefix for prefix in used if prefix not in declared), None)
    if unknown is None:
        return None
    known = ", ".join(f"{prefix}:" for prefix in declared) or "none"
    return QueryRefused(
        f"not valid SPARQL: unknown prefix {unknown}:; known: {known}",
        hint=f"declare it (PREFIX {unknown}: <namespace>), or use a prefix `gcmkg prefixes` lists",
    )


def _refuse_update(text: str) -> None:
    """Raise for ``text`` if it is a SPARQL Update, naming its operations; otherwise do nothing."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        update = parseUpdate(text)
    except (ParseBaseException, ValueError, RecursionError):
        return
    operations = [_UPDATES.get(op.name, op.name) for op in _field(update, "request") or ()]
    if not operations:
        raise QueryRefused("no query: the text holds only comments or prefixes") from None
    raise QueryRefused(
        f"refused: this is a SPARQL Update ({', '.join(dict.fromkeys(operations))}), not a query",
        hint="gcmkg only reads the data; it never runs LOAD, INSERT, DELETE, CLEAR, DROP, CREATE, COPY, MOVE or ADD",
    )


def _iri(node: object, prologue: Any) -> str:
    """The IRI of a FROM clause: a prefixed name expanded, a relative IRI resolved against BASE."""
    try:
        return str(prologue.absolutize(node))
    except Exception as exc:  # rdflib raises a bare Exception for an undeclared prefix
        raise QueryRefused(f"not valid SPARQL: {exc}") from None


def _sourced(error: QueryRefused, source: str | None) -> QueryRefused:
    """``error`` with its message prefixed by ``source`` (the query file), if there is one."""
    return QueryRefused(f"{source}: {error.message}", hint=error.hint) if source else error


# The longest query the guard parses, in characters (the prefixes gcmkg sparql declares included): parsing
# takes time that grows faster than the text (a 35,000-character IN list took 17 s), and the stored
# queries are under 3,100 characters.
MAX_QUERY_CHARS = 20_000


def check_query(text: str, source: str | None = None, line_offset: int = 0) -> CheckedQuery:
    """Parse ``text`` and return what may run; QueryRefused (naming what was found) for SERVICE, updates, bad SPARQL.

    FROM clauses are returned, not judged: ``check_dataset`` compares them with the dataset's graphs.
    Messages start with ``source`` (the query file) when given; ``line_offset`` lines were put before the user's
    first line (the project's prefixes, for ``gcmkg sparql``) and are not counted in error messages.
    """
    try:
        if len(text) > MAX_QUERY_CHARS:
            raise QueryRefused(
                f"the query is {len(text):,} characters long; the guard checks queries of at most {MAX_QUERY_CHARS:,}",
                hint="shorten it: a long VALUES or IN list is better a smaller query, or several",
            )
        return _check(text, line_offset)
    except QueryRefused as error:
        raise _sourced(error, source) from None


def _check(text: str, line_offset: int = 0) -> CheckedQuery:
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.algebra import translatePrologue
    from rdflib.plugins.sparql.parser import parseQuery
    from rdflib.term import Variable

    checked = normalise(text)
    try:
        tree = parseQuery(checked)
    except ParseBaseException as exc:
        _refuse_update(checked)
        raise _syntax_error(exc, line_offset) from None
    except RecursionError:
        raise QueryRefused("the query is nested too deeply to check") from None
    prologue_tree, body = tree[0], tree[1]
    unknown = _unknown_prefix(prologue_tree, body)
    if unknown is not None:
        raise unknown
    try:
        prologue = translatePrologue(prologue_tree, None)
    except Exception as exc:  # rdflib raises a bare Exception for what it cannot use
        raise QueryRefused(f"not valid SPARQL: {exc}") from None
    services = []
    for node in tree_nodes(body):
        if node.name == "ServiceGraphPattern":
            term = _field(node, "term")
            shown = f"?{term}" if isinstance(term, Variable) else f"<{_iri(term, prologue)}>"
            services.append(f"SERVICE {'SILENT ' if _field(node, 'silent') else ''}{shown}")
    if services:
        raise QueryRefused(
            f"refused: the query uses {', '.join(sorted(set(services)))}",
            hint="gcmkg runs queries on the local dataset only; remove the SERVICE clause",
        )
    from_graphs, from_named = [], []
    for clause in _field(body, "datasetClause") or ():
        if _field(clause, "default") is not None:
            from_graphs.append(_iri(clause["default"], prologue))
        if _field(clause, "named") is not None:
            from_named.append(_iri(clause["named"], prologue))
    return CheckedQuery(checked, FORMS[body.name], tuple(from_graphs), tuple(from_named))


def check_dataset(query: CheckedQuery, graphs: Collection[str], source: str | None = None) -> None:
    """QueryRefused if a FROM or FROM NAMED clause of ``query`` names a graph not in ``graphs``."""
    outside = [f"FROM <{iri}>" for iri in query.from_graphs if iri not in graphs]
    outside += [f"FROM NAMED <{iri}>" for iri in query.from_named if iri not in graphs]
    if outside:
        error = QueryRefused(
            f"refused: {', '.join(outside)} names a graph outside the dataset",
            hint="FROM may only name the dataset's own graphs (list them with "
            "gcmkg sparql 'SELECT DISTINCT ?g WHERE { GRAPH ?g {} }'); leave FROM out to query all of them",
        )
        raise _sourced(error, source)


def check_stored_query(stored: StoredQuery) -> StoredQuery:
    """``stored`` with the text to run, if the guard lets it through; StoredQueryError naming its file otherwise.

    A stored query must be a SELECT query without FROM: it runs over the union of any build or endpoint.
    A query that passed before is answered from the verdict cache (graph/query/guardcache.py).
    """
    try:
        text = remembered(stored.text, _checked_stored_text)
    except QueryRefused as error:
        raise StoredQueryError(f"{stored.path}: {error.message}", hint=error.hint) from None
    return replace(stored, text=text)


def _checked_stored_text(text: str) -> str:
    """The text to run of a stored query; QueryRefused unless it is a SELECT query without FROM."""
    checked = check_query(text)
    if checked.form != "SELECT":
        raise QueryRefused(f"a stored query must be a SELECT query, not {checked.form}")
    if checked.has_dataset:
        clauses = [f"FROM <{iri}>" for iri in checked.from_graphs]
        clauses += [f"FROM NAMED <{iri}>" for iri in checked.from_named]
        raise QueryRefused(
            f"refused: {', '.join(clauses)}; a stored query may not name graphs with FROM",
            hint="a stored query runs over the union of the named graphs of any build or endpoint; "
            "select a graph with GRAPH instead",
        )
    return checked.text

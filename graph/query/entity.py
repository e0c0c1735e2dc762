"""``gcmkg describe ENTITY``: one entity of a build — its types, labels, properties, what links to it and, for
document-derived facts, the passages they come from.

ENTITY is an ISO 3166 alpha-3 code (``SRB``), an IRI (``<…>`` or ``https://…``), a compact IRI with a project
prefix (``state:SRB``, ``objective:7``) or a label (``Serbia``, ignoring case). The SPARQL is in the
``describe-*.rq`` files beside this module; the entity and the label are bound as typed terms, never spliced.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path

from pyoxigraph import Literal, NamedNode, QuerySolution, QuerySolutions, Store, Variable

from gcmkg.graph.core import ids
from gcmkg.graph.core.errors import NotFoundError, UsageError
from gcmkg.graph.core.prefixes import PREFIXES, compact

_QUERIES = Path(__file__).resolve().parent
_ISO3 = re.compile(r"^[A-Z]{3}$")
_COMPACT = re.compile(r"^([A-Za-z][\w-]*):(\S*)$")
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LABELS = {
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2004/02/skos/core#altLabel",
    "http://purl.org/dc/terms/title",
}
FORMATS = ("table", "json", "turtle", "jsonld")
_TEXT_WIDTH = 160  # characters of a passage shown in the table


@dataclass(frozen=True)
class Statement:
    """One property of the entity and its value (with the value's label), or one link to it (with its subject's)."""

    property: str
    other: NamedNode | Literal | object
    label: str | None
    other_type: str | None = None


@dataclass(frozen=True)
class Passage:
    """A passage a document-derived fact about the entity comes from."""

    fact: str
    passage: str
    number: int | None
    document: str
    title: str | None
    text: str
    span: tuple[int, int] | None = None  # where in ``text`` the fact was read (a mention, a statistic), if known


def _span(row: QuerySolution, text: str) -> tuple[int, int] | None:
    """The fact's character span within its passage's text, from the offsets both have in the document; None
    if the fact has none or they do not fall inside the passage."""
    if row["start"] is None or row["end"] is None or row["passageStart"] is None:
        return None
    base = int(row["passageStart"].value)
    start, end = int(row["start"].value) - base, int(row["end"].value) - base
    return (start, end) if 0 <= start < end <= len(text) else None


@dataclass(frozen=True)
class Description:
    """What a build says about one entity."""

    iri: str
    statements: tuple[Statement, ...]
    links: tuple[Statement, ...]
    passages: tuple[Passage, ...]

    @property
    def types(self) -> list[str]:
        return [value_of(s.other) for s in self.statements if s.property == _RDF_TYPE]

    @property
    def labels(self) -> list[str]:
        return [value_of(s.other) for s in self.statements if s.property in _LABELS]


@cache
def _text(name: str) -> str:
    return (_QUERIES / f"describe-{name}.rq").read_text(encoding="utf-8")


def _rows(store: Store, name: str, bindings: dict[Variable, NamedNode | Literal]) -> QuerySolutions:
    answer = store.query(_text(name), substitutions=bindings)
    assert isinstance(answer, QuerySolutions)
    return answer


def resolve(entity: str) -> NamedNode | None:
    """The IRI ``entity`` names without looking at the data: an alpha-3 code, an IRI or a compact IRI; None for a
    label (looked up in the build by ``find``)."""
    if _ISO3.match(entity):
        return NamedNode(ids.state(entity))
    if entity.startswith("<") and entity.endswith(">"):
        return NamedNode(entity[1:-1])
    if re.match(r"^[a-z][a-z0-9+.-]*://", entity):
        return NamedNode(entity)
    match = _COMPACT.match(entity)
    if match and match.group(1) in PREFIXES:
        return NamedNode(PREFIXES[match.group(1)] + match.group(2))
    return None


def find(store: Store, entity: str) -> NamedNode:
    """The one entity of ``store`` called ``entity``; NotFoundError if none is, UsageError listing them if several."""
    named = resolve(entity)
    if named is not None:
        return named
    found = [row["entity"] for row in _rows(store, "find", {Variable("name"): Literal(entity)})]
    if not found:
        raise NotFoundError(
            f"nothing in the build is called {entity!r}",
            hint="give an ISO 3166 alpha-3 code (SRB), an IRI, a compact IRI (objective:7) or an exact label",
        )
    if len(found) > 1:
        listing = ", ".join(compact(node.value) for node in found[:10])
        raise UsageError(f"{len(found)} entities are called {entity!r}: {listing}", hint="give one of their IRIs")
    named = found[0]
    assert isinstance(named, NamedNode)
    return named


def describe_on_store(store: Store, entity: str) -> Description:
    """Describe ``entity`` from what ``store`` holds; NotFoundError if the build says nothing about it."""
    node = find(store, entity)
    bound = {Variable("entity"): node}
    statements = tuple(
        Statement(row["property"].value, row["value"], _optional(row["valueLabel"]))
        for row in _rows(store, "statements", bound)
    )
    links = tuple(
        Statement(row["property"].value, row["subject"], _optional(row["subjectLabel"]), _optional(row["subjectType"]))
        for row in _rows(store, "links", bound)
    )
    if not statements and not links:
        raise NotFoundError(f"the build says nothing about <{node.value}>", hint="check the IRI or code")
    passages = tuple(
        Passage(
            fact=row["fact"].value,
            passage=row["passage"].value,
            number=int(row["number"].value) if row["number"] is not None else None,
            document=row["document"].value,
            title=_optional(row["title"]),
            text=row["text"].value,
            span=_span(row, row["text"].value),
        )
        for row in _rows(store, "passages", bound)
    )
    return Description(node.value, statements, links, passages)


def describe(location: Path | None, entity: str, inferred: bool = True, timeout: float = 0) -> Description:
    """Describe ``entity`` in the build at ``location``, under the same time limit as queries."""
    from gcmkg.graph.query.limits import run_limited

    return run_limited(location, inferred, lambda: partial(describe_on_store, entity=entity), timeout)


def _optional(term: object) -> str | None:
    return None if term is None else value_of(term)


def value_of(term: object) -> str:
    """The IRI or lexical form of a term."""
    return term.value if isinstance(term, NamedNode | Literal) else str(term)


def _shown(term: object, label: str | None = None) -> str:
    """A term for people: a compact IRI (with its label), a literal as its text (with its language or datatype)."""
    if isinstance(term, NamedNode):
        name = compact(term.value)
        return f"{name} ({label})" if label and label != name else name
    if isinstance(term, Literal):
        if term.language:
            return f"{term.value!r}@{term.language}"
        datatype = compact(term.datatype.value)
        return term.value if datatype in ("xsd:string", "xsd:integer") else f"{term.value} ({datatype})"
    return str(term)


def render(description: Description, output_format: str) -> str:
    """``description`` as a table for people, JSON, or RDF: Turtle or JSON-LD."""
    if output_format == "json":
        return _json(description)
    if output_format in ("turtle", "jsonld"):
        return _rdf(description, output_format)
    return _table(description)


def _table(d: Description) -> str:
    label = d.labels[0] if d.labels else ""
    lines = [f"{compact(d.iri)}  {label}".rstrip(), f"  iri:     {d.iri}"]
    lines.append(f"  types:   {', '.join(compact(t) for t in d.types) or '-'}")
    lines.append(f"  labels:  {'; '.join(dict.fromkeys(d.labels)) or '-'}")
    shown = [s for s in d.statements if s.property != _RDF_TYPE and s.property not in _LABELS]
    lines.append(f"properties ({len(shown)}):")
    lines += [f"  {compact(s.property):<28} {_shown(s.other, s.label)}" for s in shown]
    lines.append(f"linked from ({len(d.links)}):")
    for s in d.links:
        kind = f" [{compact(s.other_type)}]" if s.other_type else ""
        lines.append(f"  {compact(s.property):<28} ← {_shown(s.other, s.label)}{kind}")
    by_passage: dict[str, list[Passage]] = {}
    for p in d.passages:
        by_passage.setdefault(p.passage, []).append(p)
    lines.append(f"passages ({len(by_passage)}):")
    for facts in by_passage.values():
        p = facts[0]
        document = p.title or compact(p.document)
        where = f"{document}, passage {p.number}" if p.number is not None else document
        text = " ".join(p.text.split())
        text = text if len(text) <= _TEXT_WIDTH else text[: _TEXT_WIDTH - 1] + "…"
        lines.append(f"  {where} ({len(facts)} fact{'s' * (len(facts) != 1)}): {text}")
    return "\n".join(lines) + "\n"


def _json_term(term: object) -> dict[str, str]:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, Literal):
        found = {"type": "literal", "value": term.value}
        if term.language:
            found["xml:lang"] = term.language
        else:
            found["datatype"] = term.datatype.value
        return found
    return {"type": "bnode", "value": str(term)}


def _json(d: Description) -> str:
    document = {
        "iri": d.iri,
        "types": d.types,
        "labels": d.labels,
        "properties": [{"property": s.property, "value": _json_term(s.other), "label": s.label} for s in d.statements],
        "linked_from": [
            {"property": s.property, "subject": _json_term(s.other), "label": s.label, "type": s.other_type}
            for s in d.links
        ],
        "passages": [
            {
                "fact": p.fact,
                "passage": p.passage,
                "number": p.number,
                "document": p.document,
                "title": p.title,
                "text": p.text,
                "span": list(p.span) if p.span else None,
            }
            for p in d.passages
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _rdf(d: Description, output_format: str) -> str:
    """The entity's statements and the statements that point at it, as Turtle (with the project's prefixes) or
    JSON-LD (expanded)."""
    from pyoxigraph import RdfFormat, Triple, serialize

    node = NamedNode(d.iri)
    triples = [Triple(node, NamedNode(s.property), s.other) for s in d.statements]
    triples += [Triple(s.other, NamedNode(s.property), node) for s in d.links]
    syntax = RdfFormat.TURTLE if output_format == "turtle" else RdfFormat.JSON_LD
    return (serialize(triples, format=syntax, prefixes=PREFIXES) or b"").decode("utf-8")

"""HTML for gcmkg serve and for Jupyter: Jinja2 templates (``templates/``) that escape every value they are given,
and the one rule that turns an IRI into a link (the build's own IRIs to this server's pages, http(s) IRIs as they
are, anything else, ``javascript:`` included, as text only)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from pyoxigraph import Literal, NamedNode
from starlette.responses import HTMLResponse

from gcmkg.graph.core import ids
from gcmkg.graph.core.errors import GcmkgError
from gcmkg.graph.core.prefixes import compact
from gcmkg.graph.query.entity import Description
from gcmkg.graph.serve.answers import status_of

TEMPLATES = Path(__file__).with_name("templates")
# Pages load only this server's own scripts and styles: no inline script, nothing from elsewhere.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'"
)


def local_path(iri: str) -> str | None:
    """The path of this server's page for one of the build's IRIs (``/id/state/SRB``, ``/ontology#State``);
    None for an IRI outside ``ids.BASE``."""
    return "/" + iri[len(ids.BASE) :] if iri.startswith(ids.BASE) else None


def href(iri: str) -> str | None:
    """Where a link to ``iri`` goes: this server's page for the build's IRIs, the IRI itself for http(s) IRIs,
    None (no link) for any other scheme."""
    found = local_path(iri)
    if found is not None:
        return found
    return iri if iri.startswith(("http://", "https://")) else None


@dataclass(frozen=True)
class Shown:
    """A term on a page: its text, where it links to (None: plain text) and a note (a literal's datatype or
    language, an IRI's compact form when the text is its label)."""

    text: str
    link: str | None = None
    note: str = ""


def shown(term: object, label: str | None = None) -> Shown:
    """How a page shows ``term`` (with ``label``, the label of an IRI, if it has one)."""
    if isinstance(term, NamedNode):
        name = compact(term.value)
        return Shown(label or name, href(term.value), name if label and label != name else "")
    if isinstance(term, Literal):
        note = f"@{term.language}" if term.language else compact(term.datatype.value)
        return Shown(term.value, None, "" if note == "xsd:string" else note)
    return Shown(str(term))


@dataclass(frozen=True)
class Quoted:
    """A passage on a page: where it is, and its text in pieces, those a fact was read from marked."""

    document: str
    title: str | None
    number: int | None
    facts: int
    pieces: tuple[tuple[str, bool], ...]


def quoted(description: Description) -> list[Quoted]:
    """The passages of ``description``, one each, with the spans of all the facts read from it marked."""
    grouped: dict[str, list[Any]] = {}
    for passage in description.passages:
        grouped.setdefault(passage.passage, []).append(passage)
    found = []
    for facts in grouped.values():
        first = facts[0]
        spans = sorted({p.span for p in facts if p.span})
        pieces, at = [], 0
        for start, end in spans:
            if start < at:  # overlaps the span before it: marked already
                start = at
            if start >= end:
                continue
            pieces += [(first.text[at:start], False), (first.text[start:end], True)]
            at = end
        pieces.append((first.text[at:], False))
        found.append(Quoted(first.document, first.title, first.number, len(facts), tuple(p for p in pieces if p[0])))
    return found


@cache
def environment() -> jinja2.Environment:
    """The templates, escaping every ``{{ value }}`` (HTML), with the link helpers as globals."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(href=href, compact=compact, shown=shown, quoted=quoted)
    return env


def fragment(name: str, **context: Any) -> str:
    """The template ``name`` rendered with ``context``."""
    return environment().get_template(name).render(**context)


def page(title: str, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page of the site."""
    return HTMLResponse(fragment(template, title=title, **context), status_code=status, headers={"Vary": "Accept"})


def error_page(error: GcmkgError) -> HTMLResponse:
    """An error as a page, with its HTTP status."""
    status = status_of(error)
    return page("Not found" if status == 404 else "Error", "error.html", status, message=error.message, hint=error.hint)

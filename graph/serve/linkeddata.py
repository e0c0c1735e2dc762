"""Linked-data pages: every IRI of the build (``https://w3id.org/gcmkg/…``) answers on this server at its own path
(``/id/state/SRB``, ``/id/review/2024/session/2``, ``/graph/…``, ``/ontology#State``).

The answer is direct (200, ``Vary: Accept``; no 303 redirect): an HTML page by default, Turtle or JSON-LD of the
same description when ``Accept`` asks for ``text/turtle`` or ``application/ld+json``, or with ``?format=turtle`` /
``?format=jsonld`` (links a person can follow). The description is ``gcmkg describe``'s (graph/query/entity.py):
labels, types, properties, what links here, and the passages document-derived facts come from, with the span each
fact was read from highlighted. ``/ontology`` lists the ontology's classes and properties with their definitions.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from pyoxigraph import QuerySolutions, RdfFormat, Store, parse, serialize
from starlette.requests import Request
from starlette.responses import Response

from gcmkg.graph.core import ids
from gcmkg.graph.core.errors import GcmkgError, UsageError
from gcmkg.graph.core.prefixes import PREFIXES, compact
from gcmkg.graph.core.resources import ontology_file
from gcmkg.graph.query.entity import describe_on_store, render, value_of
from gcmkg.graph.serve.answers import error_response, refuse
from gcmkg.graph.serve.markup import error_page, page
from gcmkg.graph.serve.negotiation import RDF_ACCEPTED, RDF_MEDIA, choose
from gcmkg.graph.serve.site import Site

PREF_LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"  # a page's title, before any other label
ONTOLOGY_TERMS = Path(__file__).with_name("ontology-terms.rq")
_KINDS = {
    "http://www.w3.org/2002/07/owl#Class": "Classes",
    "http://www.w3.org/2002/07/owl#ObjectProperty": "Object properties",
    "http://www.w3.org/2002/07/owl#DatatypeProperty": "Datatype properties",
}


def asked_format(request: Request) -> str | None:
    """html, turtle or jsonld: from ``?format=`` if given, else from ``Accept``; None if neither can be had."""
    asked = request.query_params.get("format")
    if asked is not None:
        if asked not in RDF_MEDIA:
            raise UsageError(f"format={asked} is not one of {', '.join(RDF_MEDIA)}")
        return asked
    return choose(request.headers.get("accept"), RDF_ACCEPTED, "html")


async def resource(request: Request) -> Response:
    """The description of the build's IRI at this path."""
    site: Site = request.app.state.site
    path = request.url.path
    iri = ids.BASE + path.lstrip("/")
    wants_page = True
    try:
        output_format = asked_format(request)
        if output_format is None:
            return refuse(406, f"descriptions are available as {', '.join(RDF_MEDIA.values())}")
        wants_page = output_format == "html"
        description = await site.run(partial(describe_on_store, entity=f"<{iri}>"))
    except GcmkgError as error:
        return error_page(error) if wants_page else error_response(error)
    if output_format == "html":
        preferred = [value_of(s.other) for s in description.statements if s.property == PREF_LABEL]
        title = next(iter(preferred + description.labels), compact(iri))
        return page(title, "entity.html", description=description, path=path)
    media = RDF_MEDIA[output_format]
    return Response(render(description, output_format), media_type=media, headers={"Vary": "Accept"})


def ontology_terms(store: Store) -> list[dict[str, str | None]]:
    """The ontology's classes and properties with label, definition, domain and range (a job for a query process)."""
    answer = store.query(ONTOLOGY_TERMS.read_text(encoding="utf-8"))
    assert isinstance(answer, QuerySolutions)
    columns = ("term", "kind", "label", "definition", "domain", "range")
    return [{column: None if row[column] is None else row[column].value for column in columns} for row in answer]


async def terms(site: Site) -> list[dict[str, str | None]]:
    """The ontology's terms, read from the build once."""
    return await site.remembered("ontology", ontology_terms)


async def ontology(request: Request) -> Response:
    """``/ontology``: its terms as a page (each at ``#Name``), or the ontology file as Turtle or JSON-LD."""
    site: Site = request.app.state.site
    try:
        output_format = asked_format(request)
        found = await terms(site) if output_format == "html" else []
    except GcmkgError as error:
        return error_page(error)
    if output_format is None:
        return refuse(406, f"the ontology is available as {', '.join(RDF_MEDIA.values())}")
    if output_format == "turtle":
        return Response(ontology_file().read_bytes(), media_type=RDF_MEDIA["turtle"], headers={"Vary": "Accept"})
    if output_format == "jsonld":
        quads = parse(path=str(ontology_file()), format=RdfFormat.TURTLE)
        triples = [quad.triple for quad in quads]
        body = serialize(triples, format=RdfFormat.JSON_LD, prefixes=PREFIXES) or b""
        return Response(body, media_type=RDF_MEDIA["jsonld"], headers={"Vary": "Accept"})
    groups = []
    for kind, heading in _KINDS.items():
        chosen = [{**term, "name": str(term["term"]).partition("#")[2]} for term in found if term["kind"] == kind]
        groups.append((heading, chosen))
    return page("Ontology", "ontology.html", iri=ids.ONTOLOGY, groups=groups)

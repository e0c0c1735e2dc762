"""The home page (search, the stored-query gallery, the SPARQL editor, the views, the ontology) and ``/search``."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from pyoxigraph import Literal, QuerySolutions, Store, Variable
from starlette.requests import Request
from starlette.responses import Response

from gcmkg.graph.core.errors import GcmkgError
from gcmkg.graph.core.prefixes import PREFIXES
from gcmkg.graph.query.params import EXPECTED
from gcmkg.graph.query.runner import take
from gcmkg.graph.serve.linkeddata import terms
from gcmkg.graph.serve.markup import error_page, page
from gcmkg.graph.serve.site import Site
from gcmkg.graph.visualise.kinds import KINDS

SEARCH = Path(__file__).with_name("search.rq")
MOST_FOUND = 50  # entities a search lists
MAX_SEARCH = 200  # characters of a search


def search_labels(store: Store, text: str, most: int) -> list[tuple[str, str, str | None]]:
    """(IRI, label, type) of the entities whose label contains ``text``, the first ``most`` by label (a job)."""
    answer = store.query(SEARCH.read_text(encoding="utf-8"), substitutions={Variable("q"): Literal(text)})
    assert isinstance(answer, QuerySolutions)
    rows, _ = take(answer, [Variable("entity"), Variable("name"), Variable("type")], most)
    return [(row[0].value, row[1].value, None if row[2] is None else row[2].value) for row in rows]  # type: ignore[union-attr]


async def search(request: Request) -> Response:
    """``/search?q=``: the entities whose label contains the text, as links to their pages."""
    site: Site = request.app.state.site
    text = request.query_params.get("q", "").strip()[:MAX_SEARCH]
    try:
        found = await site.run(partial(search_labels, text=text, most=MOST_FOUND)) if text else []
    except GcmkgError as error:
        return error_page(error)
    return page(f"Search: {text}" if text else "Search", "search.html", q=text, found=found, most=MOST_FOUND)


async def home(request: Request) -> Response:
    """The home page."""
    site: Site = request.app.state.site
    try:
        found = await terms(site)
    except GcmkgError as error:
        return error_page(error)
    properties = sum(1 for term in found if term["kind"] != "http://www.w3.org/2002/07/owl#Class")
    return page(
        "GCM Regional Reviews knowledge graph",
        "home.html",
        build=str(site.location),
        queries=[site.catalogue[name] for name in sorted(site.catalogue)],
        expected=EXPECTED,
        prefixes=list(PREFIXES.items()),
        views=[kind for kind in KINDS.values() if kind.is_network],
        classes=len(found) - properties,
        properties=properties,
    )

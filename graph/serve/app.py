"""The gcmkg serve application: its routes, the static files shipped in the package, the size limits and security
headers on every answer, and CORS only for the one origin ``--cors`` names."""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from gcmkg.graph.serve import home, linkeddata, protocol, restapi, viewroutes
from gcmkg.graph.serve.answers import NOTES_HEADER, ROW_LIMIT_HEADER
from gcmkg.graph.serve.bounds import Guarded
from gcmkg.graph.serve.site import Site

STATIC = Path(__file__).with_name("static")


def create_app(site: Site) -> Starlette:
    """The application serving ``site``."""
    routes = [
        Route("/", home.home),
        Route("/search", home.search),
        Route("/sparql", protocol.sparql, methods=["GET", "POST"]),
        Route("/api/{name}", restapi.stored_query),
        Route("/openapi.json", restapi.openapi_json),
        Route("/docs", restapi.docs),
        Route("/views/{name}", viewroutes.view),
        Route("/ontology", linkeddata.ontology),
        *(Route(f"/{root}/{{rest:path}}", linkeddata.resource) for root in ("id", "graph", "source")),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    middleware = [Middleware(Guarded)]
    if site.cors:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=[site.cors],
                allow_methods=["GET", "POST"],
                allow_headers=["Content-Type", "Accept"],
                expose_headers=[ROW_LIMIT_HEADER, NOTES_HEADER],
            )
        )
    app = Starlette(routes=routes, middleware=middleware)
    app.state.site = site
    return app

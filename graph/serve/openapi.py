"""The OpenAPI 3 description of the stored-query API, generated from the ``#+`` metadata of the ``.rq`` files
(summary, description, tags, typed parameters, columns), as grlc generates its own; served at ``/openapi.json``
and as a page at ``/docs``."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any

from gcmkg.graph.query.catalogue import Parameter, StoredQuery
from gcmkg.graph.query.params import EXPECTED, PATTERNS
from gcmkg.graph.serve.negotiation import RESULT_MEDIA

OPENAPI_VERSION = "3.0.3"
_JSON_TYPES = {"integer": "integer"}  # every other parameter type is a string (with a pattern, or a URI)


def _schema(parameter: Parameter) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": _JSON_TYPES.get(parameter.type, "string"), "x-gcmkg-type": parameter.type}
    if parameter.type in PATTERNS and parameter.type != "integer":
        schema["pattern"] = PATTERNS[parameter.type].pattern
    if parameter.type == "iri":
        schema["format"] = "uri"
    if parameter.allowed:
        schema["enum"] = list(parameter.allowed)
    if parameter.default is not None:
        schema["default"] = int(parameter.default) if parameter.type == "integer" else parameter.default
    return schema


def _results_schema(query: StoredQuery) -> dict[str, Any]:
    """SPARQL JSON results whose variables are the query's columns."""
    return {
        "type": "object",
        "properties": {
            "head": {"type": "object", "properties": {"vars": {"type": "array", "example": list(query.columns)}}},
            "results": {"type": "object", "properties": {"bindings": {"type": "array", "items": {"type": "object"}}}},
        },
    }


def operation(query: StoredQuery) -> dict[str, Any]:
    """The GET operation of one stored query."""
    parameters = [
        {
            "name": p.name,
            "in": "query",
            "required": p.required,
            "description": f"{p.description} ({EXPECTED[p.type]})".strip(),
            "schema": _schema(p),
        }
        for p in query.parameters
    ]
    content: dict[str, Any] = {RESULT_MEDIA["json"]: {"schema": _results_schema(query)}}
    content.update({RESULT_MEDIA[name]: {"schema": {"type": "string"}} for name in ("csv", "tsv", "xml")})
    text = {"text/plain": {"schema": {"type": "string"}}}
    return {
        "operationId": query.name,
        "summary": query.summary,
        "description": query.description,
        "tags": list(query.tags),
        "parameters": parameters,
        "responses": {
            "200": {"description": f"rows with the columns {', '.join(query.columns)}", "content": content},
            "400": {"description": "a parameter missing, unknown or not of its type (named)", "content": text},
            "503": {"description": "the query ran longer than the server's time limit", "content": text},
        },
    }


def _version() -> str:
    try:
        return version("gcmkg")
    except PackageNotFoundError:
        return "0"


def openapi(catalogue: dict[str, StoredQuery]) -> dict[str, Any]:
    """The OpenAPI description of every stored query, ``/api/{name}`` each, in name order."""
    return {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": "gcmkg stored queries",
            "version": _version(),
            "description": "The stored SPARQL queries of the GCM Regional Reviews knowledge graph, one GET "
            "operation each; add .csv or .json to a path, or ask by Accept, for that format.",
        },
        "paths": {f"/api/{name}": {"get": operation(catalogue[name])} for name in sorted(catalogue)},
    }

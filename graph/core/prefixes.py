"""The project's prefixes: written in Turtle and TriG, so exports read the same everywhere, and predeclared for
``gcmkg sparql`` (listed by ``gcmkg prefixes``). A light module (no rdflib): the CLI lists them in its help."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from gcmkg.graph.core import ids

if TYPE_CHECKING:
    from rdflib import Graph

PREFIXES: dict[str, str] = {
    "gcm": ids.ONTOLOGY_NS,
    "objective": ids.ID + "objective/",
    "principle": ids.ID + "principle/",
    "role": ids.ID + "role/",
    "state": ids.ID + "state/",
    "organisation": ids.ID + "organisation/",
    "process": ids.ID + "process/",
    "initiative": ids.ID + "initiative/",
    "region": ids.ID + "region/",
    "publication": ids.ID + "publication/",
    "status": ids.ID + "status/",
    "scheme": ids.ID + "scheme/",
    "review": ids.ID + "review/",
    "graph": ids.GRAPH,
    "source": ids.SOURCE,
    "eucountry": ids.EU_COUNTRY,
    "dcat": "http://www.w3.org/ns/dcat#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "org": "http://www.w3.org/ns/org#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "void": "http://rdfs.org/ns/void#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "vann": "http://purl.org/vocab/vann/",
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes on a graph or dataset (replacing rdflib's defaults)."""
    from rdflib import Namespace

    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, Namespace(namespace), override=True, replace=True)
    return graph


def compact(iri: str, prefixes: Mapping[str, str] = PREFIXES) -> str:
    """'https://w3id.org/gcmkg/ontology#State' -> 'gcm:State' (longest matching namespace); else the IRI."""
    best = max((ns for ns in prefixes.values() if ns and iri.startswith(ns)), key=len, default=None)
    if best is None:
        return iri
    prefix = min(name for name, ns in prefixes.items() if ns == best)
    return f"{prefix}:{iri[len(best) :]}"

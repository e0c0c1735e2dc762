"""The prefixes gcmkg writes in Turtle and TriG, so exports read the same everywhere."""

from __future__ import annotations

from collections.abc import Mapping

from rdflib import Graph, Namespace
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, VOID, XSD

from gcmkg.graph.core import ids

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
    "dcat": str(DCAT),
    "dcterms": str(DCTERMS),
    "foaf": str(FOAF),
    "org": str(ORG),
    "owl": str(OWL),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "void": str(VOID),
    "xsd": str(XSD),
    "vann": "http://purl.org/vocab/vann/",
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes on a graph or dataset (replacing rdflib's defaults)."""
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

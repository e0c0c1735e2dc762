"""UN member and observer States: codes from ISO 3166 (pycountry), UN names, aliases, ECE membership."""

from __future__ import annotations

from pathlib import Path

import pycountry
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SKOS, XSD

from gcmkg.graph.core import ids
from gcmkg.graph.core.vocab import GCM
from gcmkg.loaders.reference.names import NameRegistry
from gcmkg.loaders.table import Row, read_table, unique

COLUMNS = ("alpha3", "un_name", "status", "ece", "aliases", "demonyms")
STATUSES = ("member", "observer")
YES_NO = ("yes", "no")


def _iso_country(row: Row):  # -> pycountry's Country record
    alpha3 = row.text("alpha3")
    country = pycountry.countries.get(alpha_3=alpha3)
    if country is None:
        raise row.error(f"{alpha3!r} is not an ISO 3166-1 alpha-3 code known to pycountry")
    return country


def _aliases(row: Row, country) -> list[str]:
    """The row's aliases plus pycountry's names, without the UN name, first spelling kept."""
    candidates = row.items("aliases") + [
        getattr(country, field) for field in ("name", "official_name", "common_name") if hasattr(country, field)
    ]
    un_name = row.text("un_name").casefold()
    seen: set[str] = {un_name}
    aliases = []
    for name in candidates:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            aliases.append(name)
    return aliases


def states_graph(path: Path, registry: NameRegistry) -> Graph:
    """All States of ``states.csv`` as gcm:State nodes with ISO codes, labels and EU authority links."""
    rows = read_table(path, COLUMNS)
    unique(rows, "alpha3")
    graph = Graph()
    for row in rows:
        country = _iso_country(row)
        alpha3 = country.alpha_3
        node = URIRef(ids.state(alpha3))
        graph.add((node, RDF.type, GCM.State))
        graph.add((node, SKOS.prefLabel, Literal(row.text("un_name"), lang="en")))
        registry.claim(row.text("un_name"), str(node), row)
        for alias in _aliases(row, country):
            graph.add((node, SKOS.altLabel, Literal(alias, lang="en")))
            registry.claim(alias, str(node), row)
        for demonym in row.items("demonyms"):
            graph.add((node, GCM.demonym, Literal(demonym, lang="en")))
            registry.claim(demonym, str(node), row)
        graph.add((node, GCM.alpha2, Literal(country.alpha_2)))
        graph.add((node, GCM.alpha3, Literal(alpha3)))
        graph.add((node, GCM.numericCode, Literal(country.numeric)))
        graph.add((node, GCM.unMembership, Literal(row.choice("status", STATUSES))))
        is_ece = row.choice("ece", YES_NO) == "yes"
        graph.add((node, GCM.eceMember, Literal(is_ece, datatype=XSD.boolean)))
        graph.add((node, SKOS.exactMatch, URIRef(ids.eu_country(alpha3))))
    return graph

"""Named organisations, inter-State processes and funds that the document extractors match against."""

from __future__ import annotations

from pathlib import Path

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from gcmkg.graph import ids
from gcmkg.graph.vocab import GCM
from gcmkg.loaders.reference.names import NameRegistry
from gcmkg.loaders.table import Row, read_table, unique

ORGANISATION_TYPES = (
    "UNEntity",
    "IntergovernmentalOrganisation",
    "CivilSocietyOrganisation",
    "TradeUnion",
    "EmployersOrganisation",
    "AcademicInstitution",
    "NationalHumanRightsInstitution",
    "LocalAuthority",
    "PrivateSectorOrganisation",
    "GovernmentBody",
    "RedCrossRedCrescentOrganisation",
)
INITIATIVE_TYPES = ("Fund", "JointProgramme", "Project", "Platform", "NationalPlan", "Campaign", "Partnership")


def _add_names(graph: Graph, node: URIRef, row: Row, registry: NameRegistry, acronyms: list[str]) -> None:
    owner = str(node)
    graph.add((node, SKOS.prefLabel, Literal(row.text("name"), lang="en")))
    registry.claim(row.text("name"), owner, row)
    for acronym in acronyms:
        graph.add((node, GCM.acronym, Literal(acronym, lang="en")))
        registry.claim(acronym, owner, row)
    for alias in row.items("aliases"):
        graph.add((node, SKOS.altLabel, Literal(alias, lang="en")))
        registry.claim(alias, owner, row)


def organisations_graph(path: Path, registry: NameRegistry) -> Graph:
    """Organisations from ``organisations.csv`` (id,name,acronyms,aliases,type)."""
    rows = read_table(path, ("id", "name", "acronyms", "aliases", "type"))
    unique(rows, "id")
    graph = Graph()
    for row in rows:
        node = URIRef(ids.organisation(row.text("id")))
        graph.add((node, RDF.type, GCM[row.choice("type", ORGANISATION_TYPES)]))
        _add_names(graph, node, row, registry, row.items("acronyms"))
    return graph


def processes_graph(path: Path, registry: NameRegistry) -> Graph:
    """Inter-State processes from ``processes.csv`` (id,name,aliases)."""
    rows = read_table(path, ("id", "name", "aliases"))
    unique(rows, "id")
    graph = Graph()
    for row in rows:
        node = URIRef(ids.process(row.text("id")))
        graph.add((node, RDF.type, GCM.Process))
        _add_names(graph, node, row, registry, [])
    return graph


def initiatives_graph(path: Path, registry: NameRegistry, funders: dict[str, URIRef]) -> Graph:
    """Funds and global initiatives from ``initiatives.csv`` (id,name,aliases,type,funder_ids).

    ``funders`` maps each known organisation id and State alpha-3 code to its IRI.
    """
    rows = read_table(path, ("id", "name", "aliases", "type", "funder_ids"))
    unique(rows, "id")
    graph = Graph()
    for row in rows:
        node = URIRef(ids.initiative(row.text("id")))
        graph.add((node, RDF.type, GCM[row.choice("type", INITIATIVE_TYPES)]))
        _add_names(graph, node, row, registry, [])
        for funder_id in row.items("funder_ids"):
            if funder_id not in funders:
                raise row.error(f"funder {funder_id!r} is neither an organisation id nor a State alpha-3 code")
            graph.add((node, GCM.fundedBy, funders[funder_id]))
    return graph

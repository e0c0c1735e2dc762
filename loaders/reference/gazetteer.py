"""Named organisations, inter-State processes and funds that the document extractors match against."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from gcmkg.graph.core import ids
from gcmkg.graph.core.vocab import GCM
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


def _add_names(graph: Graph, node: URIRef, row: Row, registry: NameRegistry) -> None:
    """The entry's name (skos:prefLabel), acronyms (gcm:acronym) and aliases (skos:altLabel)."""
    owner = str(node)
    graph.add((node, SKOS.prefLabel, Literal(row.text("name"), lang="en")))
    registry.claim(row.text("name"), owner, row)
    acronyms = row.items("acronyms") if "acronyms" in row.values else []
    for prop, names in ((GCM.acronym, acronyms), (SKOS.altLabel, row.items("aliases"))):
        for name in names:
            graph.add((node, prop, Literal(name, lang="en")))
            registry.claim(name, owner, row)


def _named_entries(
    path: Path, columns: tuple[str, ...], mint: Callable[[str], str], graph: Graph, registry: NameRegistry
) -> list[tuple[Row, URIRef]]:
    """Read a gazetteer file, add every entry's names to ``graph``; return each row with its IRI."""
    rows = read_table(path, columns)
    unique(rows, "id")
    entries = []
    for row in rows:
        node = URIRef(mint(row.text("id")))
        _add_names(graph, node, row, registry)
        entries.append((row, node))
    return entries


def organisations_graph(path: Path, registry: NameRegistry) -> Graph:
    """Organisations from ``organisations.csv`` (id,name,acronyms,aliases,type)."""
    graph = Graph()
    columns = ("id", "name", "acronyms", "aliases", "type")
    for row, node in _named_entries(path, columns, ids.organisation, graph, registry):
        graph.add((node, RDF.type, GCM[row.choice("type", ORGANISATION_TYPES)]))
    return graph


def processes_graph(path: Path, registry: NameRegistry) -> Graph:
    """Inter-State processes from ``processes.csv`` (id,name,aliases)."""
    graph = Graph()
    for _, node in _named_entries(path, ("id", "name", "aliases"), ids.process, graph, registry):
        graph.add((node, RDF.type, GCM.Process))
    return graph


def initiatives_graph(
    path: Path, registry: NameRegistry, funders: dict[str, URIRef], processes: dict[str, URIRef]
) -> Graph:
    """Funds and global initiatives from ``initiatives.csv`` (id,name,aliases,type,funder_ids).

    ``funders`` maps each known organisation id and State alpha-3 code to its IRI; ``processes`` each name of
    an inter-State process to its IRI: an initiative whose name opens with a process's name ("Prague Process
    Migration Observatory") belongs to that process (gcm:partOfProcess).
    """
    graph = Graph()
    columns = ("id", "name", "aliases", "type", "funder_ids")
    for row, node in _named_entries(path, columns, ids.initiative, graph, registry):
        graph.add((node, RDF.type, GCM[row.choice("type", INITIATIVE_TYPES)]))
        for funder_id in row.items("funder_ids"):
            if funder_id not in funders:
                raise row.error(f"funder {funder_id!r} is neither an organisation id nor a State alpha-3 code")
            graph.add((node, GCM.fundedBy, funders[funder_id]))
        for name in (row.text("name"), *row.items("aliases")):
            for process_name, process in processes.items():
                if name.startswith(process_name + " "):
                    graph.add((node, GCM.partOfProcess, process))
    return graph


def names_of(graph: Graph) -> dict[str, URIRef]:
    """Every name (label, alias, acronym) in ``graph`` → the entity it names."""
    return {
        str(name): subject
        for prop in (SKOS.prefLabel, SKOS.altLabel, GCM.acronym)
        for subject, name in graph.subject_objects(prop)
        if isinstance(subject, URIRef)
    }

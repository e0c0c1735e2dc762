"""Curated reference data → one named graph per file: the gazetteer the document extractors match against."""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from rdflib import Graph, URIRef

from gcmkg.graph.core.resources import reference_data_dir
from gcmkg.loaders.reference.concepts import objectives_graph, principles_graph
from gcmkg.loaders.reference.gazetteer import initiatives_graph, names_of, organisations_graph, processes_graph
from gcmkg.loaders.reference.names import NameRegistry
from gcmkg.loaders.reference.states import states_graph
from gcmkg.loaders.sourcegraph import SourceFile, SourceGraph

SHIPPED_FOLDER = "loaders/reference/data"
OBJECTIVE_TERMS = "objective-terms.csv"


def objective_terms(data_dir: Path | None = None) -> tuple[Path, SourceFile]:
    """The objective-terms file (derived by objectiveterms.py) and how the build names it as a source."""
    path = (data_dir or reference_data_dir()) / OBJECTIVE_TERMS
    return path, SourceFile.of(path, f"{SHIPPED_FOLDER}/{OBJECTIVE_TERMS}")


def _local_ids(graph: Graph) -> dict[str, URIRef]:
    """The last IRI segment (organisation id, State alpha-3) of every subject → the subject."""
    return {str(s).rsplit("/", 1)[1]: s for s in set(graph.subjects()) if isinstance(s, URIRef)}


def _load(
    folder: Path,
    name: str,
    title: str,
    file_name: str,
    build: Callable[[Path], Graph],
    libraries: tuple[SourceFile, ...] = (),
) -> SourceGraph:
    """Build one named graph from one curated file (and any library data it also draws on)."""
    path = folder / file_name
    graph = build(path)
    return SourceGraph(name, title, graph, (SourceFile.of(path, f"{SHIPPED_FOLDER}/{file_name}"), *libraries))


def load_reference(data_dir: Path | None = None) -> list[SourceGraph]:
    """Every curated reference file as a validated named graph, in a fixed order.

    Raises TableError naming the file and line of the first problem found.
    """
    folder = data_dir or reference_data_dir()
    registry = NameRegistry()
    objectives = _load(folder, "reference/objectives", "The 23 GCM objectives", "objectives.csv", objectives_graph)
    principles = _load(folder, "reference/principles", "The GCM guiding principles", "principles.csv", principles_graph)
    states = _load(
        folder,
        "reference/states",
        "UN member and observer States",
        "states.csv",
        lambda path: states_graph(path, registry),
        libraries=(SourceFile(name=f"pycountry/{version('pycountry')}", sha256=None),),
    )
    organisations = _load(
        folder,
        "reference/organisations",
        "Organisations gazetteer",
        "organisations.csv",
        lambda path: organisations_graph(path, registry),
    )
    processes = _load(
        folder,
        "reference/processes",
        "Inter-State processes",
        "processes.csv",
        lambda path: processes_graph(path, registry),
    )
    funders = {**_local_ids(organisations.graph), **_local_ids(states.graph)}
    initiatives = _load(
        folder,
        "reference/initiatives",
        "Funds and global initiatives",
        "initiatives.csv",
        lambda path: initiatives_graph(path, registry, funders, names_of(processes.graph)),
    )
    return [objectives, principles, states, organisations, processes, initiatives]

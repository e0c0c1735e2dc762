"""``gcmkg export`` from start to end: read the build, select graphs, serialize, count, describe, write."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import pyoxigraph as ox

from gcmkg.graph.export.counts import count
from gcmkg.graph.export.dates import release_date
from gcmkg.graph.export.description import Description, Distribution, description_bytes
from gcmkg.graph.export.formats import ExportFormat
from gcmkg.graph.export.metadata import load_metadata
from gcmkg.graph.export.provenance import latest_document_date, source_files
from gcmkg.graph.export.selection import read_canonical, select
from gcmkg.graph.export.serializers import merged, serialize
from gcmkg.graph.export.writer import canonical, write_export
from gcmkg.graph.query.catalogue import load_catalogue
from gcmkg.graph.rdfio.store import dataset_path

DESCRIPTION_SUFFIX = ".void.ttl"


@dataclass(frozen=True)
class ExportResult:
    """What was written: the data file, its description, the statements in the file and the graphs they came from."""

    output: Path
    description: Path
    triples: int
    graphs: int


def description_path(output: Path) -> Path:
    """``export/gcmkg.trig`` → ``export/gcmkg.trig.void.ttl``."""
    return output.with_name(output.name + DESCRIPTION_SUFFIX)


def export(
    build: Path | None,
    export_format: ExportFormat,
    output: Path,
    graph_names: Sequence[str] = (),
    inferred: bool = True,
    progress: Callable[[str], None] = lambda _: None,
) -> ExportResult:
    """Export the build at ``build`` (default ./build) to ``output`` in ``export_format``, with its description."""
    source = dataset_path(build)
    progress(f"reading {source}")
    dataset = read_canonical(build)
    selection = select(dataset, graph_names, inferred, str(source))
    statements = selection.quads if export_format.quads else merged(selection.quads)
    progress(f"writing {len(statements)} statements as {export_format.name}")
    data = serialize(selection.quads, export_format)
    progress("counting for the description")
    counts = count(selection.quads, merged=not export_format.quads)
    build_store = ox.Store()
    build_store.bulk_extend(dataset)
    graphs = [graph.value for graph in selection.graphs if isinstance(graph, ox.NamedNode)]
    description = Description(
        metadata=load_metadata(),
        version=version("gcmkg"),
        date=release_date(latest_document_date(build_store)),
        counts=counts,
        sources=source_files(build_store, graphs),
        distribution=Distribution(export_format, output.name, len(data), hashlib.sha256(data).hexdigest()),
        queries=list(load_catalogue().values()),
    )
    described = description_path(output)
    progress(f"writing {output} and {described}, reading {output} back")
    write_export(output, data, described, description_bytes(description), export_format, canonical(statements))
    return ExportResult(output=output, description=described, triples=counts.triples, graphs=len(selection.graphs))

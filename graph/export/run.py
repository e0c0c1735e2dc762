"""``gcmkg export`` from start to end: read the build, select graphs, sort, count, write, check, describe.

The build's file is read once, as a stream (Oxigraph's parser): the quads of the chosen graphs go into the store
the description counts on and, as sortable lines, into an on-disk sort (``sorting.py``); the data file is written
from the sorted lines, read back and checked, then described. Memory is the counting store and one sorted run,
never a copy of the build as Python objects. The build's provenance (source files, document dates) is read from
its persistent store (``graph/rdfio/store.py``), opened read-only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from gcmkg.graph.export.counts import Counts, count, stored
from gcmkg.graph.export.dates import release_date
from gcmkg.graph.export.description import Description, Distribution, description_bytes
from gcmkg.graph.export.formats import ExportFormat
from gcmkg.graph.export.metadata import load_metadata
from gcmkg.graph.export.provenance import latest_document_date, source_files
from gcmkg.graph.export.selection import Selection
from gcmkg.graph.export.serializers import line, statement, write
from gcmkg.graph.export.sorting import SortedLines
from gcmkg.graph.export.writer import write_export
from gcmkg.graph.query.catalogue import load_catalogue
from gcmkg.graph.rdfio.canonical import canonical_quads
from gcmkg.graph.rdfio.quads import parse_build
from gcmkg.graph.rdfio.store import dataset_path, file_sha256, open_store

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
    selection = Selection(graph_names, inferred, str(source))
    with SortedLines(output.parent) as lines:
        progress(f"reading {source}")
        counts = _read(build, selection, export_format, lines, progress)
        graphs = [graph.value for graph in selection.graphs() if isinstance(graph, ox.NamedNode)]

        def write_data(stream: BinaryIO) -> None:
            progress(f"writing {counts.triples} statements as {export_format.name} to {output}")
            write(lines.unique(), export_format, stream)
            progress(f"reading {output} back")

        def describe(written: Path) -> bytes:
            return _description(build, export_format, output, written, counts, graphs)

        described = description_path(output)
        write_export(output, write_data, described, describe, export_format, lines)
    return ExportResult(output=output, description=described, triples=counts.triples, graphs=len(selection.graphs()))


def _read(
    build: Path | None,
    selection: Selection,
    export_format: ExportFormat,
    lines: SortedLines,
    progress: Callable[[str], None],
) -> Counts:
    """Read the build once: the chosen quads into a store to count (freed on return) and, as the statements of
    ``export_format``, into ``lines``; what the description counts."""
    counting = ox.Store()
    chosen = stored(selection.quads(parse_build(build)), counting)
    lines.add(line(quad, export_format) for quad in canonical_quads(statement(q, export_format) for q in chosen))
    selection.graphs()  # an unknown --named-graph stops the export here, before the counting
    progress("counting for the description")
    return count(counting, merged=not export_format.quads)


def _description(
    build: Path | None, export_format: ExportFormat, output: Path, written: Path, counts: Counts, graphs: list[str]
) -> bytes:
    """The VoID/DCAT description of the data file ``written`` (to be renamed to ``output``)."""
    provenance = open_store(build)
    description = Description(
        metadata=load_metadata(),
        version=version("gcmkg"),
        date=release_date(latest_document_date(provenance)),
        counts=counts,
        sources=source_files(provenance, graphs),
        distribution=Distribution(export_format, output.name, written.stat().st_size, file_sha256(written)),
        queries=list(load_catalogue().values()),
    )
    return description_bytes(description)

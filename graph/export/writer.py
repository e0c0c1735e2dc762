"""Write an export and its description safely: both to temporaries beside their targets (fsynced), the data file
re-read and checked against the statements meant to be in it, then renamed (description, then data). On any
failure the previous files stay as they were and no temporary is left (``graph/core/atomic.py``)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from gcmkg.graph.core.atomic import commit, discard, write_temporary
from gcmkg.graph.core.errors import DataError, OutputError
from gcmkg.graph.export.formats import ExportFormat
from gcmkg.graph.rdfio.canonical import canonical_dataset
from gcmkg.graph.rdfio.quads import parse_file


def canonical(quads: list[ox.Quad]) -> ox.Dataset:
    """``quads`` as a dataset with canonical blank nodes (RDFC-1.0), to compare as datasets, not as labels."""
    return canonical_dataset(quads)


def check_written(written: Path, target: Path, export_format: ExportFormat, expected: ox.Dataset) -> None:
    """Re-read ``written`` (the temporary of ``target``) and check it holds exactly ``expected``; OutputError if not."""
    rdf_format = ox.RdfFormat.from_extension(export_format.extension)
    assert rdf_format is not None
    try:
        found = canonical(list(parse_file(written, rdf_format)))
    except DataError as error:
        raise OutputError(f"{target}: the {export_format.name} written cannot be read back ({error.message})") from None
    if found != expected:
        missing = sum(1 for quad in expected if quad not in found)
        extra = sum(1 for quad in found if quad not in expected)
        raise OutputError(
            f"{target}: the {export_format.name} written does not read back as the export "
            f"({missing} statements missing, {extra} unexpected); the previous file was kept",
            hint="please report this as a bug of gcmkg export",
        )


def write_export(
    data_path: Path,
    data: bytes,
    description_path: Path,
    description: bytes,
    export_format: ExportFormat,
    expected: ox.Dataset,
) -> None:
    """Write ``data`` to ``data_path`` and ``description`` to ``description_path``, checking ``data`` reads back as
    ``expected`` before either file is replaced."""
    temporaries: list[Path] = []
    try:
        temporaries.append(write_temporary(description_path, description))
        temporaries.append(write_temporary(data_path, data))
        check_written(temporaries[1], data_path, export_format, expected)
        commit([(temporaries[0], description_path), (temporaries[1], data_path)])
    finally:
        discard(temporaries)

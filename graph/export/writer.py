"""Write an export and its description safely: both to temporaries beside their targets (fsynced), the data file
re-read and checked against the statements meant to be in it, then renamed (description, then data). On any
failure the previous files stay as they were and no temporary is left (``graph/core/atomic.py``).

The data file is written as a stream from the sorted lines of its statements, and checked as a stream: it is
parsed again, its statements turned into lines the same way and sorted beside the first, and the two sorted
sequences compared line by line. Nothing is held whole, at any size.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from gcmkg.graph.core.atomic import commit, discard, write_temporary, write_temporary_with
from gcmkg.graph.core.errors import DataError, OutputError
from gcmkg.graph.export.formats import ExportFormat
from gcmkg.graph.export.serializers import line
from gcmkg.graph.export.sorting import SortedLines
from gcmkg.graph.rdfio.canonical import canonical_quads
from gcmkg.graph.rdfio.quads import parse_file


def _differences(expected: Iterator[bytes], found: Iterator[bytes]) -> tuple[int, int]:
    """How many lines of the sorted ``expected`` are not in the sorted ``found``, and the other way round."""
    missing = extra = 0
    want, have = next(expected, None), next(found, None)
    while want is not None or have is not None:
        if have is None or (want is not None and want < have):
            missing, want = missing + 1, next(expected, None)
        elif want is None or have < want:
            extra, have = extra + 1, next(found, None)
        else:
            want, have = next(expected, None), next(found, None)
    return missing, extra


def check_written(written: Path, target: Path, export_format: ExportFormat, expected: SortedLines) -> None:
    """Re-read ``written`` (the temporary of ``target``) and check it holds exactly the statements of
    ``expected`` (their sorted lines); OutputError if not."""
    rdf_format = ox.RdfFormat.from_extension(export_format.extension)
    assert rdf_format is not None
    with SortedLines(written.parent) as found:
        try:
            found.add(line(quad, export_format) for quad in canonical_quads(parse_file(written, rdf_format)))
        except DataError as error:
            message = f"{target}: the {export_format.name} written cannot be read back ({error.message})"
            raise OutputError(message) from None
        missing, extra = _differences(expected.unique(), found.unique())
    if missing or extra:
        raise OutputError(
            f"{target}: the {export_format.name} written does not read back as the export "
            f"({missing} statements missing, {extra} unexpected); the previous file was kept",
            hint="please report this as a bug of gcmkg export",
        )


def write_export(
    data_path: Path,
    write_data: Callable[[BinaryIO], object],
    description_path: Path,
    describe: Callable[[Path], bytes],
    export_format: ExportFormat,
    expected: SortedLines,
) -> None:
    """Write the data file with ``write_data``, check it reads back as ``expected``, then write the description
    ``describe`` gives for the written file; rename both over their targets (the description first)."""
    temporaries: list[Path] = []
    try:
        temporaries.append(write_temporary_with(data_path, write_data))
        check_written(temporaries[0], data_path, export_format, expected)
        temporaries.append(write_temporary(description_path, describe(temporaries[0])))
        commit([(temporaries[1], description_path), (temporaries[0], data_path)])
    finally:
        discard(temporaries)

"""Each format as a stream: the statements as sortable lines, and the file written from the lines in sorted order.

An export never holds its statements: each becomes one line (its N-Quads or N-Triples line, prefixed with its graph
for the formats that group by graph), the lines are sorted on disk (``sorting.py``), and the file is written from
the sorted lines with Oxigraph's writers, which keep the order they are given:

* N-Quads and N-Triples: the sorted lines themselves (canonical N-Triples terms, each statement once).
* Turtle: the distinct triples, each subject's statements together (``;`` and ``,``), with the project's prefixes.
* TriG: each graph once (the default graph first), its subjects grouped as in Turtle.
* JSON-LD: ``jsonld.py``, one node object per subject of each graph.

The same statements give the same lines, so the same bytes. Triple formats merge the selected graphs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import groupby, islice
from typing import BinaryIO

import pyoxigraph as ox

from gcmkg.graph.core.prefixes import PREFIXES
from gcmkg.graph.export.formats import ExportFormat
from gcmkg.graph.export.jsonld import write_jsonld

_PARSE_LINES = 10_000  # sorted lines turned back into quads at a time
_GROUPED = {"trig", "jsonld"}  # formats whose lines start with their graph


def statement(quad: ox.Quad, export_format: ExportFormat) -> ox.Quad:
    """What ``quad`` is in a file of ``export_format``: itself, or its triple where the format merges graphs."""
    return quad if export_format.quads else ox.Quad(quad.subject, quad.predicate, quad.object)


def line(quad: ox.Quad, export_format: ExportFormat) -> bytes:
    """The sortable line of a statement: its N-Quads line (N-Triples in the default graph), and for formats that
    group by graph, first its graph's term (nothing for the default graph) and a space. Terms hold no space
    outside literals, so a graph's lines sort together, and so do a subject's."""
    text = f"{quad} .\n"
    if export_format.name in _GROUPED:
        graph = quad.graph_name
        text = f"{'' if isinstance(graph, ox.DefaultGraph) else graph} {text}"
    return text.encode("utf-8")


def _without_graph(lines: Iterable[bytes]) -> Iterator[bytes]:
    """The N-Quads line of each sortable line of a format grouped by graph (its graph prefix taken off)."""
    return (line.split(b" ", 1)[1] for line in lines)


def _parsed(lines: Iterable[bytes]) -> Iterator[ox.Quad]:
    """N-Quads lines as quads, a block at a time (blank node labels as written)."""
    iterator = iter(lines)
    while block := b"".join(islice(iterator, _PARSE_LINES)):
        yield from ox.parse(block, format=ox.RdfFormat.N_QUADS)


def _oxigraph(lines: Iterable[bytes], stream: BinaryIO, rdf_format: ox.RdfFormat) -> None:
    ox.serialize(_parsed(lines), stream, format=rdf_format, prefixes=PREFIXES)


def _as_lines(lines: Iterable[bytes], stream: BinaryIO) -> None:
    stream.writelines(lines)


def _graph_and_subject(line: bytes) -> bytes:
    graph, _, rest = line.partition(b" ")
    return graph + b" " + rest.partition(b" ")[0]


def _jsonld(lines: Iterable[bytes], stream: BinaryIO) -> None:
    subjects = groupby(lines, key=_graph_and_subject)
    write_jsonld((list(_parsed(_without_graph(group))) for _, group in subjects), stream)


_WRITERS: dict[str, Callable[[Iterable[bytes], BinaryIO], None]] = {
    "turtle": lambda lines, stream: _oxigraph(lines, stream, ox.RdfFormat.TURTLE),
    "trig": lambda lines, stream: _oxigraph(_without_graph(lines), stream, ox.RdfFormat.TRIG),
    "nquads": _as_lines,
    "ntriples": _as_lines,
    "jsonld": _jsonld,
}


def write(lines: Iterable[bytes], export_format: ExportFormat, stream: BinaryIO) -> None:
    """Write the statements of the sorted, distinct ``lines`` (from ``line``) to ``stream`` in ``export_format``."""
    _WRITERS[export_format.name](lines, stream)

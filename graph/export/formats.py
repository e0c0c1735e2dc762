"""The five export formats: name, file extension, media type, W3C format IRI, and whether named graphs survive."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gcmkg.graph.errors import UsageError

DEFAULT_FOLDER = Path("export")
DEFAULT_STEM = "gcmkg"


@dataclass(frozen=True)
class ExportFormat:
    """One export format. ``quads``: named graphs are kept (TriG, N-Quads, JSON-LD); otherwise merged."""

    name: str
    extension: str
    media_type: str
    iri: str  # from https://www.w3.org/ns/formats/
    quads: bool

    @property
    def default_output(self) -> Path:
        return DEFAULT_FOLDER / f"{DEFAULT_STEM}.{self.extension}"


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("turtle", "ttl", "text/turtle", "http://www.w3.org/ns/formats/Turtle", quads=False),
        ExportFormat("trig", "trig", "application/trig", "http://www.w3.org/ns/formats/TriG", quads=True),
        ExportFormat("nquads", "nq", "application/n-quads", "http://www.w3.org/ns/formats/N-Quads", quads=True),
        ExportFormat("ntriples", "nt", "application/n-triples", "http://www.w3.org/ns/formats/N-Triples", quads=False),
        ExportFormat("jsonld", "jsonld", "application/ld+json", "http://www.w3.org/ns/formats/JSON-LD", quads=True),
    )
}
DEFAULT_FORMAT = "turtle"


def _by_suffix(output: Path) -> ExportFormat | None:
    extension = output.suffix.lstrip(".").lower()
    return next((f for f in FORMATS.values() if f.extension == extension), None)


def choose(name: str | None, output: Path | None) -> tuple[ExportFormat, Path]:
    """The format and output file from ``--format`` and ``-o``: either may be left out (the format then comes from
    the file's suffix, the file is ``export/gcmkg.<ext>``); UsageError if they disagree or neither says a format."""
    if output is None:
        chosen = FORMATS[name or DEFAULT_FORMAT]
        return chosen, chosen.default_output
    suffixed = _by_suffix(output)
    if name is None:
        if suffixed is None:
            raise UsageError(
                f"cannot tell the format of {output} from its suffix",
                hint=f"give --format, or a file ending in {', '.join('.' + f.extension for f in FORMATS.values())}",
            )
        return suffixed, output
    chosen = FORMATS[name]
    if suffixed != chosen:
        raise UsageError(
            f"--format {name} but {output} does not end in .{chosen.extension}",
            hint=f"name the file *.{chosen.extension} (readers, gcmkg diff included, go by the suffix)",
        )
    return chosen, output

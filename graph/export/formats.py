"""The five export formats: name, file extension, media type, W3C format IRI, and whether named graphs survive."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gcmkg.graph.core.defaults import DEFAULT_EXPORT_DIR

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
        return DEFAULT_EXPORT_DIR / f"{DEFAULT_STEM}.{self.extension}"


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
EXTENSIONS = {name: f.extension for name, f in FORMATS.items()}

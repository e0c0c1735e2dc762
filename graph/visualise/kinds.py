"""The views ``gcmkg viz`` draws: their names, the stored queries they are built from, and their file formats.

A light module (no networkx, no matplotlib): the CLI reads it when it starts, for ``--help`` and the
choice of KIND.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gcmkg.graph.errors import UsageError

NETWORK_FORMATS = ("graphml", "gexf", "png", "svg", "html")
COVERAGE_FORMATS = ("csv", "png", "svg")
FORMATS = (*NETWORK_FORMATS, "csv")
SUFFIXES = {f".{name}": name for name in FORMATS}
OUTPUT_DIR = Path("viz")


@dataclass(frozen=True)
class Kind:
    """A view: a network projected from stored queries' rows, or the coverage matrix."""

    name: str
    title: str
    summary: str
    queries: tuple[str, ...]
    formats: tuple[str, ...]

    @property
    def is_network(self) -> bool:
        return self.formats == NETWORK_FORMATS

    @property
    def default_format(self) -> str:
        return self.formats[0]


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind(
            "participation",
            "States × sessions: who took part in which session of the GCM regional reviews",
            "States × sessions (bipartite); edge attributes role and year",
            ("participation-network",),
            NETWORK_FORMATS,
        ),
        Kind(
            "initiatives",
            "Initiatives, the States they are implemented in and the GCM objectives they contribute to",
            "initiatives × States × objectives; edge attribute relation",
            ("initiative-network",),
            NETWORK_FORMATS,
        ),
        Kind(
            "objective-cooccurrence",
            "GCM objectives discussed in the same passages",
            "objective – objective; weight = passages about both",
            ("objective-cooccurrence",),
            NETWORK_FORMATS,
        ),
        Kind(
            "state-comentions",
            "States named in the same passages",
            "State – State; weight = passages mentioning both",
            ("state-comentions",),
            NETWORK_FORMATS,
        ),
        Kind(
            "coverage",
            "Coverage of the GCM objectives by State, by review",
            "objective × State × review: mentions and sessions (table, heatmap)",
            ("coverage", "objectives"),
            COVERAGE_FORMATS,
        ),
    )
}


def output_of(kind: Kind, output_format: str | None, output: Path | None) -> tuple[str, Path]:
    """The format and file to write: ``--format``, else the suffix of ``-o``, else the kind's default.

    UsageError for a format the kind cannot be written in, for ``-o`` with the suffix of another format,
    and for ``-o`` whose suffix names no format when ``--format`` is not given.
    """
    implied = SUFFIXES.get(output.suffix.lower()) if output is not None else None
    if output is not None and implied is None and output_format is None:
        raise UsageError(
            f"cannot tell the format of {output} from its suffix",
            hint=f"give --format ({', '.join(kind.formats)}) or a file ending in .{' / .'.join(kind.formats)}",
        )
    if output is not None and implied is not None and output_format is not None and implied != output_format:
        raise UsageError(
            f"-o {output} has the suffix of {implied}, but --format is {output_format}",
            hint=f"name the file {output.with_suffix('.' + output_format)}, or leave --format out",
        )
    chosen = output_format or implied or kind.default_format
    if chosen not in kind.formats:
        raise UsageError(f"{kind.name} cannot be written as {chosen}", hint=f"its formats: {', '.join(kind.formats)}")
    return chosen, output if output is not None else OUTPUT_DIR / f"{kind.name}.{chosen}"

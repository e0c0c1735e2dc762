"""The views ``gcmkg viz`` draws: their names, the stored queries they are built from, and their file formats.

A light module (no networkx, no matplotlib): the CLI reads it when it starts, for ``--help`` and the
choice of KIND.
"""

from __future__ import annotations

from dataclasses import dataclass

NETWORK_FORMATS = ("graphml", "gexf", "png", "svg", "html")
COVERAGE_FORMATS = ("csv", "png", "svg")
FORMATS = (*NETWORK_FORMATS, "csv")


@dataclass(frozen=True)
class Kind:
    """A view: a network projected from stored queries' rows, or the coverage matrix."""

    name: str
    title: str
    summary: str
    queries: tuple[str, ...]
    formats: tuple[str, ...]
    empty: str  # what a drawing of the view says when the build has no data for it

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
            "No data: the build holds no session with State participation",
        ),
        Kind(
            "initiatives",
            "Initiatives, the States they are implemented in and the GCM objectives they contribute to",
            "initiatives × States × objectives; edge attribute relation",
            ("initiative-network",),
            NETWORK_FORMATS,
            "No data: the build holds no initiative implemented in a State or contributing to an objective",
        ),
        Kind(
            "objective-cooccurrence",
            "GCM objectives discussed in the same passages",
            "objective – objective; weight = passages about both",
            ("objective-cooccurrence",),
            NETWORK_FORMATS,
            "No data: no passage of the build is about two objectives",
        ),
        Kind(
            "state-comentions",
            "States named in the same passages",
            "State – State; weight = passages mentioning both",
            ("state-comentions",),
            NETWORK_FORMATS,
            "No data: no passage of the build mentions two States",
        ),
        Kind(
            "coverage",
            "Coverage of the GCM objectives by State, by review",
            "objective × State × review: mentions and sessions (table, heatmap)",
            ("coverage", "objectives"),
            COVERAGE_FORMATS,
            "No counts: the build holds no passages or sessions on an objective naming a State",
        ),
    )
}

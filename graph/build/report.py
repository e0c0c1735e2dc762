"""The build report: triples and entities per named graph and per class, and every skipped input."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field

import pyoxigraph as ox

from gcmkg.graph.core.prefixes import compact


@dataclass(frozen=True)
class GraphCount:
    graph: str
    triples: int
    entities_by_class: dict[str, int]


@dataclass(frozen=True)
class BuildReport:
    """What a build wrote; ``skipped`` lists the inputs it could not use, with the reason;
    ``validation_warnings`` counts the results of severity sh:Warning from the shipped shapes."""

    graphs: list[GraphCount]
    entities_by_class: dict[str, int]
    triples: int
    skipped: list[str] = field(default_factory=list)
    validation_warnings: int = 0

    @property
    def partial(self) -> bool:
        return bool(self.skipped)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _class_counts(classes: Iterable[str]) -> dict[str, int]:
    counts = Counter(compact(cls) for cls in classes)
    return dict(sorted(counts.items()))


class Tally:
    """Triples and typed entities per named graph, counted graph by graph as the build writes them."""

    def __init__(self) -> None:
        self._graphs: dict[str, GraphCount] = {}
        self._everywhere: set[tuple[str, str]] = set()

    def add(self, graph: str, quads: Sequence[ox.Quad]) -> None:
        """Count ``quads``, the whole named graph ``graph`` (an empty graph is not listed)."""
        typed = {
            (str(q.subject), q.object.value)
            for q in quads
            if q.predicate == _RDF_TYPE and isinstance(q.object, ox.NamedNode)
        }
        self._everywhere |= typed
        if quads:
            self._graphs[graph] = GraphCount(compact(graph), len(quads), _class_counts(cls for _, cls in typed))

    def report(self, skipped: list[str]) -> BuildReport:
        """The report of the graphs counted, by graph IRI, and the ``skipped`` inputs."""
        graphs = [self._graphs[graph] for graph in sorted(self._graphs)]
        return BuildReport(
            graphs=graphs,
            entities_by_class=_class_counts(cls for _, cls in self._everywhere),
            triples=sum(g.triples for g in graphs),
            skipped=sorted(skipped),
        )

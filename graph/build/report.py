"""The build report: triples and entities per named graph and per class, and every skipped input."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field

from rdflib import RDF, Dataset, URIRef
from rdflib.term import Node

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


def _class_counts(pairs: set[tuple[Node, URIRef]]) -> dict[str, int]:
    counts = Counter(compact(str(cls)) for _, cls in pairs)
    return dict(sorted(counts.items()))


def count(dataset: Dataset, skipped: list[str]) -> BuildReport:
    """Count triples per named graph and typed entities per class, per graph and over the whole dataset."""
    graphs = []
    everywhere: set[tuple[Node, URIRef]] = set()
    for context in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if len(context) == 0:
            continue
        # Walk the graph's own triples: rdflib answers a (None, rdf:type, None) pattern on one context by
        # scanning the rdf:type triples of every graph, which grows with the square of the corpus.
        typed = {(s, o) for s, p, o in context.triples((None, None, None)) if p == RDF.type and isinstance(o, URIRef)}
        everywhere |= typed
        graphs.append(GraphCount(compact(str(context.identifier)), len(context), _class_counts(typed)))
    return BuildReport(
        graphs=graphs,
        entities_by_class=_class_counts(everywhere),
        triples=sum(g.triples for g in graphs),
        skipped=sorted(skipped),
    )

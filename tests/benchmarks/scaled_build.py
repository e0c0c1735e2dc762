"""Make a build-shaped folder about N times larger than a build: its document graphs copied under new IRIs.

    python -m tests.benchmarks.scaled_build BUILD OUT --copies 7

``OUT`` gets ``gcmkg.trig`` (every quad of ``BUILD`` plus ``--copies`` copies of each document graph, the
document's identifier in every IRI of the copy suffixed ``-K``; literals as they are), written by Oxigraph,
``BUILD``'s report with a row for each copied graph (so commands treat ``OUT`` as a build folder, and its
counts add up) and the query store made by ``write_store``.
From the 10× corpus build (174,457 quads) seven copies give the 1M build of tests/benchmarks/README.md
(1,062,526 quads): what a 100× build would hold without the hours a build of it takes on this machine.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from gcmkg.graph.core.generation import current
from gcmkg.graph.core.layout import DATASET_FILE, REPORT_FILE
from gcmkg.graph.rdfio.store import write_store

DOCUMENT_GRAPHS = "https://w3id.org/gcmkg/graph/document/"


Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.DefaultGraph


def _renamed(term: Term, old: str, new: str) -> Term:
    """``term`` with ``old`` replaced by ``new`` in its IRI, if it is an IRI."""
    return ox.NamedNode(term.value.replace(old, new)) if isinstance(term, ox.NamedNode) else term


def scaled_quads(dataset: Path, copies: int) -> Iterator[ox.Quad]:
    """Every quad of ``dataset``, then ``copies`` copies of its document graphs under new document identifiers."""
    documents: list[ox.Quad] = []
    for quad in ox.parse(path=str(dataset), format=ox.RdfFormat.TRIG):
        yield quad
        if isinstance(quad.graph_name, ox.NamedNode) and quad.graph_name.value.startswith(DOCUMENT_GRAPHS):
            documents.append(quad)
    for copy in range(1, copies + 1):
        for quad in documents:
            old = quad.graph_name.value.removeprefix(DOCUMENT_GRAPHS)
            new = f"{old}-{copy}"
            yield ox.Quad(
                *(_renamed(term, old, new) for term in (quad.subject, quad.predicate, quad.object)),
                _renamed(quad.graph_name, old, new),
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("build", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--copies", type=int, default=7)
    args = parser.parse_args()
    source = current(args.build)
    args.out.mkdir(parents=True, exist_ok=True)
    dataset = args.out / DATASET_FILE
    ox.serialize(scaled_quads(source / DATASET_FILE, args.copies), output=str(dataset), format=ox.RdfFormat.TRIG)
    report = json.loads((source / REPORT_FILE).read_text(encoding="utf-8"))
    report["graphs"] += [
        {**row, "graph": f"{row['graph']}-{copy}"}
        for copy in range(1, args.copies + 1)
        for row in report["graphs"]
        if row["graph"].startswith("graph:document/")
    ]
    report["triples"] = sum(row["triples"] for row in report["graphs"])
    (args.out / REPORT_FILE).write_text(json.dumps(report, indent=1, sort_keys=True), encoding="utf-8")
    write_store(dataset)


if __name__ == "__main__":
    main()

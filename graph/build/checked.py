"""Validation one piece at a time (graph/build/pieces.py), with the same results as the shipped shapes on the union.

A SHACL Core shape reads, from a focus node, the statements along its paths (forward or inverse) and the classes
of the values it reaches (``sh:class``, and ``sh:node`` value shapes made of ``sh:class``). So:

- a node local to a document is checked with that document's graph, the entailments that mention its nodes, the
  classes of the shared nodes it mentions and the ontology's sub-classes: every statement about a local node is
  there, and so is every class of a value it reaches (paths through other local nodes, such as a passage's
  mentions, stay in the document);
- a shared node is checked once, with the shared graphs and, from every document and from the entailments, the
  statements the shapes can read of it (a predicate the shapes name, with the shared node as subject; as object
  for inverse paths, and one statement per node for ``sh:targetObjectsOf``), with the classes of the local nodes
  those statements reach.

Each focus node's results come from its own piece only. Statements the shapes never name (passage text read by
no path, the entailments of the property chains) stay out of the shared piece, which keeps it small.
``tests/test_build_pieces.py`` checks the result is the union's, on the corpus and on data that breaks shapes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from gcmkg.graph.build.pieces import SHARED, Locality, piece_of_graph
from gcmkg.graph.build.spool import Spool
from gcmkg.graph.core.errors import ValidationFailed
from gcmkg.graph.rdfio.read import rdflib_triples
from gcmkg.graph.validation.engine import ValidationReport, validate_graph
from gcmkg.graph.validation.render import to_text, warnings_summary
from gcmkg.graph.validation.results import ValidationResult
from gcmkg.graph.validation.shapes import Shapes, shipped_shapes

Triple = tuple[Node, Node, Node]
_RDF_TYPE = ox.NamedNode(str(RDF.type))
Say = Callable[[str], None]


class _Reads:
    """What the shapes can read: the predicates they name, and those they follow from the object's side."""

    def __init__(self, shapes: Shapes) -> None:
        named = {node for node in shapes.graph.all_nodes() if isinstance(node, URIRef)}
        self.predicates = named | {RDF.type, RDFS.subClassOf}
        self.inverse = set(shapes.graph.objects(None, SH.inversePath))
        self.targets = set(shapes.graph.objects(None, SH.targetObjectsOf))


def check_pieces(
    spool: Spool, locality: Locality, entailed: Iterable[Triple], progress: Say, warn: Say, hint: str
) -> ValidationReport:
    """Validate the build held by ``spool`` (its asserted graphs) and ``entailed`` against the shipped shapes,
    piece by piece; as ``graph.validation.gate.check_dataset`` on their union: ValidationFailed on a violation,
    warnings to ``warn``."""
    shapes = shipped_shapes()
    files, count = len(shapes.files), shapes.node_shapes
    progress(f"validating against {count} shape{'' if count == 1 else 's'} ({files} file{'' if files == 1 else 's'})")
    report = validate_pieces(spool, locality, entailed, shapes)
    if not report.conforms:
        raise ValidationFailed(
            f"the dataset does not conform to the shipped shapes ({report.violations} "
            f"violation{'' if report.violations == 1 else 's'}); nothing written\n\n{to_text(report).rstrip()}"
        )
    if report.warnings or report.infos:
        warn(warnings_summary(report, hint))
    return report


def validate_pieces(spool: Spool, locality: Locality, entailed: Iterable[Triple], shapes: Shapes) -> ValidationReport:
    """The validation report of the union of ``spool``'s graphs and ``entailed``, made piece by piece."""
    reads = _Reads(shapes)
    by_piece: defaultdict[str, list[Triple]] = defaultdict(list)
    shared_piece = Graph()
    classes: defaultdict[Node, set[Node]] = defaultdict(set)  # of the shared nodes
    for triple in entailed:
        if triple[1] not in reads.predicates:
            continue
        for piece in locality.pieces((triple[0], triple[2])):
            by_piece[piece].append(triple)
        _note_shared(triple, locality, reads, shared_piece, classes)
    documents = [graph for graph in spool.graphs if piece_of_graph(graph) != SHARED]
    for graph in spool.graphs:
        if piece_of_graph(graph) == SHARED:
            for triple in spool.triples(graph):
                shared_piece.add(triple)
        typed = (q for q in spool.quads(graph) if q.predicate == _RDF_TYPE and locality.piece(q.subject) == SHARED)
        for subject, _, cls in rdflib_triples(typed):
            classes[subject].add(cls)
    sub_classes = [t for t in shared_piece.triples((None, RDFS.subClassOf, None))]
    parts: list[ValidationReport] = []
    for graph in documents:
        data = Graph()
        for triple in [*spool.triples(graph), *by_piece.pop(graph, ())]:
            data.add(triple)
        for node in {n for t in data for n in (t[0], t[2]) if locality.piece(n) == SHARED}:
            for cls in classes.get(node, ()):
                data.add((node, RDF.type, cls))
        for triple in sub_classes:
            data.add(triple)
        for triple in data:
            if _note_shared(triple, locality, reads, shared_piece, classes):
                for node in (triple[0], triple[2]):
                    if locality.piece(node) == graph:
                        for cls in data.objects(node, RDF.type):
                            shared_piece.add((node, RDF.type, cls))
        parts.append(_kept(validate_graph(data, shapes), lambda focus, piece=graph: locality.piece(focus) == piece))
    parts.append(_kept(validate_graph(shared_piece, shapes), lambda focus: locality.piece(focus) == SHARED))
    return _merged(parts)


def _note_shared(
    triple: Triple, locality: Locality, reads: _Reads, shared_piece: Graph, classes: defaultdict[Node, set[Node]]
) -> bool:
    """Add ``triple`` to the shared piece if the shapes can read it from a shared node; whether it was added."""
    subject, predicate, obj = triple
    if predicate not in reads.predicates:
        return False
    if locality.piece(subject) == SHARED:
        if predicate == RDF.type:
            classes[subject].add(obj)
        shared_piece.add(triple)
        return True
    if locality.piece(obj) == SHARED and (
        predicate in reads.inverse or (predicate in reads.targets and (None, predicate, obj) not in shared_piece)
    ):
        shared_piece.add(triple)
        return True
    return False


def _kept(report: ValidationReport, mine: Callable[[Node], bool]) -> ValidationReport:
    """``report`` with only the results whose focus node belongs to the piece (``mine``)."""
    results = tuple(result for result in report.results if mine(result.focus))
    nodes = {node: info for node, info in report.nodes.items() if mine(node)}
    return ValidationReport(results=results, graph=report.graph, nodes=nodes, prefixes=report.prefixes)


def _merged(parts: list[ValidationReport]) -> ValidationReport:
    """One report of the pieces' reports: their results, sorted, and their focus nodes' descriptions."""
    results: list[ValidationResult] = sorted(
        (result for part in parts for result in part.results), key=ValidationResult.sort_key
    )
    graph = Graph()
    nodes = {}
    for part in parts:
        nodes.update(part.nodes)
    return ValidationReport(results=tuple(results), graph=graph, nodes=nodes, prefixes=parts[-1].prefixes)

"""Validation one piece at a time (graph/build/pieces.py), with the same results as the shipped shapes on the union.

A SHACL Core shape reads, from a focus node, the statements along its paths (forward or inverse) and the classes
of the values it reaches (``sh:class``, and ``sh:node`` value shapes made of ``sh:class``). So:

- a node local to a document is checked with that document's graph, the entailments that mention its nodes, the
  classes of the shared nodes it names and the ontology's sub-classes: every statement about a local node is
  there, and so is every class of a value it reaches (paths through other local nodes, such as a passage's
  mentions, stay in the document). Only the shapes that can target one of the document's own nodes are applied
  (a State it names is checked in the shared piece, not failed here for want of its label);
- a shared node is checked once, with the shared graphs and, from every document and from the entailments, the
  statements the shapes can read of it (a predicate the shapes name, with the shared node as subject; as object
  for inverse paths, and one statement per node for ``sh:targetObjectsOf``), with the classes of the local nodes
  those statements reach; the shared graphs are in the shared piece whole.

Each focus node's results come from its own piece only. Statements the shapes never name (passage text read by
no path, the entailments of the property chains) stay out of the shared piece, which keeps it small.
``tests/test_build_pieces.py`` checks the result is the union's, on the corpus and on data that breaks shapes.

A result goes with its focus node's piece together with its details (``sh:detail``: pySHACL reports why a value
failed an ``sh:node`` shape as results of their own, whose focus is the value, perhaps a shared node).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace

import pyoxigraph as ox
from rdflib import RDF, RDFS, BNode, Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from gcmkg.graph.build.pieces import SHARED, Locality, piece_of_graph
from gcmkg.graph.build.spool import Spool
from gcmkg.graph.rdfio.read import rdflib_triples
from gcmkg.graph.validation.describe import describe_all
from gcmkg.graph.validation.engine import ValidationReport, run_shacl
from gcmkg.graph.validation.gate import announce, judge
from gcmkg.graph.validation.naming import REPORT_PREFIXES
from gcmkg.graph.validation.results import ValidationResult, parse_results
from gcmkg.graph.validation.shapes import Shapes, shipped_shapes

Triple = tuple[Node, Node, Node]
Say = Callable[[str], None]
_RDF_TYPE = ox.NamedNode(str(RDF.type))
_TARGETS = frozenset({SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode})


class _Reads:
    """What the shapes can read: the predicates they name, and those they follow from the object's side."""

    def __init__(self, shapes: Shapes) -> None:
        named = {node for node in shapes.graph.all_nodes() if isinstance(node, URIRef)}
        self.predicates = named | {RDF.type, RDFS.subClassOf}
        self.inverse = set(shapes.graph.objects(None, SH.inversePath))
        self.targets = set(shapes.graph.objects(None, SH.targetObjectsOf))
        graph = shapes.graph
        self._by_class = {(shape, cls) for shape, cls in graph.subject_objects(SH.targetClass)}
        self._by_class |= {(shape, shape) for shape in graph.subjects(RDF.type, RDFS.Class)}  # implicit targets
        self._by_subject_of = set(graph.subject_objects(SH.targetSubjectsOf))
        self._by_object_of = set(graph.subject_objects(SH.targetObjectsOf))
        self._by_node = set(graph.subject_objects(SH.targetNode))

        self._shapes = shapes
        self._chosen: dict[frozenset[Node], Shapes] = {}

    def shapes_targeting(self, piece: _PieceNodes) -> Shapes:
        """The shapes with only the targets of those that can target one of the piece's own nodes (the others stay,
        without targets, for ``sh:node``); made once for each choice."""
        found = {shape for shape, cls in self._by_class if cls in piece.classes}
        found |= {shape for shape, p in self._by_subject_of if p in piece.subject_of}
        found |= {shape for shape, p in self._by_object_of if p in piece.object_of}
        found |= {shape for shape, node in self._by_node if node in piece.nodes}
        key = frozenset(found)
        if key not in self._chosen:
            graph = Graph(bind_namespaces="none")
            for prefix, namespace in self._shapes.graph.namespaces():
                graph.bind(prefix, namespace)
            for shape, predicate, obj in self._shapes.graph:
                if shape in key or predicate not in _TARGETS and not (predicate == RDF.type and obj == RDFS.Class):
                    graph.add((shape, predicate, obj))
            self._chosen[key] = replace(self._shapes, graph=graph)
        return self._chosen[key]


def check_pieces(
    spool: Spool, locality: Locality, entailed: Iterable[Triple], progress: Say, warn: Say, hint: str
) -> ValidationReport:
    """Validate the build held by ``spool`` (its asserted graphs) and ``entailed`` against the shipped shapes,
    piece by piece, as pySHACL would on their union; ``graph.validation.gate`` judges the report (ValidationFailed
    on a violation, warnings to ``warn``)."""
    shapes = shipped_shapes()
    announce(shapes, progress)
    return judge(validate_pieces(spool, locality, entailed, shapes), warn, hint)


def validate_pieces(spool: Spool, locality: Locality, entailed: Iterable[Triple], shapes: Shapes) -> ValidationReport:
    """The validation report of the union of ``spool``'s graphs and ``entailed``, made piece by piece."""
    reads = _Reads(shapes)
    by_piece: defaultdict[str, list[Triple]] = defaultdict(list)
    shared_piece = Graph()
    for triple in entailed:
        if triple[1] in reads.predicates:
            for piece in locality.pieces((triple[0], triple[2])):
                by_piece[piece].append(triple)
            _note_shared(triple, locality, reads, shared_piece)
    classes: defaultdict[Node, set[Node]] = defaultdict(set)  # of the shared nodes, asserted or entailed
    for subject, _, cls in shared_piece.triples((None, RDF.type, None)):
        classes[subject].add(cls)
    for graph in spool.graphs:
        if piece_of_graph(graph) == SHARED:
            for triple in spool.triples(graph):
                shared_piece.add(triple)
        typed = (q for q in spool.quads(graph) if q.predicate == _RDF_TYPE and locality.piece(q.subject) == SHARED)
        for subject, _, cls in rdflib_triples(typed):
            classes[subject].add(cls)
    sub_classes = list(shared_piece.triples((None, RDFS.subClassOf, None)))
    parts: list[ValidationReport] = []
    for graph in spool.graphs:
        if piece_of_graph(graph) == SHARED:
            continue
        data = Graph()
        for triple in [*spool.triples(graph), *by_piece.pop(graph, ()), *sub_classes]:
            data.add(triple)
        for triple in list(data):
            if _note_shared(triple, locality, reads, shared_piece):
                for node in (triple[0], triple[2]):
                    if locality.piece(node) == graph:
                        for cls in data.objects(node, RDF.type):
                            shared_piece.add((node, RDF.type, cls))
        for node in {n for t in data for n in (t[0], t[2]) if isinstance(n, URIRef | BNode)}:
            if locality.piece(node) == SHARED:
                for cls in classes.get(node, ()):
                    data.add((node, RDF.type, cls))
        own = _PieceNodes(data, lambda node, piece=graph: locality.piece(node) == piece)
        parts.append(_piece_report(data, reads.shapes_targeting(own), own.belongs))
    parts.append(_piece_report(shared_piece, shapes, lambda focus: locality.piece(focus) == SHARED))
    return _merged(parts)


class _PieceNodes:
    """A piece's own nodes (``belongs``), their classes (with super-classes), and the predicates they are the
    subject and the object of: what decides which shapes can target them."""

    def __init__(self, data: Graph, belongs: Callable[[Node], bool]) -> None:
        self.belongs = belongs
        self.nodes = {n for t in data for n in (t[0], t[2]) if isinstance(n, URIRef | BNode) and belongs(n)}
        self.subject_of = {p for s, p, _ in data if s in self.nodes}
        self.object_of = {p for _, p, o in data if o in self.nodes}
        self.classes: set[Node] = set()
        pending = [o for s, p, o in data if p == RDF.type and s in self.nodes]
        while pending:
            cls = pending.pop()
            if cls not in self.classes:
                self.classes.add(cls)
                pending += data.objects(cls, RDFS.subClassOf)


def _note_shared(triple: Triple, locality: Locality, reads: _Reads, shared_piece: Graph) -> bool:
    """Add ``triple`` to the shared piece if the shapes can read it from a shared node; whether it was added."""
    subject, predicate, obj = triple
    if predicate not in reads.predicates:
        return False
    if locality.piece(subject) == SHARED or (
        locality.piece(obj) == SHARED
        and (predicate in reads.inverse or (predicate in reads.targets and (None, predicate, obj) not in shared_piece))
    ):
        shared_piece.add(triple)
        return True
    return False


def _piece_report(data: Graph, shapes: Shapes, mine: Callable[[Node], bool]) -> ValidationReport:
    """The results of validating ``data`` whose focus node belongs to the piece (``mine``), each with its details,
    and the descriptions of their focus nodes."""
    kept = Graph()
    prefixes = {**{p: str(ns) for p, ns in shapes.graph.namespaces() if p}, **REPORT_PREFIXES}
    found = run_shacl(data, shapes)
    for result in found.objects(None, SH.result):
        if mine(found.value(result, SH.focusNode)):
            kept += found.cbd(result)
    results = tuple(parse_results(kept, shapes.graph, prefixes))
    nodes = describe_all(data, (result.focus for result in results))
    return ValidationReport(results=results, graph=kept, nodes=nodes, prefixes=prefixes)


def _merged(parts: list[ValidationReport]) -> ValidationReport:
    """One report of the pieces' reports: their results (sorted), results graphs and focus nodes' descriptions."""
    results: list[ValidationResult] = sorted(
        (result for part in parts for result in part.results), key=ValidationResult.sort_key
    )
    graph = Graph()
    nodes = {}
    for part in parts:
        graph += part.graph
        nodes.update(part.nodes)
    return ValidationReport(results=tuple(results), graph=graph, nodes=nodes, prefixes=parts[-1].prefixes)

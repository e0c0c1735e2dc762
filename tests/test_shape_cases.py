"""The shipped SHACL shapes against hand-written cases, each a self-describing Turtle file in tests/shapes/cases/.

A case file follows the W3C SHACL test-suite manifest vocabulary (``mf:``, ``sht:``), as pySHACL's own tests do:

    <> a sht:Validate ;
        rdfs:label "what the case shows" ;
        dcterms:subject gcmsh:SessionShape ;                  # the node shape(s) the case tests
        mf:action [ sht:dataGraph <> ;                        # the data is the file itself
                    sht:shapesGraph <../../../shapes/reviews.ttl> , <../../../shapes/values.ttl> ] ;
        mf:result [ a sh:ValidationReport ; sh:conforms false ;
                    sh:result [ a sh:ValidationResult ; sh:focusNode … ; sh:resultPath … ;
                                sh:resultSeverity sh:Violation ;
                                sh:sourceConstraintComponent sh:MinCountConstraintComponent ;
                                sh:sourceShape gcmsh:Session-sessionNumber ] ] ;
        mf:status sht:approved .

- The shapes graph is the union of the ``sht:shapesGraph`` files, relative IRIs resolved against the case file, so
  the cases run the real shipped shapes (a shapes graph outside shapes/ is refused). A case names more than one
  file when its shapes use the target-less value shapes of shapes/values.ttl through sh:node.
- The data graph is the case file itself, plus ``ontology/gcm.ttl`` loaded alongside it: as in a build, where the
  ontology is the graph ``graph:ontology``, so rdfs:subClassOf is there for sh:targetClass and sh:class, and the
  role individuals of the ontology are there to be validated. Case files therefore hold instance data only.
- Validation uses the build's options: SHACL Core, no inference, ``allow_warnings=True``; so ``sh:conforms`` in an
  expected report is true when every result is a warning.
- Results are compared as sets, so a missing and an extra result both fail, on focus node, result path (none for
  a node-level constraint), severity and constraint component; also on source shape and value where the expected
  result names them. Expected results are worked out by hand from the shapes, never copied from a report.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from pyshacl import validate
from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, SH
from rdflib.term import Node

from gcmkg.graph.core.resources import ontology_file, shapes_dir
from gcmkg.graph.validation.shapes import shipped_shapes

CASES_DIR = Path(__file__).resolve().parent / "shapes" / "cases"
CASES = sorted(CASES_DIR.glob("*.ttl"))
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
SHT = Namespace("http://www.w3.org/ns/shacl-test#")

ResultPath = URIRef | tuple  # a canonical result path: an IRI, ("inverse", path) or ("sequence", (path, ...))


@dataclass(frozen=True)
class Result:
    focus: Node
    path: ResultPath | None
    severity: Node
    component: Node
    shape: Node | None
    value: Node | None

    def __str__(self) -> str:
        parts = [f"focus {self.focus.n3()}", f"path {_show(self.path)}", f"{_local(self.severity)}"]
        parts.append(_local(self.component))
        if self.shape is not None:
            parts.append(f"shape {_local(self.shape)}")
        if self.value is not None:
            parts.append(f"value {self.value.n3()}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Case:
    file: Path
    label: str
    subjects: frozenset[URIRef]
    shapes_files: tuple[Path, ...]
    conforms: bool
    expected: frozenset[Result]


def _local(node: Node) -> str:
    text = str(node)
    return text.rsplit("#", 1)[-1] if "#" in text else node.n3()


def _show(path: ResultPath | None) -> str:
    if path is None:
        return "(none)"
    if isinstance(path, URIRef):
        return path.n3()
    kind, inner = path  # type: ignore[misc]
    if kind == "inverse":
        return f"^{_show(inner)}"
    return "/".join(_show(step) for step in inner)


def canonical_path(graph: Graph, node: Node | None) -> ResultPath | None:
    """A result path as a comparable value: blank-node paths of two graphs never compare equal as nodes."""
    if node is None or isinstance(node, URIRef):
        return node
    inverse = graph.value(node, SH.inversePath)
    if inverse is not None:
        return ("inverse", canonical_path(graph, inverse))
    if graph.value(node, RDF.first) is not None:
        return ("sequence", tuple(canonical_path(graph, step) for step in Collection(graph, node)))
    raise AssertionError(f"unsupported result path {node!r}")


def _result(graph: Graph, node: Node, *, optional_from_expected: bool) -> Result:
    def one(prop: URIRef) -> Node | None:
        values = list(graph.objects(node, prop))
        assert len(values) <= 1, f"result has {len(values)} values of {prop}"
        return values[0] if values else None

    focus, severity, component = one(SH.focusNode), one(SH.resultSeverity), one(SH.sourceConstraintComponent)
    assert focus is not None and severity is not None and component is not None, "result lacks a required field"
    shape, value = one(SH.sourceShape), one(SH.value)
    if not optional_from_expected and isinstance(shape, BNode):
        shape = None  # a nested shape of the shapes graph: nothing an expected result could name
    return Result(focus, canonical_path(graph, one(SH.resultPath)), severity, component, shape, value)


def _file_path(iri: Node) -> Path:
    parsed = urlparse(str(iri))
    assert parsed.scheme == "file", f"{iri} is not a file"
    return Path(unquote(parsed.path))


def load_case(file: Path) -> Case:
    """The manifest entry of one case file."""
    graph = Graph().parse(file, format="turtle", publicID=file.resolve().as_uri())
    tests = list(graph.subjects(RDF.type, SHT.Validate))
    assert len(tests) == 1, f"{file.name}: expected one sht:Validate entry, found {len(tests)}"
    test = tests[0]
    assert graph.value(test, MF.status) == SHT.approved, f"{file.name}: mf:status is not sht:approved"
    action = graph.value(test, MF.action)
    data = list(graph.objects(action, SHT.dataGraph))
    assert data == [URIRef(file.resolve().as_uri())], f"{file.name}: sht:dataGraph must be <> (the file itself)"
    shipped = shapes_dir().resolve()
    shapes_files = tuple(sorted(_file_path(iri).resolve() for iri in graph.objects(action, SHT.shapesGraph)))
    assert shapes_files, f"{file.name}: no sht:shapesGraph"
    for path in shapes_files:
        assert path.parent == shipped and path.exists(), f"{file.name}: {path} is not a shipped shapes file"
    report = graph.value(test, MF.result)
    assert (report, RDF.type, SH.ValidationReport) in graph, f"{file.name}: mf:result is not a sh:ValidationReport"
    conforms = graph.value(report, SH.conforms)
    assert isinstance(conforms, Literal), f"{file.name}: expected report has no sh:conforms"
    expected = frozenset(_result(graph, node, optional_from_expected=True) for node in graph.objects(report, SH.result))
    subjects = frozenset(s for s in graph.objects(test, DCTERMS.subject) if isinstance(s, URIRef))
    assert subjects, f"{file.name}: dcterms:subject names no shape"
    label = str(graph.value(test, RDFS.label) or file.stem)
    return Case(file, label, subjects, shapes_files, bool(conforms.toPython()), expected)


def run_case(case: Case) -> tuple[bool, set[Result]]:
    """Validate the case's data (with the ontology) against its shapes; the conformance and the results."""
    data = Graph().parse(case.file, format="turtle", publicID=case.file.resolve().as_uri())
    data.parse(ontology_file(), format="turtle")
    shapes = Graph()
    for path in case.shapes_files:
        shapes.parse(path, format="turtle")
    conforms, report, text = validate(
        data,
        shacl_graph=shapes,
        ont_graph=None,
        inference="none",
        advanced=False,
        js=False,
        allow_warnings=True,
    )
    assert isinstance(report, Graph), text
    results = {_result(report, node, optional_from_expected=False) for node in report.objects(None, SH.result)}
    return conforms, results


def _matches(expected: Result, actual: Result) -> bool:
    same = (expected.focus, expected.path, expected.severity, expected.component) == (
        actual.focus,
        actual.path,
        actual.severity,
        actual.component,
    )
    return (
        same
        and (expected.shape is None or expected.shape == actual.shape)
        and (expected.value is None or expected.value == actual.value)
    )


@pytest.mark.parametrize("file", CASES, ids=[file.stem for file in CASES])
def test_case(file: Path) -> None:
    case = load_case(file)
    has_violation = any(result.severity == SH.Violation for result in case.expected)
    assert case.conforms is not has_violation, f"{file.name}: expected sh:conforms contradicts its own results"
    conforms, actual = run_case(case)
    missing = [e for e in case.expected if not any(_matches(e, a) for a in actual)]
    extra = [a for a in actual if not any(_matches(e, a) for e in case.expected)]
    lines = [f"{file.name}: {case.label}"]
    lines += [f"  missing: {result}" for result in sorted(map(str, missing))]
    lines += [f"  unexpected: {result}" for result in sorted(map(str, extra))]
    assert not missing and not extra, "\n".join(lines)
    assert conforms is case.conforms, f"{file.name}: conforms {conforms}, expected {case.conforms}"


# -----------------------------------------------------------------------------
#  Every node shape has cases
# -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return shipped_shapes().graph


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return [load_case(file) for file in CASES]


def _refers_to(shapes: Graph, shape: Node, target: Node) -> bool:
    """Whether ``shape``'s own description (through blank nodes and lists) names ``target``."""
    seen: set[Node] = set()
    todo = [shape]
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for obj in shapes.objects(node, None):
            if obj == target:
                return True
            if isinstance(obj, BNode):
                todo.append(obj)
    return False


def _governed_by(shapes: Graph, source: Node | None, node_shape: URIRef) -> bool:
    """A result's source shape is the node shape, one of its property shapes, or a shape that uses it (sh:node)."""
    if source is None:
        return False
    return source == node_shape or (node_shape, SH.property, source) in shapes or _refers_to(shapes, source, node_shape)


def test_there_are_cases() -> None:
    assert len(CASES) >= 40


def test_every_node_shape_has_a_passing_and_a_failing_case(shapes: Graph, cases: list[Case]) -> None:
    node_shapes = {s for s in shapes.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)}
    assert len(node_shapes) >= 20
    problems = []
    for shape in sorted(node_shapes):
        mine = [case for case in cases if shape in case.subjects]
        if not any(not case.expected for case in mine):
            problems.append(f"{_local(shape)} has no passing case (a case with no results)")
        failing = [c for c in mine if any(_governed_by(shapes, r.shape, shape) for r in c.expected)]
        if not failing:
            problems.append(f"{_local(shape)} has no failing case (a case whose expected results come from it)")
    assert not problems, "\n".join(problems)


def test_every_rule_is_seen_failing(shapes: Graph, cases: list[Case]) -> None:
    """Every property shape, and every targeted node shape with a node-level constraint, is the source of an expected
    result (a target-less value shape is reported by the property shape that uses it through sh:node)."""
    structural = {RDF.type, RDFS.comment, SH.property, SH.targetClass, SH.message, SH.severity}
    rules = {s for s in shapes.subjects(RDF.type, SH.PropertyShape) if isinstance(s, URIRef)}
    rules |= {
        s
        for s in shapes.subjects(RDF.type, SH.NodeShape)
        if isinstance(s, URIRef)
        and (s, SH.targetClass, None) in shapes
        and set(shapes.predicates(s, None)) - structural
    }
    seen = {result.shape for case in cases for result in case.expected}
    never = sorted(_local(rule) for rule in rules if rule not in seen)
    assert not never, f"never seen failing in a case: {never}"


def test_case_subjects_are_shapes(shapes: Graph, cases: list[Case]) -> None:
    for case in cases:
        for subject in case.subjects:
            assert (subject, RDF.type, SH.NodeShape) in shapes, f"{case.file.name}: {subject} is not a node shape"


def test_passing_cases_have_focus_nodes(shapes: Graph, cases: list[Case]) -> None:
    """A passing case of a targeted shape holds at least one node of a target class, so it shows something."""
    ontology = Graph().parse(ontology_file(), format="turtle")
    for case in cases:
        if case.expected:
            continue
        data = Graph().parse(case.file, format="turtle", publicID=case.file.resolve().as_uri()) + ontology
        for shape in case.subjects:
            classes = set(shapes.objects(shape, SH.targetClass))
            if not classes:
                continue  # a value shape: exercised through the property shapes that use it
            instances = {
                node
                for cls in classes
                for sub in data.transitive_subjects(RDFS.subClassOf, cls)
                for node in data.subjects(RDF.type, sub)
            }
            assert instances, f"{case.file.name}: no focus node for {_local(shape)}"

"""The shapes graph itself: SHACL Core only, well-formed by SHACL's shapes for shapes, a message on every
constraint, every ontology class targeted; and the reference and corpus builds conform to it.

The per-shape passing and failing cases are in tests/test_shape_cases.py.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from gcmkg.graph.core import ids
from gcmkg.graph.core.ids import ONTOLOGY_NS
from gcmkg.graph.core.resources import ontology_file
from gcmkg.graph.core.vocab import GCM
from gcmkg.graph.rdfio.read import union_graph
from gcmkg.graph.validation.shapes import shipped_shapes

GCMSH = "https://w3id.org/gcmkg/shapes#"
VALIDATE_OPTIONS = {"ont_graph": None, "inference": "none", "advanced": False, "js": False, "allow_warnings": True}

# Parameters of a shape that are not constraints: targets, the message itself, labels, and the links to property
# shapes (which carry their own messages).
NOT_CONSTRAINTS = {RDF.type, RDFS.comment, RDFS.label} | {
    SH[name]
    for name in (
        "property targetClass targetNode targetSubjectsOf targetObjectsOf message severity name description "
        "deactivated order group path"
    ).split()
}

# The SHACL Core vocabulary a shape may use (SHACL 1.0, sections 2-4): anything else (sh:sparql, sh:target,
# sh:rule, sh:js..., sh:SPARQLConstraint ...) belongs to SHACL-SPARQL, SHACL-AF or SHACL-JS.
CORE = {
    SH[name]
    for name in (
        "NodeShape PropertyShape Violation Warning Info IRI BlankNode Literal BlankNodeOrIRI BlankNodeOrLiteral "
        "IRIOrLiteral targetClass targetNode targetSubjectsOf targetObjectsOf property path inversePath "
        "alternativePath zeroOrMorePath oneOrMorePath zeroOrOnePath message severity name description "
        "deactivated order group class datatype nodeKind minCount maxCount minExclusive minInclusive "
        "maxExclusive maxInclusive minLength maxLength pattern flags languageIn uniqueLang equals disjoint "
        "lessThan lessThanOrEquals not and or xone node qualifiedValueShape qualifiedMinCount qualifiedMaxCount "
        "qualifiedValueShapesDisjoint closed ignoredProperties hasValue in"
    ).split()
}


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return shipped_shapes().graph


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_file(), format="turtle")


@pytest.fixture(scope="module")
def shacl_shacl() -> Graph:
    """W3C's shapes for shapes graphs, as pySHACL ships it: no network."""
    with as_file(files("pyshacl").joinpath("assets", "shacl-shacl.ttl")) as path:
        return Graph().parse(path, format="turtle")


def _named_shapes(shapes: Graph) -> set[URIRef]:
    typed = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape))
    return {s for s in typed if isinstance(s, URIRef)}


# -----------------------------------------------------------------------------
#  The shapes graph
# -----------------------------------------------------------------------------


def test_shapes_are_named_in_the_gcmsh_namespace(shapes: Graph) -> None:
    named = _named_shapes(shapes)
    assert len(named) > 100
    assert all(str(shape).startswith(GCMSH) for shape in named)
    # every property shape is a named one, so a result's sh:sourceShape says which rule broke
    for node in shapes.objects(None, SH.property):
        assert isinstance(node, URIRef), f"anonymous property shape {node!r}"
        assert (node, RDF.type, SH.PropertyShape) in shapes, node


def test_every_constraint_has_a_message(shapes: Graph) -> None:
    properties = set(shapes.objects(None, SH.property))
    assert properties
    for node in properties:
        assert shapes.value(node, SH.message) is not None, f"property shape {node} has no sh:message"
    for shape in _named_shapes(shapes):
        node_level = {p for p in shapes.predicates(shape, None) if p not in NOT_CONSTRAINTS}
        if node_level:
            assert shapes.value(shape, SH.message) is not None, f"{shape} has node-level {node_level}, no message"


def test_every_property_shape_is_used(shapes: Graph) -> None:
    for shape in shapes.subjects(RDF.type, SH.PropertyShape):
        assert (None, SH.property, shape) in shapes, f"{shape} is used by no node shape"


def test_every_ontology_class_is_targeted(shapes: Graph, ontology: Graph) -> None:
    """Directly, or through rdfs:subClassOf as sh:targetClass follows it (gcm:UNEntity via gcm:Organisation)."""
    classes = {c for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(ONTOLOGY_NS)}
    assert len(classes) >= 35
    targets = set(shapes.objects(None, SH.targetClass))
    assert targets <= classes, f"targets outside the ontology: {targets - classes}"
    for cls in sorted(classes):
        reachable = set(ontology.transitive_objects(cls, RDFS.subClassOf))
        assert reachable & targets, f"{cls} is targeted by no shape"


def test_shapes_are_shacl_core_only(shapes: Graph) -> None:
    assert not list(shapes.triples((None, OWL.imports, None))), "shapes must not import (no network, no owl:imports)"
    used = {term for triple in shapes for term in triple if isinstance(term, URIRef) and term.startswith(str(SH))}
    assert used <= CORE, f"not SHACL Core: {sorted(used - CORE)}"


@pytest.mark.slow
def test_shapes_conform_to_shacl_for_shacl(shapes: Graph, shacl_shacl: Graph) -> None:
    conforms, _, text = validate(shapes, shacl_graph=shacl_shacl, **VALIDATE_OPTIONS)
    assert conforms, text


@pytest.mark.slow
def test_a_broken_shape_fails_shacl_for_shacl(shapes: Graph, shacl_shacl: Graph) -> None:
    broken = Graph()
    broken += shapes
    broken.add((URIRef(GCMSH + "Session-sessionNumber"), SH.minCount, Literal("one")))
    conforms, report, _ = validate(broken, shacl_graph=shacl_shacl, **VALIDATE_OPTIONS)
    assert not conforms
    focus = set(report.objects(None, SH.focusNode))
    assert URIRef(GCMSH + "Session-sessionNumber") in focus


def test_participation_roles_are_the_ontology_roles(shapes: Graph, ontology: Graph) -> None:
    listed = shapes.value(URIRef(GCMSH + "Participation-role"), SH["in"])
    assert isinstance(listed, BNode)
    declared = set(ontology.subjects(RDF.type, GCM.Role))
    assert set(Collection(shapes, listed)) == declared
    assert (
        len(declared) == 13
    )  # the seven of the contract, and those of a review's segments and contributions (issue 13)


# -----------------------------------------------------------------------------
#  Builds conform
# -----------------------------------------------------------------------------


def _violations(report: Graph) -> list[str]:
    return [
        f"{report.value(r, SH.focusNode)} {report.value(r, SH.resultMessage)}"
        for r in report.subjects(SH.resultSeverity, SH.Violation)
    ]


def test_reference_build_conforms(shapes: Graph, reference_build: Path) -> None:
    conforms, report, text = validate(union_graph(reference_build), shacl_graph=shapes, **VALIDATE_OPTIONS)
    assert conforms, text
    assert not list(report.subjects(SH.resultSeverity, SH.Warning)), text


@pytest.mark.slow
def test_corpus_build_conforms(shapes: Graph, corpus_build: Path) -> None:
    """No violation; warnings (what the text did not give, such as a citation whose mark was lost) are allowed."""
    data = union_graph(corpus_build)
    assert (None, RDFS.subClassOf, GCM.Organisation) in data, "the build lacks its ontology graph"
    conforms, report, text = validate(data, shacl_graph=shapes, **VALIDATE_OPTIONS)
    assert conforms, "\n".join(_violations(report)) or text
    focus = {report.value(result, SH.focusNode) for result in report.objects(None, SH.result)}
    assert len(focus) < 20, f"unexpectedly many warnings: {len(focus)} nodes\n{text[:3000]}"


def test_a_bad_alpha3_code_is_a_violation(shapes: Graph, reference_build: Path) -> None:
    broken = union_graph(reference_build)
    turkiye = URIRef(ids.state("TUR"))
    broken.set((turkiye, GCM.alpha3, Literal("tur")))
    conforms, report, text = validate(broken, shacl_graph=shapes, **VALIDATE_OPTIONS)
    assert not conforms
    assert "three capital letters" in text
    assert (None, SH.focusNode, turkiye) in report


def _per_link_form(shapes: Graph) -> Graph:
    """The shipped shapes as they were before gcmsh:MentionedEntityShape: the entity checked on every mention link
    (sh:node gcmsh:EntityValueShape on gcmsh:Passage-mentions and gcmsh:Mention-mentionOf)."""
    per_link = Graph()
    for prefix, namespace in shapes.namespaces():
        per_link.bind(prefix, namespace)
    for triple in shapes:
        per_link.add(triple)
    per_link.remove((URIRef(GCMSH + "MentionedEntityShape"), None, None))
    entity = URIRef(GCMSH + "EntityValueShape")
    per_link.add((URIRef(GCMSH + "Mention-mentionOf"), SH.node, entity))
    passage_mentions = URIRef(GCMSH + "Passage-mentions")
    per_link.add((URIRef(GCMSH + "PassageShape"), SH.property, passage_mentions))
    per_link.add((passage_mentions, RDF.type, SH.PropertyShape))
    per_link.add((passage_mentions, SH.path, GCM.mentions))
    per_link.add((passage_mentions, SH.node, entity))
    return per_link


@pytest.mark.slow
def test_checking_mentioned_entities_once_leaves_the_corpus_report_as_it_was(corpus_build: Path) -> None:
    """gcmsh:MentionedEntityShape checks each mentioned entity once instead of on every link (pySHACL builds a result
    for every failing alternative of an sh:or and throws it away); the corpus build's report is the same as with
    the per-link form, and both find an entity that is not one."""
    from gcmkg.graph.validation.engine import validate_graph
    from gcmkg.graph.validation.shapes import Shapes

    shipped = shipped_shapes()
    per_link = Shapes(_per_link_form(shipped.graph), shipped.files, trusted=True)

    def results(data: Graph, shapes: Shapes) -> set[tuple]:
        report = validate_graph(data, shapes)
        return {(r.severity.name, r.focus, r.path, r.value, r.message, r.shape) for r in report.results}

    data = union_graph(corpus_build)
    now, before = results(data, shipped), results(data, per_link)
    assert now == before
    assert any(r[0] == "WARNING" for r in now)  # the report is not empty: the corpus has warnings
    session = next(data.subjects(RDF.type, GCM.Session))
    data.set((next(data.subjects(RDF.type, GCM.Mention)), GCM.mentionOf, session))  # a session is not an entity
    assert {r[1] for r in results(data, shipped) if r[5] == "gcmsh:MentionedEntityShape"} == {session}
    assert {r[3] for r in results(data, per_link) if r[5] == "gcmsh:Mention-mentionOf"} == {session}

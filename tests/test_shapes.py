"""The reference build conforms to the shipped shapes, and the shapes catch what they promise to."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef

from gcmkg.graph import ids
from gcmkg.graph.resources import shapes_dir
from gcmkg.graph.vocab import GCM


@pytest.fixture(scope="module")
def shapes() -> Graph:
    graph = Graph()
    for path in sorted(shapes_dir().glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


@pytest.fixture(scope="module")
def merged(reference_build: Path) -> Graph:
    return Graph().parse(reference_build / "gcmkg.ttl", format="turtle")


def test_every_constraint_has_a_message(shapes: Graph) -> None:
    sh = "http://www.w3.org/ns/shacl#"
    properties = set(shapes.objects(None, URIRef(sh + "property")))
    assert properties
    for node in properties:
        assert shapes.value(node, URIRef(sh + "message")) is not None, node


def test_reference_build_conforms(shapes: Graph, merged: Graph) -> None:
    conforms, _, text = validate(merged, shacl_graph=shapes, inference="none")
    assert conforms, text


def test_a_bad_alpha3_code_is_a_violation(shapes: Graph, merged: Graph) -> None:
    broken = Graph()
    for triple in merged:
        broken.add(triple)
    turkiye = URIRef(ids.state("TUR"))
    broken.set((turkiye, GCM.alpha3, Literal("tur")))
    conforms, _, text = validate(broken, shacl_graph=shapes, inference="none")
    assert not conforms
    assert "three capital letters" in text
    assert str(turkiye) in text

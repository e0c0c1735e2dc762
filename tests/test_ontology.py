"""The ontology parses, documents every term, reuses standard vocabularies, and matches graph/core/vocab.py."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from gcmkg.graph.core.ids import ID, ONTOLOGY, ONTOLOGY_NS
from gcmkg.graph.core.resources import ontology_file
from gcmkg.graph.core.vocab import GCM
from gcmkg.graph.core.vocabgen import render_module

#: The roles of the stored-query contract (DESIGN.md), and those of a review's opening and closing segments and of
#: contributions through a named forum (issue 13).
ROLES = {"moderator", "speaker", "presenter", "on-behalf-of", "right-of-reply", "lead-organiser", "co-chair"} | {
    "opening-remarks",
    "video-message",
    "keynote",
    "closing-remarks",
    "rapporteur",
    "contributor",
}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_file(), format="turtle")


def _terms(graph: Graph, kind: URIRef) -> set[URIRef]:
    return {s for s in graph.subjects(RDF.type, kind) if str(s).startswith(ONTOLOGY_NS)}


def test_header_has_version_and_licence(ontology: Graph) -> None:
    header = URIRef(ONTOLOGY)
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(header, OWL.versionIRI) is not None
    assert ontology.value(header, OWL.versionInfo) is not None
    assert ontology.value(header, URIRef("http://purl.org/dc/terms/license")) is not None


def test_every_term_has_one_english_label_and_definition(ontology: Graph) -> None:
    terms = {s for s in ontology.subjects() if isinstance(s, URIRef) and str(s).startswith((ONTOLOGY_NS, ID))}
    assert len(terms) > 80
    for term in terms:
        labels = [o for o in ontology.objects(term, RDFS.label) if o.language == "en"]
        definitions = [o for o in ontology.objects(term, SKOS.definition) if o.language == "en"]
        assert len(labels) == 1, f"{term} has {len(labels)} English labels"
        assert len(definitions) == 1, f"{term} has {len(definitions)} English definitions"


def test_required_classes_exist(ontology: Graph) -> None:
    required = {
        "Objective",
        "GuidingPrinciple",
        "Review",
        "Session",
        "Participation",
        "Role",
        "State",
        "Organisation",
        "UNEntity",
        "IntergovernmentalOrganisation",
        "CivilSocietyOrganisation",
        "TradeUnion",
        "EmployersOrganisation",
        "AcademicInstitution",
        "Person",
        "Initiative",
        "Fund",
        "JointProgramme",
        "Project",
        "Platform",
        "NationalPlan",
        "Campaign",
        "Partnership",
        "Process",
        "Document",
        "Section",
        "Passage",
        "Footnote",
        "Statistic",
        "Citation",
    }
    defined = {str(c)[len(ONTOLOGY_NS) :] for c in _terms(ontology, OWL.Class)}
    assert required <= defined


def test_object_properties_have_domain_and_range(ontology: Graph) -> None:
    for prop in _terms(ontology, OWL.ObjectProperty):
        assert ontology.value(prop, RDFS.domain) is not None, prop
        assert ontology.value(prop, RDFS.range) is not None, prop


def test_standard_vocabularies_are_reused(ontology: Graph) -> None:
    assert (GCM.Objective, RDFS.subClassOf, SKOS.Concept) in ontology
    assert (GCM.Participation, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Association")) in ontology
    assert (GCM.Organisation, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#FormalOrganization")) in ontology
    assert (GCM.partOfReview, RDFS.subPropertyOf, URIRef("http://purl.org/dc/terms/isPartOf")) in ontology
    assert (GCM.hasSession, OWL.inverseOf, GCM.partOfReview) in ontology


def test_roles_are_the_contract_roles(ontology: Graph) -> None:
    notations = {str(ontology.value(role, SKOS.notation)) for role in ontology.subjects(RDF.type, GCM.Role)}
    assert notations == ROLES


def test_vocab_module_is_generated_from_the_ontology(ontology: Graph) -> None:
    from gcmkg.graph.core import vocab

    with open(vocab.__file__, encoding="utf-8") as handle:
        regenerate = "run: python -m gcmkg.graph.core.vocabgen > graph/core/vocab.py"
        assert handle.read() == render_module(ontology), regenerate


def test_closed_namespace_rejects_a_typo() -> None:
    with pytest.raises(AttributeError):
        GCM.Objetive  # noqa: B018

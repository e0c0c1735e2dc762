"""OWL 2 RL reasoning: what it adds (worked out by hand from the ontology), where it goes, and that the
targeted route gives exactly what the full owlrl closure gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, BNode, Dataset, Graph, Namespace, URIRef
from rdflib.namespace import PROV

from gcmkg.graph.build.pipeline import build
from gcmkg.graph.core import ids
from gcmkg.graph.core.resources import ontology_file
from gcmkg.graph.core.vocab import GCM
from gcmkg.graph.rdfio.read import read_dataset
from gcmkg.graph.reasoning.axioms import split, unsupported
from gcmkg.graph.reasoning.infer import FULL_CLOSURE, TARGETED, full_closure, infer
from gcmkg.graph.reasoning.targeted import per_triple_rules

ID = Namespace(ids.ID)
ORG = Namespace("http://www.w3.org/ns/org#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
INFERRED = URIRef(ids.named_graph("inferred"))

# A session of 2024 addressing objective 3; Serbia speaks in it, UNICEF leads it; a passage about
# objective 7 names Georgia. Only asserted types are the ones a loader writes.
DATA = """
@prefix gcm: <https://w3id.org/gcmkg/ontology#> .
@base <https://w3id.org/gcmkg/id/> .

<review/2024> a gcm:Review .
<review/2024/session/2> a gcm:Session ; gcm:partOfReview <review/2024> ; gcm:addressesObjective <objective/3> .
<objective/3> a gcm:Objective .
<objective/7> a gcm:Objective .
<state/SRB> a gcm:State .
<state/GEO> a gcm:State .
<organisation/unicef> a gcm:UNEntity .
<review/2024/session/2/participation/speaker/state/SRB> a gcm:Participation ;
    gcm:inSession <review/2024/session/2> ; gcm:agent <state/SRB> ; gcm:role <role/speaker> .
<review/2024/session/2/participation/lead-organiser/organisation/unicef> a gcm:Participation ;
    gcm:inSession <review/2024/session/2> ; gcm:agent <organisation/unicef> ; gcm:role <role/lead-organiser> .
<document/d> a gcm:Document .
<document/d/passage/4> a gcm:Passage ; gcm:passageOf <document/d> ; gcm:aboutObjective <objective/7> ;
    gcm:mentions <state/GEO> ; gcm:text "Under Objective 7, Georgia described ..." .
"""


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_file(), format="turtle")


@pytest.fixture(scope="module")
def small(ontology: Graph) -> Graph:
    data = Graph().parse(data=DATA, format="turtle")
    for triple in ontology:
        data.add(triple)
    return infer(data, ontology).graph


def test_property_chains_give_engagement_through_sessions_and_mentions(small: Graph) -> None:
    # hasParticipationAsAgent (inverse of agent) ∘ inSession ∘ addressesObjective; mentionedIn ∘ aboutObjective
    serbia, georgia, unicef = ID["state/SRB"], ID["state/GEO"], ID["organisation/unicef"]
    assert set(small.subject_objects(GCM.engagedThroughSession)) == {
        (serbia, ID["objective/3"]),
        (unicef, ID["objective/3"]),
    }
    assert set(small.subject_objects(GCM.engagedThroughMention)) == {(georgia, ID["objective/7"])}
    assert set(small.subject_objects(GCM.engagedWithObjective)) == {
        (serbia, ID["objective/3"]),
        (unicef, ID["objective/3"]),
        (georgia, ID["objective/7"]),
    }


def test_inverse_and_super_properties(small: Graph) -> None:
    session = ID["review/2024/session/2"]
    speaker = ID["review/2024/session/2/participation/speaker/state/SRB"]
    assert (ID["state/SRB"], GCM.hasParticipationAsAgent, speaker) in small  # inverse of gcm:agent
    assert (session, GCM.hasParticipation, speaker) in small  # inverse of gcm:inSession
    assert (speaker, PROV.agent, ID["state/SRB"]) in small  # gcm:agent ⊑ prov:agent
    assert (speaker, PROV.hadRole, ID["role/speaker"]) in small  # gcm:role ⊑ prov:hadRole
    assert (ID["review/2024"], GCM.hasSession, session) in small  # inverse of gcm:partOfReview
    assert (ID["objective/3"], GCM.addressedInSession, session) in small
    assert (ID["objective/7"], GCM.discussedIn, ID["document/d/passage/4"]) in small
    assert (ID["state/GEO"], GCM.mentionedIn, ID["document/d/passage/4"]) in small
    passage_of = (ID["document/d/passage/4"], GCM.inDocument, ID["document/d"])  # passageOf ⊑ inDocument
    assert passage_of in small


def test_types_from_class_hierarchy_domains_and_ranges(small: Graph) -> None:
    unicef = ID["organisation/unicef"]
    # UNEntity ⊑ Organisation ⊑ org:FormalOrganization, prov:Organization; the range of gcm:agent is prov:Agent
    assert set(small.objects(unicef, RDF.type)) == {
        GCM.Organisation,
        ORG.FormalOrganization,
        PROV.Organization,
        PROV.Agent,
    }
    # the ontology does not import ORG, so its org:FormalOrganization ⊑ org:Organization is not applied
    # State ⊑ prov:Agent, foaf:Agent; Participation ⊑ prov:Association; Passage ⊑ prov:Entity
    assert {PROV.Agent, FOAF.Agent} <= set(small.objects(ID["state/GEO"], RDF.type))
    speaker = ID["review/2024/session/2/participation/speaker/state/SRB"]
    assert (speaker, RDF.type, PROV.Association) in small
    assert (ID["document/d/passage/4"], RDF.type, PROV.Entity) in small
    # roles are declared gcm:Role in the ontology; gcm:Role ⊑ prov:Role
    assert (ID["role/speaker"], RDF.type, PROV.Role) in small


def test_nothing_trivial_or_anonymous_is_kept(small: Graph) -> None:
    assert (None, RDF.type, OWL.Thing) not in small
    assert (None, OWL.sameAs, None) not in small
    assert all(isinstance(s, URIRef) and s.startswith(ids.BASE) for s in small.subjects())
    assert not any(isinstance(o, BNode) for o in small.objects())  # no anonymous (union) classes


def test_asserted_statements_are_not_repeated(small: Graph) -> None:
    data = Graph().parse(data=DATA, format="turtle")
    assert not set(small) & set(data)


def test_per_triple_rules_of_an_inverse_sub_property(ontology: Graph) -> None:
    rules = per_triple_rules(split(ontology), {GCM.agent, GCM.passageOf})
    assert rules[GCM.agent] == {(PROV.agent, False), (GCM.hasParticipationAsAgent, True)}
    assert rules[GCM.passageOf] == {
        (GCM.hasPassage, True),
        (GCM.inDocument, False),
        (URIRef("http://purl.org/dc/terms/isPartOf"), False),
    }


def test_the_shipped_ontology_takes_the_targeted_route(ontology: Graph) -> None:
    assert unsupported(ontology, Graph()) == []
    assert infer(ontology, ontology).route == TARGETED


def test_an_ontology_beyond_the_targeted_route_takes_the_full_closure(ontology: Graph) -> None:
    extended = Graph()
    for triple in ontology:
        extended.add(triple)
    extended.add((GCM.alpha3, RDF.type, OWL.FunctionalProperty))
    extended.add((GCM.alpha3, RDF.type, OWL.InverseFunctionalProperty))
    assert unsupported(extended, Graph()) == [
        "rdf:type owl:FunctionalProperty",
        "rdf:type owl:InverseFunctionalProperty",
    ]
    data = Graph().parse(data=DATA, format="turtle")
    for triple in extended:
        data.add(triple)
    result = infer(data, extended)
    assert result.route == FULL_CLOSURE
    assert "owl:FunctionalProperty" in result.method
    assert (ID["state/GEO"], GCM.engagedWithObjective, ID["objective/7"]) in result.graph


def test_sameas_in_the_data_takes_the_full_closure(ontology: Graph) -> None:
    data = Graph().parse(data=DATA, format="turtle")
    data.add((ID["state/GEO"], OWL.sameAs, ID["state/GEORGIA"]))
    assert unsupported(ontology, data) == ["owl:sameAs in the data"]


# --- the corpus build -------------------------------------------------------------------------------


def without_blank_nodes(graph: Graph) -> set[tuple]:
    """The triples of ``graph`` that have no blank node (those get new labels each time a file is read)."""
    return {triple for triple in graph if not any(isinstance(term, BNode) for term in triple)}


@pytest.fixture(scope="module")
def corpus_dataset(corpus_build: Path) -> Dataset:
    return read_dataset(corpus_build)


def _asserted(dataset: Dataset) -> Graph:
    merged = Graph()
    for *triple, graph in dataset.quads((None, None, None, None)):
        if graph != INFERRED:
            merged.add(tuple(triple))
    return merged


@pytest.mark.slow
def test_targeted_route_equals_the_full_closure_on_the_corpus(corpus_dataset: Dataset, ontology: Graph) -> None:
    """The proof behind the speed-up: every kept entailment of the naive closure, and nothing else."""
    asserted = _asserted(corpus_dataset)
    targeted = set(infer(asserted, ontology).graph)
    naive = set(full_closure(asserted))
    assert targeted == naive
    # and it is what the build stored
    assert set(corpus_dataset.graph(INFERRED)) == targeted


@pytest.mark.slow
def test_the_build_keeps_entailments_in_their_own_graph_with_provenance(corpus_dataset: Dataset) -> None:
    inferred = corpus_dataset.graph(INFERRED)
    assert len(inferred) > 0
    provenance = corpus_dataset.graph(URIRef(ids.named_graph("build")))
    sources = set(provenance.objects(INFERRED, PROV.wasDerivedFrom))
    assert URIRef(ids.named_graph("ontology")) in sources
    assert URIRef(ids.named_graph("reference/states")) in sources
    assert INFERRED not in sources
    activity = provenance.value(INFERRED, PROV.wasGeneratedBy)
    assert "targeted" in str(provenance.value(activity, RDFS.label))


@pytest.mark.slow
def test_reasoning_never_changes_the_asserted_graphs(tmp_path: Path) -> None:
    with_reasoning, without = tmp_path / "with", tmp_path / "without"
    build(with_reasoning)
    build(without, reasoning=False)
    reasoned, plain = read_dataset(with_reasoning), read_dataset(without)
    build_graph = URIRef(ids.named_graph("build"))
    names = {g.identifier for g in plain.graphs() if len(g)} - {build_graph}
    assert names == {g.identifier for g in reasoned.graphs() if len(g)} - {build_graph, INFERRED}
    for name in names:
        assert without_blank_nodes(reasoned.graph(name)) == without_blank_nodes(plain.graph(name)), name
    assert len(reasoned.graph(INFERRED)) > 0


@pytest.mark.slow
def test_merged_turtle_with_and_without_the_inferred_graph(tmp_path: Path) -> None:
    build(tmp_path / "all")
    build(tmp_path / "asserted", merge_inferred=False)
    everything = Graph().parse(tmp_path / "all" / "gcmkg.ttl", format="turtle")
    asserted = Graph().parse(tmp_path / "asserted" / "gcmkg.ttl", format="turtle")
    turkiye = ID["state/TUR"]
    assert (turkiye, RDF.type, PROV.Agent) in everything  # gcm:State ⊑ prov:Agent
    assert (turkiye, RDF.type, PROV.Agent) not in asserted
    assert without_blank_nodes(asserted) < without_blank_nodes(everything)


def test_build_command_without_reasoning_has_no_inferred_graph(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from gcmkg.graph.cli import cli

    result = CliRunner().invoke(cli, ["build", "-o", str(tmp_path), "--no-reasoning", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "graph:inferred" not in result.output
    assert INFERRED not in {graph.identifier for graph in read_dataset(tmp_path).graphs() if len(graph)}

"""OWL 2 RL reasoning: what it adds (worked out by hand from the ontology), where it goes, and that the
targeted route gives exactly what the full owlrl closure gives."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, BNode, Dataset, Graph, Namespace, URIRef
from rdflib.namespace import PROV
from rdflib.term import Node

from gcmkg.graph.build.pipeline import build
from gcmkg.graph.core import ids
from gcmkg.graph.core.resources import ontology_file
from gcmkg.graph.core.vocab import GCM
from gcmkg.graph.rdfio.read import read_dataset
from gcmkg.graph.rdfio.serialize import merged_graph
from gcmkg.graph.reasoning.axioms import read_axioms, unsupported
from gcmkg.graph.reasoning.closure import owl_rl_closure
from gcmkg.graph.reasoning.entailments import is_kept
from gcmkg.graph.reasoning.infer import FULL_CLOSURE, TARGETED, full_closure, infer

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


def test_what_one_statement_entails_through_inverse_and_super_properties(ontology: Graph) -> None:
    axioms = read_axioms(ontology)
    assert axioms.entailed(GCM.agent) == {
        (GCM.agent, False),
        (PROV.agent, False),
        (GCM.hasParticipationAsAgent, True),
    }
    assert axioms.entailed(GCM.passageOf) == {
        (GCM.passageOf, False),
        (GCM.hasPassage, True),
        (GCM.inDocument, False),
        (URIRef("http://purl.org/dc/terms/isPartOf"), False),
    }


def test_rule_tables_equal_what_owlrl_derives_for_each_predicate_and_class(ontology: Graph) -> None:
    """The tables of the shipped ontology against owlrl: one statement per predicate, one member per class."""
    axioms = read_axioms(ontology)
    predicates = sorted({*axioms.properties, *axioms.subject_classes, *axioms.object_classes}, key=str)
    classes = sorted(axioms.super_classes, key=str)
    statements = {p: (ID[f"test/s{i}"], ID[f"test/o{i}"]) for i, p in enumerate(predicates)}
    members = {c: ID[f"test/m{i}"] for i, c in enumerate(classes)}
    sample = [*ontology, *((s, p, o) for p, (s, o) in statements.items())]
    sample += [(m, RDF.type, c) for c, m in members.items()]
    closure = set(owl_rl_closure(sample)) | set(sample)

    def kept_classes(node: Node, classes: Iterable[Node]) -> set[Node]:
        return {c for c in classes if is_kept((node, RDF.type, c))}

    def owlrl_classes(node: Node) -> set[Node]:
        return kept_classes(node, (o for s, p, o in closure if s == node and p == RDF.type))

    for p, (s, o) in statements.items():
        entailed = {(q, False) for x, q, y in closure if (x, y) == (s, o)}
        entailed |= {(q, True) for x, q, y in closure if (x, y) == (o, s)}
        assert axioms.entailed(p) == entailed, p
        assert kept_classes(s, axioms.subject_classes.get(p, ())) == owlrl_classes(s), p
        assert kept_classes(o, axioms.object_classes.get(p, ())) == owlrl_classes(o), p
    for c, member in members.items():
        assert kept_classes(member, axioms.super_classes[c]) == owlrl_classes(member), c


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


# --- every rule pattern on a hand-written ontology, the premises in two named graphs ----------------

V = Namespace("http://example.org/vocab#")
T = Namespace(ids.ID + "test/")

PATTERNS = """
@prefix v: <http://example.org/vocab#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

v:Dog rdfs:subClassOf v:Mammal .
v:Mammal rdfs:subClassOf v:Animal .
v:Animal owl:equivalentClass v:Creature .
[ owl:unionOf ( v:Plant v:Fungus ) ] rdfs:subClassOf v:Organism .
v:owns rdfs:domain v:Person ; rdfs:range [ owl:unionOf ( v:Animal v:Vehicle ) ] .
v:hasPet rdfs:subPropertyOf v:owns .
v:petOf owl:inverseOf v:hasPet .
v:cares owl:equivalentProperty v:looksAfter .
v:looksAfter rdfs:range v:Cared .
v:knows a owl:SymmetricProperty .
v:parentOf rdfs:subPropertyOf v:ancestorOf .
v:ancestorOf a owl:TransitiveProperty .
v:grandparentOf owl:propertyChainAxiom ( v:parentOf v:parentOf ) .
v:colleagueOf owl:propertyChainAxiom ( v:worksAt [ owl:inverseOf v:worksAt ] ) .
"""

FIRST_GRAPH = """
@prefix v: <http://example.org/vocab#> .
@prefix t: <https://w3id.org/gcmkg/id/test/> .
t:rex a v:Dog .
t:fern a v:Plant .
t:ann v:hasPet t:rex ; v:cares t:rex ; v:knows t:cy ; v:parentOf t:bob ; v:worksAt t:acme .
"""

SECOND_GRAPH = """
@prefix v: <http://example.org/vocab#> .
@prefix t: <https://w3id.org/gcmkg/id/test/> .
t:bob v:parentOf t:cy .
t:cy v:ancestorOf t:dan .
t:eve v:worksAt t:acme .
"""


@pytest.fixture(scope="module")
def patterns() -> tuple[Graph, Graph]:
    """The hand-written ontology, and the union of its graph and the two data graphs (as the build merges them)."""
    dataset = Dataset()
    for name, text in (("ontology", PATTERNS), ("document/a", FIRST_GRAPH), ("document/b", SECOND_GRAPH)):
        dataset.graph(URIRef(ids.named_graph(name))).parse(data=text, format="turtle")
    return Graph().parse(data=PATTERNS, format="turtle"), merged_graph(dataset)


def test_each_rule_pattern_gives_what_was_worked_out_by_hand(patterns: tuple[Graph, Graph]) -> None:
    ontology, union = patterns
    result = infer(union, ontology)
    assert result.route == TARGETED
    assert set(result.triples) == {
        # sub-classes, then an equivalent class; a member of a union that is a sub-class
        (T.rex, RDF.type, V.Mammal),
        (T.rex, RDF.type, V.Animal),
        (T.rex, RDF.type, V.Creature),
        (T.fern, RDF.type, V.Organism),
        # sub-property, its domain (its range is a union: nothing named), the inverse
        (T.ann, V.owns, T.rex),
        (T.ann, RDF.type, V.Person),
        (T.rex, V.petOf, T.ann),
        # equivalent property and its range
        (T.ann, V.looksAfter, T.rex),
        (T.rex, RDF.type, V.Cared),
        # symmetric
        (T.cy, V.knows, T.ann),
        # sub-property of a transitive property, across the two graphs: ann → bob (first), bob → cy → dan (second)
        (T.ann, V.ancestorOf, T.bob),
        (T.bob, V.ancestorOf, T.cy),
        (T.ann, V.ancestorOf, T.cy),
        (T.ann, V.ancestorOf, T.dan),
        (T.bob, V.ancestorOf, T.dan),
        # a chain across the two graphs
        (T.ann, V.grandparentOf, T.cy),
        # a chain through an anonymous inverse: everyone working at acme, either graph (the inverse
        # statements themselves have a blank-node predicate and are not kept)
        (T.ann, V.colleagueOf, T.eve),
        (T.eve, V.colleagueOf, T.ann),
        (T.ann, V.colleagueOf, T.ann),
        (T.eve, V.colleagueOf, T.eve),
    }


def test_each_rule_pattern_gives_what_owlrl_gives(patterns: tuple[Graph, Graph]) -> None:
    ontology, union = patterns
    assert set(infer(union, ontology).triples) == set(full_closure(union))


def test_rdf_type_in_a_property_axiom_takes_the_full_closure(ontology: Graph) -> None:
    extended = Graph()
    for triple in ontology:
        extended.add(triple)
    extended.add((GCM.role, RDFS.subPropertyOf, RDF.type))
    assert unsupported(extended, Graph()) == ["rdf:type in a property axiom"]

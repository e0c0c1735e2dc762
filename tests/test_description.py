"""The VoID + DCAT description written beside every export, checked on the fixture corpus.

The fixture corpus is one fictional report on session 2 of the 2024 review (tests/fixtures/corpus/), dated
2024-03-11 in its manifest; with the reference data the build holds the 23 GCM objectives and 195 States
(the 193 UN member States and the 2 observer States), and the report one session with 13 participations:
UNICEF and IOM lead organisers, Ms. Lindholm moderator, Portugal speaker, Georgia, Ireland, Serbia, ILO and
ITUC presenters, Estonia, Latvia and Lithuania spoken for by Ireland, Armenia's right of reply.
"""

from __future__ import annotations

import datetime
import hashlib
from importlib.metadata import version
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, SDO, SH, VOID

from gcmkg.graph.cli import cli
from gcmkg.graph.core import ids
from gcmkg.graph.core.resources import ontology_file
from gcmkg.graph.query.catalogue import load_catalogue
from gcmkg.graph.rdfio.quads import parse_build
from gcmkg.graph.rdfio.read import union_graph
from tests.conftest import FIXTURE_CORPUS

REPORT = FIXTURE_CORPUS / "fixture_2024_session_report.txt"
SPDX = Namespace("http://spdx.org/rdf/terms#")
GCM = Namespace(ids.ONTOLOGY_NS)
DATASET = URIRef(ids.ID + "dataset")
PARTICIPANTS = {"ARM", "EST", "GEO", "IRL", "LTU", "LVA", "PRT", "SRB"}


def export(build_dir: Path, out: Path, *args: str, epoch: str | None = None) -> Graph:
    """Export ``build_dir`` to ``out`` (SOURCE_DATE_EPOCH set to ``epoch``, or unset) and read its description."""
    with pytest.MonkeyPatch.context() as patch:
        if epoch is None:
            patch.delenv("SOURCE_DATE_EPOCH", raising=False)
        else:
            patch.setenv("SOURCE_DATE_EPOCH", epoch)
        result = CliRunner().invoke(cli, ["export", "--graph", str(build_dir), "-o", str(out), "-q", *args])
    assert result.exit_code == 0, result.output
    return union_graph(out.with_name(out.name + ".void.ttl"))  # relative IRIs resolved against its location


@pytest.fixture(scope="module")
def trig(fixture_build: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Graph]:
    """The whole fixture build exported as TriG, and its description."""
    out = tmp_path_factory.mktemp("export") / "gcmkg.trig"
    return out, export(fixture_build, out)


def integer(graph: Graph, subject: URIRef, predicate: URIRef) -> int:
    value = graph.value(subject, predicate)
    assert isinstance(value, Literal), (subject, predicate)
    return int(value)


def class_partitions(graph: Graph) -> dict[URIRef, int]:
    partitions = {}
    for partition in graph.objects(DATASET, VOID.classPartition):
        cls = graph.value(partition, VOID["class"])
        assert isinstance(cls, URIRef)
        partitions[cls] = integer(graph, partition, VOID.entities)
    return partitions


def checksum(graph: Graph, subject: URIRef) -> str:
    (node,) = graph.objects(subject, SPDX.checksum)
    assert graph.value(node, SPDX.algorithm) == SPDX.checksumAlgorithm_sha256
    value = graph.value(node, SPDX.checksumValue)
    assert isinstance(value, Literal) and value.datatype == XSD.hexBinary
    return str(value)


def test_one_dataset_with_the_curated_metadata_and_version(trig: tuple[Path, Graph]) -> None:
    _, described = trig
    assert set(described.subjects(RDF.type, DCAT.Dataset)) == {DATASET}
    assert (DATASET, RDF.type, VOID.Dataset) in described
    title = described.value(DATASET, DCTERMS.title)
    assert isinstance(title, Literal) and title.language == "en" and "GCM" in title
    assert "Global Compact for Safe, Orderly and Regular Migration" in str(
        described.value(DATASET, DCTERMS.description)
    )
    assert described.value(DATASET, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    for role in (DCTERMS.creator, DCTERMS.publisher):
        agent = described.value(DATASET, role)
        assert str(described.value(agent, FOAF.name)) == "gcmkg contributors"
    assert str(described.value(DATASET, OWL.versionInfo)) == version("gcmkg")
    assert str(described.value(DATASET, URIRef(f"{DCAT}version"))) == version("gcmkg")
    assert Literal("migration", lang="en") in set(described.objects(DATASET, DCAT.keyword))


def test_dated_by_the_newest_document_without_source_date_epoch(trig: tuple[Path, Graph]) -> None:
    _, described = trig
    march_11 = Literal(datetime.date(2024, 3, 11))  # the report's date in the fixture manifest
    assert described.value(DATASET, DCTERMS.issued) == march_11
    assert described.value(DATASET, DCTERMS.modified) == march_11


def test_source_date_epoch_dates_the_export(fixture_build: Path, tmp_path: Path) -> None:
    described = export(fixture_build, tmp_path / "x.ttl", epoch="1704067200")  # 2024-01-01T00:00:00Z
    assert described.value(DATASET, DCTERMS.issued) == Literal(datetime.date(2024, 1, 1))
    assert described.value(DATASET, DCTERMS.modified) == Literal(datetime.date(2024, 1, 1))


def test_a_source_date_epoch_that_is_not_a_number_is_a_usage_error(
    fixture_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    result = CliRunner().invoke(cli, ["export", "--graph", str(fixture_build), "-o", str(tmp_path / "x.ttl")])
    assert result.exit_code == 2
    assert "SOURCE_DATE_EPOCH='yesterday'" in result.output
    assert not any(tmp_path.iterdir())


def test_source_files_with_their_sha256(trig: tuple[Path, Graph]) -> None:
    _, described = trig
    sources = set(described.objects(DATASET, DCTERMS.source))
    report = URIRef(ids.source_file(REPORT.name))
    ontology = URIRef(ids.source_file("ontology/gcm.ttl"))
    states = URIRef(ids.source_file("loaders/reference/data/states.csv"))
    assert {report, ontology, states} <= sources
    assert checksum(described, report) == hashlib.sha256(REPORT.read_bytes()).hexdigest()
    assert checksum(described, ontology) == hashlib.sha256(ontology_file().read_bytes()).hexdigest()
    assert str(described.value(report, RDFS.label)) == REPORT.name


def test_sources_of_one_graph_are_its_own(fixture_build: Path, tmp_path: Path) -> None:
    described = export(fixture_build, tmp_path / "states.ttl", "--named-graph", "reference/states")
    sources = {str(source).removeprefix(ids.SOURCE) for source in described.objects(DATASET, DCTERMS.source)}
    assert len(sources) == 2 and "loaders/reference/data/states.csv" in sources
    assert all(s.startswith("pycountry/") for s in sources - {"loaders/reference/data/states.csv"})


def test_entities_per_class_match_the_fixture(trig: tuple[Path, Graph]) -> None:
    _, described = trig
    partitions = class_partitions(described)
    assert partitions[GCM.Objective] == 23
    assert partitions[GCM.State] == 195
    assert partitions[GCM.Session] == 1
    assert partitions[GCM.Review] == 1
    assert partitions[GCM.Document] == 1
    assert partitions[GCM.Participation] == 13
    assert integer(described, DATASET, VOID.classes) == len(partitions)


def test_triples_per_named_graph_sum_to_the_total(trig: tuple[Path, Graph], fixture_build: Path) -> None:
    out, described = trig
    quads = list(parse_build(fixture_build))
    subsets = {
        URIRef(str(subset)): integer(described, subset, VOID.triples)
        for subset in described.objects(DATASET, VOID.subset)
    }
    per_graph: dict[URIRef, int] = {}
    for quad in quads:
        graph = URIRef(quad.graph_name.value)
        per_graph[graph] = per_graph.get(graph, 0) + 1
    assert subsets == per_graph
    assert all((subset, RDF.type, VOID.Dataset) in described for subset in subsets)
    assert integer(described, DATASET, VOID.triples) == sum(subsets.values()) == len(list(parse_build(out)))


def test_merged_turtle_counts_distinct_triples(fixture_build: Path, tmp_path: Path) -> None:
    out = tmp_path / "asserted.ttl"
    described = export(fixture_build, out, "--no-inferred")
    triples = {(q.subject, q.predicate, q.object) for q in parse_build(out)}
    assert integer(described, DATASET, VOID.triples) == len(triples)
    subsets = {str(subset) for subset in described.objects(DATASET, VOID.subset)}
    assert ids.GRAPH + "inferred" not in subsets and ids.GRAPH + "reference/states" in subsets
    assert class_partitions(described)[GCM.State] == 195  # asserted types: no reasoning needed


def test_entities_are_the_subjects_in_the_uri_space(trig: tuple[Path, Graph]) -> None:
    out, described = trig
    assert described.value(DATASET, VOID.uriSpace) == Literal(ids.ID)
    subjects = {q.subject for q in parse_build(out) if isinstance(q.subject, ox.NamedNode)}
    assert integer(described, DATASET, VOID.entities) == sum(1 for s in subjects if s.value.startswith(ids.ID))


def test_vocabularies_and_example_resources(trig: tuple[Path, Graph]) -> None:
    _, described = trig
    vocabularies = set(described.objects(DATASET, VOID.vocabulary))
    assert {
        URIRef(ids.ONTOLOGY_NS),
        URIRef(str(DCTERMS)),
        URIRef("http://www.w3.org/2004/02/skos/core#"),
    } <= vocabularies
    examples = {str(example).removeprefix(ids.ID) for example in described.objects(DATASET, VOID.exampleResource)}
    assert "review/2024/session/2" in examples  # the fixture's only session
    (objective,) = (e for e in examples if e.startswith("objective/"))
    assert objective in {"objective/3", "objective/7", "objective/16"}  # the session's objectives
    (state,) = (e for e in examples if e.startswith("state/"))
    assert state.removeprefix("state/") in PARTICIPANTS
    assert len(examples) == 3


def test_distribution_of_the_file_written(trig: tuple[Path, Graph]) -> None:
    out, described = trig
    distribution = described.value(DATASET, DCAT.distribution)
    assert isinstance(distribution, URIRef)
    assert (distribution, RDF.type, DCAT.Distribution) in described
    data = out.read_bytes()
    assert integer(described, distribution, DCAT.byteSize) == len(data)
    assert checksum(described, distribution) == hashlib.sha256(data).hexdigest()
    assert described.value(distribution, DCAT.downloadURL) == URIRef(out.resolve().as_uri())
    assert described.value(DATASET, VOID.dataDump) == URIRef(out.resolve().as_uri())
    assert described.value(distribution, DCAT.mediaType) == URIRef(
        "https://www.iana.org/assignments/media-types/application/trig"
    )
    assert described.value(distribution, DCTERMS["format"]) == URIRef("http://www.w3.org/ns/formats/TriG")


def test_stored_queries_as_sparql_examples(trig: tuple[Path, Graph]) -> None:
    _, described = trig
    catalogue = load_catalogue()
    examples = set(described.objects(DATASET, SDO.subjectOf))
    assert examples == {URIRef(f"{ids.ID}query/{name}") for name in catalogue}
    empty = ox.Store()
    for name, stored in catalogue.items():
        example = URIRef(f"{ids.ID}query/{name}")
        assert {SH.SPARQLExecutable, SH.SPARQLSelectExecutable} <= set(described.objects(example, RDF.type))
        assert described.value(example, SDO.target) == DATASET
        comment = described.value(example, RDFS.comment)
        assert isinstance(comment, Literal) and comment.language == "en"
        assert f"Columns: {', '.join(stored.columns)}." in comment
        assert all(f"{p.name} ({p.type}" in comment for p in stored.parameters)
        text = str(described.value(example, SH.select))
        assert text.strip() == stored.text.strip()
        assert isinstance(empty.query(text), ox.QuerySolutions), name  # runnable SPARQL SELECT


def test_description_is_the_same_bytes_each_time(fixture_build: Path, tmp_path: Path) -> None:
    export(fixture_build, tmp_path / "one" / "x.nq")
    export(fixture_build, tmp_path / "two" / "x.nq")
    first = (tmp_path / "one" / "x.nq.void.ttl").read_bytes()
    assert first == (tmp_path / "two" / "x.nq.void.ttl").read_bytes()
    assert b"_:" not in first  # blank nodes (checksums, partitions, agents) are written inline
    assert first.index(b"\n<https://w3id.org/gcmkg/id/dataset> a ") < first.index(b"a dcat:Distribution")


def test_entities_per_named_graph_and_triples_per_class(trig: tuple[Path, Graph]) -> None:
    out, described = trig
    objectives = URIRef(ids.GRAPH + "reference/objectives")
    assert objectives in set(described.objects(DATASET, VOID.subset))
    assert integer(described, objectives, VOID.entities) == 24  # the 23 objectives and their concept scheme
    quads = list(parse_build(out))
    for subset in described.objects(DATASET, VOID.subset):
        subjects = {q.subject.value for q in quads if q.graph_name.value == str(subset)}
        assert integer(described, subset, VOID.entities) == sum(1 for s in subjects if s.startswith(ids.ID)), subset
    typed = {(q.subject, q.object) for q in quads if q.predicate.value == str(RDF.type)}
    triples = {(q.subject, q.predicate, q.object) for q in quads}
    for partition in described.objects(DATASET, VOID.classPartition):
        cls = ox.NamedNode(str(described.value(partition, VOID["class"])))
        instances = {subject for subject, of in typed if of == cls}
        expected = sum(1 for triple in triples if triple[0] in instances)
        assert integer(described, partition, VOID.triples) == expected, cls

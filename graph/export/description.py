"""The VoID + DCAT description written beside every export (``FILE.void.ttl``).

One ``dcat:Dataset`` / ``void:Dataset`` (https://w3id.org/gcmkg/id/dataset) with the curated words of
``metadata.yaml``, the gcmkg version, its date (``dates.py``), the source files of its graphs with their
SHA-256, the counts of ``counts.py`` (statements, entities, a class partition per class, a subset per named
graph), example resources, one ``dcat:Distribution`` for the file written (media type, size, SHA-256 as
``spdx:checksum``, download URL relative to the description), and the stored queries as documented examples
in the SIB "sparql-examples" convention (``sh:SPARQLSelectExecutable`` with ``rdfs:comment`` and
``sh:select``, ``schema:target`` the dataset, which points to them with ``schema:subjectOf``).
Blank nodes get labels from their position, so the same export is described in the same bytes.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, SDO, SH, VOID

from gcmkg.graph.core import ids
from gcmkg.graph.export.counts import URI_SPACE, Counts
from gcmkg.graph.export.formats import ExportFormat
from gcmkg.graph.export.metadata import Metadata
from gcmkg.graph.export.provenance import SourceFile
from gcmkg.graph.query.catalogue import StoredQuery
from gcmkg.graph.rdfio.serialize import turtle_bytes

SPDX = Namespace("http://spdx.org/rdf/terms#")
DCAT_VERSION = URIRef(f"{DCAT}version")  # DCAT 3; rdflib's closed DCAT namespace is DCAT 2
DATASET = URIRef(ids.ID + "dataset")
_IANA = "https://www.iana.org/assignments/media-types/"
_EXTRA_PREFIXES = {"schema": SDO, "sh": SH, "spdx": SPDX}


def distribution_iri(export_format: ExportFormat) -> URIRef:
    return URIRef(f"{DATASET}/distribution/{export_format.name}")


def example_iri(query: StoredQuery) -> URIRef:
    return URIRef(f"{ids.ID}query/{query.name}")


@dataclass(frozen=True)
class Distribution:
    """The data file an export wrote: its format, name (beside the description), size and SHA-256."""

    export_format: ExportFormat
    file_name: str
    byte_size: int
    sha256: str


@dataclass(frozen=True)
class Description:
    """Everything the description says, gathered by the caller."""

    metadata: Metadata
    version: str
    date: datetime.date | None
    counts: Counts
    sources: list[SourceFile]
    distribution: Distribution
    queries: list[StoredQuery]


class _Writer:
    """Adds the statements of a description to a graph, naming blank nodes in the order they are made."""

    def __init__(self) -> None:
        self.graph = Graph()
        self._blank_nodes = 0

    def add(self, subject: URIRef | BNode, predicate: URIRef, *objects: URIRef | BNode | Literal) -> None:
        for obj in objects:
            self.graph.add((subject, predicate, obj))

    def blank(self, kind: str) -> BNode:
        self._blank_nodes += 1
        return BNode(f"{kind}{self._blank_nodes:04d}")

    def agent(self, name: str) -> BNode:
        node = self.blank("agent")
        self.add(node, RDF.type, FOAF.Agent)
        self.add(node, FOAF.name, Literal(name))
        return node

    def checksum(self, sha256: str) -> BNode:
        node = self.blank("checksum")
        self.add(node, RDF.type, SPDX.Checksum)
        self.add(node, SPDX.algorithm, SPDX.checksumAlgorithm_sha256)
        self.add(node, SPDX.checksumValue, Literal(sha256, datatype=XSD.hexBinary))
        return node


def _integer(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


def _about(w: _Writer, metadata: Metadata, version: str, date: datetime.date | None) -> None:
    w.add(DATASET, RDF.type, DCAT.Dataset, VOID.Dataset)
    w.add(DATASET, DCTERMS.title, Literal(metadata.title, lang="en"))
    w.add(DATASET, DCTERMS.description, Literal(metadata.description, lang="en"))
    w.add(DATASET, DCTERMS.creator, w.agent(metadata.creator))
    w.add(DATASET, DCTERMS.publisher, w.agent(metadata.publisher))
    w.add(DATASET, DCTERMS.license, URIRef(metadata.licence))
    w.add(DATASET, DCAT.keyword, *(Literal(keyword, lang="en") for keyword in metadata.keywords))
    w.add(DATASET, DCAT_VERSION, Literal(version))
    w.add(DATASET, OWL.versionInfo, Literal(version))
    if date is not None:
        w.add(DATASET, DCTERMS.issued, Literal(date))
        w.add(DATASET, DCTERMS.modified, Literal(date))


def _sources(w: _Writer, sources: Iterable[SourceFile]) -> None:
    for source in sources:
        node = URIRef(source.iri)
        w.add(DATASET, DCTERMS.source, node)
        if source.label:
            w.add(node, RDFS.label, Literal(source.label))
        if source.sha256:
            w.add(node, SPDX.checksum, w.checksum(source.sha256))


def _statistics(w: _Writer, counts: Counts) -> None:
    w.add(DATASET, VOID.triples, _integer(counts.triples))
    w.add(DATASET, VOID.entities, _integer(counts.entities))
    w.add(DATASET, VOID.classes, _integer(len(counts.classes)))
    w.add(DATASET, VOID.uriSpace, Literal(URI_SPACE))
    w.add(DATASET, VOID.vocabulary, *(URIRef(vocabulary) for vocabulary in counts.vocabularies))
    w.add(DATASET, VOID.exampleResource, *(URIRef(example) for example in counts.examples))
    for cls, tally in counts.classes.items():
        partition = w.blank("class")
        w.add(DATASET, VOID.classPartition, partition)
        w.add(partition, VOID["class"], URIRef(cls))
        w.add(partition, VOID.entities, _integer(tally.entities))
        w.add(partition, VOID.triples, _integer(tally.triples))
    for graph, tally in counts.graphs.items():
        subset = URIRef(graph)
        w.add(DATASET, VOID.subset, subset)
        w.add(subset, RDF.type, VOID.Dataset)
        w.add(subset, VOID.triples, _integer(tally.triples))
        w.add(subset, VOID.entities, _integer(tally.entities))


def _distribution(w: _Writer, distribution: Distribution) -> None:
    node = distribution_iri(distribution.export_format)
    download = URIRef(quote(distribution.file_name))  # relative: resolved against the description's own location
    w.add(DATASET, DCAT.distribution, node)
    w.add(DATASET, VOID.dataDump, download)
    w.add(DATASET, VOID.feature, URIRef(distribution.export_format.iri))
    w.add(node, RDF.type, DCAT.Distribution)
    w.add(node, DCTERMS.title, Literal(distribution.file_name))
    w.add(node, DCAT.mediaType, URIRef(_IANA + distribution.export_format.media_type))
    w.add(node, DCTERMS.format, URIRef(distribution.export_format.iri))
    w.add(node, DCAT.byteSize, Literal(distribution.byte_size, datatype=XSD.nonNegativeInteger))
    w.add(node, SPDX.checksum, w.checksum(distribution.sha256))
    w.add(node, DCAT.downloadURL, download)


def _comment(query: StoredQuery) -> str:
    """The query's description, its parameters (bound to the variable of the same name) and its columns."""
    parts = [query.description or query.summary]
    if query.parameters:
        described = "; ".join(
            f"{p.name} ({p.type}, {'required' if p.required else 'optional'})"
            + (f": {p.description}" * bool(p.description))
            for p in query.parameters
        )
        parts.append(f"Parameters, each bound to the variable of its name: {described}.")
    parts.append(f"Columns: {', '.join(query.columns)}.")
    return " ".join(parts)


def _examples(w: _Writer, queries: Iterable[StoredQuery]) -> None:
    for query in queries:
        node = example_iri(query)
        w.add(DATASET, SDO.subjectOf, node)
        w.add(node, RDF.type, SH.SPARQLExecutable, SH.SPARQLSelectExecutable)
        w.add(node, RDFS.label, Literal(query.summary, lang="en"))
        w.add(node, RDFS.comment, Literal(_comment(query), lang="en"))
        w.add(node, SH.select, Literal(query.text.strip() + "\n"))
        w.add(node, SDO.target, DATASET)
        w.add(node, SDO.keywords, *(Literal(tag) for tag in query.tags))


def description_graph(description: Description) -> Graph:
    """The description as an RDF graph."""
    w = _Writer()
    _about(w, description.metadata, description.version, description.date)
    _sources(w, description.sources)
    _statistics(w, description.counts)
    _distribution(w, description.distribution)
    _examples(w, description.queries)
    return w.graph


def description_bytes(description: Description) -> bytes:
    """The description as Turtle with the project's prefixes (and schema:, sh:, spdx:)."""
    graph = description_graph(description)
    for prefix, namespace in _EXTRA_PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return turtle_bytes(graph, first=(DCAT.Dataset, DCAT.Distribution))

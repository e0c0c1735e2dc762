"""Stable, readable IRIs minted from natural keys, so rebuilds give identical graphs.

Resources live under ``https://w3id.org/gcmkg/id/``, named graphs under ``https://w3id.org/gcmkg/graph/``.
This module only builds strings; callers wrap them in the RDF term type they need.
"""

from __future__ import annotations

import re
import unicodedata

BASE = "https://w3id.org/gcmkg/"
ONTOLOGY = BASE + "ontology"
ONTOLOGY_NS = ONTOLOGY + "#"
ID = BASE + "id/"
GRAPH = BASE + "graph/"
SOURCE = BASE + "source/"
EU_COUNTRY = "http://publications.europa.eu/resource/authority/country/"

_SLUG_UNSAFE = re.compile(r"[^a-z0-9]+")
_SEGMENT_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


#: Latin letters that Unicode does not decompose into a base letter and an accent, written as ASCII.
_UNDECOMPOSED = str.maketrans(
    {"ı": "i", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE"}
    | {"œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D"}
)


def slug(text: str) -> str:
    """Lower-case ASCII slug, accents dropped: 'Asociación Rumiñahui' -> 'asociacion-ruminahui', 'Yıldız Søe' ->
    'yildiz-soe'."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED)).encode("ascii", "ignore").decode("ascii")
    value = _SLUG_UNSAFE.sub("-", ascii_text.lower()).strip("-")
    if not value:
        raise ValueError(f"cannot make an identifier from {text!r}")
    return value


def segment(text: str) -> str:
    """An IRI path segment that keeps a file-like id as it is ('000_7311cc52') but drops unsafe runs."""
    value = _SEGMENT_UNSAFE.sub("-", text).strip("-.")
    if not value:
        raise ValueError(f"cannot make an identifier from {text!r}")
    return value


def objective(number: int) -> str:
    return f"{ID}objective/{number}"


def principle(key: str) -> str:
    return f"{ID}principle/{slug(key)}"


def scheme(name: str) -> str:
    return f"{ID}scheme/{slug(name)}"


def role(notation: str) -> str:
    return f"{ID}role/{slug(notation)}"


def state(alpha3: str) -> str:
    return f"{ID}state/{alpha3.upper()}"


def organisation(key: str) -> str:
    return f"{ID}organisation/{slug(key)}"


def process(key: str) -> str:
    return f"{ID}process/{slug(key)}"


def initiative(key: str) -> str:
    return f"{ID}initiative/{slug(key)}"


def publication(key: str) -> str:
    """A publication a document cites by name or description: …/publication/rapporteur-s-summary-report."""
    return f"{ID}publication/{slug(key)}"


def region(organisation_key: str) -> str:
    """The region an organisation's member States make up: …/region/unece."""
    return f"{ID}region/{slug(organisation_key)}"


def review(year: int) -> str:
    return f"{ID}review/{year}"


def session(year: int, number: int) -> str:
    return f"{ID}review/{year}/session/{number}"


def eu_country(alpha3: str) -> str:
    """The EU Publications Office country authority entry for an ISO alpha-3 code."""
    return f"{EU_COUNTRY}{alpha3.upper()}"


def named_graph(name: str) -> str:
    """A named graph of the build: 'ontology', 'reference/states', 'build' ..."""
    return GRAPH + "/".join(segment(part) for part in name.split("/"))


def source_file(relative_path: str) -> str:
    """A source file of the build, named by its path relative to its shipped folder."""
    return SOURCE + "/".join(segment(part) for part in relative_path.split("/"))


def document(document_id: str) -> str:
    """A document, by its id (the file name without extension, as in the corpus)."""
    return f"{ID}document/{segment(document_id)}"


def section(document_id: str, number: int) -> str:
    return f"{document(document_id)}/section/{number}"


def passage(document_id: str, number: int) -> str:
    return f"{document(document_id)}/passage/{number}"


def footnote(document_id: str, label: str | int) -> str:
    """A footnote by its label as printed: ``…/footnote/3`` for a numbered note, ``…/footnote/a`` for a lettered one."""
    return f"{document(document_id)}/footnote/{label}"


def passage_citation(document_id: str, passage_number: int, index: int) -> str:
    """A URL given in a passage's own text ("… kept by UNECE (https://…)"), not in a footnote."""
    return f"{passage(document_id, passage_number)}/citation/{index}"


def mention(document_id: str, start: int, end: int) -> str:
    return f"{document(document_id)}/mention/{start}-{end}"


def classification(document_id: str, passage_number: int, objective_number: int) -> str:
    """The finding that a passage discusses an objective it does not name (gcm:ObjectiveClassification)."""
    return f"{passage(document_id, passage_number)}/classification/{objective_number}"


def method(name: str) -> str:
    """A method that made findings (gcm:ClassificationMethod)."""
    return f"{ID}method/{slug(name)}"


def statistic(document_id: str, start: int, end: int) -> str:
    return f"{document(document_id)}/statistic/{start}-{end}"


def citation(document_id: str, footnote_label: str | int, index: int) -> str:
    return f"{footnote(document_id, footnote_label)}/citation/{index}"


def person(name: str) -> str:
    return f"{ID}person/{slug(name)}"


def fund_initiative(fund_iri: str, states: list[str], place: str | None, status: str) -> str:
    """An initiative of a fund, known by the fund, where it runs and its stage.

    …/initiative/migration-mptf/MKD, …/initiative/migration-mptf/MKD-SRB (one initiative in two States),
    …/initiative/migration-mptf/TJK/pipeline, …/initiative/migration-mptf/western-balkans/proposal.
    """
    where = "-".join(sorted(code.upper() for code in states)) if states else slug(place or "")
    stage = "" if status == "funded" else f"/{slug(status)}"
    return f"{fund_iri}/{where}{stage}"


def status(notation: str) -> str:
    """An initiative's stage: …/status/funded, …/status/pipeline, …/status/proposal."""
    return f"{ID}status/{slug(notation)}"


def review_segment(year: int, kind: str) -> str:
    """The opening or the closing segment of a review: …/review/2024/segment/opening."""
    return f"{review(year)}/segment/{slug(kind)}"


def participation(event: str, role_notation: str, agent: str, via: str | None = None) -> str:
    """A participation record, keyed by its session or segment, role and agent (and the agent that spoke for it)."""
    tail = f"/via/{local_path(via)}" if via else ""
    return f"{event}/participation/{slug(role_notation)}/{local_path(agent)}{tail}"


def contribution(year: int, agent: str, forum: str) -> str:
    """A contribution to a review in a forum of no named session:
    …/review/2020/participation/contributor/state/FRA/forum/roundtable-discussions."""
    return f"{review(year)}/participation/contributor/{local_path(agent)}/forum/{slug(forum)}"


def local_path(iri: str) -> str:
    """The part of one of our IRIs after ``…/id/`` ('state/ESP')."""
    if not iri.startswith(ID):
        raise ValueError(f"{iri} is not a gcmkg resource")
    return iri[len(ID) :]

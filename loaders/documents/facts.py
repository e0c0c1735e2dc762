"""What the extractors find in one document, before it becomes RDF (emit.py)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from rdflib import URIRef

from gcmkg.loaders.documents.segmenting import Footnote, Passage


@dataclass(frozen=True)
class Agent:
    """A State, organisation or person found at a span of the cleaned text.

    ``label`` is set for agents the reference data does not know (a person, a new organisation), which the
    document graph then describes; ``affiliation`` is a person's State or organisation.
    """

    iri: URIRef
    start: int
    end: int
    surface: str
    label: str | None = None
    person: bool = False
    affiliation: Agent | None = None


@dataclass(frozen=True)
class SessionRef:
    year: int
    number: int


@dataclass(frozen=True)
class Participation:
    session: SessionRef
    role: str
    agent: Agent
    passage: Passage
    via: Agent | None = None
    on_behalf_of: tuple[Agent, ...] = ()


@dataclass(frozen=True)
class Attendance:
    year: int
    agent: Agent
    passage: Passage


@dataclass(frozen=True)
class SessionObjectives:
    session: SessionRef
    objectives: tuple[int, ...]


@dataclass(frozen=True)
class InitiativeFact:
    """An initiative described in a passage: the fund behind it, its type, the State where it runs."""

    fund: URIRef
    fund_label: str
    kind: str
    state: URIRef
    state_label: str
    objectives: tuple[int, ...]
    passage: Passage


@dataclass(frozen=True)
class Statistic:
    value: Decimal
    unit: str
    year: int | None
    measures: str
    start: int
    end: int
    surface: str
    passage: Passage


@dataclass(frozen=True)
class Citation:
    url: str
    index: int
    footnote: Footnote
    passage: Passage | None
    documents: URIRef | None

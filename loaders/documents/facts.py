"""What the extractors find in one document, before it becomes RDF (emit.py)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from rdflib import URIRef

from gcmkg.graph.core import ids
from gcmkg.loaders.documents.extract.propernames import ProperName, Thing
from gcmkg.loaders.documents.matcher import Entity, Match
from gcmkg.loaders.documents.segmenting import Footnote, Passage


@dataclass(frozen=True)
class Agent:
    """A State, organisation or person found at a span of the cleaned text.

    ``label`` is set for agents the reference data does not know (a person, a new organisation), which the
    document graph then describes; ``affiliations`` are the States and organisations a person represents or
    works for (a Director General of IOM who coordinates the UN Network on Migration has two).
    """

    iri: URIRef
    start: int
    end: int
    surface: str
    label: str | None = None
    person: bool = False
    affiliations: tuple[Agent, ...] = ()


@dataclass(frozen=True)
class SessionRef:
    year: int
    number: int


@dataclass(frozen=True)
class SegmentRef:
    """The opening or the closing segment of a review."""

    year: int
    kind: str


#: Where a participation takes place: a numbered session, or the opening or closing segment.
EventRef = SessionRef | SegmentRef


@dataclass(frozen=True)
class Participation:
    event: EventRef
    role: str
    agent: Agent
    passage: Passage
    via: Agent | None = None
    on_behalf_of: tuple[Agent, ...] = ()


@dataclass(frozen=True)
class Contribution:
    """An agent's contribution to a review in a forum the document names, with no session ("France, within
    the roundtable discussions, …")."""

    year: int
    agent: Agent
    forum: str
    passage: Passage


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
    """What a passage says of an initiative of a fund: the fund, the word used, its stage, where it runs.

    Its identity is the fund, the States (or the place, when no State is named) and the stage; ``word``
    ("joint-programme", "programme", "project", "initiative") is how this passage calls it. ``objectives``
    are those the passage itself names or stands under; the span is the phrase that describes it.
    """

    fund: Entity
    word: str
    status: str
    states: tuple[Entity, ...]
    place: str | None
    objectives: tuple[int, ...]
    passage: Passage
    start: int
    end: int
    surface: str

    @property
    def iri(self) -> URIRef:
        """Its identity: the fund, where it runs (States, else the place) and its stage."""
        codes = [ids.local_path(str(state.iri)).removeprefix("state/") for state in self.states]
        return URIRef(ids.fund_initiative(str(self.fund.iri), codes, self.place, self.status))


@dataclass(frozen=True)
class Statistic:
    """A figure stated in a passage: its value (the low end of a range) and high end, unit (count, percent,
    a currency code, day, week, month, year), reference time (start and end years; a single year is both),
    kind (observed, target, threshold, limit), what it counts, and the entity it is about."""

    value: Decimal
    value_max: Decimal | None
    unit: str
    period_start: int | None
    period_end: int | None
    kind: str
    measures: str
    about: URIRef | None
    start: int
    end: int
    surface: str
    passage: Passage


@dataclass(frozen=True)
class CitedName:
    """Something a citation documents that the reference data does not know: an organisation ("ECE Executive
    Committee"), an initiative ("UK Government's Pledge") or a publication ("Rapporteur's summary report").

    ``phrase`` is the text as written (it names the IRI); ``label`` drops a possessor that is a known entity
    ("Azerbaijan's Regional Training Center on Migration" → "Regional Training Center on Migration"), which
    becomes the ``owner``.
    """

    phrase: str
    label: str
    thing: Thing
    owner: URIRef | None
    passage: Passage
    start: int
    end: int

    @classmethod
    def of(cls, name: ProperName, passage: Passage, mentions: list[Match]) -> CitedName:
        """``name`` (offsets in the passage text) in document offsets, its owner resolved against ``mentions``."""
        start = passage.start + name.start
        owner, label = None, name.phrase
        if name.owner is not None:
            inside = [m for m in mentions if start <= m.start and m.end <= start + len(name.owner)]
            owner = inside[0].entity.iri if inside else None
            if inside and inside[0].surface == name.owner:
                label = name.rest or name.phrase
        return cls(name.phrase, label, name.thing, owner, passage, start, passage.start + name.end)

    @property
    def iri(self) -> URIRef:
        mint = {Thing.ORGANISATION: ids.organisation, Thing.PUBLICATION: ids.publication}.get(
            self.thing, ids.initiative
        )
        return URIRef(mint(self.phrase))


@dataclass(frozen=True)
class Citation:
    """A URL of a footnote, or (``footnote`` None) of a passage's own text; ``documents`` is what the citing
    sentence names before the mark or the URL."""

    url: str
    index: int
    footnote: Footnote | None
    passage: Passage | None
    documents: URIRef | None
    cited: CitedName | None = None

"""Find the names of known entities in text: States, organisations, initiatives and processes.

The names come from the reference graphs (preferred and alternative labels, acronyms, demonyms).
Matching is case-sensitive (acronyms such as WHO or UN must not match ordinary words), the longest
name wins at each position, and a name inside a longer matched name is not a match of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SKOS

from gcmkg.graph.vocab import GCM


class Kind(Enum):
    STATE = "state"
    ORGANISATION = "organisation"
    INITIATIVE = "initiative"
    FUND = "fund"
    PROCESS = "process"


_ORGANISATION_TYPES = {
    GCM.Organisation,
    GCM.UNEntity,
    GCM.IntergovernmentalOrganisation,
    GCM.CivilSocietyOrganisation,
    GCM.TradeUnion,
    GCM.EmployersOrganisation,
    GCM.AcademicInstitution,
    GCM.NationalHumanRightsInstitution,
    GCM.LocalAuthority,
    GCM.PrivateSectorOrganisation,
    GCM.GovernmentBody,
    GCM.RedCrossRedCrescentOrganisation,
}
_INITIATIVE_TYPES = {
    GCM.Initiative,
    GCM.JointProgramme,
    GCM.Project,
    GCM.Platform,
    GCM.NationalPlan,
    GCM.Campaign,
    GCM.Partnership,
}
_NAME_PROPERTIES = (SKOS.prefLabel, SKOS.altLabel, GCM.acronym, GCM.demonym)


@dataclass(frozen=True)
class Entity:
    iri: URIRef
    kind: Kind
    label: str


@dataclass(frozen=True)
class Match:
    """One occurrence of a known name: the entity, the text as written and its span."""

    entity: Entity
    surface: str
    start: int
    end: int


def _kind(types: set[URIRef]) -> Kind | None:
    if GCM.State in types:
        return Kind.STATE
    if GCM.Fund in types:
        return Kind.FUND
    if GCM.Process in types:
        return Kind.PROCESS
    if types & _ORGANISATION_TYPES:
        return Kind.ORGANISATION
    if types & _INITIATIVE_TYPES:
        return Kind.INITIATIVE
    return None


class Matcher:
    """An index of entity names compiled into one regular expression (longest alternative first)."""

    def __init__(self, names: dict[str, Entity]) -> None:
        self.names = names
        ordered = sorted(names, key=lambda name: (-len(name), name))
        alternatives = "|".join(re.escape(name) for name in ordered) or "(?!)"
        self._pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w])")

    @classmethod
    def from_graphs(cls, graphs: Iterable[Graph]) -> Matcher:
        names: dict[str, Entity] = {}
        for graph in graphs:
            subjects = {s for s in graph.subjects(SKOS.prefLabel, None) if isinstance(s, URIRef)}
            for subject in sorted(subjects):
                kind = _kind({t for t in graph.objects(subject, RDF.type) if isinstance(t, URIRef)})
                if kind is None:
                    continue
                entity = Entity(subject, kind, str(graph.value(subject, SKOS.prefLabel)))
                for prop in _NAME_PROPERTIES:
                    for name in graph.objects(subject, prop):
                        names.setdefault(str(name), entity)
        return cls(names)

    def find(self, text: str) -> list[Match]:
        """Every known name in ``text``, left to right, longest first, never overlapping."""
        return [
            Match(self.names[found.group(0)], found.group(0), found.start(), found.end())
            for found in self._pattern.finditer(text)
        ]

    def resolve(self, name: str) -> Entity | None:
        """The entity whose name is exactly ``name`` (after trimming), if any."""
        return self.names.get(name.strip())

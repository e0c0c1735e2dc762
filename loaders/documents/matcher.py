"""Find the names of known entities in text: States, organisations, initiatives and processes.

The names come from the reference graphs (preferred and alternative labels, acronyms, demonyms).
Matching is case-sensitive (acronyms such as WHO or UN must not match ordinary words), the longest
name wins at each position, and a name inside a longer matched name is not a match of its own. This
module only finds names; ``mentions.py`` reads them in context (a region, a language, a plural).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import Enum

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SKOS

from gcmkg.graph.core import ids
from gcmkg.graph.core.vocab import GCM

_WORDS = re.compile(r"[A-Za-z]+")


class Kind(Enum):
    STATE = "state"
    ORGANISATION = "organisation"
    INITIATIVE = "initiative"
    FUND = "fund"
    PROCESS = "process"
    REGION = "region"


class NameForm(Enum):
    """How a name designates its entity: what context rules may ask of a match."""

    NAME = "name"
    ACRONYM = "acronym"
    DEMONYM = "demonym"


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
_NAME_PROPERTIES = (
    (SKOS.prefLabel, NameForm.NAME),
    (SKOS.altLabel, NameForm.NAME),
    (GCM.acronym, NameForm.ACRONYM),
    (GCM.demonym, NameForm.DEMONYM),
)


@dataclass(frozen=True)
class Entity:
    """A named entity; a region also names the organisation whose member States make it up."""

    iri: URIRef
    kind: Kind
    label: str
    region_of: Entity | None = None


@dataclass(frozen=True)
class Match:
    """One occurrence of a known name: the entity, the text as written and its span."""

    entity: Entity
    surface: str
    start: int
    end: int
    form: NameForm = NameForm.NAME

    def shifted(self, offset: int) -> Match:
        """The same match with its span moved by ``offset`` (passage → document offsets)."""
        return replace(self, start=self.start + offset, end=self.end + offset)


def _nationals(demonym: str, form: NameForm) -> tuple[str, ...]:
    """A demonym's plural, which names a State's nationals ("Moldovans", "Pakistanis"); demonyms in "-ish", "-ese",
    "-ch" or "-z" ("Irish", "Swiss") have none."""
    if form is NameForm.DEMONYM and demonym.endswith(("an", "i")) and " " not in demonym:
        return (demonym + "s",)
    return ()


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


def _alternatives(names: Iterable[str]) -> str:
    """A regular expression matching any of ``names``, the longest first, written as a trie.

    Python's ``re`` tries the branches of an alternation one by one; factoring common prefixes out
    ("UN(?: Migration(?: Network)?)?") makes a thousand names cost little more than one.
    """
    trie: dict[str, dict] = {}
    for name in names:
        node = trie
        for character in name:
            node = node.setdefault(character, {})
        node[""] = {}
    return _trie_pattern(trie) or "(?!)"


def _trie_pattern(node: dict[str, dict]) -> str:
    ends = "" in node
    branches = [re.escape(character) + _trie_pattern(child) for character, child in sorted(node.items()) if character]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


class Matcher:
    """An index of entity names compiled into one regular expression (longest alternative first)."""

    def __init__(self, names: dict[str, Entity], forms: dict[str, NameForm] | None = None) -> None:
        self.names = names
        self.forms = forms or {}
        self._folded = {name.casefold(): entity for name, entity in sorted(names.items())}
        self._entities = {entity.iri: entity for entity in names.values()}
        self._pattern = re.compile(rf"(?<![\w-])(?:{_alternatives(names)})(?![\w])")
        multiword = [name for name in names if " " in name]
        self._plural = re.compile(rf"(?<![\w-])(?:{_alternatives(multiword)})e?s(?![\w])")
        self._heads = {
            name.split()[-1].casefold(): name.split()[-1]
            for name in sorted(multiword)
            if name.split()[-1].isalpha() and name.split()[-1][0].isupper()
        }
        self._head_forms = {
            form: head for folded, head in self._heads.items() for form in (folded, folded + "s", folded + "es")
        }
        self._leading_heads = {
            name.split()[0].casefold(): name.split()[0]
            for name in sorted(multiword)
            if name.split()[1] == "of" and name.split()[0].isalpha() and name.split()[0][0].isupper()
        }
        leading = "|".join(
            rf"{re.escape(head[:-1])}(?:y|ies)" if head.endswith("y") else rf"{re.escape(head)}(?:e?s)?"
            for head in sorted(self._leading_heads, key=lambda head: (-len(head), head))
        )
        self._leading_pattern = re.compile(rf"\b(?:{leading or '(?!)'})(?=\s+of\s)", re.IGNORECASE)
        self._regions: dict[URIRef, Entity] = {}

    @classmethod
    def from_graphs(cls, graphs: Iterable[Graph]) -> Matcher:
        names: dict[str, Entity] = {}
        forms: dict[str, NameForm] = {}
        for graph in graphs:
            subjects = {s for s in graph.subjects(SKOS.prefLabel, None) if isinstance(s, URIRef)}
            for subject in sorted(subjects):
                kind = _kind({t for t in graph.objects(subject, RDF.type) if isinstance(t, URIRef)})
                if kind is None:
                    continue
                entity = Entity(subject, kind, str(graph.value(subject, SKOS.prefLabel)))
                for prop, form in _NAME_PROPERTIES:
                    for name in sorted(str(n) for n in graph.objects(subject, prop)):
                        for written in (name, *_nationals(name, form)):
                            if written not in names:
                                names[written] = entity
                                forms[written] = form
        return cls(names, forms)

    def find_names(self, text: str) -> list[Match]:
        """Every known name in ``text`` as written, left to right, longest first, never overlapping.

        Extractors want ``mentions.mentions(text, matcher)``: the same names read in context.
        """
        return [
            Match(self.names[found.group(0)], found.group(0), found.start(), found.end(), self.form(found.group(0)))
            for found in self._pattern.finditer(text)
        ]

    def plural_spans(self, text: str) -> list[tuple[int, int]]:
        """Spans where a name of several words stands in the plural ("national UN Migration Networks")."""
        return [(found.start(), found.end()) for found in self._plural.finditer(text)]

    def head_words(self, text: str) -> list[re.Match[str]]:
        """Occurrences, in any case and in the plural, of a word that ends a name of several words."""
        return [word for word in _WORDS.finditer(text) if word.group(0).casefold() in self._head_forms]

    def leading_head_words(self, text: str) -> list[re.Match[str]]:
        """Occurrences of a word that opens a name "<Word> of …" ("cities" in "the cities of Milan and Turin")."""
        return list(self._leading_pattern.finditer(text))

    def canonical_leading_head(self, word: str) -> str:
        """The opening word as the names write it: "cities" → "City"."""
        folded = word.casefold()
        for candidate in (folded, folded[:-3] + "y" if folded.endswith("ies") else folded, folded.removesuffix("s")):
            if candidate in self._leading_heads:
                return self._leading_heads[candidate]
        return word

    def canonical_head(self, word: str) -> str:
        """The head word as the names write it: "processes" → "Process"."""
        return self._head_forms.get(word.casefold(), word)

    def form(self, name: str) -> NameForm:
        return self.forms.get(name, NameForm.NAME)

    def resolve(self, name: str) -> Entity | None:
        """The entity whose name is exactly ``name`` (after trimming), if any."""
        return self.names.get(name.strip())

    def entity(self, iri: URIRef) -> Entity | None:
        """The entity named ``iri``, if the reference data knows it."""
        return self._entities.get(iri)

    def resolve_folded(self, name: str) -> Entity | None:
        """The entity with the name ``name`` whatever its case ("Rabat process" → the Rabat Process)."""
        return self._folded.get(" ".join(name.split()).casefold())

    def region(self, organisation: Entity) -> Entity:
        """The region an organisation's member States make up ("the UNECE region"), one entity each."""
        if organisation.iri not in self._regions:
            iri = URIRef(ids.region(ids.local_path(str(organisation.iri)).split("/", 1)[1]))
            label = f"region of the {organisation.label}"
            self._regions[organisation.iri] = Entity(iri, Kind.REGION, label, region_of=organisation)
        return self._regions[organisation.iri]

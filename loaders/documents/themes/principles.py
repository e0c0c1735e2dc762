"""The guiding principles a passage names, by their names and the phrasings the GCM uses for them.

The phrasings are the principles' labels in the reference data (``principles.csv``: label and phrasings).
Matching ignores case and takes a hyphen, a dash or a space between words alike ("whole-of-government",
"whole of government"); the longest phrasing wins at each position. A two-word phrasing also matches with a
second modifier coordinated into it ("international and regional cooperation", "human and labour rights"), and
a phrasing may open a hyphenated compound ("human rights-compliant procedures"). Two rules read a phrase in
context:

1. *Inside a name*: a phrase inside a named entity found in the passage ("National Human Rights
   Institutions", "Office of the High Commissioner for Human Rights") names the entity, not the principle; so
   does a phrase inside an objective's title quoted in full ("Strengthen international cooperation and global
   partnerships for …" names objective 23).
2. *Part of a title*: a capitalised phrase that a capitalised word continues or opens ("the 2030 Agenda for
   Sustainable Development", "Sustainable Development Goals", "Ministry of ... International Cooperation")
   is part of a proper name, not the principle.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SKOS

from gcmkg.graph.core.vocab import GCM
from gcmkg.loaders.reference.titles import WORD_GAP, titles_pattern

_TITLE_WORD_AFTER = re.compile(rf"{WORD_GAP}[A-Z][a-z]")
_TITLE_WORD_BEFORE = re.compile(r"[A-Z][\w’']*\s+(?:(?:for|on|of|and|the|in)\s+)*$")


@dataclass(frozen=True)
class PrincipleMention:
    """A phrasing of a guiding principle at [start, end) of its passage's text."""

    principle: URIRef
    surface: str
    start: int
    end: int

    def shifted(self, offset: int) -> PrincipleMention:
        """The same mention with its span moved by ``offset`` (passage → document offsets)."""
        return PrincipleMention(self.principle, self.surface, self.start + offset, self.end + offset)


class PrincipleFinder:
    """Finds the phrasings of the guiding principles (rules 1 and 2 of the module docstring)."""

    def __init__(self, phrasings: dict[str, URIRef], titles: Mapping[int, str] | None = None) -> None:
        principles = {_key(phrasing): iri for phrasing, iri in phrasings.items()}
        self._titles = titles_pattern(titles) if titles else None
        ordered = sorted(principles, key=lambda key: (-len(key), key))
        self._principles = {f"p{index}": principles[key] for index, key in enumerate(ordered)}
        alternatives = "|".join(f"(?P<p{index}>{_phrasing_pattern(key)})" for index, key in enumerate(ordered))
        self._pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?!\w|-(?![^\W\d_]))", re.IGNORECASE)

    @classmethod
    def from_graphs(cls, graphs: Iterable[Graph]) -> PrincipleFinder:
        """The labels and alternative labels of every gcm:GuidingPrinciple in ``graphs``; the titles (preferred
        labels) of every gcm:Objective."""
        phrasings: dict[str, URIRef] = {}
        titles: dict[int, str] = {}
        for graph in graphs:
            for principle in graph.subjects(RDF.type, GCM.GuidingPrinciple):
                for label_property in (SKOS.prefLabel, SKOS.altLabel):
                    for label in graph.objects(principle, label_property):
                        phrasings[str(label)] = principle  # type: ignore[assignment]
            for objective in graph.subjects(RDF.type, GCM.Objective):
                number = graph.value(objective, GCM.objectiveNumber)
                title = graph.value(objective, SKOS.prefLabel)
                if number is not None and title is not None:
                    titles[int(number)] = str(title)  # type: ignore[arg-type]
        return cls(phrasings, titles)

    def find(self, text: str, names: Sequence[tuple[int, int]] = ()) -> list[PrincipleMention]:
        """The principles ``text`` names, left to right; ``names`` are the spans of named entities in it."""
        found = []
        if self._titles is not None:
            names = [*names, *(title.span() for title in self._titles.finditer(text))]
        for match in self._pattern.finditer(text):
            if any(start <= match.start() and match.end() <= end for start, end in names):
                continue
            if _in_title(text, match):
                continue
            principle = self._principles[match.lastgroup]  # type: ignore[index]
            found.append(PrincipleMention(principle, match.group(0), match.start(), match.end()))
        return found


def _phrasing_pattern(key: str) -> str:
    """The pattern of one phrasing: its words apart as WORD_GAP allows; a two-word phrasing may take a
    coordinated second modifier ("international and regional cooperation")."""
    words = [re.escape(word) for word in key.split()]
    if len(words) == 2:
        return rf"{words[0]}(?:,?\s+(?:and|or|as\s+well\s+as)\s+[^\W\d_][\w-]*)?{WORD_GAP}{words[1]}"
    return WORD_GAP.join(words)


def _key(phrasing: str) -> str:
    """A phrasing in lower case with single spaces between its words ("whole of government")."""
    return " ".join(re.split(WORD_GAP, phrasing.casefold().strip()))


def _in_title(text: str, match: re.Match[str]) -> bool:
    """Rule 2: a capitalised phrase continued or opened by a capitalised word."""
    if not match.group(0)[:1].isupper() or not match.group(0).split()[-1][:1].isupper():
        return False
    if _TITLE_WORD_AFTER.match(text, match.end()):
        return True
    before = text[max(0, match.start() - 60) : match.start()]
    opening = _TITLE_WORD_BEFORE.search(before)
    return opening is not None and not _sentence_start(before[: opening.start()])


def _sentence_start(before: str) -> bool:
    """True if the text before a word ends a sentence (or is empty): the word is capitalised as a sentence's first."""
    stripped = before.rstrip()
    return not stripped or stripped[-1] in ".:;!?"

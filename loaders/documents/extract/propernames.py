"""Things a passage names that the reference data does not know: proper names and possessive descriptions.

A *proper name* is two or more capitalised words, joined by spaces, by "of", "on", "for", "to", "and",
"the", "in" or a dash between capitalised words ("the European Union – United Nations Partnership to
Migration Capacity Building", "ECE Executive Committee"); words that open a sentence ("The", "In",
"Additionally") are not part of it, and a name made only of generic words ("Member States") is none.
A *possessive description* is an owner and a head noun of an initiative or a publication ("an Italian
civil society organization's pledge", "Sweden's "fast-track programme"", "The Rapporteur's summary report").

Either may open with a possessor ("Azerbaijan's Regional Training Center on Migration"); the thing is then
what follows, and the possessor is kept in its label unless it is an entity the caller knows (a State).
What a name is built on (its head: "Center" in "… Center on Migration") says whether it is an
organisation, a publication or an initiative.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

_WORD = r"[A-Z][\w'’.-]*[\w'’]|[A-Z]"
_CONNECTOR = r"(?:of|on|for|to|and|the|in|de|du|des|la|le|&|–|—)"
_NAME = re.compile(rf"(?:{_WORD})(?:\s+(?:{_CONNECTOR}\s+)*(?:{_WORD}))*")
_POSSESSIVE = re.compile(r"^(?P<owner>.+?)['’]s\s+[\"“‘']?(?P<rest>.+?)[\"”’']?$")
_JOINED_OWNER = re.compile(rf"\s+{_CONNECTOR}\s+")
_ARTICLE = re.compile(r"^(?:an?|the|its|their|this|that)\s+", re.IGNORECASE)
_OPENERS = frozenset(
    "The A An In On At For To By As With From This That These Those Its Their Our Such Other Another Some All "
    "Each Both Additionally Furthermore Moreover However Also Further Finally Through Under Since While Although "
    "Despite During Following According".split()
)
_GENERIC = frozenset(
    "Member Members States State Governments Government Parties Stakeholders Stakeholder Countries Country "
    "Secretary-General Network Review Compact Session Roundtable Objective Objectives".split()
)
_PREPOSITIONS = frozenset({"of", "on", "for", "to", "in"})
_INITIATIVE_HEADS = frozenset(
    "pledge partnership partnerships programme program project initiative fund platform strategy plan network "
    "observatory dialogue process forum mechanism alliance campaign declaration hub portal facility compact "
    "framework agenda charter convention action team".split()
)
_ORGANISATION_HEADS = frozenset(
    "committee council center centre office agency institute institution commission organization organisation "
    "association federation foundation ministry department directorate authority service bureau secretariat "
    "university board unit bank".split()
)
_PUBLICATION_HEADS = frozenset(
    "report reports study studies brief paper papers toolkit handbook guidelines guide survey publication "
    "mapping atlas protocol checklist database databases dataset datasets index dashboard".split()
)
_NOT_OWNER = r"(?!(?:and|or|but|nor|with|while|whereas|of|in|on|for|to|by|from|at|as|that|which|who)\b)"
_DESCRIPTION = re.compile(
    rf"(?P<owner>(?:\b(?:an?|the|its|their)\s+)?\b{_NOT_OWNER}(?:[\w-]+\s+){{0,4}}?[\w-]+)['’]s\s+[\"“‘']?"
    rf"(?P<rest>(?:[\w-]+\s+){{0,3}}?(?:{'|'.join(sorted(_INITIATIVE_HEADS | _PUBLICATION_HEADS))}))\b[\"”’']?",
)


class Thing(Enum):
    ORGANISATION = "organisation"
    INITIATIVE = "initiative"
    PUBLICATION = "publication"


@dataclass(frozen=True)
class ProperName:
    """A name or description at [start, end) of a text: its whole ``phrase`` (without a leading article),
    and, if it opens with a possessor, the ``owner`` and what follows it (``rest``)."""

    phrase: str
    start: int
    end: int
    owner: str | None = None
    rest: str | None = None

    @property
    def head(self) -> str:
        """The word it is built on: the last before "of", "on", "for", "to", "in" ("Center" in "Regional
        Training Center on Migration"), else the last ("Committee")."""
        words = (self.rest or self.phrase).split()
        for index, word in enumerate(words[1:], start=1):
            if word in _PREPOSITIONS:
                return words[index - 1].lower()
        return words[-1].strip("\"”’'").lower()

    @property
    def has_head(self) -> bool:
        """Whether it is built on the head word of an organisation's, an initiative's or a publication's name."""
        return self.head in _ORGANISATION_HEADS | _INITIATIVE_HEADS | _PUBLICATION_HEADS

    @property
    def thing(self) -> Thing:
        if self.head in _ORGANISATION_HEADS:
            return Thing.ORGANISATION
        return Thing.PUBLICATION if self.head in _PUBLICATION_HEADS else Thing.INITIATIVE


def proper_names(text: str) -> list[ProperName]:
    """The proper names and possessive descriptions of ``text``, left to right."""
    names = []
    for found in _NAME.finditer(text):
        words = list(re.finditer(r"\S+", found.group(0)))
        while words and words[0].group(0) in _OPENERS:
            words.pop(0)
        if words:
            name = _named(text[found.start() + words[0].start() : found.end()], found.start() + words[0].start())
            if name is not None:
                names.append(name)
    for found in _DESCRIPTION.finditer(text):
        article = _ARTICLE.match(found.group("owner"))
        start = found.start() + (article.end() if article else 0)
        phrase = text[start : found.end()]
        owner = found.group("owner")[article.end() if article else 0 :]
        names.append(ProperName(phrase, start, found.end(), owner, found.group("rest").strip("\"“”‘’'")))
    return sorted(names, key=lambda name: (name.start, name.end))


_INDEFINITE = re.compile(
    r"\b[Aa]n?\s+(?P<phrase>(?:[a-z][\w-]*\s+){0,3}?"
    rf"(?:{'|'.join(sorted(_PUBLICATION_HEADS))})\b"
    r"(?:\s+(?:on|for|of|into|against|about|to)\s+[^,;:()\"“”]{1,100}?)?)[\s.;:)\]”\"’]*$"
)


def indefinite_description(text: str, end: int) -> ProperName | None:
    """The indefinite description of a publication (a document a URL can point to) that ends ``text`` at ``end``
    (closing punctuation aside): "… welcomed the launch of a regional protocol on identifying victims." → "regional
    protocol on identifying victims"; not "a mechanism to …", which is no document."""
    found = _INDEFINITE.search(text, 0, end)
    if found is None:
        return None
    return ProperName(found.group("phrase"), found.start("phrase"), found.end("phrase"))


def _named(phrase: str, start: int) -> ProperName | None:
    capitalised = [word for word in phrase.split() if word[:1].isupper()]
    if all(word.rstrip("'’s") in _GENERIC or word in _GENERIC for word in capitalised):
        return None
    possessive = _POSSESSIVE.match(phrase)
    if possessive:
        joined = list(_JOINED_OWNER.finditer(possessive.group("owner")))
        if joined:
            cut = joined[-1].end()
            return _named(phrase[cut:], start + cut)
        return ProperName(phrase, start, start + len(phrase), possessive.group("owner"), possessive.group("rest"))
    if len(capitalised) < 2:
        return None
    return ProperName(phrase, start, start + len(phrase))

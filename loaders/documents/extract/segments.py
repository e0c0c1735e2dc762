"""Who spoke in the opening and the closing segments of a review, in which role, for whom, affiliated to what.

In a passage under a segment heading ("II. Opening of the session", "IV. Closing"), a person named before the
sentence's first speech verb ("stressed", "urged", "highlighted" …) took the floor: introduced with an honorific
("Ms. Irem Arf, Stakeholder Rapporteur, highlighted") or, after a title, by name between commas ("the
Director General of … and Coordinator of …, Amy Pope, urged"). The role is the segment's remarks
(`opening-remarks`, `closing-remarks`), unless the sentence says "video message" (`video-message`) or
"keynote" (`keynote`), or the person's title is a rapporteur's (`rapporteur`). "A, on behalf of B" gives A
`gcm:onBehalfOf` B and B the role `on-behalf-of` with `gcm:via` A. The States and organisations a person's
title names, before and after the name, are the person's affiliations; a person may have several.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gcmkg.loaders.documents.extract.agents import PERSON_NAME, affiliations, honoured_people, person
from gcmkg.loaders.documents.extract.sentences import sentences
from gcmkg.loaders.documents.facts import Agent, Participation, SegmentRef
from gcmkg.loaders.documents.matcher import Matcher
from gcmkg.loaders.documents.segmenting import Passage

_SPEECH_VERB = re.compile(
    r"\b(?:stressed|expressed|urged|highlighted|underscored|underlined|encouraged|noted|thanked|shared|called|"
    r"emphasi[sz]ed|said|stated|recalled|welcomed|opened|closed|concluded|reiterated|commended|explained|"
    r"presented|delivered|addressed|pointed|reminded|invited|announced|praised|acknowledged|declared|"
    r"affirmed|reaffirmed|spoke|gave|made|provided)\b"
)
_TITLE_NOUN = re.compile(
    r"\b(?:Director[- ]General|Director|Secretary(?:-General)?|Minister|Commissioner|President|Chair(?:person)?|"
    r"Co-?Chair|Representative|representative|Rapporteur|Ambassador|Coordinator|Head|Chief|Envoy|Mayor|"
    r"Deputy|Vice|Special Adviser|Adviser|Officer|Manager)\b[^,;.]*,\s*$"
)
_NAMED_AFTER_TITLE = re.compile(rf",\s*(?P<name>{PERSON_NAME}),")
_ON_BEHALF = re.compile(r"\bon\s+behalf\s+of\b", re.IGNORECASE)
_VIDEO = re.compile(r"\bvideo(?:-|\s+)?message\b", re.IGNORECASE)
_KEYNOTE = re.compile(r"\bkeynote\b", re.IGNORECASE)
_RAPPORTEUR = re.compile(r"\bRapporteur\b")
_REMARKS = {"opening": "opening-remarks", "closing": "closing-remarks"}


@dataclass(frozen=True)
class _Named:
    """A person named in a sentence: the name, its span in the sentence, and the title text around it."""

    name: str
    start: int
    end: int


def segment_participations(passage: Passage, segment: SegmentRef, matcher: Matcher) -> list[Participation]:
    """The participations of the people who took the floor in ``passage``, a passage of ``segment``."""
    found: list[Participation] = []
    for offset, sentence in sentences(passage.text):
        verb = _SPEECH_VERB.search(sentence)
        if verb is None:
            continue
        named = [n for n in _people(sentence, matcher) if n.end <= verb.start()]
        titles = _titles(sentence, named, verb.start())
        base = passage.start + offset
        index = 0
        while index < len(named):
            (before, after) = titles[index]
            behalf = _ON_BEHALF.search(sentence, after[0], after[1])
            own = [before, (after[0], behalf.start() if behalf else after[1])]
            speaker = _person(named[index], own, sentence, base, matcher)
            role = _role(sentence, "".join(sentence[a:b] for a, b in own), segment)
            if behalf and index + 1 < len(named):
                other_before, other_after = titles[index + 1]
                other_titles = [(behalf.end(), named[index + 1].start), other_after]
                represented = _person(named[index + 1], other_titles, sentence, base, matcher)
                found.append(Participation(segment, role, speaker, passage, on_behalf_of=(represented,)))
                found.append(Participation(segment, "on-behalf-of", represented, passage, via=speaker))
                index += 2
                continue
            found.append(Participation(segment, role, speaker, passage))
            index += 1
    return found


def _titles(sentence: str, named: list[_Named], end: int) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """For each person, the spans of their title before and after the name. Between two people, the words
    after the last "and" belong to the second ("… of Spain and H.E. Ms. Jana Costachi"), the rest to the first."""
    cuts = [0]
    for current, following in zip(named, named[1:], strict=False):
        gap = sentence[current.end : following.start]
        joined = gap.rfind(" and ")
        cuts.append(current.end + joined + len(" and ") if joined >= 0 else following.start)
    spans = []
    for index, current in enumerate(named):
        next_cut = cuts[index + 1] if index + 1 < len(named) else end
        after_end = (
            next_cut - len(" and ") if index + 1 < len(named) and next_cut != named[index + 1].start else next_cut
        )
        spans.append(((cuts[index], current.start), (current.end, max(current.end, after_end))))
    return spans


def _people(sentence: str, matcher: Matcher) -> list[_Named]:
    """People named in ``sentence``: with an honorific, or by name between commas after a title."""
    named = [_Named(name, start, start + len(name)) for name, start, _ in honoured_people(sentence)]
    for found in _NAMED_AFTER_TITLE.finditer(sentence):
        name = found.group("name")
        start = found.start("name")
        if any(n.start <= start < n.end for n in named) or matcher.resolve(name) is not None:
            continue
        if _TITLE_NOUN.search(sentence[: found.start() + 1]):
            named.append(_Named(name, start, start + len(name)))
    return sorted(named, key=lambda n: n.start)


def _person(named: _Named, titles: list[tuple[int, int]], sentence: str, base: int, matcher: Matcher) -> Agent:
    """The person, with the States and organisations their title (the spans ``titles``) names as affiliations."""
    linked: list[Agent] = []
    for start, end in titles:
        for agent in affiliations(sentence[start:end], base + start, matcher, prefer_state=False):
            if agent.iri not in {known.iri for known in linked}:
                linked.append(agent)
    return person(named.name, base + named.start, tuple(linked))


def _role(sentence: str, title: str, segment: SegmentRef) -> str:
    if _VIDEO.search(sentence):
        return "video-message"
    if _KEYNOTE.search(sentence):
        return "keynote"
    if _RAPPORTEUR.search(title):
        return "rapporteur"
    return _REMARKS[segment.kind]

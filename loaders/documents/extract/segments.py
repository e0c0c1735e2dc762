"""Who spoke in the opening and the closing segments of a review, in which role, for whom, affiliated to what.

In a passage under a segment heading ("II. Opening of the session", "IV. Closing"), a person named before the
sentence's first speech verb ("stressed", "urged", "highlighted" …) took the floor: introduced with an honorific
("Ms. Irem Arf, Stakeholder Rapporteur, highlighted") or, after a title, by name between commas ("the
Director General of … and Coordinator of …, Amy Pope, urged"). The role is the segment's remarks
(`opening-remarks`, `closing-remarks`), unless the sentence says "video message" or "recorded message"
(`video-message`) or "keynote" (`keynote`), or the person's title is a rapporteur's (`rapporteur`). "A, on
behalf of B" gives A `gcm:onBehalfOf` B and B the role `on-behalf-of` with `gcm:via` A. The States and
organisations a person's title names, before and after the name, are the person's affiliations; a person may
have several.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from gcmkg.loaders.documents.extract.agents import (
    PERSON_NAME,
    SPEECH_VERB,
    affiliation,
    affiliations,
    honoured_people,
    is_state,
    person,
)
from gcmkg.loaders.documents.extract.sentences import sentences
from gcmkg.loaders.documents.extract.sessions import TIME_SLOT
from gcmkg.loaders.documents.facts import Agent, Participation, SegmentRef
from gcmkg.loaders.documents.matcher import Matcher
from gcmkg.loaders.documents.segmenting import Passage

_TITLE_NOUN = re.compile(
    r"\b(?:Director[- ]General|Director|Secretary(?:-General)?|Minister|Commissioner|President|Chair(?:person)?|"
    r"Co-?Chair|Representative|representative|Rapporteur|Ambassador|Coordinator|Head|Chief|Envoy|Mayor|"
    r"Deputy|Vice|Special Adviser|Adviser|Officer|Manager)\b[^,;.]*,\s*$"
)
_NAMED_AFTER_TITLE = re.compile(rf",\s*(?P<name>{PERSON_NAME}),")
_PASSIVE_BY = re.compile(r"\s+by\s+")
_AUXILIARY = re.compile(r"\b(?:was|were|is|are|has\s+been|have\s+been)\s+(?:\w+\s+)?$")
_TITLE_END = re.compile(r"[;:]|\.(?:\s|$)|\b(?:and|who|which|while)\b|" + SPEECH_VERB.pattern)
_CONTRAST = re.compile(r",\s+(?:while|whereas)\s+")
_ON_BEHALF = re.compile(r"\bon\s+behalf\s+of\b", re.IGNORECASE)
_VIDEO = re.compile(r"\b(?:video|(?:pre-?)?recorded|filmed)(?:-|\s+)?(?:message|statement|address)\b", re.IGNORECASE)
_KEYNOTE = re.compile(r"\bkeynote\b", re.IGNORECASE)
_RAPPORTEUR = re.compile(r"\bRapporteur\b")
_REMARKS = {"opening": "opening-remarks", "closing": "closing-remarks"}
_CO_CHAIRS = re.compile(r"\bthe\s+Co-?Chairs\b", re.IGNORECASE)
#: A programme row (its time slot) or a list item (its bullet).
_ROW = re.compile(rf"^\s*[-•*–]\s+|{TIME_SLOT.pattern}")
#: Where a row's title ends: whom the person speaks for, or the next item of the row.
_ROW_TITLE_END = re.compile(r"[;(]|,\s+(?:for|on\s+behalf\s+of)\b")


@dataclass(frozen=True)
class _Named:
    """A person named in a sentence: the name, its span in the sentence, and the title text around it."""

    name: str
    start: int
    end: int


def _row_speakers(passage: Passage, segment: SegmentRef, matcher: Matcher) -> list[Participation]:
    """A programme row or list item of a segment names who takes the floor: "– Ms. X, title, Body" or "…
    presentation of the report by Ms. Y": each person, affiliated to the State or body their title ends on (not
    to whom they speak "for")."""
    found: list[Participation] = []
    for name, start, end in honoured_people(passage.text):
        title = _ROW_TITLE_END.split(passage.text[start + len(name) : end], maxsplit=1)[0]
        body = affiliation(title, passage.start + start + len(name), matcher, prefer_state=True)
        found.append(Participation(segment, _REMARKS[segment.kind], person(name, passage.start + start, body), passage))
    return found


def co_chairs_in_rows(passage: Passage, segment: SegmentRef, found: list[Participation]) -> list[Participation]:
    """A programme row of a segment that names "the Co-Chairs" gives the floor to each person the document names
    as a co-chair ("15:45 Closing segment: the Co-Chairs")."""
    if not (_ROW.match(passage.text) and _CO_CHAIRS.search(passage.text)):
        return []
    chairs = {p.agent.iri: p.agent for p in found if p.role == "co-chair" and p.agent.person}
    return [Participation(segment, _REMARKS[segment.kind], chair, passage) for chair in chairs.values()]


def segment_participations(passage: Passage, segment: SegmentRef, matcher: Matcher) -> list[Participation]:
    """The participations of the people who took the floor in ``passage``, a passage of ``segment``."""
    if _ROW.match(passage.text) and not SPEECH_VERB.search(passage.text):
        return _row_speakers(passage, segment, matcher)
    found: list[Participation] = []
    for offset, sentence in _clauses(passage.text):
        verb = SPEECH_VERB.search(sentence)
        if verb is None:
            continue
        passive = _PASSIVE_BY.match(sentence, verb.end())
        if passive and _AUXILIARY.search(sentence, 0, verb.start()):
            later = SPEECH_VERB.search(sentence, passive.end())
            window = (passive.end(), later.start() if later else len(sentence))
        else:
            window = (0, verb.start())
        found += _speakers(sentence, window, passage, passage.start + offset, segment, matcher)
    return found


def _clauses(text: str) -> list[tuple[int, str]]:
    """(offset, clause) for each sentence of ``text``, cut where a contrasting clause with a subject of its own
    begins ("…, while the Co-Chair from Kazakhstan, Ms. X, announced …")."""
    found = []
    for offset, sentence in sentences(text):
        position = 0
        for cut in _CONTRAST.finditer(sentence):
            found.append((offset + position, sentence[position : cut.start()]))
            position = cut.end()
        found.append((offset + position, sentence[position:]))
    return found


def _speakers(
    sentence: str, window: tuple[int, int], passage: Passage, base: int, segment: SegmentRef, matcher: Matcher
) -> list[Participation]:
    """The people named in ``window`` of ``sentence`` who took the floor, and the people they spoke for: named
    right after "on behalf of" in the speaker's title, or after the verb ("… delivered remarks on behalf of
    the Executive Secretary, Ms. X"). A person spoken for whose title names nothing shares the speaker's."""
    people = _people(sentence, matcher)
    named = [n for n in people if window[0] <= n.start and n.end <= window[1]]
    titles = _titles(sentence, named, window[1])
    found: list[Participation] = []
    index = 0
    while index < len(named):
        (before, after) = titles[index]
        behalf = _ON_BEHALF.search(sentence, after[0], after[1])
        own = [before, (after[0], behalf.start() if behalf else after[1])]
        speaker = _person(named[index], own, sentence, base, matcher)
        speaker = _speaking_for(speaker, sentence, window[1], base, matcher) if index + 1 == len(named) else speaker
        role = _role(sentence, "".join(sentence[a:b] for a, b in own), segment)
        represented = None
        if behalf and index + 1 < len(named):
            other_after = titles[index + 1][1]
            represented = _person(
                named[index + 1], [(behalf.end(), named[index + 1].start), other_after], sentence, base, matcher
            )
            index += 1
        elif behalf is None and index + 1 == len(named):
            represented = _spoken_for_after_verb(sentence, window[1], people, base, matcher)
        if represented is None:
            found.append(Participation(segment, role, speaker, passage))
        else:
            represented = replace(represented, affiliations=represented.affiliations or speaker.affiliations)
            found.append(Participation(segment, role, speaker, passage, on_behalf_of=(represented,)))
            found.append(Participation(segment, "on-behalf-of", represented, passage, via=speaker))
        index += 1
    return found


#: "… spoke for the Network and announced …": a person speaking for an organisation speaks for their own.
_SPOKE_FOR = re.compile(r"spoke\s+for\s+(?:the\s+)?")
_SPOKE_FOR_END = re.compile(r"[,;.]|\s+and\s+[a-z]+ed\b")


def _speaking_for(speaker: Agent, sentence: str, verb_start: int, base: int, matcher: Matcher) -> Agent:
    """``speaker``, whose title names nothing, affiliated to the organisation they "spoke for" (the words right
    after the verb): their own."""
    spoke = _SPOKE_FOR.match(sentence, verb_start)
    if speaker.affiliations or spoke is None:
        return speaker
    end = _SPOKE_FOR_END.search(sentence, spoke.end())
    body = [
        agent
        for agent in affiliations(
            sentence[spoke.end() : end.start() if end else len(sentence)], base + spoke.end(), matcher, False
        )
        if not is_state(agent)
    ]
    return replace(speaker, affiliations=tuple(body[:1])) if body else speaker


def _spoken_for_after_verb(
    sentence: str, verb_start: int, people: list[_Named], base: int, matcher: Matcher
) -> Agent | None:
    """The person named first after "on behalf of" following the verb, with the title around the name."""
    behalf = _ON_BEHALF.search(sentence, verb_start)
    if behalf is None:
        return None
    following = [n for n in people if n.start >= behalf.end()]
    if not following or SPEECH_VERB.search(sentence, behalf.end(), following[0].start):
        return None
    first = following[0]
    title_end = following[1].start if len(following) > 1 else len(sentence)
    clause = _TITLE_END.search(sentence, first.end, title_end)
    return _person(
        first,
        [(behalf.end(), first.start), (first.end, clause.start() if clause else title_end)],
        sentence,
        base,
        matcher,
    )


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

"""Who took part in a session and in which role, and who attended the review.

Recognised forms (see loaders/documents/README.md): "Lead Organizers: …", "Moderator: Ms. X, Org",
"Member State Speaker: State", "Substantive inputs presented by: A; B on behalf of C, D and E; …",
"X exercised their right of reply", co-chairs introduced with an honorific, and agenda rows
("… Member State speaker<TAB>Name, title … State"; "… moderated by …<TAB>Name, title Org (ACR)").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gcmkg.graph.core import ids
from gcmkg.loaders.documents.extract.agents import (
    HONORIFIC,
    PERSON_NAME,
    affiliation,
    affiliations,
    honoured_people,
    person,
    resolve_list,
)
from gcmkg.loaders.documents.extract.sentences import sentences
from gcmkg.loaders.documents.facts import Agent, Participation, SessionRef
from gcmkg.loaders.documents.matcher import Matcher
from gcmkg.loaders.documents.segmenting import Passage

_LEAD = re.compile(r"\bLead\s+Organi[sz]ers?\s*:\s*(.+?)(?=\s+Moderator\s*:|$)")
_MODERATOR = re.compile(rf"\bModerator\s*:\s*{HONORIFIC}?({PERSON_NAME})\s*,\s*(.+?)$")
_STATE_SPEAKER = re.compile(r"\bMember\s+State\s+Speaker\s*:\s*(.+?)\.?$", re.IGNORECASE)
_PRESENTERS = re.compile(r"\bSubstantive\s+inputs\s+presented\s+by\s*:\s*(.+)$")
_REPLY = re.compile(
    rf"(?:^|(?<=[.;]\s))(?:The\s+)?((?:{HONORIFIC}|[^.;])+?)\s+exercised\s+(?:their|its|the)\s+right\s+of\s+reply\.?"
)
_ON_BEHALF = re.compile(r"^(.+?)\s+on\s+behalf\s+of\s+(.+)$")
_CO_CHAIR = re.compile(r"\bco-?chair", re.IGNORECASE)
_ROW_NAME = re.compile(rf"^\s*{HONORIFIC}?({PERSON_NAME})\s*,\s*(.*)$")


def _participations(session: SessionRef, role: str, agents: list[Agent], passage: Passage) -> Iterator[Participation]:
    for agent in agents:
        yield Participation(session, role, agent, passage)


def _speaking(text: str, base: int, matcher: Matcher, prefer_state: bool) -> list[Agent]:
    """The agents of an entry naming who spoke: each person introduced with an honorific, affiliated to what
    their title names after the name, or else before it ("The representative of Azerbaijan, Mr. X"); with
    ``prefer_state`` the person's State, which spoke through them, is listed too. An entry naming nobody is a
    list of States and organisations."""
    people = honoured_people(text)
    if not people:
        return resolve_list(text, base, matcher)
    found: list[Agent] = []
    previous = 0
    for name, start, end in people:
        title_start = start + len(name)
        linked = affiliations(text[title_start:end], base + title_start, matcher, prefer_state) or affiliations(
            text[previous:start], base + previous, matcher, prefer_state
        )
        found.append(person(name, base + start, linked))
        found += [agent for agent in linked if prefer_state and _is_state(agent)]
        previous = end
    return found


def _presenters(text: str, base: int, session: SessionRef, passage: Passage, matcher: Matcher) -> list[Participation]:
    """ "A; B on behalf of C, D and E; …": presenters, and the States spoken for via each presenter."""
    found: list[Participation] = []
    position = 0
    for item in text.split(";"):
        start = text.find(item, position)
        position = start + len(item)
        behalf = _ON_BEHALF.match(item.strip())
        offset = base + start + (len(item) - len(item.lstrip()))
        if not behalf:
            found += _participations(session, "presenter", _speaking(item.strip(), offset, matcher, False), passage)
            continue
        speakers = _speaking(behalf.group(1), offset, matcher, False)
        spoken_for = resolve_list(behalf.group(2), offset + behalf.start(2), matcher)
        for speaker in speakers:
            found.append(Participation(session, "presenter", speaker, passage, on_behalf_of=tuple(spoken_for)))
            found += [Participation(session, "on-behalf-of", agent, passage, via=speaker) for agent in spoken_for]
    return found


def _co_chairs(passage: Passage, sessions: list[SessionRef], matcher: Matcher) -> list[Participation]:
    """People introduced with an honorific in a sentence about the co-chairs, for every session."""
    found: list[Participation] = []
    for sentence_start, sentence in sentences(passage.text):
        if not _CO_CHAIR.search(sentence):
            continue
        for name, start, end in honoured_people(sentence):
            title = sentence[start + len(name) : end]
            chair_of = re.search(rf"Co-?Chair\s+of\s+(.+?),\s*{HONORIFIC}?{re.escape(name)}", sentence)
            place = chair_of.group(1) if chair_of else title
            place_base = passage.start + sentence_start + (chair_of.start(1) if chair_of else start + len(name))
            represented = affiliation(place, place_base, matcher, True)
            agent = person(name, passage.start + sentence_start + start, represented)
            chairs = [agent] + ([represented] if represented is not None and _is_state(represented) else [])
            found += [Participation(session, "co-chair", chair, passage) for session in sessions for chair in chairs]
    return found


def _is_state(agent: Agent) -> bool:
    return str(agent.iri).startswith(ids.ID + "state/")


def _agenda_row(passage: Passage, session: SessionRef, matcher: Matcher) -> list[Participation]:
    """A programme row: "… Member State speaker<TAB>Name, title" or "… moderated by …<TAB>Name, title"."""
    label, _, rest = passage.text.partition("\t")
    named = _ROW_NAME.match(rest)
    if not named:
        return []
    rest_base = passage.start + len(label) + 1
    title_base = rest_base + named.start(2)
    lowered = label.lower()
    if "speaker" in lowered:
        state = affiliation(named.group(2), title_base, matcher, prefer_state=True)
        speaker = person(named.group(1), rest_base + named.start(1), state)
        return [Participation(session, "speaker", speaker, passage)] + (
            [Participation(session, "speaker", state, passage)] if state is not None else []
        )
    if "moderat" in lowered:
        organisation = affiliations(named.group(2), title_base, matcher, prefer_state=False)
        return [
            Participation(
                session, "moderator", person(named.group(1), rest_base + named.start(1), organisation), passage
            )
        ]
    return []


def participations(
    passage: Passage, session: SessionRef | None, review_sessions: list[SessionRef], matcher: Matcher
) -> list[Participation]:
    """Every participation that ``passage`` states."""
    text = passage.text
    found: list[Participation] = _co_chairs(passage, review_sessions, matcher)
    if session is None:
        return found
    if passage.table_row:
        return found + _agenda_row(passage, session, matcher)
    lead = _LEAD.search(text)
    if lead:
        found += _participations(
            session, "lead-organiser", resolve_list(lead.group(1), passage.start + lead.start(1), matcher), passage
        )
    moderator = _MODERATOR.search(text)
    if moderator:
        organisation = affiliations(moderator.group(2), passage.start + moderator.start(2), matcher, prefer_state=False)
        found.append(
            Participation(
                session,
                "moderator",
                person(moderator.group(1), passage.start + moderator.start(1), organisation),
                passage,
            )
        )
    speaker = _STATE_SPEAKER.search(text)
    if speaker:
        found += _participations(
            session, "speaker", _speaking(speaker.group(1), passage.start + speaker.start(1), matcher, True), passage
        )
    replies = list(_REPLY.finditer(text))
    for reply in replies:
        found += _participations(
            session, "right-of-reply", _speaking(reply.group(1), passage.start + reply.start(1), matcher, True), passage
        )
    presenters = _PRESENTERS.search(text)
    if presenters:
        listed = presenters.group(1)
        for reply in replies:
            if reply.start() >= presenters.start(1):
                listed = listed[: reply.start() - presenters.start(1)]
                break
        found += _presenters(
            listed.rstrip().rstrip("."), passage.start + presenters.start(1), session, passage, matcher
        )
    return found

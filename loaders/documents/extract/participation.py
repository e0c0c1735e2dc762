"""Who took part in a session and in which role, and who attended the review.

Recognised forms (see loaders/documents/README.md): "Lead Organizers: …", "Moderator: Ms. X, Org",
"Member State Speaker: State", "Substantive inputs presented by: A; B on behalf of C, D and E; …",
"X exercised their right of reply", co-chairs introduced with an honorific, and agenda rows
("… Member State speaker<TAB>Name, title … State"; "… moderated by …<TAB>Name, title Org (ACR)"), programme
rows ("Organisers: …", "Chair of the discussion: …", "Member State opening: …") and the items of a "Speakers:"
list. A passage with none of these labels is read as prose (narrated.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from gcmkg.loaders.documents.extract.agents import (
    AGENT_KINDS,
    HONORIFIC,
    LEADING_WORDS,
    PERSON_NAME,
    affiliation,
    affiliations,
    agent_from_match,
    honoured_people,
    is_state,
    person,
    resolve_list,
    unique_agents,
)
from gcmkg.loaders.documents.extract.narrated import narrated_participations
from gcmkg.loaders.documents.extract.sentences import sentences
from gcmkg.loaders.documents.extract.speaking import replying
from gcmkg.loaders.documents.facts import Agent, Participation, SegmentRef, SessionRef
from gcmkg.loaders.documents.matcher import Kind, Matcher
from gcmkg.loaders.documents.mentions import mentions
from gcmkg.loaders.documents.segmenting import Passage
from gcmkg.loaders.documents.sessionnames import DEFAULT_VOCABULARY, SessionVocabulary

_LEAD = re.compile(
    r"\b(?:Lead\s+Organi[sz]ers?|(?:Co-?)?Organi[sz]ed\s+by|Lead\s+agenc(?:y|ies)|(?:Co-?)?Organi[sz]ers"
    r"|Co-?facilitators|Co-?convene?ors|(?:[\w-]+\s+)?(?:co-?)?leads)\s*:\s*(.+?)(?=\s+Moderator\s*:|$)",
    re.IGNORECASE,
)
#: Words in a list of lead organisers that join one more ("A and B, with C") or say what one of them led
#: ("C for the youth segment"): they become a separator, or are left out.
_LEAD_WITH = re.compile(r",?\s+(?:together\s+|jointly\s+)?with\s+", re.IGNORECASE)
_LEAD_FOR = re.compile(r"\s+for\s+(?:the|its|a|an)\s+[\w\s'’-]+?(?=[,;]|\.?\s*$)", re.IGNORECASE)
#: A bracketed remark in a labelled row that is no acronym ("UNHCR (issue brief ECE/GCM/2046/3)").
_REMARK = re.compile(r"\s*\((?![A-Z][A-Za-z.&-]{1,12}\))[^()]*\)")
_MODERATOR = re.compile(
    rf"\b(?:Moderator|Facilitator|Chair\s+of\s+the\s+(?:discussion|debate|dialogue|exchange))\s*:\s*"
    rf"{HONORIFIC}?({PERSON_NAME})\s*,\s*(.+?)$"
)
_STATE_SPEAKER = re.compile(
    r"\b(?:Member[\s-]+States?\s+(?:speaker|opening|lead(?:-off|-in)?(?:\s+speaker)?)"
    r"|(?:first\s+word|opening|lead(?:-off)?\s+(?:speaker|statement))\s+for\s+the\s+member[\s-]+States)"
    r"\s*:\s*(.+?)\.?$",
    re.IGNORECASE,
)
#: The label of a list of those who will present or presented: "Speakers:", "Panellists:".
PRESENTERS_LABEL = re.compile(r"^(?:Speakers|Panell?ists|Presenters|Discussants|Contributors)\s*:\s*$", re.I)
_BULLET = re.compile(r"^\s*[-•*–]\s+")
#: Whom a listed speaker speaks for, at the end of the line: ", on behalf of A", "(also for A and B)".
_LISTED_FOR = re.compile(r"(?:,\s*|\s*\(\s*)(?:also\s+)?(?:on\s+behalf\s+of|for)\s+([^()]+?)\)?\s*\.?$")
_PRESENTERS = re.compile(r"\bSubstantive\s+inputs\s+presented\s+by\s*:\s*(.+)$")
_REPLY = re.compile(
    rf"(?:^|(?<=[.;]\s))(?:The\s+)?((?:{HONORIFIC}|[^.;])+?)\s+(?:exercised|made\s+use\s+of|used|invoked|"
    r"availed\s+(?:itself|themselves)\s+of|(?:replied|responded|spoke|took\s+the\s+floor|asked\s+for\s+the\s+floor)"
    r"\b[^.;]*?\bin\s+(?:the\s+)?exercise\s+of)\s+(?:their|its|the|his|her)\s+right\s+(?:of|to)\s+reply\.?"
)
#: An opening clause before the subject ("Before the session closed, the delegation of …"): no name in it.
_OPENING_CLAUSE = re.compile(r"^[^,]*,\s*(?:the\s+)?")
_TRAILING_ADVERB = re.compile(r"\s+(?:each|both|also|then|jointly|in\s+turn)$")
_SPOKESPERSON = re.compile(r"^(?:the\s+)?(?:delegations?|representatives?)\s+of\s+(?:the\s+)?", re.IGNORECASE)
_ON_BEHALF = re.compile(r"^(.+?)\s+on\s+behalf\s+of\s+(.+)$")
#: A sentence about the co-chairs: "co-chaired by", "the Co-Chair of …", "the chair was shared between …".
_CO_CHAIR = re.compile(
    r"\bco-?chair|\bchair(?:manship|personship)?\s+(?:was|were)\s+(?:shared|held\s+jointly)\b"
    r"|\bpresided\s+over\s+by\b|\bshared\s+the\s+chair\b|\bin\s+the\s+chair\s+through\b"
    r"|\bheld\s+(?:its|the)\s+chair(?:manship|personship)?\s+jointly\b|\bchair(?:person)?s['’]\s+table\b",
    re.IGNORECASE,
)
#: "A … shared the chair with B", "A held its chairpersonship jointly with B": A and B are the co-chairs.
_SHARED_CHAIR = re.compile(
    r"\b(?:shared\s+the|held\s+(?:its|the)\s+)\s*(?:chair|chairmanship|chairpersonship)\s+(?:jointly\s+)?with\s+",
    re.IGNORECASE,
)
#: A person who chairs a session's discussion, not the review: "the debate was chaired by Ms. X".
_CHAIRS_DISCUSSION = re.compile(rf"(?<!co-)(?<!co)\b(?:chaired|moderated|facilitated)\s+by\s+{HONORIFIC}?$", re.I)
#: A clause that leaves out its verb, continuing the one before: "; on the part of Georgia, by Mr. X".
_ELLIPSIS_WORDS = re.compile(r"(?:\s|,|\b(?:on|the|part|of|by|and|for|from|with|side)\b)*")
#: States in apposition to the co-chairs ("the Co-Chairs of the Review, Portugal and Kyrgyzstan") or after
#: "the Co-Chair from / of".
_AND = re.compile(r",\s+and\s+")
_CHAIR_STATES = re.compile(
    r"\bCo-?Chairs\b[^,;.]*,\s*([^;.]+)"
    r"|\bCo-?Chairs?\s+(?:from|of)\s+((?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:(?:of|and)\s+(?:the\s+)?)?[A-Z][\w'’-]*)*)"
)
_ON_BEHALF_OF_CHAIR = re.compile(
    r"[^.;]*?\bon\s+behalf\s+of\s+(?:the|both|all|its|the\s+two)\s+(?:two\s+)?co-?chairs?\b", re.IGNORECASE
)
#: A cell of a table row written out in text that names its session's lead organisers: "| convened by A and B".
_LEAD_CELL = re.compile(
    r"\|\s+(?:co-?)?(?:convened|organi[sz]ed|led|hosted)\s+(?:jointly\s+)?by\s+([^|]+?)\.?\s*(?=\||$)", re.I
)
_LEAD_LABEL = re.compile(r"\blead\s+(?:organi[sz]\w*|agenc\w*|entit\w*)|\borgani[sz]ed\s+by\b|\borgani[sz]ers\b", re.I)
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
        found += [agent for agent in linked if prefer_state and is_state(agent)]
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


def _without_opening_clause(text: str, start: int, matcher: Matcher) -> tuple[str, int]:
    """``text`` (at ``start``) without the adverbial clauses before its subject ("Before the session closed,",
    "Following the statement of the Russian Federation,"): clauses that open with neither a name nor a person."""
    while (opening := _OPENING_CLAUSE.match(text)) and not (
        re.match(HONORIFIC, opening.group(0))
        or re.match(HONORIFIC, text[opening.end() :])  # the clause is the title of the person after it
        or any(m.start == 0 for m in mentions(LEADING_WORDS.sub("", text), matcher))
    ):
        text, start = text[opening.end() :], start + opening.end()
    text = _TRAILING_ADVERB.sub("", text)
    spokesperson = _SPOKESPERSON.match(text)
    return (text[spokesperson.end() :], start + spokesperson.end()) if spokesperson else (text, start)


def _co_chairs(passage: Passage, sessions: list[SessionRef], matcher: Matcher) -> list[Participation]:
    """People introduced with an honorific in a sentence about the co-chairs, for every session; or, where the
    sentence names no one, the States in apposition to the co-chairs ("the Co-Chairs of the Review, Portugal
    and Kyrgyzstan")."""
    found: list[Participation] = []
    for sentence_start, sentence in sentences(passage.text):
        if not _CO_CHAIR.search(sentence):
            continue
        shared = _SHARED_CHAIR.search(sentence)
        if shared and not honoured_people(sentence):
            states = _sharing_states(sentence, passage.start + sentence_start, shared, matcher)
            found += [Participation(s, "co-chair", state, passage) for s in sessions for state in states]
            continue
        apposed = _CHAIR_STATES.search(sentence)
        if apposed and not honoured_people(sentence):
            group = 1 if apposed.group(1) else 2
            states = resolve_list(apposed.group(group), passage.start + sentence_start + apposed.start(group), matcher)
            if states and all(is_state(state) for state in states):
                found += [Participation(s, "co-chair", state, passage) for s in sessions for state in states]
        previous = 0
        people = honoured_people(sentence)
        for index, (name, start, end) in enumerate(people):
            if not _chairing(sentence, start, matcher):
                continue
            joined = list(_AND.finditer(sentence, start + len(name), end)) if index + 1 < len(people) else []
            end = joined[-1].start() if joined else end  # the words after the last "and" are the next person's
            semicolon = sentence.find(";", start, end)
            end = semicolon if semicolon >= 0 else end  # the title ends with its clause
            title = sentence[start + len(name) : end]
            if _ON_BEHALF_OF_CHAIR.match(sentence, end):
                continue  # speaking for a co-chair is not being one
            chair_of = re.search(rf"Co-?Chair\s+of\s+(.+?),\s*{HONORIFIC}?{re.escape(name)}", sentence)
            place = chair_of.group(1) if chair_of else title
            place_base = passage.start + sentence_start + (chair_of.start(1) if chair_of else start + len(name))
            represented = affiliation(place, place_base, matcher, True)
            if represented is None or not is_state(represented):
                # "Austria, acting through Ms. X, Director-General …": the State named before the person
                before = [m for m in mentions(sentence[previous:start], matcher) if m.entity.kind is Kind.STATE]
                represented = (
                    agent_from_match(before[-1], passage.start + sentence_start + previous) if before else represented
                )
            previous = end
            agent = person(name, passage.start + sentence_start + start, represented)
            chairs = [agent] + ([represented] if represented is not None and is_state(represented) else [])
            found += [Participation(session, "co-chair", chair, passage) for session in sessions for chair in chairs]
    return found


def _sharing_states(sentence: str, base: int, shared: re.Match[str], matcher: Matcher) -> list[Agent]:
    """The States that "shared the chair": the last one named before the words, and those named after "with"
    up to the end of the clause."""
    before = [m for m in mentions(sentence[: shared.start()], matcher) if m.entity.kind is Kind.STATE]
    end = re.search(r"[,;]\s|$", sentence[shared.end() :].rstrip(". "))
    after = resolve_list(sentence[shared.end() : shared.end() + end.start()], base + shared.end(), matcher)  # type: ignore[union-attr]
    states = ([agent_from_match(before[-1], base)] if before else []) + after
    return states if len(states) > 1 and all(is_state(state) for state in states) else []


def _chairing(sentence: str, start: int, matcher: Matcher) -> bool:
    """True if the person named at ``start`` of a sentence about the co-chairs is one: named in the clause (up to
    a semicolon) that speaks of the chair, or in one that leaves out its verb ("; on the part of Georgia, by
    Mr. X"), and not as the one who chaired a session's discussion ("the debate was chaired by Ms. Y")."""
    before = re.sub(HONORIFIC + r"$", "", sentence[:start])
    clause = before[before.rfind(";") + 1 :]
    if _CHAIRS_DISCUSSION.search(sentence[:start]):
        return False
    if _CO_CHAIR.search(clause):
        return True
    for match in sorted(mentions(clause, matcher), key=lambda m: -m.start):
        clause = clause[: match.start] + " " + clause[match.end :]
    return bool(_ELLIPSIS_WORDS.fullmatch(clause))


def _agenda_row(passage: Passage, session: SessionRef, matcher: Matcher) -> list[Participation]:
    """A programme row: "… Member State speaker<TAB>Name, title", "… moderated by …<TAB>Name, title" or
    "Lead organizations<TAB>A and B"."""
    label, _, rest = passage.text.partition("\t")
    if _LEAD_LABEL.search(label):
        organisers = resolve_list(rest, passage.start + len(label) + 1, matcher)
        return list(_participations(session, "lead-organiser", organisers, passage))
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


#: A line that opens with who presented, then a colon and what they presented: "Malta: its new reception law",
#: "A with B: …", "Ms. X, Body: …", "Austria, also for Slovenia: …".
_AGENT_LINE = re.compile(r"^(?:[-•*–]\s+)?([^:]{2,100}?):\s+(\S.*)$", re.DOTALL)
#: Whom the presenters of such a line speak for: ", also for A", ", on behalf of A and B".
_LINE_FOR = re.compile(r",\s*(?:also\s+)?(?:on\s+behalf\s+of|speaking\s+for|for)\s+(.+)$")
#: Words joining the presenters of such a line, and around them: "A together with B", "A & B", "A (B)".
_LINE_JOINS = re.compile(r"(?:\s|,|&|[()]|\b(?:and|the|with|together|jointly)\b)*")
#: A statement read for others, in what a line says was presented: "a joint statement, read for A, B and C".
_READ_FOR = re.compile(
    r"\b(?:read|delivered|made|given|presented)\s+(?:also\s+)?(?:on\s+behalf\s+of|for)\s+([^.;]+)", re.I
)


def _named_agents(text: str, base: int, matcher: Matcher) -> list[Agent]:
    """The known States and organisations ``text`` (at ``base``) names, in order, each once."""
    return unique_agents([agent_from_match(m, base) for m in mentions(text, matcher) if m.entity.kind in AGENT_KINDS])


def _agent_line(passage: Passage, session: SessionRef, matcher: Matcher) -> list[Participation]:
    """A line under a session that opens with who presented and a colon: the States and organisations named
    before the colon, or a person with an honorific and the body after their name, all presenters; those they
    speak for (", also for A" before the colon, "read for A and B" after it) via the last of them. A line whose
    words before the colon are more than names and joining words is none."""
    line = _AGENT_LINE.match(passage.text)
    if not line:
        return []
    who, start = line.group(1), passage.start + line.start(1)
    spoken = _LINE_FOR.search(who)
    names = who[: spoken.start()] if spoken else who
    people = honoured_people(names)
    if people and people[0][1] <= 4:
        speakers = _speaking(names, start, matcher, False)
        speakers += [body for agent in speakers if agent.person for body in agent.affiliations]
    else:
        speakers = _named_agents(names, start, matcher)
        leftover = names
        for agent in sorted(speakers, key=lambda a: -a.start):
            leftover = leftover[: agent.start - start] + " " + leftover[agent.end - start :]
        if not _LINE_JOINS.fullmatch(leftover):
            return []
    if not speakers:
        return []
    via = speakers[-1] if not speakers[-1].person else speakers[0]
    read = _READ_FOR.search(line.group(2))
    spoken_for = _named_agents(spoken.group(1), start + spoken.start(1), matcher) if spoken else []
    if read:
        spoken_for += _named_agents(read.group(1), passage.start + line.start(2) + read.start(1), matcher)
    spoken_for = [agent for agent in unique_agents(spoken_for) if all(agent.iri != s.iri for s in speakers)]
    return [
        Participation(session, "presenter", agent, passage, on_behalf_of=tuple(spoken_for) if agent is via else ())
        for agent in speakers
    ] + [Participation(session, "on-behalf-of", agent, passage, via=via) for agent in spoken_for]


def list_labels(passages: list[Passage]) -> dict[int, str]:
    """Passage number → the label of the list it is an item of: the list items right after a passage that is
    only a label ("Speakers:" then "– Ms. X, title, Body", one per line)."""
    labels: dict[int, str] = {}
    label = ""
    for passage in passages:
        if label and _BULLET.match(passage.text):
            labels[passage.number] = label
        else:
            label = passage.text if passage.text.rstrip().endswith(":") and len(passage.text.split()) <= 5 else ""
    return labels


def _listed_speaker(passage: Passage, session: SessionRef, matcher: Matcher) -> list[Participation]:
    """An item of a list of speakers: "– Ms. X, title, Body" gives the person and the State or organisation the
    line ends on, both presenters; ", on behalf of A" / "(also for A and B)" the known States or organisations
    spoken for, via that State or organisation."""
    text = passage.text
    start = _BULLET.match(text).end()  # type: ignore[union-attr]
    behalf = _LISTED_FOR.search(text, start)
    end = behalf.start() if behalf else len(text.rstrip(". "))
    spoken_for = (
        [a for a in resolve_list(behalf.group(1), passage.start + behalf.start(1), matcher) if a.label is None]
        if behalf
        else []
    )
    named = _ROW_NAME.match(text[start:end])
    if not named:
        agents = resolve_list(text[start:end], passage.start + start, matcher)
        speaker, listed = (agents[-1] if agents else None), agents
    else:
        title_start = start + named.start(2)
        body = affiliation(text[title_start:end], passage.start + title_start, matcher, prefer_state=True)
        speaker = body
        listed = [person(named.group(1), passage.start + start + named.start(1), body)] + ([body] if body else [])
    found = [
        Participation(session, "presenter", agent, passage, on_behalf_of=tuple(spoken_for) if agent is speaker else ())
        for agent in listed
    ]
    via = speaker if speaker is not None else (listed[0] if listed else None)
    return found + [Participation(session, "on-behalf-of", agent, passage, via=via) for agent in spoken_for if via]


def participations(
    passage: Passage,
    session: SessionRef | None,
    review_sessions: list[SessionRef],
    matcher: Matcher,
    reports_presentations: bool = True,
    label: str = "",
    vocabulary: SessionVocabulary = DEFAULT_VOCABULARY,
) -> list[Participation]:
    """Every participation that ``passage`` states. ``reports_presentations``: the document tells what was
    presented (a report or a summary), so those its prose says spoke in the session presented; a background
    note or an agenda, written before the session, does not. ``label``: the label of the list the passage is an
    item of ("Speakers:"); ``vocabulary``: the nouns of the document's sessions."""
    text = passage.text
    found: list[Participation] = _co_chairs(passage, review_sessions, matcher)
    if session is None:
        return found
    if passage.table_row:
        return found + _agenda_row(passage, session, matcher)
    if PRESENTERS_LABEL.match(label):
        return found + _listed_speaker(passage, session, matcher)
    lead = _LEAD.search(text) or _LEAD_CELL.search(text)
    if lead:
        listed = _REMARK.sub(lambda m: " " * len(m.group(0)), lead.group(1))
        listed = _LEAD_FOR.sub(lambda m: " " * len(m.group(0)), listed)
        listed = _LEAD_WITH.sub(lambda m: "," + " " * (len(m.group(0)) - 1), listed)
        found += _participations(
            session, "lead-organiser", resolve_list(listed, passage.start + lead.start(1), matcher), passage
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
        if not re.search(HONORIFIC, reply.group(1)):
            continue  # a State or an organisation replied: read below with the other subjects of a verb
        subject, start = _without_opening_clause(reply.group(1), reply.start(1), matcher)
        found += _participations(
            session, "right-of-reply", _speaking(subject, passage.start + start, matcher, True), passage
        )
    found += _participations(session, "right-of-reply", replying(passage, matcher), passage)
    presenters = _PRESENTERS.search(text)
    if not (lead or moderator or speaker or presenters):
        line = _agent_line(passage, session, matcher)
        return found + (line or narrated_participations(passage, session, matcher, reports_presentations, vocabulary))
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


#: Roles that say more of a person in a session than presenting does.
_HOLDING_ROLES = frozenset({"moderator", "speaker", "co-chair", "lead-organiser"})
#: The plain roles of those who took the floor in an opening or closing segment.
_REMARKS = frozenset({"opening-remarks", "closing-remarks"})


def settled(found: list[Participation]) -> list[Participation]:
    """A document's participations with each person named once: a person referred to by the last words of a
    full name given in the document ("Ms. Carvalho Monteiro" after "Ms. Inês Carvalho Monteiro") is that
    person, with the affiliations the full name was given; a person who moderates or speaks for a State in a
    session does not also present in it; and one who took the floor in a segment in a role of their own
    (keynote, video message …) did not also make plain remarks there."""
    full_names = sorted({p.agent.label for p in found if p.agent.person and p.agent.label}, key=len, reverse=True)
    affiliated = {p.agent.label: p.agent.affiliations for p in found if p.agent.person and p.agent.affiliations}
    renamed: list[Participation] = []
    for participation in found:
        agent = participation.agent
        longer = next(
            (name for name in full_names if agent.person and agent.label and name.endswith(" " + agent.label)), None
        )
        if longer is not None:
            agent = person(longer, agent.start, agent.affiliations or affiliated.get(longer, ()))
            agent = replace(agent, end=participation.agent.end, surface=participation.agent.surface)
        renamed.append(replace(participation, agent=agent))
    chairs = {(p.event, p.agent.iri) for p in renamed if p.role == "co-chair"}
    for participation in list(renamed):  # a co-chair named by surname chairs for the State of their full name
        if participation.role == "co-chair" and participation.agent.person:
            for state in participation.agent.affiliations:
                if is_state(state) and (participation.event, state.iri) not in chairs:
                    chairs.add((participation.event, state.iri))
                    renamed.append(replace(participation, agent=state))
    holding = {(p.event, p.agent.iri) for p in renamed if p.role in _HOLDING_ROLES}
    own = {(p.event, p.agent.iri) for p in renamed if isinstance(p.event, SegmentRef) and p.role not in _REMARKS}
    return [
        p
        for p in renamed
        if not (p.role == "presenter" and p.agent.person and (p.event, p.agent.iri) in holding)
        and not (p.role in _REMARKS and (p.event, p.agent.iri) in own)
    ]

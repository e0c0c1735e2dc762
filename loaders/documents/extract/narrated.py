"""Who took part in a session, and how, when a report or a summary tells it in sentences rather than labels.

In a passage about a session, sentence by sentence:

- **moderator**: the person named before "moderated" / "served as moderator" / "guided the debate" (the last
  one before it), or after "moderated by" or "its moderator, Ms. X"; affiliated to the organisations of their
  title;
- **member State speaker**: the person named nearest before "(as) member State speaker" (else the first after
  it), and the State their title names, else the State the clause names before them; where the sentence names
  only a State ("Chile gave the member-State lead-in"), the person the next sentence opens with, for it;
- **lead organisers**: the States and organisations "under the lead of …", "the lead organizers were …", "the
  convenors of <session>, A and B, …", after "(the session / its preparation / it) was / had been led /
  organized / prepared / convened / entrusted by|to …", or before "acted / served as (co-)leads / lead
  organizers", "co-led", "led / leading its preparation", "convene it";
- **presenters and those spoken for**: speaking.py.

A name inside a person's title ("Head of … of Georgia") is the person's affiliation, never a presenter; an
agent given another role in a sentence (moderator, speaker, lead organiser) does not also present in it.
Labelled forms ("Moderator: …", "Lead Organizers: …") are read in participation.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from gcmkg.loaders.documents.extract.agents import (
    HONORIFIC,
    affiliations,
    agent_from_match,
    is_state,
    person,
    resolve_list,
)
from gcmkg.loaders.documents.extract.clauses import Sentence, clause_end, read_sentence, subjects
from gcmkg.loaders.documents.extract.sentences import sentences
from gcmkg.loaders.documents.extract.speaking import presentations
from gcmkg.loaders.documents.facts import Agent, Participation, SessionRef
from gcmkg.loaders.documents.matcher import Kind, Matcher
from gcmkg.loaders.documents.segmenting import Passage
from gcmkg.loaders.documents.sessionnames import DEFAULT_VOCABULARY, SessionVocabulary


@cache
def _moderated(noun: str) -> re.Pattern[str]:
    return re.compile(
        r"\bmoderat(?:e|ed|es|ing|ion|or)\b|\b(?:guid|facilitat|steer|chair)(?:ed|ing|es|e)?\s+the\s+"
        r"(?:debate|discussion|exchange|dialogue|conversation)\b"
        rf"|(?<!co-)\bfacilitated\s+by\b|\bfacilitat(?:es?|ed|ing)\s+(?:it|the\s+(?:thematic\s+)?{noun})\b"
        r"|\b(?:the|as|its)\s+facilitator\b|\b(?:discussion|debate|exchange)\s+was\s+chaired\s+by\b",
        re.IGNORECASE,
    )


#: A role noun followed by the person in apposition: "opened by the member State speaker, Mr. X, …".
_APPOSED = re.compile(rf"^\s*,\s*{HONORIFIC}")
_BY = re.compile(r"^\s+(?:by|through)\b")
_STATE_SPEAKER = re.compile(
    r"\bmember[\s-]+States?\s+(?:speaker|discussant)\b(?!\s*:)"
    r"|\b(?:opening|first|lead)\s+member[\s-]+States?\s+(?:voice|speaker|statement|intervention)\b"
    r"|\bopened\s+for\s+the\s+member[\s-]+States\b"
    r"|\b(?:speaking|spoke)\s+(?:first\s+)?(?:for|on\s+behalf\s+of)\s+(?:the\s+)?member\s+States\b"
    r"|\blead(?:-off)?\s+(?:speaker|intervention|statement)\s+for\s+the\s+member[\s-]+States\b"
    r"|\bmember[\s-]+States?\s+(?:perspective|view|intervention)\s+was\s+(?:opened|given|presented)\b"
    r"|\bmember[\s-]+States?\s+lead-(?:in|off)\b",
    re.IGNORECASE,
)
#: A new clause with a subject of its own: ", and Greece …", "; Chile …".
_NEW_CLAUSE = re.compile(r"(?:,\s+(?:and|while|whereas|but)|;)\s+(?:the\s+)?[A-Z]")
#: Words telling who opened a session's exchange: the member State speaker when a State took the floor
#: ("Kicking off, Mr. X of Portugal, …", "On the part of Chile, Ms. Y opened the debate").
_OPENED_EXCHANGE = re.compile(
    r"\bopened\s+(?:the\s+(?:exchange|discussion|debate)|with\s+(?:a|the)\s+statement)\b|^Kicking\s+off\b",
    re.IGNORECASE,
)


@cache
def _led_by(noun: str) -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:{noun}|preparation|discussion|it)s?\b[^.;]*?\b(?:was|were|had\s+been|has\s+been)\s+"
        r"(?:jointly\s+)?"
        r"(?:co-?)?(?:led|organi[sz]ed|prepared|convened|coordinated|entrusted|curated)\s+(?:jointly\s+)?(?:by|to)\s+",
        re.IGNORECASE,
    )


_UNDER_LEAD = re.compile(
    r"\bunder\s+the\s+(?:joint\s+)?lead(?:ership)?\s+of\s+|\blead\s+organi[sz]ers\s+(?:were|was|included)\s+"
    r"|\b(?:preparatory\s+work|preparations?)\s+(?:was|were|lay)\s+in\s+the\s+hands\s+of\s+"
    r"|^(?:co-?organi[sz]ed|organi[sz]ed|prepared|convened|co-?convened|co-facilitated|curated)\s+by\s+",
    re.IGNORECASE,
)


@cache
def _led_after(noun: str) -> re.Pattern[str]:
    return re.compile(
        r"\s+(?:(?:acted|served)\s+as\s+(?:the\s+)?(?:co-?leads?|lead\s+organi[sz]ers?|leads?|organi[sz]ers)\b"
        r"|co-?led\b|(?:were|was)\s+(?:the|its)\s+(?:lead\s+|co-?)?organi[sz]ers?\b|(?:were|was|are|is)\s+in\s+the\s+lead\b"
        rf"|(?:are|is|were|was)\s+(?:co-?)?(?:organi[sz]ing|preparing|convening|curating)\s+"
        rf"(?:it|the\s+(?:thematic\s+)?{noun}|(?i:{noun})\s+\w+)\b"
        rf"|(?:(?:had|have|has)\s+)?(?:co-?)?(?:organi[sz]ed|prepared|convened)\s+(?:it|the\s+(?:thematic\s+)?{noun})\b"
        rf"|(?:co-?)?(?:organi[sz]e|prepare|convene)s?\s+(?:it|the\s+(?:thematic\s+)?{noun})\b)"
        rf"|,?\s+(?:which|who|that)\s+(?:are\s+|is\s+)?(?:co-?)?(?:organi[sz]|prepar|conven)(?:es?|ing)\s+"
        rf"(?:it|the\s+(?:thematic\s+)?{noun}|(?i:{noun})\s+\w+)\b"
        r"|,?\s+(?:which|who|that)?\s*(?:lead|leads|led|leading)\s+(?:its|the)\s+preparation\b",
        re.IGNORECASE,
    )


_BY_WORD = re.compile(r"\bby\s+")
_RELATIVE = re.compile(r",?\s+(?:which|who|that)\b")
#: Words that join the organisations of a list of lead organisers: they become separators.
_LEAD_JOINERS = re.compile(
    r",?\s+(?:(?:working\s+)?(?:closely\s+)?(?:together|jointly)?\s*with|in\s+(?:close\s+)?(?:cooperation|"
    r"partnership|collaboration)\s+with)\s+",
    re.IGNORECASE,
)


def narrated_participations(
    passage: Passage,
    session: SessionRef,
    matcher: Matcher,
    presenters: bool = True,
    vocabulary: SessionVocabulary = DEFAULT_VOCABULARY,
) -> list[Participation]:
    """Every participation in ``session`` that ``passage`` tells in prose (module docstring); ``presenters``:
    read presenters too (not in a document written before the session); ``vocabulary``: the nouns of the
    document's sessions."""
    found: list[Participation] = []
    noun = vocabulary.noun
    voiced: Agent | None = None  # a State that spoke as member State speaker through no one the sentence named
    for offset, text in sentences(passage.text):
        sentence = read_sentence(text, passage.start + offset, matcher)
        claimed = [
            *_moderators(sentence, matcher, noun),
            *_state_speakers(sentence, matcher),
            *_leads(sentence, matcher, noun),
            *_apposed_leads(sentence, matcher, vocabulary),
        ]
        opener = sentence.people[0] if sentence.people and sentence.people[0][1] <= len("H. E. Mr. ") else None
        if voiced is not None and opener is not None and not claimed:
            claimed.append(("speaker", person(opener[0], sentence.base + opener[1], voiced)))
        speakers = [agent for role, agent in claimed if role == "speaker"]
        voiced = speakers[0] if len(speakers) == 1 and is_state(speakers[0]) else None
        found += [Participation(session, role, agent, passage) for role, agent in claimed]
        taken = {agent.iri for _, agent in claimed} | {a.iri for _, agent in claimed for a in agent.affiliations}
        if presenters:
            found += [p for p in presentations(sentence, session, passage, matcher, noun) if p.agent.iri not in taken]
    return found


def _holder(sentence: Sentence, cue: re.Match[str]) -> tuple[str, int, int] | None:
    """The person a role noun or verb belongs to: after it when it reads "… by", else the last one before it,
    else the first one after it."""
    before = [p for p in sentence.people if p[1] < cue.start()]
    after = [p for p in sentence.people if p[1] >= cue.end()]
    by = _BY.match(sentence.text[cue.end() :]) or cue.group(0).lower().endswith(" by")
    if (by or _APPOSED.match(sentence.text[cue.end() :])) and after:
        return after[0]
    return before[-1] if before else after[0] if after else None


def _titled(
    sentence: Sentence, holder: tuple[str, int, int], cue: re.Match[str], prefer_state: bool, matcher: Matcher
) -> Agent:
    """The person with the affiliations their title names (the title cut where the cue begins)."""
    name, start, end = holder
    title_end = cue.start() if start < cue.start() < end else end
    title = sentence.text[start + len(name) : title_end].rstrip(" ,")
    linked = affiliations(title, sentence.base + start + len(name), matcher, prefer_state)
    if prefer_state and not any(is_state(agent) for agent in linked):
        # "Tajikistan, represented by H.E. Mr. X, …": the State the clause names before the person
        before = [m for m in sentence.agents_outside_titles() if m.end <= start and m.entity.kind is Kind.STATE]
        linked = (agent_from_match(before[-1], sentence.base),) if before else linked
    return person(name, sentence.base + start, linked)


def _moderators(sentence: Sentence, matcher: Matcher, noun: str) -> Iterator[tuple[str, Agent]]:
    cue = _moderated(noun).search(sentence.text)
    holder = _holder(sentence, cue) if cue else None
    if cue and holder is not None:
        yield "moderator", _titled(sentence, holder, cue, False, matcher)


def _state_speakers(sentence: Sentence, matcher: Matcher) -> Iterator[tuple[str, Agent]]:
    """The person who spoke as member State speaker and their State; where the sentence names no one, the State
    named last before the words in their clause ("Chile opened the debate as member State speaker")."""
    cue = _STATE_SPEAKER.search(sentence.text)
    holder = _holder(sentence, cue) if cue else None
    clause = _NEW_CLAUSE.search(sentence.text, holder[1], cue.start()) if cue and holder is not None else None
    if clause:  # "Ms. X will moderate, and Greece has agreed to open as member-State discussant": Greece
        holder = None
    opened = _OPENED_EXCHANGE.search(sentence.text) if cue is None else None
    opener = _holder(sentence, opened) if opened else None
    if opened and opener is not None:
        speaker = _titled(sentence, opener, opened, True, matcher)
        states = [state for state in speaker.affiliations if is_state(state)]
        yield from ((("speaker", speaker),) if states else ())
        yield from (("speaker", state) for state in states)
        return
    if cue and holder is not None:
        speaker = _titled(sentence, holder, cue, True, matcher)
        yield "speaker", speaker
        yield from (("speaker", state) for state in speaker.affiliations)
    elif cue:
        opening = max(sentence.text.rfind(mark, 0, cue.start()) for mark in ";:")
        opening = clause.start() if clause else opening
        named = sentence.names if clause else sentence.agents_outside_titles()  # the clause is no one's title
        states = [m for m in named if opening < m.start and m.end <= cue.start() and m.entity.kind is Kind.STATE]
        yield from (("speaker", agent_from_match(states[-1], sentence.base)),) if states else ()


@cache
def _convenors_of(named: str) -> re.Pattern[str]:
    """The lead organisers in apposition to their role and session: "The convenors of Clinic C2, ILO and IOM,
    …" (``named``: the pattern of a session's name)."""
    return re.compile(
        r"\b(?:co-?convenors|convenors|conveners|(?:lead\s+)?organi[sz]ers|co-?leads)\s+of\s+"
        rf"(?:it|the\s+(?:thematic\s+)?session|{named}),\s+(?P<leads>[^,;.]+),",
        re.IGNORECASE,
    )


def _apposed_leads(sentence: Sentence, matcher: Matcher, vocabulary: SessionVocabulary) -> Iterator[tuple[str, Agent]]:
    """Lead organisers named in apposition to "the convenors of <session>": known names only."""
    for cue in _convenors_of(vocabulary.named.pattern).finditer(sentence.text):
        listed = resolve_list(cue.group("leads"), sentence.base + cue.start("leads"), matcher)
        yield from (("lead-organiser", agent) for agent in listed if agent.label is None)


def _leads(sentence: Sentence, matcher: Matcher, noun: str) -> Iterator[tuple[str, Agent]]:
    text = sentence.text
    for cue in [*_led_by(noun).finditer(text), *_UNDER_LEAD.finditer(text)]:
        end = clause_end(text, cue.end())
        listed = _LEAD_JOINERS.sub(lambda m: "," + " " * (len(m.group(0)) - 1), text[cue.end() : end])
        for agent in resolve_list(listed, sentence.base + cue.end(), matcher):
            # an opening participle ("Co-facilitated by A and B, Panel 2 …") ends at no clear word: known names only
            if cue.start() > 0 or agent.label is None:
                yield "lead-organiser", agent
    for cue in _led_after(noun).finditer(text):
        leads = subjects(sentence, cue.start())
        by = list(_BY_WORD.finditer(text, 0, cue.start()))
        if _RELATIVE.match(text, cue.start()) and by:  # "drafted by A and B, which convene the panel": A and B
            named = resolve_list(text[by[-1].end() : cue.start()], sentence.base + by[-1].end(), matcher)
            leads = named if named and all(agent.label is None for agent in named) else leads
        yield from (("lead-organiser", agent) for agent in leads)

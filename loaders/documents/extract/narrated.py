"""Who took part in a session, and how, when a report or a summary tells it in sentences rather than labels.

In a passage about a session, sentence by sentence:

- **moderator**: the person named before "moderated" / "served as moderator" (the last one before it), or
  after "moderated by"; affiliated to the organisations of their title;
- **member State speaker**: the person named nearest before "(as) member State speaker" (else the first after
  it), and the State their title names;
- **lead organisers**: the States and organisations "under the lead of …", after "(the session / its
  preparation) was led / organized / prepared / convened / entrusted by|to …", or before "acted / served as
  (co-)leads / lead organizers", "co-led" or "led (its / the) preparation";
- **presenters**: the States and organisations after "presentations / inputs … were made / given … by …" or
  "presented / introduced by …" (people named there too), or named just before a verb of speech ("Albania
  described …", "Portugal and Morocco gave a joint presentation"), and those added by "as did …";
- **spoken for**: "X (also on behalf of A and B)", "X, speaking also on behalf of A and B, described …",
  "X, the latter speaking as well for A and B", "X's intervention was delivered also on behalf of A, B and C",
  "The representative of X also spoke on behalf of A": A and B in the role ``on-behalf-of`` via X, who
  presents on their behalf.

A name inside a person's title ("Head of … of Georgia") is the person's affiliation, never a presenter; an
agent given another role in a sentence (moderator, speaker, lead organiser, right of reply) does not also
present in it. Labelled forms ("Moderator: …", "Lead Organizers: …") are read in participation.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import URIRef

from gcmkg.loaders.documents.extract.agents import (
    AGENT_KINDS,
    HONORIFIC,
    SPEECH_VERB,
    affiliations,
    agent_from_match,
    honoured_people,
    is_state,
    person,
    resolve_list,
    unique_agents,
)
from gcmkg.loaders.documents.extract.sentences import sentences
from gcmkg.loaders.documents.facts import Agent, Participation, SessionRef
from gcmkg.loaders.documents.matcher import Kind, Match, Matcher
from gcmkg.loaders.documents.mentions import mentions
from gcmkg.loaders.documents.segmenting import Passage

_MODERATED = re.compile(
    r"\bmoderat(?:ed|es|ing|ion|or)\b|\b(?:guided|facilitated|steered|chaired)\s+the\s+"
    r"(?:debate|discussion|exchange|dialogue|conversation)\b",
    re.IGNORECASE,
)
#: A role noun followed by the person in apposition: "opened by the member State speaker, Mr. X, …".
_APPOSED = re.compile(rf"^\s*,\s*{HONORIFIC}")
_BY = re.compile(r"^\s+by\b")
_STATE_SPEAKER = re.compile(
    r"\bmember\s+States?\s+speaker\b(?!\s*:)"
    r"|\b(?:speaking|spoke)\s+(?:first\s+)?(?:for|on\s+behalf\s+of)\s+(?:the\s+)?member\s+States\b",
    re.IGNORECASE,
)
_LED_BY = re.compile(
    r"\b(?:session|preparation|discussion|roundtable|round\s+table|it)s?\b[^.;]*?\b(?:was|were|had\s+been|has\s+been)\s+"
    r"(?:jointly\s+)?"
    r"(?:co-?)?(?:led|organi[sz]ed|prepared|convened|coordinated|entrusted)\s+(?:jointly\s+)?(?:by|to)\s+",
    re.IGNORECASE,
)
_UNDER_LEAD = re.compile(
    r"\bunder\s+the\s+(?:joint\s+)?lead(?:ership)?\s+of\s+|\blead\s+organi[sz]ers\s+(?:were|was|included)\s+",
    re.IGNORECASE,
)
_LED_AFTER = re.compile(
    r"\s+(?:(?:acted|served)\s+as\s+(?:the\s+)?(?:co-?leads?|lead\s+organi[sz]ers?|leads?|organi[sz]ers)\b"
    r"|co-?led\b|(?:led|leading)\s+(?:its|the)\s+preparation\b|were\s+(?:the|its)\s+lead\s+organi[sz]ers\b)",
    re.IGNORECASE,
)
_PASSIVE_PRESENTED = re.compile(
    r"\b(?:(?:presentations?|inputs?|contributions?|interventions?|examples?|statements?|experiences?)\s+"
    r"(?:\w+\s+){0,3}?(?:(?:was|were)\s+(?:\w+\s+)?)?(?:made|given|delivered|provided|offered|presented|shared)\s+by"
    r"|(?:presentations?|inputs?|contributions?|interventions?|statements?)\s+(?:\w+\s+)?(?:followed|came)\s+from"
    r"|(?:presented|introduced)\s+by)\s+",
    re.IGNORECASE,
)
_RIGHT_OF_REPLY = re.compile(r"\bright\s+(?:of|to)\s+reply\b", re.IGNORECASE)
_REPLY_VERB = re.compile(
    r"\b(?:exercised|exercising|made\s+use|used|invoked|availed|asked\s+for\s+the\s+floor|requested\s+the\s+floor|"
    r"responded|replied|took\s+the\s+floor)\b",
    re.IGNORECASE,
)
_AS_DID = re.compile(r",?\s+(?:as\s+did|(?:together|along|jointly)\s+with)\s+")
#: "(also on behalf of", ", speaking also on behalf of", ", which also spoke on behalf of", ", the latter speaking
#: as well for": who a presenter spoke for follows.
_SPOKEN_FOR = re.compile(
    r"(?P<open>\()?\s*(?:the\s+latter\s+|which\s+|who\s+|whose\s+\w+\s+(?:was|were)\s+(?:\w+\s+)?)?"
    r"(?:(?:also|as\s+well)\s+)?"
    r"(?:(?:speaking|spoke|speaks|took\s+the\s+floor|taking\s+the\s+floor)\s+(?:(?:also|as\s+well)\s+)?"
    r"(?:for\s+(?:itself|themselves|herself|himself)\s+and\s+)?(?:on\s+behalf\s+of|in\s+the\s+name\s+of|for)"
    r"|on\s+behalf\s+of|in\s+the\s+name\s+of|represented)\s+",
    re.IGNORECASE,
)
#: An apposition ("which also spoke for …", ", speaking on behalf of …") ends at the next comma.
_APPOSITION = re.compile(r"\b(?:which|who|whose|speaking|latter)\b", re.IGNORECASE)
#: Words after a list of those spoken for that name no one: "… as well", "… as well as its own", "… too".
_TRAILING_ADVERBIAL = re.compile(r"\s+(?:as\s+well|too|also)\b.*$", re.DOTALL)
#: An apposition that closes right before its sentence's verb: ", which spoke for A, B and C, described …".
_VERB_AFTER_APPOSITION = re.compile(rf"\s*,\s*(?:(?:also|then|further)\s+)?{SPEECH_VERB.pattern}")
_ON_BEHALF = re.compile(r"\b(?:on\s+behalf|in\s+the\s+name)\s+of\s+", re.IGNORECASE)
#: "a joint statement of A, B and C was read out by A": A presents, for B and C.
_JOINT_STATEMENT = re.compile(
    r"\bstatement\s+(?:of|by|on\s+behalf\s+of)\s+(?P<group>[^.;]+?)\s+(?:was|were)\s+(?:read\s+out|delivered|made|"
    r"presented|read)\s+by\s+(?P<reader>[^.;,]+)",
    re.IGNORECASE,
)
_AFTER_NAME = re.compile(r"(?:\s*\([A-Z][\w.&-]{1,12}\))?\)?[¹²³⁴⁵⁶⁷⁸⁹⁰]*\s*,?")
#: What may stand between two names of one list, or between a name and the verb it is the subject of.
_LIST_GAP = re.compile(
    r"(?:\s|,|[()]|[¹²³⁴⁵⁶⁷⁸⁹⁰]|\band\b|\bor\b|\bthe\b|\bThe\b|\bas\s+well\s+as\b|\b(?:jointly|together)\s+with\b|"
    r"\([A-Z][\w.&-]{1,12}\)|[’']s\b|\b(?:also|each|both|jointly|together|then|further|in\s+turn)\b|"
    r"\b(?:secretariat|representatives?|delegations?|delegates?)\s+of\b)*"
)
#: What may open a sentence or a clause before its subjects.
_CLAUSE_OPENING = re.compile(
    r"(?:^|[.,;:–—]|\s-|\band|\bwhile|\bwhereas|\bthat|\bwith)\s*(?:the\s+)?"
    r"(?:(?:the\s+)?(?:representatives?|delegations?|delegates?)\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
#: An aside saying whom a subject also spoke for, skipped when reading the subjects of a verb.
_ASIDE = re.compile(
    r"\([^()]*\b(?:behalf|for)\b[^()]*\)"
    r"|,\s*(?:the\s+latter\s+)?(?:(?:also|as\s+well)\s+)?(?:speaking|which|who|whose)\b[^.;]*?,"
    rf"(?=\s*(?:(?:also|then|further)\s+)?{SPEECH_VERB.pattern})"
    r"|,\s*\w+ing\b[^,;.]*,"
)
#: Words that join the items of a list read after "by": they become separators.
_JOINERS = re.compile(
    r",?\s+(?:as\s+well\s+as|and)\s+(?:\w+\s+){0,4}?(?:by|from)\s+|,\s+(?:by|from)\s+|\s+(?:jointly|together)\s+with\s+"
    r"|,?\s+as\s+well\s+as\s+"
)
_HONORIFIC_END = re.compile(rf"{HONORIFIC}$")
#: A person's title between the name and the verb: ", Director of …, " or " of Statistics Sweden ".
_TITLE = re.compile(r"\s*,[^;]*,\s*|\s+(?:of|from)\b[^,;]*")
#: Where a list read after "by" ends: a contrasting clause.
_LIST_END = re.compile(r",\s+(?:whereas|while|but)\b|;")
#: "…, whose representative, Ms. X, …": the person spoke for the agent named last before.
_WHOSE_REPRESENTATIVE_BEFORE = re.compile(rf",\s*whose\s+representatives?,?\s+{HONORIFIC}$")
_CLAUSE_END = re.compile(
    r",\s+(?:which|who|whose|while|whereas|with)\b|;|\.(?:\s|$)|\s+and\s+(?:was\s+|were\s+)?[a-z]+ed\b"
    rf"|,?\s+(?:and\s+)?(?={HONORIFIC})|,\s+and\s+(?=[a-z])(?!the\s)"
)
#: Words that join the organisations of a list of lead organisers: they become separators.
_LEAD_JOINERS = re.compile(
    r",?\s+(?:(?:working\s+)?(?:closely\s+)?(?:together|jointly)?\s*with|in\s+(?:close\s+)?(?:cooperation|"
    r"partnership|collaboration)\s+with)\s+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Sentence:
    """One sentence of a passage, with its offset in the passage, the known agents and the people in it."""

    text: str
    base: int
    names: list[Match]
    people: list[tuple[str, int, int]]
    others: tuple[Match, ...] = ()
    """Known names that are no agent (a process, an initiative): they may stand in a list of agents."""

    def agents_outside_titles(self) -> list[Match]:
        """The known agents not inside a person's title (which are that person's affiliations)."""
        return [m for m in self.names if not any(start <= m.start < end for _, start, end in self.people)]


def narrated_participations(
    passage: Passage, session: SessionRef, matcher: Matcher, presenters: bool = True
) -> list[Participation]:
    """Every participation in ``session`` that ``passage`` tells in prose (module docstring); ``presenters``:
    read presenters too (not in a document written before the session)."""
    found: list[Participation] = []
    for offset, text in sentences(passage.text):
        found_names = mentions(text, matcher)
        names = [m for m in found_names if m.entity.kind in AGENT_KINDS]
        others = tuple(m for m in found_names if m.entity.kind not in AGENT_KINDS)
        sentence = _Sentence(text, passage.start + offset, names, honoured_people(text), others)
        claimed = [*_moderators(sentence, matcher), *_state_speakers(sentence, matcher), *_leads(sentence, matcher)]
        found += [Participation(session, role, agent, passage) for role, agent in claimed]
        taken = {agent.iri for _, agent in claimed} | {a.iri for _, agent in claimed for a in agent.affiliations}
        if presenters:
            found += [p for p in _presenters(sentence, session, passage, matcher) if p.agent.iri not in taken]
    return found


def replying(passage: Passage, matcher: Matcher) -> list[Agent]:
    """The States and organisations that exercised a right of reply in ``passage``: the subjects of the verbs of
    a sentence that speaks of the right of reply ("Azerbaijan and then Armenia exercised the right of reply",
    "Armenia then responded, likewise exercising its right", "the delegation of X asked for the floor in
    exercise of …"). Sentences naming a person are read with the person (participation.py)."""
    found: list[Agent] = []
    for offset, text in sentences(passage.text):
        if not _RIGHT_OF_REPLY.search(text) or honoured_people(text):
            continue
        found_names = mentions(text, matcher)
        sentence = _Sentence(
            text,
            passage.start + offset,
            [m for m in found_names if m.entity.kind in AGENT_KINDS],
            [],
            tuple(m for m in found_names if m.entity.kind not in AGENT_KINDS),
        )
        for verb in _REPLY_VERB.finditer(text):
            found += [agent for agent in _subjects(sentence, verb.start()) if agent.iri not in {a.iri for a in found}]
    return found


def _holder(sentence: _Sentence, cue: re.Match[str]) -> tuple[str, int, int] | None:
    """The person a role noun or verb belongs to: after it when it reads "… by", else the last one before it,
    else the first one after it."""
    before = [p for p in sentence.people if p[1] < cue.start()]
    after = [p for p in sentence.people if p[1] >= cue.end()]
    if (_BY.match(sentence.text[cue.end() :]) or _APPOSED.match(sentence.text[cue.end() :])) and after:
        return after[0]
    return before[-1] if before else after[0] if after else None


def _titled(
    sentence: _Sentence, holder: tuple[str, int, int], cue: re.Match[str], prefer_state: bool, matcher: Matcher
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


def _moderators(sentence: _Sentence, matcher: Matcher) -> Iterator[tuple[str, Agent]]:
    cue = _MODERATED.search(sentence.text)
    holder = _holder(sentence, cue) if cue else None
    if cue and holder is not None:
        yield "moderator", _titled(sentence, holder, cue, False, matcher)


def _state_speakers(sentence: _Sentence, matcher: Matcher) -> Iterator[tuple[str, Agent]]:
    cue = _STATE_SPEAKER.search(sentence.text)
    holder = _holder(sentence, cue) if cue else None
    if cue and holder is not None:
        speaker = _titled(sentence, holder, cue, True, matcher)
        yield "speaker", speaker
        yield from (("speaker", state) for state in speaker.affiliations)


def _leads(sentence: _Sentence, matcher: Matcher) -> Iterator[tuple[str, Agent]]:
    text = sentence.text
    for cue in [*_LED_BY.finditer(text), *_UNDER_LEAD.finditer(text)]:
        end = _clause_end(text, cue.end())
        listed = _LEAD_JOINERS.sub(lambda m: "," + " " * (len(m.group(0)) - 1), text[cue.end() : end])
        for agent in resolve_list(listed, sentence.base + cue.end(), matcher):
            yield "lead-organiser", agent
    for cue in _LED_AFTER.finditer(text):
        yield from (("lead-organiser", agent) for agent in _subjects(sentence, cue.start()))


def _clause_end(text: str, start: int) -> int:
    """Where a list that starts at ``start`` ends: a relative clause, a semicolon or the sentence's end."""
    end = _CLAUSE_END.search(text, start)
    return end.start() if end else len(text.rstrip(". "))


def _subjects(sentence: _Sentence, verb_start: int) -> list[Agent]:
    """The agents named just before ``verb_start``, joined only by list words, at the opening of their clause:
    the verb's subjects. An aside saying whom they also spoke for may stand between ("Finland (speaking also
    for Denmark) described …"); the names in it are not subjects."""
    asides = [aside.span() for aside in _ASIDE.finditer(sentence.text) if aside.end() <= verb_start + 1]
    names = sorted(
        (
            m
            for m in [*sentence.agents_outside_titles(), *sentence.others]
            if m.end <= verb_start and not any(start <= m.start < end for start, end in asides)
        ),
        key=lambda m: m.start,
    )
    subjects: list[Match] = []
    position = verb_start
    for name in reversed(names):
        gap = sentence.text[name.end : position]
        for start, end in asides:
            if name.end <= start and end <= position:
                gap = gap.replace(sentence.text[start:end], " ")
        if not _LIST_GAP.fullmatch(gap):
            break
        subjects.insert(0, name)
        position = name.start
    # the subjects open their clause: the longest run whose text before opens a clause ("Following the
    # statement of the Russian Federation, Ukraine asked …": Ukraine)
    while subjects and not _CLAUSE_OPENING.search(sentence.text[: subjects[0].start]):
        subjects.pop(0)
    return [agent_from_match(m, sentence.base) for m in subjects if m.entity.kind in AGENT_KINDS]


def _speaking_person(sentence: _Sentence, verb_start: int, matcher: Matcher) -> list[Agent]:
    """The person introduced with an honorific and a title at the opening of the clause of a speech verb
    ("Ms. X, Deputy Minister of Interior of Albania, explained …"), with the affiliations of the title."""
    for name, start, end in sentence.people:
        title = sentence.text[start + len(name) : verb_start]
        if (
            end == verb_start
            and _TITLE.fullmatch(title)
            and _CLAUSE_OPENING.search(_HONORIFIC_END.sub("", sentence.text[:start]))
        ):
            linked = affiliations(title.strip(" ,"), sentence.base + start + len(name), matcher, True)
            return [person(name, sentence.base + start, linked), *linked[:1]] if linked else []
    return []


def _presenters(sentence: _Sentence, session: SessionRef, passage: Passage, matcher: Matcher) -> list[Participation]:
    text = sentence.text
    end = len(text.rstrip(". "))
    found: list[tuple[Agent, tuple[Agent, ...]]] = []
    passive = _PASSIVE_PRESENTED.search(text)
    if _RIGHT_OF_REPLY.search(text):
        return []  # read by participation.py
    if passive:
        contrast = _LIST_END.search(text, passive.end())
        end = contrast.start() if contrast else end
    for verb in SPEECH_VERB.finditer(text):
        if passive and passive.start() <= verb.start() < end:
            continue
        subjects = _subjects(sentence, verb.start()) or _speaking_person(sentence, verb.start(), matcher)
        found += [(agent, _spoken_for(sentence, agent.end - sentence.base, matcher)) for agent in subjects]
    as_did = _AS_DID.search(text)
    if passive:
        found += _listed_presenters(sentence, passive.end(), end, matcher)
    elif found and as_did:
        found += _listed_presenters(sentence, as_did.end(), end, matcher)
    merged: dict[URIRef, tuple[Agent, tuple[Agent, ...]]] = {}
    for agent, spoken_for in [*found, *_behalf_only(sentence, matcher)]:
        known = merged.get(agent.iri)
        merged[agent.iri] = (known[0], known[1] or spoken_for) if known else (agent, spoken_for)
    result: list[Participation] = []
    for agent, spoken_for in merged.values():
        result.append(Participation(session, "presenter", agent, passage, on_behalf_of=spoken_for))
        result += [Participation(session, "on-behalf-of", other, passage, via=agent) for other in spoken_for]
    return result


def _listed_presenters(
    sentence: _Sentence, start: int, end: int, matcher: Matcher
) -> list[tuple[Agent, tuple[Agent, ...]]]:
    """The presenters of a list read after "by" or "as did", each with those it spoke for."""
    text = sentence.text
    found: list[tuple[Agent, tuple[Agent, ...]]] = []
    position = start
    while position < end:
        behalf = _SPOKEN_FOR.search(text, position, end)
        piece_end = behalf.start() if behalf else end
        piece = _JOINERS.sub(lambda m: "," + " " * (len(m.group(0)) - 1), text[position:piece_end])
        listed = _people_or_agents(piece, sentence.base + position, matcher)
        found += [(agent, ()) for agent in listed]
        if behalf is None:
            break
        spoken_for, position = _spoken_for_list(sentence, behalf, matcher)
        if found:
            found[-1] = (found[-1][0], spoken_for)
    return found


def _spoken_for_list(sentence: _Sentence, behalf: re.Match[str], matcher: Matcher) -> tuple[tuple[Agent, ...], int]:
    """The agents a "(also on behalf of …)", ", speaking for …" or "spoke on behalf of …" names, and where the
    text goes on after it: the closing parenthesis, the next comma after an apposition, or else the end of the
    run of names."""
    text = sentence.text
    if behalf.group("open"):
        close = text.find(")", behalf.end())
        close = len(text) if close < 0 else close
        resume = close + 1
    elif _APPOSITION.search(behalf.group(0)):
        run = _run_end(sentence, behalf.end())
        comma = text.find(",", behalf.end())
        closes_before_verb = _VERB_AFTER_APPOSITION.match(text, run)
        close = resume = run if closes_before_verb or comma < 0 else comma
    else:
        close = resume = _run_end(sentence, behalf.end())
    listed = _TRAILING_ADVERBIAL.sub("", text[behalf.end() : close])
    return tuple(resolve_list(listed, sentence.base + behalf.end(), matcher)), resume


def _run_end(sentence: _Sentence, start: int) -> int:
    """The end of the list of names that opens at ``start``: its last name, or the next comma."""
    position = start
    for name in (m for m in sentence.names if m.start >= start):
        if not _LIST_GAP.fullmatch(sentence.text[position : name.start]):
            break
        position = name.end
    if position > start:
        return position
    comma = sentence.text.find(",", start)
    return comma if comma >= 0 else len(sentence.text.rstrip(". "))


def _people_or_agents(text: str, base: int, matcher: Matcher) -> list[Agent]:
    """The people of a list (with the State or organisation of their title), and the States and organisations
    it names outside the people's titles."""
    outside = re.sub(HONORIFIC, lambda m: " " * len(m.group(0)), text)
    found = []
    people = honoured_people(text)
    for _, start, end in people:
        outside = outside[:start] + " " * (end - start) + outside[end:]
    agents = resolve_list(outside, base, matcher)
    for name, start, end in people:
        title = re.sub(r"[\s,]*(?:and)?[\s,]*$", "", text[start + len(name) : end])
        linked = affiliations(title, base + start + len(name), matcher, True)
        spoken_for = [agent for agent in agents if agent.end <= base + start]
        if not linked and spoken_for and _WHOSE_REPRESENTATIVE_BEFORE.search(text[:start]):
            linked = (spoken_for[-1],)
        found += [person(name, base + start, linked), *linked[:1]]
    return unique_agents(agents + found)


def _spoken_for(sentence: _Sentence, after: int, matcher: Matcher) -> tuple[Agent, ...]:
    """Those a subject spoke for, said right after it: "X, speaking also on behalf of A and B," or "X (…)"."""
    text = sentence.text
    behalf = _SPOKEN_FOR.match(text, _AFTER_NAME.match(text, after).end())  # type: ignore[union-attr]
    return _spoken_for_list(sentence, behalf, matcher)[0] if behalf else ()


def _behalf_only(sentence: _Sentence, matcher: Matcher) -> list[tuple[Agent, tuple[Agent, ...]]]:
    """ "X's intervention was delivered also on behalf of A and B, and Y's in the name of C": X spoke for A and
    B, Y for C; "a joint statement of X, A and B was read out by X": X spoke for A and B."""
    if sentence.people:
        return []
    found: list[tuple[Agent, tuple[Agent, ...]]] = []
    for cue in _ON_BEHALF.finditer(sentence.text):
        speakers = [m for m in sentence.agents_outside_titles() if m.end <= cue.start()]
        end = _run_end(sentence, cue.end())
        spoken_for = resolve_list(sentence.text[cue.end() : end], sentence.base + cue.end(), matcher)
        if speakers and spoken_for:
            found.append((agent_from_match(speakers[-1], sentence.base), tuple(spoken_for)))
    joint = _JOINT_STATEMENT.search(sentence.text)
    if joint:
        readers = resolve_list(joint.group("reader"), sentence.base + joint.start("reader"), matcher)
        group = resolve_list(joint.group("group"), sentence.base + joint.start("group"), matcher)
        for reader in readers[:1]:
            found.append((reader, tuple(agent for agent in group if agent.iri != reader.iri)))
    return found

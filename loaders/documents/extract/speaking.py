"""Who presented in a session, for whom, and who replied, when a report or a summary tells it in sentences.

- **presenters**: the States, organisations and people after "presentations / inputs … were made / given by
  …", "contributions followed from …" or "presented / introduced by …"; the subjects of a verb of speech
  ("Albania described …", "Portugal and Morocco gave a joint presentation"), and those added by "as did …"; a
  person with a title before a verb of speech, with the State or organisation the title names, which presents
  through them; none in a sentence saying a request to speak came to nothing ("… asked for the floor but
  withdrew its request");
- **spoken for**: "X (also on behalf of A and B)", "X, speaking also for A and B, described …", "X, which also
  spoke on behalf of A,", "the latter speaking as well for A", "X's intervention was delivered also on behalf
  of A, B and C", "X delivered a statement in the name of A", "X took the floor for itself and for A", "a
  joint statement of X, A and B was read out by X": A and B in the role ``on-behalf-of`` via X, who presents;
- **right of reply**: the subjects of the verbs of a sentence about the right of reply.
"""

from __future__ import annotations

import re
from functools import cache

from rdflib import URIRef

from gcmkg.loaders.documents.extract.agents import (
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
from gcmkg.loaders.documents.extract.clauses import (
    CLAUSE_OPENING,
    Sentence,
    clause_end,
    read_sentence,
    run_end,
    subjects,
)
from gcmkg.loaders.documents.extract.sentences import sentences
from gcmkg.loaders.documents.facts import Agent, Participation, SessionRef
from gcmkg.loaders.documents.matcher import Matcher
from gcmkg.loaders.documents.segmenting import Passage
from gcmkg.loaders.documents.sessionnames import DEFAULT_VOCABULARY, SESSION_NUMBER


@cache
def _passive_presented(noun: str) -> re.Pattern[str]:
    return re.compile(
        r"\b(?:(?:presentations?|inputs?|contributions?|interventions?|examples?|statements?|experiences?)\s+"
        r"(?:\w+\s+){0,3}?(?:(?:was|were)\s+(?:\w+\s+)?)?(?:made|given|delivered|provided|offered|presented|shared)\s+by"
        r"|(?:presentations?|inputs?|contributions?|interventions?|statements?)\s+(?:\w+\s+)?(?:followed|came)\s+from"
        r"|(?:interventions?|statements?|contributions?|questions?)\s+from\s+the\s+floor\s+(?:(?:came|followed)\s+from"
        r"|(?:was|were)\s+made\s+by|by)"
        r"|panell?ists\s+(?:included|were)|keynote\s+(?:address\s+|speech\s+|presentation\s+)?by"
        rf"|\b(?:{noun}|track|it)(?:\s+(?:[IVX]{{1,4}}|{SESSION_NUMBER}))?\s+(?:first\s+|then\s+)?heard"
        rf"|\b(?:{noun}|track)(?:\s+(?:[IVX]{{1,4}}|{SESSION_NUMBER}))?\s+(?:began|started|opened)\s+with"
        r"|(?:presented|introduced|outlined|described|set\s+out)\s+by)\s+",
        re.IGNORECASE,
    )


_RIGHT_OF_REPLY = re.compile(r"\bright\s+(?:of|to)\s+reply\b", re.IGNORECASE)
_REPLY_VERB = re.compile(
    r"\b(?:exercised|exercising|made\s+use|used|invoked|availed|asked\s+for\s+the\s+floor|requested\s+the\s+floor|"
    r"responded|replied|answered|took\s+the\s+floor|asked\s+to\s+(?:reply|respond|answer))\b",
    re.IGNORECASE,
)
#: A sentence saying that a request to speak came to nothing: "… asked for the floor but withdrew its request",
#: "did not take the floor in the end".
_WITHDRAWN = re.compile(
    r"\bwithdr(?:ew|awn?)\s+(?:its|their|his|her|the)\s+(?:request|statement)\b|\bdid\s+not\s+take\s+the\s+floor\b",
    re.IGNORECASE,
)
_AS_DID = re.compile(r",?\s+(?:as\s+did|(?:together|along|jointly)\s+with)\s+")
#: "(also on behalf of", ", speaking also on behalf of", ", which also spoke on behalf of", ", the latter speaking
#: as well for": who a presenter spoke for follows.
_SPOKEN_FOR = re.compile(
    r"(?P<open>\()?\s*(?:the\s+latter\s+|which\s+|who\s+|whose\s+\w+\s+(?:was|were)\s+(?:\w+\s+)?)?"
    r"(?:(?:also|as\s+well)\s+)?"
    r"(?:(?:speaking|spoke|speaks|took\s+the\s+floor|taking\s+the\s+floor)\s+(?:(?:also|as\s+well)\s+)?"
    r"(?:for\s+(?:itself|themselves|herself|himself)\s+and\s+)?(?:on\s+behalf\s+of|in\s+the\s+name\s+of|for"
    r"|as\s+the\s+voice\s+of)"
    r"|on\s+behalf\s+of|in\s+the\s+name\s+of|represent(?:ed|ing))\s+",
    re.IGNORECASE,
)
#: An apposition ("which also spoke for …", ", speaking on behalf of …") ends at the next comma.
_APPOSITION = re.compile(r"\b(?:which|who|whose|speaking|representing|latter)\b", re.IGNORECASE)
#: Words after a list of those spoken for that name no one: "… as well", "… as well as its own", "… too",
#: "… besides itself".
_TRAILING_ADVERBIAL = re.compile(r"\s+(?:as\s+well|too|also|besides)\b.*$", re.DOTALL)
#: An apposition that closes right before its sentence's verb: ", which spoke for A, B and C, described …".
_VERB_AFTER_APPOSITION = re.compile(rf"\s*,\s*(?:(?:also|then|further)\s+)?{SPEECH_VERB.pattern}")
#: A group spoken for, then its members: ", that is, for A, B and C", ", namely A and B".
_RESTATED = re.compile(r",\s*(?:that\s+is|namely|i\.\s?e\.)\s*,?\s*(?:for\s+|of\s+)?", re.IGNORECASE)
#: A group spoken for, its members named next: "a group of three, itself, A and B".
_GROUP = re.compile(r"(?:a|the)\s+group\s+of\s+\w+(?:\s+\w+)?\s*,\s*", re.IGNORECASE)
#: A group spoken for with its members in brackets: "the Nordic-Baltic Eight (Denmark, Estonia, …)".
_MEMBERS = re.compile(r"^[^()]*\(([^()]*)\)\s*$")
_ON_BEHALF = re.compile(
    r"\b(?:on\s+behalf|in\s+the\s+name)\s+of\s+|\bcarried\s+the\s+(?:co-?)?signatures?\s+of\s+", re.IGNORECASE
)
#: "a joint statement of A, B and C was read out by A": A presents, for B and C.
_JOINT_STATEMENT = re.compile(
    r"\bstatement\s+(?:of|by|on\s+behalf\s+of)\s+(?P<group>[^.;]+?)\s+(?:was|were)\s+(?:read\s+out|delivered|made|"
    r"presented|read)\s+by\s+(?P<reader>[^.;,]+)",
    re.IGNORECASE,
)
_AFTER_NAME = re.compile(r"(?:\s*\([A-Z][\w.&-]{1,12}\))?\)?[¹²³⁴⁵⁶⁷⁸⁹⁰]*\s*,?")
#: Words that join the items of a list read after "by": they become separators.
_JOINERS = re.compile(
    r",?\s+(?:as\s+well\s+as|and)\s+(?:\w+\s+){0,4}?(?:by|from)\s+|,\s+(?:by|from)\s+|\s+(?:jointly|together)\s+with\s+"
    r"|,?\s+as\s+well\s+as\s+"
)
_HONORIFIC_END = re.compile(rf"{HONORIFIC}$")
#: A person's body in brackets after the name, then a list word: " (ILO) and ", " (Chile), ".
_BRACKETED = re.compile(r"\s*\([^()]+\)\s*(?:,\s*(?:and\s+)?|and\s+)?")
#: A person's title between the name and the verb: ", Director of …, " or " of Statistics Sweden ".
_TITLE = re.compile(r"\s*,[^;]*,\s*|\s+(?:of|from)\b[^,;]*")
_BRACKET_CLOSE = re.compile(r"\s*\)\s*")
_BRACKET_OPEN = re.compile(r"\s*\(")
_THROUGH = re.compile(r"\bthrough\s+(?:the\s+)?")
#: Where a list read after "by" ends: a contrasting clause.
_LIST_END = re.compile(r",\s+(?:whereas|while|but)\b|;|:\s")
#: "…, whose representative, Ms. X, …": the person spoke for the agent named last before.
_WHOSE_REPRESENTATIVE_BEFORE = re.compile(rf",\s*whose\s+representatives?,?\s+{HONORIFIC}$")


#: A minutes line of a reply: "Right of reply: A, in response to B" (A replied).
_REPLY_LINE = re.compile(r"^Right\s+(?:of|to)\s+reply\s*:\s*", re.IGNORECASE)
#: A right of reply in the passive: "A right of reply was taken / exercised by A after B's remarks".
_REPLY_TAKEN = re.compile(
    r"\bright\s+(?:of|to)\s+reply\s+(?:was|were)\s+(?:taken|exercised|used|made\s+use\s+of)\s+by\s+", re.IGNORECASE
)
#: Where the one who replied ends and the one replied to begins.
_REPLIED_TO = re.compile(r",?\s+(?:in\s+(?:response|reply)\s+to|after|following|to)\b", re.IGNORECASE)


def _replier(sentence: Sentence, start: int, matcher: Matcher) -> list[Agent]:
    """The agents named from ``start`` to the words that name the one replied to ("…, in response to B")."""
    text = sentence.text
    to = _REPLIED_TO.search(text, start)
    end = to.start() if to else len(text.rstrip(". "))
    return resolve_list(text[start:end], sentence.base + start, matcher)


def replying(passage: Passage, matcher: Matcher) -> list[Agent]:
    """The States and organisations that exercised a right of reply in ``passage``: the subjects of the verbs of
    a sentence that speaks of the right of reply ("Azerbaijan and then Armenia exercised the right of reply",
    "Armenia then responded, likewise exercising its right", "the delegation of X asked for the floor in
    exercise of …"), the one named in a line "Right of reply: A, in response to B" and after "a right of reply was
    taken by". Sentences naming a person are read with the person (participation.py)."""
    found: list[Agent] = []
    for offset, text in sentences(passage.text):
        if not _RIGHT_OF_REPLY.search(text) or honoured_people(text):
            continue
        sentence = read_sentence(text, passage.start + offset, matcher)
        line, taken = _REPLY_LINE.match(text), _REPLY_TAKEN.search(text)
        for cue in (cue for cue in (line, taken) if cue is not None):
            found += [
                agent for agent in _replier(sentence, cue.end(), matcher) if agent.iri not in {a.iri for a in found}
            ]
        for verb in _REPLY_VERB.finditer(text) if not (line or taken) else ():
            found += [agent for agent in subjects(sentence, verb.start()) if agent.iri not in {a.iri for a in found}]
    return found


def _bracketed_people(sentence: Sentence, verb_start: int, matcher: Matcher) -> list[Agent]:
    """People each followed by their State or organisation in brackets, listed right before a speech verb at the
    opening of a clause ("Ms. X (ILO) and Mr. Y (Chile) described …"): each person and their affiliation."""
    chain: list[tuple[str, int, int]] = []
    position = verb_start
    for name, start, end in reversed(sentence.people):
        if end != position or not _BRACKETED.fullmatch(sentence.text[start + len(name) : end]):
            break
        chain.insert(0, (name, start, end))
        position = _HONORIFIC_END.search(sentence.text[:start]).start()  # type: ignore[union-attr]
    if not chain or not CLAUSE_OPENING.search(sentence.text[:position]):
        return []
    found: list[Agent] = []
    for name, start, end in chain:
        title = sentence.text[start + len(name) : end]
        linked = affiliations(title, sentence.base + start + len(name), matcher, True)
        found += [person(name, sentence.base + start, linked), *linked[:1]]
    return found


def _person_in_brackets(sentence: Sentence, verb_start: int) -> list[Agent]:
    """A State or organisation with the person who spoke for it in brackets, right before a speech verb at the
    opening of a clause ("Chile (Mr. X) explained …"): the person, affiliated to it, and it."""
    for name, start, _ in sentence.people:
        if not _BRACKET_CLOSE.fullmatch(sentence.text, start + len(name), verb_start):
            continue
        opening = _HONORIFIC_END.search(sentence.text[:start])
        before = sentence.text[: opening.start()] if opening else ""
        if not before.endswith("("):
            continue
        bodies = [m for m in sentence.agents_outside_titles() if _BRACKET_OPEN.fullmatch(before, m.end)]
        if bodies and CLAUSE_OPENING.search(sentence.text[: bodies[-1].start]):
            body = agent_from_match(bodies[-1], sentence.base)
            return [person(name, sentence.base + start, body), body]
    return []


def _through(sentence: Sentence, verb: re.Match[str]) -> list[Agent]:
    """The agent a speech verb's subject acted through, where the subject is none ("the Budapest Process
    presented its guidance through ICMPD"): the agent named right after "through" in the verb's clause."""
    if sentence.people:
        return []
    through = _THROUGH.search(sentence.text, verb.end(), clause_end(sentence.text, verb.end()))
    named = [m for m in sentence.agents_outside_titles() if through and m.start == through.end()]
    return [agent_from_match(named[0], sentence.base)] if named else []


def _speaking_person(sentence: Sentence, verb_start: int, matcher: Matcher) -> list[Agent]:
    """The person introduced with an honorific and a title at the opening of the clause of a speech verb
    ("Ms. X, Deputy Minister of Interior of Albania, explained …"), with the affiliations of the title; or
    named between commas right before the verb, with the affiliations of the words before ("Speaking for
    Chile, its ambassador, Mr. Y, explained …"); or people with their bodies in brackets."""
    bracketed = _bracketed_people(sentence, verb_start, matcher) or _person_in_brackets(sentence, verb_start)
    if bracketed:
        return bracketed
    for name, start, end in sentence.people:
        title = sentence.text[start + len(name) : verb_start]
        before = _HONORIFIC_END.sub("", sentence.text[:start])
        if end == verb_start and title.strip() == "," and before.rstrip().endswith(","):
            linked = affiliations(before, sentence.base, matcher, True)
            return [person(name, sentence.base + start, linked), *linked[:1]] if linked else []
        if (
            end == verb_start
            and _TITLE.fullmatch(title)
            and CLAUSE_OPENING.search(_HONORIFIC_END.sub("", sentence.text[:start]))
        ):
            linked = affiliations(title.strip(" ,"), sentence.base + start + len(name), matcher, True)
            return [person(name, sentence.base + start, linked), *linked[:1]] if linked else []
    return []


def presentations(
    sentence: Sentence, session: SessionRef, passage: Passage, matcher: Matcher, noun: str = DEFAULT_VOCABULARY.noun
) -> list[Participation]:
    """The presenters of ``sentence`` in ``session``, and those they spoke for (module docstring); ``noun``: the
    nouns of the document's sessions (``SessionVocabulary.noun``)."""
    text = sentence.text
    end = len(text.rstrip(". "))
    found: list[tuple[Agent, tuple[Agent, ...]]] = []
    passive = _passive_presented(noun).search(text)
    if _RIGHT_OF_REPLY.search(text):
        return []  # read by participation.py
    if _WITHDRAWN.search(text):
        return []  # "asked for the floor but withdrew its request": no one spoke
    if passive:
        contrast = _LIST_END.search(text, passive.end())
        end = contrast.start() if contrast else end
    for verb in SPEECH_VERB.finditer(text):
        if passive and passive.start() <= verb.start() < end:
            continue
        speakers = (
            subjects(sentence, verb.start())
            or _speaking_person(sentence, verb.start(), matcher)
            or _through(sentence, verb)
        )
        found += [(agent, _spoken_for(sentence, agent.end - sentence.base, matcher)) for agent in speakers]
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
    for agent, listed in merged.values():
        # no one speaks for itself, and a person speaking for an organisation speaks for their own (PICUM's)
        spoken_for = tuple(o for o in listed if o.iri != agent.iri and (is_state(o) or not agent.person))
        result.append(Participation(session, "presenter", agent, passage, on_behalf_of=spoken_for))
        result += [Participation(session, "on-behalf-of", other, passage, via=agent) for other in spoken_for]
    return result


def _listed_presenters(
    sentence: Sentence, start: int, end: int, matcher: Matcher
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


def _spoken_for_list(sentence: Sentence, behalf: re.Match[str], matcher: Matcher) -> tuple[tuple[Agent, ...], int]:
    """The agents a "(also on behalf of …)", ", speaking for …" or "spoke on behalf of …" names, and where the
    text goes on after it: the closing parenthesis, the next comma after an apposition, or else the end of the
    run of names."""
    text = sentence.text
    if behalf.group("open"):
        close = text.find(")", behalf.end())
        close = len(text) if close < 0 else close
        resume = close + 1
    elif _APPOSITION.search(behalf.group(0)):
        run = run_end(sentence, behalf.end())
        comma = _comma_outside_brackets(text, behalf.end())
        closes_before_verb = _VERB_AFTER_APPOSITION.match(text, run)
        close = resume = run if closes_before_verb or comma < 0 else comma
    else:
        close = resume = run_end(sentence, behalf.end())
    start = behalf.end()
    group = _GROUP.match(text, start)
    if group:  # "for a group of three, itself, A and B": the members
        start = group.end()
        close = resume = run_end(sentence, start)
    restated = _RESTATED.match(text, close)
    if restated:  # "for the Visegrád Group, that is, for Czechia, Poland and Slovakia": the members
        start, close = restated.end(), run_end(sentence, restated.end())
        resume = max(resume, close)
    listed = text[start:close]
    members = _MEMBERS.search(listed)
    if members:  # "the Nordic Five (Denmark, Finland, …)": the members of the group
        start, listed = start + members.start(1), members.group(1)
    listed = _TRAILING_ADVERBIAL.sub("", listed)
    return tuple(resolve_list(listed, sentence.base + start, matcher)), resume


def _comma_outside_brackets(text: str, start: int) -> int:
    """The first comma after ``start`` that no parenthesis opened after ``start`` encloses, or -1."""
    depth = 0
    for index in range(start, len(text)):
        char = text[index]
        depth += (char == "(") - (char == ")" and depth > 0)
        if char == "," and depth == 0:
            return index
    return -1


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


def _spoken_for(sentence: Sentence, after: int, matcher: Matcher) -> tuple[Agent, ...]:
    """Those a subject spoke for, said right after it: "X, speaking also on behalf of A and B," or "X (…)"."""
    text = sentence.text
    behalf = _SPOKEN_FOR.match(text, _AFTER_NAME.match(text, after).end())  # type: ignore[union-attr]
    return _spoken_for_list(sentence, behalf, matcher)[0] if behalf else ()


def _behalf_only(sentence: Sentence, matcher: Matcher) -> list[tuple[Agent, tuple[Agent, ...]]]:
    """ "X's intervention was delivered also on behalf of A and B, and Y's in the name of C": X spoke for A and
    B, Y for C; "a joint statement of X, A and B was read out by X": X spoke for A and B."""
    if sentence.people:
        return []
    found: list[tuple[Agent, tuple[Agent, ...]]] = []
    for cue in _ON_BEHALF.finditer(sentence.text):
        speakers = [m for m in sentence.agents_outside_titles() if m.end <= cue.start()]
        end = run_end(sentence, cue.end())
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

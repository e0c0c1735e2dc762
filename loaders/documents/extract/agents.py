"""Agents named in participant lists and titles: States and organisations of the reference data, new
organisations, and people introduced with an honorific ("H.E. Ms. Elma Saiz, Minister … of Spain").
"""

from __future__ import annotations

import re

from rdflib import URIRef

from gcmkg.graph.core import ids
from gcmkg.loaders.documents.facts import Agent
from gcmkg.loaders.documents.matcher import Kind, Match, Matcher
from gcmkg.loaders.documents.mentions import PERSON_TITLE, mentions

AGENT_KINDS = (Kind.STATE, Kind.ORGANISATION)
#: Capital letters a name may open with: ASCII, Latin-1 and Latin Extended-A/B ("Şahin", "Łukasz").
_UPPER = "A-ZÀ-ÖØ-Þ" + "".join(c for c in map(chr, range(0x100, 0x250)) if c.isupper())
_NAME_WORD = rf"[{_UPPER}][\w'’-]*"
PERSON_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}"
HONORIFIC = rf"(?:H\.\s?E\.\s+(?:{PERSON_TITLE})?|{PERSON_TITLE})"
#: After an honorific, a surname alone names a person too ("Mr. Okafor", "Ms. Lind-Berg").
_HONOURED_PERSON = re.compile(rf"{HONORIFIC}({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})")
# The verbs of reported speech; a title introduced before one ends where it begins.
SPEECH_VERB = re.compile(
    r"\b(?:stressed|expressed|urged|highlighted|underscored|underlined|encouraged|noted|thanked|shared|called|"
    r"emphasi[sz]ed|said|stated|recalled|welcomed|opened|closed|concluded|reiterated|commended|explained|"
    r"presented|delivered|addressed|pointed|reminded|invited|announced|praised|acknowledged|declared|"
    r"affirmed|reaffirmed|spoke|gave|made|provided|asked|argued|outlined|summari[sz]ed|reported|described|"
    r"appealed|observed|warned|insisted|suggested|proposed|recommended|informed|briefed|drew|introduced|"
    r"remarked|added|talked|cautioned|echoed|requested|reflected|given|read|conveyed|discussed|indicated|contributed|"
    r"showcased|illustrated|detailed|offered|set\s+out|took\s+the\s+floor|brought\s+(?:the\s+\w+\s+)?to\s+a\s+close|"
    r"followed\s+with\s+(?:a|an|his|her|their)\s+(?:\w+\s+)?(?:message|statement|address|remarks))\b"
)
SEPARATORS_PATTERN = r"\s*(?:;|,|/|·|\s[–-]\s)\s*"
SEPARATORS = re.compile(SEPARATORS_PATTERN)
LEADING_WORDS = re.compile(r"^(?:and|the|The)\s+")
"""Words a list item or a subject may open with before its name."""
_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z.&-]{1,12})\)\s*$")
_FILLER = frozenset({"and", "the", "on behalf of", "of", "by"})
#: What may stand around the known names of a list item: joining words, an acronym, and the words for a body's
#: staff or office ("the representatives of Canada", "the ECE secretariat" name Canada and ECE).
_CONNECTORS = re.compile(
    r"(?:\s|\band\b|\bthe\b|\bThe\b|\bof\b|&|\([A-Z][A-Za-z.&-]{1,12}\)|\(\s*\)"
    r"|\b(?:representatives?|delegations?|delegates?|secretariats?|itself|themselves)\b)*"
)


def agent_from_match(match: Match, base: int) -> Agent:
    """The agent a known name stands for, its span moved by ``base``."""
    return Agent(match.entity.iri, base + match.start, base + match.end, match.surface)


def new_organisation(name: str, start: int, matcher: Matcher) -> Agent | None:
    """An organisation the reference data does not know, from a list item such as "Name (ACR)"."""
    text = LEADING_WORDS.sub("", name.strip().rstrip("."))
    acronym = _ACRONYM.search(text)
    label = text[: acronym.start()].strip() if acronym else text
    if len(label) < 3 or not label[:1].isupper() or label.lower() in _FILLER:
        return None
    known = matcher.resolve(label)
    if known is not None:
        return Agent(known.iri, start, start + len(text), text)
    return Agent(URIRef(ids.organisation(label)), start, start + len(text), text, label=label)


def resolve_list(text: str, base: int, matcher: Matcher, separators: re.Pattern[str] = SEPARATORS) -> list[Agent]:
    """The States and organisations of a list, in order, each once.

    Known names are found first, so a missing comma between two States ("Netherlands North Macedonia")
    does no harm. The list is then cut into items at separators (; , / –) outside known names; an item
    that holds more than known names and connecting words ("United Nations Resident Coordinator's
    Office") names an organisation of its own. ``separators`` may add joining words of a particular form.
    """
    agents: list[Agent] = []
    for item_start, item, matches in _items(text, matcher, separators):
        leftover = item
        for match in sorted(matches, key=lambda m: -m.start):
            leftover = leftover[: match.start] + " " + leftover[match.end :]
        if matches and _CONNECTORS.fullmatch(leftover):
            agents += [agent_from_match(match, base + item_start) for match in matches]
            continue
        owner = _owner(item, matches)
        if owner is not None:
            agents.append(agent_from_match(owner, base + item_start))
            continue
        lead = len(item) - len(item.lstrip())
        agent = new_organisation(item.strip(), base + item_start + lead, matcher)
        if agent is not None:
            agents.append(agent)
    return unique_agents(agents)


#: A possessive after the name that opens a list item: "IOM's migration data team" is IOM's.
_POSSESSIVE = re.compile(r"[’']s\s+[\w\s-]+$")
_OPENING = re.compile(r"\s*(?:the\s+)?", re.IGNORECASE)


def _owner(item: str, matches: list[Match]) -> Match | None:
    """The known name a list item opens with, when the rest of the item is a unit of it ("UNHCR's regional
    bureau", "IOM's Displacement Tracking Matrix team"), else None."""
    first = min(matches, key=lambda m: m.start, default=None)
    if first is None or not _OPENING.fullmatch(item[: first.start]):
        return None
    return first if _POSSESSIVE.fullmatch(item.rstrip(" ."), first.end) else None


def _items(text: str, matcher: Matcher, separators: re.Pattern[str]) -> list[tuple[int, str, list[Match]]]:
    """(offset, item text, known names in it) for each list item; separators inside names do not cut."""
    matches = [m for m in mentions(text, matcher) if m.entity.kind in AGENT_KINDS]
    inside = [False] * len(text)
    for match in matches:
        inside[match.start : match.end] = [True] * (match.end - match.start)
    cuts = [(sep.start(), sep.end()) for sep in separators.finditer(text) if not any(inside[sep.start() : sep.end()])]
    items: list[tuple[int, str, list[Match]]] = []
    position = 0
    for cut_start, cut_end in [*cuts, (len(text), len(text))]:
        item = text[position:cut_start]
        if item.strip():
            local = [
                Match(m.entity, m.surface, m.start - position, m.end - position)
                for m in matches
                if position <= m.start and m.end <= cut_start
            ]
            items.append((position, item, local))
        position = cut_end
    return items


def is_state(agent: Agent) -> bool:
    """True if ``agent`` is a State."""
    return str(agent.iri).startswith(ids.ID + "state/")


def unique_agents(agents: list[Agent]) -> list[Agent]:
    """``agents`` in order, each IRI once."""
    seen: set[URIRef] = set()
    unique = []
    for agent in agents:
        if agent.iri not in seen:
            seen.add(agent.iri)
            unique.append(agent)
    return unique


def affiliation(text: str, base: int, matcher: Matcher, prefer_state: bool) -> Agent | None:
    """The State or organisation a title names ("Director of the Platform … (PICUM)"; "… of Spain")."""
    found = affiliations(text, base, matcher, prefer_state)
    return found[0] if found else None


#: Where a representative is accredited, which is not whom they represent: "Permanent Representative of
#: Luxembourg to the United Nations Office at Geneva".
_ACCREDITED_TO = re.compile(r"\b(?:Representative|Ambassador|Observer)\b[^,;]*?\bto\s+(?:the\s+)?$")


def affiliations(text: str, base: int, matcher: Matcher, prefer_state: bool) -> tuple[Agent, ...]:
    """The States and organisations a title names, each once: with ``prefer_state``, the State it ends on
    ("… Minister … of Spain"); else every organisation, in order ("Global Campaigns at Building and
    Woodworkers International (BWI), Member of Council of Global Unions (CGU)": two); not the body a
    representative is accredited to ("Ambassador of Chile to the OECD": Chile)."""
    matches = [
        m
        for m in mentions(text, matcher)
        if m.entity.kind in AGENT_KINDS and not _ACCREDITED_TO.search(text[: m.start])
    ]
    states = [m for m in matches if m.entity.kind is Kind.STATE]
    if prefer_state and states:
        return (agent_from_match(states[-1], base),)
    if matches:
        return tuple(unique_agents([agent_from_match(m, base) for m in matches]))
    expanded = _acronym_expansion(text, base)
    return (expanded,) if expanded is not None else ()


def _acronym_expansion(text: str, base: int) -> Agent | None:
    """ "… Senior Policy Analyst Migration Policy Institute (MPI)" → the organisation whose initials are MPI."""
    acronym = _ACRONYM.search(text)
    if not acronym:
        return None
    letters = [c for c in acronym.group(1) if c.isupper()]
    words = text[: acronym.start()].split()
    taken: list[str] = []
    while words and len([w for w in taken if w[:1].isupper()]) < len(letters):
        taken.insert(0, words.pop())
    if [w[0] for w in taken if w[:1].isupper()] != letters:
        return None
    label = " ".join(taken)
    start = base + text.rfind(label, 0, acronym.start())
    return Agent(URIRef(ids.organisation(label)), start, start + len(label), label, label=label)


def person(name: str, start: int, affiliated: Agent | tuple[Agent, ...] | None) -> Agent:
    """A person named at ``start``, with the State(s) or organisation(s) they represent."""
    linked = affiliated if isinstance(affiliated, tuple) else (affiliated,) if affiliated is not None else ()
    return Agent(URIRef(ids.person(name)), start, start + len(name), name, label=name, person=True, affiliations=linked)


def honoured_people(text: str) -> list[tuple[str, int, int]]:
    """People introduced with an honorific: (name, start, end of the title that follows: the next person or
    the next speech verb, whichever comes first)."""
    found = list(_HONOURED_PERSON.finditer(text))
    people = []
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(text)
        verb = SPEECH_VERB.search(text, match.end(1), end)
        people.append((match.group(1), match.start(1), verb.start() if verb else end))
    return people

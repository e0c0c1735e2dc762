"""Initiatives of a fund that a passage describes: the fund, the stage (funded, pipeline, proposal), where.

A programme noun ("joint programme", "programme", "project", "initiative", singular or plural) belongs
to a fund named in the same clause when the words between them link the two: next to each other ("M-MPTF
funded Joint Programme", "the Migration MPTF joint programmes"), or a few words with a funding or pipeline
word ("a Joint Programme funded by the Migration Multi-Partner Trust Fund", "a joint programme admitted to
the pipeline of the M-MPTF", "the Migration MPTF has financed two projects", "has, since 2047, financed a US$ 1.8
million project", "a grant from the British Modern Slavery Innovation Fund"); a concept note put or sent before or to
the fund is a proposal; a programme's next phase ("…, whose second phase … is in the Fund's pipeline") is a row of its
own. "The fund" refers back to the fund last named in the passage. Each noun takes its nearest linked fund, so a
COVID-19 MPTF project is never credited to the Migration MPTF. A fund that pays for work in a State without a
programme noun ("AMIF pays for €2.3 million of the reception work in Moldova") gives one initiative there.

Where: the States (or, when no State is named, a place such as "the Western Balkans") of an "in …"
phrase right before the programme ("In Serbia and North Macedonia, a Joint Programme …") or, else, after
it in the clause ("… Joint Programme in Tajikistan", "… addressed data needs in Serbia"), else the States
that run it ("a shelter run by Chile's labour ministry", "a project with the border police of Bosnia and
Herzegovina"). A singular noun is one initiative in all its
States; a plural noun is one initiative per State or place named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gcmkg.loaders.documents.extract.sentences import sentences
from gcmkg.loaders.documents.facts import InitiativeFact
from gcmkg.loaders.documents.matcher import Entity, Kind, Match
from gcmkg.loaders.documents.segmenting import Passage

_NOUN = re.compile(
    r"\b(?:(?P<joint>[Jj]oint\s+[Pp]rogram(?:me)?s?)|(?P<programme>[Pp]rogram(?:me)?s?)"
    r"|(?P<project>[Pp]rojects?|[Pp]ilots?)|(?P<concept>[Cc]oncept\s+notes?)|(?P<initiative>[Ii]nitiatives?|[Gg]rants?"
    # a programme's next phase: "…, whose second phase is in the Fund's pipeline"
    r"|(?<=\bwhose\s)(?:(?:first|second|third|next|new|follow-up)\s+)?phase"
    # a proposal on its own ("a Tajik proposal"), not the second word of "a programme proposal"
    r"|(?<![Pp]rogramme\s)(?<![Pp]rogram\s)(?<![Pp]roject\s)(?<![Nn]ote\s)[Pp]roposals?))\b"
    r"(?!\s+(?:for|of)\s+(?:the\s+)?(?:proposals|funding|applications)\b)"  # "a call for proposals" is none
)
#: "the fund", and "it" as the subject of a funding verb ("the projects it co-finances").
_THE_FUND = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts)\s+[Ff]und\b(?!\s+(?:for|of|on)\b)"
    r"|\bit(?=\s+(?:also\s+)?(?:co-?)?(?:funds|finances|supports|sponsors)\b)"
)
#: A fund's acronym in brackets after its name: "(Migration MPTF)".
_ACRONYM = r"(?:\s*\([A-Z][\w.&\s-]{1,20}\))?"
_ADJACENT = re.compile(
    rf"^{_ACRONYM}[\"”’']?(?:['’]s)?[\s-]*(?:(?:co-?|seed-)?(?:funded|financed|supported|sponsored|backed)[\s-]*)?$",
    re.IGNORECASE,
)
_FUNDING = (
    r"(?:co-?|[a-z]+-)?(?:fund(?:s|ed|ing)?|financ(?:es|ed|ing)|support(?:s|ed|ing)?|sponsor(?:s|ed)?|backed|"
    r"implemented|pipeline|propos(?:als?|ed)|submitted|admitted|accepted|approved|awarded)"
)
_LINK_AFTER = re.compile(
    rf"^[\s,]+(?:[\w'’-]+[\s,]+){{0,5}}?{_FUNDING}\b(?:[\s,]+[\w'’-]+){{0,4}}?[\s,]+$"
    # the programme of the fund: "a joint programme of the Migration MPTF"
    r"|^\s+of\s+(?:the\s+)?$"
    # a grant from the fund (named with an adjective or a State's possessive: "from the UK's", "from the British")
    r"|^\s+from\s+(?:the\s+)?(?:[A-Z][\w-]*(?:['’]s)?\s+)?$"
    # however long the description, a participle between commas: "a programme in …, seed-funded by the"
    rf"|^[^;:]{{0,120}}?,\s*{_FUNDING}\s+(?:by|through|from|under)\s+(?:the\s+)?$"
    # a grant received from the fund (of a State: "from the United Kingdom's")
    r"|^[\s,]+(?:[\w'’-]+[\s,]+){0,5}?(?:received|obtained|was\s+awarded)\b[^;:]{0,60}?\bfrom\s+(?:the\s+)?"
    r"(?:[A-Z][\w-]*\s+){0,3}?(?:[A-Z][\w-]*['’]s\s+)?$"
)
#: A currency sign before an amount ("US$ 1.8 million", "€2.3 million").
_SIGN = r"(?:US\$|[$€£])"
#: The fund (or "the Fund's Steering Committee") before the programme, a funding word between them; an
#: amount may stand between ("approved a further USD 2.5 million for a").
_LINK_BEFORE = re.compile(
    # an aside between commas may stand before the verb: "has, since 2047, financed"
    rf"^{_ACRONYM}[\"”’']?(?:['’]s)?[\s,]+(?:[\w'’-]+\s+){{0,3}}?(?:[\w'’-]+,\s[^,;:]{{1,30}},\s+)?{_FUNDING}\b"
    r"(?:\s+(?:a\s+further|an\s+additional|another))?"
    rf"(?:\s+(?:an?\s+)?(?:[A-Z]{{3}}\s?|{_SIGN}\s?)[\d.,]+(?:\s+(?:thousand|million|billion))?)?"
    r"(?:\s+[\w'’.,-]+){0,4}?\s+$"
)
#: A programme in a relative clause whose subject is the fund: "the projects (that) it co-finances".
_RELATIVE = re.compile(r"^\s+(?:that\s+|which\s+)?$")
_FUNDING_AFTER = re.compile(r"\s+(?:also\s+)?(?:co-?)?(?:funds|funded|finances|financed|supports|supported|sponsors)\b")
#: A programme sent to the fund: "submitted a concept note on … to the".
_SENT_BEFORE = re.compile(
    r"\b(?:submitted|sent|presented|lodged|filed|put(?:\s+forward)?)\s+(?:(?:a|an|its|their|the|one|two|new)\s+)?$"
)
#: The fund as the one a programme is sent to, before it: "has sent the Migration MPTF a concept note".
_SENT_FUND = re.compile(r"\b(?:submitted|sent|presented|lodged|filed|given)\s+(?:the\s+)?$")
_OBJECT_OPENING = re.compile(r"^\s+(?:(?:a|an|its|their|one|two|new|first|second)\s+)+(?:[\w'’-]+\s+){0,2}$")
_TO_FUND = re.compile(r"^[^;:]{0,120}?\s(?:to|with|before)\s+(?:the\s+)?$")
# A programme that is the subject of a passive predicate naming the fund, however long its description: "A
# regional programme for … , led by UNODC and IOM, has been admitted to the", "… is in the pipeline of the".
_PASSIVE_LINK = re.compile(
    r"\b(?:is|are|was|were|has\s+been|have\s+been|had\s+been|will\s+be|would\s+be|sits?|stands?|remains?)\s+"
    r"(?:(?:also|now|already|recently|since|being|jointly)\s+)*"
    r"(?:(?P<verb>(?:co-?)?(?:funded|financed|supported|sponsored)\s+(?:by|through|from|under)|"
    r"(?:admitted|submitted|accepted|included|placed|shortlisted|short-listed)\s+(?:to|into|in|for))\s+|in\s+)"
    r"(?:the\s+)?(?:pipeline\s+of\s+(?:the\s+)?)?$"
)
_INTO_PIPELINE = re.compile(r"^[\s,]+(?:[\w'’-]+[\s,]+){0,5}?(?:in|into|to)\s+(?:the\s+)?$")
_PIPELINE_AFTER = re.compile(r"(?:['’]s)?\s+pipeline\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:]|\s[–—]\s|\bwhich\b|\bwho\b|\bwhile\b|\bwhereas\b")
#: In the pipeline: admitted to it, or shortlisted and waiting for money.
_PIPELINE = re.compile(r"\b(?:pipeline|shortlisted|short-listed)\b", re.IGNORECASE)
_PROPOSAL = re.compile(r"\b(?:proposals?|proposed|submitted|concept\s+notes?)\b", re.IGNORECASE)
_AFTER_NOUN = re.compile(r"\s+(?:proposals?|submissions?)\b", re.IGNORECASE)
_BEFORE_STATUS = re.compile(
    r"\b(?P<word>proposals?|proposed|submitted|sent|put\s+forward|pipeline)\s+(?:(?:for|of)\s+)?(?:(?:an?|the|its|one|two|three|new)\s+)?$",
    re.IGNORECASE,
)
_LOCATIVE = re.compile(r"\b(?:in|for|across|covering)\s+(?:the\s+)?$", re.IGNORECASE)
#: The body that runs the programme: "run by Peru's labour ministry", "with the border police of Bosnia".
_BY = re.compile(
    r"\b(?:by|with)\s+(?:the\s+)?"
    r"(?:(?!(?:support|help|assistance|backing|funding|contribution|participation|cooperation)\b)[\w-]+\s+){0,3}?"
    r"(?:of\s+(?:the\s+)?)?$"
)
_LIST_GLUE = re.compile(r"^(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|[–—-])$")  # "the Armenia–Georgia programme"
_PLACE = re.compile(
    r"\b(?:in|across|for)\s+(?:the\s+)?(?!(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b)(?P<place>[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*){0,3})"
)
_BEFORE_NOUN = re.compile(r"^\s*,\s*(?:(?:a|an|the|another|one|two|three|its|new|first|second)\s+)*[\w\s'’-]{0,40}$")
# Between States that qualify a programme noun and the noun: at most two lower-case words ("cross-border").
_QUALIFIER = re.compile(r"[\s–—-]+(?:[a-z][\w-]*\s+){0,2}")
# Between the States that are a clause's subject and the programme: a verb and the noun phrase's opening.
_SUBJECT_VERB = re.compile(
    r"\s+(?:(?:has|have|had|also|recently|jointly)\s+)*(?:[a-z]+(?:ed|s)|put(?:\s+forward)?|drawn\s+up|set\s+up)\s+"
    r"(?:(?:a|an|the|its|their|one|two|three|new|first|second)\s+)+(?:[\w'’-]+\s+){0,3}"
)
_MAX_GAP = 160
#: A fund that pays for work without a programme noun: "AMIF pays for … of the reception work in Moldova".
_PAYS_FOR = re.compile(
    r"\s+(?:(?:now|also|still|currently|already|has|have)\s+)*"
    r"(?:pays|paid|finances|financed|co-finances|co-financed|funds|funded|co-funds|co-funded)\s+(?:for\s+)?"
)
#: The fund as the agent of a participle after the work it pays for: "Peru's shelter network, co-funded by the".
_PAID_BY = re.compile(r",\s*(?:co-?)?(?:financed|funded|paid\s+for)\s+by\s+(?:the\s+)?$")
#: A State's possessive: "Peru's".
_POSSESSIVE = re.compile(r"['’]s\b")


@dataclass(frozen=True)
class _Fund:
    entity: Entity
    start: int
    end: int


@dataclass(frozen=True)
class _Location:
    states: tuple[Match, ...]
    place: str | None
    start: int
    end: int


def initiatives(
    passage: Passage, found: list[Match], objectives: tuple[int, ...], antecedent: Entity | None = None
) -> list[InitiativeFact]:
    """The initiatives of a fund that ``passage`` describes.

    ``found`` are the passage's mentions (offsets in the passage text); ``objectives`` those it names;
    ``antecedent`` the fund last named before the passage, which "the Fund" refers to when the passage names none
    before it (the next item of a list).
    """
    text = passage.text
    funds = _funds(text, found, antecedent)
    states = [m for m in found if m.entity.kind is Kind.STATE]
    facts: list[InitiativeFact] = []
    for offset, sentence in sentences(text):
        end = offset + len(sentence)
        linked: set[_Fund] = set()
        for noun in _NOUN.finditer(text, offset, end):
            fund = _linked_fund(text, noun, [f for f in funds if offset <= f.start < end])
            if fund is None:
                continue
            linked.add(fund)
            first, last = min(noun.start(), fund.start), max(noun.end(), fund.end)
            plural = noun.group(0).endswith("s")
            status = _status(text, first, last)
            for location in _locations(text, first, noun, offset, end, states, plural):
                facts.append(_fact(passage, fund, _word(noun), status, location, (first, last), objectives))
        unlinked = [f for f in funds if offset <= f.start < end and f not in linked]
        facts += _paid_work(passage, unlinked, offset, end, states, objectives)
    return _unique(facts)


def _paid_work(
    passage: Passage,
    funds: list[_Fund],
    clause_start: int,
    clause_end: int,
    states: list[Match],
    objectives: tuple[int, ...],
) -> list[InitiativeFact]:
    """Work a fund pays for in a State, without a programme noun: "The AMIF pays for most of the reception work in
    Greece" (one initiative where the work is; none when no State or place is named)."""
    text = passage.text
    facts = []
    for fund in funds:
        owner = _owner(text, fund, clause_start, states)
        if owner is not None:
            facts.append(_fact(passage, fund, "initiative", "funded", owner, (fund.start, fund.end), objectives))
            continue
        pays = _PAYS_FOR.match(text, fund.end)
        if pays is None or _NOUN.search(text, pays.end(), _clause_stop(text, pays.end(), clause_end)):
            continue
        for location in _locations(text, fund.start, pays, clause_start, clause_end, states, False):
            facts.append(_fact(passage, fund, "initiative", "funded", location, (fund.start, pays.end()), objectives))
    return facts


def _owner(text: str, fund: _Fund, clause_start: int, states: list[Match]) -> _Location | None:
    """The State whose work the fund pays for, named by its possessive: right after the verb ("AMIF co-finances
    Peru's shelter network") or opening the clause the fund is the agent of ("Peru's shelter network, co-funded by
    the AMIF, …")."""
    pays = _PAYS_FOR.match(text, fund.end)
    if pays is not None:
        owner = next(
            (m for m in states if m.start >= pays.end() and re.fullmatch(r"(?:the\s+)?", text[pays.end() : m.start])),
            None,
        )
    elif _PAID_BY.search(text, clause_start, fund.start):
        owner = next((m for m in states if clause_start <= m.start and not text[clause_start : m.start].strip()), None)
    else:
        return None
    if owner is None or not _POSSESSIVE.match(text, owner.end):
        return None
    return _Location((owner,), None, owner.start, owner.end + 2)


def _fact(
    passage: Passage,
    fund: _Fund,
    word: str,
    status: str,
    location: _Location,
    described: tuple[int, int],
    objectives: tuple[int, ...],
) -> InitiativeFact:
    """The initiative of ``fund`` at ``location``; its span runs over the words that describe it and the location."""
    start, stop = min(described[0], location.start), max(described[1], location.end)
    return InitiativeFact(
        fund=fund.entity,
        word=word,
        status=status,
        states=tuple(m.entity for m in location.states),
        place=location.place,
        objectives=objectives,
        passage=passage,
        start=passage.start + start,
        end=passage.start + stop,
        surface=passage.text[start:stop],
    )


def _funds(text: str, found: list[Match], antecedent: Entity | None = None) -> list[_Fund]:
    """Every fund named in the passage, and every "the fund" that refers back to the last one named (in the
    passage, else before it: ``antecedent``)."""
    named = [_Fund(m.entity, m.start, m.end) for m in found if m.entity.kind is Kind.FUND]
    anaphors = []
    for anaphor in _THE_FUND.finditer(text):
        earlier = [fund.entity for fund in named if fund.end <= anaphor.start()] or [antecedent]
        if earlier[-1] is not None and not any(f.start <= anaphor.start() < f.end for f in named):
            anaphors.append(_Fund(earlier[-1], anaphor.start(), anaphor.end()))
    return sorted(named + anaphors, key=lambda fund: fund.start)


def _linked_fund(text: str, noun: re.Match[str], funds: list[_Fund]) -> _Fund | None:
    """The nearest fund of the clause that the words between it and the programme noun link to it."""
    linked = []
    for fund in funds:
        span = (fund.end, noun.start()) if fund.end <= noun.start() else (noun.end(), fund.start)
        if fund.end <= noun.start():
            between = text[fund.end : noun.start()]
            ok = (
                _ADJACENT.match(between)
                or _LINK_BEFORE.match(between)
                or (_OBJECT_OPENING.match(between) and _SENT_FUND.search(text, max(0, fund.start - 30), fund.start))
            )
        elif fund.start >= noun.end():
            between = text[noun.end() : fund.start]
            ok = (
                _LINK_AFTER.match(between)
                or _passive_link(text, between, fund)
                or (_INTO_PIPELINE.match(between) and _PIPELINE_AFTER.match(text, fund.end))
                or (_RELATIVE.match(between) and _FUNDING_AFTER.match(text, fund.end))
                or (_TO_FUND.match(between) and _SENT_BEFORE.search(text, max(0, noun.start() - 40), noun.start()))
            )
        else:
            continue
        if ok and len(between) <= _MAX_GAP and not _CLAUSE_BREAK.search(between) and not _NOUN.search(text, *span):
            linked.append((len(between), fund))
    return min(linked, key=lambda pair: pair[0])[1] if linked else None


def _passive_link(text: str, between: str, fund: _Fund) -> bool:
    """Whether ``between`` ends on a passive predicate naming the fund: a verb ("is financed by the"), or
    "in" the fund's pipeline ("is in the pipeline of the", "is in the Migration MPTF pipeline")."""
    passive = _PASSIVE_LINK.search(between)
    if passive is None:
        return False
    return bool(passive.group("verb") or _PIPELINE.search(passive.group(0)) or _PIPELINE_AFTER.match(text, fund.end))


def _status(text: str, first: int, last: int) -> str:
    """funded, or pipeline / proposal when the words linking fund and programme, the word after them
    ("Joint Programme proposal") or the words before them ("a proposal for a … programme") say so."""
    span = text[
        first : last + len(_PIPELINE_AFTER.match(text, last).group(0) if _PIPELINE_AFTER.match(text, last) else "")
    ]
    before = _BEFORE_STATUS.search(text[max(0, first - 40) : first])
    if _PIPELINE.search(span) or (before and before.group("word").lower() == "pipeline"):
        return "pipeline"
    if _PROPOSAL.search(span) or _AFTER_NOUN.match(text, last) or before:
        return "proposal"
    return "funded"


def _word(noun: re.Match[str]) -> str:
    for group in ("joint", "project", "programme"):
        if noun.group(group):
            return {"joint": "joint-programme", "project": "project", "programme": "programme"}[group]
    return "initiative"


def _locations(
    text: str, first: int, noun: re.Match[str], clause_start: int, clause_end: int, states: list[Match], plural: bool
) -> list[_Location]:
    """Where the programme runs: the "in …" phrase right before ``first`` (where the description opens), else
    the States that qualify the noun ("a Kyrgyzstan and Tajikistan joint programme"), else those of "in …"
    phrases after the noun in the clause, else those that run it ("run by Peru's …"), else the States that are
    the clause's subject ("Georgia presented a joint programme proposal")."""
    earlier = _state_lists(text, [m for m in states if clause_start <= m.start and m.end <= first])
    before = [loc for loc in earlier if _BEFORE_NOUN.match(text[loc.end : first]) and _in_front(text, loc)]
    qualifying = [loc for loc in earlier if _QUALIFIER.fullmatch(text, loc.end, noun.start())]
    if before or qualifying:
        chosen = [before[-1] if before else qualifying[-1]]
    else:
        stop = _clause_stop(text, noun.end(), clause_end)
        later = _state_lists(text, [m for m in states if noun.end() <= m.start < stop])
        after = [loc for loc in later if _in_front(text, loc)] or [loc for loc in later if _run_by(text, loc)]
        places = _places(text, noun.end(), stop, after)
        subjects = [loc for loc in earlier[:1] if _is_subject(text, loc, clause_start, first)]
        chosen = sorted(after + places, key=lambda loc: loc.start) or subjects
        if not plural:
            chosen = chosen[:1]
    if plural:
        return [_Location((state,), None, state.start, state.end) for loc in chosen for state in loc.states] + [
            loc for loc in chosen if not loc.states
        ]
    return chosen


def _run_by(text: str, location: _Location) -> bool:
    """Whether the States run the programme: "implemented by Chile", "run by Peru's labour ministry"."""
    return bool(_BY.search(text[max(0, location.start - 50) : location.start]))


def _is_subject(text: str, location: _Location, clause_start: int, first: int) -> bool:
    """Whether the States open the clause (after an introductory phrase ending in a comma at most) and a verb
    and the programme's noun phrase follow them."""
    opening = text[clause_start : location.start].strip()
    return (not opening or opening.endswith(",")) and bool(_SUBJECT_VERB.fullmatch(text, location.end, first))


def _state_lists(text: str, states: list[Match]) -> list[_Location]:
    """Coordinated States ("Serbia and North Macedonia", "A, B and C") grouped into one location each."""
    groups: list[list[Match]] = []
    for state in states:
        if groups and _LIST_GLUE.match(text[groups[-1][-1].end : state.start]):
            groups[-1].append(state)
        else:
            groups.append([state])
    return [_Location(tuple(group), None, group[0].start, group[-1].end) for group in groups]


def _in_front(text: str, location: _Location) -> bool:
    """Whether an "in", "for", "across" or "covering" stands right before the location."""
    return bool(_LOCATIVE.search(text[max(0, location.start - 20) : location.start]))


def _clause_stop(text: str, start: int, clause_end: int) -> int:
    """Where the clause after the programme ends: a clause break or the next programme noun."""
    stops = [clause_end]
    for pattern in (_CLAUSE_BREAK, _NOUN):
        found = pattern.search(text, start, clause_end)
        if found:
            stops.append(found.start())
    return min(stops)


def _places(text: str, start: int, stop: int, located: list[_Location]) -> list[_Location]:
    """Places that are not States ("in the Western Balkans"), when no State is named in the clause."""
    if located:
        return []
    found = _PLACE.search(text, start, stop)
    if found is None:
        return []
    return [_Location((), found.group("place"), found.start("place"), found.end("place"))]


def _unique(facts: list[InitiativeFact]) -> list[InitiativeFact]:
    seen: set[tuple[object, ...]] = set()
    unique = []
    for fact in facts:
        key = (fact.fund.iri, fact.states, fact.place, fact.status, fact.start)
        if key not in seen:
            seen.add(key)
            unique.append(fact)
    return unique

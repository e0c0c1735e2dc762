"""Reading the clauses of one sentence: which names are the subjects of a verb, and where a list of names ends.

A subject is a run of known names just before the verb, joined only by list words ("Austria, Italy and the
Republic of Moldova presented …"), that opens its clause (after the sentence's start, a comma, "and", "while"
…, or "the representative of"). An aside between the names and the verb, saying whom they also spoke for
("Finland (speaking also for Denmark) described", "Sweden, which spoke also for Denmark and Norway, described"),
a participle clause (", drawing on its latest report,") or an apposition (", a champion country,"), is skipped,
and its names are no subjects; names that are no agent (a process) may stand in the run but are not returned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gcmkg.loaders.documents.extract.agents import (
    AGENT_KINDS,
    HONORIFIC,
    SPEECH_VERB,
    agent_from_match,
    honoured_people,
)
from gcmkg.loaders.documents.facts import Agent
from gcmkg.loaders.documents.matcher import Match, Matcher
from gcmkg.loaders.documents.mentions import mentions

#: What may stand between two names of one list, or between a name and the verb it is the subject of.
_LIST_GAP = re.compile(
    r"(?:\s|,|[()]|[¹²³⁴⁵⁶⁷⁸⁹⁰]|\band\b|\bor\b|\bthe\b|\bThe\b|\bas\s+well\s+as\b|\b(?:jointly|together)\s+with\b|"
    r"\([A-Z][\w.&-]{1,12}\)|[’']s\b|\b(?:also|each|both|jointly|together|then|further|in\s+turn)\b|"
    r"\b(?:secretariat|representatives?|delegations?|delegates?)\s+of\b|\b(?:itself|themselves)\b)*"
)
#: What may open a sentence (after its sub-paragraph mark, "(b)") or a clause before its subjects.
CLAUSE_OPENING = re.compile(
    r"(?:^(?:\s*\(\w{1,3}\))?|[.,;:–—]|\s-|\band|\bwhile|\bwhereas|\bthat|\bwhich|\bwith)\s*(?:the\s+)?"
    r"(?:(?:the\s+)?(?:representatives?|delegations?|delegates?)\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
#: An aside saying whom a subject also spoke for, skipped when reading the subjects of a verb.
_ASIDE = re.compile(
    r"\([^()]*\b(?:behalf|for)\b[^()]*\)"
    r"|,\s*(?:the\s+latter\s+)?(?:(?:also|as\s+well)\s+)?(?:speaking|representing|which|who|whose|on\s+behalf\s+of|in\s+the\s+name\s+of)"
    r"\b[^.;]*?,"
    rf"(?=\s*(?:(?:also|then|further)\s+)?{SPEECH_VERB.pattern})"
    r"|,\s*\w+ing\b[^,;.]*,|,\s*(?:a|an)\s+[^,;.()]*,"
)
_CLAUSE_END = re.compile(
    r",\s+(?:which|who|whose|while|whereas|with)\b|;|\.(?:\s|$)|\s+and\s+(?:was\s+|were\s+)?[a-z]+ed\b"
    rf"|,?\s+(?:and\s+)?(?={HONORIFIC})|,\s+and\s+(?=[a-z])(?!the\s)"
)


@dataclass(frozen=True)
class Sentence:
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


def read_sentence(text: str, base: int, matcher: Matcher) -> Sentence:
    """``text``, a sentence at document offset ``base``, with its known names and the people it introduces."""
    found = mentions(text, matcher)
    return Sentence(
        text,
        base,
        [m for m in found if m.entity.kind in AGENT_KINDS],
        honoured_people(text),
        tuple(m for m in found if m.entity.kind not in AGENT_KINDS),
    )


def clause_end(text: str, start: int) -> int:
    """Where a list that starts at ``start`` ends: a relative clause, a semicolon or the sentence's end."""
    end = _CLAUSE_END.search(text, start)
    return end.start() if end else len(text.rstrip(". "))


def subjects(sentence: Sentence, verb_start: int) -> list[Agent]:
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
    while subjects and not CLAUSE_OPENING.search(sentence.text[: subjects[0].start]):
        subjects.pop(0)
    return [agent_from_match(m, sentence.base) for m in subjects if m.entity.kind in AGENT_KINDS]


def run_end(sentence: Sentence, start: int) -> int:
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

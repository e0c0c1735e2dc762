"""Contributions to a review that a document ties to a forum but to no session.

A sentence that opens with a forum of the review ("Within the roundtable discussions, …", "In the
multi-stakeholder consultation, …", "During the plenary, …") and names who spoke: the State or organisation
after "by" or "by representatives from" the speech verb ("participants were reminded by OHCHR"), else the
first one before the verb ("the … (OSCE) noted plans"). The forum is kept as written.
"""

from __future__ import annotations

import re

from gcmkg.loaders.documents.extract.agents import AGENT_KINDS
from gcmkg.loaders.documents.extract.sentences import sentences
from gcmkg.loaders.documents.facts import Agent, Contribution
from gcmkg.loaders.documents.matcher import Match
from gcmkg.loaders.documents.segmenting import Passage

_FORUM = re.compile(
    r"^(?:Within|In|During|At)\s+the\s+(?P<forum>(?:[\w-]+\s+){0,3}?"
    r"(?:discussions?|consultations?|roundtables?|hearings?|plenary|plenaries|dialogues?|interventions|"
    r"submissions|deliberations|exchanges|segments?))\s*,\s*",
    re.IGNORECASE,
)
_VERB = re.compile(
    r"\b(?:noted|reminded|highlighted|stressed|emphasi[sz]ed|underlined|underscored|recalled|reported|shared|"
    r"presented|mentioned|pointed|called|urged|raised|described|explained|announced|welcomed|expressed|"
    r"cautioned|warned|proposed|suggested)\b"
)
_BY = re.compile(r"\s+(?:\w+\s+){0,2}?by\s+(?:(?:the\s+)?representatives?\s+(?:from|of)\s+)?(?:the\s+)?$")


def contributions(passage: Passage, year: int, found: list[Match]) -> list[Contribution]:
    """The contributions ``passage`` states; ``found`` are its mentions (offsets in the passage text)."""
    results: list[Contribution] = []
    for offset, sentence in sentences(passage.text):
        forum = _FORUM.match(sentence)
        verb = _VERB.search(sentence, forum.end()) if forum else None
        if forum is None or verb is None:
            continue
        start, end = offset + forum.end(), offset + len(sentence)
        agents = [m for m in found if start <= m.start < end and m.entity.kind in AGENT_KINDS]
        after = [
            m
            for m in agents
            if m.start >= offset + verb.end() and _BY.fullmatch(" " + passage.text[offset + verb.end() : m.start])
        ]
        before = [m for m in agents if m.end <= offset + verb.start()]
        chosen = after[:1] or before[:1]
        for match in chosen:
            agent = Agent(match.entity.iri, passage.start + match.start, passage.start + match.end, match.surface)
            results.append(Contribution(year, agent, forum.group("forum"), passage))
    return results

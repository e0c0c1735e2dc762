"""Initiatives a passage describes: a joint programme or project, the fund that finances it, the State.

"a Joint Programme funded by the Migration Multi-Partner Trust Fund … in North Macedonia",
"A COVID-19 MPTF-funded Project in Kazakhstan", "initiatives supported by the fund … in Tajikistan".
The fund is the one named in the sentence (or, for "the fund", the last one named before it in the
passage), never another; proposals and pipelines are not funded initiatives.
"""

from __future__ import annotations

import re

from gcmkg.loaders.documents.extract.sentences import sentences
from gcmkg.loaders.documents.facts import InitiativeFact
from gcmkg.loaders.documents.matcher import Kind, Match, Matcher
from gcmkg.loaders.documents.segmenting import Passage

_TYPE = re.compile(r"\b(joint\s+programmes?|projects?|initiatives?)\b", re.IGNORECASE)
_FUNDING = re.compile(r"\b(?:funded|supported|financed)\b", re.IGNORECASE)
_NOT_FUNDED = re.compile(r"\b(?:pipeline|proposals?)\b", re.IGNORECASE)
_THE_FUND = re.compile(r"\bthe\s+fund\b", re.IGNORECASE)
_IN_BEFORE = re.compile(r"\bin\s+(?:the\s+)?$")


def _kind(word: str) -> str:
    lowered = word.lower()
    if lowered.startswith("joint"):
        return "joint-programme"
    return "project" if lowered.startswith("project") else "initiative"


def _nearest(funds: list[Match], position: int) -> Match:
    return min(funds, key=lambda fund: abs(fund.start - position))


def initiatives(passage: Passage, matcher: Matcher, objectives: tuple[int, ...]) -> list[InitiativeFact]:
    """The funded initiatives ``passage`` describes, one per (fund, type, State)."""
    found: list[InitiativeFact] = []
    earlier_funds: list[Match] = []
    for _offset, sentence in sentences(passage.text):
        matches = matcher.find(sentence)
        funds = [m for m in matches if m.entity.kind is Kind.FUND]
        kind_word = _TYPE.search(sentence)
        fund = _nearest(funds, kind_word.start()) if funds and kind_word else None
        if fund is None and earlier_funds and _THE_FUND.search(sentence):
            fund = earlier_funds[-1]
        earlier_funds += funds
        if fund is None or kind_word is None or not _FUNDING.search(sentence) or _NOT_FUNDED.search(sentence):
            continue
        for state in (m for m in matches if m.entity.kind is Kind.STATE):
            if _IN_BEFORE.search(sentence[: state.start]):
                found.append(
                    InitiativeFact(
                        fund.entity.iri,
                        fund.entity.label,
                        _kind(kind_word.group(1)),
                        state.entity.iri,
                        state.entity.label,
                        objectives,
                        passage,
                    )
                )
    return found

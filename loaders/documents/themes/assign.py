"""One document's passages → the guiding principles they name and the objectives they are classified under.

The scope of a passage is the objectives of the session it belongs to, as the document states them: a
background note's session, a report's session section; a passage of an "Objective N: ..." section (the
annex of a report) takes the objectives of the session that covered objective N. Where no session applies,
the scope is all 23 objectives. A passage that names objectives or is headed by one (explicit links) is not
classified (classifier.py): the classified links only add. The names of entities are blanked out of the text the
classifier reads: "UN Women", "the International Detention Coalition" or "the Missing Migrants Project" name an
organisation or an initiative, they do not discuss women, detention or missing migrants.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from gcmkg.loaders.documents.extraction import DocumentFacts
from gcmkg.loaders.documents.facts import SessionRef
from gcmkg.loaders.documents.headings import HeadingKind
from gcmkg.loaders.documents.segmenting import Passage
from gcmkg.loaders.documents.themes.classifier import Classified, ObjectiveClassifier
from gcmkg.loaders.documents.themes.principles import PrincipleFinder, PrincipleMention

SESSION_SCOPE = "session"
ALL_SCOPE = "all-objectives"


@dataclass(frozen=True)
class Themes:
    """What reads themes in a document: the principle phrasings and the objective classifier."""

    principles: PrincipleFinder
    objectives: ObjectiveClassifier


@dataclass
class DocumentThemes:
    """Per passage number: principle mentions (document offsets), classified objectives and their scope."""

    principles: dict[int, list[PrincipleMention]] = field(default_factory=dict)
    classified: dict[int, list[Classified]] = field(default_factory=dict)
    scope: dict[int, str] = field(default_factory=dict)


def _session_scopes(facts: DocumentFacts) -> dict[SessionRef, tuple[int, ...]]:
    scopes: dict[SessionRef, set[int]] = {}
    for statement in facts.sessions:
        scopes.setdefault(statement.session, set()).update(statement.objectives)
    return {session: tuple(sorted(numbers)) for session, numbers in scopes.items()}


def _scope(passage: Passage, facts: DocumentFacts, scopes: dict[SessionRef, tuple[int, ...]]) -> tuple[int, ...]:
    """The objectives of the passage's session (see the module docstring); empty: all 23."""
    session = facts.passage_sessions.get(passage.number) or facts.session
    if session is not None and session in scopes:
        return scopes[session]
    heading = passage.section.heading if passage.section else None
    if heading is not None and heading.kind is HeadingKind.OBJECTIVE and heading.number:
        covering = sorted({n for numbers in scopes.values() if heading.number in numbers for n in numbers})
        return tuple(covering)
    return ()


def without_names(text: str, names: Sequence[tuple[int, int]]) -> str:
    """``text`` with the spans ``names`` (start, end) blanked out, each character a space: what the classifier reads."""
    for start, end in sorted(names, reverse=True):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def document_themes(facts: DocumentFacts, themes: Themes) -> DocumentThemes:
    """The principles and classified objectives of every passage of one document."""
    passages = facts.segmented.passages
    found = DocumentThemes()
    scopes = _session_scopes(facts)
    names_of = {
        passage.number: [
            (m.start - passage.start, m.end - passage.start) for m in facts.mentions.get(passage.number, [])
        ]
        for passage in passages
    }
    texts = [without_names(passage.text, names_of[passage.number]) for passage in passages]
    scores = themes.objectives.scores(texts) if passages else None
    for index, passage in enumerate(passages):
        names = names_of[passage.number]
        local = themes.principles.find(passage.text, names)
        found.principles[passage.number] = [mention.shifted(passage.start) for mention in local]
        scope = _scope(passage, facts, scopes)
        explicit = set(facts.objectives.get(passage.number, []))
        found.classified[passage.number] = themes.objectives.classify(scores[index], scope, explicit)  # type: ignore[index]
        found.scope[passage.number] = SESSION_SCOPE if scope else ALL_SCOPE
    return found

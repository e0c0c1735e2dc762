"""References by role to an agent the document names elsewhere: "the member State speaker opening the session".

In a passage about a session, "the member State speaker" (or "the Member State Speaker") is the State that
the document gives as that session's speaker ("Member State Speaker: Sweden"); the phrase becomes a mention
of that State. When the session has no speaker State, or several, the phrase refers to nothing.
"""

from __future__ import annotations

import re

from gcmkg.graph.core import ids
from gcmkg.loaders.documents.facts import Participation, SessionRef
from gcmkg.loaders.documents.matcher import Match, Matcher
from gcmkg.loaders.documents.segmenting import Passage

_SPEAKER = re.compile(r"\b[Tt]he\s+[Mm]ember\s+State\s+[Ss]peaker\b")


def speaker_references(
    passage: Passage, session: SessionRef, participations: list[Participation], matcher: Matcher
) -> list[Match]:
    """Mentions (document offsets) of the session's speaker State where ``passage`` refers to it by role."""
    states = {
        p.agent.iri
        for p in participations
        if p.event == session and p.role == "speaker" and str(p.agent.iri).startswith(ids.ID + "state/")
    }
    entity = matcher.entity(next(iter(states))) if len(states) == 1 else None
    if entity is None:
        return []
    return [
        Match(entity, found.group(0), passage.start + found.start(), passage.start + found.end())
        for found in _SPEAKER.finditer(passage.text)
    ]

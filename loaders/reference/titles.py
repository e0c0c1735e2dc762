"""An objective's title as a document writes it: any case, any spacing, a hyphen or a dash where the title has a
space, "&" for "and" ("Strengthen international cooperation & global partnerships for …")."""

from __future__ import annotations

import re
from collections.abc import Mapping

#: What may stand between two words of a phrase: spaces, a line break, a hyphen or a dash.
WORD_GAP = r"[\s\-‐‑–]+"


def titles_pattern(titles: Mapping[int, str]) -> re.Pattern[str]:
    """One pattern for every title of ``titles`` (objective number → title), longest first; the group that
    matched, ``o{N}``, names objective N."""
    ordered = sorted(titles.items(), key=lambda item: (-len(item[1]), item[0]))
    alternatives = "|".join(f"(?P<o{number}>{_title(title)})" for number, title in ordered)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def matched_objective(match: re.Match[str]) -> int:
    """The objective whose title ``match`` (of :func:`titles_pattern`) found."""
    return int((match.lastgroup or "o0")[1:])


def _title(title: str) -> str:
    words = re.split(WORD_GAP, title.strip())
    return WORD_GAP.join(r"(?:and|&)" if word.casefold() == "and" else re.escape(word) for word in words)

"""A document's metadata: from its manifest row, or inferred from its first lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from gcmkg.loaders.documents.headings import HeadingKind
from gcmkg.loaders.documents.segmenting import Segmented
from gcmkg.loaders.documents.sessionnames import DEFAULT_VOCABULARY, SessionVocabulary
from gcmkg.loaders.table import Row

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_YEAR = re.compile(rf"\b\d{{1,2}}(?:\s*(?:-|–|and)\s*\d{{1,2}})?\s+(?:{_MONTHS})\s+((?:19|20)\d\d)\b")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: A word for a summary: "Summary of …", "Key takeaways: …", "Key messages from …".
_SUMMARY = r"\b(?:summary|takeaways|key\s+messages)\b"


@cache
def _kind_cues(named: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """What a title line says the document is, tried in this order on each line of the head: the first line that
    matches one decides. A summary is of one session when its title names one (``named``, the pattern of a
    session name: "Summary of Session 3"), and so are the messages of one ("Messages from Clinic C2")."""
    return (
        (
            re.compile(
                r"^(?:annotated\s+|provisional\s+|draft\s+)*(?:agenda|programme|program)\b"
                r"|[:—–]\s*(?:annotated\s+|provisional\s+|draft\s+)*(?:agenda|programme|program)\s*$",
                re.IGNORECASE,
            ),
            "agenda",
        ),
        (
            re.compile(
                r"\b(?:background|concept|discussion|issues?|information|scoping|policy|framing)\s+"
                r"(?:note|paper|brief)\b",
                re.IGNORECASE,
            ),
            "background-note",
        ),
        (
            re.compile(
                r"^(?!(?:the|this|that|a|an|its|our|their|each)\b)(?:[\w'’-]+\s+){0,2}report\b"
                r"|[:—–]\s*(?:[\w'’-]+\s+){0,2}report\s*$"
                r"|\b(?:summary|final|outcome)\s+report\b|^executive\s+summary\b",
                re.IGNORECASE,
            ),
            "report",
        ),
        (
            re.compile(
                rf"{_SUMMARY}.*(?:{named}|\b(?:a|one)\s+(?:thematic\s+)?session\b)|{named}.*{_SUMMARY}"
                rf"|\bmessages\s+(?:from|of)\s+(?:the\s+)?(?:{named})",
                re.IGNORECASE,
            ),
            "session-summary",
        ),
        (re.compile(_SUMMARY, re.IGNORECASE), "summary"),
    )


#: The kinds a manifest may give a document: those a title can name, and "document" (no kind known).
DOCUMENT_KINDS = (
    *dict.fromkeys(kind for _, kind in _kind_cues(DEFAULT_VOCABULARY.named.pattern)),
    "executive-summary",
    "document",
)
#: Kinds of documents written for or about one session: a session their title names is theirs.
ONE_SESSION_KINDS = ("background-note", "session-summary")
#: A summary that names no session in its title: of one session if its text is about one, else of the review.
SUMMARY = "summary"
#: Title lines are short: a line of more words is prose, whose "report" or "agenda" says nothing of the document.
_TITLE_WORDS = 30
HEAD_CHARACTERS = 2000


@dataclass(frozen=True)
class DocumentMeta:
    identifier: str
    title: str
    kind: str
    year: int | None
    date: str | None = None
    language: str | None = None


#: The masthead is at most this many passages: the cover lines of a UN document (distribution, language, symbol),
#: a title over two or three lines, the session, the place and date.
_MASTHEAD_PASSAGES = 8
_SENTENCE = re.compile(r"[.!?][)\]”’\"']?$|[.!?]\s+[A-Z]")


def masthead(segmented: Segmented) -> frozenset[int]:
    """The passages of the document's masthead: its title lines and place/date line, the leading passages under
    no heading or a title heading that are short and no sentence ("Report of the … on its second session",
    "Geneva, 11 March 2024"). They say what the document is, not what it discusses: the gold's conventions count
    no mention in them."""
    found = set()
    for passage in segmented.passages[:_MASTHEAD_PASSAGES]:
        text = passage.text.strip()
        under_heading = passage.section is not None and passage.section.heading.kind is not HeadingKind.TITLE
        if under_heading or len(text.split()) > _TITLE_WORDS or _SENTENCE.search(text):
            break
        found.add(passage.number)
    return frozenset(found)


def settled_kind(meta: DocumentMeta, about_one_session: bool) -> DocumentMeta:
    """``meta`` with a summary's kind settled: ``session-summary`` if the document is about one session, else
    ``report``; other kinds unchanged."""
    if meta.kind != SUMMARY:
        return meta
    return replace(meta, kind="session-summary" if about_one_session else "report")


def _first_title(segmented: Segmented) -> str:
    if segmented.sections and segmented.sections[0].start == 0:
        return segmented.sections[0].heading.text
    return segmented.text.split("\n", 1)[0].strip()


def _inferred_year(head: str) -> int | None:
    found = _DATE_YEAR.search(head)
    return int(found.group(1)) if found else None


def title_and_kind(head: str, vocabulary: SessionVocabulary = DEFAULT_VOCABULARY) -> tuple[str | None, str]:
    """The first title line with a cue, and the kind it names ("Provisional agenda", "Summary of Session 3", …);
    ``vocabulary``: the nouns of the document's sessions."""
    for line in head.split("\n"):
        words = line.split()
        if not words or len(words) > _TITLE_WORDS:
            continue
        for cue, kind in _kind_cues(vocabulary.named.pattern):
            if cue.search(line.strip()):
                return " ".join(words), kind
    return None, "document"


def describe(
    identifier: str, segmented: Segmented, row: Row | None, vocabulary: SessionVocabulary = DEFAULT_VOCABULARY
) -> DocumentMeta:
    """The manifest's description of the document where there is a row, else what its text says: its title is
    the title line that says what it is ("Report of the Regional Review … on its fifth session"), else its
    first heading or line (``vocabulary``: the nouns of the document's sessions)."""
    head = segmented.text[:HEAD_CHARACTERS]
    if row is None:
        title, kind = title_and_kind(head, vocabulary)
        return DocumentMeta(identifier, title or _first_title(segmented), kind, _inferred_year(head))
    date = row.text("date")
    if not _ISO_DATE.match(date):
        raise row.error(f"date {date!r} is not YYYY-MM-DD")
    kind = row.choice("kind", DOCUMENT_KINDS)
    return DocumentMeta(identifier, row.text("title"), kind, int(date[:4]), date, row.text("language"))

"""Cleaned blocks → one cleaned text with sections, passages and footnotes located in it by offsets.

The cleaned text is the body blocks in reading order joined by a blank line, then the footnotes in printed order
(numbered ones, then lettered ones); footnote marks are taken out of the text and kept as offsets in their passage.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from gcmkg.loaders.documents.cleaning import CleanedText
from gcmkg.loaders.documents.headings import Heading
from gcmkg.loaders.documents.markup import MARK

SEPARATOR = "\n\n"


@dataclass(frozen=True)
class FootnoteRef:
    """A footnote mark: the footnote's label as printed ("3", "a") and the text offset where the mark stood."""

    label: str
    offset: int


@dataclass
class Section:
    number: int
    heading: Heading
    start: int
    end: int


@dataclass(frozen=True)
class Passage:
    number: int
    text: str
    start: int
    end: int
    section: Section | None
    refs: tuple[FootnoteRef, ...] = ()
    table_row: bool = False


@dataclass(frozen=True)
class Footnote:
    """A footnote: its label as printed ("3", "a"), its text and where it stands in the cleaned text."""

    label: str
    text: str
    start: int
    end: int


@dataclass
class Segmented:
    """A document's cleaned text and the parts located in it."""

    text: str
    sections: list[Section] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)


def _unmark(text: str, base: int) -> tuple[str, tuple[FootnoteRef, ...]]:
    """``text`` without its footnote marks (and the space a mark leaves doubled), and where they stood."""
    parts: list[str] = []
    refs: list[FootnoteRef] = []
    length = 0
    position = 0
    for match in MARK.finditer(text):
        chunk = text[position : match.start()]
        following = text[match.end() : match.end() + 1]
        if chunk.endswith(" ") and following in (" ", ""):
            chunk = chunk[:-1]
        parts.append(chunk)
        length += len(chunk)
        refs.append(FootnoteRef(match.group(1), base + length))
        position = match.end()
    parts.append(text[position:])
    return "".join(parts).rstrip(), tuple(refs)


def segment(cleaned: CleanedText) -> Segmented:
    """Sections (one per heading), passages (every other block) and footnotes, with their offsets."""
    result = Segmented(text="")
    pieces: list[str] = []
    offset = 0
    section: Section | None = None

    def place(text: str) -> int:
        nonlocal offset
        if pieces:
            pieces.append(SEPARATOR)
            offset += len(SEPARATOR)
        start = offset
        pieces.append(text)
        offset += len(text)
        return start

    for block in cleaned.blocks:
        text, refs = _unmark(block.text, 0)
        if not text:
            continue
        start = place(text)
        if block.heading is not None:
            section = Section(
                len(result.sections) + 1,
                replace(block.heading, text=text),
                start,
                start + len(text),
            )
            result.sections.append(section)
            continue
        if section is not None:
            section.end = start + len(text)
        located = tuple(FootnoteRef(ref.label, start + ref.offset) for ref in refs)
        result.passages.append(
            Passage(len(result.passages) + 1, text, start, start + len(text), section, located, block.table_row)
        )
    for label, note in cleaned.footnotes.items():
        text, _ = _unmark(note, 0)
        if text:
            start = place(text)
            result.footnotes.append(Footnote(label, text, start, start + len(text)))
    result.text = "".join(pieces)
    return result

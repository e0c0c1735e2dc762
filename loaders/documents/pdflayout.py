"""A PDF's pages, as laid out, → text in the corpus's conventions: body paragraphs, footnote marks, footnotes.

pypdf reports each piece of text with its position and font size. From those, per document:

- **lines** are the pieces that share a baseline, footnote marks written as superscripts (``pdfpieces.py``);
- **tables** are written as rows of tab-separated cells (``pdftables.py``);
- the **body size** is the font size most of the text is set in; a line set larger is a title (``# …``);
- **page furniture** (running headers, footers, page and job numbers) goes: lines repeated at the top or
  foot of the pages (``furniture.py``);
- **footnotes** are the lines at a page's foot set smaller than the body, from the first one that opens with
  a number: each becomes a definition ("¹ https://…") placed after the paragraph that cites it, even when that
  paragraph goes on over the page;
- **paragraphs** end where the space between two lines is larger than the document's line spacing, after a
  line much shorter than the usual one, and before a line that reads as a heading; lines of a paragraph are
  joined, a word hyphenated at a line end is joined again (the hyphen is kept where the document writes the
  word with a hyphen elsewhere, where the part before it is already a compound ("whole-of-|government"), in
  a web address, and before a capital: "Directorate-|General"); a paragraph cut by a page break goes on
  when the page's last line does not end a sentence or introduce a list, or the next page opens in lower
  case.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from gcmkg.loaders.documents.furniture import EDGE_LINES, furniture
from gcmkg.loaders.documents.headings import classify, is_list_item
from gcmkg.loaders.documents.pdfpieces import SUPERSCRIPT, Line, Page, lines_of
from gcmkg.loaders.documents.pdftables import grid, with_tables

#: Footnotes are set at most this share of the body's size.
FOOTNOTE_SHARE = 0.96
#: A small line this many of its own heights below the line above it is set apart: a footer.
FOOTER_GAP = 2.5
#: A line set this much larger than the body is a title.
TITLE_SHARE = 1.15
#: A gap between two lines this much larger than the usual line spacing separates paragraphs.
PARAGRAPH_GAP = 1.35
#: Where paragraphs are not spaced apart: a line shorter than this share of the usual line ends its paragraph.
SHORT_LINE_SHARE = 0.6
_NOTE = re.compile("^[⁰¹²³⁴⁵⁶⁷⁸⁹]+ ")
_PLAIN_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_FOOTNOTE_START = re.compile(r"^\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|\d{1,3})(?=\s*\S)\s*(.*)$")
_SENTENCE_END = re.compile(r"[.!?:;][”\"’)]*[⁰¹²³⁴⁵⁶⁷⁸⁹]*$")
#: A paragraph the page ends with goes on over the page unless it ends a sentence or introduces a list.
_PARAGRAPH_END = re.compile(r"[.!?:][”\"’)]*[⁰¹²³⁴⁵⁶⁷⁸⁹]*$")
_HYPHENATED = re.compile(r"(\w+)-$")
#: The tens of a compound number word ("twenty-|two"): the hyphen is the word's own.
_TENS = re.compile(r"(?:twen|thir|for|fif|six|seven|eigh|nine)ty", re.IGNORECASE)
_WORD = re.compile(r"[\w-]+")


def _width(pages: Sequence[Page]) -> float:
    """The pages' most common width."""
    return Counter(round(page.width) for page in pages).most_common(1)[0][0] if pages else 595.0


def _body_size(pages: Sequence[Sequence[Line]]) -> float:
    weights: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            weights[line.size] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 0.0


def _without_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    repeated = furniture([[line.text for line in lines] for lines in pages])
    kept = []
    for lines in pages:
        edges = {id(line) for line in lines[:EDGE_LINES] + lines[-EDGE_LINES:]}
        kept.append([line for line in lines if not (id(line) in edges and repeated.covers(line.text))])
    return kept


def _split_footnotes(lines: list[Line], body: float, hyphenated_words: set[str]) -> tuple[list[Line], list[str]]:
    """(body lines, footnote definitions) of one page: the small lines at its foot from the first numbered one.

    A small line set apart below the body or the footnotes (more than FOOTER_GAP line heights) is the page's
    footer, such as a job number printed on the first page only, and goes.
    """
    start = len(lines)
    while start > 0 and lines[start - 1].size <= FOOTNOTE_SHARE * body:
        start -= 1
    while start < len(lines) and not _FOOTNOTE_START.match(lines[start].text):
        start += 1
    notes: list[str] = []
    for previous, line in zip([None, *lines[start:]], lines[start:], strict=False):
        opening = _FOOTNOTE_START.match(line.text)
        if previous is not None and previous.main.y - line.main.y > FOOTER_GAP * line.size:
            break
        if opening:
            number = opening.group(1).translate(_PLAIN_DIGITS).translate(SUPERSCRIPT)
            notes.append(f"{number} {opening.group(2)}")
        else:
            notes[-1] = _joined(notes[-1], line.text, hyphenated_words)
    return _without_footer(lines[:start], body), notes


def _without_footer(lines: list[Line], body: float) -> list[Line]:
    """The lines without the small ones set apart at their end."""
    end = len(lines)
    while end > 1 and lines[end - 1].size <= FOOTNOTE_SHARE * body:
        end -= 1
    for index in range(max(end, 1), len(lines)):
        if lines[index - 1].main.y - lines[index].main.y > FOOTER_GAP * lines[index].size:
            return lines[:index]
    return lines


def _joined(before: str, after: str, hyphenated_words: set[str]) -> str:
    """Two lines of one paragraph as one: a word hyphenated at the line end is joined again."""
    if before.endswith("\u00ad"):
        return before[:-1] + after  # a soft hyphen marks where a word was cut
    cut = _HYPHENATED.search(before)
    if cut and "/" in before.rsplit(" ", 1)[-1]:
        return before + after  # a web address cut at one of its own hyphens
    if cut and after[:1].isupper():
        return before + after  # a compound cut at its own hyphen: "Directorate-|General", "Co-|Chairs"
    if cut and after[:1].islower():
        head = before[: cut.end() - 1]
        tail = _WORD.match(after)
        word = f"{cut.group(1)}-{tail.group(0) if tail else ''}".lower()
        keep_hyphen = (
            "-" in before[: cut.start()].rsplit(" ", 1)[-1]
            or word in hyphenated_words
            or _TENS.fullmatch(cut.group(1)) is not None
        )
        return f"{head}-{after}" if keep_hyphen else head + after
    return f"{before} {after}"


def _line_spacing(pages: Sequence[Sequence[Line]], body: float) -> float:
    """The distance between the baselines of two lines of one paragraph (a low percentile of all gaps)."""
    gaps = [
        upper.main.y - lower.main.y
        for lines in pages
        for upper, lower in zip(lines, lines[1:], strict=False)
        if abs(upper.size - body) < 0.5 and abs(lower.size - body) < 0.5 and upper.main.y > lower.main.y
    ]
    if not gaps:
        return body * 1.2
    gaps.sort()
    return gaps[len(gaps) // 10]  # lines of a paragraph stand closest; short paragraphs make many wider gaps


def _usual_length(pages: Sequence[Sequence[Line]], body: float) -> float:
    """The median length in characters of the body's lines: a full line."""
    lengths = [len(line.text) for lines in pages for line in lines if abs(line.size - body) < 0.5]
    return statistics.median(lengths) if lengths else 0.0


@dataclass
class _Writer:
    """Paragraphs in reading order; footnotes wait until the paragraph citing them has ended."""

    hyphenated_words: set[str]
    blocks: list[str] = field(default_factory=list)
    open: str | None = None
    waiting: list[str] = field(default_factory=list)

    def close(self) -> None:
        if self.open is not None:
            self.blocks.append(self.open)
            self.open = None
        self.blocks += self.waiting
        self.waiting = []

    def join(self, before: str, after: str) -> str:
        """Two lines of one paragraph or cell as one (hyphenated words joined again)."""
        return _joined(before, after, self.hyphenated_words)

    def row(self, text: str) -> None:
        """A table row: a block of its own; a row without a first cell at the top of a page goes on with the last
        row of the page before (its footnotes stay after it)."""
        self.close()
        last = next((i for i in range(len(self.blocks) - 1, -1, -1) if not _NOTE.match(self.blocks[i])), None)
        if text.startswith("\t") and last is not None and "\t" in self.blocks[last]:
            before, after = self.blocks[last].split("\t"), text.split("\t")
            width = max(len(before), len(after))
            before, after = before + [""] * (width - len(before)), after + [""] * (width - len(after))
            self.blocks[last] = "\t".join(
                self.join(a, b) if a and b else a or b for a, b in zip(before, after, strict=True)
            )
            return
        self.blocks.append(text)

    def add(self, text: str, new_paragraph: bool) -> None:
        if self.open is not None and not new_paragraph and not is_list_item(text):
            self.open = _joined(self.open, text, self.hyphenated_words)
            return
        self.close()
        self.open = text


@dataclass
class _Breaks:
    """Where paragraphs end, from the document's line spacing and its usual line length."""

    spacing: float
    usual: float
    last: Line | None = None
    """The last body line written, on this page or the one before."""

    def starts(self, previous: Line | None, line: Line, text: str, paragraph: str | None) -> bool:
        """True if ``line`` (written as ``text``) starts a paragraph after ``previous`` on its page (None at the
        top of a page, where ``paragraph`` is the paragraph the page before ended with)."""
        short = self.last is not None and len(self.last.text) < SHORT_LINE_SHARE * self.usual
        if previous is None:
            return paragraph is None or short or not _continues(paragraph, text)
        if paragraph is None:
            return True
        return (
            previous.main.y - line.main.y > PARAGRAPH_GAP * self.spacing
            or text.startswith("#") != paragraph.startswith("#")
            or short
            or (bool(_SENTENCE_END.search(previous.text)) and _heading_like(line.text))
        )


def _heading_like(text: str) -> bool:
    """True if a line reads as a heading; one that holds a semicolon goes on with a list run on over lines."""
    return ";" not in text and classify(text) is not None


def _continues(previous: str | None, line: str) -> bool:
    """True if the first line of a page goes on with the paragraph the page before ended with."""
    if previous is None or previous.startswith("#") or is_list_item(line):
        return False
    return line[:1].islower() or not _PARAGRAPH_END.search(previous)


def layout_text(pages: Sequence[Page]) -> str:
    """The text of a document's pages, in the corpus's conventions (module docstring)."""
    lined = _without_furniture([lines_of(page.pieces) for page in pages])
    body = _body_size(lined)
    spacing = _line_spacing(lined, body)
    words = {word.lower() for lines in lined for line in lines for word in _WORD.findall(line.text)}
    writer = _Writer({word for word in words if "-" in word})
    usual = _usual_length(lined, body)
    columns = grid([line for lines in lined for line in lines if abs(line.size - body) < 0.5], _width(pages))
    breaks = _Breaks(spacing, usual)
    for lines in lined:
        body_lines, notes = _split_footnotes(lines, body, writer.hyphenated_words)
        previous: Line | None = None
        for line in with_tables(body_lines, columns, spacing, PARAGRAPH_GAP, writer.join):
            if isinstance(line, str):
                writer.row(line)
                previous = breaks.last = None
                continue
            text = f"# {line.text}" if line.size >= TITLE_SHARE * body else line.text
            new_paragraph = breaks.starts(previous, line, text, writer.open)
            if text.startswith("#") and not new_paragraph and writer.open is not None:
                text = text[2:]
            writer.add(text, new_paragraph)
            previous = breaks.last = line
        writer.waiting += notes
    writer.close()
    return "\n\n".join(writer.blocks) + "\n"

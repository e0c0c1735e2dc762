"""Typeset a corpus-convention text as a UN (ECE / Economic and Social Council) PDF, for tests.

The tests need PDFs that look like the documents the UN publishes, so that a test can read the same facts from a
text and from its PDF. ``typeset`` lays a text out the way the Geneva-edited ECE documents are laid out:

* page 1: a masthead ("United Nations" and the symbol, "Economic and Social Council", "Distr.: General", the date,
  "Original: English", between thick rules), "Economic Commission for Europe", then the body; at its foot the job
  number ("GE.28-04117(E)"), a bar code and the bar code's digits ("*2804117*");
* every later page: a running header with the symbol (left on even pages, right on odd pages) and the short title
  on the other side above a thin rule, and a footer with the page number (outer side) and the job number (inner);
* the body in a Times-metric serif (Liberation Serif, else DejaVu Serif, else the PDF core Times), 10 pt on 12 pt,
  justified; paragraphs are wrapped, broken across pages (two lines at least at either side of a break) and
  spaced by 6 pt, never by blank lines; long words that do not fit at a line end are hyphenated;
* numbered paragraphs with the number at the start of the first line and the text from a tab stop; headings bold,
  "I."/"A." heading numbers hanging in the left margin;
* footnote marks as small raised digits glued to the word or punctuation before them, and the footnotes at the
  foot of the page where their mark is, 8 pt, under a short rule, each starting with its raised number;
* tab-separated rows as table cells.

``typeset_scanned`` draws the same pages as images only (no text layer), like a scanned document.

Input conventions (those of the corpus texts): blocks separated by blank lines, one paragraph a line inside a block
(a line that starts with a space, or inside an open ``**``, continues the one before); markup (``**bold**``,
``<i>``, ``<sup>1</sup>``, ``[text](url)``, ``<url>``, Markdown escapes) is stripped; footnote marks are Unicode
superscript digits glued to the text before them; a footnote is a block of its own starting with its superscript
number, anywhere after the paragraph that cites it; tabs separate table cells.

reportlab (in the ``test`` extra) writes the PDF with ``invariant=1``, so the same input gives the same bytes.
"""

from __future__ import annotations

import functools
import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas

PAGE_W, PAGE_H = A4  # 595.3 x 841.9 pt
MARGIN = 56.7  # 2 cm: heading numbers, the header and the footer start here
BODY_L, BODY_R = 85.05, PAGE_W - 85.05  # the text block: 3 cm from either edge, 425 pt wide
BODY_SIZE, BODY_LEAD, PARA_SPACE = 10.0, 12.0, 6.0
NOTE_SIZE, NOTE_LEAD = 8.0, 9.5
MARK_SCALE, MARK_RISE = 0.62, 0.36  # raised marks: 62 % of the text size, baseline up 36 % of it
TAB = 28.35  # 1 cm: where the text of a numbered paragraph's first line starts
HEADER_Y, HEADER_RULE_Y = PAGE_H - 40, PAGE_H - 46
BODY_TOP, BODY_BOTTOM = PAGE_H - 66, 60.0  # the body's (and the footnotes') band on pages 2, 3, ...
FIRST_BODY_TOP = PAGE_H - 214  # page 1: below the masthead and the commission's name
FOOTER_Y = 34.0

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_DIGITS = str.maketrans(_SUPERSCRIPTS, "0123456789")
_TO_SUPERSCRIPTS = str.maketrans("0123456789", _SUPERSCRIPTS)
_MARK_RE = re.compile(f"([{_SUPERSCRIPTS}]+)")
_NOTE_RE = re.compile(f"^([{_SUPERSCRIPTS}]+)\\s+(.*)$", re.S)

# ----------------------------------------------------------------------------------------------------------- fonts

_FONT_DIRS = (
    Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/dejavu"),
)
_FAMILIES = (
    {
        "regular": "LiberationSerif-Regular.ttf",
        "bold": "LiberationSerif-Bold.ttf",
        "italic": "LiberationSerif-Italic.ttf",
        "sans-bold": "LiberationSans-Bold.ttf",
    },
    {
        "regular": "DejaVuSerif.ttf",
        "bold": "DejaVuSerif-Bold.ttf",
        "italic": "DejaVuSerif-Italic.ttf",
        "sans-bold": "DejaVuSans-Bold.ttf",
    },
)
_CORE = {"regular": "Times-Roman", "bold": "Times-Bold", "italic": "Times-Italic", "sans-bold": "Helvetica-Bold"}


@dataclass(frozen=True)
class Fonts:
    """The four faces in use: reportlab names, and the TrueType files (``None`` for the PDF core fonts)."""

    names: dict[str, str]
    files: dict[str, Path | None]

    @property
    def embedded(self) -> bool:
        return all(self.files.values())


def _find(filename: str) -> Path | None:
    for folder in _FONT_DIRS:
        if (folder / filename).is_file():
            return folder / filename


@functools.cache
def fonts() -> Fonts:
    """Liberation (Times New Roman's metrics) if installed, else DejaVu, else the PDF core fonts (not embedded,
    WinAnsi only: other characters become "?")."""
    for family in _FAMILIES:
        files = {key: _find(name) for key, name in family.items()}
        if all(files.values()):
            names = {}
            for key, path in files.items():
                name = "UN-" + path.stem  # type: ignore[union-attr]
                if name not in pdfmetrics.getRegisteredFontNames():
                    pdfmetrics.registerFont(TTFont(name, str(path)))
                names[key] = name
            return Fonts(names, dict(files))
    return Fonts(dict(_CORE), dict.fromkeys(_CORE))


def _printable(text: str) -> str:
    """Text the fonts can show: unchanged with a TrueType font; with the core fonts, what cp1252 lacks is "?"."""
    if fonts().embedded:
        return text
    return text.encode("cp1252", "replace").decode("cp1252")


def _width(text: str, face: str, size: float) -> float:
    return pdfmetrics.stringWidth(_printable(text), fonts().names[face], size)


# --------------------------------------------------------------------------------------------------------- parsing


def clean(text: str) -> str:
    """A paragraph without markup: ``<sup>n</sup>`` becomes a superscript mark, links keep their text."""
    text = text.replace("<sup>&</sup>lt;sup>", "<sup>")  # a conversion's broken escape of <sup>
    text = re.sub(r"<sup>\s*(\d+)\s*</sup>", lambda m: m.group(1).translate(_TO_SUPERSCRIPTS), text)
    text = re.sub(r"\[((?:[^\]\\]|\\.)*)\]\((?:[^()\\]|\\.)*\)", r"\1", text)  # [text](url)
    text = re.sub(r"<((?:https?|ftp)://[^>\s]+)>", r"\1", text)  # <url>
    text = re.sub(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>", "", text)  # HTML tags
    text = text.replace("**", "")
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!])", r"\1", text)  # Markdown escapes
    return " ".join(text.split())


@dataclass
class Para:
    kind: str  # "heading1" ("I."), "heading2" ("A."), "heading3" (short line or "1. Title"), "para", "table"
    text: str = ""
    label: str = ""  # "6." of a numbered paragraph, "I." of a heading
    rows: list[list[str]] = field(default_factory=list)  # the cells of a table's rows
    notes: list[str] = field(default_factory=list)  # footnote definitions placed in the text here


def _paragraph_lines(block: str) -> list[str]:
    """The paragraphs of a block: one a line, but a line starting with a space or inside ``**`` continues."""
    paras: list[str] = []
    open_bold = False
    for line in block.split("\n"):
        if paras and (open_bold or line[:1].isspace()):
            paras[-1] += " " + line.strip()
        elif line.strip():
            paras.append(line.strip())
        else:
            continue
        open_bold = paras[-1].count("**") % 2 == 1
    return paras


def _classify(text: str) -> Para:
    short = len(text) <= 100 and len(text.split()) <= 14 and not re.search(r"[.;:,]$", text)
    if not _MARK_RE.search(text):
        if m := re.match(r"^([IVXL]+)\.\s+(.+)$", text):
            if short:
                return Para("heading1", m.group(2), m.group(1) + ".")
        if m := re.match(r"^([A-Z])\.\s+(.+)$", text):
            if short:
                return Para("heading2", m.group(2), m.group(1) + ".")
    if m := re.match(r"^(\d{1,3})\.\s+(.+)$", text):
        if short:
            return Para("heading3", m.group(2), m.group(1) + ".")
        return Para("para", m.group(2), m.group(1) + ".")
    if short:
        return Para("heading3", text)
    return Para("para", text)


def parse(text: str) -> tuple[list[Para], dict[str, str]]:
    """The paragraphs in order, and the footnotes by number ("1": "https://…")."""
    paras: list[Para] = []
    notes: dict[str, str] = {}
    for block in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").replace("\f", "\n\n")):
        if not block.strip():
            continue
        if "\t" in block:
            rows = [[clean(cell) for cell in line.split("\t")] for line in block.split("\n") if line.strip()]
            paras.append(Para("table", rows=rows))
            continue
        for raw in _paragraph_lines(block):
            line = clean(raw)
            if not line:
                continue
            if m := _NOTE_RE.match(line):
                number = m.group(1).translate(_TO_DIGITS)
                notes[number] = m.group(2)
                if paras:
                    paras[-1].notes.append(number)
                else:
                    paras.append(Para("heading3", "", notes=[number]))
                continue
            para = _classify(line)
            if para.kind == "para" and not para.label and re.fullmatch(r"\*\*[^*]+\*\*", raw):
                para.kind = "heading3"  # a wholly bold paragraph (a title) is set bold
            paras.append(para)
    return paras, notes


# ---------------------------------------------------------------------------------------------------- line breaking

Run = tuple[str, bool]  # text, and whether it is a raised footnote mark
Word = tuple[Run, ...]


def _words(text: str) -> list[Word]:
    words = []
    for token in text.split():
        runs = [(part, i % 2 == 1) for i, part in enumerate(_MARK_RE.split(token)) if part]
        words.append(tuple((part.translate(_TO_DIGITS), True) if mark else (part, False) for part, mark in runs))
    return words


def _word_width(word: Word, face: str, size: float) -> float:
    return sum(_width(t, "regular", size * MARK_SCALE) if mark else _width(t, face, size) for t, mark in word)


def _is_vowel(char: str) -> bool:
    return unicodedata.normalize("NFD", char.lower())[:1] in "aeiouy"


def _hyphenate(word: Word, room: float, face: str, size: float) -> tuple[Word, Word] | None:
    """The longest head of ``word`` (with a hyphen) that fits in ``room``, and the rest: at a hyphen it has, or,
    for a word of ten letters or more, between a vowel and a consonant leaving three letters at least each side."""
    text, mark = word[0]
    if mark:
        return None
    cuts: list[tuple[str, str]] = []
    for p in range(2, len(text) - 1):
        if text[p - 1] == "-" and text[p - 2].isalpha() and text[p].isalpha():
            cuts.append((text[:p], text[p:]))
    letters = sum(c.isalpha() for c in text)
    if letters >= 10 and not text.isupper() and "/" not in text and "@" not in text:
        for p in range(3, len(text) - 3):
            head, tail = text[:p], text[p:]
            if text[p - 1].isalpha() and text[p].isalpha() and _is_vowel(text[p - 1]) and not _is_vowel(text[p]):
                if sum(c.isalpha() for c in tail) >= 3 and head.isalpha():
                    cuts.append((head + "-", tail))
    fitting = [(h, t) for h, t in cuts if _width(h, face, size) <= room]
    if not fitting:
        return None
    head, tail = max(fitting, key=lambda cut: len(cut[0]))
    return ((head, False),), ((tail, False), *word[1:])


def _split_long(word: Word, room: float, face: str, size: float) -> tuple[Word, Word]:
    """A token longer than a whole line (a URL): cut where it fills the line, after a "/" if one is near."""
    text = "".join(t for t, _ in word)
    p = len(text) - 1
    while p > 1 and _width(text[:p], face, size) > room:
        p -= 1
    slash = text.rfind("/", 0, p)
    if slash > p * 0.6:
        p = slash + 1
    return ((text[:p], False),), ((text[p:], False),)


def break_lines(words: Sequence[Word], widths: Sequence[float], face: str, size: float) -> list[list[Word]]:
    """Greedy line breaking; line i is ``widths[min(i, -1)]`` wide. A word that does not fit is hyphenated if
    that leaves less than three ems empty at the line end, and a token wider than a line is cut."""
    space = _width(" ", face, size)
    lines: list[list[Word]] = [[]]
    used = 0.0
    queue = list(words)
    while queue:
        word = queue.pop(0)
        width = widths[min(len(lines) - 1, len(widths) - 1)]
        w = _word_width(word, face, size)
        gap = space if lines[-1] else 0.0
        if used + gap + w <= width + 0.01:
            lines[-1].append(word)
            used += gap + w
            continue
        room = width - used - gap
        if room >= 3 * size and (cut := _hyphenate(word, room, face, size)):
            lines[-1].append(cut[0])
            queue.insert(0, cut[1])
        elif not lines[-1]:
            head, tail = _split_long(word, width, face, size)
            lines[-1].append(head)
            queue.insert(0, tail)
        else:
            queue.insert(0, word)
        lines.append([])
        used = 0.0
    return [line for line in lines if line] or [[]]


# ---------------------------------------------------------------------------------------------------------- layout

# A drawing operation, in PDF points from the bottom left corner: ("text", [chunk, ...]), one text object (a
# printed line: its number, its text and its raised marks), each chunk (x, y, face, size, text, word_space);
# ("line", x1, y1, x2, y2, width); ("rect", x, y, w, h) filled; ("circle", x, y, r, width).
Chunk = tuple[float, float, str, float, str, float]
Op = tuple


@dataclass
class Span:
    x: float
    width: float
    words: list[Word]
    face: str = "regular"
    size: float = BODY_SIZE
    justify: bool = False


@dataclass
class Line:
    height: float
    spans: list[Span]
    notes: list[str] = field(default_factory=list)


@dataclass
class Block:
    lines: list[Line]
    space_before: float
    keep_with_next: bool = False


def _line_notes(spans: Sequence[Span]) -> list[str]:
    return [t for span in spans for word in span.words for t, mark in word if mark]


def _text_lines(
    text: str,
    x: float,
    width: float,
    face: str,
    size: float,
    lead: float,
    *,
    justify: bool,
    first_x: float | None = None,
) -> list[Line]:
    first_x = x if first_x is None else first_x
    broken = break_lines(_words(text), [width - (first_x - x), width], face, size)
    lines = []
    for i, words in enumerate(broken):
        start = first_x if i == 0 else x
        span = Span(start, x + width - start, words, face, size, justify and i < len(broken) - 1)
        lines.append(Line(lead, [span], _line_notes([span])))
    return lines


def _label(text: str, x: float, face: str, size: float) -> Span:
    return Span(x, _width(text, face, size), [((text, False),)], face, size)


def _table(rows: list[list[str]]) -> list[Block]:
    columns = max(len(row) for row in rows)
    widths = [0.0] * columns
    for row in rows:
        for i, cell in enumerate(row[1:], start=1):
            widths[i] = max(widths[i], max((_width(w, "regular", BODY_SIZE) for w in cell.split()), default=0))
            widths[i] = max(widths[i], min(_width(cell, "regular", BODY_SIZE), 140.0))
    gutter = 12.0
    widths[0] = max(BODY_R - BODY_L - sum(w + gutter for w in widths[1:]), 120.0)
    xs = [BODY_L]
    for w in widths[:-1]:
        xs.append(xs[-1] + w + gutter)
    blocks = []
    for r, row in enumerate(rows):
        cells = [break_lines(_words(cell), [widths[i]], "regular", BODY_SIZE) for i, cell in enumerate(row)]
        lines = []
        for k in range(max(len(c) for c in cells)):
            spans = [Span(xs[i], widths[i], c[k]) for i, c in enumerate(cells) if k < len(c) and c[k]]
            lines.append(Line(BODY_LEAD, spans, _line_notes(spans)))
        blocks.append(Block(lines, PARA_SPACE if r == 0 else 2.0, keep_with_next=r == 0))
    return blocks


def _blocks(paras: list[Para]) -> list[tuple[Block, list[str]]]:
    """Each paragraph as lines, with the footnotes whose definition stands after it (placed with it if unmarked)."""
    out: list[tuple[Block, list[str]]] = []
    width = BODY_R - BODY_L
    for para in paras:
        if para.kind == "table":
            blocks = _table(para.rows)
            out += [(b, []) for b in blocks[:-1]] + [(blocks[-1], para.notes)]
            continue
        if not para.text:
            out.append((Block([], 0.0), para.notes))
            continue
        if para.kind == "heading1":
            lines = _text_lines(para.text, BODY_L, width, "bold", 12.0, 14.0, justify=False)
            lines[0].spans.insert(0, _label(para.label, MARGIN, "bold", 12.0))
            block = Block(lines, 18.0, keep_with_next=True)
        elif para.kind == "heading2":
            lines = _text_lines(para.text, BODY_L, width, "bold", 10.5, 12.5, justify=False)
            lines[0].spans.insert(0, _label(para.label, MARGIN, "bold", 10.5))
            block = Block(lines, 12.0, keep_with_next=True)
        elif para.kind == "heading3":
            text = f"{para.label} {para.text}" if para.label else para.text
            lines = _text_lines(text, BODY_L, width, "bold", BODY_SIZE, BODY_LEAD, justify=False)
            block = Block(lines, 9.0, keep_with_next=True)
        elif para.label:
            lines = _text_lines(
                para.text, BODY_L, width, "regular", BODY_SIZE, BODY_LEAD, justify=True, first_x=BODY_L + TAB
            )
            lines[0].spans.insert(0, _label(para.label, BODY_L, "regular", BODY_SIZE))
            block = Block(lines, PARA_SPACE)
        else:
            lines = _text_lines(para.text, BODY_L, width, "regular", BODY_SIZE, BODY_LEAD, justify=True)
            block = Block(lines, PARA_SPACE)
        out.append((block, para.notes))
    return out


def _note_lines(number: str, text: str) -> list[Line]:
    lines = _text_lines(text, BODY_L, BODY_R - BODY_L, "regular", NOTE_SIZE, NOTE_LEAD, justify=False)
    mark_w = _width(number, "regular", NOTE_SIZE * MARK_SCALE)
    lines[0].spans.insert(0, Span(BODY_L - 3 - mark_w, mark_w, [((number, True),)], "regular", NOTE_SIZE))
    return lines


@dataclass
class Page:
    number: int
    top: float
    items: list[tuple[float, Line]] = field(default_factory=list)  # (top offset, line)
    used: float = 0.0
    notes: list[str] = field(default_factory=list)


class _Paginator:
    def __init__(self, notes: dict[str, str]):
        self.note_lines = {n: _note_lines(n, t) for n, t in notes.items()}
        self.pages = [Page(1, FIRST_BODY_TOP)]
        self.placed: set[str] = set()

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def notes_height(self, numbers: Sequence[str]) -> float:
        lines = sum(len(self.note_lines[n]) for n in numbers if n in self.note_lines)
        return 0.0 if not lines else 12.0 + lines * NOTE_LEAD

    def new_notes(self, lines: Sequence[Line], pending: Sequence[str] = ()) -> list[str]:
        out: list[str] = []
        for n in [*pending, *(n for line in lines for n in line.notes)]:
            if n in self.note_lines and n not in self.placed and n not in out:
                out.append(n)
        return out

    def fits(self, lines: Sequence[Line], space: float, pending: Sequence[str] = ()) -> bool:
        page = self.page
        space = space if page.items else 0.0
        height = space + sum(line.height for line in lines)
        notes = page.notes + [n for n in self.new_notes(lines, pending) if n not in page.notes]
        return page.used + height + self.notes_height(notes) <= page.top - BODY_BOTTOM + 0.01

    def how_many(self, lines: Sequence[Line], space: float) -> int:
        k = 0
        while k < len(lines) and self.fits(lines[: k + 1], space):
            k += 1
        return k

    def place(self, lines: Sequence[Line], space: float) -> None:
        page = self.page
        if page.items:
            page.used += space
        for line in lines:
            page.items.append((page.used, line))
            page.used += line.height
            for n in self.new_notes([line]):
                page.notes.append(n)
                self.placed.add(n)

    def new_page(self) -> None:
        self.pages.append(Page(len(self.pages) + 1, BODY_TOP))

    def add(self, block: Block, following: Sequence[Line]) -> None:
        lines = block.lines
        if block.keep_with_next and self.page.items and not self.fits([*lines, *following], block.space_before):
            self.new_page()
        while lines:
            k = self.how_many(lines, block.space_before)
            if k < len(lines):  # two lines at least on either side of a page break
                if k == len(lines) - 1 and len(lines) >= 3:
                    k -= 1
                if k == 1 and len(lines) >= 2:
                    k = 0
            if k == 0 and not self.page.items:
                k = 1  # a line taller than a page: place it all the same
            self.place(lines[:k], block.space_before)
            lines = lines[k:]
            if lines:
                self.new_page()

    def add_unmarked(self, numbers: Sequence[str]) -> None:
        """Footnotes without a mark in the text go to the page where their definition stood."""
        for n in numbers:
            if n in self.placed or n not in self.note_lines:
                continue
            if not self.fits([], 0.0, [n]):
                self.new_page()
            self.page.notes.append(n)
            self.placed.add(n)


@dataclass
class Layout:
    """The pages as drawing operations, and for each footnote the page (1-based) it is printed on."""

    pages: list[list[Op]]
    note_pages: dict[str, int]


@dataclass(frozen=True)
class Masthead:
    """What a UN document prints around its text: the symbol and job number on every page, a short title in the
    running header, the date and the commission in the masthead of page 1."""

    symbol: str
    short_title: str
    job_number: str
    date: str | None = None
    commission: str | None = "Economic Commission for Europe"


def layout(text: str, masthead: Masthead) -> Layout:
    """Lay ``text`` out as UN pages (see the module's docstring); ``typeset`` draws this."""
    paras, notes = parse(text)
    commission = masthead.commission
    if commission and paras and paras[0].kind == "heading3" and paras[0].text.lower() == commission.lower():
        paras = paras[1:]  # the text's own first line is the masthead's "Economic Commission for Europe"
    blocks = _blocks(paras)
    pager = _Paginator(notes)
    for i, (block, defined_here) in enumerate(blocks):
        following = blocks[i + 1][0].lines[:2] if i + 1 < len(blocks) else []
        pager.add(block, following)
        pager.add_unmarked(defined_here)
    pages = []
    total = len(pager.pages)
    for page in pager.pages:
        ops: list[Op] = []
        if page.number == 1:
            _masthead(ops, masthead)
        else:
            _furniture(ops, page.number, total, masthead)
        for offset, line in page.items:
            baseline = page.top - offset - line.height * 0.78
            ops.append(("text", [chunk for span in line.spans for chunk in _chunks(span, baseline)]))
        if page.notes:
            height = pager.notes_height(page.notes)
            rule_y = BODY_BOTTOM + height - 4.0
            ops.append(("line", BODY_L, rule_y, BODY_L + 72.0, rule_y, 0.5))
            y = BODY_BOTTOM + height - 12.0
            for n in page.notes:
                for line in pager.note_lines[n]:
                    ops.append(
                        ("text", [chunk for span in line.spans for chunk in _chunks(span, y - NOTE_LEAD * 0.78)])
                    )
                    y -= NOTE_LEAD
        pages.append(ops)
    note_pages = {n: page.number for page in pager.pages for n in page.notes}
    return Layout(pages, note_pages)


def _chunks(span: Span, y: float) -> list[Chunk]:
    """A span's words from ``span.x``: text runs as strings (spaces widened to justify), marks raised."""
    ops: list[Chunk] = []
    space = _width(" ", span.face, span.size)
    natural = sum(_word_width(w, span.face, span.size) for w in span.words) + space * (len(span.words) - 1)
    gaps = len(span.words) - 1
    extra = (span.width - natural) / gaps if span.justify and gaps > 0 else 0.0
    x, buffer, buffer_x = span.x, "", span.x

    def flush() -> None:
        nonlocal buffer
        if buffer:
            ops.append((buffer_x, y, span.face, span.size, buffer, round(extra, 4)))
        buffer = ""

    for i, word in enumerate(span.words):
        if i:
            if not buffer:
                buffer_x = x
            buffer += " "
            x += space + extra
        for text, mark in word:
            if mark:
                flush()
                size = span.size * MARK_SCALE
                ops.append((x, y + span.size * MARK_RISE, "regular", size, text, 0.0))
                x += _width(text, "regular", size)
                buffer_x = x
            else:
                if not buffer:
                    buffer_x = x
                buffer += text
                x += _width(text, span.face, span.size)
    flush()
    return ops


def _emblem(ops: list[Op], x: float, y: float, r: float) -> None:
    """A line drawing in place of the UN emblem: a globe (circle, parallels, meridian) in a wreath (arc ticks)."""
    ops.append(("circle", x, y, r, 0.6))
    ops.append(("circle", x, y, r * 0.72, 0.4))
    ops.append(("line", x - r * 0.72, y, x + r * 0.72, y, 0.4))
    ops.append(("line", x, y - r * 0.72, x, y + r * 0.72, 0.4))
    ops.append(("line", x - r * 0.6, y + r * 0.36, x + r * 0.6, y + r * 0.36, 0.3))
    ops.append(("line", x - r * 0.6, y - r * 0.36, x + r * 0.6, y - r * 0.36, 0.3))


def _barcode(ops: list[Op], x: float, y: float, digits: str) -> None:
    """Bars drawn from the digits (a look-alike, not a real Code 39), then the digits under them."""
    for i, d in enumerate(f"*{digits}*"):
        code = (ord(d) * 7 + i) % 32
        for b in range(5):
            w = 1.4 if code >> b & 1 else 0.6
            ops.append(("rect", x, y, w, 22.0))
            x += w + 1.0


def _masthead(ops: list[Op], masthead: Masthead) -> None:
    symbol, date, commission, job_number = masthead.symbol, masthead.date, masthead.commission, masthead.job_number
    right = PAGE_W - MARGIN
    _emblem(ops, MARGIN + 14, PAGE_H - 58, 13)
    ops.append(("text", [(MARGIN + 36, PAGE_H - 64, "bold", 16.0, "United Nations", 0.0)]))
    ops.append(("text", [(right - _width(symbol, "sans-bold", 18.0), PAGE_H - 64, "sans-bold", 18.0, symbol, 0.0)]))
    ops.append(("line", MARGIN, PAGE_H - 76, right, PAGE_H - 76, 2.0))
    _emblem(ops, MARGIN + 14, PAGE_H - 100, 13)
    ops.append(("text", [(MARGIN + 36, PAGE_H - 108, "bold", 20.0, "Economic and Social Council", 0.0)]))
    column = PAGE_W - MARGIN - 130
    y = PAGE_H - 96
    for line in ["Distr.: General", date, "", "Original: English"]:
        if line:
            ops.append(("text", [(column, y, "regular", 10.0, line, 0.0)]))
        if line is not None:
            y -= 12.0
    ops.append(("line", MARGIN, y - 6, right, y - 6, 2.0))
    if commission:
        ops.append(("text", [(MARGIN, y - 30, "bold", 12.0, commission, 0.0)]))
    ops.append(("text", [(MARGIN, FOOTER_Y, "regular", 8.0, job_number, 0.0)]))
    digits = "".join(re.findall(r"\d", job_number))
    _barcode(ops, MARGIN + 200, FOOTER_Y - 8, digits)
    ops.append(("text", [(MARGIN + 205, FOOTER_Y - 18, "regular", 7.0, f"*{digits}*", 0.0)]))


def _furniture(ops: list[Op], number: int, total: int, masthead: Masthead) -> None:
    symbol, short_title, job_number = masthead.symbol, masthead.short_title, masthead.job_number
    """Header (symbol outer side, short title inner side, thin rule) and footer (page number outer, job inner)."""
    left, right = MARGIN, PAGE_W - MARGIN
    even = number % 2 == 0

    def at(side_left: bool, y: float, face: str, size: float, text: str) -> None:
        x = left if side_left else right - _width(text, face, size)
        ops.append(("text", [(x, y, face, size, text, 0.0)]))

    at(even, HEADER_Y, "bold", 9.0, symbol)
    if short_title:
        at(not even, HEADER_Y, "italic", 8.0, short_title)
    ops.append(("line", left, HEADER_RULE_Y, right, HEADER_RULE_Y, 0.4))
    at(even, FOOTER_Y, "bold", 9.0, str(number))
    at(not even, FOOTER_Y, "regular", 8.0, job_number)


# --------------------------------------------------------------------------------------------------------- drawing


def _canvas(out: io.BytesIO, title: str, subject: str) -> rl_canvas.Canvas:
    c = rl_canvas.Canvas(out, pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setSubject(subject)
    c.setAuthor("United Nations")
    c.setCreator("gcmkg tests/unlayout.py")
    return c


def _draw_vector(c: rl_canvas.Canvas, ops: Sequence[Op]) -> None:
    names = fonts().names
    for op in ops:
        kind = op[0]
        if kind == "text":
            t = c.beginText()
            for x, y, face, size, text, word_space in op[1]:
                t.setFont(names[face], size)
                t.setWordSpace(word_space)
                t.setTextOrigin(x, y)
                t.textOut(_printable(text))
            c.drawText(t)
        elif kind == "line":
            _, x1, y1, x2, y2, width = op
            c.setLineWidth(width)
            c.line(x1, y1, x2, y2)
        elif kind == "rect":
            _, x, y, w, h = op
            c.rect(x, y, w, h, stroke=0, fill=1)
        elif kind == "circle":
            _, x, y, r, width = op
            c.setLineWidth(width)
            c.circle(x, y, r, stroke=1, fill=0)


def typeset(text: str, masthead: Masthead) -> bytes:
    """An A4 PDF of ``text`` laid out as a UN document, with a Unicode text layer; the same input gives the same
    bytes. ``commission`` is printed under the masthead (a first line of the text equal to it is not repeated)."""
    pages = layout(text, masthead).pages
    out = io.BytesIO()
    c = _canvas(out, masthead.short_title, masthead.symbol)
    for ops in pages:
        _draw_vector(c, ops)
        c.showPage()
    c.save()
    return out.getvalue()


def _raster(ops: Sequence[Op], dpi: int):  # -> PIL.Image.Image
    from PIL import Image, ImageDraw, ImageFont

    scale = dpi / 72.0
    image = Image.new("L", (round(PAGE_W * scale), round(PAGE_H * scale)), 255)
    draw = ImageDraw.Draw(image)
    files = fonts().files
    cache: dict[tuple[str, float], ImageFont.FreeTypeFont | ImageFont.ImageFont] = {}

    def font(face: str, size: float):
        key = (face, round(size * scale, 2))
        if key not in cache:
            path = files[face]
            cache[key] = ImageFont.truetype(str(path), key[1]) if path else ImageFont.load_default(key[1])
        return cache[key]

    def px(x: float, y: float) -> tuple[float, float]:
        return x * scale, (PAGE_H - y) * scale

    for op in ops:
        kind = op[0]
        if kind == "text":
            for x, y, face, size, text, word_space in op[1]:
                f = font(face, size)
                for piece in re.split(r"( )", text) if word_space else [text]:  # spaces widened, as Tw does
                    if piece == " ":
                        x += _width(" ", face, size) + word_space
                    elif piece:
                        draw.text(px(x, y), piece, font=f, fill=0, anchor="ls")
                        x += _width(piece, face, size)
        elif kind == "line":
            _, x1, y1, x2, y2, width = op
            draw.line([px(x1, y1), px(x2, y2)], fill=0, width=max(1, round(width * scale)))
        elif kind == "rect":
            _, x, y, w, h = op
            (x0, y0), (x1, y1) = px(x, y + h), px(x + w, y)
            draw.rectangle([x0, y0, x1, y1], fill=0)
        elif kind == "circle":
            _, x, y, r, width = op
            (x0, y0), (x1, y1) = px(x - r, y + r), px(x + r, y - r)
            draw.ellipse([x0, y0, x1, y1], outline=0, width=max(1, round(width * scale)))
    return image


def typeset_scanned(text: str, masthead: Masthead, dpi: int = 100) -> bytes:
    """The pages of ``typeset`` drawn as greyscale images at ``dpi``: a PDF with no text layer, like a scan."""
    from reportlab.lib.utils import ImageReader

    pages = layout(text, masthead).pages
    out = io.BytesIO()
    c = _canvas(out, masthead.short_title, masthead.symbol)
    for ops in pages:
        c.drawImage(ImageReader(_raster(ops, dpi)), 0, 0, width=PAGE_W, height=PAGE_H)
        c.showPage()
    c.save()
    return out.getvalue()

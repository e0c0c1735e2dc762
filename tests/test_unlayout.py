"""tests/unlayout.py: a corpus-convention text typeset as a UN document, read back with pypdf."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest

from tests import unlayout

FIXTURE = Path(__file__).parent / "fixtures" / "layout" / "sample_report.txt"
META = unlayout.Masthead("ECE/CES/WP.9/2027/2", "Coastal Migration Statistics", "GE.27-15032(E)", "30 September 2027")
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
BODY_MARK_SIZE = round(unlayout.BODY_SIZE * unlayout.MARK_SCALE, 2)
NOTE_MARK_SIZE = round(unlayout.NOTE_SIZE * unlayout.MARK_SCALE, 2)


@pytest.fixture(scope="module")
def source() -> str:
    return FIXTURE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def pdf(source: str) -> bytes:
    return unlayout.typeset(source, META)


@pytest.fixture(scope="module")
def reader(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf), strict=True)


@pytest.fixture(scope="module")
def chunks(reader: pypdf.PdfReader) -> list[list[tuple[float, float, float, str]]]:
    """Per page, the text pieces pypdf shows: (x, y, font size, text), empty ones left out."""
    pages = []
    for page in reader.pages:
        found: list[tuple[float, float, float, str]] = []

        def visit(text, cm, tm, font_dict, font_size, found=found):
            if text.strip():
                found.append((round(tm[4], 2), round(tm[5], 2), round(font_size, 2), text.strip()))

        page.extract_text(visitor_text=visit)
        pages.append(found)
    return pages


def _source_notes(source: str) -> dict[str, str]:
    """The fixture's footnotes: number -> text, markup left out."""
    notes = {}
    for block in re.split(r"\n\s*\n", source):
        if m := re.match(f"^([{SUPERSCRIPTS}]+) (.*)$", block.strip(), re.S):
            notes[m.group(1).translate(str.maketrans(SUPERSCRIPTS, "0123456789"))] = re.sub(r"<[^>]+>", "", m.group(2))
    return notes


def _tokens(text: str) -> list[str]:
    """Words to compare: hyphens (a line-end one, or a compound's) and spaces before closing punctuation gone."""
    text = text.replace("\u00ad", "")
    text = re.sub(r"-\s+", "-", text).replace("-", "")
    text = re.sub(r"\s+([.,;:)])", r"\1", text)
    return text.split()


def _expected_body(source: str) -> list[str]:
    blocks = [b for b in re.split(r"\n\s*\n", source) if b.strip() and b.strip()[0] not in SUPERSCRIPTS]
    text = " ".join(blocks)
    text = re.sub(r"<[^>]+>", "", text).replace("**", "")
    text = re.sub(f"[{SUPERSCRIPTS}]+", "", text).replace("\t", " ")
    text = text.removeprefix("Economic Commission for Europe")  # printed in the masthead, not in the body
    return _tokens(unlayout._printable(text))  # with the core fonts (no TrueType font found) "ş" prints as "?"


def test_several_pages_with_header_and_job_number(reader: pypdf.PdfReader) -> None:
    assert len(reader.pages) >= 3
    for page in reader.pages:
        text = page.extract_text()
        assert META.symbol in text
        assert META.job_number in text
        assert page.mediabox.width == pytest.approx(595.28, abs=0.1)
        assert page.mediabox.height == pytest.approx(841.89, abs=0.1)


def test_first_page_has_the_masthead(reader: pypdf.PdfReader) -> None:
    lines = reader.pages[0].extract_text().splitlines()
    for expected in [
        "United Nations",
        "Economic and Social Council",
        "Distr.: General",
        META.date,
        "Original: English",
        "Economic Commission for Europe",
        "*2715032*",
    ]:
        assert expected in lines
    assert lines.index("United Nations") < lines.index("Economic and Social Council") < lines.index("I. Attendance")


def test_running_header_alternates_sides(chunks) -> None:
    for number, page in enumerate(chunks[1:], start=2):
        (symbol_x,) = [x for x, _y, _size, text in page if text == META.symbol]
        (page_number_x,) = [x for x, y, _size, text in page if text == str(number) and y < unlayout.BODY_BOTTOM]
        if number % 2 == 0:
            assert symbol_x == page_number_x == pytest.approx(unlayout.MARGIN)
        else:
            assert symbol_x > 300 and page_number_x > 300


def test_body_has_every_word_in_order(source: str, chunks) -> None:
    """The body text (no masthead, header, footer, footnote or mark) is the fixture's paragraphs, word for word."""
    pieces = []
    for number, page in enumerate(chunks, start=1):
        top = unlayout.FIRST_BODY_TOP if number == 1 else unlayout.BODY_TOP
        pieces += [text for _x, y, size, text in page if 9.5 <= size <= 12.5 and unlayout.BODY_BOTTOM < y < top]
    assert _tokens(" ".join(pieces)) == _expected_body(source)


def test_footnotes_are_on_the_page_of_their_mark(source: str, chunks) -> None:
    notes = _source_notes(source)
    assert sorted(notes) == ["1", "2", "3", "4", "5"]
    seen_pages = set()
    for n, text in notes.items():
        mark_pages = [i for i, page in enumerate(chunks) for _x, _y, s, t in page if s == BODY_MARK_SIZE and t == n]
        note_pages = [i for i, page in enumerate(chunks) for _x, _y, s, t in page if s == NOTE_MARK_SIZE and t == n]
        assert len(mark_pages) == len(note_pages) == 1, n
        assert mark_pages == note_pages, n
        page = chunks[note_pages[0]]
        note_text = " ".join(t for _x, y, s, t in page if s == unlayout.NOTE_SIZE and y > unlayout.BODY_BOTTOM)
        assert " ".join(_tokens(text)) in " ".join(_tokens(note_text)), n
        seen_pages.add(note_pages[0])
        # the mark is glued to the word before it: the piece drawn before the mark ends with that word
        before = _words_before_marks(source)[n]
        pieces = [t for _x, _y, s, t in page]
        index = next(i for i, (_x, _y, s, t) in enumerate(page) if s == BODY_MARK_SIZE and t == n)
        assert before.endswith(pieces[index - 1].split()[-1].rstrip("-")), (n, pieces[index - 1])
    assert len(seen_pages) >= 2  # the fixture's footnotes fall on more than one page


def _words_before_marks(source: str) -> dict[str, str]:
    """Mark number -> the word (with its punctuation) the mark is glued to, in the fixture's paragraphs."""
    found = re.findall(f"(\\S+?)([{SUPERSCRIPTS}]+)", source)
    return {mark.translate(str.maketrans(SUPERSCRIPTS, "0123456789")): word for word, mark in found}


def test_extracted_text_is_unicode_without_superscript_characters(reader: pypdf.PdfReader) -> None:
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert not re.search(f"[{SUPERSCRIPTS}]", text)
    assert "**" not in text and "<i>" not in text and "\t" not in text
    if not unlayout.fonts().embedded:
        pytest.skip("no Liberation or DejaVu TrueType font on this machine: the core fonts are WinAnsi only")
    for word in ["Kõrvits", "Wróblewski", "Türkiye", "Şahin", "country’s", "Søndergaard", "14–15 September"]:
        assert word in text, word


def test_long_words_are_hyphenated_at_line_ends(source: str, reader: pypdf.PdfReader) -> None:
    lines = [line for page in reader.pages for line in page.extract_text().splitlines()]
    joined = []
    for line, following in zip(lines, lines[1:], strict=False):
        if m := re.search(r"(\w+)-$", line):
            if n := re.match(r"(\w+)", following):
                joined.append(m.group(1) + n.group(1))
    hyphenated = [word for word in joined if len(word) >= 10 and word in source]
    assert hyphenated, joined


def test_paragraph_broken_across_pages() -> None:
    words = [f"word{i:04d}" for i in range(1500)]
    text = "I. A long paragraph\n\n1. " + " ".join(words) + "\n\n2. The end."
    reader = pypdf.PdfReader(io.BytesIO(unlayout.typeset(text, META)))
    assert len(reader.pages) >= 3
    found = re.findall(r"word\d{4}", " ".join(page.extract_text() for page in reader.pages))
    assert found == words
    first_on_page_2 = re.search(r"word\d{4}", reader.pages[1].extract_text()).group(0)
    assert first_on_page_2 != "word0000"


def test_output_is_deterministic(source: str, pdf: bytes) -> None:
    assert unlayout.typeset(source, META) == pdf


def test_scanned_variant_has_no_text_layer(source: str, reader: pypdf.PdfReader) -> None:
    scanned = pypdf.PdfReader(io.BytesIO(unlayout.typeset_scanned(source, META, dpi=50)))
    assert len(scanned.pages) == len(reader.pages)
    for page in scanned.pages:
        assert page.extract_text().strip() == ""
        data = page.get_contents().get_data()
        assert not re.search(rb"T[jJ]\b", data), data  # no text drawn at all: one image a page
        assert "/XObject" in page["/Resources"]


def test_parse_strips_markup_and_collects_footnotes() -> None:
    text = (
        "**A bold\n title**\n\n"
        "3. Funds went to the [Trust Fund](#)¹ and <i>others</i><sup>2</sup>.\n\n"
        "¹ <https://example.org/fund>\n\n² \\(see annex\\)"
    )
    paras, notes = unlayout.parse(text)
    assert [(p.kind, p.label, p.text) for p in paras] == [
        ("heading3", "", "A bold title"),
        ("para", "3.", "Funds went to the Trust Fund¹ and others²."),
    ]
    assert notes == {"1": "https://example.org/fund", "2": "(see annex)"}


def test_core_fonts_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    core = unlayout.Fonts(dict(unlayout._CORE), dict.fromkeys(unlayout._CORE))
    monkeypatch.setattr(unlayout, "fonts", lambda: core)
    text = unlayout.typeset("1. Mr. Şahin of Türkiye spoke.¹\n\n¹ A note.", META)
    extracted = pypdf.PdfReader(io.BytesIO(text)).pages[0].extract_text()
    assert "Mr. ?ahin of Türkiye spoke." in extracted
    assert "A note." in extracted

"""Cleaning and segmenting: debris removed without losing content, marks become footnote links, offsets hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from gcmkg.loaders.documents.cleaning import clean
from gcmkg.loaders.documents.headings import HeadingKind
from gcmkg.loaders.documents.segmenting import segment
from tests.conftest import CORPUS


def _one_passage(raw: str) -> tuple[str, list[int]]:
    segmented = segment(clean(raw))
    assert len(segmented.passages) == 1, [p.text for p in segmented.passages]
    passage = segmented.passages[0]
    return passage.text, [int(ref.label) for ref in passage.refs]


@pytest.mark.parametrize(
    ("raw", "text", "marks"),
    [
        ("Data matter<sup>3</sup> for policy.", "Data matter for policy.", [3]),
        ("Data matter&lt;sup&gt;3&lt;/sup&gt; for policy.", "Data matter for policy.", [3]),
        ("Data matter³ for policy.", "Data matter for policy.", [3]),
        ("Data matter${}^{15}$ for policy.", "Data matter for policy.", [15]),
        ("Data **matter** and [links](#) stay.", "Data matter and links stay.", []),
        ("Costs are $5 and $6 per transfer.", "Costs are $5 and $6 per transfer.", []),
        ("Shelters opened in 2031. 2/ They stay open.", "Shelters opened in 2031. They stay open.", [2]),
        (
            "Shelters opened in 2031.[4] Resolution 73/195 is 24/7 law.",
            "Shelters opened in 2031. Resolution 73/195 is 24/7 law.",
            [4],
        ),
        (
            "See [the plan](https://x.org) and list [1](https://y.org).",
            "See the plan (https://x.org) and list 1 (https://y.org).",
            [],
        ),
    ],
)
def test_marks_and_markup_become_plain_text_and_footnote_numbers(raw: str, text: str, marks: list[int]) -> None:
    assert _one_passage(raw) == (text, marks)


def test_footnote_definitions_in_every_debris_form_are_read() -> None:
    raw = (
        "A passage citing four notes<sup>1</sup> and² and³ and⁴.\n\n"
        "<sup>&</sup>lt;sup>1</sup> First note\n\n"
        "² <https://example.org/two>\n\n"
        " $<sup>{\\</sup>color{red}^{3}\\,\\underline{https://example.org/three}}$ \n\n"
        "⁴ [Fourth](https://example.org/four)\n"
    )
    notes = {int(note.label): note.text for note in segment(clean(raw)).footnotes}
    assert notes == {
        1: "First note",
        2: "https://example.org/two",
        3: "https://example.org/three",
        4: "Fourth (https://example.org/four)",
    }


def test_notes_marked_with_a_slash_or_brackets_are_footnotes() -> None:
    raw = "Clinics grew by 12 %. 1/ Courts closed.[2]\n\nNotes\n\n1/ See https://a.org/x.\n\n[2] See https://b.org/y."
    cleaned = clean(raw)
    assert cleaned.footnotes == {"1": "See https://a.org/x.", "2": "See https://b.org/y."}


def test_a_url_whose_number_was_lost_takes_the_free_number_between_its_neighbours() -> None:
    raw = "Body text with a mark² and a mark³ and⁴ here.\n\n²First\n\nhttps://example.org/three\n\n⁴Fourth\n"
    notes = {int(note.label): note.text for note in segment(clean(raw)).footnotes}
    assert notes[3] == "https://example.org/three"


def test_a_paragraph_cut_by_a_footnote_block_is_joined_and_keeps_its_marks() -> None:
    raw = (
        "The Co-Chairs thanked the State Secretary of the\n\n"
        "¹ A note\n\n"
        "Ministry of Internal Affairs for the report.¹\n"
    )
    text, marks = _one_passage(raw)
    assert text == "The Co-Chairs thanked the State Secretary of the Ministry of Internal Affairs for the report."
    assert marks == [1]


def test_broken_lines_join_and_page_furniture_goes() -> None:
    page = "Regional Review report\n{body}\n{number}\n"
    raw = "\f".join(
        page.format(body=body, number=n)
        for n, body in enumerate(
            [
                "Member States are encouraged to continue\n efforts to integrate migration.",
                "Second page text.",
                "Third page text.",
            ],
            start=1,
        )
    )
    texts = [p.text for p in segment(clean(raw)).passages]
    assert texts == [
        "Member States are encouraged to continue efforts to integrate migration.",
        "Second page text.",
        "Third page text.",
    ]


def test_offsets_point_into_the_cleaned_text() -> None:
    segmented = segment(clean((CORPUS / "000_7311cc525c900547.txt").read_text(encoding="utf-8")))
    for part in [*segmented.passages, *segmented.footnotes]:
        assert segmented.text[part.start : part.end] == part.text
    for section in segmented.sections:
        assert segmented.text[section.start :].startswith(section.heading.text)


def test_a_plain_digit_mark_is_recovered_when_the_footnote_exists() -> None:
    """000: "(M-MPTF)9 supported" and "local communities. 11 Other" carry notes 9 and 11."""
    segmented = segment(clean((CORPUS / "000_7311cc525c900547.txt").read_text(encoding="utf-8")))
    cited = {int(ref.label): passage for passage in segmented.passages for ref in passage.refs}
    assert "(M-MPTF) supported the government" in cited[9].text
    assert cited[9] is cited[11]
    assert "(M-MPTF)9" not in segmented.text


def test_headings_of_the_corpus_are_recognised() -> None:
    def kinds(name: str) -> list[tuple[HeadingKind, int | None]]:
        segmented = segment(clean((CORPUS / name).read_text(encoding="utf-8")))
        return [(s.heading.kind, s.heading.number) for s in segmented.sections if s.heading.number]

    assert kinds("002_401cf7dc2a28f9d0.txt") == [(HeadingKind.SESSION, n) for n in (1, 2, 3, 4, 1, 2, 3, 4)]
    assert kinds("003_b3646771b72b2572.txt")[-23:] == [(HeadingKind.OBJECTIVE, n) for n in range(1, 24)]
    assert kinds("004_f5e20b4a01c69ec7.txt") == [(HeadingKind.SESSION, 4)]


def test_cleaning_is_deterministic(tmp_path: Path) -> None:
    raw = (CORPUS / "003_b3646771b72b2572.txt").read_text(encoding="utf-8")
    assert segment(clean(raw)).text == segment(clean(raw)).text

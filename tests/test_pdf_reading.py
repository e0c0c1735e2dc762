"""Documents as they are published (issue 18): PDFs in the usual UN layout read like their text.

The PDFs are typeset here from fixture texts by tests/unlayout.py (running headers with the symbol and a
short title, page numbers, the job number at every foot, a masthead, footnotes at the page feet with raised
marks glued to the word, paragraphs and words broken across lines and pages, tables). The held-out documents
(tests/fixtures/published, heldout2, heldout3, heldout4) built from their PDFs must give the same facts as built from
their text.
"""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import Store

from gcmkg.graph.rdfio.store import open_store
from gcmkg.loaders.documents.furniture import furniture
from gcmkg.loaders.documents.pdflayout import _joined
from gcmkg.loaders.documents.reading import UnreadableDocument, read_document
from tests import unlayout
from tests.conftest import REPO_ROOT
from tests.gold.score import key, load_passages, normalise, predicted_people, select, statistic_value

FIXTURES = REPO_ROOT / "tests" / "fixtures"
SAMPLE = FIXTURES / "layout" / "sample_report.txt"
META = unlayout.Masthead("ECE/CES/WP.9/2027/2", "Coastal Migration Statistics", "GE.27-15032(E)")


# ------------------------------------------------------------------------------------------- page furniture


def test_furniture_is_what_repeats_at_the_edges_whatever_its_numbers_and_sides() -> None:
    pages = [
        ["United Nations ECE/X/2030/4", "Economic and Social Council", "1. Body text.", "GE.30-01234(E)"],
        ["ECE/X/2030/4", "2", "2. The text goes on.", "3. More.", "2 GE.30-01234(E)"],
        ["3", "ECE/X/2030/4", "4. The text ends.", "GE.30-01234(E) 3"],
    ]
    found = furniture(pages)
    for furniture_line in ("ECE/X/2030/4", "United Nations ECE/X/2030/4", "2 GE.30-01234(E)", "GE.30-01234(E) 3"):
        assert found.covers(furniture_line), furniture_line
    for text in ("Economic and Social Council", "2. The text goes on.", "4. The text ends."):
        assert not found.covers(text), text


def test_one_page_has_no_furniture_and_a_line_met_on_one_page_only_is_text() -> None:
    assert not furniture([["ECE/X/2030/4", "Text."]]).covers("ECE/X/2030/4")
    assert not furniture([["Introduction", "Text."], ["Annex", "More text."]]).covers("Introduction")


@pytest.mark.parametrize(
    ("before", "after", "joined"),
    [
        ("for twelve non-governmental organi-", "zations and", "for twelve non-governmental organizations and"),
        ("a whole-of-", "government approach", "a whole-of-government approach"),  # a compound goes on
        ("the Directorate-", "General for Migration", "the Directorate-General for Migration"),
        ("see https://example.org/country-", "regional-network", "see https://example.org/country-regional-network"),
        ("a multi-", "stakeholder hearing", "a multi-stakeholder hearing"),  # the document writes it so
        ("the migrants", "arrived", "the migrants arrived"),
        ("objectives nineteen and twenty-", "two", "objectives nineteen and twenty-two"),
        ("its sixty-", "first session", "its sixty-first session"),  # a compound number keeps its hyphen
        ("of the Global Com\u00ad", "pact", "of the Global Compact"),  # a soft hyphen
    ],
)
def test_lines_of_a_paragraph_join_and_hyphenated_words_heal(before: str, after: str, joined: str) -> None:
    assert _joined(before, after, {"multi-stakeholder"}) == joined


# ------------------------------------------------------------------------------------------------- reading


@pytest.fixture(scope="module")
def sample_pdf_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("sample") / "sample.pdf"
    path.write_bytes(unlayout.typeset(SAMPLE.read_text(encoding="utf-8"), replace(META, date="30 September 2027")))
    return read_document(path)


def test_headers_footers_page_and_job_numbers_are_gone(sample_pdf_text: str) -> None:
    lines = [line.strip() for line in sample_pdf_text.splitlines()]
    assert META.symbol not in sample_pdf_text and META.job_number not in sample_pdf_text
    assert META.short_title not in lines  # the running header's line; the title itself says it in full
    assert not [line for line in sample_pdf_text.splitlines() if line.strip().isdigit()]


def test_footnotes_leave_the_page_feet_with_their_marks_in_the_text(sample_pdf_text: str) -> None:
    """The sample has five footnotes; each becomes a definition of its own, and its mark stays in the body."""
    source = SAMPLE.read_text(encoding="utf-8")
    marks = "¹²³⁴⁵"
    for mark in marks:
        definitions = [block for block in sample_pdf_text.split("\n\n") if block.startswith(mark + " ")]
        assert len(definitions) == 1, mark
        cited = [block for block in sample_pdf_text.split("\n\n") if mark in block and not block.startswith(mark)]
        assert len(cited) == 1, mark
    assert sum(source.count(f"\n{mark} ") for mark in marks) == 5


def test_paragraphs_come_back_whole(sample_pdf_text: str) -> None:
    """Every numbered paragraph of the source is one block of the PDF's text, its words in order."""
    source = SAMPLE.read_text(encoding="utf-8")
    numbered = [b for b in source.split("\n\n") if b[:3].rstrip(".").strip().isdigit() and ". " in b[:4]]
    read = {normalise(block) for block in sample_pdf_text.split("\n\n")}
    assert numbered
    for paragraph in numbered:
        plain = normalise(paragraph.replace("**", ""))
        assert plain in read, plain[:80]


def test_a_scan_has_no_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(unlayout.typeset_scanned(SAMPLE.read_text(encoding="utf-8"), META))
    with pytest.raises(UnreadableDocument) as caught:
        read_document(path)
    assert caught.value.reason.startswith("no text layer (")


def test_a_scan_is_skipped_by_name_and_the_other_documents_load(tmp_path: Path) -> None:
    from gcmkg.graph.cli import cli

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "scan.pdf").write_bytes(unlayout.typeset_scanned(SAMPLE.read_text(encoding="utf-8"), META))
    (corpus / "note.txt").write_text((FIXTURES / "published" / "background_note_session_2.txt").read_text())
    result = CliRunner().invoke(cli, ["build", "--corpus", str(corpus), "-o", str(tmp_path / "out")])
    assert result.exit_code == 5, result.output  # a partial build (README: exit codes)
    assert f"{corpus / 'scan.pdf'}: no text layer (" in result.output
    assert {p.document for p in load_passages(open_store(tmp_path / "out"))} == {"note"}


# --------------------------------------------------------------------------------- the same facts as the text


def mastheads(folder: Path) -> dict[Path, unlayout.Masthead]:
    """Each text document of ``folder`` and what its PDF prints around it (from documents.csv where the folder
    has one, else made up)."""
    listed = folder / "documents.csv"
    rows = (
        {row["file"]: row for row in csv.DictReader(listed.read_text(encoding="utf-8").splitlines())}
        if listed.exists()
        else {}
    )
    found = {}
    for number, path in enumerate(sorted(folder.glob("*.txt")), start=1):
        row = rows.get(path.name, {})
        found[path] = unlayout.Masthead(
            row.get("symbol", f"ECE/GCM/2030/{number}"),
            row.get("short_title", "Regional Review"),
            row.get("job_number", f"GE.30-0{number}123(E)"),
        )
    return found


def typeset(folder: Path, target: Path) -> None:
    """tests/unlayout.py (reportlab): footnotes at the page feet, hyphenation, masthead."""
    for path, masthead in mastheads(folder).items():
        (target / f"{path.stem}.pdf").write_bytes(unlayout.typeset(path.read_text(encoding="utf-8"), masthead))


def printed(folder: Path, target: Path) -> None:
    """tests/htmlprint.py: HTML printed by headless Chromium, running header and footer, notes after the text."""
    from tests.browser import Browser, chromium
    from tests.htmlprint import print_pdf

    browser = Browser(chromium(), target.parent)
    try:
        for path, masthead in mastheads(folder).items():
            pdf = print_pdf(browser, path.read_text(encoding="utf-8"), masthead, target.parent)
            (target / f"{path.stem}.pdf").write_bytes(pdf)
    finally:
        browser.close()


def exported(folder: Path, target: Path) -> None:
    """tests/odtprint.py: LibreOffice's export of a word-processor document, real footnotes at the page feet."""
    from tests.odtprint import export_pdfs

    texts = {path.stem: (path.read_text(encoding="utf-8"), masthead) for path, masthead in mastheads(folder).items()}
    for path in export_pdfs(texts, target.parent).values():
        path.rename(target / path.name)


PRODUCERS = {"reportlab": typeset, "chromium": printed, "libreoffice": exported}
#: (producer, held-out set): every set through the UN-layout typesetter, one each through the other producers.
CASES = [
    ("reportlab", "published"),
    ("reportlab", "heldout2"),
    ("reportlab", "heldout3"),
    ("reportlab", "heldout4"),
    ("reportlab", "heldout5"),  # "1/" and "[1]" notes, sub-paragraphs, bullets and capitals headings
    ("reportlab", "heldout6"),  # a programme of time slots, links in the text
    ("reportlab", "heldout7"),  # labelled lines, middle-dot lists, notes "(1)" glued to the full stop
    ("chromium", "published"),
    ("chromium", "heldout3"),  # a programme table whose rows are laid out one by one
    ("libreoffice", "heldout2"),
    ("libreoffice", "heldout3"),  # table cells set larger than the body, a row cut by a page break
    ("libreoffice", "heldout5"),  # "twenty-|two" hyphenated at a line end
    ("libreoffice", "heldout7"),
]


def _build(corpus: Path, out: Path) -> Store:
    from gcmkg.graph.cli import cli

    result = CliRunner().invoke(cli, ["build", "--corpus", str(corpus), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return open_store(out)


def facts(store: Store) -> dict[str, set[tuple[str, ...]]]:
    """The facts of a build, without the passage numbers (a PDF's masthead adds passages of its own)."""
    passages = {p.iri: p for p in load_passages(store)}

    def document(row: dict[str, str | None]) -> str:
        return passages[row["passage"] or ""].document

    return {
        "kinds": {(r["document"] or "", r["kind"] or "") for r in select(store, "kinds")},
        "sessions": {(r["year"] or "", r["session"] or "", r["objective"] or "") for r in select(store, "sessions")},
        "participation": {
            (r["document"] or "", r["session"] or "", key(r["agent"]), key(r["role"]), key(r["via"]))
            for r in select(store, "participation")
        },
        "objectives": {
            (document(r), normalise(passages[r["passage"] or ""].text)[:80], r["objective"] or "")
            for r in select(store, "objectives")
        },
        "mentions": {(document(r), key(r["entity"])) for r in select(store, "mentions") if r["passage"] in passages},
        "citations": {(r["document"] or "", r["footnote"] or "", r["url"] or "") for r in select(store, "citations")},
        "statistics": {(document(r), statistic_value(r)) for r in select(store, "statistics")},
        "attendance": {(key(r["agent"]),) for r in select(store, "attendance")},
        "people": predicted_people(store)[0],
    }


@pytest.fixture(scope="module", params=CASES, ids=["-".join(case) for case in CASES])
def builds(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict]:  # type: ignore[type-arg]
    """The facts of a held-out set built from its text, and built from its PDFs made by one producer."""
    producer, name = request.param
    folder = FIXTURES / name
    work = tmp_path_factory.mktemp(f"{name}-{producer}")
    (work / "pdf").mkdir()
    PRODUCERS[producer](folder, work / "pdf")
    return facts(_build(folder, work / "text-build")), facts(_build(work / "pdf", work / "pdf-build"))


@pytest.mark.slow
@pytest.mark.parametrize(
    "category",
    ["kinds", "sessions", "participation", "objectives", "mentions", "citations", "statistics", "attendance", "people"],
)
def test_a_pdf_gives_the_facts_of_its_text(builds: tuple[dict, dict], category: str) -> None:  # type: ignore[type-arg]
    text, pdf = builds
    assert text[category], f"the text build has no {category}"
    assert pdf[category] == text[category]


def _drawn(tmp_path: Path, lines: list[list[tuple[float, str]]]) -> str:
    """The text read back from one page on which each line's (x, text) pieces are drawn 12 points below the last."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "drawn.pdf"
    page = canvas.Canvas(str(path), invariant=1)
    page.setFont("Times-Roman", 10)
    for number, pieces in enumerate(lines):
        for x, text in pieces:
            page.drawString(x, 760 - 12 * number, text)
    page.showPage()
    page.save()
    return read_document(path)


def test_a_paragraph_indented_as_a_whole_is_no_table(tmp_path: Path) -> None:
    body = "The Review recalled that migration governance needs data that all can trust and use widely."
    quoted = "Every State should publish its migration statistics on time, the quotation said in full."
    text = _drawn(tmp_path, [[(72, body)], [(72, body)], [(140, quoted)], [(140, quoted)], [(72, body)]])
    assert "\t" not in text
    assert quoted in text


def test_a_list_run_on_over_lines_after_a_semicolon_stays_one_paragraph(tmp_path: Path) -> None:
    first = "12. Observers from civil society: Caritas Europa; Red Cross EU Office; European Youth Forum;"
    second = "Social Platform; Churches Commission for Migrants in Europe"  # a title's length and capitals
    text = _drawn(tmp_path, [[(72, first)], [(72, second)]])
    assert text.split("\n\n") == [f"{first} {second}\n"]


def test_cells_that_line_up_make_rows_and_a_wrapped_cell_stays_in_its_row(tmp_path: Path) -> None:
    text = _drawn(
        tmp_path,
        [
            [(72, "Some context for the table follows here, long enough to be a usual body line of text.")],
            [(72, "Moderator"), (250, "Ms. Ana Lopez, Director,")],
            [(250, "Migration Policy Institute (MPI)")],
            [(72, "Member State speaker"), (250, "Mr. Jan Kral, Czechia")],
        ],
    )
    assert "Moderator\tMs. Ana Lopez, Director, Migration Policy Institute (MPI)" in text.split("\n\n")
    assert "Member State speaker\tMr. Jan Kral, Czechia\n" in text.split("\n\n")

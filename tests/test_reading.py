"""read_document: text and PDF documents in, text out; every bad input refused with a short reason.

The PDFs are generated here (tests/pdfmaker.py), never stored in the repository.
"""

from __future__ import annotations

import io
import logging
import tracemalloc
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from gcmkg.loaders.documents.reading import MAX_DOCUMENT_BYTES, UnreadableDocument, read_document
from tests.pdfmaker import make_pdf

HEADER = "ECE/AC.32/2024/1 - Regional Review of the GCM"
PAGES = [
    [HEADER, "Session 3", "Background note", "1. The third session will offer space for discussion (objectives 2, 5)."],
    [HEADER, "2. Member States reported progress on regular pathways \\ labour mobility."],
    [HEADER, "3. The Review closed with a summary by the Co-Chairs."],
]


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _reason(path: Path) -> str:
    with pytest.raises(UnreadableDocument) as caught:
        read_document(path)
    assert str(caught.value) == caught.value.reason
    return caught.value.reason


def test_pdfmaker_output_is_a_correct_pdf() -> None:
    """pypdf in strict mode reads the generated file without logging a word."""
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    logging.getLogger("pypdf").addHandler(handler)
    try:
        reader = PdfReader(io.BytesIO(make_pdf(PAGES)), strict=True)
        assert len(reader.pages) == 3
        assert "Session 3" in reader.pages[0].extract_text()
    finally:
        logging.getLogger("pypdf").removeHandler(handler)
    assert records == []


def test_multipage_pdf_reads_as_paragraphs_without_the_running_header(tmp_path: Path) -> None:
    """Each line of these pages is a paragraph or a heading (a short line ends its paragraph); the header that
    repeats at the top of the three pages is page furniture and goes."""
    text = read_document(_write(tmp_path, "note.pdf", make_pdf(PAGES)))
    expected = [line for lines in PAGES for line in lines if line != HEADER]
    assert text.split("\n\n") == [*expected[:-1], expected[-1] + "\n"]  # parentheses and backslashes survive


def test_a_header_on_one_page_only_is_kept(tmp_path: Path) -> None:
    """Repetition decides: a first line that no other page repeats is text."""
    pages = [PAGES[0], [line for line in PAGES[1] if line != HEADER], [line for line in PAGES[2] if line != HEADER]]
    assert read_document(_write(tmp_path, "note.pdf", make_pdf(pages))).startswith(HEADER)


def test_uppercase_pdf_suffix_is_read_as_pdf(tmp_path: Path) -> None:
    assert "Session 3" in read_document(_write(tmp_path, "NOTE.PDF", make_pdf(PAGES)))


def test_truncated_pdf(tmp_path: Path) -> None:
    data = make_pdf(PAGES)
    reason = _reason(_write(tmp_path, "cut.pdf", data[: len(data) // 2]))
    assert reason.startswith("truncated or damaged PDF (")


def test_pdf_with_broken_structure(tmp_path: Path) -> None:
    """Catalogue and page tree overwritten: pypdf raises something, and it must not escape as such."""
    data = make_pdf(PAGES).replace(b"/Type /Catalog /Pages 2 0 R", b"/Type /Catalog /Pages 9 9 R")
    reason = _reason(_write(tmp_path, "broken.pdf", data))
    assert reason.startswith("truncated or damaged PDF (")


def test_encrypted_pdf_needs_a_password(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(PAGES))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert _reason(_write(tmp_path, "locked.pdf", buffer.getvalue())) == "encrypted PDF (a password is needed)"


def test_pdf_with_only_an_owner_password_is_read(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(PAGES))))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert "Session 3" in read_document(_write(tmp_path, "permissions.pdf", buffer.getvalue()))


def test_pdf_without_text(tmp_path: Path) -> None:
    reason = _reason(_write(tmp_path, "scan.pdf", make_pdf([[], []])))
    assert reason == "no text layer (2 page(s) of images or drawings; a scanned PDF needs OCR first)"


def test_text_file_with_pdf_suffix(tmp_path: Path) -> None:
    assert _reason(_write(tmp_path, "note.pdf", b"Session 3\n\nBackground note\n")) == (
        "not a PDF file (no %PDF- header)"
    )


def test_pdf_renamed_txt(tmp_path: Path) -> None:
    assert _reason(_write(tmp_path, "note.txt", make_pdf(PAGES))) == "a PDF file with a .txt name"
    assert _reason(_write(tmp_path, "note.md", make_pdf(PAGES))) == "a PDF file with a .md name"


def test_nul_bytes(tmp_path: Path) -> None:
    reason = _reason(_write(tmp_path, "nul.txt", b"Session 3\n\x00\x00Background note\n"))
    assert reason == "binary content, not text (NUL byte at byte 10)"


def test_non_utf8_names_the_byte_offset(tmp_path: Path) -> None:
    data = "Session 3 in Genève".encode("latin-1")
    assert _reason(_write(tmp_path, "latin1.txt", data)) == f"not UTF-8 text (byte {data.index(0xE8)})"


def test_text_cut_inside_a_multibyte_character(tmp_path: Path) -> None:
    data = "Session 3 in Genève".encode()
    cut = data[: data.index("è".encode()) + 1]
    assert _reason(_write(tmp_path, "cut.txt", cut)) == (
        f"not UTF-8 text: cut off inside a character (byte {len(cut) - 1})"
    )


@pytest.mark.parametrize("data", [b"", b" \n\t\r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n\n"], ids=repr)
def test_empty(tmp_path: Path, data: bytes) -> None:
    assert _reason(_write(tmp_path, "empty.txt", data)) == "empty"


@pytest.mark.parametrize("data", [b"", b" \n\t\r\n"], ids=repr)
def test_empty_pdf(tmp_path: Path, data: bytes) -> None:
    assert _reason(_write(tmp_path, "empty.pdf", data)) == "empty"


def test_utf16_is_named(tmp_path: Path) -> None:
    assert _reason(_write(tmp_path, "wide.txt", "Session 3".encode("utf-16"))) == "UTF-16 text, not UTF-8"


def test_bom_is_removed_and_line_endings_normalised(tmp_path: Path) -> None:
    path = _write(tmp_path, "bom.md", "\ufeffSession 3\r\n\r\nBackground note – Genève\r".encode())
    assert read_document(path) == "Session 3\n\nBackground note – Genève\n"


def test_sparse_100_mb_file_is_refused_by_size_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as file:
        file.truncate(100 * 1024 * 1024)  # sparse: nothing is written
    tracemalloc.start()
    try:
        reason = _reason(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert reason == f"larger than the 20 MB limit ({100 * 1024 * 1024} bytes)"
    assert peak < MAX_DOCUMENT_BYTES // 100  # the file was never read into memory


def test_missing_file_and_unknown_suffix(tmp_path: Path) -> None:
    assert _reason(tmp_path / "gone.txt") == "cannot be read (No such file or directory)"
    assert _reason(_write(tmp_path, "note.docx", b"PK\x03\x04")).startswith("not a document type gcmkg reads")


def test_pypdf_logs_and_warnings_are_contained(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A damaged PDF that pypdf recovers from (wrong xref offset) reads cleanly, with nothing logged."""
    data = make_pdf(PAGES)
    wrong = data.replace(b"0000000015 00000 n", b"0000000099 00000 n")
    assert wrong != data
    with caplog.at_level(logging.DEBUG):
        assert "Session 3" in read_document(_write(tmp_path, "recovered.pdf", wrong))
        _reason(_write(tmp_path, "cut.pdf", data[: len(data) // 2]))
    assert caplog.records == []


class _WarningReader:
    """Stands in for pypdf.PdfReader: warns as pypdf may, then reads like the real one."""

    def __init__(self, stream: io.BytesIO, strict: bool = False) -> None:
        import warnings

        warnings.warn("a pypdf-style PdfReadWarning", UserWarning, stacklevel=2)
        logging.getLogger("pypdf._reader").warning("a pypdf-style log record")
        self.pages = PdfReader(stream, strict=strict).pages


def test_python_warnings_from_pypdf_are_contained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pytest turns warnings into errors: an escaping warning would fail this test."""
    monkeypatch.setattr("pypdf.PdfReader", _WarningReader)
    assert "Session 3" in read_document(_write(tmp_path, "warns.pdf", make_pdf(PAGES)))


def test_any_exception_from_pypdf_becomes_a_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(stream: io.BytesIO, strict: bool = False) -> None:
        logging.getLogger("pypdf._reader").warning("Invalid parent xref")
        raise KeyError("/Pages")

    monkeypatch.setattr("pypdf.PdfReader", broken)
    reason = _reason(_write(tmp_path, "odd.pdf", make_pdf(PAGES)))
    assert reason == "truncated or damaged PDF (Invalid parent xref; '/Pages')"

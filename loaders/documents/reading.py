"""Read a corpus document into text, or say in a few words why it cannot be read.

``.txt`` and ``.md`` files must be UTF-8 text (a leading byte order mark is dropped, line endings become
``\\n``). ``.pdf`` files are read with pypdf, one page after another, pages joined by a form feed (``\\f``)
so the cleaner can find page breaks and the headers repeated on every page. Anything else (too large,
empty, binary, not UTF-8, an encrypted, truncated or damaged PDF) raises UnreadableDocument with a
short reason; pypdf's exceptions, log records and warnings never escape from here.
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from gcmkg.loaders.documents.pdflayout import layout_text
from gcmkg.loaders.documents.pdfpieces import Page, page_pieces

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".md")
PDF_SUFFIX = ".pdf"
READABLE_SUFFIXES = (*TEXT_SUFFIXES, PDF_SUFFIX)
PAGE_BREAK = "\f"

# Leading bytes of files that are not UTF-8 text, and the reason to give ({suffix}: the file's suffix).
_MAGIC = {
    b"%PDF-": "a PDF file with a {suffix} name",
    b"PK\x03\x04": "a ZIP archive (such as .docx or .odt) with a {suffix} name",
    b"\xd0\xcf\x11\xe0": "a legacy Microsoft Office file with a {suffix} name",
    b"\xff\xfe": "UTF-16 text, not UTF-8",
    b"\xfe\xff": "UTF-16 text, not UTF-8",
}
_PDF_HEADER_WINDOW = 1024  # the PDF header may follow up to 1 KB of junk, as readers tolerate


class UnreadableDocument(Exception):
    """A document that cannot be read; ``reason`` says why in a few words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def read_document(path: Path) -> str:
    """The text of a ``.txt``, ``.md`` or ``.pdf`` document; raises UnreadableDocument."""
    suffix = path.suffix.lower()
    if suffix not in READABLE_SUFFIXES:
        raise UnreadableDocument(f"not a document type gcmkg reads ({', '.join(READABLE_SUFFIXES)})")
    data = _read_bytes(path)
    return _pdf_text(data) if suffix == PDF_SUFFIX else _plain_text(data, suffix)


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, after checking its size with stat() so a huge file is never read."""
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise UnreadableDocument(f"larger than the {MAX_DOCUMENT_BYTES // 2**20} MB limit ({size} bytes)")
        return path.read_bytes()
    except OSError as error:
        raise UnreadableDocument(f"cannot be read ({error.strerror or error})") from error


def _plain_text(data: bytes, suffix: str) -> str:
    """UTF-8 text without a leading BOM, line endings normalised to ``\\n``."""
    if not data.strip():
        raise UnreadableDocument("empty")
    for magic, reason in _MAGIC.items():
        if data.startswith(magic):
            raise UnreadableDocument(reason.format(suffix=suffix))
    nul = data.find(b"\x00")
    if nul >= 0:
        raise UnreadableDocument(f"binary content, not text (NUL byte at byte {nul})")
    text = _decode_utf8(data).removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableDocument("empty")
    return text


def _decode_utf8(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.end == len(data) and error.reason == "unexpected end of data":
            raise UnreadableDocument(f"not UTF-8 text: cut off inside a character (byte {error.start})") from error
        raise UnreadableDocument(f"not UTF-8 text (byte {error.start})") from error


def _pdf_text(data: bytes) -> str:
    """The text of every page, joined by form feeds."""
    if not data.strip():
        raise UnreadableDocument("empty")
    if b"%PDF-" not in data[:_PDF_HEADER_WINDOW]:
        raise UnreadableDocument("not a PDF file (no %PDF- header)")
    notes: list[str] = []
    try:
        with _pypdf_contained(notes):
            pages = _extract_pages(data)
    except Exception as error:  # broken PDFs raise more than pypdf's own errors (KeyError, ValueError, ...)
        raise UnreadableDocument(_pdf_failure(error, notes)) from error
    if not any(piece.text.strip() for page in pages for piece in page.pieces):
        raise UnreadableDocument(
            f"no text layer ({len(pages)} page(s) of images or drawings; a scanned PDF needs OCR first)"
        )
    return layout_text(pages)


def _extract_pages(data: bytes) -> list[Page]:
    """Each page's text pieces; an encrypted PDF opens only if its user password is empty (pypdf tries that)."""
    from pypdf import PdfReader  # imported here: only PDF documents pay for it

    reader = PdfReader(io.BytesIO(data), strict=False)
    return [page_pieces(page) for page in reader.pages]


def _pdf_failure(error: Exception, notes: list[str]) -> str:
    """The reason for a PDF pypdf could not read: its error and, if any, what it noticed on the way."""
    from pypdf.errors import DependencyError, FileNotDecryptedError

    if isinstance(error, FileNotDecryptedError):
        return "encrypted PDF (a password is needed)"
    if isinstance(error, DependencyError):
        return f"encrypted PDF that cannot be decrypted here ({error})"
    detail = "; ".join(dict.fromkeys([*notes[:2], str(error) or type(error).__name__]))
    return f"truncated or damaged PDF ({detail})"


class _Notes(logging.Handler):
    """Collects log messages instead of letting them reach the user's handlers."""

    def __init__(self, into: list[str]) -> None:
        super().__init__(logging.DEBUG)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(record.getMessage())


@contextmanager
def _pypdf_contained(notes: list[str]) -> Iterator[None]:
    """pypdf's log records and Python warnings go into ``notes`` for the duration, and nowhere else."""
    logger = logging.getLogger("pypdf")
    handler, propagate = _Notes(notes), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                yield
            finally:
                notes.extend(str(w.message) for w in caught)
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate

"""A tiny PDF writer for tests: pages of Helvetica text, with a correct cross-reference table.

Why write PDFs by hand instead of adding a PDF-writing library to the ``test`` extra: the tests need only a
few lines of ASCII text per page, and they need to control the bytes exactly (to cut a file in half, or to
damage its cross-reference table), which is simplest when the whole file is built here in ~60 lines.
pypdf (already a runtime dependency) reads these files in strict mode without a warning; a test checks it.
"""

from __future__ import annotations

from collections.abc import Sequence

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
_FONT_SIZE, _LEADING, _MARGIN = 11, 14, 72


def _escape(line: str) -> str:
    """A PDF literal string body: backslashes and parentheses escaped; ASCII only."""
    line.encode("ascii")  # raises on anything this writer cannot put in a Helvetica page
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _content(lines: Sequence[str]) -> bytes:
    """A page's content stream: one text object, each line on its own baseline."""
    ops = [f"BT /F1 {_FONT_SIZE} Tf {_LEADING} TL {_MARGIN} {PAGE_HEIGHT - _MARGIN} Td"]
    ops += [f"({_escape(line)}) Tj T*" for line in lines]
    ops.append("ET")
    return "\n".join(ops).encode("ascii")


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def make_pdf(pages: Sequence[Sequence[str]]) -> bytes:
    """A PDF 1.4 file with one page per item of ``pages``, each a list of text lines."""
    first_page = 4  # objects: 1 catalog, 2 page tree, 3 font, then a (page, content) pair per page
    kids = " ".join(f"{first_page + 2 * i} 0 R" for i in range(len(pages)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode("ascii"),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, lines in enumerate(pages):
        page, content = first_page + 2 * i, first_page + 2 * i + 1
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content} 0 R >>".encode("ascii")
        )
        assert len(objects) == page
        objects.append(_stream(_content(lines)))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)

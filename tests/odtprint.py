"""A third PDF producer for tests: a corpus-convention text as an OpenDocument text, exported by LibreOffice.

This is how a word processor lays out a UN document: real footnotes at the foot of the page where their mark
stands (LibreOffice numbers them and sets the marks raised and smaller), the symbol in a running header, the
page number and job number in a running footer, bold short headings, tables for tab-separated rows. The
document is written as a flat ODT file (``.fodt``) and converted with ``soffice --headless --convert-to pdf``
in a profile of its own; nothing is fetched.

``soffice()`` finds LibreOffice or skips the calling test, failing instead when GCMKG_REQUIRE_LIBREOFFICE=1
(``.ci/run`` installs Debian's libreoffice-writer-nogui and sets it).
"""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

from tests.programs import required
from tests.unlayout import Masthead

REQUIRE = "GCMKG_REQUIRE_LIBREOFFICE"
CONVERT_TIMEOUT = 300.0  # seconds: a guard against a hung converter, not a measure of speed
_MARKS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_DIGITS = str.maketrans(_MARKS, "0123456789")
_DEFINITION = re.compile(f"^([{_MARKS}]+)\\s+(.*)$", re.DOTALL)
_MARK = re.compile(f"[{_MARKS}]+")
_STYLES = """<office:styles>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm"
 fo:text-align="justify"/><style:text-properties fo:font-size="10pt" style:font-name="Liberation Serif"/></style:style>
<style:style style:name="Heading" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.3cm"
 fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="10pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Footnote" style:family="paragraph"><style:text-properties fo:font-size="8pt"/></style:style>
<style:style style:name="Furniture" style:family="paragraph"><style:text-properties fo:font-size="8pt"
 fo:font-weight="bold"/></style:style>
</office:styles>
<office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm"
 fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.5cm"
 fo:margin-right="2.5cm"/><style:header-style/><style:footer-style/></style:page-layout></office:automatic-styles>"""
_NAMESPACES = " ".join(
    f'xmlns:{prefix}="urn:oasis:names:tc:opendocument:xmlns:{name}"'
    for prefix, name in (
        ("office", "office:1.0"),
        ("style", "style:1.0"),
        ("text", "text:1.0"),
        ("table", "table:1.0"),
        ("fo", "xsl-fo-compatible:1.0"),
    )
)


def soffice() -> str:
    """LibreOffice; skip the calling test without it, or fail when GCMKG_REQUIRE_LIBREOFFICE=1."""
    return required("soffice", REQUIRE, "libreoffice-writer-nogui")


def _inline(text: str, notes: dict[str, str]) -> str:
    """A paragraph's text, escaped, each footnote mark replaced by the footnote itself."""
    plain = html.escape(" ".join(re.sub(r"</?[A-Za-z][^<>]*>", "", text.replace("**", "")).split()))

    def note(mark: re.Match[str]) -> str:
        number = mark.group(0).translate(_DIGITS)
        body = html.escape(notes.get(mark.group(0), ""))
        return (
            f'<text:note text:id="n{number}" text:note-class="footnote"><text:note-citation>{number}'
            f'</text:note-citation><text:note-body><text:p text:style-name="Footnote">{body}</text:p>'
            "</text:note-body></text:note>"
        )

    return _MARK.sub(note, plain)


def document(text: str, masthead: Masthead) -> str:
    """The flat ODT of ``text``: paragraphs, bold short headings, one table per tab-separated row, footnotes."""
    blocks = [block.strip() for block in text.split("\n\n") if block.strip()]
    notes = {m.group(1): m.group(2) for block in blocks if (m := _DEFINITION.match(block))}
    body = []
    for block in blocks:
        if _DEFINITION.match(block):
            continue
        if "\t" in block:
            cells = "".join(
                f"<table:table-cell><text:p>{_inline(c, notes)}</text:p></table:table-cell>" for c in block.split("\t")
            )
            columns = f'<table:table-column table:number-columns-repeated="{block.count(chr(9)) + 1}"/>'
            body.append(f"<table:table>{columns}<table:table-row>{cells}</table:table-row></table:table>")
        else:
            style = "Heading" if len(block.split()) <= 10 and not block.endswith(".") else "Body"
            body.append(f'<text:p text:style-name="{style}">{_inline(block, notes)}</text:p>')
    header = f'<text:p text:style-name="Furniture">{html.escape(masthead.symbol)}</text:p>'
    footer = (
        f'<text:p text:style-name="Furniture"><text:page-number text:select-page="current"/> '
        f"{html.escape(masthead.job_number)}</text:p>"
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document {_NAMESPACES} office:version="1.2" '
        f'office:mimetype="application/vnd.oasis.opendocument.text">{_STYLES}<office:master-styles>'
        f'<style:master-page style:name="Standard" style:page-layout-name="A4"><style:header>{header}'
        f"</style:header><style:footer>{footer}</style:footer></style:master-page></office:master-styles>"
        f"<office:body><office:text>{''.join(body)}</office:text></office:body></office:document>"
    )


def export_pdfs(texts: dict[str, tuple[str, Masthead]], folder: Path) -> dict[str, Path]:
    """Each ``name: (text, masthead)`` exported by LibreOffice as ``folder/name.pdf`` (one converter run)."""
    executable = soffice()
    sources = []
    for name, (text, masthead) in texts.items():
        source = folder / f"{name}.fodt"
        source.write_text(document(text, masthead), encoding="utf-8")
        sources.append(str(source))
    profile = (folder / "profile").resolve().as_uri()
    subprocess.run(
        [
            executable,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *sources,
        ],
        check=True,
        capture_output=True,
        timeout=CONVERT_TIMEOUT,
    )
    return {name: folder / f"{name}.pdf" for name in texts}

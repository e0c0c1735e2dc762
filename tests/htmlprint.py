"""A second PDF producer for tests: a corpus-convention text as an HTML page, printed by headless Chromium.

Where tests/unlayout.py typesets with reportlab (footnotes at the page feet), this prints HTML the way a
browser does: Chromium's own fonts, text runs and page breaks, the symbol and a short title in a running
header and the job number and page number in a running footer (printToPDF's templates), footnote marks as
``<sup>`` glued to the word, and the footnotes as a block of smaller notes after the text. The page never
loads anything: the HTML is a file, and the browser runs with the flags of tests/browser.py.
"""

from __future__ import annotations

import base64
import html
import re
from pathlib import Path

from tests.browser import Browser
from tests.unlayout import Masthead

_MARKS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_MARK = re.compile(f"[{_MARKS}]+")
_DEFINITION = re.compile(f"^([{_MARKS}]+)\\s+(.*)$", re.DOTALL)
_STYLE = (
    "body{font-family:'Liberation Serif','DejaVu Serif',serif;font-size:10pt;margin:0}"
    "p{margin:0 0 6pt 0;text-align:justify}sup{font-size:6pt;line-height:0}"
    ".note{font-size:8pt;margin:0 0 2pt 0}.head{font-weight:bold}"
)
_TEMPLATE = "<div style='font-size:8pt;width:100%;margin:0 1.5cm;font-family:serif'>{}</div>"


def _plain(text: str) -> str:
    """A block's text without the corpus's markup (bold stars, tags), HTML-escaped, its marks as ``<sup>``."""
    text = re.sub(r"</?[A-Za-z][^<>]*>", "", text.replace("**", ""))
    escaped = html.escape(" ".join(text.split()))
    return _MARK.sub(lambda m: f"<sup>{m.group(0).translate(str.maketrans(_MARKS, '0123456789'))}</sup>", escaped)


def page(text: str) -> str:
    """The HTML page of ``text``: one ``<p>`` per block, table rows as rows, the footnotes after the text."""
    body, notes = [], []
    for block in (b.strip() for b in text.split("\n\n")):
        if not block:
            continue
        definition = _DEFINITION.match(block)
        if definition:
            number = definition.group(1).translate(str.maketrans(_MARKS, "0123456789"))
            notes.append(f"<p class='note'><sup>{number}</sup> {_plain(definition.group(2))}</p>")
        elif "\t" in block:
            cells = "".join(f"<td>{_plain(cell)}</td>" for cell in block.split("\t"))
            body.append(f"<table style='width:100%'><tr>{cells}</tr></table>")
        else:
            head = " class='head'" if len(block.split()) <= 10 and not block.endswith(".") else ""
            body.append(f"<p{head}>{_plain(block)}</p>")
    notes_block = ["<hr style='width:25%;margin-left:0'>", *notes] if notes else []
    return f"<!doctype html><meta charset='utf-8'><style>{_STYLE}</style>{''.join(body + notes_block)}"


def print_pdf(browser: Browser, text: str, masthead: Masthead, folder: Path) -> bytes:
    """``text`` as HTML printed to an A4 PDF by ``browser``, with running header and footer."""
    source = folder / "page.html"
    source.write_text(page(text), encoding="utf-8")
    tab = browser.open(source.as_uri())
    header = _TEMPLATE.format(f"<b>{html.escape(masthead.symbol)}</b> &#160; {html.escape(masthead.short_title)}")
    footer = _TEMPLATE.format(f"<b><span class='pageNumber'></span></b> &#160; {html.escape(masthead.job_number)}")
    result = browser.send(
        "Page.printToPDF",
        {
            "paperWidth": 8.27,
            "paperHeight": 11.69,
            "marginTop": 1.0,
            "marginBottom": 1.0,
            "marginLeft": 0.8,
            "marginRight": 0.8,
            "displayHeaderFooter": True,
            "headerTemplate": header,
            "footerTemplate": footer,
        },
        tab.session,
    )
    return base64.b64decode(result["data"])

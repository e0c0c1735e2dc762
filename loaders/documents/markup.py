"""Line-level cleaning of conversion debris: HTML and Markdown markup, LaTeX fragments, superscript marks.

Footnote reference marks, however they were written (``<sup>3</sup>``, its escaped forms, ``³``,
``${}^{15}$``, in formal UN style "… of them women. 1/" and "1/ See …", or "… smuggling.[3]" and "[3] See …"),
become one private marker, ``MARK_OPEN + number + MARK_CLOSE``, so that later steps can record where each mark
stood and then drop it from the text. Nothing else is removed: link texts, URLs
and words inside markup are kept.
"""

from __future__ import annotations

import html
import re

MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"
MARK = re.compile(f"{MARK_OPEN}(\\d+){MARK_CLOSE}")

_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_UNICODE_MARK = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_BROKEN_ESCAPED_SUP = re.compile(r"<sup>&</sup>lt;sup>")
_ESCAPED_SUP = re.compile(r"&lt;sup&gt;\s*(\d{1,3})\s*&lt;/sup&gt;")
_SUP = re.compile(r"<sup>\s*(\d{1,3})\s*</sup>")
#: "women. 1/" (after punctuation, or opening a note's line); never "73/195", "24/7" or "and/or".
_SLASH_MARK = re.compile(r"(?:(?<=[.,;:)\"”’])\s?|^)(\d{1,3})/(?=\s|$)")
#: "smuggling.[3]" (glued to the word or punctuation before it, or opening a note's line); not a link "[3](…)".
_BRACKET_MARK = re.compile(r"(?:(?<=[\w.,;:)\"”’])|^)\[(\d{1,3})\](?![(\[])")
_LATEX = re.compile(r"\$([^$\n]*)\$")
_LATEX_FRAC = re.compile(r"\\frac\{(\d{1,3})\}")
_LATEX_COLOR = re.compile(r"\\color\{[^}]*\}")
_LATEX_SUPERSCRIPT = re.compile(r"(?:\{\})?\^\{?(\d{1,3})\}?")
_LATEX_COMMAND = re.compile(r"\\[A-Za-z]+|\\,|\\ ")
_TAG = re.compile(r"</?(?:sup|sub|u|i|b|em|strong|span|br)\b[^>]*>", re.IGNORECASE)
_MD_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*(?:\([^)\s]*\)[^)\s]*)*)\)")
_MD_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~])")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")


def mark(number: str | int) -> str:
    """The private marker standing for footnote reference ``number``."""
    return f"{MARK_OPEN}{int(number)}{MARK_CLOSE}"


def _latex_fragment(match: re.Match[str]) -> str:
    """``$<sup>{\\</sup>color{red}^{10}\\,\\underline{URL}}$`` → mark 10 + URL."""
    if "\\" not in match.group(1) and "^" not in match.group(1):
        return match.group(0)
    body = _TAG.sub("", match.group(1))
    body = _LATEX_COLOR.sub("", body)
    body = _LATEX_FRAC.sub(r"^{\1} ", body)
    body = _LATEX_SUPERSCRIPT.sub(lambda m: mark(m.group(1)), body)
    body = _LATEX_COMMAND.sub(" ", body)
    body = body.replace("{", "").replace("}", "")
    return re.sub(r"\s+", " ", body).strip()


def _link(match: re.Match[str]) -> str:
    text, target = match.group(1).strip(), match.group(2).strip()
    if not target or target == "#" or target == text:
        return text
    if not text:
        return target
    return f"{text} ({target})"


def heading_level(line: str) -> tuple[int, str] | None:
    """``('## Guiding questions')`` → ``(2, 'Guiding questions')``; None if not a Markdown heading."""
    match = _MD_HEADING.match(line)
    return (len(match.group(1)), match.group(2)) if match else None


def clean_line(line: str) -> str:
    """One line with its markup debris replaced by plain text and footnote marks."""
    line = _BROKEN_ESCAPED_SUP.sub("<sup>", line)
    line = _ESCAPED_SUP.sub(lambda m: mark(m.group(1)), line)
    line = _LATEX.sub(_latex_fragment, line)
    line = _SUP.sub(lambda m: mark(m.group(1)), line)
    line = _UNICODE_MARK.sub(lambda m: mark(m.group(0).translate(_SUPERSCRIPT_DIGITS)), line)
    line = _SLASH_MARK.sub(lambda m: mark(m.group(1)), line)
    line = _BRACKET_MARK.sub(lambda m: mark(m.group(1)), line)
    line = _TAG.sub("", line)
    line = _MD_AUTOLINK.sub(r"\1", line)
    line = _MD_LINK.sub(_link, line)
    line = _MD_EMPHASIS.sub(r"\2", line).replace("**", "")
    line = _MD_ESCAPE.sub(r"\1", line)
    line = html.unescape(line)
    return line.replace("\u00a0", " ").rstrip()

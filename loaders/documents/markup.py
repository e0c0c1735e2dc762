"""Line-level cleaning of conversion debris: HTML and Markdown markup, LaTeX fragments, superscript marks.

Footnote reference marks, however they were written (``<sup>3</sup>``, its escaped forms, ``³``,
``${}^{15}$``, in formal UN style "… of them women. 1/" and "1/ See …", "… smuggling.[3]" or "… in 2048 [3]" and
"[3] See …", "… the Commission.(1)" and "(1) https://…", "… in 2047 (note 1)" and "Note 1: …", "… in 2051
[fn 2]" and "fn 2: …", "… the gaps (ref. 2)" and "ref. 2 – …"), and notes lettered instead of numbered ("… of them
women. b/" and "b/ See …", "… the Project [a] recorded" and "[a] …"), become one private marker, ``MARK_OPEN +
label + MARK_CLOSE``, so that later steps can record where each mark stood and then drop it from the text. A
footnote's label is what the document prints: a number ("3", leading zeros dropped) or a lower-case letter ("a").
Nothing else is removed: link texts, URLs and words inside markup are kept.
"""

from __future__ import annotations

import html
import re

MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"
MARK = re.compile(f"{MARK_OPEN}(\\d+|[a-z]){MARK_CLOSE}")

_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_UNICODE_MARK = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_BROKEN_ESCAPED_SUP = re.compile(r"<sup>&</sup>lt;sup>")
_ESCAPED_SUP = re.compile(r"&lt;sup&gt;\s*(\d{1,3})\s*&lt;/sup&gt;")
_SUP = re.compile(r"<sup>\s*(\d{1,3})\s*</sup>")
#: "women. 1/" (after punctuation, or opening a note's line); never "73/195", "24/7" or "and/or".
_SLASH_MARK = re.compile(r"(?:(?<=[.,;:)\"”’])\s?|^)(\d{1,3})/(?=\s|$)")
#: "women. b/", "the Data Hub b/ and" (after punctuation or a word, or opening a note's line): a lettered note;
#: never "and/or" or "km/h".
_LETTER_SLASH_MARK = re.compile(r"(?:(?<=[.,;:)\"”’])\s?|(?<=\w)\s|^)([a-z])/(?=\s|$)")
#: "the Project [a] recorded", "carried out [c]." (after a space or punctuation, the space dropped, or opening a
#: note's line); never an editor's letter glued to a word ("State[s]").
_LETTER_BRACKET_MARK = re.compile(r"(?:(?<=[.,;:)\"”’])\s?|(?<=\w)\s|^)\[([a-z])\](?![(\[\w])")
#: "in 2051 [fn 2]", "the gaps (ref. 2)", "[note 3]": a note named by an abbreviation in brackets, the space dropped.
_ABBREVIATED_MARK = re.compile(
    r"\s?(?:\[(?:fn|ref|note)\.?\s*(\d{1,3})\]|\((?:fn|ref)\.?\s*(\d{1,3})\))", re.IGNORECASE
)
#: "smuggling.[3]", "in 2048 [3]" (after the word or punctuation before it, the space dropped, or opening a note's
#: line); not a link "[3](…)".
_BRACKET_MARK = re.compile(r"(?:(?<=[\w.,;:)\"”’])\s?|^)\[(\d{1,3})\](?![(\[])")
#: "… the European Commission.(1)": a number in brackets glued to the end of a sentence (not "Article 12(1)", not
#: "(1) faster courts" in a list).
_STOP_MARK = re.compile(r"(?<=[.!?\"”’])\((\d{1,3})\)(?=\s|$)")
#: "fewer than in 2047 (note 1)", "(see note 2)", "(footnote 3)": the note named in brackets, the space before dropped.
_NAMED_MARK = re.compile(r"\s?\((?:see\s+)?(?:[Ff]oot|[Ee]nd)?[Nn]ote\s+(\d{1,3})\)")
#: A note's line opened by its number in brackets with a URL after it ("(1) https://…"; "(1) States should …" is a
#: list item), by "Note 1:" ("Note 1: https://…"), or by an abbreviation and its number ("fn 1: …", "ref. 2 – …").
_NOTE_LINE = re.compile(
    r"^\s*(?:\((\d{1,3})\)(?=\s.*https?://)|Note\s+(\d{1,3})\s*[:.](?=\s)"
    r"|(?i:fn|ref)\.?\s*(\d{1,3})\s*[:.–—-](?=\s))"
)
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


def mark(label: str | int) -> str:
    """The private marker standing for the mark of the footnote labelled ``label`` (a number or a letter)."""
    return f"{MARK_OPEN}{footnote_label(label)}{MARK_CLOSE}"


def footnote_label(label: str | int) -> str:
    """A footnote's label as printed, a number without leading zeros: ``"03"`` → ``"3"``, ``"a"`` → ``"a"``."""
    text = str(label)
    return str(int(text)) if text.isdigit() else text


def footnote_number(label: str) -> int | None:
    """The number of a numbered footnote's label, None for a lettered one."""
    return int(label) if label.isdigit() else None


def footnote_order(label: str) -> tuple[int, int, str]:
    """Footnotes in the order notes are printed: numbered ones by number, then lettered ones by letter."""
    number = footnote_number(label)
    return (0, number, "") if number is not None else (1, 0, label)


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
    line = _ABBREVIATED_MARK.sub(lambda m: mark(m.group(1) or m.group(2)), line)
    line = _BRACKET_MARK.sub(lambda m: mark(m.group(1)), line)
    line = _LETTER_SLASH_MARK.sub(lambda m: mark(m.group(1)), line)
    line = _LETTER_BRACKET_MARK.sub(lambda m: mark(m.group(1)), line)
    line = _STOP_MARK.sub(lambda m: mark(m.group(1)), line)
    line = _NAMED_MARK.sub(lambda m: mark(m.group(1)), line)
    line = _NOTE_LINE.sub(lambda m: mark(m.group(1) or m.group(2) or m.group(3)), line)
    line = _TAG.sub("", line)
    line = _MD_AUTOLINK.sub(r"\1", line)
    line = _MD_LINK.sub(_link, line)
    line = _MD_EMPHASIS.sub(r"\2", line).replace("**", "")
    line = _MD_ESCAPE.sub(r"\1", line)
    line = html.unescape(line)
    return line.replace("\u00a0", " ").rstrip()

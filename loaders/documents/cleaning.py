"""Raw document text → body blocks and footnotes, with conversion debris removed and nothing else lost.

Steps: drop page furniture (page numbers, headers repeated on every page); clean each line
(markup.py); group lines into blocks (a paragraph, list item, table row or heading); set footnote
definitions apart (including a bare URL left where its number was lost); rejoin paragraphs that a
page break or a footnote block cut in two; and recover footnote marks written as plain digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gcmkg.loaders.documents.furniture import edge_lines, furniture
from gcmkg.loaders.documents.headings import Heading, classify, is_list_item
from gcmkg.loaders.documents.lostmarks import place_lost_marks
from gcmkg.loaders.documents.markup import (
    MARK,
    MARK_OPEN,
    clean_line,
    footnote_label,
    footnote_number,
    footnote_order,
    heading_level,
    mark,
)
from gcmkg.loaders.documents.reading import PAGE_BREAK
from gcmkg.loaders.documents.sessionnames import DEFAULT_VOCABULARY, SessionVocabulary

_PAGE_NUMBER = re.compile(r"^\s*(?:[Pp]age\s+)?-?\s*\d{1,3}\s*-?(?:\s*(?:/|of)\s*\d{1,3})?\s*$")
_URL_ONLY = re.compile(r"^(?:https?://\S+[;,.]?\s*)+$")
_FOOTNOTE_DEFINITION = re.compile(f"^\\s*{MARK.pattern}\\s*(.*)$", re.DOTALL)
_TERMINAL = tuple('.!?:;)"”’')
#: A paragraph of this many words that has ended a sentence inside but not at its end was cut (by a page
#: break) in mid-sentence; a shorter line without a full stop is a label or a list line.
_PROSE_WORDS = 25
_SENTENCE_INSIDE = re.compile(r"[a-z][.!?]\s+[A-Z]")
_FUNCTION_WORDS = frozenset("a an the of and or to in on at by for from with as into that which their its".split())


@dataclass
class Block:
    """A block of body text (footnote marks still in it) and the heading it is, if it is one."""

    text: str
    heading: Heading | None = None
    table_row: bool = False

    @property
    def is_paragraph(self) -> bool:
        return self.heading is None and not self.table_row


@dataclass(frozen=True)
class CleanedText:
    """The body blocks in reading order and the footnotes by label ("1", "a"), in printed order."""

    blocks: list[Block]
    footnotes: dict[str, str]


def _content_lines(raw: str) -> list[str]:
    """The lines of ``raw`` without page numbers and running headers; a page break is a blank line."""
    pages = [page.split("\n") for page in raw.replace("\r\n", "\n").replace("\r", "\n").split(PAGE_BREAK)]
    repeated = furniture(pages)
    kept: list[str] = []
    for lines in pages:
        edges = set(edge_lines(lines))
        kept.extend(
            line for line in lines if not (line in edges and repeated.covers(line)) and not _PAGE_NUMBER.match(line)
        )
        kept.append("")
    return kept


#: A labelled row of a programme: "Moderator: Ms. X, …", "Speakers:", "Chair of the discussion: …".
_LABEL = re.compile(r"^[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,4}\s*:(?:\s|$)")


def _starts_block(line: str, previous: str) -> bool:
    """True if ``line`` starts a block of its own: a list item, a table row, a footnote, or a labelled row after
    another labelled row or a list item (the rows of a programme, one per line)."""
    labelled_row = bool(_LABEL.match(line)) and (bool(_LABEL.match(previous)) or is_list_item(previous))
    return "\t" in line or is_list_item(line) or line.lstrip().startswith(MARK_OPEN) or labelled_row


def _group(lines: list[str], vocabulary: SessionVocabulary) -> list[Block]:
    """Lines → blocks: a blank line, a list item, a table row or a heading starts a new block (``vocabulary``:
    the nouns of the document's sessions, for its session headings)."""
    blocks: list[Block] = []
    current: list[str] = []
    previous_raw = previous_line = ""

    def close() -> None:
        if current:
            text = " ".join(part.strip() for part in current).strip()
            if text:
                blocks.append(Block(text))
            current.clear()

    for raw in lines:
        markdown = heading_level(raw)
        line = clean_line(markdown[1] if markdown else raw)
        if not line.strip():
            close()
        elif markdown:
            close()
            blocks.append(Block(line.strip(), heading=classify(line.strip(), True, vocabulary)))
        elif current and raw.startswith(" ") and not raw.startswith("  ") and "\t" not in previous_raw:
            current.append(line)
        elif current and (
            _starts_block(line, previous_line)
            or "\t" in previous_raw
            or _ends_title(previous_raw, previous_line, vocabulary)
        ):
            close()
            current.append(line)
        else:
            current.append(line)
        previous_raw, previous_line = raw, line
    close()
    for block in blocks:
        if block.heading is None and "\t" in block.text:
            block.table_row = True
            block.text = re.sub(r"\s*\t\s*", "\t", block.text).strip()
        elif block.heading is None and not block.text.startswith(MARK_OPEN):
            block.heading = classify(MARK.sub("", block.text), vocabulary=vocabulary)
    return blocks


def _ends_title(raw: str, line: str, vocabulary: SessionVocabulary) -> bool:
    """A line (as read, and cleaned) that reads as a heading on its own, so the next line starts a new block."""
    return bool(line.strip()) and not raw.startswith(" ") and classify(line.strip(), vocabulary=vocabulary) is not None


def _split_footnotes(blocks: list[Block]) -> tuple[list[Block | str], dict[str, str]]:
    """Footnote definitions leave the body; a numberless URL block among them gets the missing number.

    The body keeps the footnote's label where footnotes stood, so paragraph joins can look across them and a URL
    block can take the number its numbered neighbours leave free.
    """
    footnotes: dict[str, str] = {}
    body: list[Block | str] = []
    for block in blocks:
        definition = _FOOTNOTE_DEFINITION.match(block.text) if block.heading is None else None
        if definition:
            label = footnote_label(definition.group(1))
            footnotes.setdefault(label, definition.group(2).strip())
            body.append(label)
        else:
            body.append(block)
    for index, item in enumerate(body):
        if isinstance(item, Block) and item.is_paragraph and _URL_ONLY.match(item.text):
            lost = _missing_number(footnotes, body, index)
            if lost is not None:
                footnotes[str(lost)] = item.text
                body[index] = str(lost)
    return body, footnotes


def _missing_number(footnotes: dict[str, str], body: list[Block | str], index: int) -> int | None:
    """The number a URL block lost: one more than the numbered footnote before it, or one less than the one after
    (none between lettered notes)."""
    before = next((item for item in reversed(body[:index]) if isinstance(item, str)), None)
    after = next((item for item in body[index + 1 :] if isinstance(item, str)), None)
    low, high = (footnote_number(label) if label else None for label in (before, after))
    candidates = ([low + 1] if low else []) + ([high - 1] if high else [])
    return next((n for n in candidates if n > 0 and str(n) not in footnotes), None)


def _rejoin(body: list[Block | str]) -> list[Block]:
    """Paragraphs cut by a page break or a footnote block become one again.

    A paragraph continues in the next block when it does not end a sentence and either the next block
    starts in lower case, a footnote block stood between them, or it ends on a word such as "of the".
    """
    blocks: list[Block] = []
    footnotes_between = False
    for item in body:
        if not isinstance(item, Block):
            footnotes_between = True
            continue
        last = blocks[-1] if blocks else None
        if last is not None and _continues(last, item, footnotes_between):
            last.text = f"{last.text} {item.text}"
        else:
            blocks.append(item)
        footnotes_between = False
    return blocks


def _continues(last: Block, item: Block, footnotes_between: bool) -> bool:
    if not (last.is_paragraph and item.is_paragraph) or is_list_item(item.text):
        return False
    ending = MARK.sub("", last.text).rstrip()
    if len(ending.split()) < 8 or ending.endswith(_TERMINAL):
        return False
    last_word = ending.rsplit(" ", 1)[-1].lower()
    mid_sentence = ending.endswith(",") or (
        len(ending.split()) >= _PROSE_WORDS and bool(_SENTENCE_INSIDE.search(ending)) and last_word.isalpha()
    )
    return item.text[:1].islower() or footnotes_between or last_word in _FUNCTION_WORDS or mid_sentence


def _recover_plain_marks(blocks: list[Block], footnotes: dict[str, str]) -> None:
    """A numbered footnote whose mark was printed as a plain digit ("(M-MPTF)9 supported") gets its mark back."""
    marked = {label for block in blocks for label in MARK.findall(block.text)}
    lost = (footnote_number(label) for label in set(footnotes) - marked)
    for number in sorted(number for number in lost if number is not None):
        pattern = re.compile(rf"(?<=[)\]”\"’]){number}(?=[\s,.;]|$)|(?<=[.,;:])\s?{number}(?=\s+[A-Z]|\s*$)")
        for block in blocks:
            if block.is_paragraph and _after_previous_mark(block, blocks, number):
                found = pattern.search(block.text)
                if found:
                    block.text = block.text[: found.start()] + mark(number) + block.text[found.end() :]
                    break


def _after_previous_mark(block: Block, blocks: list[Block], number: int) -> bool:
    """True if ``block`` comes at or after the block holding mark ``number - 1`` (or there is none)."""
    for index, candidate in enumerate(blocks):
        if mark(number - 1) in candidate.text:
            return blocks.index(block) >= index
    return True


def clean(raw: str, vocabulary: SessionVocabulary = DEFAULT_VOCABULARY) -> CleanedText:
    """The body blocks and footnotes of ``raw`` document text; ``vocabulary``: the nouns of its sessions."""
    blocks = _group(_content_lines(raw), vocabulary)
    body, footnotes = _split_footnotes(blocks)
    joined = _rejoin(body)
    _recover_plain_marks(joined, footnotes)
    paragraphs = [block for block in joined if block.is_paragraph]
    for block, text in zip(paragraphs, place_lost_marks([block.text for block in paragraphs], footnotes), strict=True):
        block.text = text
    return CleanedText(
        blocks=joined, footnotes={label: footnotes[label] for label in sorted(footnotes, key=footnote_order)}
    )

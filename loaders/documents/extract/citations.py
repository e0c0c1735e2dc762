"""Citations: each URL of a footnote, cited by the passage carrying the footnote's mark, and each URL written in
a passage's own text ("… are kept by UNECE (https://…)", "Source: … (https://…)"), and what it documents.

URLs: a URL that PDF conversion split at a space is rejoined when the next words continue its path (they
hold a "/", "%", "=", "_", "#" or end in a file extension: "…/public/---ed emp/---ifp skills/…/wcms 6539.pdf");
a text fragment whose "~" was lost ("#:"text=") is restored ("#:~:text=").

Subject, in the citing sentence (the sentence of the passage where the mark stands):
1. what the mark sits on, ending right before it ("the Budapest Process²⁴", "Azerbaijan's Regional Training
   Center on Migration²²", "Germany, Portugal¹⁶ and Sweden¹⁷"); a mark after a full stop belongs to the
   sentence, not to its last word;
2. when the sentence's subject is "it", "this" or "the programme …" and it does not end on a name, what
   the previous sentence described ("… a Joint Programme funded by the M-MPTF …. Additionally, it has
   supported …¹⁰");
3. when the mark closes a sentence that ends on an indefinite description of a publication (a report, a protocol,
   a checklist …: a document a URL can point to)
   ("… the launch, within the Almaty Process, of a regional protocol on identifying victims. 2/"), that description;
   else, when it ends on the name of a known body (an organisation, a fund, an initiative,
   a process; not a State or a region), that body ("… from the United Kingdom's Modern Slavery Innovation Fund.²");
   else, when the mark closes a sentence that states a figure, the nearest figure ("At least 35,000 people have
   perished …, the vast majority on their way to the UNECE region.¹⁴");
4. when the sentence closes on its source ("…, according to GRETA.", "as reported by the X"), the source;
5. else the nearest thing named before the mark: a known entity, or a proper name that ends in the head
   word of an organisation's or an initiative's name ("… Executive Committee", "… Partnership").
A URL in a passage's text is read as a mark standing where the URL (or its opening bracket) stands: the name right
before it ("kept by UNECE (https://…)") is its subject.
Things named are the known entities, the initiatives of funds, the figures and the proper names the
reference data does not know; at the same place a known entity wins over a proper name, but not over the
longer name of a body it ends ("the Central Bank of Chile¹"), and an initiative of a fund wins over the fund's name,
but a proposal does not ("Armenia submitted a concept note to the Migration MPTF.⁴": the fund).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import URIRef

from gcmkg.graph.core import ids
from gcmkg.loaders.documents.extract.propernames import indefinite_description, proper_names
from gcmkg.loaders.documents.extract.sentences import sentences
from gcmkg.loaders.documents.facts import Citation, CitedName, InitiativeFact, Statistic
from gcmkg.loaders.documents.matcher import Match
from gcmkg.loaders.documents.segmenting import Footnote, Passage

_CLOSING = ' .,;:)]”"’'
_URL = re.compile(r"https?://[^\s<>\"]+")
_TEXT_FRAGMENT = re.compile(r"#:[\"“”]?text=")
_TRAILING = ".,;:)]'\""
_URL_PART = re.compile(r"[/%=_#?&]|\.[a-z]{2,5}[.,;:)]?$")
_PLAIN_PART = re.compile(r"[a-z0-9_~%=&#?/.-][A-Za-z0-9_~%=&#?/.:;,-]*")
_STOP_PART = re.compile(r"[.,;:]$")
_SLUG_PART = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+/?")
_SLUG_END = re.compile(r"/[a-z0-9]+(?:-[a-z0-9]+)+$")
MAX_GAP = 2
_ANAPHOR = re.compile(
    r"^(?:(?:Additionally|In addition|Furthermore|Moreover|Also|Further|Likewise|Similarly|Moreover),\s*)?"
    r"(?:[Ii]t|[Tt]his|[Tt]he\s+(?:[Jj]oint\s+)?(?:[Pp]rogram(?:me)?|[Pp]roject|[Ii]nitiative|[Ff]und|[Pp]ledge))\b"
)
_MAX_CONTINUATION = 12
_OF = re.compile(r"\bof\s+(?:the\s+)?$")
#: Known entities that are places (a State, a region), not bodies a sentence may close on as its source.
_PLACE = re.compile(r"/id/(?:state|region)/")
#: Words that give the source of what the sentence states: "…, according to GRETA.", "as reported by X".
_SOURCE = re.compile(r"\b(?:according\s+to|as\s+(?:reported|published|estimated)\s+by)\s+(?:the\s+)?$", re.I)


@dataclass(frozen=True)
class _Candidate:
    """Something a citing sentence names, at [start, end) of the document: what a citation may document."""

    start: int
    end: int
    rank: int
    iri: URIRef
    statistic: bool = False
    name: CitedName | None = None
    headed: bool = True


def urls(text: str) -> list[str]:
    """The URLs of a footnote, rejoined where a space split them, without trailing punctuation."""
    found = []
    text = _TEXT_FRAGMENT.sub("#:~:text=", text)
    for match in _URL.finditer(text):
        url = match.group(0) + _continuation(text, match.end())
        while url and url[-1] in _TRAILING and not (url[-1] == ")" and url.count("(") >= url.count(")")):
            url = url[:-1]
        if url not in found and not any(url in earlier for earlier in found):
            found.append(url)
    return found


def _continuation(text: str, end: int) -> str:
    """The words after a URL that continue its path, up to the last one that looks like part of a URL; a
    hyphenated word that ends the footnote continues a URL split inside a hyphenated slug ("…/third-regional-re
    view-gcm-hearing")."""
    if end == 0 or _STOP_PART.search(text[end - 1]):
        return ""
    rest = text[end:].split()
    if len(rest) == 1 and _SLUG_PART.fullmatch(rest[0]) and _SLUG_END.search(text, 0, end):
        return rest[0]
    parts = rest[:_MAX_CONTINUATION]
    joined = ""
    for index, part in enumerate(parts):
        if part.startswith("http") or not _PLAIN_PART.fullmatch(part):
            break
        if _URL_PART.search(part):
            joined = "".join(parts[: index + 1])
        if _STOP_PART.search(part) and not _URL_PART.search(part):
            break
    return joined


def citations(
    document_id: str,
    footnotes: list[Footnote],
    passages: list[Passage],
    mentions: dict[int, list[Match]],
    initiatives: list[InitiativeFact],
    statistics: list[Statistic],
) -> list[Citation]:
    """One citation per footnote URL; ``mentions`` maps passage number → its matches (document offsets)."""
    citing: dict[str, tuple[Passage, int]] = {}
    for passage in passages:
        for ref in passage.refs:
            citing.setdefault(ref.label, (passage, ref.offset))
    found: list[Citation] = []
    by_passage: dict[int, list[InitiativeFact | Statistic]] = {}
    for fact in [*initiatives, *statistics]:
        by_passage.setdefault(fact.passage.number, []).append(fact)
    candidates: dict[int, list[_Candidate]] = {}
    for footnote in footnotes:
        passage, offset = citing.get(footnote.label, (None, -1))
        subject = None
        if passage is not None:
            if passage.number not in candidates:
                stated = by_passage.get(passage.number, [])
                candidates[passage.number] = _candidates(document_id, passage, mentions.get(passage.number, []), stated)
            subject = _subject(passage, offset, candidates[passage.number])
        for index, url in enumerate(urls(footnote.text), start=1):
            found.append(
                Citation(
                    url,
                    index,
                    footnote,
                    passage,
                    subject.iri if subject else None,
                    subject.name if subject else None,
                )
            )
    for passage in passages:
        for index, (url, offset) in enumerate(_inline_urls(passage), start=1):
            if passage.number not in candidates:
                stated = by_passage.get(passage.number, [])
                candidates[passage.number] = _candidates(document_id, passage, mentions.get(passage.number, []), stated)
            subject = _subject(passage, offset, candidates[passage.number])
            found.append(
                Citation(url, index, None, passage, subject.iri if subject else None, subject.name if subject else None)
            )
    return found


def _inline_urls(passage: Passage) -> list[tuple[str, int]]:
    """The URLs written in a passage's own text, each with the document offset of its opening bracket (or of
    itself): where a footnote's mark would stand."""
    found: list[tuple[str, int]] = []
    for match in _URL.finditer(passage.text):
        url = match.group(0)
        while url and url[-1] in _TRAILING and not (url[-1] == ")" and url.count("(") >= url.count(")")):
            url = url[:-1]
        bracket = re.search(r"\(\s*$", passage.text[: match.start()])
        found.append((url, passage.start + (bracket.start() if bracket else match.start())))
    return found


def _candidates(
    document_id: str, passage: Passage, mentions: list[Match], stated: list[InitiativeFact | Statistic]
) -> list[_Candidate]:
    """Everything the passage names, with a rank that breaks ties at one place (lower wins)."""
    candidates = [_Candidate(m.start, m.end, 1, m.entity.iri) for m in mentions]
    for fact in stated:
        if isinstance(fact, InitiativeFact):
            # a proposal is no initiative of the fund yet: where both end, the fund's name wins over it
            candidates.append(_Candidate(fact.start, fact.end, 2 if fact.status == "proposal" else 0, fact.iri))
        else:
            iri = URIRef(ids.statistic(document_id, fact.start, fact.end))
            candidates.append(_Candidate(fact.start, fact.end, 3, iri, statistic=True))
    for name in proper_names(passage.text):
        cited = CitedName.of(name, passage, mentions)
        candidates.append(_Candidate(cited.start, cited.end, 2, cited.iri, name=cited, headed=name.has_head))
    return candidates


def _subject(passage: Passage, offset: int, candidates: list[_Candidate]) -> _Candidate | None:
    """What the citation at document ``offset`` documents (rules 1–5 of the module docstring)."""
    sentence_start, sentence_end, previous_start = _sentence_at(passage, offset)
    before = [c for c in candidates if sentence_start <= c.start and c.end <= offset]
    if not before and previous_start is None:
        return None
    adjacent = _outermost(
        passage, [c for c in before if offset - c.end <= MAX_GAP and _on_the_word(passage, c.end, offset)]
    )
    if adjacent:
        return _best(adjacent)
    sentence = passage.text[sentence_start - passage.start : offset - passage.start]
    named = [c for c in before if c.headed or c.rank <= 1]
    sources = [
        c
        for c in named
        if _SOURCE.search(passage.text, 0, c.start - passage.start)
        and not passage.text[c.end - passage.start : offset - passage.start].strip(_CLOSING)
    ]
    if sources:
        return _best(sources)
    ends_on_a_name = any(
        not passage.text[c.end - passage.start : offset - passage.start].strip(_CLOSING) for c in named
    )
    if _ANAPHOR.match(sentence) and previous_start is not None and not ends_on_a_name:
        earlier = [c for c in candidates if previous_start <= c.start and c.end <= sentence_start and c.rank in (0, 2)]
        if earlier:
            return max(earlier, key=lambda c: (c.end, -c.rank))
    closes = not passage.text[offset - passage.start : sentence_end - passage.start].strip(' .;:)”"’')
    described = indefinite_description(passage.text, offset - passage.start) if closes and not ends_on_a_name else None
    if described is not None and described.start >= sentence_start - passage.start:
        cited = CitedName.of(described, passage, [])
        return _Candidate(cited.start, cited.end, 2, cited.iri, name=cited)  # "… of a regional protocol on …. 2/"
    last_body = [
        c
        for c in named
        if c.rank == 1
        and not _PLACE.search(str(c.iri))
        and not passage.text[c.end - passage.start : offset - passage.start].strip(_CLOSING)
    ]
    if closes and last_body:
        return _best(last_body)  # "… received GBP 350,000 from the United Kingdom's Modern Slavery Innovation Fund.²"
    figures = [c for c in before if c.statistic]
    if closes and figures:
        return max(figures, key=lambda c: c.end)
    return _best(named) if named else None


def _outermost(passage: Passage, candidates: list[_Candidate]) -> list[_Candidate]:
    """Without the known entities that end a longer name of a body of theirs ("Central Bank of Chile")."""

    def owned(c: _Candidate, o: _Candidate) -> bool:
        between = passage.text[o.start - passage.start : c.start - passage.start]
        return o.name is not None and o.headed and o.start < c.start and o.end == c.end and bool(_OF.search(between))

    return [c for c in candidates if not (c.rank == 1 and any(owned(c, o) for o in candidates))]


def _on_the_word(passage: Passage, end: int, offset: int) -> bool:
    """Whether a mark at ``offset`` sits on the name ending at ``end``: nothing but closing brackets, quotes
    or a comma between them; a mark after a full stop belongs to its sentence."""
    return not passage.text[end - passage.start : offset - passage.start].strip(' ,;:)]”"’')


def _best(candidates: list[_Candidate]) -> _Candidate:
    """The candidate that ends last; at one end, the lowest rank, then the longest."""
    return max(candidates, key=lambda c: (c.end, -c.rank, c.end - c.start))


def _sentence_at(passage: Passage, offset: int) -> tuple[int, int, int | None]:
    """Document offsets: start and end of the sentence holding ``offset``, and the previous one's start."""
    local = offset - passage.start
    spans = [(start, start + len(text)) for start, text in sentences(passage.text)]
    index = max((i for i, (start, _) in enumerate(spans) if start <= local), default=0)
    start, end = spans[index] if spans else (0, len(passage.text))
    previous = spans[index - 1][0] + passage.start if index else None
    return passage.start + start, passage.start + end, previous

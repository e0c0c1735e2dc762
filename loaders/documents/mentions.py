"""Names read in context: which known names in a text are mentions, and of what.

The matcher finds names as written; these rules (listed in loaders/documents/README.md) read each one
in its sentence, so that a region, a language or a place named after a State is not taken for the
organisation or the State, and names that share words are all found:

1. *Region*: an organisation's name followed by "region" ("the UNECE region", "the Economic Commission
   for Europe (ECE) region"), or after "the region of" ("the region of the Economic Commission for Europe"),
   names the region its member States make up, not the organisation.
2. *Document symbol*: a name inside a document symbol ("ECE/GCM/2024/1") is no mention.
3. *Language or currency*: a demonym that names a language ("Italian language classes", "Russian-speaking",
   "Kazakh and Russian-language hotlines", "in English, French and Russian.", "in Greek and Turkish for …",
   "Working languages: English and Russian", "interpretation into Russian was offered") or a currency ("Swiss
   francs", "Swedish kronor": the nouns of pycountry's currency names) is no mention of the State.
4. *Place named after a State*: "Lake Chad", "Gulf of Guinea", "Mexico City", a ship ("the rescue ship Malta
   Star"), a building named with it ("the France Prešeren Hall"), a place named after it ("New Mexico") or a body
   named after it ("the Order of Malta") are no mention of the State.
5. *Plural*: a name inside the plural of a longer name ("national UN Migration Networks": country
   networks, not IOM's "UN Migration") is no mention.
6. *Shared head*: coordinated names that share their last word name each entity ("the Khartoum and
   Rabat processes", "the Prague and Budapest Processes"), and so do names that share their opening
   "<Word> of" ("the cities of Milan and Turin": City of Milan, City of Turin); a process name also
   matches with its head in lower case or the plural ("the Budapest process").
7. *Hyphenated names*: names joined by hyphens ("Canada-Spain-US", "EU-Turkey") name each entity.
8. *Person or currency*: a State's name that is a person's first name ("Mr. Jordan Whitfield") or that makes a
   currency sign ("US$ 1.8 million") is no mention of the State; a demonym before a capitalised sea, strait …
   ("the Turkish Straits", "the Irish Sea") is a place's name (rule 4).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from gcmkg.loaders.documents import currencies
from gcmkg.loaders.documents.matcher import Kind, Match, Matcher, NameForm

_REGION_TAIL = re.compile(r"(?:\s*\((?P<acronym>[^()]{1,30})\))?[\s-]+[Rr]egions?\b")
_REGION_OF = re.compile(r"\b[Rr]egion\s+of\s+(?:the\s+)?$")
_SYMBOL = re.compile(r"(?<![\w/])[A-Za-z0-9.-]*[A-Z][A-Za-z0-9.-]*(?:/[A-Za-z0-9.-]+)+")
_LANGUAGE_HEAD = re.compile(
    r"\s*-?\s*(?:languages?|speaking|speakers?|translations?|interpretation|interpreters?|versions?|classes"
    r"|lessons|courses?|tuition|proficiency|teachers?|subtitles)\b",
    re.IGNORECASE,
)
_WORD = r"[A-Z][a-z]+"
_LANGUAGE_LIST = re.compile(
    rf"(?:\b(?:in|into|from|to|as|speak|speaks|spoke|spoken|learn|learning|teach|teaching|taught)\s+|\b[Ll]anguages?:\s*)"
    rf"(?P<list>{_WORD}(?:\s*,\s*{_WORD})*(?:,?\s+(?:and|or)\s+{_WORD})?)"
    r"(?=\s*(?:[.,;:)!?]|$)|\s+(?:for|to|with|by|at|on|only|alike|was|were|is|are)\b)"
)
#: "Kazakh and Russian-language hotlines": demonyms that share a language's head.
_SHARED_LANGUAGE = re.compile(rf"(?:\s*,\s*{_WORD})*,?\s+(?:and|or)\s+{_WORD}(?={_LANGUAGE_HEAD.pattern})")
_CURRENCY_AFTER = re.compile(rf"\s+(?:{'|'.join(sorted(currencies.NOUNS))})\b", re.IGNORECASE)
#: A word before a State's name that makes it part of another name: "Lake Chad", "the Gulf of Guinea", "New Mexico"
#: (a place named after the State), "the Order of Malta" (a body named after it).
_FEATURE_BEFORE = re.compile(
    r"\b(?:Lake|Lakes|Mount|Mt\.|River|New|(?:Gulf|Bay|Sea|Straits?|Isthmus|Order|Knights)\s+of"
    r"|(?i:ship|vessel|boat|ferry))\s+(?:the\s+)?$"
)
#: A building or street named with a State's name and a person's: "the France Prešeren Hall".
_BUILDING_AFTER = re.compile(
    r"(?:\s+[A-Z][\w'’-]*){0,2}\s+(?:Hall|Street|Square|Avenue|Boulevard|Bridge|Station|Airport|Building|Palace|"
    r"Park|Road|Stadium|Theatre)\b"
)
_FEATURE_AFTER = re.compile(
    r"\s+(?:Basin|Seas?|River|Lake|Straits?|Channel|Canal|City|Gulf|Bay|Valley|Desert|Mountains|Plateau|Peninsula)\b"
)
#: A person's title: "Ms. ", "Professor ".
PERSON_TITLE = r"(?:Ms|Mr|Mrs|Dr|Prof)\.\s+|Professor\s+"
#: A title before a State's name: "Mr. Jordan Whitfield" (a first name, not the State).
_TITLE_BEFORE = re.compile(rf"\b(?:{PERSON_TITLE})$")
_CONJUNCT = r"(?:[A-Z][\w'’.]*\s+){0,3}?[A-Z][\w'’.]*"
_CONJUNCTS = re.compile(rf"(?P<items>{_CONJUNCT}(?:(?:\s*,\s*|,?\s+(?:and|or|&)\s+){_CONJUNCT})*)\s+$")
_CONJUNCTS_AFTER = re.compile(
    rf"\s+of\s+(?:the\s+)?(?P<items>{_CONJUNCT}(?:(?:\s*,\s*|,?\s+(?:and|or|&)\s+){_CONJUNCT})*)"
)
_CONJUNCT_SEPARATOR = re.compile(r"\s*,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+")
_JOINING_HYPHEN = re.compile(r"(?<=[\w.])[-–](?=[A-Z])")
_LOOKBEHIND = 160


def mentions(text: str, matcher: Matcher) -> list[Match]:
    """The mentions of known entities in ``text``, left to right, never overlapping (rules 1–7 above)."""
    found = matcher.find_names(text)
    found = _outside(found, matcher.plural_spans(text))
    found = _outside(found, [(s.start(), s.end()) for s in _SYMBOL.finditer(text) if _has_digit(s.group(0))])
    found = _regions(text, found, matcher)
    languages = _language_spans(text)
    found = [
        m
        for m in found
        if not _is_language(m, text, languages) and not _is_place_name(m, text) and not _is_person_or_currency(m, text)
    ]
    found = _merge(found, _shared_heads(text, matcher) + _shared_openings(text, matcher))
    found = _merge(found, _hyphenated(text, found, matcher), replace=False)
    return found


def _has_digit(text: str) -> bool:
    return any(character.isdigit() for character in text)


def _outside(found: list[Match], spans: Iterable[tuple[int, int]]) -> list[Match]:
    """The matches that lie in none of ``spans``."""
    spans = list(spans)
    return [m for m in found if not any(start <= m.start and m.end <= end for start, end in spans)]


def _regions(text: str, found: list[Match], matcher: Matcher) -> list[Match]:
    """Rule 1: an organisation's name, with its acronym in brackets or not, followed by "region"."""
    result: list[Match] = []
    consumed_until = -1
    for match in found:
        if match.start < consumed_until:
            continue
        organisation = match.entity.kind is Kind.ORGANISATION
        region_of = _REGION_OF.search(text, max(0, match.start - 30), match.start) if organisation else None
        if region_of:  # "the region of the Economic Commission for Europe"
            result.append(
                Match(matcher.region(match.entity), text[region_of.start() : match.end], region_of.start(), match.end)
            )
            continue
        tail = _REGION_TAIL.match(text, match.end) if organisation else None
        if tail and (tail.group("acronym") is None or matcher.resolve(tail.group("acronym")) == match.entity):
            region = matcher.region(match.entity)
            result.append(Match(region, text[match.start : tail.end()], match.start, tail.end()))
            consumed_until = tail.end()
            continue
        result.append(match)
    return result


def _language_spans(text: str) -> list[tuple[int, int]]:
    """Spans of lists of capitalised words used as nouns after "in", "into", "speak" …: languages."""
    return [(found.start("list"), found.end("list")) for found in _LANGUAGE_LIST.finditer(text)]


def _is_language(match: Match, text: str, languages: list[tuple[int, int]]) -> bool:
    """Rule 3: a demonym followed by "language", "-speaking" … (after other demonyms too) or a currency's noun,
    or one of a list of languages."""
    if match.form is not NameForm.DEMONYM:
        return False
    shared = _SHARED_LANGUAGE.match(text, match.end)
    if _LANGUAGE_HEAD.match(text, shared.end() if shared else match.end) or _CURRENCY_AFTER.match(text, match.end):
        return True
    return any(start <= match.start and match.end <= end for start, end in languages)


def _is_place_name(match: Match, text: str) -> bool:
    """Rule 4: a State's name inside the name of a lake, gulf, city, another place or a body ("Lake Chad", "Mexico
    City", "New Mexico", "the Order of Malta"); a demonym
    before such a name ("the Irish Sea", "the Turkish Straits")."""
    if match.entity.kind is not Kind.STATE:
        return False
    if match.form is NameForm.DEMONYM:
        return bool(_FEATURE_AFTER.match(text, match.end))
    if match.form is not NameForm.NAME:
        return False
    before = text[max(0, match.start - 30) : match.start]
    return bool(
        _FEATURE_BEFORE.search(before)
        or _FEATURE_AFTER.match(text, match.end)
        or _BUILDING_AFTER.match(text, match.end)
    )


def _is_person_or_currency(match: Match, text: str) -> bool:
    """Rule 8: a State's name after a person's title and before another capitalised word, or glued to "$"."""
    if match.entity.kind is not Kind.STATE:
        return False
    if text.startswith("$", match.end):
        return True
    titled = _TITLE_BEFORE.search(text, max(0, match.start - 8), match.start)
    return bool(titled) and re.match(r"\s+[A-Z]", text[match.end :]) is not None


def _shared_heads(text: str, matcher: Matcher) -> list[Match]:
    """Rule 6: "the Khartoum and Rabat processes" → both processes; "the Budapest process" → the process."""
    found: list[Match] = []
    for head in matcher.head_words(text):
        before = text[max(0, head.start() - 40) : head.start()].split()
        if not before or not before[-1][:1].isupper() or not text[head.start() - 1 : head.start()].isspace():
            continue
        window_start = max(0, head.start() - _LOOKBEHIND)
        conjuncts = _CONJUNCTS.search(text, window_start, head.start())
        if conjuncts is None:
            continue
        resolved = _resolve_conjuncts(text, conjuncts.start("items"), conjuncts.end("items"), head, matcher)
        lower_or_plural = head.group(0) != matcher.canonical_head(head.group(0))
        if len(resolved) >= 2 or (
            len(resolved) == 1 and lower_or_plural and resolved[0][0].entity.kind is Kind.PROCESS
        ):
            found += [match for match, _ in resolved]
    return found


def _shared_openings(text: str, matcher: Matcher) -> list[Match]:
    """Rule 6: "the cities of Milan, Strasbourg and Bristol" → City of Milan, City of Strasbourg, …"""
    found: list[Match] = []
    for head in matcher.leading_head_words(text):
        items = _CONJUNCTS_AFTER.match(text, head.end())
        if items is None:
            continue
        opening = matcher.canonical_leading_head(head.group(0))
        resolved = []
        position = items.start("items")
        for separator in [*_CONJUNCT_SEPARATOR.finditer(text, position, items.end("items")), None]:
            item_end = separator.start() if separator else items.end("items")
            entity = matcher.resolve_folded(f"{opening} of {text[position:item_end]}")
            if entity is None:
                break
            start = head.start() if not resolved else position
            resolved.append(Match(entity, text[start:item_end], start, item_end))
            position = separator.end() if separator else item_end
        if len(resolved) >= 2 or (resolved and head.group(0) != opening):
            found += resolved
    return found


def _resolve_conjuncts(
    text: str, start: int, end: int, head: re.Match[str], matcher: Matcher
) -> list[tuple[Match, int]]:
    """The conjuncts before ``head`` that, with the head, name an entity: from the last one backwards."""
    items: list[tuple[int, int]] = []
    position = start
    for separator in _CONJUNCT_SEPARATOR.finditer(text, start, end):
        items.append((position, separator.start()))
        position = separator.end()
    items.append((position, end))
    singular = matcher.canonical_head(head.group(0))
    resolved: list[tuple[Match, int]] = []
    for index, (item_start, item_end) in enumerate(reversed(items)):
        match = _conjunct_match(text, item_start, item_end, singular, matcher)
        if match is None:
            break
        last = index == 0
        span_end = head.end() if last else item_end
        resolved.insert(0, (Match(match.entity, text[match.start : span_end], match.start, span_end), index))
    return resolved


def _conjunct_match(text: str, start: int, end: int, head: str, matcher: Matcher) -> Match | None:
    """The entity named by the conjunct (or its last words, without "The", "In" …) and the head."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for first in range(len(words)):
        word_start = start + words[first].start()
        entity = matcher.resolve_folded(f"{text[word_start:end]} {head}")
        if entity is not None:
            return Match(entity, text[word_start:end], word_start, end)
    return None


def _hyphenated(text: str, found: list[Match], matcher: Matcher) -> list[Match]:
    """Rule 7: names joined by hyphens, each read on its own, when every part of the chain is a name."""
    joints = {hyphen.start() for hyphen in _JOINING_HYPHEN.finditer(text)}
    if not joints:
        return []
    spaced = _JOINING_HYPHEN.sub(" ", text)
    parts = matcher.find_names(spaced)
    chained: set[int] = set()
    for index in range(len(parts) - 1):
        left, right = parts[index], parts[index + 1]
        if left.end in joints and right.start == left.end + 1:
            chained.update({index, index + 1})
    taken = [(m.start, m.end) for m in found]
    extra = []
    for index in sorted(chained):
        part = parts[index]
        if not any(start < part.end and part.start < end for start, end in taken):
            extra.append(Match(part.entity, text[part.start : part.end], part.start, part.end, part.form))
    return extra


def _merge(found: list[Match], extra: list[Match], replace: bool = True) -> list[Match]:
    """``found`` with ``extra`` added; overlapped matches of ``found`` give way (or ``extra`` does)."""
    if replace:
        kept = [m for m in found if not any(e.start < m.end and m.start < e.end for e in extra)]
        return sorted([*kept, *extra], key=lambda m: (m.start, m.end))
    return sorted([*found, *extra], key=lambda m: (m.start, m.end))

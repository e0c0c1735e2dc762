"""Statistics: each figure of a passage (extract/figures.py) with what it counts, when, what it is about, and
whether it is an observed figure, a target, a threshold or a limit.

- *What it counts* (``measures``): the noun phrase after the figure ("159 million international migrants",
  "288,000 arrivals via the Mediterranean", "97 measures of the National Plan"); for a share "of the total"
  or "of those …", what the sentence's previous figure counts; for a duration, the thing that lasts ("a
  90-day visa", "detention for periods up to 10 days"); when nothing follows, the phrase before the figure
  ("its 2024 funding target set at USD 25 million"). A phrase never starts with a preposition, conjunction
  or punctuation, and never ends on one.
- *When* (``period``): the time expression of the figure's clause, else of its sentence, nearest to it: an
  interval ("between 2019 and 2026", "2002–2022", "from 2019 to 2020"), a start only ("since 2014", "since
  the Compact's adoption" = 2018), or a year ("in 2020", "its 2024 funding target"); a year that opens a name
  ("the 2030 Agenda", "the 1954 Convention") is no time. A sentence without one carries on the time of the
  previous sentence's figures ("… since 2014 worldwide. Europe has been the deadliest destination; 29,126
  deaths …"). A figure told in the present ("now runs 12 offices") takes only a time written between "now"
  and the figure. A figure of a time left unnamed ("a cap of 50,000 in earlier years") has none.
- *Kind*: a ``limit`` (a figure something is "capped at" or "limited to", "a cap of", "a ceiling of", a "60-day
  deadline", a duration with "up to", "no more than", "no later than", "maximum", "within"), a ``target``
  ("funding target", "aims to", "reduce remittance costs to 3%", a plan's "up to 100"), a ``threshold`` (a
  duration with "more than", "at least", "over", or a "90-day visa"), else ``observed``.
- *About*: the State, organisation or region named nearest to the figure in its clause, the one before it
  first ("Kazakhstan regularised some 170,000 migrants").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import URIRef

from gcmkg.loaders.documents.extract.figures import COMPARED_WITH, FUNCTION_WORDS, Figure, figures
from gcmkg.loaders.documents.extract.sentences import sentences
from gcmkg.loaders.documents.facts import Statistic
from gcmkg.loaders.documents.matcher import Kind, Match
from gcmkg.loaders.documents.segmenting import Passage

#: The year the GCM was adopted (A/RES/73/195, 19 December 2018): "since the Compact's adoption".
GCM_ADOPTION_YEAR = 2018
_Y = r"(?:19|20)\d\d"
_INTERVAL = re.compile(
    rf"\b(?:between\s+({_Y})\s+and\s+({_Y})|from\s+({_Y})\s+(?:to|until)\s+({_Y})|({_Y})\s*[–—-]\s*({_Y}))\b",
    re.IGNORECASE,
)
_SINCE = re.compile(
    rf"\bsince\s+(?:(?P<year>{_Y})\b|the\s+(?:Compact|GCM)['’]s\s+adoption|the\s+adoption\s+of\s+the\s+(?:Compact|GCM)"
    # an event and its year: "since the seventh meeting, held in 2041", "since the reform of 2039"
    rf"|(?:the|its|their)\s+(?:[\w'’-]+,?\s+){{1,5}}?(?:in|of)\s+(?P<event>{_Y})\b)",
    re.IGNORECASE,
)
#: A split year, as in fiscal and school years: "2042/43", "2041/2042".
_SPLIT_YEAR = re.compile(rf"\b({_Y})/(\d\d|{_Y})\b")
#: The time a comparison is made with is not the figure's: "more … in 2045 than in any year since 2040".
_COMPARED_TIME = re.compile(r"\bthan\b[^,;]{0,30}$", re.IGNORECASE)
_YEAR = re.compile(rf"\b({_Y})\b(?!\s*[–—-]\s*{_Y})")
#: A year right after the figure is its own: "…, up from 71 per cent in 2040", "(5,200 in 2029)".
_OWN_YEAR = re.compile(rf"\s+in\s+({_Y})\b(?!\s*[–—-]\s*{_Y})")
_NAME_AFTER_YEAR = re.compile(
    r"\s+(?!(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b)[A-Z][a-z]"
)
_TARGET = re.compile(
    r"\b(?:targets?|goals?|aims?\s+(?:to|at|of)|aimed\s+(?:to|at)|seeks?\s+to|plans?\s+to|commitments?\s+to|"
    r"pledged?\s+to|intends?\s+to|will\s+bring|to\s+bring\s+(?:in\s+)?up\s+to)\b",
    re.IGNORECASE,
)
_TOWARDS = re.compile(r"\b(?:reduc|lower|cut|increas|rais|bring|halv|limit)\w*\b[^;.]{0,80}?\bto\s+$", re.IGNORECASE)
_LIMIT_WORDS = frozenset({"up to", "no more than", "at most", "not exceeding", "no later than", "not later than"})
_THRESHOLD_WORDS = frozenset(
    {"more than", "over", "at least", "exceeding", "above", "below", "under", "less than", "fewer than"}
)
_CAPPED = re.compile(
    r"\b(?:capp(?:ed|ing)|caps?|limit(?:ed|ing|s)?|restrict(?:ed|ing|s)?)\b[^;.]{0,80}?\b(?:at|to)\s+$", re.IGNORECASE
)
#: "may not exceed the equivalent of two weeks' wages": a cap.
_NOT_EXCEED = re.compile(r"\b(?:not|never)\s+(?:to\s+)?exceed\b[^;.]{0,40}$", re.IGNORECASE)
_LIMIT_NOUN = re.compile(r"[\s-]*(?:time[\s-]+)?(?:deadline|limit|cap|ceiling)\b", re.IGNORECASE)
#: A figure told in the present ("now issues passports through 19 posts"): only a time between the word and the
#: figure is its time.
_NOW = re.compile(r"\b(?:now|currently|today|at\s+present|presently)\b", re.IGNORECASE)
_JOINED_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\s")
_MAXIMUM = re.compile(r"\b(?:maximum|max\.)\s+(?:of\s+)?$", re.IGNORECASE)
#: "set maximum stays that run from 30 to 90 days": a range of maximums named before it in the clause.
_MAXIMUM_NOUN = re.compile(r"\b(?:maximum|maximal)\s+[\w-]+s\b[^;.]{0,60}?\b(?:from|between|of|at)\s+$", re.IGNORECASE)
#: "for no longer than 8 weeks", "never … for longer than six months", "not more than 40 hours": a negated bound.
_NOT_LONGER = re.compile(r"\b(?:no|not|never)\b[^;.]{0,60}?\b(?:longer|more|later)\s+than\s+$", re.IGNORECASE)
#: "every employer that hires more than 200 workers": a bound that says which ones a rule applies to.
_WHICH_ONES = re.compile(
    r"\b(?:every|any|each|all)\s+[\w-]+\s+(?:that|which|who|with)\b[^;.]{0,40}?\b"
    r"(?:more\s+than|over|at\s+least|fewer\s+than|less\s+than|above|below)\s+$",
    re.IGNORECASE,
)
#: "a cap of 50,000", "the ceiling of 8,000", "a quota of 300": a limit named before the figure.
_LIMIT_OF = re.compile(r"\b(?:an?|the|its|their)\s+(?:[\w-]+\s+)?(?:cap|ceiling|limit|quota)\s+of\s+$", re.IGNORECASE)
#: "… in earlier years": a time the text leaves unnamed, which the sentence's year is not.
_UNNAMED_TIME = re.compile(
    r"[^,;.\d]{0,40}?\b(?:in|over|during|for)\s+(?:earlier|previous|past|prior|former|other)\s+years\b", re.IGNORECASE
)
#: A duration something must happen within: "recognised within 90 days".
_WITHIN = re.compile(r"\b(?:within|in\s+no\s+more\s+than|in\s+under)\s+$", re.IGNORECASE)
_STOP = FUNCTION_WORDS | frozenset(
    "compared amounting while whereas including according since between during across within among through "
    "than also only still already now then mainly mostly respectively each every annually".split()
)
_PARTICIPLES = frozenset(
    "undertaken taken given seen done made held brought built sent kept found shown known "
    "applies apply remains remain continues continue includes include shows show stands exists exist covers "
    "means requires require provides provide affects affect reaches reach falls fall rises rise grows grow "
    "lasts last takes take makes make helps".split()
)
_TARGET_NOUNS = frozenset({"target", "targets", "goal", "goals", "benchmark"})
_TARGET_LINKS = re.compile(
    r"(?:\b(?:at|or|below|above|under|amounting|equal|equivalent|to|of|the|a|an|standard|UN|"
    r"global|international|agreed)\b[\s,]*)+$"
)
_IN_THE_PAST = re.compile(r"\b(?:in|over|during)\s+the\s+(?:past|last|next|coming|first)\s*$", re.IGNORECASE)
_LEADING = frozenset(
    "of to at by set reached totalled totaling amounted amounting worth with a an the its their some".split()
)
_CONTINUE = frozenset({"of", "via"})
_BACKWARD = frozenset({"of", "via", "in", "for"})
_FOR_PERIOD = re.compile(r"\b(?:for|of)(?:\s+(?:a\s+)?periods?(?:\s+of)?)?\s*$", re.IGNORECASE)
_ANAPHOR = re.compile(r"^\s*of\s+(?:the\s+total|those|them|these|whom|which)\b", re.IGNORECASE)
_SHARE_OF_SINGULAR = re.compile(r"^\s*of\s+(?:known|unknown|the\s+same)\s+\w+(?<!s)\b", re.IGNORECASE)
_MODAL = re.compile(r"\b(?:may|might|can|could|will|would|shall|should|must)\b")
_PART_OF = re.compile(r"\bof\s+(?:whom|which)\s+(?:(?:more\s+than|over|about|nearly|almost|some|around)\s+)?$", re.I)
_ELLIPSIS = re.compile(
    r"(?:\band|\bor|,|\bof\s+(?:which|whom)|\bincluding|\bamong\s+them|\(|\bmainly\s+from\s+\w+\s*\()\s*"
    r"(?:(?:more\s+than|over|about|nearly|almost|some|around|at\s+least)\s+)?$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\"“‘(]?\w(?:[\w'’-]|\.(?=\w))*[\"”’)]?")
_MODIFIER_LIST = re.compile(r"^,\s*(?:[a-z][\w-]*\s*,\s*)*[a-z][\w-]*\s+(?:and|or)\s+[a-z]")
MAX_WORDS = 8


@dataclass(frozen=True)
class _Clause:
    start: int
    end: int


def statistics(passage: Passage, found: list[Match]) -> list[Statistic]:
    """Every statistic stated in ``passage``; ``found`` are its mentions (offsets in the passage text)."""
    results: list[Statistic] = []
    framing: tuple[int | None, int | None] = (None, None)
    for offset, sentence in sentences(passage.text, at_semicolons=False):
        previous: str = ""
        since = 0
        sentence_framing: tuple[int | None, int | None] = (None, None)
        for figure in figures(sentence):
            clause = _clause(sentence, figure)
            joined = [m.end() for m in _JOINED_CLAUSE.finditer(sentence, clause.start, figure.start)]
            now = _NOW.search(sentence, max([clause.start, *joined]), figure.start)
            period = _period(sentence, figure, _Clause(now.start(), figure.end) if now else clause, whole=not now)
            unnamed = bool(_UNNAMED_TIME.match(sentence, figure.end))
            if unnamed:
                period = (None, None)
            elif period == (None, None) and not now:
                period = framing  # the time the previous sentence gave its figures carries on
            elif not COMPARED_WITH.search(sentence, 0, figure.start):
                sentence_framing = period
            if figure.change and period[1] is not None:  # "from 12 to 19 per cent between 2043 and 2045"
                year = period[0] if figure.change == "from" else period[1]
                period = (year, year)
            measures = _measures(sentence, figure, previous, since)
            previous = measures or previous
            start = passage.start + offset + figure.start
            kind = _kind(sentence, figure, _Clause(max(clause.start, since), clause.end))
            if figure.is_duration and kind == "observed" and _lasting(sentence, figure, since) and results:
                kind = results[-1].kind  # "will bring up to 100 professionals … for 12 months": the same plan
            since = figure.end
            results.append(
                Statistic(
                    value=figure.value,
                    value_max=figure.value_max,
                    unit=figure.unit,
                    period_start=period[0],
                    period_end=period[1],
                    kind=kind,
                    measures=measures,
                    about=_about(found, offset, figure, clause),
                    start=start,
                    end=passage.start + offset + figure.end,
                    surface=figure.surface,
                    passage=passage,
                )
            )
        framing = sentence_framing
    return results


def _clause(sentence: str, figure: Figure) -> _Clause:
    """The part of the sentence between semicolons (or colons) that holds the figure."""
    start = max(sentence.rfind(";", 0, figure.start), sentence.rfind(":", 0, figure.start)) + 1
    ends = [i for i in (sentence.find(";", figure.end), sentence.find(":", figure.end)) if i >= 0]
    return _Clause(start, min(ends) if ends else len(sentence))


# --- when ----------------------------------------------------------------------------------------------------


def _period(sentence: str, figure: Figure, clause: _Clause, whole: bool = True) -> tuple[int | None, int | None]:
    """(start year, end year) of the figure: its clause's time expression nearest to it, else (``whole``) its
    sentence's. A year right after the figure is its own."""
    own = _OWN_YEAR.match(sentence, figure.end)
    if own and not _COMPARED_TIME.search(sentence, clause.start, own.start(1)):
        return int(own.group(1)), int(own.group(1))
    for low, high in ((clause.start, clause.end), (0, len(sentence)))[: 2 if whole else 1]:
        expressions = _time_expressions(sentence, low, high, figure)
        if expressions:
            nearest = min(expressions, key=lambda item: abs(item[0] - figure.start))
            return nearest[1], nearest[2]
    return None, None


def _time_expressions(sentence: str, low: int, high: int, figure: Figure) -> list[tuple[int, int | None, int | None]]:
    """(position, start year, end year) of every time expression in [low, high), not inside the figure."""
    found: list[tuple[int, int | None, int | None]] = []
    taken: list[tuple[int, int]] = []
    for interval in _INTERVAL.finditer(sentence, low, high):
        years = sorted(int(y) for y in interval.groups() if y)
        found.append((interval.start(), years[0], years[1]))
        taken.append((interval.start(), interval.end()))
    for split in _SPLIT_YEAR.finditer(sentence, low, high):
        first, second = int(split.group(1)), split.group(2)
        found.append((split.start(), first, int(second) if len(second) == 4 else first // 100 * 100 + int(second)))
        taken.append((split.start(), split.end()))
    for since in _SINCE.finditer(sentence, low, high):
        year = since.group("year") or since.group("event")
        found.append((since.start(), int(year) if year else GCM_ADOPTION_YEAR, None))
        taken.append((since.start(), since.end()))
    for year in _YEAR.finditer(sentence, low, high):
        inside = any(a <= year.start() < b for a, b in taken) or figure.start <= year.start() < figure.end
        if not inside and not _NAME_AFTER_YEAR.match(sentence, year.end()):
            found.append((year.start(), int(year.group(1)), int(year.group(1))))
    return [item for item in found if not _COMPARED_TIME.search(sentence, low, item[0])]


# --- kind ----------------------------------------------------------------------------------------------------


def _kind(sentence: str, figure: Figure, clause: _Clause) -> str:
    before = sentence[clause.start : figure.start]
    if (
        _CAPPED.search(before)
        or _NOT_EXCEED.search(before)
        or _LIMIT_OF.search(before)
        or _LIMIT_NOUN.match(sentence, figure.end)
        or _NOT_LONGER.search(before)
        or _MAXIMUM_NOUN.search(before)
    ):
        return "limit"
    if _WHICH_ONES.search(before):
        return "threshold"
    if figure.is_duration or _MAXIMUM.search(before):
        if figure.quantified in _LIMIT_WORDS or _MAXIMUM.search(before) or _WITHIN.search(before):
            return "limit"
        if figure.quantified in _THRESHOLD_WORDS or re.match(r"\d+-", figure.surface):
            return "threshold"
    if _TOWARDS.search(before) or _TARGET.search(before):
        return "target"
    if figure.quantified in _LIMIT_WORDS:
        return "limit"  # "would admit up to 30,000 workers a year": a cap
    return "observed"


# --- what it counts --------------------------------------------------------------------------------------------


def _measures(sentence: str, figure: Figure, previous: str, since: int = 0) -> str:
    """What ``figure`` counts; ``previous`` is what the sentence's previous figure (ending at ``since``) counts."""
    after = sentence[figure.end :]
    if figure.unit == "percent" and previous and (_ANAPHOR.match(after) or _SHARE_OF_SINGULAR.match(after)):
        return previous
    if previous and _PART_OF.search(sentence[: _surface_start(sentence, figure)]):
        return previous  # "12,400 minors …, of whom 71 per cent travelled alone"
    label = re.match(r"\s*(?P<label>[A-Z][^:()]*?)\s*\($", sentence[: figure.start])
    if label and re.match(r"\)\s*:", after):
        return label.group("label")  # "Delegations present (40): …"
    phrase = "" if re.match(r"^\s*[,;:.)]", after) else _phrase_after(after)
    if phrase:
        return phrase
    before = sentence[: _surface_start(sentence, figure)]
    if previous and (
        _lasting(sentence, figure, since) or _ELLIPSIS.search(before) or (before.endswith("(") and after[:1] == ")")
    ):
        return previous  # "… up to 100 professionals … for 12 months"; "50,000 migrants in 2018 and almost 18,000"
    if figure.is_duration:
        before = _IN_THE_PAST.sub("", _FOR_PERIOD.sub("", before))
    return _phrase_before(before)


def _lasting(sentence: str, figure: Figure, since: int) -> bool:
    """A duration "for N months" that tells how long the previous figure's thing lasts: no new predicate
    (a modal verb) since the previous figure ("… up to 100 professionals … for 12 months")."""
    before = sentence[: _surface_start(sentence, figure)]
    return (
        figure.is_duration and since > 0 and bool(re.search(r"\bfor\s*$", before)) and not _MODAL.search(before[since:])
    )


def _surface_start(sentence: str, figure: Figure) -> int:
    found = sentence.rfind(figure.surface, 0, figure.end)
    return found if found >= 0 else figure.start


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0).strip('"“”‘’()'), m.start(), m.end()) for m in _WORD.finditer(text)]


def _phrase_after(text: str) -> str:
    """The noun phrase at the start of ``text``: words up to a function word, a verb or punctuation; "and"/"or"
    between words, a list of modifiers ("origin, transit and destination countries") and "of"/"via" phrases
    kept ("deaths or disappearances", "measures of the National Plan"). Returned as written."""
    tokens = _tokens(text[:200])
    while tokens and tokens[0][0].lower() in ("of", "the", "a", "an") and len(tokens) > 1:
        tokens = tokens[1:]
    kept: list[tuple[str, int, int]] = []
    for index, (word, start, end) in enumerate(tokens):
        lowered = word.lower()
        gap = text[tokens[index - 1][2] : start] if index else ""
        listed = gap.strip() == "," and _MODIFIER_LIST.match(text[tokens[index - 1][2] :]) is not None
        if (kept and gap.strip() and gap != "-" and not listed) or not word or len(kept) >= MAX_WORDS:
            break
        if word[0].isdigit() or text[start] == "(":
            break
        following = tokens[index + 1][0].lower() if index + 1 < len(tokens) else ""
        last = kept[-1][0].lower() if kept else ""
        if lowered in ("and", "or") and kept and following and following not in _STOP:
            if not (_verb(following) and last.endswith("s")):  # "migrants and waived requirements": a verb
                kept.append((lowered, start, end))
                continue
        if lowered in _CONTINUE and kept or lowered == "the" and last in _CONTINUE:
            kept.append((lowered, start, end))
            continue
        if lowered in _STOP or lowered.endswith("ly"):
            break
        if not kept and _verb(lowered) and following in _STOP:
            break  # "0,7% required to achieve": a verb, not an adjective before a noun
        if kept and last not in ("and", "or", "the", *_CONTINUE) and _verb(lowered):
            break
        kept.append((word, start, end))
    while kept and (kept[-1][0].lower() in _STOP or kept[-1][0] in _CONTINUE or kept[-1][0] in ("and", "or")):
        kept.pop()
    if not kept:
        return ""
    return text[kept[0][1] : kept[-1][2]].strip('"“”‘’()')


def _verb(word: str) -> bool:
    """A word read as a verb after a noun: a past form, a participle, a gerund or a frequent verb in the
    present ("arrived", "undertaken", "consisting", "applies")."""
    return word.endswith(("ed", "ing")) or word in _PARTICIPLES


def _phrase_before(text: str) -> str:
    """The noun phrase that ends ``text`` (before the figure), without link words ("set at", "of", "worth");
    before a target ("remittance costs at or below the target of 3%"), what the target is for."""
    phrase = _noun_phrase_ending(text)
    target_of = re.search(r"\b(?:targets?|goals?|benchmark)\s+of\s*$", text, re.IGNORECASE)
    if phrase and target_of and phrase.split()[-1].lower() in _TARGET_NOUNS and len(phrase.split()) <= 3:
        end = text.rfind(phrase.split()[0])
        earlier = _noun_phrase_ending(_TARGET_LINKS.sub("", text[:end]))
        return earlier or phrase
    return phrase


def _noun_phrase_ending(text: str) -> str:
    """The words that end ``text`` and name something: back to a function word, an adverb or a past form
    ("migrants rescued … people" → "people"), without the verb of an infinitive ("to achieve remittance
    costs" → "remittance costs"; "to stay in Belgium" keeps "stay")."""
    found = list(re.finditer(r"[\w'’-]+", text))[-MAX_WORDS:]
    words = [m.group(0) for m in found]
    while words and (
        words[-1].lower() in _LEADING
        or words[-1].lower() in _STOP
        or _MODAL.fullmatch(words[-1])
        or _verb(words[-1].lower())
    ):
        words.pop()
    kept: list[str] = []
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        lowered = word.lower()
        past = lowered.endswith("ed") or lowered in _PARTICIPLES
        if lowered in _STOP and lowered not in _BACKWARD or lowered.endswith("ly") or (kept and past):
            break
        if index and words[index - 1].lower() == "to" and kept and kept[0].lower() not in _BACKWARD:
            break  # "to achieve remittance costs": the verb after "to" is no part of what is counted
        kept.insert(0, word)
    while kept and (
        kept[0].lower() in _LEADING or kept[0].lower() in _BACKWARD or re.fullmatch(r"(?:19|20)\d\d", kept[0])
    ):
        kept.pop(0)
    return " ".join(kept)


# --- what it is about --------------------------------------------------------------------------------------------


def _about(found: list[Match], offset: int, figure: Figure, clause: _Clause) -> URIRef | None:
    """The State, organisation or region named nearest to the figure in its clause, the one before it first."""
    low, high = offset + clause.start, offset + clause.end
    kinds = (Kind.STATE, Kind.ORGANISATION, Kind.REGION)
    inside = [m for m in found if low <= m.start and m.end <= high and m.entity.kind in kinds]
    before = [m for m in inside if m.end <= offset + figure.start]
    after = [m for m in inside if m.start >= offset + figure.end]
    if before:
        return before[-1].entity.iri
    return after[0].entity.iri if after else None

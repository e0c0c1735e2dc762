"""How a text names a session of a review: "Session 3", "session three", "Roundtable 4", "Thematic Panel 2",
"Dialogue II", "Round Table B" (in a document that letters its sessions: "four round tables (A to D)"), "the third
session", "the 2nd roundtable", "the first of the four thematic sessions", "the last panel", "C2" (in a document
that labels its sessions so: "three clinics, C1 on Monday and C2 and C3 on Tuesday").

The nouns a review's sessions go by are a vocabulary each document has: the nouns always known (session,
roundtable, round table, panel, dialogue, working group, breakout group, thematic segment) and those the
document announces itself. A document announces a noun when it counts the review's meeting units by it ("the
Forum was organised in three thematic workshops", "the last of the Review's four clinics") and names one of
them by a sequence number ("Workshop II", "Clinic Two", "the second of the four clinics"): the count's
sentence speaks of the meeting (the review, the forum, a programme, objectives, moderators, speakers, "held",
"met", "convened" …). Nouns for parts of a document, of a text's reasoning or of time ("Table 3", "Annex II",
"Takeaway one", "Day 1", "Phase 2", "Round 2") never name a session.

A document labels its sessions by the initials of their noun and a number ("C1" for a clinic, "RT2" for a round
table, "TS3" for a thematic session) when the sentence that counts them names such a label ("the Forum met in
three clinics, C1 on Monday …", "T2 closed the series of five tracks"), or when it names a session by noun and
label ("Background paper for Lab L4") and uses the noun in a sentence on the meeting; a label names the session of
its number. ``session_vocabulary`` reads a document's vocabulary once; the patterns each noun set needs are
compiled once per set."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first twenty-second twenty-third"
).split()
_CARDINALS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty twenty-one twenty-two twenty-three"
).split()
#: Number words and ordinals (in words or "2nd") → their number.
WORD_NUMBER = {word: number for words in (_ORDINALS, _CARDINALS) for number, word in enumerate(words, start=1)}
ORDINAL_WORD = "|".join(sorted(_ORDINALS, key=len, reverse=True))
CARDINAL_WORD = "|".join(sorted(_CARDINALS, key=len, reverse=True))
#: The nouns of a review's sessions that every document may use.
_NOUNS = (
    r"session",
    r"roundtable",
    r"round[\s-]+table",
    r"panel",
    r"dialogue",
    r"working\s+group",
    r"breakout\s+group",
    r"thematic\s+segment",
)
_FEW_SESSIONS = "|".join(_CARDINALS[:12])
#: A session's number in a name: digits or a number word ("Session 3", "Clinic Two").
SESSION_NUMBER = rf"\d{{1,2}}|{_FEW_SESSIONS}"
#: Roman numerals of sessions ("Dialogue II") → their number.
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11}
ROMAN_NUMERAL = "|".join(sorted(ROMAN, key=len, reverse=True))
_LETTERS = "ABCDEFGHIJKL"


@dataclass(frozen=True)
class SessionPatterns:
    """The patterns of one set of session nouns, compiled once per set (``session_patterns``)."""

    noun: str
    """The nouns as one regular expression, to put into other patterns (no group, no flags)."""
    named: re.Pattern[str]
    """Group 1: the number after the word ("Session 3"); group 2: the ordinal before it ("third session");
    group 3: "last" or "final" ("the last panel": the number of sessions the document announces); group 4: a
    roman numeral or a letter after the word ("Dialogue II", "Round Table B"); group 5: the number of a label
    ("C3", "Clinic C3")."""
    count: re.Pattern[str]
    """ "the four thematic panels", "its 4 roundtables", "four multi-stakeholder dialogues": group 1 is how many
    sessions a review had."""
    lettered: re.Pattern[str]
    """Sessions lettered in order: "round tables (A to D)", "four panels, lettered A–C"."""


def _label(labels: tuple[str, ...]) -> str:
    """A session's label for the initials ``labels`` ("C3"), its number in a group; a pattern that matches
    nothing if there are none."""
    if not labels:
        return "(?!)()"
    return rf"(?-i:(?<![\w/.-])(?:{'|'.join(labels)})(\d{{1,2}}))(?![\w.,/-]?\w)"


@cache
def session_patterns(nouns: tuple[str, ...], labels: tuple[str, ...] = ()) -> SessionPatterns:
    """The patterns for the session nouns ``nouns`` (each a regular expression of the singular noun) and the
    labels ``labels`` (the capital initials before a session's number: "C" of "C3")."""
    noun = f"(?:{'|'.join(nouns)})"
    # the same nouns with a capital: a session named by a letter or a roman numeral is a proper name ("Panel B")
    proper = "(?:" + "|".join(rf"(?-i:{n[0].upper()})(?i:{n[1:]})" for n in nouns) + ")"
    unit = rf"(?:thematic\s+|plenary\s+|panel\s+)?{noun}"
    named = re.compile(
        rf"\b(?:{noun}\s+({SESSION_NUMBER})\b(?![.,]\d)"
        r"(?!\s+(?:days?|weeks?|months?|years?|hours?|minutes?|times?|more|other)\b)"
        rf"|({ORDINAL_WORD}|\d{{1,2}}(?:st|nd|rd|th))\s+(?:{unit}\b|of\s+(?:the|its|their)\s+(?:[\w'’-]+\s+){{0,3}}{unit}s\b)"
        rf"|\bthe\s+(last|final)\s+(?:{unit}\b|of\s+(?:the|its|their)\s+(?:[\w'’-]+\s+){{0,3}}{unit}s\b)"
        rf"|{proper}\s+(?-i:({ROMAN_NUMERAL}|[{_LETTERS}]))\b(?![.'’-]\w)"
        rf"|(?:{proper}\s+)?{_label(labels)})",
        re.IGNORECASE,
    )
    count = re.compile(rf"\b(\d|{_FEW_SESSIONS})\s+(?:[\w-]+-[\w-]+\s+)?{unit}s\b", re.IGNORECASE)
    lettered = re.compile(
        rf"{unit}s\b[^.;:]{{0,40}}?(?<![\w-])(?-i:A)\s*(?:to|through|[–-])\s*(?-i:[B-L])\b(?![.-]?\d)", re.IGNORECASE
    )
    return SessionPatterns(noun, named, count, lettered)


@dataclass(frozen=True)
class SessionVocabulary:
    """The nouns a document's sessions go by (regular expressions of the singular noun), how many sessions it
    says there were (``last``, the number of "the last session"; None if it says no one number) and whether it
    letters them A, B, C … in order."""

    nouns: tuple[str, ...] = _NOUNS
    last: int | None = None
    lettered: bool = False
    labels: tuple[str, ...] = ()
    """The initials a document labels its sessions by ("C" of "C1", module docstring)."""

    @property
    def patterns(self) -> SessionPatterns:
        return session_patterns(self.nouns, self.labels)

    @property
    def noun(self) -> str:
        """The session nouns as one regular expression."""
        return self.patterns.noun

    @property
    def named(self) -> re.Pattern[str]:
        """A session named in text (``SessionPatterns.named``)."""
        return self.patterns.named

    def number(self, named: re.Match[str]) -> int | None:
        """The number of the session a ``named`` match names; for "the last session", the number of sessions
        the document announces; for a letter, its place in the alphabet where the document letters its
        sessions (a letter of a document that does not, or "the last session" of one that announces no
        number, names none)."""
        if named.group(3):
            return self.last
        if named.group(5):
            return int(named.group(5))
        label = named.group(4)
        if label is not None:
            if self.lettered and len(label) == 1:
                return _LETTERS.index(label) + 1
            return ROMAN.get(label)
        word = (named.group(1) or named.group(2)).lower()
        return WORD_NUMBER.get(word) or int(re.sub(r"\D", "", word))

    def numbered(self, text: str) -> SessionVocabulary:
        """This vocabulary with the numbering ``text`` gives its sessions: the number it announces ("the four
        thematic panels", if it says one number) and whether it letters them ("four round tables (A to D)")."""
        patterns = self.patterns
        counts = {WORD_NUMBER.get(m.group(1).lower()) or int(m.group(1)) for m in patterns.count.finditer(text)}
        return replace(
            self, last=counts.pop() if len(counts) == 1 else None, lettered=bool(patterns.lettered.search(text))
        )


#: The vocabulary of a document that announces no noun of its own and says nothing of its sessions as a whole.
DEFAULT_VOCABULARY = SessionVocabulary()

#: A count of things by a plural noun, after up to two modifiers: "four peer-learning labs", "three thematic
#: workshops", "5 clusters". Group 1: the count; group 2: the plural noun.
_COUNTED = re.compile(
    rf"\b(?i:({_FEW_SESSIONS}|[2-9]|1[0-2]))\s+(?:(?:[a-z]+-[\w-]+|[a-z]+)\s+){{0,2}}?([a-z]{{3,}}s)\b"
)
#: Words of a sentence that speaks of a meeting and its parts.
_MEETING = re.compile(
    r"\b(?:review|meeting|conference|forum|programme|program|agenda|event|held|hold|met|meet|convened|"
    r"took\s+place|moderat\w+|chair\w*|facilitat\w+|speakers?|discussants?|panell?ists|organi[sz]ed|"
    r"built\s+around|objectives?|sessions?|panels?|in\s+parallel)\b",
    re.IGNORECASE,
)
#: Nouns for parts of a document, of its reasoning, or of time, and for lists of things: no meeting unit.
_NEVER_SESSIONS = frozenset(
    "annex appendix table figure chart graph box map chapter section part paragraph note footnote endnote item "
    "page line article clause takeaway message finding lesson recommendation conclusion question answer "
    "objective goal target indicator principle pillar priority commitment action area point option step stage "
    "phase round wave cycle edition day week month year hour minute time decade quarter semester term case "
    "example country state member delegation participant speaker person people organisation programme project "
    "scenario model category group type level tier version volume".split()
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])|\n\s*\n")


def _singulars(plural: str) -> list[str]:
    """The singular forms a plural noun may have: "labs" → lab; "clinics" → clinic; "boxes" → boxe, box;
    "studies" → study."""
    forms = [plural[:-1]]
    if plural.endswith("es"):
        forms.append(plural[:-2])
    if plural.endswith("ies"):
        forms.append(plural[:-3] + "y")
    return forms


@cache
def _sequenced(noun: str, plural: str) -> re.Pattern[str]:
    """``noun`` named by a sequence number: "Lab Two", "Clinic 3", "Workshop II", "Cluster C", "the third
    (thematic) clinic", "the second of the four peer-learning clinics" (``plural``: the noun's plural)."""
    ordinal = rf"(?i:the\s+(?:{ORDINAL_WORD}|\d{{1,2}}(?:st|nd|rd|th)))\s+"
    return re.compile(
        rf"\b{noun[0].upper()}{noun[1:]}\s+(?:(?i:{SESSION_NUMBER})|{ROMAN_NUMERAL}|[{_LETTERS}])\b(?![.,'’-]?\w)"
        rf"|\b{ordinal}(?:[a-z-]+\s+)?{noun}\b"
        rf"|\b{ordinal}of\s+(?:the|its|their)\s+(?:[\w'’-]+\s+){{0,3}}{plural}\b"
    )


def _initials(counted: re.Match[str], noun: str) -> set[str]:
    """The labels a counted noun's sessions may go by: its initial, and the initials of its words with their
    modifiers ("four round tables": R, RT; "three thematic sessions": S, TS)."""
    words = counted.group(0).split()[1:-1] + [noun]
    return {noun[0].upper(), "".join(word[0] for word in words).upper()}


def _tied_labels(sentence: str, counted: re.Match[str], noun: str) -> list[str]:
    """The initials of ``noun`` (counted by ``counted``) that ``sentence`` names as a session's label ("three
    clinics, C1 on Monday and C2 and C3 on Tuesday": C)."""
    return sorted(
        initials
        for initials in _initials(counted, noun)
        if re.search(rf"(?<![\w/.-]){initials}\d{{1,2}}(?![\w.,/-]?\w)", sentence)
    )


#: A session named by its noun and its label, the noun's initial and a number: "Lab L4", "Clinic C2".
_NOUN_AND_LABEL = re.compile(r"\b([A-Z])([a-z]{2,})\s+\1(\d{1,2})(?![\w.,/-]?\w)")


def _self_labelled(text: str, meeting: list[str]) -> Iterator[tuple[str, str]]:
    """(noun, initial) for each session ``text`` names by its noun and label ("Lab L4": lab, L), where
    one of the sentences on the meeting ``meeting`` uses the noun."""
    for named in _NOUN_AND_LABEL.finditer(text):
        noun = (named.group(1) + named.group(2)).lower()
        if noun not in _NEVER_SESSIONS and any(re.search(rf"\b{noun}s?\b", s, re.IGNORECASE) for s in meeting):
            yield noun, named.group(1)


def _announced(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The session nouns ``text`` announces (module docstring), in the order it first counts them, and the
    initials it labels its sessions by."""
    known = session_patterns(_NOUNS).noun
    found: list[str] = []
    labels: list[str] = []
    meeting = [sentence for sentence in _SENTENCE_END.split(text) if _MEETING.search(sentence)]
    for sentence in meeting:
        for counted in _COUNTED.finditer(sentence):
            plural = counted.group(2)
            nouns = _singulars(plural)
            modifiers = counted.group(0).split()[1:-1]
            if any(re.search(rf"\b{known}$", " ".join([*modifiers, noun]), re.IGNORECASE) for noun in nouns):
                labels += [label for noun in nouns for label in _tied_labels(sentence, counted, noun)]
                continue  # "four round tables (RT1 to RT4)": labels, but no noun of its own
            if any(noun in _NEVER_SESSIONS for noun in nouns):
                continue  # "three tables": no meeting unit
            for noun in nouns:
                tied = _tied_labels(sentence, counted, noun)
                labels += tied
                if noun not in found and (tied or _sequenced(noun, plural).search(text)):
                    found.append(noun)
                    break
    for noun, initial in _self_labelled(text, meeting):
        found += [noun] if noun not in found and not re.fullmatch(known, noun, re.IGNORECASE) else []
        labels.append(initial)
    return tuple(found), tuple(dict.fromkeys(labels))


def announced_nouns(text: str) -> tuple[str, ...]:
    """The session nouns ``text`` announces (module docstring), in the order it first counts them."""
    return _announced(text)[0]


def session_vocabulary(text: str) -> SessionVocabulary:
    """The session vocabulary of a document whose text is ``text``: the nouns always known and those it
    announces, the initials it labels its sessions by, with the numbering it gives its sessions."""
    nouns, labels = _announced(text)
    return SessionVocabulary(_NOUNS + tuple(re.escape(noun) for noun in nouns), labels=labels).numbered(text)

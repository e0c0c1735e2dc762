"""Who attended a review: the States and organisations that attendance sentences list.

Recognised forms, sentence by sentence: a list after a colon announced by "the following …" and a verb of
attending ("Representatives of the following member States attended: A, B, …"; "The following entities were
also represented: …", running over semicolons); a group's list without a verb ("Non-governmental organizations:
A; B"); "… they were: A, B" after a sentence saying who took part; a list after "in attendance were" / "present
were" / "attending were"; a subject that
attended, participated or followed part of the meeting ("The Holy See attended as an observer State", "… followed
the first day as an observer"); "X was represented by A, B and by C, through its D, as well as by E" (the body
represented and every body that represented it; people are not attendees); and a list under a label that says
who attended or how, with their count or not ("Delegations present (40): A · B · …", "Joined by video only: …",
"Also in the room: A; B; from the UN system, C and D": a group placed inside the list is no attendee), or under a
group's bare name ("Organizations: A; B", "Observers: C"); a count closing the list ("…; B (three delegations)") is
no attendee, and a label of those who stayed away ("Registered but absent: …") lists none. A delegation's
parenthesis lists attendees too ("the European Union (its delegation included DG HOME and the EEAS)", or only
"(DG HOME and the EEAS)" when it opens with a known name; "Netherlands (Kingdom of the)" is part of the name).
"""

from __future__ import annotations

import re

from gcmkg.loaders.documents.extract.agents import HONORIFIC, SEPARATORS_PATTERN, resolve_list, unique_agents
from gcmkg.loaders.documents.extract.sentences import sentences
from gcmkg.loaders.documents.facts import Agent, Attendance
from gcmkg.loaders.documents.matcher import Matcher
from gcmkg.loaders.documents.segmenting import Passage

_SENT = r"sent\s+(?:(?:a|their|its|high-level|senior)\s+)*(?:representatives|delegations?|delegates|observers)"
_ATTEND_VERB = (
    rf"(?:attended|participated|took\s+part|registered|{_SENT}"
    r"|(?:was|were)\s+(?:also\s+)?(?:represented|present|accredited|registered|in\s+attendance))"
)
_FOLLOWING = re.compile(rf"\bthe\s+following\b[^:]*?\b{_ATTEND_VERB}\b[^:]*:\s*(?P<list>.+?)\.?$", re.IGNORECASE)
_PRESENT_WERE = re.compile(
    r"\b(?:in\s+attendance|present|attending|participating)\s+(?:were|was|included)\s+(?P<list>.+?)\.?$",
    re.IGNORECASE,
)
_SUBJECT = re.compile(
    r"^(?:(?:An?\s+|The\s+)?(?:Representatives|Delegations?|Representation|delegation)\s+(?:of|from)\s+)?"
    r"(?P<list>(?:the\s+)?[A-Z].*?)\s+(?:also\s+)?"
    rf"(?:attended|participated|took\s+part|{_SENT}"
    r"|followed\s+the\s+(?:(?i:first|second|third|last|final|opening|closing|whole|entire)\s+)?"
    r"(?i:proceedings|meeting|session|discussions?|work|review|forum|conference|debates?|days?|morning|afternoon)"
    r"|(?:was|were)\s+(?:also\s+)?(?:represented|present)(?!\s+(?:by|through)))"
    r"\b(?!\s*:)"
)
#: A phrase placing the subject of an attendance sentence: "From the United Nations system, …".
_PLACING = re.compile(r"^(?:From|Among|Within|Outside|Beyond|Of)\s[^,]*,\s*")
#: Who attended besides the subject: "… sent representatives, in addition to X", "… as did X".
_BESIDES = re.compile(r"\b(?:in\s+addition\s+to|alongside|as\s+did|as\s+well\s+as)\s+(?P<list>[^.;:]+)")
#: Bodies that attended beside those already listed: "Beside them sat X, Y and Z", "Alongside these were …".
_BESIDE_THEM = re.compile(
    r"^(?:Besides?|Alongside|Next\s+to|Joining|With)\s+(?:them|these|those|the\s+(?:States|delegations))\s*,?\s+"
    r"(?:sat|were|came|was)\s+(?:also\s+)?(?P<list>.+?)\.?$"
)
_REPRESENTED = re.compile(
    r"^(?P<who>[^,;]+?)\s+(?:(?:was|were)\s+represented\s+(?:by|through)|(?:took\s+part|participated)\s+through)"
    r"\s+(?P<list>.+?)\.?$"
)
_HONORIFIC = re.compile(rf"^\s*(?:and\s+)?{HONORIFIC}")
_PERSON = re.compile(rf"\b{HONORIFIC}")
# Besides commas, words join the bodies of a represented-by list ("… and by the X, through its Y and its Z, as
# well as by W, with V"); outside known names only, so "Bosnia and Herzegovina" stays whole.
_BODY_SEPARATORS = re.compile(
    r",?\s+(?:and\s+(?:by|its|through)|as\s+well\s+as(?:\s+by)?|through(?:\s+its)?|including(?:\s+its)?"
    r"|(?:with\s+)?(?:a|its|the)\s+delegation\s+led\s+by|with|and(?=\s+the\s)|represented\s+by)\s+|"
    + SEPARATORS_PATTERN
)
_RESPECTIVELY = re.compile(r",?\s+respectively\s*$")
#: A list of attendees under the name of their group, without a verb: "Non-governmental organizations: A; B",
#: or under the group's bare name: "Organizations: A; B", "Observers: A; B".
_GROUP_LIST = re.compile(
    r"^(?:\d{1,3}\.\s+)?(?:Other\s+)?(?:(?:Non-governmental|Intergovernmental|International|Civil\s+society|"
    r"Observer|United\s+Nations|UN|Member|Regional)\b[^:]{0,60}?\b(?:organi[sz]ations|States|agencies|partners|"
    r"observers|entities|bodies)|Organi[sz]ations|Observers|Delegations|Agencies)\s*:\s*(?P<list>.+?)\.?$"
)
#: A list under a label that says who attended, or how, optionally with their count: "Delegations present (40): A ·
#: B", "Joined by video only: A · B", "Also in the room: A; B", "Countries represented: …".
_LABELLED = re.compile(r"^(?P<label>[A-Z][^:()\d]{0,50}?)\s*(?:\(\d{1,4}\))?\s*:\s*(?P<list>.+?)\.?$")
_ATTENDING_LABEL = re.compile(
    r"\b(?:present|in\s+attendance|attend(?:ed|ing|ees?)|taking\s+part|took\s+part|participating|represented|"
    r"registered|accredited|joined|connected|online|remotely|by\s+video|virtually|in\s+the\s+(?:room|hall|audience))\b",
    re.IGNORECASE,
)
#: A label of those who did not come: "Registered but absent: A; B", "Apologies: …", "Not represented: …".
_ABSENT_LABEL = re.compile(
    r"\b(?:absent|apologi[sz]ed|apologies|excused|not|unable|withdrew|cancelled)\b", re.IGNORECASE
)
#: The count that closes a list, in figures or words: "…; Ukraine (thirty-three delegations)", "… (12 States)".
_CLOSING_COUNT = re.compile(
    r"\s*\((?:[\w-]+\s+){1,3}(?:delegations?|States|countries|organi[sz]ations|in\s+all|in\s+total)\)\s*$"
)
#: A parenthesis that lists the members of a list item's delegation: "the EU (its delegation included A and B)",
#: or only names them: "the EU (A and B)".
_MEMBERS = re.compile(
    r"\((?P<opening>\s*(?:(?:(?:its|their)\s+delegations?\s+(?:included|includes|comprised|comprising)|including|"
    r"with|among\s+them)\s+)?)(?P<members>[^()]+)\)"
)
#: The list that goes with the attendance sentence before it: "In alphabetical order they were: A, B, …".
_THEY_WERE = re.compile(r"\b(?:they|these|those)\s+were\s*:\s*(?P<list>.+?)\.?$", re.IGNORECASE)
_ATTENDING = re.compile(rf"\b{_ATTEND_VERB}\b", re.IGNORECASE)


def attendance(passage: Passage, year: int | None, matcher: Matcher) -> list[Attendance]:
    """The States and organisations that the sentences of ``passage`` list as having attended the review."""
    if year is None:
        return []
    found: list[Agent] = []
    previous = ""
    for offset, sentence in sentences(passage.text, at_semicolons=False):  # a list may run over semicolons
        they_were = _THEY_WERE.search(sentence) if _ATTENDING.search(previous) else None
        if they_were:
            found += resolve_list(they_were.group("list"), passage.start + offset + they_were.start("list"), matcher)
        else:
            found += _attendees(sentence, passage.start + offset, matcher)
        previous = sentence
    return [Attendance(year, agent, passage) for agent in unique_agents(found)]


def _members_apart(text: str, matcher: Matcher) -> str:
    """``text`` with each delegation's parenthesis made list items of their own, offsets kept: "the EU (its
    delegation included A and B); C" → "the EU ;                        A and B ; C". A parenthesis without
    opening words counts when it opens with a known name ("the EU (A and B)", not "Netherlands (Kingdom of the)")."""

    def apart(found: re.Match[str]) -> str:
        members = found.group("members")
        if not found.group("opening") and not any(m.start == 0 for m in matcher.find_names(members.lstrip())):
            return found.group(0)
        return ";" + " " * len(found.group("opening")) + members + ";"

    return _MEMBERS.sub(apart, text)


def _attendees(sentence: str, base: int, matcher: Matcher) -> list[Agent]:
    labelled = _LABELLED.match(sentence)
    if labelled and (
        not _ATTENDING_LABEL.search(labelled.group("label"))
        or _ABSENT_LABEL.search(labelled.group("label"))
        or _PERSON.search(labelled.group("list"))
    ):
        labelled = None  # "Speakers present: Ms. A (Chile)" lists people, not attending bodies; "Absent: B" no one
    listed = _FOLLOWING.search(sentence) or _PRESENT_WERE.search(sentence) or _GROUP_LIST.match(sentence) or labelled
    if listed:
        items = _members_apart(_CLOSING_COUNT.sub("", listed.group("list")), matcher)
        return resolve_list(items, base + listed.start("list"), matcher, _BODY_SEPARATORS)
    beside = _BESIDE_THEM.match(sentence)
    if beside:
        return resolve_list(beside.group("list"), base + beside.start("list"), matcher, _BODY_SEPARATORS)
    represented = _REPRESENTED.match(sentence)
    if represented:
        if _HONORIFIC.match(represented.group("list")):
            return []
        bodies = _RESPECTIVELY.sub("", represented.group("list"))
        # "The United Nations system was represented by A and B": a collective no reference names is no attendee
        who = [
            a
            for a in resolve_list(represented.group("who"), base + represented.start("who"), matcher)
            if a.label is None
        ]
        return who + resolve_list(bodies, base + represented.start("list"), matcher, _BODY_SEPARATORS)
    placing = _PLACING.match(sentence)
    start = placing.end() if placing else 0
    subject = _SUBJECT.match(sentence[start:])
    if subject and not _HONORIFIC.match(subject.group("list")):
        besides = _BESIDES.search(sentence, start + subject.end())
        named = resolve_list(subject.group("list"), base + start, matcher)
        named += resolve_list(besides.group("list"), base + besides.start("list"), matcher) if besides else []
        return [agent for agent in named if agent.label is None]
    return []

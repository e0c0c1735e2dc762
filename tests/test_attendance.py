"""Attendance (loaders/documents/extract/attendance.py) in list forms: a labelled list ("Countries represented (3):
A · B · C", "Connected remotely: …", "Also present: …"), bodies inside a delegation's parenthesis, groups placed
within a list ("from the UN family, A and B"), and a subject that followed part of the meeting as an observer.
The sentences are written for these tests; expected values worked out by hand."""

from __future__ import annotations

from gcmkg.graph.core import ids
from gcmkg.loaders.documents.extract.attendance import attendance
from gcmkg.loaders.documents.matcher import Matcher
from gcmkg.loaders.documents.segmenting import Passage


def _attendees(text: str, matcher: Matcher) -> set[str]:
    return {ids.local_path(a.agent.iri) for a in attendance(Passage(1, text, 0, len(text), None), 2031, matcher)}


def test_a_labelled_list_with_a_count_and_middle_dots(matcher: Matcher) -> None:
    assert _attendees("Countries represented (3): Chile · Peru · Kingdom of Norway.", matcher) == {
        "state/CHL",
        "state/PER",
        "state/NOR",
    }


def test_a_label_that_says_how_they_joined(matcher: Matcher) -> None:
    assert _attendees("Connected remotely: Japan / Mexico / Slovenia", matcher) == {
        "state/JPN",
        "state/MEX",
        "state/SVN",
    }
    assert _attendees("Taking part online: the African Union, UNFPA.", matcher) == {
        "organisation/african-union",
        "organisation/unfpa",
    }


def test_a_list_with_a_delegation_in_brackets_and_groups_placed_inside_it(matcher: Matcher) -> None:
    text = (
        "Also present: the European Union (its delegation comprised the European Commission and Frontex); "
        "OECD; from the UN family, UNFPA, WHO and UNICEF; and, for workers and employers, ITUC and the IOE."
    )
    assert _attendees(text, matcher) == {
        "organisation/european-union",
        "organisation/european-commission",
        "organisation/frontex",
        "organisation/oecd",
        "organisation/unfpa",
        "organisation/who",
        "organisation/unicef",
        "organisation/ituc",
        "organisation/ioe",
    }


def test_labels_that_say_nothing_of_attending_give_no_attendees(matcher: Matcher) -> None:
    assert _attendees("Moderation: Ms. Ana Ruiz (Chile).", matcher) == set()
    assert _attendees("Lead agencies: UNFPA and WHO.", matcher) == set()
    assert _attendees("Apologies were received from: Chile · Peru.", matcher) == set()
    assert _attendees("Speakers present: Ms. Ana Ruiz (Chile) · Mr. Tom Berg (Norway)", matcher) == set()


def test_a_subject_that_followed_part_of_the_meeting(matcher: Matcher) -> None:
    assert _attendees("Mexico followed the second day as an observer.", matcher) == {"state/MEX"}
    assert _attendees("Peru followed the whole morning remotely.", matcher) == {"state/PER"}
    assert _attendees("Japan and Peru sent written apologies.", matcher) == set()


def test_a_list_closed_by_its_count_in_words(matcher: Matcher) -> None:
    assert _attendees("Countries joining by video: Chile; Peru; Japan (three delegations).", matcher) == {
        "state/CHL",
        "state/PER",
        "state/JPN",
    }
    assert _attendees("Present at the venue: Mexico; Slovenia (2 countries)", matcher) == {"state/MEX", "state/SVN"}


def test_a_list_under_the_bare_name_of_its_group(matcher: Matcher) -> None:
    assert _attendees("Organizations: UNFPA; the African Union (UNICEF and WHO); OECD.", matcher) == {
        "organisation/unfpa",
        "organisation/african-union",
        "organisation/unicef",
        "organisation/who",
        "organisation/oecd",
    }
    assert _attendees("Observers: the Holy See.", matcher) == {"state/VAT"}


def test_a_parenthesis_that_is_part_of_a_name_lists_no_member(matcher: Matcher) -> None:
    assert _attendees("Delegations present: Peru; Netherlands (Kingdom of the).", matcher) == {"state/PER", "state/NLD"}


def test_a_label_of_those_who_stayed_away_gives_no_attendees(matcher: Matcher) -> None:
    assert _attendees("Registered but absent: Chile; Peru.", matcher) == set()
    assert _attendees("Accredited, not present: Japan.", matcher) == set()

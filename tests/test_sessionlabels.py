"""Sessions named by a label, the initials of their noun and a number ("C2" for the second clinic), and the titles
and headings that use such labels: texts written for these tests, with other nouns, labels and numbers than any
document of the corpus or the held-out sets; every expected value worked out by hand."""

from __future__ import annotations

import pytest

from gcmkg.loaders.documents.extract.sessions import stated_sessions
from gcmkg.loaders.documents.headings import HeadingKind, classify
from gcmkg.loaders.documents.metadata import title_and_kind
from gcmkg.loaders.documents.sessionnames import announced_nouns, session_vocabulary


def _named(text: str, where: str) -> list[int | None]:
    vocabulary = session_vocabulary(text)
    return [vocabulary.number(found) for found in vocabulary.named.finditer(where)]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("The Forum was organised in three clinics, C1 on Monday and C2 and C3 on Tuesday.", ("C",)),
        ("T2 closed the meeting's series of five tracks.", ("T",)),
        ("The Review held four round tables, RT1 to RT4, in two rooms.", ("RT",)),
        ("The conference met in two thematic sessions (TS1 and TS2).", ("TS",)),
    ],
)
def test_a_label_named_where_the_document_counts_its_sessions_is_theirs(text: str, labels: tuple[str, ...]) -> None:
    assert session_vocabulary(text).labels == labels


def test_a_label_names_the_session_of_its_number() -> None:
    text = "The Forum was organised in three clinics, C1 on Monday and C2 and C3 on Tuesday."
    assert _named(text, "C3 heard employers; Clinic C2 heard unions. C12 is no label: C2a, C2.5, EC2 neither.") == [
        3,
        2,
        12,
    ]
    assert announced_nouns(text) == ("clinic",)


@pytest.mark.parametrize(
    "text",
    [
        # a label in a sentence that counts nothing, or counts things that are no meeting unit
        "The Forum held three clinics on skills. C1 is a form.",
        "The meeting's data fill three tables, T1 to T3.",
        "The Review adopted four priorities, P1 to P4.",
        # a label in a counting sentence that speaks of no meeting
        "The shelter has four wings, W1 to W4.",
        # a label of other initials than the counted noun's
        "The Forum met in three clinics, K1 to K3.",
    ],
)
def test_labels_the_document_does_not_tie_to_its_sessions_name_none(text: str) -> None:
    assert session_vocabulary(text).labels == ()


def test_a_title_naming_a_session_by_noun_and_label_announces_both() -> None:
    text = "Background paper for Lab L4\n\nL4 is the fourth of the labs the Forum holds. It covers return."
    vocabulary = session_vocabulary(text)
    assert (vocabulary.labels, announced_nouns(text)) == (("L",), ("lab",))
    assert [vocabulary.number(found) for found in vocabulary.named.finditer("Lab L4 met; the fourth of its labs")] == [
        4,
        4,
    ]
    # a noun of a document's parts is no session, even with its initial
    assert session_vocabulary("Figure F2 shows the Forum's arrivals by month.").labels == ()


def test_a_labelled_heading_is_a_session_heading() -> None:
    vocabulary = session_vocabulary("The Review met in two clinics, C1 and C2, on objectives 4 and 9.")
    heading = classify("C2: speakers and topics", vocabulary=vocabulary)
    assert heading is not None and (heading.kind, heading.number) == (HeadingKind.SESSION, 2)
    heading = classify("C1 – Labour mobility", vocabulary=vocabulary)
    assert heading is not None and (heading.kind, heading.number) == (HeadingKind.SESSION, 1)
    assert classify("C2: speakers and topics") is None  # no label without the document's labels
    heading = classify("C2 heard the employers and then the unions at length.", vocabulary=vocabulary)
    assert heading is None or heading.kind is not HeadingKind.SESSION


def test_a_table_row_per_session_gives_its_objectives() -> None:
    text = "The Forum held three clinics, C1 to C3, over two days."
    vocabulary = session_vocabulary(text)
    row = "C2 | Returns and reintegration | objectives 21, 4 and 9 | led by UNHCR"
    assert list(stated_sessions(row, vocabulary)) == [(2, [21, 4, 9])]


def test_messages_from_a_session_are_a_session_summary() -> None:
    text = "The Forum held three clinics, C1 to C3, over two days."
    vocabulary = session_vocabulary(text)
    assert title_and_kind("Messages from Clinic C3: returns\n", vocabulary)[1] == "session-summary"
    assert title_and_kind("Messages of the second panel\n")[1] == "session-summary"
    assert title_and_kind("Messages from the Co-Chairs\n")[1] == "document"

"""Citations (loaders/documents/extract/citations.py, propernames.py) and lost footnote marks (lostmarks.py), on
texts written for these tests in phrasings the corpus does not use; expected values worked out by hand."""

from __future__ import annotations

import pytest

from gcmkg.graph.core import ids
from gcmkg.loaders.documents.cleaning import clean
from gcmkg.loaders.documents.extract.citations import urls
from gcmkg.loaders.documents.extract.propernames import Thing, proper_names
from gcmkg.loaders.documents.extraction import extract
from gcmkg.loaders.documents.lostmarks import place_lost_marks
from gcmkg.loaders.documents.markup import mark
from gcmkg.loaders.documents.matcher import Matcher
from gcmkg.loaders.documents.segmenting import segment

# --- URLs ------------------------------------------------------------------------------------------------


def test_a_url_split_at_spaces_is_rejoined_up_to_its_file_name() -> None:
    text = "Available at https://example.org/library/annual migration report 2023 final.pdf (accessed 2024)."
    assert urls(text) == ["https://example.org/library/annualmigrationreport2023final.pdf"]


def test_a_url_split_inside_an_escaped_query_is_rejoined() -> None:
    assert urls("https://example.org/search?q=labour%20mig ration%20data&lang=en") == [
        "https://example.org/search?q=labour%20migration%20data&lang=en"
    ]


def test_words_after_a_url_are_not_part_of_it() -> None:
    text = "See https://example.org/page, accessed on 3 May 2024, and https://example.org/b then more words here."
    assert urls(text) == ["https://example.org/page", "https://example.org/b"]
    assert urls("https://example.org/dashboard which shows arrivals by month") == ["https://example.org/dashboard"]


def test_a_text_fragment_that_lost_its_tilde_is_restored() -> None:
    assert urls('https://example.org/page#:"text=Arrivals%20rose') == [
        "https://example.org/page#:~:text=Arrivals%20rose"
    ]


# --- proper names and descriptions ---------------------------------------------------------------------------


def test_proper_names_and_descriptions() -> None:
    text = (
        "Additionally, the Nordic Council of Ministers funds Kyrgyzstan's National Labour Migration Observatory "
        "and a Moldovan diaspora association's mentoring programme, while Member States watch."
    )
    found = [(n.phrase, n.owner, n.rest, n.thing) for n in proper_names(text)]
    assert found == [
        ("Nordic Council of Ministers", None, None, Thing.ORGANISATION),
        (
            "Kyrgyzstan's National Labour Migration Observatory",
            "Kyrgyzstan",
            "National Labour Migration Observatory",
            Thing.INITIATIVE,
        ),
        (
            "Moldovan diaspora association's mentoring programme",
            "Moldovan diaspora association",
            "mentoring programme",
            Thing.INITIATIVE,
        ),
    ]


# --- subjects ------------------------------------------------------------------------------------------------


def _subjects(body: str, notes: dict[int, str], matcher: Matcher) -> dict[int, tuple[str, str | None]]:
    """footnote number → (key of the subject, label of a name the reference data does not know)."""
    raw = body + "\n\n" + "\n\n".join(f"{mark(n)} {text}" for n, text in notes.items()) + "\n"
    facts = extract("doc", raw.replace("\ue000", "<sup>").replace("\ue001", "</sup>"), None, matcher)
    found = {}
    for citation in facts.citations:
        if citation.footnote is None:
            continue
        key = ids.local_path(str(citation.documents)) if citation.documents else ""
        found[int(citation.footnote.label)] = (key, citation.cited.label if citation.cited else None)
    return found


def test_what_ends_right_before_the_mark(matcher: Matcher) -> None:
    body = (
        "# Cooperation\n\nRecent examples include the Bali Process<sup>1</sup> and Georgia's Mobility Centre for "
        "Returnees<sup>2</sup>, which opened in 2021 with support from 12 municipalities."
    )
    notes = {1: "https://example.org/bali", 2: "https://example.org/centre"}
    assert _subjects(body, notes, matcher) == {
        1: ("process/bali-process", None),
        2: ("organisation/georgia-s-mobility-centre-for-returnees", "Mobility Centre for Returnees"),
    }


def test_a_figure_that_the_sentence_states_before_a_closing_mark(matcher: Matcher) -> None:
    body = (
        "# Data\n\nAbout 4,300 migrants were rescued off the coast in 2022, most of them travelling towards "
        "Spain.<sup>1</sup>"
    )
    # cleaned text: "Data" [0, 4), a blank line [4, 6), "About " [6, 12), "4,300" [12, 17)
    assert _subjects(body, {1: "https://example.org/rescues"}, matcher) == {1: ("document/doc/statistic/12-17", None)}


def test_a_sentence_with_a_figure_that_closes_on_a_body_cites_the_body_but_not_a_place(matcher: Matcher) -> None:
    body = (
        "# Funding\n\nA shelter in Kosovo got EUR 90,000 in 2030 from the Council of Europe.<sup>1</sup> Some "
        "2,400 people crossed into the OSCE region.<sup>2</sup>"
    )
    found = _subjects(body, {1: "https://example.org/grant", 2: "https://example.org/crossings"}, matcher)
    assert found[1] == ("organisation/council-of-europe", None)
    assert found[2][0].startswith("document/doc/statistic/")


def test_a_sentence_closing_on_an_indefinite_publication_cites_it(matcher: Matcher) -> None:
    body = (
        "# Tools\n\nUnder the Prague Process, inspectors of 14 States drafted a short handbook on labour "
        "inspections in agriculture.<sup>1</sup> Together with UNHCR, Chile set up a mechanism to receive "
        "complaints.<sup>2</sup>"
    )
    found = _subjects(body, {1: "https://example.org/handbook", 2: "https://example.org/complaints"}, matcher)
    assert found[1] == (
        "publication/short-handbook-on-labour-inspections-in-agriculture",
        "short handbook on labour inspections in agriculture",
    )
    assert found[2] == ("state/CHL", None)  # a mechanism is no document: the nearest name


def test_the_source_a_sentence_closes_on_and_the_body_a_state_name_ends(matcher: Matcher) -> None:
    body = (
        "# Data\n\nAsylum claims fell by 3,100 in 2029, as estimated by UNHCR.<sup>1</sup> Inflation, as "
        "reported by the National Bank of Serbia,<sup>2</sup> eased."
    )
    found = _subjects(body, {1: "https://example.org/claims", 2: "https://example.org/nbs"}, matcher)
    assert found[1] == ("organisation/unhcr", None)
    assert found[2] == ("organisation/national-bank-of-serbia", "National Bank of Serbia")  # not Serbia


def test_it_refers_back_to_the_initiative_of_the_previous_sentence(matcher: Matcher) -> None:
    body = (
        "# Programmes\n\nIn Armenia, a joint programme funded by the Migration MPTF supports returnees. It also "
        "trained border staff across the country.<sup>1</sup>"
    )
    assert _subjects(body, {1: "https://example.org/armenia"}, matcher) == {1: ("initiative/migration-mptf/ARM", None)}


def test_it_that_ends_on_a_known_name_cites_that_name(matcher: Matcher) -> None:
    """Issue 18: "It …" refers back only when the sentence does not end on a name of its own."""
    body = (
        "# Sources\n\nThe Budapest Process adopted a new action plan. It builds on material gathered by the "
        "Prague Process.<sup>1</sup>"
    )
    assert _subjects(body, {1: "https://example.org/plan"}, matcher) == {1: ("process/prague-process", None)}


def test_nothing_named_before_the_mark_gives_no_subject(matcher: Matcher) -> None:
    body = "# Notes\n\nA whole-of-route approach could reduce deaths at sea and on land.<sup>1</sup>"
    assert _subjects(body, {1: "https://example.org/route"}, matcher) == {1: ("", None)}


def test_a_url_in_a_passages_own_text_cites_the_name_before_it(matcher: Matcher) -> None:
    body = (
        "# Sources\n\nThe figures come from UNHCR (https://example.org/arrivals/2031), checked against national "
        "data.\n\nData source: the Prague Process (https://example.org/observatory).\n\nDeaths fell.<sup>1</sup>"
        "\n\nb/ A lettered note, https://example.org/lettered, is no URL of the text."
    )
    raw = body + "\n\n<sup>1</sup> https://example.org/deaths\n"
    facts = extract("doc", raw, None, matcher)
    found = [
        (
            c.url,
            c.footnote.label if c.footnote else None,
            c.passage.number if c.passage else None,
            ids.local_path(str(c.documents)) if c.documents else "",
        )
        for c in facts.citations
    ]
    assert found == [
        ("https://example.org/deaths", "1", 3, ""),
        ("https://example.org/lettered", "b", None, ""),  # a lettered note is a footnote, its mark nowhere
        ("https://example.org/arrivals/2031", None, 1, "organisation/unhcr"),
        ("https://example.org/observatory", None, 2, "process/prague-process"),
    ]
    assert ids.passage_citation("doc", 2, 1) == "https://w3id.org/gcmkg/id/document/doc/passage/2/citation/1"


# --- lost marks ------------------------------------------------------------------------------------------------


def test_a_lost_mark_goes_to_the_sentence_its_url_describes() -> None:
    paragraphs = [
        f"Ukraine hosts many returnees.{mark(1)} Kazakhstan opened a one-stop shop for workers. Weather was mild.",
        f"Germany funds training.{mark(3)}",
    ]
    notes = {
        "1": "https://a.org/x",
        "2": "https://example.org/practice/kazakhstan-one-stop-shop-migrant-workers",
        "3": "x",
    }
    placed = place_lost_marks(paragraphs, notes)
    assert placed[0] == (
        f"Ukraine hosts many returnees.{mark(1)} Kazakhstan opened a one-stop shop for workers.{mark(2)} "
        "Weather was mild."
    )
    assert placed[1] == paragraphs[1]


def test_a_lost_mark_without_matching_words_stays_lost() -> None:
    paragraphs = [f"Ukraine hosts many returnees.{mark(1)} Weather was mild.{mark(3)}"]
    notes = {"1": "x", "2": "https://example.org/tajikistan-remittances", "3": "y"}
    assert place_lost_marks(paragraphs, notes) == paragraphs


def test_cleaning_puts_the_lost_mark_back() -> None:
    raw = (
        "# Practices\n\nPortugal runs consular hubs abroad.<sup>1</sup> Serbia set up a humanitarian service "
        "point near the border. Italy reported.<sup>3</sup>\n\n<sup>1</sup> A note.\n\n"
        "https://example.org/practice/serbia-humanitarian-service-point\n\n<sup>3</sup> Another note.\n"
    )
    cleaned = clean(raw)
    assert mark(2) in cleaned.blocks[-1].text
    assert cleaned.blocks[-1].text.index(mark(2)) < cleaned.blocks[-1].text.index("Italy")


def test_a_url_split_inside_a_hyphenated_slug_is_rejoined() -> None:
    assert urls("https://example.org/news/regional-consul tation-on-labour-migration") == [
        "https://example.org/news/regional-consultation-on-labour-migration"
    ]
    # a hyphenated word after a finished URL, followed by more words, is prose
    assert urls("https://example.org/news/regional-consultation follow-up meeting notes") == [
        "https://example.org/news/regional-consultation"
    ]


# --- marks and notes written in plain text ------------------------------------------------------------------


def _passage_and_notes(raw: str) -> tuple[list[tuple[str, list[int]]], dict[int, str]]:
    segmented = segment(clean(raw))
    passages = [(p.text, [int(ref.label) for ref in p.refs]) for p in segmented.passages]
    return passages, {int(note.label): note.text for note in segmented.footnotes}


def test_marks_in_brackets_glued_to_the_stop_or_naming_the_note() -> None:
    raw = (
        "Arrivals fell by a fifth.(3) Returns rose (note 4) while stays fell, as the registry shows (see note 5). "
        "Courts closed in 2031 [6].\n\nSources\n\n(3) https://a.org/x\n\nNote 4: https://b.org/y\n\n"
        "Note 5: Registry data, https://c.org/z\n\n[6] https://d.org/w https://e.org/v\n"
    )
    passages, notes = _passage_and_notes(raw)
    assert passages == [
        (
            "Arrivals fell by a fifth. Returns rose while stays fell, as the registry shows. Courts closed in 2031.",
            [3, 4, 5, 6],
        )
    ]
    assert notes == {
        3: "https://a.org/x",
        4: "https://b.org/y",
        5: "Registry data, https://c.org/z",
        6: "https://d.org/w https://e.org/v",
    }
    assert urls(notes[6]) == ["https://d.org/w", "https://e.org/v"]


@pytest.mark.parametrize(
    "raw",
    [
        "Article 12(1) of the law applies to all.",
        "Two aims were agreed: (1) faster courts and (2) fewer stays.",
        "(1) States should speed up courts.",
        "Prices (note the dates) were high.",
    ],
)
def test_numbers_in_brackets_that_are_no_marks(raw: str) -> None:
    assert _passage_and_notes(raw) == ([(raw, [])], {})


def test_a_database_a_known_body_owns_is_the_subject_of_a_source_mark(matcher: Matcher) -> None:
    body = "# Costs\n\nFees fell to 4.2 per cent in 2030, according to the OECD's Global Talent Tracker database [1]."
    (key, label) = _subjects(body, {1: "https://example.org/tracker"}, matcher)[1]
    assert key.startswith("publication/") and label is not None and "Global Talent Tracker" in label


def test_a_figure_nearer_the_mark_than_a_year_is_its_subject(matcher: Matcher) -> None:
    body = "# Data\n\nDeaths fell to 410 in 2030, some 6 per cent fewer than in 2029 (note 1). Courts reopened."
    (key, _) = _subjects(body, {1: "https://example.org/deaths"}, matcher)[1]
    assert key.startswith("document/doc/statistic/")


def test_a_proposal_sent_to_a_fund_cites_the_fund_and_a_funded_programme_itself(matcher: Matcher) -> None:
    body = (
        "# Funding\n\nPeru put a concept note on climate mobility before the Migration MPTF.<sup>1</sup> A joint "
        "programme funded by the Migration MPTF in Chile<sup>2</sup> trains labour inspectors."
    )
    found = _subjects(body, {1: "https://example.org/notes", 2: "https://example.org/chile"}, matcher)
    assert found == {1: ("initiative/migration-mptf", None), 2: ("initiative/migration-mptf/CHL", None)}

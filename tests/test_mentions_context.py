"""Names read in context (loaders/documents/mentions.py), each rule on sentences written for these tests in
phrasings the corpus does not use; the expected entities were worked out by hand."""

from __future__ import annotations

from gcmkg.graph.core import ids
from gcmkg.loaders.documents.matcher import Matcher
from gcmkg.loaders.documents.mentions import mentions


def found(text: str, matcher: Matcher) -> list[tuple[str, str]]:
    """(surface, key) of every mention of ``text``."""
    return [(m.surface, ids.local_path(str(m.entity.iri))) for m in mentions(text, matcher)]


def keys(text: str, matcher: Matcher) -> list[str]:
    return [key for _, key in found(text, matcher)]


# --- 1. a region is not the organisation -----------------------------------------------------------


def test_an_organisation_followed_by_region_is_its_region(matcher: Matcher) -> None:
    assert found("Remittance costs fell across the OSCE region last year.", matcher) == [("OSCE region", "region/osce")]
    text = "Delegates from the Economic and Social Commission for Asia and the Pacific (ESCAP) region spoke."
    assert found(text, matcher) == [
        ("Economic and Social Commission for Asia and the Pacific (ESCAP) region", "region/unescap")
    ]


def test_the_region_and_the_organisation_in_one_sentence_are_two_entities(matcher: Matcher) -> None:
    text = "The ECE secretariat compiled data from 17 countries of the ECE Regions listed in its annex."
    assert keys(text, matcher) == ["organisation/unece", "region/unece"]


def test_regional_is_not_region(matcher: Matcher) -> None:
    assert keys("The UNECE regional office in Almaty hosted the meeting.", matcher) == ["organisation/unece"]


def test_a_region_knows_its_organisation(matcher: Matcher) -> None:
    (region,) = mentions("within the UNHCR region", matcher)
    assert region.entity.region_of is not None
    assert ids.local_path(str(region.entity.region_of.iri)) == "organisation/unhcr"


# --- 2. document symbols ----------------------------------------------------------------------------


def test_a_name_inside_a_document_symbol_is_no_mention(matcher: Matcher) -> None:
    text = "The Executive Committee took note of document ECE/EX/2023/12 and of resolution A/RES/76/266."
    assert keys(text, matcher) == []


def test_names_joined_by_a_slash_without_digits_are_mentions(matcher: Matcher) -> None:
    assert keys("a joint UNHCR/IOM statement on returns", matcher) == ["organisation/unhcr", "organisation/iom"]


# --- 3. languages ----------------------------------------------------------------------------------


def test_demonyms_that_name_languages_are_no_mention(matcher: Matcher) -> None:
    assert keys("The leaflets were translated into Ukrainian and Romanian.", matcher) == []
    assert keys("Hotlines serve Turkish-speaking callers and offer Spanish lessons.", matcher) == []
    assert keys("Sessions ran in Georgian, Armenian or Azerbaijani.", matcher) == []
    assert keys("Forms exist in Greek and Albanian for all applicants.", matcher) == []
    assert keys("Teams worked in Greek ports with Albanian police.", matcher) == ["state/GRC", "state/ALB"]


def test_demonyms_that_name_a_state_or_its_people_stay_mentions(matcher: Matcher) -> None:
    text = "The Spanish authorities and Moldovan returnees met Georgian officials."
    assert keys(text, matcher) == ["state/ESP", "state/MDA", "state/GEO"]


# --- 4. places named after a State -----------------------------------------------------------------


def test_places_named_after_a_state_are_no_mention(matcher: Matcher) -> None:
    text = "Arrivals rose along the Gulf of Guinea, near Panama City and in the Chad Basin."
    assert keys(text, matcher) == []


def test_a_place_or_a_body_named_after_a_state_is_no_mention(matcher: Matcher) -> None:
    text = "Growers in New Mexico hired pickers; the Knights of Malta ran a clinic and the Order of Cyprus a shelter."
    assert keys(text, matcher) == []
    assert keys("The new Cyprus office and New Zealand opened.", matcher) == ["state/CYP", "state/NZL"]


def test_the_state_next_to_a_place_is_still_a_mention(matcher: Matcher) -> None:
    assert keys("Chad and Niger agreed on border posts near the lake.", matcher) == ["state/TCD", "state/NER"]


# --- 5. plurals of longer names ----------------------------------------------------------------------


def test_a_name_inside_the_plural_of_a_longer_name_is_no_mention(matcher: Matcher) -> None:
    # country networks, neither IOM ("UN Migration") nor the global UN Network on Migration
    text = "Georgia and Armenia set up country-level UN Migration Networks this year."
    assert keys(text, matcher) == ["state/GEO", "state/ARM"]


# --- 6. shared heads ---------------------------------------------------------------------------------


def test_coordinated_process_names_sharing_their_head(matcher: Matcher) -> None:
    assert keys("Both the Bali and Colombo Processes met in 2023.", matcher) == [
        "process/bali-process",
        "process/colombo-process",
    ]
    assert keys("Ministers of the Rabat, Khartoum and Prague processes", matcher) == [
        "process/rabat-process",
        "process/khartoum-process",
        "process/prague-process",
    ]


def test_a_process_name_with_its_head_in_lower_case(matcher: Matcher) -> None:
    assert keys("under the Almaty process since 2013", matcher) == ["process/almaty-process"]


def test_an_unknown_conjunct_does_not_make_a_mention(matcher: Matcher) -> None:
    # there is no "Lisbon Process"; the Budapest one is still named, with its head in the plural
    assert found("the Lisbon and Budapest processes", matcher) == [("Budapest processes", "process/budapest-process")]


def test_names_sharing_their_opening_words(matcher: Matcher) -> None:
    assert keys("The cities of Turin and Strasbourg signed the charter.", matcher) == [
        "organisation/turin-municipality",
        "organisation/strasbourg-municipality",
    ]


# --- 7. hyphenated names -----------------------------------------------------------------------------


def test_hyphenated_names_name_each_entity(matcher: Matcher) -> None:
    assert keys("The EU-Turkey Statement and a Germany-Morocco skills pact", matcher) == [
        "organisation/european-union",
        "state/TUR",
        "state/DEU",
        "state/MAR",
    ]


def test_a_hyphenated_name_of_its_own_stays_one_entity(matcher: Matcher) -> None:
    assert keys("Guinea-Bissau and Timor-Leste reported.", matcher) == ["state/GNB", "state/TLS"]
    assert keys("the AU-EU-UN Task Force on Libya", matcher) == ["initiative/au-eu-un-task-force", "state/LBY"]


# --- new phrasings: a region after "the region of", languages in a label, currencies, ships, buildings ------


def test_the_region_of_an_organisation_is_its_region(matcher: Matcher) -> None:
    text = "Returns rose in the region of the Organization for Security and Co-operation in Europe."
    assert keys(text, matcher) == ["region/osce"]


def test_languages_named_by_a_label_before_a_verb_or_sharing_a_head(matcher: Matcher) -> None:
    assert keys("Official languages: Spanish and Portuguese; the host was Chile.", matcher) == ["state/CHL"]
    assert keys("Subtitles into Ukrainian were added for Poland.", matcher) == ["state/POL"]
    assert keys("Uzbek or Turkish-speaking staff met Finnish officials.", matcher) == ["state/FIN"]


def test_a_currency_named_with_a_demonym_names_no_state(matcher: Matcher) -> None:
    assert keys("Fees of 300 Norwegian kroner and 40 Swiss francs were waived by Austria.", matcher) == ["state/AUT"]


def test_a_ship_or_a_building_named_with_a_state_names_no_state(matcher: Matcher) -> None:
    text = "The vessel Estonia Dawn docked near the Portugal Vieira Square while Greece watched."
    assert keys(text, matcher) == ["state/GRC"]


# --- people's first names, currency signs, seas named with a demonym, nationals -----------------------------


def test_a_state_name_that_is_a_persons_first_name_is_no_mention(matcher: Matcher) -> None:
    assert keys("Ms. Georgia Whitlock opened the meeting for Chile.", matcher) == ["state/CHL"]


def test_a_currency_sign_made_of_a_states_acronym_is_no_mention(matcher: Matcher) -> None:
    assert keys("The project cost US$ 2 million in Peru.", matcher) == ["state/PER"]


def test_a_sea_or_strait_named_with_a_demonym_is_no_mention(matcher: Matcher) -> None:
    assert keys("Boats crossed the Irish Sea and the Norwegian coast.", matcher) == ["state/NOR"]


def test_nationals_named_by_the_plural_demonym_are_mentions(matcher: Matcher) -> None:
    assert keys("Some 40,000 Albanians and many Ukrainians returned.", matcher) == ["state/ALB", "state/UKR"]

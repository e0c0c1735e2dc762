"""Statistics (loaders/documents/extract/figures.py, statistics.py) on sentences written for these tests, in
phrasings the corpus does not use; every expected value worked out by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gcmkg.graph.core import ids
from gcmkg.loaders.documents.extract.figures import figures
from gcmkg.loaders.documents.extract.statistics import statistics
from gcmkg.loaders.documents.facts import Statistic
from gcmkg.loaders.documents.matcher import Matcher
from gcmkg.loaders.documents.mentions import mentions
from gcmkg.loaders.documents.segmenting import Passage


def stated(text: str, matcher: Matcher) -> list[Statistic]:
    return statistics(Passage(1, text, 0, len(text), None), mentions(text, matcher))


def read(text: str, matcher: Matcher) -> list[tuple[object, ...]]:
    """(value, high end, unit, period start, period end, kind) of each statistic of ``text``."""
    return [(s.value, s.value_max, s.unit, s.period_start, s.period_end, s.kind) for s in stated(text, matcher)]


def test_a_count_with_its_interval_and_what_it_counts(matcher: Matcher) -> None:
    (found,) = stated("The authorities registered 1,250 asylum applications between 2019 and 2021.", matcher)
    assert (found.value, found.unit, found.period_start, found.period_end, found.kind) == (
        Decimal(1250),
        "count",
        2019,
        2021,
        "observed",
    )
    assert found.measures == "asylum applications"


def test_ranges_keep_both_ends(matcher: Matcher) -> None:
    assert read("Between 40 and 55 per cent of respondents agreed.", matcher) == [
        (Decimal(40), Decimal(55), "percent", None, None, "observed")
    ]
    assert read("Remittances reached CHF 2–3 billion a year.", matcher) == [
        (Decimal(2 * 10**9), Decimal(3 * 10**9), "CHF", None, None, "observed")
    ]


def test_currencies_by_code_symbol_or_word(matcher: Matcher) -> None:
    text = "Norway gave NOK 40 million, Italy gave €12 million and Austria gave 3 million euros."
    assert [(s.value, s.unit) for s in stated(text, matcher)] == [
        (Decimal(40 * 10**6), "NOK"),
        (Decimal(12 * 10**6), "EUR"),
        (Decimal(3 * 10**6), "EUR"),
    ]


def test_number_words_count_but_not_as_references(matcher: Matcher) -> None:
    text = "Eleven new reception centres opened, while the three agencies kept one office each."
    assert read(text, matcher) == [(Decimal(11), None, "count", None, None, "observed")]
    assert stated(text, matcher)[0].measures == "new reception centres"


def test_durations_are_thresholds_and_limits_never_counts(matcher: Matcher) -> None:
    text = (
        "Applicants need residence of at least five years; a 30-day waiting period applies, and detention may "
        "last for no more than 18 months."
    )
    assert read(text, matcher) == [
        (Decimal(5), None, "year", None, None, "threshold"),
        (Decimal(30), None, "day", None, None, "threshold"),
        (Decimal(18), None, "month", None, None, "limit"),
    ]
    assert [s.measures for s in stated(text, matcher)] == ["residence", "waiting period", "detention"]


def test_targets(matcher: Matcher) -> None:
    text = "The plan aims to bring irregular arrivals down to 20,000 by 2027, against 64,000 in 2023."
    assert read(text, matcher) == [
        (Decimal(20000), None, "count", 2027, 2027, "target"),
        (Decimal(64000), None, "count", 2023, 2023, "observed"),
    ]


def test_what_is_never_a_figure() -> None:
    text = (
        "Under Objective 12 and resolution 73/195, adopted on 19 December 2018 (see para. 14), the 2030 Agenda and "
        "the COVID-19 Phase 3 plan, call +41 22 917 12 34 or attend the 128th meeting (10 mins)."
    )
    assert figures(text) == []


def test_the_time_of_a_sentence_carries_on(matcher: Matcher) -> None:
    text = "In 2022, Georgia received 4,100 returnees. Another 600 families were housed."
    assert [(s.value, s.period_start, s.period_end) for s in stated(text, matcher)] == [
        (Decimal(4100), 2022, 2022),
        (Decimal(600), 2022, 2022),
    ]


def test_since_gives_only_a_start(matcher: Matcher) -> None:
    assert read("Since 2016 more than 900 municipalities joined the network.", matcher) == [
        (Decimal(900), None, "count", 2016, None, "observed")
    ]


def test_a_share_of_the_total_counts_what_the_total_counts(matcher: Matcher) -> None:
    text = "Some 12,400 minors arrived in 2019, of whom 71 per cent travelled alone."
    found = stated(text, matcher)
    assert [(s.value, s.unit, s.measures) for s in found] == [
        (Decimal(12400), "count", "minors"),
        (Decimal(71), "percent", "minors"),
    ]


def test_the_state_a_figure_is_about(matcher: Matcher) -> None:
    (found,) = stated("Armenia resettled about 3,000 families from the region.", matcher)
    assert found.about is not None and ids.local_path(str(found.about)) == "state/ARM"
    assert found.measures == "families"


def test_a_cap_or_a_deadline_is_a_limit(matcher: Matcher) -> None:
    text = (
        "In 2023, Lithuania restricted the stay of seasonal workers to six months, and Croatia introduced a "
        "45-day time limit for appeals."
    )
    assert read(text, matcher) == [
        (Decimal(6), None, "month", 2023, 2023, "limit"),
        (Decimal(45), None, "day", 2023, 2023, "limit"),
    ]
    # a duration that qualifies a permit is still a threshold
    assert read("Spain issues a 90-day permit.", matcher) == [(Decimal(90), None, "day", None, None, "threshold")]


def test_currency_codes_are_upper_case(matcher: Matcher) -> None:
    # "all" is not the Albanian lek, "ALL" is
    assert read("They visited all 12 centres; Albania paid ALL 1,200 in fees.", matcher) == [
        (Decimal(12), None, "count", None, None, "observed"),
        (Decimal(1200), None, "ALL", None, None, "observed"),
    ]


def test_parts_of_a_group_shares_in_words_tens_and_a_deadline(matcher: Matcher) -> None:
    assert read("Nine of the pilots ended early.", matcher) == [(Decimal(9), None, "count", None, None, "observed")]
    assert read("Three out of four employers agreed in 2029.", matcher) == [
        (Decimal(75), None, "percent", 2029, 2029, "observed")
    ]
    assert read("Close to forty of them found work.", matcher) == [(Decimal(40), None, "count", None, None, "observed")]
    assert read("Claims must be decided within 30 days.", matcher) == [(Decimal(30), None, "day", None, None, "limit")]
    assert read("Two of the sessions ran late.", matcher) == []  # the review's own parts


def test_a_figure_told_in_the_present_takes_no_year_from_another_clause(matcher: Matcher) -> None:
    assert read("Chile currently runs 14 shelters, and Peru opened 2,400 places in 2030.", matcher) == [
        (Decimal(14), None, "count", None, None, "observed"),
        (Decimal(2400), None, "count", 2030, 2030, "observed"),
    ]


def test_thousands_separated_by_spaces_and_a_sign_before_a_percentage(matcher: Matcher) -> None:
    text = "Consulates issued 27 300 visas and SEK 1 250 000 in fees, +6 % on the year before; call +43 1 260 60 00."
    assert [(s.value, s.unit) for s in stated(text, matcher)] == [
        (Decimal(27300), "count"),
        (Decimal(1250000), "SEK"),
        (Decimal(6), "percent"),
    ]


def test_short_scales_currency_names_and_a_range_that_repeats_its_currency(matcher: Matcher) -> None:
    text = "Bonds worth NOK 2.5bn were sold; a fund of 4 million Swiss francs and fees of USD 900 to USD 1,400."
    assert [(s.value, s.value_max, s.unit) for s in stated(text, matcher)] == [
        (Decimal("2.5") * 10**9, None, "NOK"),
        (Decimal(4 * 10**6), None, "CHF"),
        (Decimal(900), Decimal(1400), "USD"),
    ]


def test_fractions_and_shares_in_digits(matcher: Matcher) -> None:
    text = "Two fifths of the pupils and 2 in 5 teachers took part in the first half of 2031; half of 2031 passed."
    assert read(text, matcher) == [
        (Decimal(40), None, "percent", 2031, 2031, "observed"),
        (Decimal(40), None, "percent", 2031, 2031, "observed"),
    ]


def test_capitalised_number_words_name_and_relative_times_count_nothing(matcher: Matcher) -> None:
    text = "The Weimar Three met the Group of Seven at 4.15 p.m. and recalled a fee of EUR 90 ten years ago."
    assert [(s.value, s.unit) for s in stated(text, matcher)] == [(Decimal(90), "EUR")]
    assert figures("TUESDAY 12 MARCH: Dialogue 2 and Track 3 open; the four dialogues run in two tracks.") == []


def test_a_figure_compared_with_or_added_to_the_previous_one(matcher: Matcher) -> None:
    text = "Inspectors closed 52 agencies in 2030, against seven in 2025."
    assert read(text, matcher) == [
        (Decimal(52), None, "count", 2030, 2030, "observed"),
        (Decimal(7), None, "count", 2025, 2025, "observed"),
    ]
    assert [s.value for s in stated("By 2030, 80 firms had applied and 45 had been approved.", matcher)] == [80, 45]
    # the time of the compared figure does not carry on into the next sentence
    assert read("Fines rose in 2030, against 40 in 2025. Some 300 firms paid them.", matcher)[-1][3:5] == (None, None)


def test_a_change_from_one_value_to_another_is_two_figures_at_the_two_ends_of_its_period(matcher: Matcher) -> None:
    text = "Coverage climbed from 31 to 44 per cent from 2026 to 2029. Some 7 in 10 clinics took part."
    assert read(text, matcher) == [
        (Decimal(31), None, "percent", 2026, 2026, "observed"),
        (Decimal(44), None, "percent", 2029, 2029, "observed"),
        (Decimal(70), None, "percent", 2026, 2029, "observed"),
    ]


def test_split_years_event_years_and_a_compared_time(matcher: Matcher) -> None:
    assert read("Spending reached CAD 12 million in the budget year 2031/32.", matcher)[0][3:5] == (2031, 2032)
    assert read("Since the census, taken in 2027, 450 new clinics opened.", matcher)[0][3:5] == (2027, None)
    text = "Arrivals were lower in 2033 than in any year since 2029, yet 6,100 people came."
    assert read(text, matcher)[0][3:5] == (2033, 2033)


def test_caps_in_prose_and_an_aim_are_limits_and_targets(matcher: Matcher) -> None:
    assert read("The scheme admits up to 1,500 nurses a year.", matcher)[0][5] == "limit"
    assert read("Rents may not exceed the value of three months' pay.", matcher)[0][5] == "limit"
    assert read("They set the aim of enrolling 60 per cent of pupils.", matcher)[0][5] == "target"
    assert read("The coalition of five States and a group of four met.", matcher)[-1][:3] == (Decimal(4), None, "count")


def test_half_a_million_and_a_quarter_of_a_million(matcher: Matcher) -> None:
    assert read("Close to half a million Albanians worked abroad in 2031.", matcher) == [
        (Decimal(500000), None, "count", 2031, 2031, "observed")
    ]
    assert read("The ports saw a quarter of a million visitors.", matcher) == [
        (Decimal(250000), None, "count", None, None, "observed")
    ]


def test_a_count_in_brackets_after_a_list_label(matcher: Matcher) -> None:
    (found,) = stated("Countries represented (12): Chile · Peru · Norway", matcher)
    assert (found.value, found.unit, found.kind, found.measures) == (
        Decimal(12),
        "count",
        "observed",
        "Countries represented",
    )
    assert read("Speakers (Day 2): Chile · Peru", matcher) == []


def test_no_later_than_and_a_cap_of(matcher: Matcher) -> None:
    assert read("Claims must be registered no later than ten days after entry.", matcher) == [
        (Decimal(10), None, "day", None, None, "limit")
    ]
    assert read("Arrivals reached 41,000 in 2030, against a cap of 30,000 in previous years.", matcher) == [
        (Decimal(41000), None, "count", 2030, 2030, "observed"),
        (Decimal(30000), None, "count", None, None, "limit"),
    ]
    assert read("The ministry set a ceiling of 8,000 permits for 2031.", matcher) == [
        (Decimal(8000), None, "count", 2031, 2031, "limit")
    ]


def test_a_count_of_parts_the_sentence_names_one_by_one(matcher: Matcher) -> None:
    text = "The forum ran three clinics in this order: Clinic One on health, Clinic Two on work, Clinic Three on law."
    assert read(text, matcher) == []
    assert read("Clinic Two was the second of the forum's three clinics.", matcher) == []
    assert read("The city opened three clinics for migrants in 2030.", matcher) == [
        (Decimal(3), None, "count", 2030, 2030, "observed")
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Seasonal permits are issued for no longer than 8 weeks at a time.", "limit"),
        ("The board asked that stays never be extended for longer than six months.", "limit"),
        ("Provinces set maximum stays that run from 30 to 90 days.", "limit"),
        ("The levy applies to every employer that hires more than 200 seasonal workers a year.", "threshold"),
        ("The ministry hired more than 200 seasonal workers in 2031.", "observed"),
    ],
)
def test_negated_bounds_ranges_of_maximums_and_bounds_that_select(matcher: Matcher, text: str, kind: str) -> None:
    assert [s.kind for s in stated(text, matcher)] == [kind]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Forty-two vessels were seized in 2031.", [(Decimal(42), None, "count")]),
        ("The list closes with Peru (twenty-one delegations).", [(Decimal(21), None, "count")]),
        ("Between twenty and thirty shelters opened.", [(Decimal(20), Decimal(30), "count")]),
        ("Four pupils in five finished school.", [(Decimal(80), None, "percent")]),
        ("Two boats in 2031 sank.", [(Decimal(2), None, "count")]),
    ],
)
def test_hyphenated_number_words_and_a_share_with_its_noun(text: str, expected: list[tuple[object, ...]]) -> None:
    assert [(f.value, f.value_max, f.unit) for f in figures(text)] == expected


def test_the_workshops_of_the_review_are_no_statistic(matcher: Matcher) -> None:
    assert stated("The meeting was split into three workshops and a plenary.", matcher) == []


def test_a_year_right_after_a_figure_is_its_own(matcher: Matcher) -> None:
    text = "Schools enrolled 88 per cent of the children registered in 2036, up from 64 per cent in 2031."
    assert [(s.value, s.period_start, s.period_end) for s in stated(text, matcher)] == [
        (Decimal(88), 2036, 2036),
        (Decimal(64), 2031, 2031),
    ]

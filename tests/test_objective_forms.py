"""Objective numbers (loaders/documents/extract/objectives.py) in forms of writing other than "Objective N": numeric
ordinals, ordinal ranges, hyphenated GCM numbers and labelled lines; the sentences are written for these tests and
the expected numbers worked out by hand."""

from __future__ import annotations

import pytest

from gcmkg.loaders.documents.extract.objectives import objective_numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The panel covered the 4th, 5th and 21st objectives of the GCM.", [4, 5, 21]),
        ("It turned to the 2nd objective only.", [2]),
        ("This note serves the Compact's second to fifth objectives.", [2, 3, 4, 5]),
        ("the 13th through 15th objectives", [13, 14, 15]),
        ("Returns are treated at length (GCM-21), as is detention (GCM-13).", [21, 13]),
        ("Objectives addressed: 2 / 7 / 19.", [2, 7, 19]),
        ("Relevant objective: 11.", [11]),
        ("Relevant objectives: 3 and 21.", [3, 21]),
        ("GCM objectives in focus: 14, 15", [14, 15]),
    ],
)
def test_objective_numbers_in_other_forms(text: str, expected: list[int]) -> None:
    assert objective_numbers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Lesson two: employers must be at the table.",
        "Q2. Which tools reduced the number of missing children?",
        "The review met in four workshops over two days.",
        "See documents ECE/GCM/2031/INF.3 and ECE/GCM/2031/2.",
        "It was the 3rd meeting and the 12th round of talks.",
        "The objectives: a shared register and faster returns.",
        "Objectives set by the ministry: 4 new inspectors a year.",
    ],
)
def test_numbers_that_name_no_objective(text: str) -> None:
    assert objective_numbers(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The round table takes up Objectives IV, VII and XIX of the Compact.", [4, 7, 19]),
        ("It spans objectives XII to XIV.", [12, 13, 14]),
        ("The agenda lists objectives no. 3, no. 9 and no. 12 among its aims.", [3, 9, 12]),
        ("Safe return was the theme [objective no. 21]", [21]),
        ("Border deaths (VIII and XXI). Numbers keep rising on the eastern routes.", [8, 21]),
        ("Decent work (6 and 18): wages went unpaid in two sectors.", [6, 18]),
    ],
)
def test_objective_numbers_in_roman_numerals_repeated_numero_and_after_a_run_in_label(
    text: str, expected: list[int]
) -> None:
    assert objective_numbers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Part II (2 and 3). The chapter repeats the annex.",
        "Convention No. 143 was ratified by two States.",
        "Workshop C3 met in Annex II of the building.",
        "Mr. Smith (V and Co.) spoke next.",
    ],
)
def test_numerals_that_name_no_objective(text: str) -> None:
    assert objective_numbers(text) == []

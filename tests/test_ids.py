"""IRIs are minted from natural keys, readable and stable: the scheme the README promises."""

from __future__ import annotations

import pytest

from gcmkg.graph.core import ids

BASE = "https://w3id.org/gcmkg/"


@pytest.mark.parametrize(
    ("minted", "expected"),
    [
        (ids.objective(7), BASE + "id/objective/7"),
        (ids.state("tur"), BASE + "id/state/TUR"),
        (ids.review(2020), BASE + "id/review/2020"),
        (ids.session(2020, 4), BASE + "id/review/2020/session/4"),
        (ids.role("on-behalf-of"), BASE + "id/role/on-behalf-of"),
        (ids.process("Budapest Process"), BASE + "id/process/budapest-process"),
        (ids.principle("Whole-of-government"), BASE + "id/principle/whole-of-government"),
        (ids.document("003_b3646771b72b2572"), BASE + "id/document/003_b3646771b72b2572"),
        (ids.document("my note (draft)"), BASE + "id/document/my-note-draft"),
        (ids.person("Ayşe Kılınç"), BASE + "id/person/ayse-kilinc"),  # a dotless i is an i, not dropped
        (ids.person("Łukasz Ødegård"), BASE + "id/person/lukasz-odegard"),
        (ids.named_graph("reference/states"), BASE + "graph/reference/states"),
        (ids.source_file("loaders/reference/data/states.csv"), BASE + "source/loaders/reference/data/states.csv"),
        (ids.eu_country("tur"), "http://publications.europa.eu/resource/authority/country/TUR"),
    ],
)
def test_minted_iris(minted: str, expected: str) -> None:
    assert minted == expected


def test_a_key_with_nothing_usable_is_refused() -> None:
    with pytest.raises(ValueError):
        ids.organisation("—")

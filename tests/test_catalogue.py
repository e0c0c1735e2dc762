"""queries/README.md, the catalogue users read, lists exactly the stored queries with their metadata."""

from __future__ import annotations

import pytest

from gcmkg.graph.core.resources import queries_dir
from gcmkg.graph.query.catalogue import StoredQuery, load_catalogue
from gcmkg.graph.query.cataloguedoc import END, START, with_catalogue


def _catalogue_rows() -> dict[str, list[str]]:
    text = (queries_dir() / "README.md").read_text(encoding="utf-8")
    rows = {}
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("| `") and len(cells) == 4:
            rows[cells[0].strip("`")] = cells
    return rows


def _parameters_cell(query: StoredQuery) -> str:
    if not query.parameters:
        return "—"
    return ", ".join(f"`{p.name}` ({p.type}{'' if p.required else ', optional'})" for p in query.parameters)


def test_catalogue_lists_every_stored_query_and_nothing_else() -> None:
    assert set(_catalogue_rows()) == set(load_catalogue())


def test_catalogue_rows_match_the_query_metadata() -> None:
    rows = _catalogue_rows()
    for name, query in load_catalogue().items():
        _, summary, parameters, columns = rows[name]
        assert summary == query.summary, name
        assert parameters == _parameters_cell(query), name
        assert columns == ", ".join(f"`{c}`" for c in query.columns), name


def test_the_catalogue_is_what_the_generator_writes() -> None:
    text = (queries_dir() / "README.md").read_text(encoding="utf-8")
    assert with_catalogue(text, load_catalogue()) == text, "run: python -m gcmkg.graph.query.cataloguedoc"


def test_the_generator_replaces_only_what_is_between_its_markers() -> None:
    catalogue = {name: q for name, q in load_catalogue().items() if name in ("objectives", "attendance")}
    text = f"intro\n{START}\nold rows\n{END}\n\nprose\n"
    assert with_catalogue(text, catalogue) == (
        f"intro\n{START}\n| name | summary | parameters | columns |\n|---|---|---|---|\n"
        "| `attendance` | The States and organisations that attended a review | `year` (year) | `name`, `iso3` |\n"
        "| `objectives` | The 23 objectives of the Global Compact for Migration | — | `number`, `title` |\n"
        f"{END}\n\nprose\n"
    )
    with pytest.raises(ValueError, match="needs the lines"):
        with_catalogue("no markers\n", catalogue)

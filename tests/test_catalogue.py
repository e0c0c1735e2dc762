"""queries/README.md, the catalogue users read, lists exactly the stored queries with their metadata."""

from __future__ import annotations

from gcmkg.graph.core.resources import queries_dir
from gcmkg.graph.query.catalogue import StoredQuery, load_catalogue


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

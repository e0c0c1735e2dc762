"""The catalogue table of ``queries/README.md``, generated from the stored queries' metadata.

``python -m gcmkg.graph.query.cataloguedoc`` rewrites the table between its two markers (the prose around it is
written by hand); ``tests/test_catalogue.py`` fails when the file is not what this would write.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

from gcmkg.graph.core.resources import queries_dir
from gcmkg.graph.query.catalogue import StoredQuery, load_catalogue

START = "<!-- catalogue: generated from the queries' metadata by `python -m gcmkg.graph.query.cataloguedoc` -->"
END = "<!-- end of the generated catalogue -->"


def _parameters(query: StoredQuery) -> str:
    if not query.parameters:
        return "—"
    return ", ".join(f"`{p.name}` ({p.type}{'' if p.required else ', optional'})" for p in query.parameters)


def catalogue_table(catalogue: Mapping[str, StoredQuery]) -> str:
    """One Markdown row per stored query, by name: summary, parameters (type, optional) and columns."""
    rows = ["| name | summary | parameters | columns |", "|---|---|---|---|"]
    for name, query in sorted(catalogue.items()):
        columns = ", ".join(f"`{column}`" for column in query.columns)
        rows.append(f"| `{name}` | {query.summary} | {_parameters(query)} | {columns} |")
    return "\n".join(rows) + "\n"


def with_catalogue(readme: str, catalogue: Mapping[str, StoredQuery]) -> str:
    """``readme`` with the text between the markers replaced by the catalogue table; ValueError without markers."""
    if START not in readme or END not in readme:
        raise ValueError(f"queries/README.md needs the lines {START!r} and {END!r} around the catalogue")
    before, rest = readme.split(START, 1)
    after = rest.split(END, 1)[1]
    return f"{before}{START}\n{catalogue_table(catalogue)}{END}{after}"


def main(path: Path | None = None) -> None:
    """Rewrite the catalogue of ``path`` (default: the shipped queries/README.md) from the queries' metadata."""
    path = path or queries_dir() / "README.md"
    text = path.read_text(encoding="utf-8")
    updated = with_catalogue(text, load_catalogue(path.parent))
    if updated != text:
        path.write_text(updated, encoding="utf-8")
        print(f"{path}: catalogue updated", file=sys.stderr)


if __name__ == "__main__":
    main()

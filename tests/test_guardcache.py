"""The verdict cache: a stored query that passed the guard is not parsed again, nor a stored query file whose
metadata parsed; anything else is."""

from __future__ import annotations

from pathlib import Path

import pytest

from gcmkg.graph.core.errors import StoredQueryError, UnknownQueryError
from gcmkg.graph.query import catalogue, guard
from gcmkg.graph.query.catalogue import load_catalogue, parse_stored_query
from gcmkg.graph.query.guardcache import cache_dir, remembered

SERVICE_QUERY = """#+ summary: reaches out
#+ columns: [s]
SELECT ?s WHERE { SERV\\u0049CE <http://sparql.example.invalid/> { ?s ?p ?o } }
"""


def _parser_must_not_run(text: str) -> str:
    raise AssertionError("the parser ran for a query that passed before")


def test_a_stored_query_that_passed_is_answered_from_the_cache(private_cache: Path) -> None:
    stored = load_catalogue()["objectives"]
    first = guard.check_stored_query(stored)
    assert cache_dir().is_relative_to(private_cache)
    assert len(list(cache_dir().glob("*.rq"))) == 1
    assert remembered(stored.text, _parser_must_not_run) == first.text


def test_a_changed_query_is_checked_again(private_cache: Path) -> None:
    stored = load_catalogue()["objectives"]
    guard.check_stored_query(stored)
    calls: list[str] = []

    def counting(text: str) -> str:
        calls.append(text)
        return text

    remembered(stored.text + "\n# edited\n", counting)
    assert len(calls) == 1


def test_a_refused_query_is_never_remembered(tmp_path: Path, private_cache: Path) -> None:
    path = tmp_path / "remote.rq"
    path.write_text(SERVICE_QUERY, encoding="utf-8")
    stored = parse_stored_query(path)
    for _ in range(2):
        with pytest.raises(StoredQueryError, match="SERVICE"):
            guard.check_stored_query(stored)
    assert not cache_dir().exists() or not list(cache_dir().glob("*.rq"))


def test_an_unwritable_cache_is_no_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    stored = load_catalogue()["objectives"]
    assert guard.check_stored_query(stored).text == guard.check_stored_query(stored).text


CACHED_QUERY = """#+ summary: Sessions of a year
#+ tags: [sessions]
#+ params:
#+   - {name: year, type: year, required: true, description: Review year, allowed: [2020, 2024]}
#+ columns: [session]
SELECT ?session ?year WHERE { ?session ?p ?year }
"""


def test_a_stored_query_file_that_parsed_is_read_from_the_cache(
    tmp_path: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "sessions.rq"
    path.write_text(CACHED_QUERY, encoding="utf-8")
    first = catalogue.read_stored_query(path)
    assert first == parse_stored_query(path)
    assert first.parameters[0].allowed == ("2020", "2024") and first.tags == ("sessions",)
    assert len(list(cache_dir("catalogue").glob("*.json"))) == 1

    def must_not_run(_: Path) -> None:
        raise AssertionError("the metadata was parsed again")

    monkeypatch.setattr(catalogue, "parse_stored_query", must_not_run)
    assert catalogue.read_stored_query(path) == first
    monkeypatch.undo()
    path.write_text(CACHED_QUERY.replace("Sessions of a year", "Sessions"), encoding="utf-8")
    assert catalogue.read_stored_query(path).summary == "Sessions"


def test_a_stored_query_is_found_by_its_file_name_alone(tmp_path: Path, private_cache: Path) -> None:
    (tmp_path / "sessions.rq").write_text(CACHED_QUERY, encoding="utf-8")
    assert catalogue.stored_query("sessions", tmp_path).name == "sessions"
    assert catalogue.stored_query("objectives") == load_catalogue()["objectives"]
    for name in ("../queries/objectives", "session", "Sessions"):
        with pytest.raises(UnknownQueryError, match=repr(name)):
            catalogue.stored_query(name, tmp_path)

"""Answers explain themselves: documents by their titles for people (identifiers kept for machines), and why a
query found nothing when the reason is known."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from gcmkg.graph.cli import cli

# the fixture corpus's one document (tests/fixtures/corpus/manifest.csv)
DOCUMENT_ID = "fixture_2024_session_report"
TITLE = "Excerpt of a report on the second session (fictional test document)"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout_bytes.decode(), result.stderr_bytes.decode()


def test_the_table_shows_documents_by_title_and_machines_get_the_identifier(fixture_build: Path) -> None:
    args = ("query", "objective-mentions", "-p", "objective=7", "--graph", str(fixture_build))
    _, table, _ = _run(*args)
    # passage 10: "4. Under Objective 7, Georgia and Armenia described ... the Irish delegation ..."
    rows = [line.split("  ") for line in table.splitlines()[2:-1]]
    assert [[cell.strip() for cell in row if cell.strip()] for row in rows] == [
        ["ARM", "Armenia", TITLE, "10", "explicit"],
        ["GEO", "Georgia", TITLE, "10", "explicit"],
        ["IRL", "Ireland", TITLE, "10", "explicit"],
    ]
    _, csv, _ = _run(*args, "--format", "csv")
    assert csv.splitlines()[1] == f"ARM,Armenia,{DOCUMENT_ID},10,explicit"
    _, as_json, _ = _run(*args, "--format", "json")
    assert json.loads(as_json)["results"]["bindings"][0]["document"]["value"] == DOCUMENT_ID


@pytest.mark.parametrize(
    ("args", "note"),
    [
        (
            ["session-participants", "-p", "year=2024", "-p", "session=9"],
            "the 2024 review has no session 9; its sessions: 2",
        ),
        (
            ["session-participants", "-p", "year=2019", "-p", "session=1"],
            "the build has no review in 2019; its reviews: 2024",
        ),
        (["attendance", "-p", "year=2020"], "the build has no review in 2020; its reviews: 2024"),
        (
            ["state-engagement", "--no-inferred"],
            "state-engagement reads what OWL 2 RL reasoning adds (graph:inferred), which --no-inferred leaves out; "
            "run it without --no-inferred",
        ),
    ],
)
def test_an_empty_answer_says_why(fixture_build: Path, args: list[str], note: str) -> None:
    code, out, err = _run("query", *args, "--graph", str(fixture_build))
    assert code == 0
    assert out.splitlines()[-1] == "(0 rows)"
    # the first --no-inferred query on a build also says it makes the store of the asserted graphs
    assert [line for line in err.splitlines() if "store-asserted is missing" not in line] == [f"note: {note}"]


def test_an_unknown_funder_lists_the_funds(fixture_build: Path) -> None:
    code, out, err = _run("query", "initiatives", "-p", "funder=MPTF", "--graph", str(fixture_build))
    assert (code, out.splitlines()[-1]) == (0, "(0 rows)")
    assert err.startswith("note: no fund is called 'MPTF'; the funds: Asylum, Migration and Integration Fund (AMIF); ")
    assert "; Migration Multi-Partner Trust Fund (M-MPTF); " in err
    code, out, err = _run("query", "initiatives", "-p", "funder=m-mptf", "--graph", str(fixture_build))
    assert (code, out.splitlines()[-1], err) == (0, "(1 row)", "")


def test_an_answer_with_rows_has_no_note(fixture_build: Path) -> None:
    code, out, err = _run(
        "query", "session-participants", "-p", "year=2024", "-p", "session=2", "--graph", str(fixture_build)
    )
    assert code == 0 and out.splitlines()[-1] != "(0 rows)"
    assert err == ""


def test_diff_names_the_parts_of_a_document_by_its_title(reference_build: Path, fixture_build: Path) -> None:
    code, out, _ = _run("diff", str(reference_build), "--graph", str(fixture_build), "--format", "json", "-q")
    assert code == 0
    names = {e["iri"]: e["label"] for c in json.loads(out)["classes"] for e in c["entities_added"]}
    document = f"https://w3id.org/gcmkg/id/document/{DOCUMENT_ID}"
    assert names[document] == TITLE
    assert names[f"{document}/passage/10"] == f'passage 10 of "{TITLE}"'

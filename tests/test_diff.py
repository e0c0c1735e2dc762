"""``gcmkg diff OLD NEW``: release notes from two small hand-written datasets, and from real builds.

The hand-written pair (OLD_TRIG, NEW_TRIG below) changes, from OLD to NEW: a State added (Armenia, 3
statements: two types and a label), objective 7's label changed (1 statement removed, 1 added), a
session removed (3 statements), an untyped statement added (the note), plus changes in graph:inferred
and graph:build that are left out unless asked for. Every expected value below is counted from them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from gcmkg.graph.cli import cli

PREFIXES = """\
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix gcm: <https://w3id.org/gcmkg/ontology#> .
@prefix graph: <https://w3id.org/gcmkg/graph/> .
@prefix objective: <https://w3id.org/gcmkg/id/objective/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix state: <https://w3id.org/gcmkg/id/state/> .
@prefix ex: <https://example.org/> .
"""

OLD_TRIG = (
    PREFIXES
    + """
graph:ontology { gcm:State rdfs:subClassOf foaf:Agent . }
graph:states { state:GEO a gcm:State, foaf:Agent ; skos:prefLabel "Georgia"@en . }
graph:objectives {
    objective:7 a gcm:Objective ; skos:prefLabel "Address vulnerabilities in migration"@en ; gcm:objectiveNumber 7 .
}
graph:document {
    <https://w3id.org/gcmkg/id/review/2024/session/3> a gcm:Session ;
        skos:prefLabel "2024 review, session 3"@en ; gcm:addressesObjective objective:7 .
}
graph:inferred { state:GEO a prov:Agent . }
graph:build { graph:document a prov:Entity ; rdfs:label "report v1" . }
"""
)

NEW_TRIG = (
    PREFIXES
    + """
graph:ontology { gcm:State rdfs:subClassOf foaf:Agent . }
graph:states {
    state:GEO a gcm:State, foaf:Agent ; skos:prefLabel "Georgia"@en .
    state:ARM a gcm:State, foaf:Agent ; skos:prefLabel "Armenia"@en .
}
graph:objectives {
    objective:7 a gcm:Objective ; skos:prefLabel "Address and reduce vulnerabilities in migration"@en ;
        gcm:objectiveNumber 7 .
}
graph:document { ex:note rdfs:comment "Second release" . }
graph:inferred { state:GEO a prov:Agent . state:ARM a prov:Agent . objective:7 a skos:Concept . }
graph:build { graph:document a prov:Entity ; rdfs:label "report v2" . }
"""
)

# An OWL union class as a blank node and an RDF list: written with [ ] and ( ) here ...
UNION_BRACKETS = (
    PREFIXES
    + """
ex:p a owl:ObjectProperty ; rdfs:domain [ a owl:Class ; owl:unionOf ( gcm:State gcm:Organisation ) ] .
"""
)
# ... and with labels of our own, in TriG (another parser), in a named graph: the same graph.
UNION_LABELLED = (
    PREFIXES
    + """
graph:ontology {
    ex:p a owl:ObjectProperty ; rdfs:domain _:union .
    _:union a owl:Class ; owl:unionOf _:first .
    _:first rdf:first gcm:State ; rdf:rest _:second .
    _:second rdf:first gcm:Organisation ; rdf:rest rdf:nil .
}
"""
)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def pair(tmp_path: Path) -> tuple[Path, Path]:
    return write(tmp_path, "old.trig", OLD_TRIG), write(tmp_path, "new.trig", NEW_TRIG)


def run(runner: CliRunner, old: object, new: object, *args: object) -> tuple[int, str, str]:
    result = runner.invoke(cli, ["diff", "-q", str(old), "--graph", str(new), *map(str, args)])
    return result.exit_code, result.stdout, result.stderr


def as_json(runner: CliRunner, *args: object) -> dict:
    code, out, err = run(runner, *args, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def counts(document: dict) -> dict[str, tuple[int, ...]]:
    """Per class: entities added, removed, changed; statements added, removed."""
    return {
        c["class"]: (
            len(c["entities_added"]),
            len(c["entities_removed"]),
            len(c["entities_changed"]),
            c["statements_added"],
            c["statements_removed"],
        )
        for c in document["classes"]
    }


# --- the hand-written pair ------------------------------------------------------------------------


def test_changes_grouped_by_class(runner: CliRunner, pair: tuple[Path, Path]) -> None:
    document = as_json(runner, *pair)
    # Armenia is a gcm:State and a foaf:Agent: gcm:State is the more specific (rdfs:subClassOf foaf:Agent).
    assert counts(document) == {
        "gcm:Objective": (0, 0, 1, 1, 1),
        "gcm:Session": (0, 1, 0, 0, 3),
        "gcm:State": (1, 0, 0, 3, 0),
    }
    assert document["summary"] == {
        "entities_added": 1,
        "entities_removed": 1,
        "entities_changed": 1,
        "statements_added": 5,
        "statements_removed": 4,
    }
    objective, session, state = document["classes"]
    assert state["entities_added"] == [
        {"iri": "https://w3id.org/gcmkg/id/state/ARM", "name": "state:ARM", "label": "Armenia"}
    ]
    assert session["entities_removed"] == [
        {
            "iri": "https://w3id.org/gcmkg/id/review/2024/session/3",
            "name": "review:2024/session/3",
            "label": "2024 review, session 3",
        }
    ]
    label = "<https://w3id.org/gcmkg/id/objective/7> <http://www.w3.org/2004/02/skos/core#prefLabel>"
    assert objective["entities_changed"] == [
        {
            "iri": "https://w3id.org/gcmkg/id/objective/7",
            "name": "objective:7",
            "label": "Address and reduce vulnerabilities in migration",
            "added": [f'{label} "Address and reduce vulnerabilities in migration"@en .'],
            "removed": [f'{label} "Address vulnerabilities in migration"@en .'],
        }
    ]
    assert document["other"] == {
        "added": ['<https://example.org/note> <http://www.w3.org/2000/01/rdf-schema#comment> "Second release" .'],
        "removed": [],
    }


def test_markdown_release_notes(runner: CliRunner, pair: tuple[Path, Path]) -> None:
    old, new = pair
    code, out, _ = run(runner, old, new)
    assert code == 0
    assert out.startswith(f"# Release notes: `{old}` → `{new}`\n\n")
    assert "Compared: the statements of the data graphs; graph:inferred (reasoning) and graph:build " in out
    assert "5 statements added, 4 removed; 1 entity added, 1 removed, 1 changed.\n" in out
    table = [line for line in out.splitlines() if line.startswith("| ")]
    assert table == [
        "| class | entities added | entities removed | entities changed | statements added | statements removed |",
        "| `gcm:Objective` | 0 | 0 | 1 | 1 | 1 |",
        "| `gcm:Session` | 0 | 1 | 0 | 0 | 3 |",
        "| `gcm:State` | 1 | 0 | 0 | 3 | 0 |",
        "| other statements | — | — | — | 1 | 0 |",
        "| **total** | 1 | 1 | 1 | 5 | 4 |",
    ]
    sections = [line for line in out.splitlines() if line.startswith("## ")]
    assert sections == ["## `gcm:Objective`", "## `gcm:Session`", "## `gcm:State`", "## Other statements"]
    assert "### Added (1)\n\n- Armenia `state:ARM`\n" in out
    assert "### Removed (1)\n\n- 2024 review, session 3 `review:2024/session/3`\n" in out
    assert (
        "### Changed (1)\n\n**Address and reduce vulnerabilities in migration** `objective:7`\n\n```diff\n"
        '- skos:prefLabel "Address vulnerabilities in migration"@en\n'
        '+ skos:prefLabel "Address and reduce vulnerabilities in migration"@en\n```\n'
    ) in out
    assert '```diff\n+ <https://example.org/note> rdfs:comment "Second release"\n```\n' in out
    assert "report v" not in out and "prov:Agent" not in out  # graph:build and graph:inferred left out


def test_inferred_statements_compared_on_request(runner: CliRunner, pair: tuple[Path, Path]) -> None:
    # graph:inferred adds Armenia's prov:Agent type and objective 7's skos:Concept type (Georgia's is in
    # both). Armenia stays a gcm:State (prov:Agent is unrelated; gcm:State sorts first), objective 7 a
    # gcm:Objective (likewise before skos:Concept).
    document = as_json(runner, *pair, "--inferred")
    assert document["compared"] == {"inferred": True, "provenance": False}
    assert counts(document) == {
        "gcm:Objective": (0, 0, 1, 2, 1),
        "gcm:Session": (0, 1, 0, 0, 3),
        "gcm:State": (1, 0, 0, 4, 0),
    }
    changed = document["classes"][0]["entities_changed"][0]
    assert (
        "<https://w3id.org/gcmkg/id/objective/7> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        "<http://www.w3.org/2004/02/skos/core#Concept> ." in changed["added"]
    )


def test_provenance_compared_on_request(runner: CliRunner, pair: tuple[Path, Path]) -> None:
    document = as_json(runner, *pair, "--provenance")
    entity = next(c for c in document["classes"] if c["class"] == "prov:Entity")
    assert [item["name"] for item in entity["entities_changed"]] == ["graph:document"]
    assert [len(entity["entities_changed"][0][key]) for key in ("added", "removed")] == [1, 1]
    assert document["summary"]["statements_added"] == 6 and document["summary"]["statements_removed"] == 5


def test_most_specific_class_needs_the_hierarchy(runner: CliRunner, tmp_path: Path) -> None:
    # Without gcm:State rdfs:subClassOf foaf:Agent, neither type is more specific: the first by name wins.
    old = write(tmp_path, "old.ttl", PREFIXES)
    new = write(tmp_path, "new.ttl", PREFIXES + "state:ARM a gcm:State, foaf:Agent .\n")
    assert list(counts(as_json(runner, old, new))) == ["foaf:Agent"]


def test_identical_inputs_have_no_differences(runner: CliRunner, pair: tuple[Path, Path]) -> None:
    old, _ = pair
    code, out, _ = run(runner, old, old, "--exit-code")
    assert code == 0
    assert out.endswith("\n\nNo differences.\n")
    assert as_json(runner, old, old)["differs"] is False


def test_exit_code_only_on_request(runner: CliRunner, pair: tuple[Path, Path]) -> None:
    assert run(runner, *pair)[0] == 0
    assert run(runner, *pair, "--exit-code")[0] == 1
    assert run(runner, *pair, "--exit-code", "--format", "json")[0] == 1


def test_json_keys(runner: CliRunner, pair: tuple[Path, Path]) -> None:
    document = as_json(runner, *pair)
    assert list(document) == ["old", "new", "compared", "notes", "differs", "summary", "classes", "other"]
    assert list(document["classes"][0]) == [
        "class",
        "iri",
        "statements_added",
        "statements_removed",
        "entities_added",
        "entities_removed",
        "entities_changed",
    ]
    assert document["old"] == str(pair[0]) and document["differs"] is True and document["notes"] == []


def test_long_lists_capped_and_literals_shortened(runner: CliRunner, tmp_path: Path) -> None:
    old = write(tmp_path, "old.ttl", PREFIXES)
    comment = "word " * 30  # 150 characters: cut to 79 and an ellipsis
    new = write(
        tmp_path,
        "new.nt",
        "".join(
            f"<https://w3id.org/gcmkg/id/state/{code}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
            "<https://w3id.org/gcmkg/ontology#State> .\n"
            for code in ("AUT", "ALB", "ARM")
        )
        + f'<https://example.org/a> <http://www.w3.org/2000/01/rdf-schema#comment> "{comment}" .\n',
    )
    _, out, _ = run(runner, old, new, "--max-items", "2")
    assert "- `state:ALB`\n- `state:ARM`\n\n… and 1 more (--max-items 0 lists all)\n" in out
    assert f'+ <https://example.org/a> rdfs:comment "{("word " * 16)[:79]}…"\n' in out
    _, out, _ = run(runner, old, new, "--max-items", "0")
    assert "- `state:ALB`\n- `state:ARM`\n- `state:AUT`\n" in out and "more" not in out


def test_labels_english_or_plain_and_escaped(runner: CliRunner, tmp_path: Path) -> None:
    old = write(tmp_path, "old.ttl", PREFIXES)
    new = write(
        tmp_path,
        "new.ttl",
        PREFIXES
        + """
state:ALB a gcm:State ; skos:prefLabel "Shqipëria", "Albania"@en .
state:ARM a gcm:State ; rdfs:label "the *first* in_file _x_" .
state:AUT a gcm:State ; skos:prefLabel "Autriche"@fr ; rdfs:label "Austria" .
""",
    )
    _, out, _ = run(runner, old, new)
    assert "- Albania `state:ALB`\n- the \\*first\\* in_file \\_x\\_ `state:ARM`\n- Austria `state:AUT`\n" in out


def test_output_file(runner: CliRunner, pair: tuple[Path, Path], tmp_path: Path) -> None:
    _, expected, _ = run(runner, *pair)
    target = tmp_path / "notes" / "RELEASE-NOTES.md"
    code, out, _ = run(runner, *pair, "-o", target)
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8") == expected


def test_output_file_that_cannot_be_written(runner: CliRunner, pair: tuple[Path, Path]) -> None:
    target = pair[0] / "notes.md"  # under a file, not a folder
    code, out, err = run(runner, *pair, "-o", target)
    assert code == 7 and out == ""
    assert f"error: {target}: could not be written" in err


# --- blank nodes ----------------------------------------------------------------------------------


def test_blank_node_relabelling_is_no_difference(runner: CliRunner, tmp_path: Path) -> None:
    brackets = write(tmp_path, "brackets.ttl", UNION_BRACKETS)
    labelled = write(tmp_path, "labelled.trig", UNION_LABELLED)
    code, out, _ = run(runner, brackets, labelled, "--exit-code")
    assert code == 0, out
    assert out.endswith("No differences.\n")


def test_blank_node_content_change_is_a_difference(runner: CliRunner, tmp_path: Path) -> None:
    # One member of the union changes: one list statement removed, one added, about the same list node.
    old = write(tmp_path, "old.ttl", UNION_BRACKETS)
    new = write(tmp_path, "new.ttl", UNION_BRACKETS.replace("gcm:Organisation", "gcm:Person"))
    document = as_json(runner, old, new)
    assert document["classes"] == []
    ((removed,), (added,)) = document["other"]["removed"], document["other"]["added"]
    first = " <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "
    node, _, organisation = removed.partition(first)
    assert node.startswith("_:") and organisation == "<https://w3id.org/gcmkg/ontology#Organisation> ."
    assert added == f"{node}{first}<https://w3id.org/gcmkg/ontology#Person> ."


# --- inputs and errors ----------------------------------------------------------------------------


def test_json_ld_input(runner: CliRunner, tmp_path: Path) -> None:
    turtle = write(tmp_path, "a.ttl", PREFIXES + 'state:ARM a gcm:State ; skos:prefLabel "Armenia"@en .\n')
    json_ld = write(
        tmp_path,
        "a.jsonld",
        json.dumps(
            {
                "@context": {"skos": "http://www.w3.org/2004/02/skos/core#"},
                "@id": "https://w3id.org/gcmkg/id/state/ARM",
                "@type": "https://w3id.org/gcmkg/ontology#State",
                "skos:prefLabel": {"@value": "Armenia", "@language": "en"},
            }
        ),
    )
    assert run(runner, turtle, json_ld, "--exit-code")[0] == 0


def test_remote_json_ld_context_is_not_fetched(runner: CliRunner, tmp_path: Path) -> None:
    remote = write(tmp_path, "remote.jsonld", '{"@context": "https://example.org/context.jsonld", "@id": "ex:a"}')
    code, _, err = run(runner, remote, remote)
    assert code == 4
    assert f"error: {remote}: not valid JSON-LD" in err


def test_missing_input_is_not_found(runner: CliRunner, pair: tuple[Path, Path], tmp_path: Path) -> None:
    old, _ = pair
    code, _, err = run(runner, old, tmp_path / "nowhere")
    assert code == 3
    assert f"error: NEW {tmp_path / 'nowhere'}: no such build folder or RDF file" in err
    code, _, err = run(runner, tmp_path, old)
    assert code == 3
    assert f"error: OLD {tmp_path}: a folder without gcmkg.trig, so not a build" in err


def test_bad_rdf_names_the_file(runner: CliRunner, pair: tuple[Path, Path], tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.ttl", "this is not Turtle\n")
    code, _, err = run(runner, pair[0], bad)
    assert code == 4
    assert f"error: {bad}: not valid Turtle" in err


def test_help_has_examples(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["diff", "--help"])
    assert result.exit_code == 0
    assert "gcmkg diff v0.1/gcmkg.trig --graph build -o RELEASE-NOTES.md" in result.output
    assert "with --exit-code, 1 if they differ" in " ".join(result.output.split())


@pytest.mark.slow
def test_same_bytes_whatever_the_hash_seed(tmp_path: Path) -> None:
    old = write(tmp_path, "old.trig", OLD_TRIG + UNION_LABELLED.removeprefix(PREFIXES))
    new = write(tmp_path, "new.ttl", UNION_BRACKETS.replace("gcm:Organisation", "gcm:Person"))
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        for output_format in ("table", "json"):
            args = [
                sys.executable,
                "-c",
                "from gcmkg.graph.cli import main; main()",
                "diff",
                str(old),
                "--graph",
                str(new),
                "--format",
                output_format,
            ]
            done = subprocess.run(args, env=env, check=True, capture_output=True)
            outputs.add((output_format, done.stdout))
    assert len(outputs) == 2


# --- real builds ----------------------------------------------------------------------------------


def test_build_against_its_merged_turtle(runner: CliRunner, fixture_build: Path) -> None:
    # gcmkg.ttl merges every graph, graph:inferred and graph:build included; what the build holds only in
    # those is left out of it too, so the data compares equal, with or without graph:inferred.
    merged = fixture_build / "gcmkg.ttl"
    for extra in ((), ("--inferred",), ("--inferred", "--provenance")):
        code, out, _ = run(runner, fixture_build, merged, "--exit-code", *extra)
        assert code == 0, out
        assert out.endswith("No differences.\n")
    assert "Note: NEW has no named graphs" in run(runner, fixture_build, merged)[1]


def test_reference_build_against_fixture_corpus_build(
    runner: CliRunner, reference_build: Path, fixture_build: Path
) -> None:
    document = as_json(runner, reference_build, fixture_build)
    added = {c["class"]: [e["name"] for e in c["entities_added"]] for c in document["classes"]}
    # Worked out from tests/fixtures/corpus: one document, about the 2024 review and its session 2.
    assert added["gcm:Document"] == ["id:document/fixture_2024_session_report"]
    assert added["gcm:Review"] == ["review:2024"]
    assert added["gcm:Session"] == ["review:2024/session/2"]
    # 12 passages: the title block, the "Excerpt ..." line, paragraphs 1-6 and the session's four lines
    # (Lead Organizers, Moderator, Member State Speaker, Substantive inputs), in document order.
    passages = [f"id:document/fixture_2024_session_report/passage/{n}" for n in range(1, 13)]
    assert added["gcm:Passage"] == passages
    # 13 participations: lead organisers UNICEF and IOM, the moderator, Portugal speaking, five presenters
    # (Georgia, Ireland, Serbia, ILO, ITUC), Estonia, Latvia and Lithuania through Ireland, Armenia's reply.
    assert len(added["gcm:Participation"]) == 13
    assert added["gcm:Person"] == ["id:person/maria-lindholm"]
    assert len(added["gcm:Footnote"]) == 2 and len(added["gcm:Citation"]) == 2  # two footnotes, one URL each
    assert added["gcm:JointProgramme"] == ["initiative:migration-mptf/GEO"]
    # the reference data is the same on both sides: nothing removed, no reference entity changed
    assert document["summary"]["statements_removed"] == 0
    assert document["summary"]["entities_removed"] == document["summary"]["entities_changed"] == 0
    _, out, _ = run(runner, reference_build, fixture_build)
    assert "| `gcm:Session` | 1 | 0 | 0 |" in out

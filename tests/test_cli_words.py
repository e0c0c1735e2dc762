"""One word per concept: every verb names the build it reads, the file it writes, its format for people and
graph:inferred the same way, and the previous release's spellings still work, with a warning."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from gcmkg.graph.cli import cli

# concept (the Python name click gives the value) → its one spelling
CONCEPTS = {
    "graph_path": ("--graph",),
    "output": ("--output", "-o"),
    "output_format": ("--format",),
    "inferred": ("--inferred", "--no-inferred"),
    "timeout": ("--timeout",),
    "limit": ("--limit",),
    "quiet": ("--quiet", "-q"),
}
# spellings another tool might use for one of those concepts; none may appear as an option
SYNONYMS = {"--out", "--build", "--input", "--data", "--dataset", "--output-file", "--fmt", "--include-inferred"}
# names of the format for people other than "table"
OTHER_HUMAN_FORMATS = {"text", "markdown", "human", "pretty", "plain"}


def _verbs(group: click.Group = cli, prefix: str = "") -> Iterator[tuple[str, click.Command]]:
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        assert command is not None, name
        yield f"{prefix}{name}", command
        if isinstance(command, click.Group):
            yield from _verbs(command, f"{prefix}{name} ")


def _options() -> Iterator[tuple[str, click.Option]]:
    for verb, command in _verbs():
        for param in command.params:
            if isinstance(param, click.Option) and param.name != "help":
                yield verb, param


def test_every_concept_has_one_spelling_in_every_verb() -> None:
    seen = 0
    for verb, option in _options():
        spellings = tuple(option.opts) + tuple(option.secondary_opts)
        if option.name in CONCEPTS:
            seen += 1
            assert sorted(spellings) == sorted(CONCEPTS[option.name]), f"gcmkg {verb}: {option.name} is {spellings}"
        for concept, canonical in CONCEPTS.items():
            assert option.name == concept or not set(spellings) & set(canonical), (
                f"gcmkg {verb}: {spellings} spells {concept} but holds {option.name}"
            )
        assert not set(spellings) & SYNONYMS, f"gcmkg {verb}: {spellings} is a second name for a concept"
    assert seen >= 25  # the walk did find the verbs' options


def test_the_format_for_people_is_called_table_everywhere() -> None:
    for verb, option in _options():
        if isinstance(option.type, click.Choice):
            choices = set(option.type.choices)
            assert not choices & OTHER_HUMAN_FORMATS, f"gcmkg {verb} {option.opts}: {choices}"


def test_every_verb_that_reads_a_build_takes_graph() -> None:
    reading = {"query", "sparql", "describe", "validate", "export", "diff", "viz", "push", "serve"}
    with_graph = {verb for verb, option in _options() if option.name == "graph_path"}
    assert with_graph == reading


def _invoke(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, args)
    return result.exit_code, result.stdout, result.stderr


def test_old_build_out_and_no_inferred_still_work_with_a_warning(reference_build: Path, tmp_path: Path) -> None:
    code, _, err = _invoke(["build", "--out", str(tmp_path / "b"), "--no-inferred", "-q"])
    assert code == 0, err
    assert "warning: --out is deprecated and will be removed in the next release; use --output" in err
    assert "warning: --no-inferred is deprecated" in err and "use --no-merge-inferred" in err
    # the merged Turtle left graph:inferred out, as --no-merge-inferred does; the TriG kept it
    assert (tmp_path / "b" / "gcmkg.ttl").stat().st_size < (reference_build / "gcmkg.ttl").stat().st_size
    assert (tmp_path / "b" / "gcmkg.trig").read_bytes() == (reference_build / "gcmkg.trig").read_bytes()


def test_old_export_build_and_graph_name_still_work_with_a_warning(reference_build: Path, tmp_path: Path) -> None:
    out = tmp_path / "states.ttl"
    code, stdout, err = _invoke(
        ["export", "--build", str(reference_build), "--graph", "reference/states", "-o", str(out)]
    )
    assert code == 0, err
    assert "warning: --build is deprecated" in err and "use --graph" in err
    assert "warning: --graph reference/states (a named graph) is deprecated" in err and "--named-graph" in err
    assert "from 1 graph " in stdout


def test_old_diff_second_argument_still_works_with_a_warning(reference_build: Path) -> None:
    code, stdout, err = _invoke(["diff", str(reference_build), str(reference_build), "-q", "--format", "markdown"])
    assert code == 0, err
    assert "warning: gcmkg diff OLD NEW is deprecated" in err and "gcmkg diff OLD --graph NEW" in err
    assert "warning: --format markdown is deprecated" in err
    assert stdout.startswith("# ")


def test_diff_new_given_twice_is_a_usage_error(reference_build: Path) -> None:
    code, _, err = _invoke(["diff", str(reference_build), str(reference_build), "--graph", str(reference_build)])
    assert code == 2
    assert "NEW given twice" in err


def test_old_validate_text_format_still_works_with_a_warning(reference_build: Path) -> None:
    code, stdout, err = _invoke(["validate", "--graph", str(reference_build), "--format", "text"])
    table = _invoke(["validate", "--graph", str(reference_build), "--format", "table"])
    assert (code, stdout) == table[:2]
    assert "warning: --format text is deprecated" in err and "use --format table" in err


@pytest.mark.parametrize(
    ("verb", "old"),
    [
        ("build", "--out "),
        ("build", "--no-inferred"),
        ("export", "--build"),
        ("diff", "NEW]"),
        ("diff", "markdown|"),
        ("validate", "text|"),
    ],
)
def test_old_spellings_stay_out_of_the_help(verb: str, old: str) -> None:
    code, stdout, _ = _invoke([verb, "--help"])
    assert code == 0
    assert old not in stdout

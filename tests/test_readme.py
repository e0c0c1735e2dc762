"""The README tells the truth: its test command is CI's, it documents every verb and exit code, and its tour runs
top to bottom as written."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

from gcmkg.graph.cli import cli
from gcmkg.graph.core import errors
from tests.conftest import CORPUS, REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
CI = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
TEST_COMMAND = ".venv/bin/python -m pytest -n auto"


def test_readme_test_command_is_what_ci_runs() -> None:
    setup_block = README.split("```sh", 1)[1].split("```", 1)[0].strip().splitlines()
    assert setup_block[-1] == TEST_COMMAND
    assert [line for line in CI.splitlines() if line and not line.startswith("#")][-1] == TEST_COMMAND


def test_readme_documents_every_verb() -> None:
    for verb in cli.list_commands(click.Context(cli)):
        assert re.search(rf"gcmkg {verb}\b", README), verb


def test_readme_documents_every_exit_code() -> None:
    documented = {int(code) for code in re.findall(r"^\| (\d+) \|", README, flags=re.MULTILINE)}
    classes = [cls for cls in vars(errors).values() if isinstance(cls, type) and issubclass(cls, errors.GcmkgError)]
    defined = {cls.exit_code for cls in classes}
    assert defined | {0, 1} == documented


def _tour() -> str:
    """The README's tour, the shell block under "## A short tour"."""
    return README.split("## A short tour\n", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]


def test_tour_uses_only_gcmkg_and_plain_shell() -> None:
    commands = {line.split()[0] for line in _tour().splitlines() if line.strip()}
    assert commands == {"gcmkg", "cp", "echo"}


@pytest.mark.slow
def test_tour_runs_top_to_bottom_as_written(tmp_path: Path) -> None:
    # the tour's ../shared/corpus is the shared corpus, beside the folder the tour runs in
    (tmp_path / "shared").symlink_to(CORPUS.parent, target_is_directory=True)
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", _tour()], cwd=work, env=env, capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 0, done.stderr[-3000:]
    written = {
        "build/gcmkg.trig", "old-build/gcmkg.trig", "objectives.csv", "figures.csv", "my-query.rq", "rows.csv",
        "validation.json", "export/gcmkg.ttl", "export/gcmkg.ttl.void.ttl", "partners/gcm.trig", "states.ttl",
        "RELEASE-NOTES.md", "viz/participation.graphml", "viz/state-comentions.html", "coverage.png",
    }  # fmt: skip
    assert {name for name in written if (work / name).is_file()} == written
    assert (work / "objectives.csv").read_text(encoding="utf-8").count("\n") == 24  # header and the 23 objectives
    assert "Serbia" in (work / "rows.csv").read_text(encoding="utf-8")
    assert "document" in (work / "RELEASE-NOTES.md").read_text(encoding="utf-8").lower()

"""The README tells the truth: its test command is CI's, and it documents every verb and exit code."""

from __future__ import annotations

import re

from gcmkg.graph.cli import cli
from gcmkg.graph.core import errors
from tests.conftest import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
CI = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
TEST_COMMAND = ".venv/bin/python -m pytest"


def test_readme_test_command_is_what_ci_runs() -> None:
    setup_block = README.split("```sh", 1)[1].split("```", 1)[0].strip().splitlines()
    assert setup_block[-1] == TEST_COMMAND
    assert [line for line in CI.splitlines() if line and not line.startswith("#")][-1] == TEST_COMMAND


def test_readme_documents_every_verb() -> None:
    for verb in cli.commands:
        assert re.search(rf"gcmkg {verb}\b", README), verb


def test_readme_documents_every_exit_code() -> None:
    documented = {int(code) for code in re.findall(r"^\| (\d+) \|", README, flags=re.MULTILINE)}
    classes = [cls for cls in vars(errors).values() if isinstance(cls, type) and issubclass(cls, errors.GcmkgError)]
    defined = {cls.exit_code for cls in classes}
    assert defined | {0, 1} == documented

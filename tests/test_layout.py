"""The layout shows the stages: graph/'s top level is its packages, each verb lives with its feature, the loaders
import only the core (no cycle), and no two modules share a name."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import click

from gcmkg.graph.cli import cli
from tests.conftest import REPO_ROOT

GRAPH = REPO_ROOT / "graph"
PACKAGES = {
    "core",
    "rdfio",
    "build",
    "reasoning",
    "validation",
    "query",
    "remote",
    "export",
    "diff",
    "visualise",
    "serve",
}
PYTHON_API = "python"  # the package gcmkg itself (import gcmkg), mapped onto graph/python in pyproject.toml


def _imports(folder: Path) -> list[tuple[Path, int, str]]:
    """Every module a file under ``folder`` imports (``from gcmkg.graph import ids`` counts as
    ``gcmkg.graph.ids``), with its file and line."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found += [(path, node.lineno, alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found += [(path, node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def test_loaders_import_only_the_core() -> None:
    outside = [
        f"{path.relative_to(REPO_ROOT)}:{line}: {name}"
        for path, line, name in _imports(REPO_ROOT / "loaders")
        if name.startswith("gcmkg.graph") and not name.startswith("gcmkg.graph.core.")
    ]
    assert outside == []


def test_the_core_imports_nothing_else_of_gcmkg() -> None:
    outside = [
        f"{path.relative_to(REPO_ROOT)}:{line}: {name}"
        for path, line, name in _imports(GRAPH / "core")
        if name.startswith("gcmkg.") and not name.startswith("gcmkg.graph.core.")
    ]
    assert outside == []


def test_the_top_level_of_graph_is_its_packages() -> None:
    packages = {path.name for path in GRAPH.iterdir() if (path / "__init__.py").is_file()}
    modules = {path.name for path in GRAPH.iterdir() if path.is_file() and not path.name.startswith(".")}
    assert packages == PACKAGES | {PYTHON_API}
    assert modules == {"__init__.py", "cli.py", "clisupport.py", "README.md"}


def test_every_verb_lives_in_its_feature_command_module() -> None:
    context = click.Context(cli)
    for name in cli.list_commands(context):
        command = cli.get_command(context, name)
        assert command is not None and command.name == name, name
        module = command.callback.__module__ if command.callback else ""
        parts = module.split(".")
        assert parts[:2] == ["gcmkg", "graph"] and parts[2] in PACKAGES and parts[3:] == ["command"], (name, module)


def test_no_two_modules_share_a_name() -> None:
    names = Counter(path.name for path in GRAPH.rglob("*.py") if path.name not in ("__init__.py", "command.py"))
    assert [name for name, count in names.items() if count > 1] == []

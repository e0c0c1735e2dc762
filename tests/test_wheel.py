"""A built wheel carries the ontology, shapes, queries and reference data, and finds them when installed."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(REPO_ROOT)],
        check=True,
        capture_output=True,
    )
    (path,) = out.glob("gcmkg-*.whl")
    return path


def test_wheel_contains_the_data_folders(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "gcmkg/ontology/gcm.ttl",
        "gcmkg/shapes/reference.ttl",
        "gcmkg/queries/objectives.rq",
        "gcmkg/queries/README.md",
        "gcmkg/loaders/reference/data/states.csv",
        "gcmkg/loaders/reference/data/README.md",
        "gcmkg/graph/cli.py",
        "gcmkg/graph/rdfio/union.ru",
        "gcmkg/graph/validation/label.rq",
        "gcmkg/graph/validation/origin.rq",
    ):
        assert expected in names, expected
    for shapes_file in sorted((REPO_ROOT / "shapes").glob("*.ttl")):  # all shape files are loaded together
        assert f"gcmkg/shapes/{shapes_file.name}" in names, shapes_file.name
    # every data file the graph packages read at run time: queries, export metadata, the HTML view's assets
    for folder in ("graph/export", "graph/visualise", "graph/validation", "graph/query", "queries"):
        for data_file in sorted((REPO_ROOT / folder).iterdir()):
            if data_file.suffix in (".rq", ".yaml", ".js", ".css", ".html"):
                assert f"gcmkg/{folder}/{data_file.name}" in names, data_file
    assert not any(name.startswith(("tests/", "gcmkg/tests/")) for name in names)


def test_installed_wheel_finds_its_files_from_another_directory(wheel: Path, tmp_path: Path) -> None:
    installed = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(installed)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # -S: no site module, so no .pth file and no editable-install finder: only the unpacked wheel
    # and the dependencies' site-packages are importable.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(installed), sysconfig.get_paths()["purelib"]])}
    run = [sys.executable, "-S", "-c", "from gcmkg.graph.cli import main; main()"]
    located = subprocess.run(
        [sys.executable, "-S", "-c", "from gcmkg.graph.core import resources as r; print(r.ontology_file())"],
        cwd=elsewhere, env=env, check=True, capture_output=True, text=True,
    )
    assert Path(located.stdout.strip()) == installed / "gcmkg" / "ontology" / "gcm.ttl"
    subprocess.run([*run, "build", "-o", "b", "-q"], cwd=elsewhere, env=env, check=True, capture_output=True)
    answer = subprocess.run([*run, "query", "objectives", "--graph", "b", "--format", "csv"],
                            cwd=elsewhere, env=env, check=True, capture_output=True, text=True)
    assert answer.stdout.splitlines()[0] == "number,title"
    assert len(answer.stdout.splitlines()) == 24

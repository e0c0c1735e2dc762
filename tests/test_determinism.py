"""Two builds of the same inputs are byte-identical, whatever PYTHONHASHSEED is."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS

pytestmark = pytest.mark.slow


def _build(out: Path, seed: str, corpus: Path | None) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    args = [sys.executable, "-c", "from gcmkg.graph.cli import main; main()", "build", "-o", str(out), "-q"]
    if corpus is not None:
        args += ["--corpus", str(corpus)]
    subprocess.run(args, env=env, check=True, capture_output=True)


@pytest.mark.parametrize("corpus", [None, CORPUS], ids=["reference", "corpus"])
def test_builds_are_byte_identical_across_hash_seeds(tmp_path: Path, corpus: Path | None) -> None:
    _build(tmp_path / "one", "1", corpus)
    _build(tmp_path / "two", "4242", corpus)
    names = sorted(p.name for p in (tmp_path / "one").iterdir() if not p.name.startswith("."))
    assert names == ["build-report.json", "gcmkg.trig", "gcmkg.ttl", "store"]
    for name in names[:-1]:  # the query store is a database made from gcmkg.trig, keyed by its hash
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name

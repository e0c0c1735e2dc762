"""Shared fixtures: one reference build and one corpus build per test session, the shared corpus, a CLI runner,
the name matcher of the reference data."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from gcmkg.graph.build.pipeline import build
from gcmkg.loaders.documents.matcher import Matcher
from gcmkg.loaders.reference import load_reference

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS = REPO_ROOT.parent / "shared" / "corpus"
# A short fictional report (2024, session 2) written for the tests: expected results are worked out from its text.
FIXTURE_CORPUS = REPO_ROOT / "tests" / "fixtures" / "corpus"


@pytest.fixture(scope="session")
def matcher() -> Matcher:
    """The matcher of every name, alias, acronym and demonym of the reference data."""
    return Matcher.from_graphs(source.graph for source in load_reference())


@pytest.fixture(scope="session")
def reference_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build folder made from the shipped ontology and reference data only."""
    out = tmp_path_factory.mktemp("reference-build")
    build(out)
    return out


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build folder made by ``gcmkg build --corpus`` from the shared corpus (which must load whole)."""
    from gcmkg.graph.cli import cli

    out = tmp_path_factory.mktemp("corpus-build")
    result = CliRunner().invoke(cli, ["build", "--corpus", str(CORPUS), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def fixture_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build folder made by ``gcmkg build --corpus`` from the fixture corpus (tests/fixtures/corpus), which must
    load whole; tests read it, never change it."""
    from gcmkg.graph.cli import cli

    out = tmp_path_factory.mktemp("fixture-build")
    result = CliRunner().invoke(cli, ["build", "--corpus", str(FIXTURE_CORPUS), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out


# A passage of untrusted text: gcmkg serve must show it as text (tests/test_serve*.py, tests/test_python_api.py).
HOSTILE_PARAGRAPH = '7. Serbia noted <script>alert("x")</script> & <img src=x onerror=alert(1)> in a closing remark.'


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture corpus with HOSTILE_PARAGRAPH added after paragraph 6, built (it mentions Serbia)."""
    from gcmkg.graph.cli import cli

    corpus = tmp_path_factory.mktemp("hostile-corpus")
    (corpus / "manifest.csv").write_bytes((FIXTURE_CORPUS / "manifest.csv").read_bytes())
    name = "fixture_2024_session_report.txt"
    text = (FIXTURE_CORPUS / name).read_text(encoding="utf-8")
    (corpus / name).write_text(text.replace("<sup>1</sup> https", HOSTILE_PARAGRAPH + "\n\n<sup>1</sup> https", 1))
    out = tmp_path_factory.mktemp("hostile-build")
    result = CliRunner().invoke(cli, ["build", "--corpus", str(corpus), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test (and each command it starts) keeps the guard's verdict cache in a folder of its own."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder

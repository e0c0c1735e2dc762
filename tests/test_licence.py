"""One licence story: code Apache-2.0, data CC BY 4.0, stated alike in the README, pyproject.toml, the ontology's
header and the VoID/DCAT description of every export."""

from __future__ import annotations

import tomllib
from pathlib import Path

import yaml
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS

from gcmkg.graph.cli import cli
from gcmkg.graph.core.resources import ontology_file
from tests.conftest import REPO_ROOT

CODE_LICENCE = "Apache-2.0"
DATA_LICENCE = "https://creativecommons.org/licenses/by/4.0/"
ONTOLOGY = URIRef("https://w3id.org/gcmkg/ontology")


def test_pyproject_gives_the_code_licence() -> None:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == {"text": CODE_LICENCE}


def test_the_licence_file_is_the_apache_licence() -> None:
    text = (REPO_ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("Apache License\nVersion 2.0, January 2004\n")
    assert text.rstrip().endswith("END OF TERMS AND CONDITIONS")


def test_readme_states_both_licences() -> None:
    section = (REPO_ROOT / "README.md").read_text(encoding="utf-8").split("## Licence", 1)[1]
    code, data = section.split("- **Data**", 1)
    assert f"(`{CODE_LICENCE}`)" in code
    assert f"<{DATA_LICENCE}>" in data and "CC BY 4.0" in data


def test_ontology_header_gives_the_data_licence() -> None:
    ontology = Graph().parse(ontology_file(), format="turtle")
    assert list(ontology.objects(ONTOLOGY, DCTERMS.license)) == [URIRef(DATA_LICENCE)]


def test_curated_metadata_and_every_export_description_give_the_data_licence(
    reference_build: Path, tmp_path: Path
) -> None:
    metadata = yaml.safe_load((REPO_ROOT / "graph" / "export" / "metadata.yaml").read_text(encoding="utf-8"))
    assert metadata["licence"] == DATA_LICENCE
    for name in ("gcmkg.ttl", "gcmkg.jsonld"):
        out = tmp_path / name
        result = CliRunner().invoke(cli, ["export", "--graph", str(reference_build), "-o", str(out), "-q"])
        assert result.exit_code == 0, result.output
        described = Graph().parse(tmp_path / f"{name}.void.ttl", format="turtle")
        assert set(described.objects(None, DCTERMS.license)) == {URIRef(DATA_LICENCE)}

"""The one place that finds the files gcmkg ships: ontology, shapes, stored queries, reference data.

In the repository these are the top-level folders beside ``graph/``; in an installed wheel they are
the sibling packages ``gcmkg.ontology``, ``gcmkg.shapes`` ... beside ``gcmkg.graph``. Both layouts put
them next to this package's folder, so one rule serves both.
"""

from __future__ import annotations

from pathlib import Path

from gcmkg.graph.core.errors import DataError

PACKAGE_ROOT = Path(__file__).resolve().parents[2]


def _existing(path: Path) -> Path:
    if not path.exists():
        raise DataError(f"gcmkg is installed without {path}", hint="reinstall the package")
    return path


def ontology_dir() -> Path:
    """Folder of the OWL ontology files (Turtle)."""
    return _existing(PACKAGE_ROOT / "ontology")


def ontology_file() -> Path:
    """The gcm: ontology, ``ontology/gcm.ttl``."""
    return _existing(ontology_dir() / "gcm.ttl")


def shapes_dir() -> Path:
    """Folder of the SHACL shapes (Turtle)."""
    return _existing(PACKAGE_ROOT / "shapes")


def queries_dir() -> Path:
    """Folder of the stored SPARQL queries (``*.rq``)."""
    return _existing(PACKAGE_ROOT / "queries")


def reference_data_dir() -> Path:
    """Folder of the curated reference data (CSV files and their README)."""
    return _existing(PACKAGE_ROOT / "loaders" / "reference" / "data")

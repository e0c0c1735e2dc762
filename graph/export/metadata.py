"""The curated words of the dataset description (``metadata.yaml``): title, description, creator, publisher,
licence and keywords."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from gcmkg.graph.core.errors import DataError

_FILE = Path(__file__).resolve().parent / "metadata.yaml"
_TEXT_KEYS = ("title", "description", "creator", "publisher", "licence")


@dataclass(frozen=True)
class Metadata:
    title: str
    description: str
    creator: str
    publisher: str
    licence: str
    keywords: tuple[str, ...]


def load_metadata(path: Path = _FILE) -> Metadata:
    """The metadata in ``path``; DataError naming the file and key if one is missing or not text."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"{path}: cannot be read ({exc})") from None
    if not isinstance(raw, dict):
        raise DataError(f"{path}: expected key: value lines")
    for key in _TEXT_KEYS:
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise DataError(f"{path}: '{key}' must be a non-empty text")
    keywords = raw.get("keywords") or []
    if not isinstance(keywords, list):
        raise DataError(f"{path}: 'keywords' must be a list")
    return Metadata(**{key: raw[key].strip() for key in _TEXT_KEYS}, keywords=tuple(str(k) for k in keywords))

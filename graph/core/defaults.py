"""The defaults every verb shares: where outputs go, how long a query may run, how many rows it prints."""

from __future__ import annotations

from pathlib import Path

DEFAULT_BUILD_DIR = Path("build")
DEFAULT_EXPORT_DIR = Path("export")
DEFAULT_VIZ_DIR = Path("viz")
# Seconds a local query, a SPARQL server or an upload may take.
DEFAULT_TIMEOUT = 60.0
# Rows a query prints at most.
DEFAULT_LIMIT = 10_000

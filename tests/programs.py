"""Programs some tests drive (Chromium, LibreOffice): found on the PATH, or the test is skipped; CI sets an
environment variable per program so that a missing one fails instead (``.ci/run`` installs them)."""

from __future__ import annotations

import os
import shutil

import pytest


def required(program: str, variable: str, package: str) -> str:
    """The path of ``program``; skip the calling test without it, or fail when ``variable`` is 1."""
    path = shutil.which(program)
    if path:
        return path
    reason = f"{program} is not installed (Debian: apt-get install {package}; .ci/run installs it)"
    if os.environ.get(variable) == "1":
        pytest.fail(f"{reason}, and {variable}=1 requires it")
    pytest.skip(reason)

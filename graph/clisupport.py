"""What every verb of the ``gcmkg`` command shares (a light module: click only)."""

from __future__ import annotations

from collections.abc import Callable

import click


def progress(quiet: bool) -> Callable[[str], None]:
    """Progress lines on stderr (so stdout stays clean for data), or nothing with --quiet."""
    return (lambda message: None) if quiet else (lambda message: click.echo(f"… {message}", err=True))

"""The ``gcmkg diff`` verb (placeholder until the diff helper fills it in)."""

from __future__ import annotations

import click


@click.command()
def diff() -> None:
    """Compare two builds or exports and print Markdown release notes."""
    raise NotImplementedError

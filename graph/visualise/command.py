"""The ``gcmkg viz`` verb (placeholder until the visualise helper fills it in)."""

from __future__ import annotations

import click


@click.command()
def viz() -> None:
    """Draw a network view of a build, or the objective x State coverage matrix."""
    raise NotImplementedError

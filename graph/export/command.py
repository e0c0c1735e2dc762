"""The ``gcmkg export`` verb (placeholder until the export helper fills it in)."""

from __future__ import annotations

import click


@click.command()
def export() -> None:
    """Export a build as Turtle, TriG, N-Quads, N-Triples or JSON-LD, with a VoID/DCAT description."""
    raise NotImplementedError

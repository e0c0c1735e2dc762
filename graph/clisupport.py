"""What every verb of the ``gcmkg`` command shares (a light module: click only)."""

from __future__ import annotations

from collections.abc import Callable

import click


def progress(quiet: bool) -> Callable[[str], None]:
    """Progress lines on stderr (so stdout stays clean for data), or nothing with --quiet."""
    return (lambda message: None) if quiet else (lambda message: click.echo(f"… {message}", err=True))


def inferred_option(command: Callable[..., None]) -> Callable[..., None]:
    """The --inferred/--no-inferred option of the verbs that read a build."""
    return click.option(
        "--inferred/--no-inferred",
        default=True,
        show_default=True,
        help="Include graph:inferred, the statements OWL 2 RL reasoning added.",
    )(command)


def quiet_option(command: Callable[..., None]) -> Callable[..., None]:
    """The --quiet/-q option of the verbs that show progress."""
    return click.option("--quiet", "-q", is_flag=True, help="No progress messages.")(command)

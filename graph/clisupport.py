"""What every verb of the ``gcmkg`` command shares (a light module: click only)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import click

from gcmkg.graph.errors import UsageError


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


def format_and_output(
    format_name: str | None,
    output: Path | None,
    extensions: Mapping[str, str],
    default_format: str,
    default_output: Callable[[str], Path],
    allowed: Sequence[str] = (),
    subject: str = "the output",
) -> tuple[str, Path]:
    """The format and file a verb writes, from ``--format`` and ``-o`` (either may be left out).

    ``extensions`` maps every format name to its file extension; ``allowed`` (default: all) are those
    ``subject`` can be written in. The format is ``--format``, else the one ``-o``'s suffix names, else
    ``default_format``; the file is ``-o``, else ``default_output(format)``. UsageError if ``-o``'s suffix
    names no format and ``--format`` is not given, if it is not the extension of ``--format`` (the tools
    that read the file go by its suffix, ``gcmkg diff`` and ``gcmkg query`` too), or if the format is not
    allowed.
    """
    allowed = tuple(allowed or extensions)
    implied = None
    if output is not None:
        implied = next((name for name, ext in extensions.items() if output.suffix.lower() == f".{ext}"), None)
        if format_name is None and implied is None:
            endings = ", ".join(f".{extensions[name]}" for name in allowed)
            raise UsageError(f"cannot tell the format of {output} from its suffix", hint=f"give --format, or {endings}")
        if format_name is not None and implied != format_name:
            raise UsageError(
                f"--format {format_name} but {output} does not end in .{extensions[format_name]}",
                hint=f"name the file *.{extensions[format_name]}, or leave --format out",
            )
    chosen = format_name or implied or default_format
    if chosen not in allowed:
        raise UsageError(f"{subject} cannot be written as {chosen}", hint=f"its formats: {', '.join(allowed)}")
    return chosen, output if output is not None else default_output(chosen)

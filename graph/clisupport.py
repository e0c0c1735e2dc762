"""What every verb of the ``gcmkg`` command shares (a light module: click only).

One word per concept, in every verb: ``--graph`` is the build a verb reads, ``-o/--output`` every file or
folder it writes, ``--format`` how it prints (``table`` is the format for people), ``--inferred/--no-inferred``
whether graph:inferred is part of what it reads, ``--timeout``, ``--limit`` and ``-q/--quiet``. The options
are declared here once; ``tests/test_cli_words.py`` fails when a verb gives a concept a second name.

Spellings of an earlier release keep working for one release, hidden from ``--help``, with a warning on
stderr: a verb made with ``cls=Verb`` lists them in ``old_spellings``; an old format name is an alias of
``format_option``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from gcmkg.graph.core.defaults import DEFAULT_BUILD_DIR, DEFAULT_LIMIT, DEFAULT_TIMEOUT
from gcmkg.graph.core.errors import GcmkgError, UsageError

F = TypeVar("F", bound=Callable[..., Any])
Decorator = Callable[[F], F]

# The format for people, in every verb that has one.
HUMAN_FORMAT = "table"


class VerbGroup(click.Group):
    """A click group that turns GcmkgError into a message on stderr and its documented exit code."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except GcmkgError as error:
            click.echo(f"error: {error}", err=True)
            ctx.exit(error.exit_code)


class LazyVerbGroup(VerbGroup):
    """A VerbGroup whose verbs (``verbs``: name -> ``module:attribute``) are imported only when one is run, or
    listed by ``--help``: ``gcmkg query`` then loads no other verb's module."""

    def __init__(self, *args: Any, verbs: Mapping[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.verbs = dict(verbs)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(self.verbs)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.verbs:
            return None
        from importlib import import_module

        module, attribute = self.verbs[cmd_name].split(":")
        command: click.Command = getattr(import_module(module), attribute)
        return command


def deprecated(old: str, new: str) -> None:
    """Say on stderr that the spelling ``old`` is deprecated and what replaces it."""
    click.echo(f"warning: {old} is deprecated and will be removed in the next release; use {new}", err=True)


class Verb(click.Command):
    """A command that still accepts the option spellings of an earlier release (``old_spellings``: old → new),
    hidden from its help, each use warned about on stderr. ``rewrite`` may rewrite the arguments first."""

    def __init__(
        self,
        *args: Any,
        old_spellings: Mapping[str, str] | None = None,
        rewrite: Callable[[list[str]], list[str]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.old_spellings = dict(old_spellings or {})
        self.rewrite = rewrite

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if self.rewrite is not None:
            args = self.rewrite(args)
        return super().parse_args(ctx, [self._respell(arg) for arg in _options_part(args)] + _rest(args))

    def _respell(self, arg: str) -> str:
        name, equals, value = arg.partition("=")
        new = self.old_spellings.get(name)
        if new is None:
            return arg
        deprecated(name, new)
        return f"{new}{equals}{value}"


def _options_part(args: list[str]) -> list[str]:
    return args[: args.index("--")] if "--" in args else args


def _rest(args: list[str]) -> list[str]:
    return args[args.index("--") :] if "--" in args else []


class AliasedChoice(click.Choice):
    """A choice that also takes the names of an earlier release (``aliases``: old → new), hidden from the help."""

    def __init__(self, choices: Sequence[str], aliases: Mapping[str, str]) -> None:
        super().__init__(list(choices))
        self.aliases = dict(aliases)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and value in self.aliases:
            name = param.opts[-1] if param is not None and param.opts else "--format"
            deprecated(f"{name} {value}", f"{name} {self.aliases[value]}")
            value = self.aliases[value]
        return super().convert(value, param, ctx)


def progress(quiet: bool) -> Callable[[str], None]:
    """Progress lines on stderr (so stdout stays clean for data), or nothing with --quiet."""
    return (lambda message: None) if quiet else (lambda message: click.echo(f"… {message}", err=True))


def graph_option(help_text: str = "Build folder or RDF file to read [default: ./build].") -> Decorator[F]:
    """``--graph``: the build (folder or RDF file) a verb reads."""
    return click.option("--graph", "graph_path", type=click.Path(path_type=Path), help=help_text)


def output_option(help_text: str, folder: bool = False) -> Decorator[F]:
    """``-o/--output``: the file (or, for ``folder``, the folder, ./build by default) a verb writes."""
    if folder:
        return click.option(
            "-o",
            "--output",
            "output",
            type=click.Path(path_type=Path, dir_okay=True),
            default=DEFAULT_BUILD_DIR,
            show_default=True,
            help=help_text,
        )
    return click.option("-o", "--output", "output", type=click.Path(path_type=Path, dir_okay=False), help=help_text)


def format_option(
    choices: Sequence[str],
    help_text: str,
    default: str | None = HUMAN_FORMAT,
    aliases: Mapping[str, str] | None = None,
) -> Decorator[F]:
    """``--format``: how a verb writes its answer; ``table`` is the format for people wherever there is one."""
    return click.option(
        "--format",
        "output_format",
        type=AliasedChoice(choices, aliases or {}),
        default=default,
        show_default=default is not None,
        help=help_text,
    )


def inferred_option(
    help_text: str = "Include graph:inferred, the statements OWL 2 RL reasoning added.", default: bool = True
) -> Decorator[F]:
    """``--inferred/--no-inferred``: whether graph:inferred is part of what a verb reads."""
    return click.option("--inferred/--no-inferred", default=default, show_default=True, help=help_text)


def timeout_option(
    help_text: str = "Stop the query after this many seconds (exit code 8); 0 for no limit.",
) -> Decorator[F]:
    """``--timeout``: seconds a query (or a server) may take."""
    return click.option(
        "--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT, show_default=True, help=help_text
    )


def limit_option(command: F) -> F:
    """``--limit``: at most this many rows printed."""
    return click.option(
        "--limit",
        type=click.IntRange(min=0),
        default=DEFAULT_LIMIT,
        show_default=True,
        help="Print at most this many rows, and say so if there were more; 0 for all.",
    )(command)


def quiet_option(command: F) -> F:
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

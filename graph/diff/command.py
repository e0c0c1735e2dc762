"""The ``gcmkg diff`` verb: compare two builds or exports and print release notes (Markdown or JSON)."""

from __future__ import annotations

from pathlib import Path

import click

from gcmkg.graph.clisupport import (
    HUMAN_FORMAT,
    deprecated,
    format_option,
    graph_option,
    inferred_option,
    output_option,
    progress,
    quiet_option,
)
from gcmkg.graph.core.defaults import DEFAULT_BUILD_DIR

# Like `git diff --exit-code`: with --exit-code, 1 when OLD and NEW differ (the number gcmkg's other verbs
# use for validation violations; documented in the verb's help).
DIFFERENT_EXIT_CODE = 1


class _OldNewArgument(click.Argument):
    """The previous release's second argument, NEW (now ``--graph``): still read, left out of the usage line."""

    def get_usage_pieces(self, ctx: click.Context) -> list[str]:
        return []


@click.command()
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path), required=False, cls=_OldNewArgument)
@graph_option("The build or export to compare with OLD: the new one [default: ./build].")
@inferred_option("Compare graph:inferred too (what OWL 2 RL reasoning added).", default=False)
@click.option(
    "--provenance",
    is_flag=True,
    help="Compare graph:build too (the provenance of the build: source files and their checksums).",
)
@format_option(
    [HUMAN_FORMAT, "json"],
    "table: Markdown release notes for people; json: the same content for machines (nothing capped).",
    aliases={"markdown": HUMAN_FORMAT},
)
@click.option(
    "--max-items",
    type=click.IntRange(min=0),
    default=50,
    show_default=True,
    help="Markdown: at most this many entities per list and statements per entity; 0 for all.",
)
@output_option("Write the notes to this file (atomically) instead of stdout.")
@click.option("--exit-code", is_flag=True, help="Exit with code 1 if OLD and NEW differ (like git diff --exit-code).")
@quiet_option
@click.pass_context
def diff(
    ctx: click.Context,
    old: Path,
    new: Path | None,
    graph_path: Path | None,
    inferred: bool,
    provenance: bool,
    output_format: str,
    max_items: int,
    output: Path | None,
    exit_code: bool,
    quiet: bool,
) -> None:
    """Compare the build OLD with the build --graph (NEW, ./build by default), and print release notes.

    OLD and NEW are build folders or RDF files (.trig, .nq, .ttl, .nt, .jsonld). The statements of
    their data graphs are compared as graphs (blank nodes relabelled from their content, so a
    relabelling is no change); graph:inferred and graph:build are left out unless --inferred or
    --provenance. A file without named graphs (a merged gcmkg.ttl) is compared whole, except that
    what the other side holds only in its left-out graphs is left out of it too.

    Entities are the subjects with an rdf:type: added (typed only in NEW), removed (only in OLD) or
    changed (statements about them added or removed), each listed under its most specific class
    (the first by name if several). Statements about untyped subjects are "other statements".
    The table format (Markdown) caps its lists at --max-items; --format json gives everything, with the keys old,
    new, compared, notes, differs, summary, classes and other (statements as N-Triples lines).

    Exit codes: 0 whether or not OLD and NEW differ; with --exit-code, 1 if they differ. 3 if OLD or
    NEW does not exist, 4 if it is not readable RDF, 7 if --output cannot be written.

    \b
    Examples:
      gcmkg diff old-build                          # old-build against ./build
      gcmkg diff v0.1/gcmkg.trig --graph build -o RELEASE-NOTES.md
      gcmkg diff old-build --format json > changes.json
      gcmkg diff old-build --inferred --max-items 0
      gcmkg diff old-build --exit-code -q > /dev/null || echo "the data changed"
    """
    from gcmkg.graph.core.atomic import write_atomically
    from gcmkg.graph.core.errors import UsageError
    from gcmkg.graph.diff.compare import compare
    from gcmkg.graph.diff.grouping import release_diff
    from gcmkg.graph.diff.jsonformat import render_json
    from gcmkg.graph.diff.markdown import render_markdown
    from gcmkg.graph.diff.reading import left_out_graphs, read_side

    if new is not None:
        if graph_path is not None:
            raise UsageError("NEW given twice: as a second argument and as --graph", hint="give --graph only")
        deprecated("gcmkg diff OLD NEW", "gcmkg diff OLD --graph NEW")
    new = new or graph_path or DEFAULT_BUILD_DIR
    say = progress(quiet)
    leave_out = left_out_graphs(inferred, provenance)
    say(f"reading OLD {old}")
    before = read_side(old, "OLD", leave_out)
    say(f"reading NEW {new}")
    after = read_side(new, "NEW", leave_out)
    say("comparing")
    changes = release_diff(before, after, compare(before, after), inferred, provenance)
    text = render_json(changes) if output_format == "json" else render_markdown(changes, max_items)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomically(output, text.encode("utf-8"))
        say(f"release notes written to {output}")
    if exit_code and changes.differs:
        ctx.exit(DIFFERENT_EXIT_CODE)

"""The ``gcmkg build`` verb (the build stage runs only when it is called)."""

from __future__ import annotations

from pathlib import Path

import click

from gcmkg.graph.clisupport import (
    Verb,
    output_option,
    progress,
    quiet_option,
)
from gcmkg.graph.core.errors import PartialBuildError


@click.command(cls=Verb, old_spellings={"--out": "--output", "--no-inferred": "--no-merge-inferred"})
@click.option("--corpus", type=click.Path(path_type=Path), help="Folder of review documents (with manifest.csv).")
@output_option("Build folder to write.", folder=True)
@click.option("--strict", is_flag=True, help="Fail, writing nothing, if any document has to be skipped.")
@click.option("--no-reasoning", is_flag=True, help="Skip OWL 2 RL reasoning: no graph:inferred.")
@click.option(
    "--merge-inferred/--no-merge-inferred",
    default=True,
    show_default=True,
    help="Merge graph:inferred into OUTPUT/gcmkg.ttl (OUTPUT/gcmkg.trig always holds it).",
)
@quiet_option
def build(
    corpus: Path | None, output: Path, strict: bool, no_reasoning: bool, merge_inferred: bool, quiet: bool
) -> None:
    """Build the dataset: ontology, reference data and (with --corpus) documents.

    Writes OUTPUT/gcmkg.trig (one named graph per source, with provenance, and graph:inferred holding
    what OWL 2 RL reasoning adds), OUTPUT/gcmkg.ttl (all triples merged, for partners) and
    OUTPUT/build-report.json. Exit code 5 if documents were skipped.

    The dataset is first validated against the shipped SHACL shapes: a violation prints the grouped
    report and exits with code 1, writing nothing; warnings are summarised on stderr and counted in
    build-report.json (validation_warnings).

    \b
    Examples:
      gcmkg build
      gcmkg build --corpus ../shared/corpus -o build --strict
      gcmkg build --corpus ../shared/corpus --no-merge-inferred   # gcmkg.ttl: asserted triples only
    """
    from gcmkg.graph.build.pipeline import build as run_build

    report = run_build(
        output,
        corpus=corpus,
        strict=strict,
        progress=progress(quiet),
        reasoning=not no_reasoning,
        merge_inferred=merge_inferred,
        warn=lambda text: click.echo(text, err=True),
    )
    width = max(len(g.graph) for g in report.graphs)
    for graph in report.graphs:
        click.echo(f"{graph.graph.ljust(width)}  {graph.triples:>7} triples")
    click.echo(f"{'total'.ljust(width)}  {report.triples:>7} triples  → {output}")
    for line in report.skipped:
        click.echo(f"skipped: {line}", err=True)
    if report.partial:
        skipped = len(report.skipped)
        raise PartialBuildError(f"partial build: {skipped} input(s) skipped (see {output}/build-report.json)")

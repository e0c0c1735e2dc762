"""The ``gcmkg export`` verb (heavy libraries are imported when it runs, not when the CLI starts)."""

from __future__ import annotations

from pathlib import Path

import click

from gcmkg.graph.clisupport import format_and_output, inferred_option, progress, quiet_option
from gcmkg.graph.export.formats import FORMATS


@click.command()
@click.option(
    "--format",
    "format_name",
    type=click.Choice(list(FORMATS)),
    help="turtle and ntriples merge the graphs; trig, nquads and jsonld keep them named "
    "[default: from -o's suffix, else turtle].",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    help="File to write [default: export/gcmkg.<ext>: ttl, trig, nq, nt or jsonld].",
)
@click.option(
    "--build",
    "build_path",
    type=click.Path(path_type=Path),
    help="Build folder or RDF file to export [default: ./build].",
)
@click.option(
    "--graph",
    "graph_names",
    multiple=True,
    metavar="NAME",
    help="Export only this named graph (reference/states, graph:reference/states or its IRI); repeatable.",
)
@inferred_option
@quiet_option
def export(
    format_name: str | None,
    output: Path | None,
    build_path: Path | None,
    graph_names: tuple[str, ...],
    inferred: bool,
    quiet: bool,
) -> None:
    """Export a build as Turtle, TriG, N-Quads, N-Triples or JSON-LD, with a VoID/DCAT description.

    The build is read with --build (not --graph as in the other verbs: here --graph chooses named
    graphs). The same build gives byte-identical files: statements sorted, blank nodes canonically
    labelled (RDFC-1.0), Turtle and TriG grouped by subject with the project's prefixes, N-Triples
    and N-Quads as sorted lines, JSON-LD with an inline @context of the prefixes.

    Beside FILE goes FILE.void.ttl, a VoID + DCAT description: title, licence, creator, version,
    source files with SHA-256, triples and entities per class and per named graph, example
    resources, the file's size and SHA-256, and the stored queries as SPARQL examples. Its
    dcterms:issued and dcterms:modified are the UTC date of SOURCE_DATE_EPOCH if that is set, else
    the date of the newest document in the build (none for a build without documents).

    Both files are written to temporaries, the data file is read back and checked, and only then
    are they renamed over the old ones: a full disk or a crash leaves the previous export intact.
    Exit codes: 2 bad option or unknown --graph, 3 no build, 4 unreadable build, 7 cannot write.

    \b
    Examples:
      gcmkg export                                  # export/gcmkg.ttl (+ .void.ttl)
      gcmkg export --format trig                    # export/gcmkg.trig, named graphs kept
      gcmkg export -o partners/gcm.jsonld           # format from the suffix
      gcmkg export --format nquads --no-inferred    # asserted statements only
      gcmkg export --graph reference/states --graph reference/objectives -o states.ttl
      SOURCE_DATE_EPOCH=1735689600 gcmkg export --build build --format trig
    """
    from gcmkg.graph.export.formats import DEFAULT_FORMAT, EXTENSIONS
    from gcmkg.graph.export.run import export as run_export

    name, path = format_and_output(
        format_name, output, EXTENSIONS, DEFAULT_FORMAT, lambda chosen: FORMATS[chosen].default_output
    )
    export_format = FORMATS[name]
    result = run_export(build_path, export_format, path, graph_names, inferred, progress(quiet))
    graphs = f"{result.graphs} graph{'s' * (result.graphs != 1)}"
    click.echo(f"{result.output}: {result.triples} triples from {graphs} ({export_format.name}); {result.description}")

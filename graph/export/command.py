"""The ``gcmkg export`` verb (heavy libraries are imported when it runs, not when the CLI starts)."""

from __future__ import annotations

from pathlib import Path

import click

from gcmkg.graph.clisupport import (
    Verb,
    deprecated,
    format_and_output,
    format_option,
    graph_option,
    inferred_option,
    output_option,
    progress,
    quiet_option,
)
from gcmkg.graph.core import ids
from gcmkg.graph.export.formats import FORMATS

# The first segment of the build's named graphs (graph:build, the provenance, is left out: ./build is a folder).
_GRAPH_FAMILIES = ("ontology", "reference", "document", "inferred")


def _names_a_graph(value: str) -> bool:
    """Whether a ``--graph`` value is a named graph in the previous release's sense, not a build: it is no path on
    disk, and reads as ``graph:NAME``, a graph IRI or a name such as ``reference/states``."""
    if value.startswith(("graph:", ids.GRAPH)):
        return True
    path = Path(value)
    return not path.is_absolute() and not path.exists() and path.parts[:1] in [(f,) for f in _GRAPH_FAMILIES]


def _old_graph_selection(args: list[str]) -> list[str]:
    """The previous release's ``--graph NAME`` chose a named graph: such a value is read that way, with a warning
    (``--graph`` names the build now)."""
    rewritten = list(args)
    for index, arg in enumerate(rewritten[:-1]):
        value = rewritten[index + 1]
        if arg == "--graph" and _names_a_graph(value):
            deprecated(f"--graph {value} (a named graph)", f"--named-graph {value}; --graph names the build now")
            rewritten[index] = "--named-graph"
    return rewritten


@click.command(cls=Verb, old_spellings={"--build": "--graph"}, rewrite=_old_graph_selection)
@format_option(
    list(FORMATS),
    "turtle and ntriples merge the graphs; trig, nquads and jsonld keep them named "
    "[default: from -o's suffix, else turtle].",
    default=None,
)
@output_option("File to write [default: export/gcmkg.<ext>: ttl, trig, nq, nt or jsonld].")
@graph_option("Build folder or RDF file to export [default: ./build].")
@click.option(
    "--named-graph",
    "graph_names",
    multiple=True,
    metavar="NAME",
    help="Export only this named graph (reference/states, graph:reference/states or its IRI); repeatable.",
)
@inferred_option()
@quiet_option
def export(
    output_format: str | None,
    output: Path | None,
    graph_path: Path | None,
    graph_names: tuple[str, ...],
    inferred: bool,
    quiet: bool,
) -> None:
    """Export a build as Turtle, TriG, N-Quads, N-Triples or JSON-LD, with a VoID/DCAT description.

    The build is read with --graph; --named-graph chooses some of its named graphs. The same build
    gives byte-identical files: statements sorted, blank nodes canonically
    labelled (RDFC-1.0), Turtle and TriG grouped by subject with the project's prefixes, N-Triples
    and N-Quads as sorted lines, JSON-LD with an inline @context of the prefixes.

    Beside FILE goes FILE.void.ttl, a VoID + DCAT description: title, licence, creator, version,
    source files with SHA-256, triples and entities per class and per named graph, example
    resources, the file's size and SHA-256, and the stored queries as SPARQL examples. Its
    dcterms:issued and dcterms:modified are the UTC date of SOURCE_DATE_EPOCH if that is set, else
    the date of the newest document in the build (none for a build without documents).

    Both files are written to temporaries, the data file is read back and checked, and only then
    are they renamed over the old ones: a full disk or a crash leaves the previous export intact.
    The export streams: statements are sorted in unnamed scratch files beside FILE, so a build of a
    million statements exports in under 2 GB of memory (it needs free disk beside FILE for about
    twice the statements' size as N-Quads while it runs).
    Exit codes: 2 bad option or unknown --named-graph, 3 no build, 4 unreadable build, 7 cannot write.

    \b
    Examples:
      gcmkg export                                  # export/gcmkg.ttl (+ .void.ttl)
      gcmkg export --format trig                    # export/gcmkg.trig, named graphs kept
      gcmkg export -o partners/gcm.jsonld           # format from the suffix
      gcmkg export --format nquads --no-inferred    # asserted statements only
      gcmkg export --named-graph reference/states --named-graph reference/objectives -o states.ttl
      SOURCE_DATE_EPOCH=1735689600 gcmkg export --graph build --format trig
    """
    from gcmkg.graph.export.formats import DEFAULT_FORMAT, EXTENSIONS
    from gcmkg.graph.export.run import export as run_export

    name, path = format_and_output(
        output_format, output, EXTENSIONS, DEFAULT_FORMAT, lambda chosen: FORMATS[chosen].default_output
    )
    export_format = FORMATS[name]
    result = run_export(graph_path, export_format, path, graph_names, inferred, progress(quiet))
    graphs = f"{result.graphs} graph{'s' * (result.graphs != 1)}"
    click.echo(f"{result.output}: {result.triples} triples from {graphs} ({export_format.name}); {result.description}")

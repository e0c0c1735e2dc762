"""The ``gcmkg viz`` verb: a network view of a build, or the objective × State coverage matrix, written to a file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from gcmkg.graph.clisupport import (
    HUMAN_FORMAT,
    format_and_output,
    format_option,
    graph_option,
    inferred_option,
    output_option,
    progress,
    quiet_option,
    timeout_option,
)
from gcmkg.graph.core.defaults import DEFAULT_VIZ_DIR
from gcmkg.graph.visualise.kinds import FORMATS, KINDS, Kind

if TYPE_CHECKING:
    from collections.abc import Mapping

    import networkx as nx

    from gcmkg.graph.query.runner import QueryResult

_KINDS_HELP = "\n".join(f"  {name:<23} {kind.summary}" for name, kind in KINDS.items())


def _network_file(kind: Kind, graph: nx.Graph, output_format: str, entity_base: str | None) -> bytes:
    """The network ``graph`` in ``output_format``: GraphML, GEXF, or drawn (PNG, SVG, HTML) at its layout."""
    if output_format in ("graphml", "gexf"):
        from gcmkg.graph.visualise import writers

        return writers.graphml(graph) if output_format == "graphml" else writers.gexf(graph)
    if output_format == "html":
        from gcmkg.graph.visualise.views import html_page

        return html_page(kind.name, graph, entity_base=entity_base).encode("utf-8")
    from gcmkg.graph.visualise.drawing import draw
    from gcmkg.graph.visualise.positions import positions

    return draw(graph, positions(graph), kind.title, kind.name, output_format, kind.empty)


def _coverage_file(kind: Kind, results: Mapping[str, QueryResult], output_format: str) -> tuple[bytes, str]:
    """The coverage matrix as CSV or a heatmap, and what it holds (for the summary line)."""
    from gcmkg.graph.visualise.coverage import coverage, coverage_csv

    matrix = coverage(results)
    held = (
        f"{len(results['coverage'].rows)} rows, {len(matrix.states)} States, "
        f"{len(matrix.years)} review{'s' if len(matrix.years) != 1 else ''}"
    )
    if output_format == "csv":
        return coverage_csv(results), held
    from gcmkg.graph.visualise.heatmap import draw

    return draw(matrix, kind.title, kind.empty, output_format), held


@click.command(epilog=f"KIND is one of:\n\n\b\n{_KINDS_HELP}")
@click.argument("kind", type=click.Choice(list(KINDS)), metavar="KIND")
@format_option(
    FORMATS,
    "File format [default: from -o's suffix, else graphml; csv for coverage]. Networks: graphml, "
    "gexf, png, svg, html; coverage: csv, png, svg.",
    default=None,
)
@output_option("File to write [default: viz/KIND.FORMAT].")
@graph_option()
@inferred_option()
@click.option("--stats", is_flag=True, help="Also print the top nodes by degree, betweenness and PageRank.")
@click.option(
    "--stats-format",
    type=click.Choice([HUMAN_FORMAT, "csv", "json"]),
    default=HUMAN_FORMAT,
    show_default=True,
    help="--stats as a table for people, or CSV/JSON on stdout for machines (the summary line then goes to stderr).",
)
@click.option(
    "--top", type=click.IntRange(min=1), default=10, show_default=True, help="How many nodes --stats lists per measure."
)
@click.option(
    "--entity-base",
    metavar="URL",
    help="HTML: link each node's panel to its entity page, this prefix + the IRI's path after "
    "https://w3id.org/gcmkg/id/ (e.g. /id/ where `gcmkg serve` serves them) [default: no links].",
)
@timeout_option("Stop the stored queries after this many seconds (exit code 8); 0 for no limit.")
@quiet_option
def viz(
    kind: str,
    output_format: str | None,
    output: Path | None,
    graph_path: Path | None,
    inferred: bool,
    stats: bool,
    stats_format: str,
    top: int,
    entity_base: str | None,
    timeout: float,
    quiet: bool,
) -> None:
    """Write a network view of a build, or the objective × State coverage matrix, to a file.

    Each view is built from stored queries (`gcmkg queries show NAME` prints them): nodes are
    States, sessions, objectives and initiatives, identified by their IRIs and carrying label, type
    and codes as attributes; literals are never nodes. GraphML and GEXF open in Gephi, Cytoscape or
    networkx; PNG and SVG are 1600 × 1200 px drawings with a legend; HTML is one self-contained,
    offline page: find a node by name, click it for its neighbours and attributes, filter by node
    type and edge weight, communities in colour. The coverage matrix is a CSV table (one row per objective, State and
    review with a count) or a heatmap. Files are written whole or not at all, and are the same
    bytes on every run.

    One line on stdout says what was written. --stats adds the --top nodes of a network by degree,
    weighted degree (weighted views), betweenness (exact up to 2,000 nodes, sampled above) and
    PageRank; with --stats-format csv or json, stdout holds only those rankings. Exit codes: 2 a
    format the view cannot be written in; 3 no build; 7 the file cannot be written; 8 --timeout.

    \b
    Examples:
      gcmkg viz participation                        # viz/participation.graphml
      gcmkg viz state-comentions --format png --stats
      gcmkg viz state-comentions --stats --stats-format csv --top 20 > central-states.csv
      gcmkg viz initiatives -o initiatives.html      # format from the suffix
      gcmkg viz state-comentions -o sc.html --entity-base /id/   # panels link to /id/state/ARM ...
      gcmkg viz objective-cooccurrence --format gexf --graph build
      gcmkg viz coverage                             # viz/coverage.csv
      gcmkg viz coverage -o coverage.png             # the heatmap
    """
    from gcmkg.graph.core.atomic import write_atomically
    from gcmkg.graph.core.errors import UsageError

    view = KINDS[kind]
    chosen, path = format_and_output(
        output_format,
        output,
        {name: name for name in FORMATS},
        view.default_format,
        lambda written: DEFAULT_VIZ_DIR / f"{view.name}.{written}",
        allowed=view.formats,
        subject=view.name,
    )
    if entity_base is not None:
        from gcmkg.graph.visualise.html import check_entity_base

        if chosen != "html":
            raise UsageError("--entity-base links the nodes of an HTML view", hint="add --format html or drop it")
        try:
            check_entity_base(entity_base)
        except ValueError as error:
            raise UsageError(str(error), hint="give a path such as /id/ or an http(s) URL") from None
    if stats and not view.is_network:
        raise UsageError("--stats ranks the nodes of a network; coverage is a table", hint="drop --stats")
    say = progress(quiet)
    from gcmkg.graph.visualise.source import query_rows

    say(f"running {', '.join(view.queries)}")
    results = query_rows(graph_path, view.queries, inferred, timeout)
    if view.is_network:
        from gcmkg.graph.visualise.projections import PROJECTIONS

        graph = PROJECTIONS[view.name](results)
        say(f"writing {chosen}")
        write_atomically(path, _network_file(view, graph, chosen, entity_base))
        summary = f"wrote {path}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges ({kind})"
        click.echo(summary, err=stats and stats_format != "table")
        if stats:
            from gcmkg.graph.visualise.stats import RENDERERS, rankings

            text = RENDERERS[stats_format](rankings(graph, top))
            click.echo(("\n" + text) if stats_format == "table" else text, nl=False)
        return
    data, held = _coverage_file(view, results, chosen)
    write_atomically(path, data)
    click.echo(f"wrote {path}: {held} ({kind})")

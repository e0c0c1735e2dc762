"""The ``gcmkg push`` verb: a build to a SPARQL 1.1 Graph Store Protocol endpoint."""

from __future__ import annotations

from pathlib import Path

import click

from gcmkg.graph.clisupport import (
    graph_option,
    inferred_option,
    progress,
    quiet_option,
    timeout_option,
)


@click.command()
@click.option(
    "--store",
    "store_url",
    required=True,
    metavar="URL",
    help="SPARQL 1.1 Graph Store Protocol endpoint, e.g. http://127.0.0.1:7878/store (Oxigraph).",
)
@graph_option("Build folder or RDF file to upload [default: ./build].")
@inferred_option("Upload graph:inferred, the statements OWL 2 RL reasoning added.")
@timeout_option("Seconds the server may take to answer each upload; 0 for no limit.")
@click.option(
    "--keep-stale",
    is_flag=True,
    help="Keep the graphs of the previous push that this build no longer has (default: delete them).",
)
@quiet_option
def push(
    store_url: str, graph_path: Path | None, inferred: bool, timeout: float, keep_stale: bool, quiet: bool
) -> None:
    """Upload a build to a SPARQL server, each named graph kept, for `gcmkg query --endpoint`.

    One HTTP PUT per named graph (Graph Store Protocol, STORE?graph=IRI, Turtle): it replaces that
    graph on the server, so pushing again updates it. Each graph is read back and its triples counted;
    then graph:pushed records the graphs pushed, which `gcmkg query --endpoint` names as its dataset,
    so the server's default-graph setting (oxigraph serve --union-default-graph) does not matter. The
    graphs of the previous push that the build no longer has are deleted (--keep-stale keeps them);
    both are said on stdout. Exit code 6 if the server cannot be reached, refuses a graph or does not
    hold what it was sent: the message names the graphs already replaced (push again to repair).

    \b
    Examples:
      oxigraph serve --location data --bind 127.0.0.1:7878 &
      gcmkg push --store http://127.0.0.1:7878/store
      gcmkg query objectives --endpoint http://127.0.0.1:7878/query
      gcmkg push --store http://localhost:3030/gcm/data --graph build   # Fuseki dataset "gcm"
      gcmkg push --store http://127.0.0.1:7878/store --keep-stale      # leave old document graphs
    """
    from gcmkg.graph.remote.push import push as run_push
    from gcmkg.graph.remote.push import shown

    result = run_push(
        graph_path, store_url, timeout=timeout, inferred=inferred, keep_stale=keep_stale, progress=progress(quiet)
    )
    pushed = result.pushed
    click.echo(f"pushed {len(pushed)} graphs, {sum(g.triples for g in pushed)} triples → {store_url} (verified)")
    for graph in result.removed:
        click.echo(f"removed stale graph {shown(graph)} (not in this build)")
    for graph in result.kept:
        click.echo(f"kept stale graph {shown(graph)} (--keep-stale; not in this build, and not queried)")

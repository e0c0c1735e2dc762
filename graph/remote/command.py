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
@quiet_option
def push(store_url: str, graph_path: Path | None, inferred: bool, timeout: float, quiet: bool) -> None:
    """Upload a build to a SPARQL server, each named graph kept, for `gcmkg query --endpoint`.

    One HTTP PUT per named graph (Graph Store Protocol, STORE?graph=IRI, Turtle): it replaces that
    graph on the server, so pushing again updates it. Query the server with --endpoint; it must use
    the union of the named graphs as its default graph (oxigraph serve --union-default-graph; Fuseki
    tdb2:unionDefaultGraph true). Exit code 6 if the server cannot be reached or refuses a graph.

    \b
    Examples:
      oxigraph serve --location data --bind 127.0.0.1:7878 --union-default-graph &
      gcmkg push --store http://127.0.0.1:7878/store
      gcmkg query objectives --endpoint http://127.0.0.1:7878/query
      gcmkg push --store http://localhost:3030/gcm/data --graph build   # Fuseki dataset "gcm"
    """
    from gcmkg.graph.remote.push import push as run_push

    pushed = run_push(graph_path, store_url, timeout=timeout, inferred=inferred, progress=progress(quiet))
    click.echo(f"pushed {len(pushed)} graphs, {sum(g.triples for g in pushed)} triples → {store_url}")

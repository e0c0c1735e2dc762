"""``gcmkg serve``: a build over HTTP, read-only — a SPARQL endpoint, the stored queries as a REST API, a page for
every IRI, and a home page to search, query and browse."""

from __future__ import annotations

from pathlib import Path

import click

from gcmkg.graph.clisupport import graph_option, inferred_option, limit_option, timeout_option

LOOPBACK = "127.0.0.1"


@click.command()
@graph_option("Build folder or RDF file to serve [default: ./build].")
@click.option("--host", help=f"Address to listen on [default: {LOOPBACK}, this machine only]; the server says so.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on (0: any free)."
)
@click.option("--cors", metavar="ORIGIN", help="Let pages from this origin (e.g. https://example.org) read answers.")
@click.option(
    "--workers", type=click.IntRange(1, 64), default=2, show_default=True, help="Query processes (queries at once)."
)
@inferred_option()
@timeout_option("Stop a query after this many seconds (HTTP 503); 0 for no limit.")
@limit_option
def serve(
    graph_path: Path | None,
    host: str | None,
    port: int,
    cors: str | None,
    workers: int,
    inferred: bool,
    timeout: float,
    limit: int,
) -> None:
    """Serve a build read-only over HTTP until stopped (Ctrl-C).

    \b
    /                 home: search by label, stored-query gallery, SPARQL editor, networks, ontology
    /sparql           SPARQL 1.1 Protocol endpoint (GET, POST form, POST query); JSON, XML, CSV, TSV
    /api/NAME         a stored query, its parameters as query arguments; .csv or .json suffix or Accept
    /openapi.json     OpenAPI 3 description of /api (as a page: /docs)
    /id/…, /ontology  a page for every IRI of the build; Turtle or JSON-LD by Accept or ?format=

    Every query passes the same guard as `gcmkg sparql` (no SERVICE, no update, no FROM outside the
    build) and the same --timeout and --limit. The server listens on 127.0.0.1 unless --host says
    otherwise; answers are readable from other web origins only with --cors ORIGIN. Exit codes: 3 no
    build; 4 a stored query that cannot be used; 2 the address cannot be used.

    \b
    Examples:
      gcmkg serve                                  # ./build on http://127.0.0.1:8000/
      gcmkg serve --graph build --port 8080 --timeout 10
      curl 'http://127.0.0.1:8000/api/session-participants.csv?year=2024&session=2'
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s a gcm:State } LIMIT 5' \\
           http://127.0.0.1:8000/sparql
    """
    import socket

    from gcmkg.graph.core.defaults import DEFAULT_BUILD_DIR
    from gcmkg.graph.core.errors import UsageError
    from gcmkg.graph.rdfio.store import dataset_path
    from gcmkg.graph.serve.pool import Pool

    location = graph_path or DEFAULT_BUILD_DIR
    dataset_path(location)  # no build: exit 3 before anything starts
    address = host or LOOPBACK
    try:
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        listening = socket.create_server((address, port), family=family)
        # answers go out as soon as written (asyncio sets this itself only on sockets it creates; connections
        # inherit it from the listening socket): without it a kept-alive connection waited 40 ms per answer
        listening.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    except OSError as exc:
        raise UsageError(f"cannot listen on {address}:{port} ({exc.strerror or exc})") from None
    # The query processes start first, while this process has one thread, and load the build while it goes on.
    pool = Pool(location, inferred, workers)
    try:
        import uvicorn

        from gcmkg.graph.query.catalogue import load_catalogue
        from gcmkg.graph.query.guard import check_stored_query
        from gcmkg.graph.serve.app import create_app
        from gcmkg.graph.serve.site import Site

        catalogue = load_catalogue()
        for stored in catalogue.values():
            check_stored_query(stored)
        pool.wait_ready()
        site = Site(location, inferred, timeout, limit, catalogue, pool, cors)
        bound = listening.getsockname()[1]
        shown = f"[{address}]" if family == socket.AF_INET6 else address
        click.echo(f"serving {location} read-only on http://{shown}:{bound}/ (Ctrl-C stops it)")
        if host is not None:
            click.echo(f"note: listening on {address}, not only {LOOPBACK}: whoever reaches it can read the build")
        # h11 always, whether or not httptools is installed: the same limits and answers (a 414 for a long URL)
        config = uvicorn.Config(create_app(site), http="h11", log_level="warning", access_log=False)
        server = uvicorn.Server(config)
        server.run(sockets=[listening])
    finally:
        pool.close()
        listening.close()

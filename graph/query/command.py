"""The query verbs: ``gcmkg query``, ``gcmkg sparql`` and ``gcmkg queries`` (show)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from gcmkg.graph.clisupport import (
    HUMAN_FORMAT,
    VerbGroup,
    format_option,
    graph_option,
    inferred_option,
    limit_option,
    timeout_option,
)

if TYPE_CHECKING:
    from gcmkg.graph.query.runner import AskResult, QueryResult


_FORMAT_HELP = "table for people; csv (spreadsheet-safe: a ' before a cell starting = + - @), tsv or SPARQL JSON."


def _source_options(command: Callable[..., None]) -> Callable[..., None]:
    """The --graph, --format and --inferred options of the verbs that run queries."""
    command = inferred_option()(command)
    command = format_option([HUMAN_FORMAT, "csv", "tsv", "json"], _FORMAT_HELP)(command)
    return graph_option("Build folder or RDF file to query [default: ./build].")(command)


def _limit_options(command: Callable[..., None]) -> Callable[..., None]:
    """The --timeout and --limit options of the verbs that run queries locally."""
    return timeout_option()(limit_option(command))


def _show(result: QueryResult | AskResult, output_format: str) -> None:
    """Print a query result; for csv, tsv and json, a warning on stderr if it was cut at the row limit."""
    from gcmkg.graph.query.rendering import limit_message, render
    from gcmkg.graph.query.runner import QueryResult

    click.echo(render(result, output_format), nl=False)
    for note in result.notes if isinstance(result, QueryResult) else ():
        click.echo(f"note: {note}", err=True)
    cut = limit_message(result) if isinstance(result, QueryResult) else None
    if cut and output_format != "table":
        click.echo(f"warning: {cut}", err=True)


@click.command()
@click.argument("name")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter; repeatable.")
@_source_options
@click.option(
    "--endpoint",
    metavar="URL",
    help="Run on this SPARQL query endpoint instead of a build, e.g. http://127.0.0.1:7878/query.",
)
@click.option(
    "--method",
    type=click.Choice(["get", "post"], case_sensitive=False),
    default="get",
    show_default=True,
    help="HTTP method for --endpoint (post for servers that limit URL length).",
)
@click.option(
    "--default-graph-uri",
    "default_graphs",
    multiple=True,
    metavar="IRI",
    help="With --endpoint: query the merge of these graphs (repeatable) [default: the graphs gcmkg push recorded].",
)
@_limit_options
def query(
    name: str,
    params: tuple[str, ...],
    graph_path: Path | None,
    output_format: str,
    inferred: bool,
    timeout: float,
    limit: int,
    endpoint: str | None,
    method: str,
    default_graphs: tuple[str, ...],
) -> None:
    """Run the stored query NAME on a build, or on a SPARQL server with --endpoint.

    A query still running after --timeout seconds is stopped (exit code 8). At most --limit rows are
    printed; a result cut there says so (the table's last line; a warning on stderr for csv, tsv
    and json, which stay valid; exit code 0).

    With --endpoint the query runs on the server (see `gcmkg push`), parameters bound in a VALUES
    block, with the same results as on the build pushed there, whatever the server's default graph:
    the query names the graphs gcmkg push recorded (one default-graph-uri each), or those given with
    --default-graph-uri. If the server cannot be reached, fails, says nothing for --timeout seconds,
    answers something other than SPARQL results or has nothing in the default graph it queries:
    exit code 6.

    \b
    Examples:
      gcmkg query objectives
      gcmkg query objectives --format json
      gcmkg query session-objectives --param year=2020 --param session=4
      gcmkg query state-engagement --no-inferred   # asserted statements only
      gcmkg query objective-mentions -p objective=7 --limit 0 --timeout 300
      gcmkg query objectives --endpoint http://127.0.0.1:7878/query
      gcmkg query objectives --endpoint http://127.0.0.1:7878/query \\
        --default-graph-uri https://w3id.org/gcmkg/graph/reference/objectives
    """
    from gcmkg.graph.core.errors import UsageError
    from gcmkg.graph.query.catalogue import stored_query
    from gcmkg.graph.query.params import bind, parse_assignments
    from gcmkg.graph.query.runner import run_local

    stored = stored_query(name)
    bindings = bind(stored, parse_assignments(params))
    if endpoint is None:
        if default_graphs:
            raise UsageError("--default-graph-uri names graphs of a SPARQL server: use it with --endpoint")
        _show(run_local(graph_path, stored, bindings, inferred, timeout=timeout, limit=limit), output_format)
        return
    from gcmkg.graph.remote.endpoint import run_remote

    if graph_path is not None:
        raise UsageError("--graph cannot be used with --endpoint", hint="the endpoint holds what `gcmkg push` sent it")
    result = run_remote(
        endpoint,
        stored,
        bindings,
        timeout=timeout,
        method=method.upper(),
        limit=limit,
        default_graphs=default_graphs,
        inferred=inferred,
    )
    _show(result, output_format)


def _prefixes_epilog() -> str:
    from gcmkg.graph.query.adhoc import prefix_listing

    return "Predeclared prefixes (a PREFIX of the query's own wins):\n\n\b\n" + prefix_listing()


@click.command(epilog=_prefixes_epilog())
@click.argument("text", metavar="[QUERY]", required=False)
@click.option(
    "--file",
    "-f",
    "query_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Read the query from this file instead of the QUERY argument.",
)
@_source_options
@_limit_options
def sparql(
    text: str | None,
    query_file: Path | None,
    graph_path: Path | None,
    output_format: str,
    inferred: bool,
    timeout: float,
    limit: int,
) -> None:
    """Run an ad-hoc SPARQL SELECT or ASK query (the QUERY argument or --file) on a build.

    The project's prefixes (below; `gcmkg prefixes` lists them too) are declared for you: write
    gcm:Session, state:SRB, skos:prefLabel without PREFIX lines. An undeclared prefix is named with
    the ones that are known; a syntax error is one line with its line and column. A year property
    (gcm:reviewYear, an xsd:gYear) compared with a plain integer gets a hint on stderr.

    The query runs over the union of the named graphs, as stored queries do; FROM and FROM NAMED
    may name the build's own graphs to query just those. ASK prints true or false (json: the SPARQL
    boolean result). CONSTRUCT and DESCRIBE are refused: select the triples instead.

    The query is parsed and refused, before anything runs, if it uses SERVICE, is an update (LOAD,
    INSERT, DELETE, CLEAR, DROP, CREATE, COPY, MOVE, ADD) or names a graph outside the build with
    FROM; invalid SPARQL and refused queries exit with code 2. Limits as for `gcmkg query`: stopped
    after --timeout seconds (exit code 8), at most --limit rows (and the output says so).

    \b
    Examples:
      gcmkg sparql 'SELECT ?s ?label WHERE { ?s a gcm:Session ; skos:prefLabel ?label }'
      gcmkg sparql 'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g'
      gcmkg sparql --file my-query.rq --format csv > rows.csv
      gcmkg sparql 'ASK { ?s a <https://w3id.org/gcmkg/ontology#Review> }'
      gcmkg sparql --no-inferred --limit 0 --timeout 300 -f big.rq
    """
    from gcmkg.graph.core.errors import UsageError
    from gcmkg.graph.query.runner import run_sparql

    if (text is None) == (query_file is None):
        raise UsageError(
            "give the query either as the QUERY argument or with --file, not both or neither",
            hint="e.g. gcmkg sparql 'SELECT * WHERE { ?s ?p ?o } LIMIT 5'",
        )
    source = None
    if query_file is not None:
        from gcmkg.graph.core.errors import NotFoundError

        try:
            text = query_file.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise NotFoundError(f"no query file {query_file}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"{query_file}: cannot read the query ({exc})") from None
        source = str(query_file)
    assert text is not None
    _show(run_sparql(graph_path, text, source, inferred, timeout=timeout, limit=limit), output_format)
    from gcmkg.graph.query.adhoc import predeclare, year_hints

    for hint in year_hints(predeclare(text).text):
        click.echo(f"hint: {hint}", err=True)


@click.command()
def prefixes() -> None:
    """List the project's prefixes: those `gcmkg sparql` declares for you and exports write.

    \b
    Example:
      gcmkg prefixes
      gcmkg sparql 'SELECT ?s WHERE { ?s a gcm:State } LIMIT 3'
    """
    from gcmkg.graph.query.adhoc import prefix_listing

    click.echo(prefix_listing(), nl=False)


@click.command()
@click.argument("entity")
@graph_option("Build folder or RDF file to read [default: ./build].")
@format_option(
    [HUMAN_FORMAT, "json", "turtle", "jsonld"],
    "table for people; json (every property, link and passage in full); turtle or jsonld (the statements about it).",
)
@inferred_option()
@timeout_option()
def describe(entity: str, graph_path: Path | None, output_format: str, inferred: bool, timeout: float) -> None:
    """Show one entity: its types, labels, properties, what links to it, and the passages its
    document-derived facts come from.

    ENTITY is an ISO 3166 alpha-3 code (SRB), an IRI, a compact IRI with a project prefix
    (state:SRB, objective:7, review:2024) or an exact label, ignoring case (Serbia). Exit code 3 if
    nothing is called so, 2 if several entities are (they are listed).

    \b
    Examples:
      gcmkg describe SRB
      gcmkg describe objective:7 --format json
      gcmkg describe 'Migration MPTF'
      gcmkg describe https://w3id.org/gcmkg/id/state/TUR --format turtle
    """
    from gcmkg.graph.query.entity import describe as describe_entity
    from gcmkg.graph.query.entity import render

    click.echo(render(describe_entity(graph_path, entity, inferred, timeout), output_format), nl=False)


@click.group(cls=VerbGroup, invoke_without_command=True)
@click.pass_context
def queries(ctx: click.Context) -> None:
    """List the stored queries with their summary and parameters.

    \b
    Examples:
      gcmkg queries
      gcmkg queries show objectives
    """
    if ctx.invoked_subcommand is None:
        from gcmkg.graph.query.catalogue import load_catalogue

        for stored in load_catalogue().values():
            params = " ".join(f"{p.name}:{p.type}{'' if p.required else '?'}" for p in stored.parameters)
            click.echo(f"{stored.name:<22} {stored.summary}" + (f"  [{params}]" if params else ""))


@queries.command("show")
@click.argument("name")
def queries_show(name: str) -> None:
    """Print a stored query's description, parameters, columns and SPARQL text.

    \b
    Example:
      gcmkg queries show objectives
    """
    from gcmkg.graph.query.catalogue import stored_query

    stored = stored_query(name)
    click.echo(f"{stored.name}: {stored.summary}\n")
    if stored.description:
        click.echo(stored.description + "\n")
    for p in stored.parameters:
        need = "required" if p.required else f"optional, default {p.default}" if p.default else "optional"
        click.echo(f"  --param {p.name}=<{p.type}>  ({need}) {p.description}")
    click.echo(f"columns: {', '.join(stored.columns)}\n")
    click.echo(stored.text.rstrip())

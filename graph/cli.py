"""The ``gcmkg`` command: build the graph, validate it, list and run stored queries.

Heavy libraries are imported inside the verbs that need them, so ``gcmkg query`` starts quickly.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from gcmkg.graph.clisupport import (
    HUMAN_FORMAT,
    Verb,
    format_option,
    graph_option,
    inferred_option,
    limit_option,
    output_option,
    progress,
    quiet_option,
    timeout_option,
)
from gcmkg.graph.diff.command import diff
from gcmkg.graph.errors import GcmkgError, PartialBuildError
from gcmkg.graph.export.command import export
from gcmkg.graph.visualise.command import viz

if TYPE_CHECKING:
    from gcmkg.graph.query import AskResult, QueryResult


class _Group(click.Group):
    """A click group that turns GcmkgError into a message on stderr and its documented exit code."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except GcmkgError as error:
            click.echo(f"error: {error}", err=True)
            ctx.exit(error.exit_code)


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
    from gcmkg.graph.formats import limit_message, render
    from gcmkg.graph.query import QueryResult

    click.echo(render(result, output_format), nl=False)
    cut = limit_message(result) if isinstance(result, QueryResult) else None
    if cut and output_format != "table":
        click.echo(f"warning: {cut}", err=True)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="gcmkg")
def cli() -> None:
    """gcmkg: knowledge graph of the GCM Regional Reviews in the ECE region.

    \b
    Examples:
      gcmkg build                       # reference graph into ./build
      gcmkg build --corpus ../shared/corpus -o build
      gcmkg queries                     # list stored queries
      gcmkg query objectives            # run one
      gcmkg query objectives --format csv > objectives.csv
      gcmkg validate                    # check ./build against the shipped SHACL shapes
    """


@cli.command(cls=Verb, old_spellings={"--out": "--output", "--no-inferred": "--no-merge-inferred"})
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
    from gcmkg.graph.build import build as run_build

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


@cli.command()
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
) -> None:
    """Run the stored query NAME on a build, or on a SPARQL server with --endpoint.

    A query still running after --timeout seconds is stopped (exit code 8). At most --limit rows are
    printed; a result cut there says so (the table's last line; a warning on stderr for csv, tsv
    and json, which stay valid; exit code 0).

    With --endpoint the query runs on the server (see `gcmkg push`), parameters bound in a VALUES
    block, with the same results as on the build pushed there; the server must use the union of the
    named graphs as its default graph (oxigraph serve --union-default-graph; Fuseki
    tdb2:unionDefaultGraph true). If the server cannot be reached, fails, says nothing for --timeout
    seconds or answers something other than SPARQL results: exit code 6.

    \b
    Examples:
      gcmkg query objectives
      gcmkg query objectives --format json
      gcmkg query session-objectives --param year=2020 --param session=4
      gcmkg query state-engagement --no-inferred   # asserted statements only
      gcmkg query objective-mentions -p objective=7 --limit 0 --timeout 300
      gcmkg query objectives --endpoint http://127.0.0.1:7878/query
    """
    from gcmkg.graph.params import bind, parse_assignments
    from gcmkg.graph.query import run_local
    from gcmkg.graph.storedqueries import find_query, load_catalogue

    stored = find_query(name, load_catalogue())
    bindings = bind(stored, parse_assignments(params))
    if endpoint is None:
        _show(run_local(graph_path, stored, bindings, inferred, timeout=timeout, limit=limit), output_format)
        return
    from gcmkg.graph.errors import UsageError
    from gcmkg.graph.remote import run_remote

    if graph_path is not None or not inferred:
        raise UsageError(
            f"{'--graph' if graph_path is not None else '--no-inferred'} cannot be used with --endpoint",
            hint="the endpoint holds what `gcmkg push` sent it (`gcmkg push --no-inferred` leaves graph:inferred out)",
        )
    _show(run_remote(endpoint, stored, bindings, timeout=timeout, method=method.upper(), limit=limit), output_format)


@cli.command()
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

    The query runs over the union of the named graphs, as stored queries do; FROM and FROM NAMED
    may name the build's own graphs to query just those. ASK prints true or false (json: the SPARQL
    boolean result). CONSTRUCT and DESCRIBE are refused: select the triples instead.

    The query is parsed and refused, before anything runs, if it uses SERVICE, is an update (LOAD,
    INSERT, DELETE, CLEAR, DROP, CREATE, COPY, MOVE, ADD) or names a graph outside the build with
    FROM; invalid SPARQL and refused queries exit with code 2. Limits as for `gcmkg query`: stopped
    after --timeout seconds (exit code 8), at most --limit rows (and the output says so).

    \b
    Examples:
      gcmkg sparql 'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g'
      gcmkg sparql --file my-query.rq --format csv > rows.csv
      gcmkg sparql 'ASK { ?s a <https://w3id.org/gcmkg/ontology#Review> }'
      gcmkg sparql --no-inferred --limit 0 --timeout 300 -f big.rq
    """
    from gcmkg.graph.errors import UsageError
    from gcmkg.graph.query import run_sparql

    if (text is None) == (query_file is None):
        raise UsageError(
            "give the query either as the QUERY argument or with --file, not both or neither",
            hint="e.g. gcmkg sparql 'SELECT * WHERE { ?s ?p ?o } LIMIT 5'",
        )
    source = None
    if query_file is not None:
        from gcmkg.graph.errors import NotFoundError

        try:
            text = query_file.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise NotFoundError(f"no query file {query_file}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"{query_file}: cannot read the query ({exc})") from None
        source = str(query_file)
    assert text is not None
    _show(run_sparql(graph_path, text, source, inferred, timeout=timeout, limit=limit), output_format)


@cli.command()
@graph_option("Build folder or RDF file to validate [default: ./build].")
@click.option(
    "--shapes",
    "shape_files",
    multiple=True,
    type=click.Path(path_type=Path),
    metavar="FILE",
    help="A SHACL shapes file (Turtle) to use instead of the shipped shapes; repeatable.",
)
@format_option(
    [HUMAN_FORMAT, "turtle", "json"],
    "table: the report for people; turtle: the SHACL report graph; or JSON.",
    aliases={"text": HUMAN_FORMAT},
)
@click.option(
    "--allow-sparql", is_flag=True, help="Let --shapes files run SPARQL-based constraints and SHACL Advanced Features."
)
@click.option("--allow-imports", is_flag=True, help="Let --shapes files fetch what they owl:import.")
@click.pass_context
def validate(
    ctx: click.Context,
    graph_path: Path | None,
    shape_files: tuple[Path, ...],
    output_format: str,
    allow_sparql: bool,
    allow_imports: bool,
) -> None:
    """Validate a build against SHACL shapes: the shipped ones, or --shapes FILE.

    Validates the union of the build's named graphs: the ontology (for rdfs:subClassOf) and
    graph:inferred included, with no further inference. The table report groups results by shape
    and message, violations first, and says which document and passage each document-derived node
    came from.

    Shapes given with --shapes are refused (exit 2, naming the file and shape) if they hold SPARQL
    or SHACL Advanced Features (unless --allow-sparql) or owl:imports (unless --allow-imports);
    SHACL-JavaScript and SPARQL that reaches remote data (SERVICE, FROM, LOAD) are always refused.

    Exit codes follow pySHACL's: 0 conforms (warnings allowed), 1 violations, 2 any error (no
    build, unreadable or refused shapes, data that cannot be read), with the message on stderr.

    \b
    Examples:
      gcmkg validate
      gcmkg validate --graph build --format json > validation.json
      gcmkg validate --shapes my-shapes.ttl --format turtle
      gcmkg validate --shapes checks.ttl --allow-sparql   # shapes with sh:sparql constraints
    """
    from gcmkg.graph.errors import ValidationFailed
    from gcmkg.graph.rdfread import union_graph
    from gcmkg.graph.validation.engine import validate_graph
    from gcmkg.graph.validation.render import render
    from gcmkg.graph.validation.shapes import shipped_shapes, user_shapes

    try:
        shapes = user_shapes(shape_files, allow_sparql, allow_imports) if shape_files else shipped_shapes()
        report = validate_graph(union_graph(graph_path), shapes, allow_sparql=allow_sparql)
    except GcmkgError as error:  # pySHACL's convention: every error is exit code 2
        click.echo(f"error: {error}", err=True)
        ctx.exit(2)
    click.echo(render(report, output_format), nl=False)
    if not report.conforms:
        ctx.exit(ValidationFailed.exit_code)


@cli.group(cls=_Group, invoke_without_command=True)
@click.pass_context
def queries(ctx: click.Context) -> None:
    """List the stored queries with their summary and parameters.

    \b
    Examples:
      gcmkg queries
      gcmkg queries show objectives
    """
    if ctx.invoked_subcommand is None:
        from gcmkg.graph.storedqueries import load_catalogue

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
    from gcmkg.graph.storedqueries import find_query, load_catalogue

    stored = find_query(name, load_catalogue())
    click.echo(f"{stored.name}: {stored.summary}\n")
    if stored.description:
        click.echo(stored.description + "\n")
    for p in stored.parameters:
        need = "required" if p.required else f"optional, default {p.default}" if p.default else "optional"
        click.echo(f"  --param {p.name}=<{p.type}>  ({need}) {p.description}")
    click.echo(f"columns: {', '.join(stored.columns)}\n")
    click.echo(stored.text.rstrip())


@cli.command()
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
    from gcmkg.graph.push import push as run_push

    pushed = run_push(graph_path, store_url, timeout=timeout, inferred=inferred, progress=progress(quiet))
    click.echo(f"pushed {len(pushed)} graphs, {sum(g.triples for g in pushed)} triples → {store_url}")


# Verbs defined in their own packages (each imports its heavy libraries only when it runs):
cli.add_command(export)
cli.add_command(diff)
cli.add_command(viz)


def main() -> None:
    """Console-script entry point."""
    sys.exit(cli())

"""The ``gcmkg validate`` verb: SHACL validation of a build, pySHACL's exit codes."""

from __future__ import annotations

from pathlib import Path

import click

from gcmkg.graph.clisupport import (
    HUMAN_FORMAT,
    format_option,
    graph_option,
)
from gcmkg.graph.core.errors import GcmkgError


@click.command()
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
    from gcmkg.graph.core.errors import ValidationFailed
    from gcmkg.graph.rdfio.read import union_graph
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

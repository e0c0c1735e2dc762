"""The ``gcmkg`` command: it only assembles the verbs, each of which lives with its feature (``<feature>/command.py``).

Heavy libraries are imported inside the verbs that need them, so ``gcmkg query`` starts quickly.
"""

from __future__ import annotations

import sys

import click

from gcmkg.graph.build.command import build
from gcmkg.graph.clisupport import VerbGroup
from gcmkg.graph.diff.command import diff
from gcmkg.graph.export.command import export
from gcmkg.graph.query.command import describe, prefixes, queries, query, sparql
from gcmkg.graph.remote.command import push
from gcmkg.graph.serve.command import serve
from gcmkg.graph.validation.command import validate
from gcmkg.graph.visualise.command import viz


@click.group(cls=VerbGroup, context_settings={"help_option_names": ["-h", "--help"]})
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
      gcmkg serve                       # a SPARQL endpoint, REST API and pages on 127.0.0.1:8000
    """


for verb in (build, query, sparql, prefixes, describe, validate, queries, push, export, diff, viz, serve):
    cli.add_command(verb)


def main() -> None:
    """Console-script entry point."""
    sys.exit(cli())

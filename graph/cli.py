"""The ``gcmkg`` command: it only assembles the verbs, each of which lives with its feature (``<feature>/command.py``).

Each verb's module is imported when that verb runs (or ``--help`` lists them), and heavy libraries inside the
verbs that need them, so ``gcmkg query`` starts quickly.
"""

from __future__ import annotations

import sys

import click

from gcmkg.graph.clisupport import LazyVerbGroup

# each verb -> where it is defined (graph/<feature>/command.py)
VERBS = {
    "build": "gcmkg.graph.build.command:build",
    "query": "gcmkg.graph.query.command:query",
    "sparql": "gcmkg.graph.query.command:sparql",
    "prefixes": "gcmkg.graph.query.command:prefixes",
    "describe": "gcmkg.graph.query.command:describe",
    "validate": "gcmkg.graph.validation.command:validate",
    "queries": "gcmkg.graph.query.command:queries",
    "push": "gcmkg.graph.remote.command:push",
    "export": "gcmkg.graph.export.command:export",
    "diff": "gcmkg.graph.diff.command:diff",
    "viz": "gcmkg.graph.visualise.command:viz",
    "serve": "gcmkg.graph.serve.command:serve",
}


@click.group(cls=LazyVerbGroup, verbs=VERBS, context_settings={"help_option_names": ["-h", "--help"]})
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


def main() -> None:
    """Console-script entry point."""
    sys.exit(cli())

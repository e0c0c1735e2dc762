"""The files of a build folder (a light module: the query path imports it without rdflib)."""

from __future__ import annotations

DATASET_FILE = "gcmkg.trig"
MERGED_FILE = "gcmkg.ttl"
REPORT_FILE = "build-report.json"
# The persistent Oxigraph store queries open (graph/rdfio/store.py): a folder holding the database and the stamp
# naming the dataset file it was made from. A cache of DATASET_FILE, not byte-stable; remade when stale.
STORE_DIR = "store"
# The same for --no-inferred: the asserted graphs only (no graph:inferred), their union in the default graph.
# Made by the first query that needs it, in the generation of the dataset file it was made from.
ASSERTED_STORE_DIR = "store-asserted"

# The named graph (under https://w3id.org/gcmkg/graph/) holding what reasoning adds to the asserted graphs.
INFERRED_GRAPH = "inferred"

# The named graph gcmkg push leaves on a server: the graphs of the build it pushed (dcterms:hasPart), each
# with its triple count (void:triples). Queries with --endpoint name those graphs as the dataset.
PUSH_RECORD_GRAPH = "pushed"

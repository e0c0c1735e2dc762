"""Generate ``graph/core/vocab.py``, the closed ``gcm:`` namespace, from ``ontology/gcm.ttl``.

Run ``python -m gcmkg.graph.core.vocabgen > graph/core/vocab.py`` after changing the ontology; a test fails
while the committed module and the ontology disagree.
"""

from __future__ import annotations

import sys

from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from gcmkg.graph.core.ids import ONTOLOGY_NS
from gcmkg.graph.core.resources import ontology_file

_KINDS = (
    (OWL.Class, "Classes"),
    (OWL.ObjectProperty, "Object properties"),
    (OWL.DatatypeProperty, "Datatype properties"),
)

_HEADER = '''"""The gcm: ontology terms as a closed namespace: a typo fails where it is used.

Generated from ontology/gcm.ttl by ``python -m gcmkg.graph.core.vocabgen > graph/core/vocab.py``; do not edit.
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class GCM(DefinedNamespace):
    """Terms of the gcmkg ontology, https://w3id.org/gcmkg/ontology#."""

    _NS = Namespace("{ns}")
    _fail = True'''


def ontology_terms(graph: Graph) -> dict[str, list[tuple[str, str]]]:
    """Local names and labels of the ontology's classes and properties, by kind, sorted."""
    terms: dict[str, list[tuple[str, str]]] = {}
    for kind, heading in _KINDS:
        found = []
        for subject in set(graph.subjects(RDF.type, kind)):
            if isinstance(subject, URIRef) and str(subject).startswith(ONTOLOGY_NS):
                label = graph.value(subject, RDFS.label) or graph.value(subject, SKOS.prefLabel) or ""
                found.append((str(subject)[len(ONTOLOGY_NS) :], str(label)))
        terms[heading] = sorted(found)
    return terms


def render_module(graph: Graph) -> str:
    """The Python source of the namespace module for an ontology graph."""
    lines = [_HEADER.format(ns=ONTOLOGY_NS)]
    for heading, terms in ontology_terms(graph).items():
        lines.append(f"\n    # {heading}")
        lines.extend(f"    {name}: URIRef  # {label}" for name, label in terms)
    return "\n".join(lines) + "\n"


def main() -> None:
    graph = Graph().parse(ontology_file(), format="turtle")
    sys.stdout.write(render_module(graph))


if __name__ == "__main__":
    main()

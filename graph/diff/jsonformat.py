"""Render a release diff as JSON: what the Markdown notes say, whole (no list capped, no literal cut).

Keys come in a fixed order; statements are N-Triples lines (``<s> <p> "o"@en .``), so the ``added`` and
``removed`` lists of a changed entity or of ``other`` can be read back by any RDF parser.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from gcmkg.graph.diff.model import ClassChanges, Entity, ReleaseDiff, short_name
from gcmkg.graph.diff.reading import Triple

JsonObject = dict[str, object]


def _ntriples(term: Node) -> str:
    if isinstance(term, URIRef):
        return str(ox.NamedNode(term))
    if isinstance(term, BNode):
        return str(ox.BlankNode(term))
    assert isinstance(term, Literal)
    datatype = ox.NamedNode(term.datatype) if term.datatype else None
    return str(ox.Literal(str(term), language=term.language, datatype=datatype))


def _statements(triples: Sequence[Triple]) -> list[str]:
    return [" ".join(_ntriples(term) for term in triple) + " ." for triple in triples]


def _entity(entity: Entity) -> JsonObject:
    return {"iri": entity.iri, "name": short_name(entity.iri), "label": entity.label}


def _class(changes: ClassChanges) -> JsonObject:
    return {
        "class": short_name(changes.iri),
        "iri": changes.iri,
        "statements_added": changes.statements_added,
        "statements_removed": changes.statements_removed,
        "entities_added": [_entity(entity) for entity in changes.added],
        "entities_removed": [_entity(entity) for entity in changes.removed],
        "entities_changed": [
            {**_entity(item.entity), "added": _statements(item.added), "removed": _statements(item.removed)}
            for item in changes.changed
        ],
    }


def render_json(diff: ReleaseDiff) -> str:
    """``diff`` as one JSON object: old, new, compared, notes, differs, summary, classes, other."""
    document = {
        "old": diff.old,
        "new": diff.new,
        "compared": {"inferred": diff.inferred, "provenance": diff.provenance},
        "notes": list(diff.notes),
        "differs": diff.differs,
        "summary": diff.totals(),
        "classes": [_class(changes) for changes in diff.classes],
        "other": {"added": _statements(diff.other_added), "removed": _statements(diff.other_removed)},
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"

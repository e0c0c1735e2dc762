"""Group the changed statements by entity and class: the entities are the IRI subjects with an rdf:type.

An entity typed only in NEW is added, one typed only in OLD removed, one typed in both with statements
about it (it is their subject) added or removed is changed. Each entity is listed under one class: the
most specific of its types (none of its other types is a subclass of it, by rdfs:subClassOf in OLD or
NEW, transitively), the first by compact name if several remain; the types it has in NEW, or in OLD if
it was removed. Statements whose subject is not a typed entity are the "other statements".
Labels: skos:prefLabel, else rdfs:label, else dcterms:title; English, else without a language tag. A part of a
document without a label (a passage, mention, statistic …) is named by what it is and the document's title.
Everything is sorted, numbers in IRIs and literals in numeric order (passage/2 before passage/10).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import chain

from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS
from rdflib.term import Node

from gcmkg.graph.core import ids
from gcmkg.graph.diff.compare import Comparison
from gcmkg.graph.diff.model import ChangedEntity, ClassChanges, Entity, ReleaseDiff, short_name
from gcmkg.graph.diff.reading import Side, Triple

_LABELS = (SKOS.prefLabel, RDFS.label, DCTERMS.title)
_DOCUMENTS = ids.ID + "document/"
_DIGITS = re.compile(r"(\d+)")

NaturalKey = tuple[tuple[str | int, ...], str]


def natural_key(text: str) -> NaturalKey:
    """A sort key putting the numbers in ``text`` in numeric order ('passage/2' before 'passage/10'), then the
    text itself (so 'x/01' and 'x/1' still have an order)."""
    return tuple(int(part) if index % 2 else part for index, part in enumerate(_DIGITS.split(text))), text


def statement_key(triple: Triple) -> tuple[NaturalKey, ...]:
    """Sort statements by subject, predicate and object, naturally."""
    return tuple(natural_key(term.n3()) for term in triple)


@dataclass(frozen=True)
class _Index:
    """One side's types (IRI subjects and classes only) and labels."""

    types: dict[URIRef, set[URIRef]]
    labels: dict[URIRef, str]


def _english_or_plain(literal: Literal) -> bool:
    return literal.language is None or literal.language.lower().split("-")[0] == "en"


def _index(statements: Iterable[Triple]) -> _Index:
    types: dict[URIRef, set[URIRef]] = defaultdict(set)
    candidates: dict[URIRef, list[tuple[int, bool, str]]] = defaultdict(list)
    for subject, predicate, obj in statements:
        if not isinstance(subject, URIRef):
            continue
        if predicate == RDF.type and isinstance(obj, URIRef):
            types[subject].add(obj)
        elif predicate in _LABELS and isinstance(obj, Literal) and _english_or_plain(obj):
            candidates[subject].append((_LABELS.index(predicate), obj.language is None, str(obj)))
    return _Index(dict(types), {subject: min(found)[2] for subject, found in candidates.items()})


def _name(subject: URIRef, labels: Mapping[URIRef, str]) -> str | None:
    """``subject``'s label; for an unlabelled part of a document (a passage, mention, statistic …), what it is in
    which document, by the document's title ('passage 3 of "Report of the 2020 review"'); else None."""
    if subject in labels:
        return labels[subject]
    stem, _, part = str(subject).removeprefix(_DOCUMENTS).partition("/")
    title = labels.get(URIRef(_DOCUMENTS + stem))
    if not str(subject).startswith(_DOCUMENTS) or not part or title is None:
        return None
    return f'{part.replace("/", " ")} of "{title}"'


def _superclasses(statements: Iterable[Triple]) -> dict[URIRef, set[URIRef]]:
    """Each class's superclasses by rdfs:subClassOf, transitively."""
    parents: dict[URIRef, set[URIRef]] = defaultdict(set)
    for subject, predicate, obj in statements:
        if predicate == RDFS.subClassOf and isinstance(subject, URIRef) and isinstance(obj, URIRef):
            parents[subject].add(obj)
    closure: dict[URIRef, set[URIRef]] = {}
    for cls in parents:
        seen: set[URIRef] = set()
        todo = [cls]
        while todo:
            for parent in parents.get(todo.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        closure[cls] = seen
    return closure


def _class_of(types: set[URIRef], superclasses: dict[URIRef, set[URIRef]]) -> URIRef:
    """The most specific of ``types`` (the first by compact name if several are)."""

    def more_general(cls: URIRef, other: URIRef) -> bool:
        return cls in superclasses.get(other, ()) and other not in superclasses.get(cls, ())

    specific = [cls for cls in types if not any(more_general(cls, other) for other in types)]
    return min(specific, key=lambda cls: (short_name(cls), cls))


@dataclass
class _Bucket:
    """One class's changes while they are collected."""

    added: list[Entity] = field(default_factory=list)
    removed: list[Entity] = field(default_factory=list)
    changed: list[ChangedEntity] = field(default_factory=list)
    statements_added: int = 0
    statements_removed: int = 0

    def freeze(self, iri: str) -> ClassChanges:
        def by_iri(entities: list[Entity]) -> tuple[Entity, ...]:
            return tuple(sorted(entities, key=lambda entity: natural_key(entity.iri)))

        changed = sorted(self.changed, key=lambda item: natural_key(item.entity.iri))
        return ClassChanges(
            iri,
            by_iri(self.added),
            by_iri(self.removed),
            tuple(changed),
            self.statements_added,
            self.statements_removed,
        )


def _by_subject(statements: frozenset[Triple]) -> dict[Node, tuple[Triple, ...]]:
    grouped: dict[Node, list[Triple]] = defaultdict(list)
    for triple in statements:
        grouped[triple[0]].append(triple)
    return {subject: tuple(sorted(found, key=statement_key)) for subject, found in grouped.items()}


def release_diff(old: Side, new: Side, comparison: Comparison, inferred: bool, provenance: bool) -> ReleaseDiff:
    """The changes from ``old`` to ``new`` grouped by entity and class (see the module notes)."""
    before, after = _index(comparison.old), _index(comparison.new)
    superclasses = _superclasses(chain(comparison.old, comparison.new))
    added, removed = _by_subject(comparison.added), _by_subject(comparison.removed)
    typed = before.types.keys() | after.types.keys()
    buckets: dict[URIRef, _Bucket] = defaultdict(_Bucket)
    for subject in typed:
        plus, minus = added.get(subject, ()), removed.get(subject, ())
        typed_before, typed_after = subject in before.types, subject in after.types
        if typed_before and typed_after and not plus and not minus:
            continue
        side = after if typed_after else before
        bucket = buckets[_class_of(side.types[subject], superclasses)]
        entity = Entity(str(subject), _name(subject, side.labels))
        if not typed_before:
            bucket.added.append(entity)
        elif not typed_after:
            bucket.removed.append(entity)
        else:
            bucket.changed.append(ChangedEntity(entity, plus, minus))
        bucket.statements_added += len(plus)
        bucket.statements_removed += len(minus)

    def other(statements: frozenset[Triple]) -> tuple[Triple, ...]:
        return tuple(sorted((t for t in statements if t[0] not in typed), key=statement_key))

    classes = tuple(
        buckets[cls].freeze(str(cls)) for cls in sorted(buckets, key=lambda cls: natural_key(short_name(cls)))
    )
    return ReleaseDiff(
        old.name,
        new.name,
        inferred,
        provenance,
        comparison.notes,
        classes,
        other(comparison.added),
        other(comparison.removed),
    )

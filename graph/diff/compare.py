"""Compare the statements of OLD and NEW as graphs: blank nodes relabelled from their content first.

A build labels its blank nodes canonically, but a file read back (``[ ... ]`` in Turtle, JSON-LD) gets
fresh labels from the parser; rdflib.compare's canonical labels make the same structure compare equal,
so relabelling is never reported as a change. Only the statements holding a blank node are relabelled
(the canonical labels depend on nothing else).

When one side has named graphs and the other has none (a build against its merged Turtle file), the
statements the first holds only in its left-out graphs are left out of the second too, so that
graph:inferred and graph:build are not reported as data (blank-node statements of those graphs excepted:
builds have none).
"""

from __future__ import annotations

from dataclasses import dataclass

from gcmkg.graph.diff.reading import Side, Triple
from gcmkg.graph.rdfio.canonical import canonical_triples, has_blank_nodes


@dataclass(frozen=True)
class Comparison:
    """The statements of OLD and NEW as compared (blank nodes canonical), and notes on how they were read."""

    old: frozenset[Triple]
    new: frozenset[Triple]
    notes: tuple[str, ...]

    @property
    def added(self) -> frozenset[Triple]:
        return self.new - self.old

    @property
    def removed(self) -> frozenset[Triple]:
        return self.old - self.new


def canonical(statements: frozenset[Triple]) -> frozenset[Triple]:
    """``statements`` with their blank nodes labelled from their content (RDFC-1.0, ``rdfio.canonical``)."""
    with_blank = [triple for triple in statements if has_blank_nodes([triple])]
    if not with_blank:
        return statements
    return statements.difference(with_blank) | frozenset(canonical_triples(with_blank))


def _aligned(side: Side, other: Side) -> tuple[frozenset[Triple], tuple[str, ...]]:
    """The statements of ``side`` to compare with ``other``, and a note if some were left out to match it."""
    if side.named_graphs or not other.named_graphs or not other.left_out:
        return side.statements, ()
    note = (
        f"{side.role} has no named graphs: the statements {other.role} holds only in the graphs left out "
        f"were left out of {side.role} too."
    )
    return side.statements - other.left_out, (note,)


def compare(old: Side, new: Side) -> Comparison:
    """OLD and NEW ready to compare: aligned (see the module notes) and with canonical blank nodes."""
    old_statements, old_notes = _aligned(old, new)
    new_statements, new_notes = _aligned(new, old)
    notes = old_notes + new_notes
    if not old.named_graphs and not new.named_graphs:
        notes += ("OLD and NEW have no named graphs: every statement of both is compared.",)
    return Comparison(canonical(old_statements), canonical(new_statements), notes)

"""Query answers for Python: rows of Python values (ints, strings, dates; IRIs as strings), a pandas DataFrame on
request, and an HTML table in Jupyter; a described entity with its own HTML view."""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from pyoxigraph import BlankNode, Literal, NamedNode

from gcmkg.graph.query.entity import Description
from gcmkg.graph.query.entity import render as render_description
from gcmkg.graph.query.runner import QueryResult, Term

if TYPE_CHECKING:
    import pandas

XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "negativeInteger",
    "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte", "gYear",
}  # fmt: skip
_CONVERTERS: dict[str, Any] = {
    **{XSD + name: int for name in _INTEGERS},
    XSD + "decimal": Decimal,
    XSD + "double": float,
    XSD + "float": float,
    XSD + "boolean": lambda value: value in ("true", "1"),
    XSD + "date": datetime.date.fromisoformat,
    XSD + "dateTime": datetime.datetime.fromisoformat,
}

Value = str | int | float | bool | Decimal | datetime.date | None


def python_value(term: Term | None) -> Value:
    """The Python value of an RDF term: an IRI as its string, a blank node as ``_:id``, a typed literal as int,
    Decimal, float, bool, date or datetime (a year, ``xsd:gYear``, as an int), any other literal as its text;
    None when unbound. A literal whose text does not fit its datatype stays text."""
    if term is None:
        return None
    if isinstance(term, NamedNode):
        return term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    assert isinstance(term, Literal)
    convert = _CONVERTERS.get(term.datatype.value)
    if convert is None:
        return term.value
    try:
        value: Value = convert(term.value)
    except (ValueError, InvalidOperation):
        return term.value
    return value


@dataclass(frozen=True)
class Rows(Sequence[tuple[Value, ...]]):
    """The rows of an answer as tuples of Python values, in the order of ``columns``.

    ``truncated_at`` is the row limit the rows were cut at (None: they are all here); ``notes`` say why there
    are none, when that is known (a year with no review, a session its review does not have)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]
    truncated_at: int | None = None
    notes: tuple[str, ...] = field(default=())

    @classmethod
    def of(cls, result: QueryResult) -> Rows:
        """The rows of a query result, converted with ``python_value``."""
        rows = tuple(tuple(python_value(term) for term in row) for row in result.rows)
        return cls(result.columns, rows, result.truncated_at, result.notes)

    def __getitem__(self, index: int) -> tuple[Value, ...]:  # type: ignore[override]
        return self.rows[index]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[tuple[Value, ...]]:
        return iter(self.rows)

    def records(self) -> list[dict[str, Value]]:
        """Each row as a dict from column name to value."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def to_pandas(self) -> pandas.DataFrame:
        """The rows as a pandas DataFrame (``pip install 'gcmkg[pandas]'``)."""
        try:
            import pandas
        except ImportError:
            raise ImportError("Rows.to_pandas needs pandas: pip install 'gcmkg[pandas]'") from None
        return pandas.DataFrame(list(self.rows), columns=list(self.columns))

    def _repr_html_(self) -> str:
        from gcmkg.graph.serve.markup import fragment

        return fragment("rows.html", rows=self)


@dataclass(frozen=True)
class Entity:
    """What a build says about one entity (``KnowledgeGraph.describe``): its description, printed as the
    ``gcmkg describe`` table, shown in Jupyter as the server's entity page shows it."""

    description: Description

    @property
    def iri(self) -> str:
        return self.description.iri

    @property
    def types(self) -> list[str]:
        return self.description.types

    @property
    def labels(self) -> list[str]:
        return self.description.labels

    @property
    def properties(self) -> list[tuple[str, Value]]:
        """Each (property IRI, value) the entity has."""
        return [(s.property, python_value(s.other)) for s in self.description.statements]  # type: ignore[arg-type]

    @property
    def links(self) -> list[tuple[str, Value]]:
        """Each (property IRI, subject) that points at the entity."""
        return [(s.property, python_value(s.other)) for s in self.description.links]  # type: ignore[arg-type]

    def __str__(self) -> str:
        return render_description(self.description, "table")

    def to_turtle(self) -> str:
        """The entity's statements and those pointing at it, as Turtle."""
        return render_description(self.description, "turtle")

    def _repr_html_(self) -> str:
        from gcmkg.graph.serve.markup import fragment

        return fragment("description.html", description=self.description)

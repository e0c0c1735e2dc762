"""The SKOS concept schemes of reference data: the 23 GCM objectives and the guiding principles."""

from __future__ import annotations

from pathlib import Path

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SKOS, XSD

from gcmkg.graph.core import ids
from gcmkg.graph.core.vocab import GCM
from gcmkg.loaders.table import Row, read_table, unique

OBJECTIVE_COUNT = 23


def _check_numbering(rows: list[Row], column: str, expected: range, what: str) -> None:
    """Numbers in ``column`` are unique and exactly ``expected``."""
    unique(rows, column)
    found = {row.integer(column) for row in rows}
    if found != set(expected):
        missing = sorted(set(expected) - found)
        extra = sorted(found - set(expected))
        raise rows[-1].error(f"{what} numbers: missing {missing}, unexpected {extra}")


def objectives_graph(path: Path) -> Graph:
    """The objectives concept scheme from ``objectives.csv`` (number,title), checked 1-23 complete."""
    rows = read_table(path, ("number", "title"))
    _check_numbering(rows, "number", range(1, OBJECTIVE_COUNT + 1), "objective")
    unique(rows, "title")
    graph = Graph()
    scheme = URIRef(ids.scheme("objectives"))
    for row in rows:
        number = row.integer("number")
        concept = URIRef(ids.objective(number))
        graph.add((concept, RDF.type, GCM.Objective))
        graph.add((concept, SKOS.inScheme, scheme))
        graph.add((concept, SKOS.topConceptOf, scheme))
        graph.add((scheme, SKOS.hasTopConcept, concept))
        graph.add((concept, SKOS.prefLabel, Literal(row.text("title"), lang="en")))
        graph.add((concept, SKOS.altLabel, Literal(f"Objective {number}", lang="en")))
        graph.add((concept, SKOS.notation, Literal(str(number))))
        graph.add((concept, GCM.objectiveNumber, Literal(number, datatype=XSD.integer)))
    return graph


def principles_graph(path: Path) -> Graph:
    """The guiding-principles concept scheme from ``principles.csv`` (id,order,label,definition,phrasings);
    the phrasings the GCM uses for a principle become its alternative labels."""
    rows = read_table(path, ("id", "order", "label", "definition", "phrasings"))
    unique(rows, "id")
    unique(rows, "label")
    _check_numbering(rows, "order", range(1, len(rows) + 1), "principle order")
    graph = Graph()
    scheme = URIRef(ids.scheme("principles"))
    for row in rows:
        concept = URIRef(ids.principle(row.text("id")))
        graph.add((concept, RDF.type, GCM.GuidingPrinciple))
        graph.add((concept, SKOS.inScheme, scheme))
        graph.add((concept, SKOS.topConceptOf, scheme))
        graph.add((scheme, SKOS.hasTopConcept, concept))
        graph.add((concept, SKOS.prefLabel, Literal(row.text("label"), lang="en")))
        graph.add((concept, SKOS.definition, Literal(row.text("definition"), lang="en")))
        graph.add((concept, GCM.principleOrder, Literal(row.integer("order"), datatype=XSD.integer)))
        for phrasing in row.items("phrasings"):
            graph.add((concept, SKOS.altLabel, Literal(phrasing, lang="en")))
    return graph

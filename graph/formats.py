"""Render query results: an aligned table for people; CSV, TSV and SPARQL 1.1 JSON for machines."""

from __future__ import annotations

import csv
import io
import json

from pyoxigraph import BlankNode, NamedNode

from gcmkg.graph.query import QueryResult, Term

FORMATS = ("table", "csv", "tsv", "json")
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def plain(term: Term | None) -> str:
    """The value a person reads: IRI or lexical form, '' when unbound."""
    return "" if term is None else term.value


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    cell = {"type": "literal", "value": term.value}
    if term.language:
        cell["xml:lang"] = term.language
    elif term.datatype.value not in (XSD_STRING, RDF_LANG_STRING):
        cell["datatype"] = term.datatype.value
    return cell


def to_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON."""
    bindings = [
        {name: _json_term(term) for name, term in zip(result.columns, row, strict=True) if term is not None}
        for row in result.rows
    ]
    document = {"head": {"vars": list(result.columns)}, "results": {"bindings": bindings}}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def to_delimited(result: QueryResult, delimiter: str) -> str:
    """SPARQL 1.1 CSV (plain values) or TSV (RDF term syntax, as the TSV results format asks)."""
    buffer = io.StringIO()
    if delimiter == "\t":
        buffer.write("\t".join(f"?{name}" for name in result.columns) + "\n")
        for row in result.rows:
            buffer.write("\t".join("" if term is None else str(term) for term in row) + "\n")
        return buffer.getvalue()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(result.columns)
    writer.writerows([plain(term) for term in row] for row in result.rows)
    return buffer.getvalue()


def to_table(result: QueryResult) -> str:
    """Columns padded to their widest cell, a rule under the header, and a row count."""
    cells = [list(result.columns)] + [[plain(term) for term in row] for row in result.rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(result.columns))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    count = len(result.rows)
    lines.append(f"({count} row{'s' if count != 1 else ''})")
    return "\n".join(lines) + "\n"


def render(result: QueryResult, output_format: str) -> str:
    """``result`` in one of FORMATS."""
    if output_format == "table":
        return to_table(result)
    if output_format == "json":
        return to_json(result)
    return to_delimited(result, "\t" if output_format == "tsv" else ",")

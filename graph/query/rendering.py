"""Render query results: an aligned table for people (IRIs compacted with the project's prefixes, documents by
title); CSV, TSV and SPARQL 1.1 JSON for machines (full IRIs).

CSV is for spreadsheets, so it is spreadsheet-safe (OWASP "CSV Injection"): a cell that starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return, which a spreadsheet would read as a formula,
gets a single quote in front (``'=HYPERLINK(...)``). A number (``-12``, ``+3.5``, ``-1e3``) is left as
it is: it cannot be a formula, and escaping it would turn it into text. The SPARQL 1.1 CSV results
format has no such escaping, so a CSV cell is the value with that one difference.

TSV is not escaped: it is the SPARQL 1.1 TSV results format, whose cells are RDF terms in their own
syntax (``"text"``, ``"7"^^<...#integer>``, ``<iri>``, ``_:b0``), for programs that read the terms back;
a leading quote would change the term. No TSV cell starts with a formula character, but a
spreadsheet may strip the quotes of a ``"=..."`` literal on import, so use csv for spreadsheets.

A SELECT result cut at the row limit says so: the table's last line, and ``limit_message`` for the
other formats (which the CLI writes to stderr, leaving the CSV, TSV or JSON valid). An ASK result is
``true`` or ``false`` on a line of its own, or the SPARQL JSON boolean result.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence

from pyoxigraph import BlankNode, NamedNode

from gcmkg.graph.core.prefixes import compact
from gcmkg.graph.query.runner import DOCUMENT_COLUMNS, AskResult, QueryResult, Term

FORMATS = ("table", "csv", "tsv", "json")  # of the CLI; gcmkg serve also answers "xml"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def spreadsheet_safe(cell: str) -> str:
    """``cell`` with a single quote in front if a spreadsheet would read it as a formula; numbers unchanged."""
    if cell.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def limit_message(result: QueryResult) -> str | None:
    """What to say about a result cut at the row limit; None if it holds every row."""
    if result.truncated_at is None:
        return None
    return f"stopped at the {result.truncated_at}-row limit; use --limit 0 for all"


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


def to_xml(result: QueryResult | AskResult) -> str:
    """SPARQL Query Results XML Format (second edition)."""
    from xml.etree import ElementTree

    root = ElementTree.Element("sparql", xmlns="http://www.w3.org/2005/sparql-results#")
    head = ElementTree.SubElement(root, "head")
    if isinstance(result, AskResult):
        ElementTree.SubElement(root, "boolean").text = "true" if result.value else "false"
        return ElementTree.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
    for name in result.columns:
        ElementTree.SubElement(head, "variable", name=name)
    results = ElementTree.SubElement(root, "results")
    for row in result.rows:
        solution = ElementTree.SubElement(results, "result")
        for name, term in zip(result.columns, row, strict=True):
            if term is None:
                continue
            cell = _json_term(term)
            binding = ElementTree.SubElement(solution, "binding", name=name)
            kind = {"uri": "uri", "bnode": "bnode"}.get(cell["type"], "literal")
            value = ElementTree.SubElement(binding, kind)
            value.text = cell["value"]
            if "xml:lang" in cell:
                value.set("xml:lang", cell["xml:lang"])
            elif "datatype" in cell:
                value.set("datatype", cell["datatype"])
    return ElementTree.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def to_delimited(result: QueryResult, delimiter: str) -> str:
    """CSV (plain values, spreadsheet-safe) or SPARQL 1.1 TSV (RDF term syntax, as the TSV results format asks)."""
    buffer = io.StringIO()
    if delimiter == "\t":
        buffer.write("\t".join(f"?{name}" for name in result.columns) + "\n")
        for row in result.rows:
            buffer.write("\t".join("" if term is None else str(term) for term in row) + "\n")
        return buffer.getvalue()
    return csv_text(result.columns, ([plain(term) for term in row] for row in result.rows))


def csv_text(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """CSV with a header line, CRLF line ends (RFC 4180) and every cell spreadsheet-safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([spreadsheet_safe(cell) for cell in row] for row in rows)
    return buffer.getvalue()


# Control characters (C0, DEL, C1) a document's text may hold: in a terminal they move the cursor, change
# colours or retitle the window, and a line feed breaks the table's rows.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """``text`` with each control character written as an escape (``\\n``, ``\\x1b``), as Python's repr does."""
    return _CONTROL.sub(lambda match: repr(match.group())[1:-1], text)


def _for_people(result: QueryResult, column: str, term: Term | None) -> str:
    """A cell of the table: a document by its title (``result.titles``), an IRI compacted with the project's
    prefixes (``gcm:State``, ``state:SRB``), anything else as ``plain``; control characters made visible."""
    shown = plain(term)
    if column in DOCUMENT_COLUMNS and shown in result.titles:
        return visible(result.titles[shown])
    return visible(compact(shown) if isinstance(term, NamedNode) else shown)


def to_table(result: QueryResult) -> str:
    """Columns padded to their widest cell, a rule under the header, and a row count; documents by title."""
    rows = [[_for_people(result, c, t) for c, t in zip(result.columns, row, strict=True)] for row in result.rows]
    cells = [list(result.columns), *rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(result.columns))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    count = len(result.rows)
    cut = limit_message(result)
    lines.append(f"({count} row{'s' if count != 1 else ''}{', ' + cut if cut else ''})")
    return "\n".join(lines) + "\n"


def render(result: QueryResult | AskResult, output_format: str) -> str:
    """``result`` in one of FORMATS, or "xml" (SPARQL XML results)."""
    if output_format == "xml":
        return to_xml(result)
    if isinstance(result, AskResult):
        if output_format == "json":
            return json.dumps({"head": {}, "boolean": result.value}, indent=2) + "\n"
        return ("true" if result.value else "false") + "\n"
    if output_format == "table":
        return to_table(result)
    if output_format == "json":
        return to_json(result)
    return to_delimited(result, "\t" if output_format == "tsv" else ",")

"""Footnote labels (markup.py, cleaning.py, segmenting.py, emit.py, graph/core/ids.py): a footnote is labelled as its
document prints it, a number ("3") or a letter ("a"), whatever the mark looks like ("[fn 3]", "(ref. 3)", "b/",
"[c]"). Texts written for these tests; expected values worked out by hand."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from rdflib import RDF, Graph, Literal, URIRef

from gcmkg.graph.cli import cli
from gcmkg.graph.core import ids
from gcmkg.graph.core.vocab import GCM
from gcmkg.loaders.documents.cleaning import clean
from gcmkg.loaders.documents.segmenting import segment


def _marks_and_notes(raw: str) -> tuple[list[tuple[str, list[str]]], dict[str, str]]:
    segmented = segment(clean(raw))
    passages = [(p.text, [ref.label for ref in p.refs]) for p in segmented.passages]
    return passages, {note.label: note.text for note in segmented.footnotes}


def test_lettered_marks_in_square_brackets_and_their_sources() -> None:
    raw = (
        "Crossings on the northern route doubled [a] while the coast guard's own count [b] fell by half.\n\n"
        "Sources\n\n"
        "[a] Border agency, yearly bulletin: https://example.org/bulletin\n\n"
        "[b] Coast guard, statistics page: https://example.org/coast\n"
    )
    passages, notes = _marks_and_notes(raw)
    assert passages[0] == (
        "Crossings on the northern route doubled while the coast guard's own count fell by half.",
        ["a", "b"],
    )
    assert notes == {
        "a": "Border agency, yearly bulletin: https://example.org/bulletin",
        "b": "Coast guard, statistics page: https://example.org/coast",
    }


def test_a_lettered_slash_mark_after_a_word() -> None:
    raw = "She cited the Harbour Register c/ and the port statistics.\n\nc/ See https://example.org/harbour\n"
    passages, notes = _marks_and_notes(raw)
    assert passages == [("She cited the Harbour Register and the port statistics.", ["c"])]
    assert notes == {"c": "See https://example.org/harbour"}


def test_an_editors_letter_glued_to_a_word_is_no_mark() -> None:
    passages, notes = _marks_and_notes("The delegation[s] welcomed the plan and/or its annex.\n")
    assert passages == [("The delegation[s] welcomed the plan and/or its annex.", [])]
    assert notes == {}


def test_notes_named_by_an_abbreviation_and_their_number() -> None:
    raw = (
        "Remittances reached a record in 2040 [fn 1]. The survey covered nine ports (ref. 2).\n\n"
        "fn 1: https://example.org/remittances\n\n"
        "ref. 2 – Port survey: https://example.org/ports\n"
    )
    passages, notes = _marks_and_notes(raw)
    assert passages[0] == ("Remittances reached a record in 2040. The survey covered nine ports.", ["1", "2"])
    assert notes == {"1": "https://example.org/remittances", "2": "Port survey: https://example.org/ports"}


def test_a_number_in_brackets_with_other_words_is_no_mark() -> None:
    passages, _ = _marks_and_notes("The fund (ref. number pending) and Article 7(2) apply [see annex].\n")
    assert passages == [("The fund (ref. number pending) and Article 7(2) apply [see annex].", [])]


def test_lettered_table_notes_and_numbered_footnotes_in_one_document() -> None:
    raw = (
        "Table 2. Stays by region\n\n"
        "Coastal provinces rose by a third. b/\n\n"
        "Mountain provinces were steady.<sup>1</sup>\n\n"
        "b/ Provisional figures.\n\n"
        "<sup>1</sup> See https://example.org/provinces.\n"
    )
    passages, notes = _marks_and_notes(raw)
    assert ("Coastal provinces rose by a third.", ["b"]) in passages
    assert ("Mountain provinces were steady.", ["1"]) in passages
    assert list(notes) == ["1", "b"]  # numbered notes first, then lettered ones
    assert notes == {"1": "See https://example.org/provinces.", "b": "Provisional figures."}


def test_footnote_iris_keep_their_number_and_take_a_letter() -> None:
    assert ids.footnote("d", "3") == "https://w3id.org/gcmkg/id/document/d/footnote/3"
    assert ids.footnote("d", "a") == "https://w3id.org/gcmkg/id/document/d/footnote/a"
    assert ids.citation("d", "a", 2) == "https://w3id.org/gcmkg/id/document/d/footnote/a/citation/2"


_MIXED = (
    "Report of a consultation on seasonal work\n\n"
    "Harvest workers from Moldova numbered 4,100 in 2041.<sup>1</sup> Their contracts ran for five months [a].\n\n"
    "Pickers' wages were set by the regional board.<sup>2</sup>\n\n"
    "[a] Labour inspectorate register: https://example.org/register\n\n"
    "<sup>1</sup> https://example.org/harvest-workers\n\n"
    "<sup>2</sup> https://example.org/wage-board\n"
)


def test_a_build_labels_every_footnote_and_numbers_only_the_numbered_ones(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "seasonal_note.txt").write_text(_MIXED, encoding="utf-8")
    (corpus / "manifest.csv").write_text(
        "file,title,kind,event,date,place,language\n"
        "seasonal_note.txt,Consultation on seasonal work,report,Regional Review of the GCM for the ECE region,"
        "2041-05-02,Geneva,en\n",
        encoding="utf-8",
    )
    out = tmp_path / "build"
    result = CliRunner().invoke(cli, ["build", "--corpus", str(corpus), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output  # the build validates: the shapes accept a lettered footnote
    data = Graph()
    data.parse(out / "gcmkg.ttl", format="turtle")
    footnotes = {
        str(node): (str(data.value(node, GCM.footnoteLabel)), data.value(node, GCM.footnoteNumber))
        for node in data.subjects(RDF.type, GCM.Footnote, unique=True)
    }
    doc = "https://w3id.org/gcmkg/id/document/seasonal_note/footnote/"
    assert footnotes == {
        doc + "1": ("1", Literal(1)),
        doc + "2": ("2", Literal(2)),
        doc + "a": ("a", None),
    }
    assert (URIRef(doc + "a/citation/1"), GCM.citationFootnote, URIRef(doc + "a")) in data
    rows = CliRunner().invoke(cli, ["query", "citations", "--graph", str(out), "--format", "csv"])
    assert rows.exit_code == 0, rows.output
    labels = [line.split(",")[2] for line in rows.output.splitlines()[1:]]
    assert labels == ["1", "2", "a"]

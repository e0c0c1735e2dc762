"""Extraction quality, measured against the hand-written gold set of tests/gold (issue 3, point 8).

The corpus is built once; tests/gold/score.py compares the build with the gold facts. Precision and
recall must reach 0.95 in every category. The gold set itself and the scorer's arithmetic are tested
too, without a build.
"""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store

from tests.conftest import CORPUS, REPO_ROOT
from tests.gold import score as scorer
from tests.test_ontology import ROLES

# Scores the build of the shared corpus against the gold set: part of the slow set.
pytestmark = pytest.mark.slow

#: Issue 3 set 0.95 for sessions, participation, attendance and objectives; issue 12 set 0.97 for mentions
#: (and those only context reads right), initiatives of funds with their objectives, and citations; issue 13
#: set 0.95 for statistics and for the people of the 2024 report with their roles (and affiliations).
THRESHOLDS = {
    "sessions": 0.95,
    "participation": 0.95,
    "attendance": 0.95,
    "objectives": 0.95,
    "mentions": 0.97,
    "context": 0.97,
    "initiatives": 0.97,
    "initiative-objectives": 0.97,
    "citations": 0.97,
    "statistics": 0.95,
    "people": 0.95,
    "affiliations": 0.95,
    "contributions": 0.95,
}
GOLD = Path(scorer.__file__).resolve().parent
REFERENCE = REPO_ROOT / "loaders" / "reference" / "data"


# --------------------------------------------------------------------------- the build, scored


@pytest.fixture(scope="session")
def quality(corpus_build: Path) -> scorer.Report:
    return scorer.score_build(corpus_build)


def test_every_gold_quote_names_one_passage_of_the_build(quality: scorer.Report) -> None:
    assert quality.errors == [], "\n".join(quality.errors)


@pytest.mark.parametrize("category", scorer.CATEGORIES)
def test_precision_and_recall_reach_the_target(quality: scorer.Report, category: str) -> None:
    s = quality.scores[category]
    detail = "\n".join(
        [f"false positives ({s.fp}):", *s.false_positives(), f"false negatives ({s.fn}):", *s.false_negatives()]
    )
    threshold = THRESHOLDS[category]
    assert s.recall is not None and s.recall >= threshold, f"{category} recall {s.recall}\n{detail}"
    assert s.precision is not None and s.precision >= threshold, f"{category} precision {s.precision}\n{detail}"


def test_what_a_found_gold_figure_counts_reads_alone(corpus_build: Path) -> None:
    """Issue 13: every gold figure the build finds says what it counts in a phrase that holds the gold phrase's
    head noun and neither starts nor ends with a function word or punctuation."""
    from gcmkg.graph.rdfio.store import open_store

    assert scorer.measures_problems(open_store(corpus_build), scorer.load_gold()) == []


def test_every_category_has_a_threshold() -> None:
    assert set(THRESHOLDS) == set(scorer.CATEGORIES)


# --------------------------------------------------------------------------- the gold set itself


def _reference_keys() -> set[str]:
    def rows(name: str) -> list[dict[str, str]]:
        with (REFERENCE / name).open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    keys = {f"state/{r['alpha3']}" for r in rows("states.csv")}
    keys |= {f"organisation/{r['id']}" for r in rows("organisations.csv")}
    keys |= {f"initiative/{r['id']}" for r in rows("initiatives.csv")}
    keys |= {f"process/{r['id']}" for r in rows("processes.csv")}
    keys |= {f"region/{r['id']}" for r in rows("organisations.csv")}
    return keys


def _funds() -> set[str]:
    with (REFERENCE / "initiatives.csv").open(encoding="utf-8", newline="") as handle:
        return {row["id"] for row in csv.DictReader(handle) if row["type"] == "Fund"}


# Organisations the documents name that the reference data does not hold (minted from the name's slug).
MINTED = {
    "organisation/building-and-woodworkers-association",
    "organisation/united-nations-resident-coordinator-s-office",
    "organisation/delegation-of-the-european-union-to-the-united-nations-and-other-international-organizations-in-geneva",
}


def _known(key: str, reference: set[str]) -> bool:
    return key in reference or key in MINTED or re.fullmatch(r"person/[a-z0-9]+(-[a-z0-9]+)*", key) is not None


def _paragraphs(document: str) -> list[str]:
    text = (CORPUS / f"{document}.txt").read_text(encoding="utf-8")
    return re.split(r"\n\s*\n", text)


def test_gold_files_have_the_documented_columns() -> None:
    expected = {
        "sessions": ["year", "session", "objective", "note"],
        "participation": ["document", "year", "session", "agent", "role", "via", "note"],
        "attendance": ["document", "year", "agent", "note"],
        "mentions": ["document", "quote", "entity", "note"],
        "mention_positives": ["document", "quote", "entity", "note"],
        "mention_negatives": ["document", "quote", "entity", "note"],
        "objectives": ["document", "quote", "objective", "note"],
        "initiatives": ["document", "quote", "fund", "states", "place", "status", "objectives", "note"],
        "citations": ["document", "footnote", "url", "subject", "subject_name", "note"],
        "statistics": [
            "document",
            "quote",
            "surface",
            "value",
            "value_max",
            "unit",
            "period_start",
            "period_end",
            "kind",
            "measures",
            "head",
            "about",
            "note",
        ],
        "people": ["document", "quote", "person", "name", "event", "role", "affiliations", "on_behalf_of", "note"],
        "contributions": ["document", "quote", "agent", "forum", "note"],
    }
    assert set(expected) == set(scorer.GOLD_FILES)
    for name, columns in expected.items():
        with (GOLD / scorer.GOLD_FILES[name]).open(encoding="utf-8", newline="") as handle:
            assert next(csv.reader(handle)) == columns, name


def test_gold_rows_are_unique_and_use_known_keys() -> None:
    gold = scorer.load_gold()
    reference = _reference_keys()
    for name in scorer.GOLD_FILES:
        rows = getattr(gold, name)
        facts = [tuple(v for k, v in row.items() if k != "note") for row in rows]
        assert len(facts) == len(set(facts)), f"{name}: duplicate rows"
    for row in gold.sessions:
        assert row["year"] in {"2020", "2024"} and row["session"] in {"1", "2", "3", "4"}
        assert 1 <= int(row["objective"]) <= 23
    for row in gold.participation:
        assert row["document"] in scorer.PARTICIPATION_DOCUMENTS
        assert row["role"] in ROLES
        assert _known(row["agent"], reference), row
        assert (row["via"] != "") == (row["role"] == "on-behalf-of"), row
        assert row["via"] == "" or _known(row["via"], reference), row
    for row in gold.attendance:
        assert row["document"] in scorer.ATTENDANCE_DOCUMENTS
        assert _known(row["agent"], reference), row
    for row in gold.mentions:
        assert row["document"] in scorer.MENTION_DOCUMENTS
        assert row["entity"] in reference, row
    for row in gold.mention_positives + gold.mention_negatives:
        assert (CORPUS / f"{row['document']}.txt").is_file(), row
        assert row["entity"] in reference, row
    for row in gold.objectives:
        assert row["document"] in scorer.TEXT_DOCUMENTS
        assert 1 <= int(row["objective"]) <= 23
    funds = _funds()
    for row in gold.initiatives:
        assert row["fund"] in funds, row
        assert row["status"] in {"funded", "pipeline", "proposal"}, row
        assert all(f"state/{code}" in reference for code in scorer._items(row["states"])), row
        assert (row["states"] == "") != (row["place"] == ""), row
        assert all(1 <= int(n) <= 23 for n in scorer._items(row["objectives"])), row
    for row in gold.citations:
        assert row["url"].startswith(("http://", "https://")) and " " not in row["url"], row
        subject = row["subject"]
        assert (
            subject in {"", "named", "statistic"}
            or subject in reference
            or re.fullmatch(r"programme/[a-z0-9-]+/[A-Z]{3}(;[A-Z]{3})*", subject)
        ), row
        assert (row["subject_name"] != "") == (subject != ""), row
    units = {"count", "percent", "day", "week", "month", "year"}
    for row in gold.statistics:
        assert row["unit"] in units or re.fullmatch(r"[A-Z]{3}", row["unit"]), row
        assert row["kind"] in {"observed", "target", "threshold", "limit"}, row
        assert Decimal(row["value"]) >= 0 and (
            row["value_max"] == "" or Decimal(row["value_max"]) > Decimal(row["value"])
        )
        for year in (row["period_start"], row["period_end"]):
            assert year == "" or re.fullmatch(r"(?:19|20)\d\d", year), row
        assert row["surface"] in " ".join(_paragraphs(row["document"])), row
    for row in gold.people:
        assert row["document"] in scorer.PEOPLE_DOCUMENTS and row["role"] in ROLES, row
        assert row["event"] in {"opening", "closing", "review", "1", "2", "3", "4"}, row
        assert _known(row["person"], reference), row
        assert all(_known(a, reference) or a.startswith("organisation/") for a in scorer._items(row["affiliations"])), (
            row
        )
    for row in gold.contributions:
        assert _known(row["agent"], reference) and row["forum"], row


def test_gold_quotes_are_short_verbatim_and_name_one_paragraph() -> None:
    gold = scorer.load_gold()
    quoted = gold.mentions + gold.objectives + gold.mention_positives + gold.mention_negatives + gold.initiatives
    for row in quoted + gold.statistics + gold.people + gold.contributions:
        quote = row["quote"]
        assert 10 <= len(quote) <= 60, quote
        assert "<" not in quote and "](" not in quote, quote
        hits = [p for p in _paragraphs(row["document"]) if quote in p]
        assert len(hits) == 1, f"{row['document']}: {quote!r} is in {len(hits)} paragraphs"


def test_facts_of_one_line_share_one_quote() -> None:
    """All facts of a paragraph (or of a list item, agenda row) share one quote, so a paragraph the extractor
    splits in two (e.g. at a footnote block) loses the facts of the part without the quote."""
    gold = scorer.load_gold()
    for rows in (gold.mentions + gold.mention_positives + gold.mention_negatives, gold.objectives, gold.initiatives):
        line_quotes: dict[tuple[str, str], set[str]] = {}
        for row in rows:
            text = (CORPUS / f"{row['document']}.txt").read_text(encoding="utf-8")
            (line,) = [line for line in text.splitlines() if row["quote"] in line]
            line_quotes.setdefault((row["document"], line), set()).add(row["quote"])
        shared = {line[:40]: quotes for (_, line), quotes in line_quotes.items() if len(quotes) > 1}
        assert shared == {}


# --------------------------------------------------------------------------- the scorer


def _passage(document: str, number: int, text: str) -> scorer.Passage:
    return scorer.Passage(f"{scorer.ID}document/{document}/passage/{number}", document, number, text)


def test_map_quote_finds_the_one_passage_containing_the_quote() -> None:
    passages = [_passage("d", 1, "Alpha beta\n gamma."), _passage("d", 2, "Delta."), _passage("e", 1, "Delta.")]
    assert scorer.map_quote("beta gamma", "d", passages).number == 1  # whitespace runs compare as one space
    assert scorer.map_quote("Delta", "d", passages) == passages[1]  # the other document's passage is ignored


def test_map_quote_rejects_a_quote_in_no_passage() -> None:
    with pytest.raises(scorer.QuoteError, match="no passage"):
        scorer.map_quote("epsilon", "d", [_passage("d", 1, "Alpha.")])


def test_map_quote_rejects_a_quote_in_several_passages() -> None:
    with pytest.raises(scorer.QuoteError, match="2 passages"):
        scorer.map_quote("Alpha", "d", [_passage("d", 1, "Alpha."), _passage("d", 2, "Alpha again.")])


def test_metric_arithmetic_on_a_tiny_example() -> None:
    s = scorer.Score("x", gold={("a",), ("b",), ("c",), ("d",)}, predicted={("a",), ("b",), ("e",)})
    assert (s.tp, s.fp, s.fn) == (2, 1, 2)
    assert s.precision == pytest.approx(2 / 3)
    assert s.recall == pytest.approx(1 / 2)
    assert s.f1 == pytest.approx(4 / 7)
    assert s.false_positives() == ["e"] and s.false_negatives() == ["c", "d"]


def test_metrics_without_predictions_or_gold() -> None:
    nothing_predicted = scorer.Score("x", gold={("a",)})
    assert nothing_predicted.precision is None and nothing_predicted.recall == 0 and nothing_predicted.f1 == 0
    nothing_expected = scorer.Score("x", predicted={("a",)})
    assert nothing_expected.recall is None and nothing_expected.precision == 0


GCM = "https://w3id.org/gcmkg/ontology#"
SKOS_PREF_LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"
XSD_INTEGER = NamedNode("http://www.w3.org/2001/XMLSchema#integer")
DOC = "000_7311cc525c900547"


def _tiny_store() -> Store:
    """A hand-made build: one document with two passages, a session, participations, an attendee."""
    doc = f"{scorer.ID}document/{DOC}"
    graph = NamedNode(f"https://w3id.org/gcmkg/graph/document/{DOC}")
    reference = NamedNode("https://w3id.org/gcmkg/graph/reference/objectives")
    store = Store()

    def add(s: str, p: str, o: NamedNode | Literal, g: NamedNode = graph) -> None:
        store.add(Quad(NamedNode(s), NamedNode(GCM + p), o, g))

    def iri(path: str) -> NamedNode:
        return NamedNode(scorer.ID + path)

    for number in (1, 7):
        add(scorer.ID + f"objective/{number}", "objectiveNumber", Literal(str(number), datatype=XSD_INTEGER), reference)
    states = NamedNode("https://w3id.org/gcmkg/graph/reference/states")
    for code, name in (("ESP", "Spain"), ("FRA", "France"), ("KAZ", "Kazakhstan")):
        store.add(Quad(iri(f"state/{code}"), NamedNode(SKOS_PREF_LABEL), Literal(name, language="en"), states))
    p1, p2 = f"{doc}/passage/1", f"{doc}/passage/2"
    for number, passage, text in ((1, p1, "Spain and UNECE met."), (2, p2, "Objective 7 in\nKazakhstan.")):
        add(passage, "passageOf", NamedNode(doc))
        add(passage, "passageNumber", Literal(str(number), datatype=XSD_INTEGER))
        add(passage, "text", Literal(text))
    add(p1, "mentions", iri("state/ESP"))
    add(p1, "mentions", iri("state/FRA"))  # a false positive
    add(p1, "mentions", iri("initiative/migration-mptf/ESP"))  # not a reference entity: not scored
    add(p2, "aboutObjective", iri("objective/7"))
    session, review = scorer.ID + "review/2024/session/4", scorer.ID + "review/2024"
    add(session, "sessionNumber", Literal("4", datatype=XSD_INTEGER))
    add(session, "partOfReview", NamedNode(review))
    add(session, "addressesObjective", iri("objective/7"))
    add(review, "reviewYear", Literal("2024", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#gYear")))
    participation = session + "/participation/moderator/person/michele-levoy"
    add(participation, "inSession", NamedNode(session))
    add(participation, "agent", iri("person/michele-levoy"))
    add(participation, "role", iri("role/moderator"))
    add(review, "attendee", iri("state/ESP"))
    return store


def _gold(**rows: list[dict[str, str]]) -> scorer.Gold:
    return scorer.Gold(**{name: rows.get(name, []) for name in scorer.GOLD_FILES})


def test_score_store_on_a_hand_made_build() -> None:
    gold = _gold(
        sessions=[
            {"year": "2024", "session": "4", "objective": "7"},
            {"year": "2024", "session": "4", "objective": "1"},
        ],
        participation=[
            {
                "document": DOC,
                "year": "2024",
                "session": "4",
                "agent": "person/michele-levoy",
                "role": "moderator",
                "via": "",
            }
        ],
        attendance=[{"document": "002_401cf7dc2a28f9d0", "year": "2024", "agent": "state/ESP"}],
        mentions=[
            {"document": DOC, "quote": "Spain and UNECE", "entity": "state/ESP"},
            {"document": DOC, "quote": "Spain and UNECE", "entity": "organisation/unece"},
            {"document": DOC, "quote": "in Kazakhstan", "entity": "state/KAZ"},
        ],
        objectives=[{"document": DOC, "quote": "Objective 7 in Kazakhstan", "objective": "7"}],
    )
    report = scorer.score_store(_tiny_store(), gold)
    counts = {name: (s.tp, s.fp, s.fn) for name, s in report.scores.items()}
    assert counts == {
        "sessions": (1, 0, 1),
        "participation": (1, 0, 0),
        "attendance": (0, 0, 1),  # the attendee is stated in 000, not in the gold document 002: not scored
        "mentions": (1, 1, 2),
        "context": (0, 0, 0),
        "objectives": (1, 0, 0),
        "initiatives": (0, 0, 0),
        "initiative-objectives": (0, 0, 0),
        "citations": (0, 0, 0),
        "statistics": (0, 0, 0),
        "people": (0, 0, 0),  # the participation is stated in 000, not in the people document 002
        "affiliations": (0, 0, 0),
        "contributions": (0, 0, 0),
    }
    assert report.errors == []
    assert report.scores["mentions"].false_positives() == [f"{DOC} passage 1 «Spain and UNECE met.» → state/FRA"]
    assert "mentions" in report.to_text() and report.to_json()["categories"]["objectives"]["recall"] == 1.0


def test_score_store_reports_a_quote_that_names_several_passages() -> None:
    gold = _gold(mentions=[{"document": DOC, "quote": "Kazakhstan", "entity": "state/KAZ"}])
    store = _tiny_store()
    graph = NamedNode(f"https://w3id.org/gcmkg/graph/document/{DOC}")
    extra = NamedNode(f"{scorer.ID}document/{DOC}/passage/3")
    store.add(Quad(extra, NamedNode(GCM + "passageOf"), NamedNode(f"{scorer.ID}document/{DOC}"), graph))
    store.add(Quad(extra, NamedNode(GCM + "text"), Literal("Kazakhstan again."), graph))
    report = scorer.score_store(store, gold)
    assert len(report.errors) == 1 and "2 passages" in report.errors[0]
    assert report.scores["mentions"].fn == 1


def test_a_build_without_passages_gives_zero_recall_not_an_error() -> None:
    report = scorer.score_store(Store(), scorer.load_gold())
    assert report.errors == []
    for s in report.scores.values():
        assert s.recall == 0 and s.precision is None and s.f1 == 0, s.name
    assert any("has no passages" in warning for warning in report.warnings)


def test_score_cli_prints_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "tiny.nq"
    _tiny_store().dump(path, format=RdfFormat.N_QUADS)
    assert scorer.main([str(path), "--json"]) == 0
    assert '"categories"' in capsys.readouterr().out
    assert scorer.main([str(tmp_path / "missing")]) == 2


def test_context_initiatives_and_citations_on_a_hand_made_build() -> None:
    store = _tiny_store()
    graph = NamedNode(f"https://w3id.org/gcmkg/graph/document/{DOC}")
    doc, p1 = f"{scorer.ID}document/{DOC}", f"{scorer.ID}document/{DOC}/passage/1"

    def add(s: str, p: str, o: NamedNode | Literal) -> None:
        store.add(Quad(NamedNode(s), NamedNode(p if p.startswith("http") else GCM + p), o, graph))

    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    # the region and, wrongly, the organisation for "UNECE region"
    add(scorer.ID + "region/unece", rdf_type, NamedNode(GCM + "Region"))
    add(p1, "mentions", NamedNode(scorer.ID + "region/unece"))
    organisations = NamedNode("https://w3id.org/gcmkg/graph/reference/organisations")
    store.add(
        Quad(NamedNode(scorer.ID + "organisation/unece"), NamedNode(SKOS_PREF_LABEL), Literal("UNECE"), organisations)
    )
    add(p1, "mentions", NamedNode(scorer.ID + "organisation/unece"))
    # an initiative of a fund stated in passage 1, and a citation documenting a figure
    programme = scorer.ID + "initiative/migration-mptf/ESP"
    add(programme, "fundedBy", NamedNode(scorer.ID + "initiative/migration-mptf"))
    add(programme, "http://www.w3.org/ns/prov#wasDerivedFrom", NamedNode(p1))
    add(p1, rdf_type, NamedNode(GCM + "Passage"))
    add(programme, "status", NamedNode(scorer.ID + "status/funded"))
    add(programme, "implementedIn", NamedNode(scorer.ID + "state/ESP"))
    note, citation, figure = f"{doc}/footnote/3", f"{doc}/footnote/3/citation/1", f"{doc}/statistic/5-10"
    add(note, "footnoteNumber", Literal("3", datatype=XSD_INTEGER))
    add(note, "footnoteLabel", Literal("3"))
    add(note, "inDocument", NamedNode(doc))
    add(citation, "url", Literal("https://example.org/a"))
    add(citation, "citationFootnote", NamedNode(note))
    add(citation, "documents", NamedNode(figure))
    add(figure, "surfaceForm", Literal("4,300"))
    quote = "Spain and UNECE"
    gold = _gold(
        mention_positives=[{"document": DOC, "quote": quote, "entity": "region/unece"}],
        mention_negatives=[{"document": DOC, "quote": quote, "entity": "organisation/unece"}],
        initiatives=[
            {
                "document": DOC,
                "quote": quote,
                "fund": "migration-mptf",
                "states": "ESP",
                "place": "",
                "status": "funded",
                "objectives": "",
            },
            {
                "document": DOC,
                "quote": quote,
                "fund": "covid19-mptf",
                "states": "ESP",
                "place": "",
                "status": "funded",
                "objectives": "",
            },
        ],
        citations=[
            {
                "document": DOC,
                "footnote": "3",
                "url": "https://example.org/a",
                "subject": "statistic",
                "subject_name": "4,300 migrants rescued",
            },
        ],
    )
    report = scorer.score_store(store, gold)
    counts = {name: (s.tp, s.fp, s.fn) for name, s in report.scores.items()}
    assert counts["context"] == (1, 1, 0)  # the negative found is a false positive
    assert counts["initiatives"] == (1, 0, 1)  # the COVID-19 fund's programme is missing
    assert counts["citations"] == (1, 0, 0)  # a figure is compared by its number

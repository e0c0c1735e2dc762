"""The stored queries of the contract, on hand-made data whose answers are known in advance.

Two fixtures: ``tests/fixtures/model.trig``, a dataset written by hand in the shape
``loaders/documents/README.md`` gives document graphs (so the SPARQL is checked against the model even
before the extractor produces anything), and ``tests/fixtures/corpus/``, a short fictional report in the
style of the corpus, built with ``gcmkg build``; its expected rows were worked out by reading the text
with the extraction rules of ``loaders/documents/README.md``.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import NamedNode, Store, Variable

from gcmkg.graph.cli import cli
from gcmkg.graph.core import ids
from gcmkg.graph.core.errors import StoredQueryError
from gcmkg.graph.query.catalogue import load_catalogue, parse_stored_query
from gcmkg.graph.query.params import bind, parameter_variable
from gcmkg.graph.query.rendering import plain
from gcmkg.graph.query.runner import run_on_store
from gcmkg.graph.rdfio.store import open_store

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DOC = "fixture_2024_session_report"
GCM_TEXT = NamedNode("https://w3id.org/gcmkg/ontology#text")

Row = tuple[str, ...]


def rows(store: Store, name: str, **params: object) -> list[Row]:
    """The rows of stored query ``name`` as plain strings ('' where a column is unbound)."""
    query = load_catalogue()[name]
    result = run_on_store(store, query, bind(query, {key: str(value) for key, value in params.items()}))
    return [tuple(plain(term) for term in row) for row in result.rows]


# --- the hand-written model dataset -------------------------------------------------------------


@pytest.fixture(scope="module")
def model() -> Store:
    return open_store(FIXTURES / "model.trig")


def test_session_objectives_of_one_session_of_one_review(model: Store) -> None:
    assert rows(model, "session-objectives", year=2024, session=2) == [("4",), ("8",)]
    assert rows(model, "session-objectives", year=2020, session=2) == [("1",)]
    assert rows(model, "session-objectives", year=2024, session=3) == []


def test_session_participants_with_roles_affiliation_and_via(model: Store) -> None:
    unhcr = "Office of the United Nations High Commissioner for Refugees"
    assert rows(model, "session-participants", year=2024, session=2) == [
        (unhcr, "", "lead-organiser", "", ""),
        ("Susan Fratzke", "", "moderator", "Migration Policy Institute", ""),
        ("Cyprus", "CYP", "on-behalf-of", "", "Denmark"),
        ("Norway", "NOR", "on-behalf-of", "", "Denmark"),
        ("Denmark", "DNK", "presenter", "", ""),
        ("Norway", "NOR", "presenter", "", ""),
        ("Azerbaijan", "AZE", "right-of-reply", "", ""),
        ("Sweden", "SWE", "speaker", "", ""),
    ]
    assert rows(model, "session-participants", year=2020, session=2) == [("France", "FRA", "speaker", "", "")]


def test_objective_engagement_says_how_each_state_engaged_in_each_review(model: Store) -> None:
    # 2024 session 2 addresses objective 4: its State participants are SWE, DNK, NOR (presenters, speaker),
    # CYP (spoken for) and AZE (reply); passages about objective 4 name PRT (doc-a, 2024; doc-b, 2020) and FRA
    # (doc-b, 2020), and the classified passage 6 of doc-a names DNK. Portugal alone engaged in both reviews.
    expected = [
        ("PRT", "Portugal", "2020", "explicit mention", "1", "2"),
        ("PRT", "Portugal", "2024", "explicit mention", "1", "2"),
        ("AZE", "Azerbaijan", "2024", "session participation", "1", "1"),
        ("CYP", "Cyprus", "2024", "session participation", "1", "1"),
        ("DNK", "Denmark", "2024", "classified mention", "1", "1"),
        ("DNK", "Denmark", "2024", "session participation", "1", "1"),
        ("FRA", "France", "2020", "explicit mention", "1", "1"),
        ("NOR", "Norway", "2024", "session participation", "1", "1"),
        ("SWE", "Sweden", "2024", "session participation", "1", "1"),
    ]
    assert rows(model, "objective-engagement", objective=4) == expected
    without = [row for row in expected if row[3] != "classified mention"]
    assert rows(model, "objective-engagement", objective=4, classified="exclude") == without
    assert rows(model, "objective-engagement", objective=4, year=2020) == [
        ("PRT", "Portugal", "2020", "explicit mention", "1", "2"),
        ("FRA", "France", "2020", "explicit mention", "1", "1"),
    ]


def test_attendance_lists_states_then_organisations(model: Store) -> None:
    assert rows(model, "attendance", year=2024) == [
        ("Denmark", "DNK"),
        ("Norway", "NOR"),
        ("Office of the United Nations High Commissioner for Refugees", ""),
    ]
    assert rows(model, "attendance", year=2020) == [("France", "FRA")]


def test_objective_mentions_with_and_without_the_optional_year(model: Store) -> None:
    classified = ("DNK", "Denmark", "doc-a", "6", "classified")
    explicit = [
        ("FRA", "France", "doc-b", "7", "explicit"),
        ("PRT", "Portugal", "doc-a", "3", "explicit"),
        ("PRT", "Portugal", "doc-b", "7", "explicit"),
    ]
    assert rows(model, "objective-mentions", objective=4) == [classified, *explicit]
    assert rows(model, "objective-mentions", objective=4, classified="exclude") == explicit
    assert rows(model, "objective-mentions", objective=4, year=2024) == [
        classified,
        ("PRT", "Portugal", "doc-a", "3", "explicit"),
    ]
    assert rows(model, "objective-mentions", objective=4, year=2020) == [
        ("FRA", "France", "doc-b", "7", "explicit"),
        ("PRT", "Portugal", "doc-b", "7", "explicit"),
    ]
    assert rows(model, "objective-mentions", objective=1) == [("FRA", "France", "doc-b", "8", "explicit")]
    assert rows(model, "objective-mentions", objective=1, year=2024) == []


MKD = "https://w3id.org/gcmkg/id/initiative/migration-mptf/MKD"
KAZ = "https://w3id.org/gcmkg/id/initiative/covid19-mptf/KAZ"
MPTF = "Migration Multi-Partner Trust Fund"
COVID = "UN COVID-19 Response and Recovery Multi-Partner Trust Fund"
# one node, stated in two documents; each objective only with the passage that supports it
MKD_ROWS = [
    (MKD, MPTF, "MKD", "1", "doc-b", "funded", "", "8", ""),
    (MKD, MPTF, "MKD", "3", "doc-a", "funded", "", "5", ""),
]
KAZ_ROW = (KAZ, COVID, "KAZ", "", "doc-a", "funded", "", "5", "")
EU_PILOT_ROW = ("EU pilot project", "European Union", "", "", "doc-a", "", "", "4", "")


def test_initiatives_found_in_documents_with_every_funder(model: Store) -> None:
    # the reference-data fund AMIF (funded by the EU, derived from no passage) is not listed; the COVID-19
    # project's objective 7 is not supported by its passage (about objective 3), so it shows no objective
    assert rows(model, "initiatives") == [EU_PILOT_ROW, *MKD_ROWS, KAZ_ROW]


@pytest.mark.parametrize(
    "funder", ["m-mptf", "Migration MPTF", "MIGRATION multi-partner trust fund", "Migration Multi-Partner Trust Fund"]
)
def test_initiatives_of_one_funder_by_any_of_its_names_in_any_case(model: Store, funder: str) -> None:
    assert rows(model, "initiatives", funder=funder) == MKD_ROWS


def test_initiatives_funder_matches_acronyms_and_whole_names_only(model: Store) -> None:
    assert rows(model, "initiatives", funder="covid-19 mptf") == [KAZ_ROW]
    assert rows(model, "initiatives", funder="eu") == [EU_PILOT_ROW]
    assert rows(model, "initiatives", funder="MPTF") == []
    assert rows(model, "initiatives", funder="amif") == []
    assert rows(model, "initiatives", funder='" } ; DROP ALL') == []


def test_processes_statistics_and_citations(model: Store) -> None:
    assert rows(model, "processes") == [
        ("Budapest Process", "doc-a", ""),
        ("Budapest Process", "doc-b", ""),
        # named only through its initiative, in doc-b passage 8
        ("Prague Process", "doc-b", "Prague Process Migration Observatory"),
    ]
    statistics = rows(model, "statistics")
    assert [(Decimal(value), *rest) for value, *rest in (row[:5] for row in statistics)] == [
        (Decimal(159000000), "count", "", "", "doc-a"),
        (Decimal(25000000), "USD", "2024", "funding target", "doc-a"),
    ]
    # footnote 9 before footnote 24: footnote order (by number, not as text), not text order; a figure is shown with
    # what it counts
    statistic = "https://w3id.org/gcmkg/id/document/doc-a/statistic/200-214"
    assert rows(model, "citations") == [
        ("https://example.org/stock.xlsx", "doc-a", "9", "USD 25 million: funding target", statistic),
        ("https://unece.org/item-202.pdf", "doc-a", "9", "", ""),
        (
            "https://www.budapestprocess.org/",
            "doc-a",
            "24",
            "Budapest Process",
            "https://w3id.org/gcmkg/id/process/budapest-process",
        ),
    ]


def test_a_parameter_named_like_a_column_binds_its_own_variable() -> None:
    catalogue = load_catalogue()
    initiatives, mentions = catalogue["initiatives"], catalogue["objective-mentions"]
    assert parameter_variable(initiatives, initiatives.parameter("funder")) == Variable("funder_param")
    assert parameter_variable(mentions, mentions.parameter("year")) == Variable("year")
    assert set(bind(initiatives, {"funder": "x"})) == {Variable("funder_param")}
    assert bind(initiatives, {}) == {}


def test_a_query_that_does_not_project_a_parameter_variable_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "things.rq"
    path.write_text(
        "#+ summary: x\n#+ params:\n#+   - {name: thing, type: string}\n#+ columns: [thing]\n"
        "SELECT ?thing WHERE { ?thing ?p ?o }\n",
        encoding="utf-8",
    )
    query = parse_stored_query(path)
    with pytest.raises(StoredQueryError) as caught:
        run_on_store(Store(), query, {})
    assert "parameters ['thing_param']" in str(caught.value)


# --- the fictional report of tests/fixtures/corpus, built with gcmkg build ---------------------


@pytest.fixture(scope="session")
def built(fixture_build: Path) -> Store:
    return open_store(fixture_build)


def passage_text(store: Store, document: str, number: str) -> str:
    """The text of passage ``number`` of ``document``, to check what a row's passage says."""
    passage = NamedNode(ids.passage(document, int(number)))
    texts = [quad.object.value for quad in store.quads_for_pattern(passage, GCM_TEXT, None)]
    assert texts, f"no passage {number} in {document}"
    return texts[0]


def test_fixture_session_objectives(built: Store) -> None:
    # "A. Session 2" ... "offered space for discussion of ... Objectives 3, 7, and 16 of the GCM."
    assert rows(built, "session-objectives", year=2024, session=2) == [("3",), ("7",), ("16",)]


def test_fixture_session_participants(built: Store) -> None:
    # Lead Organizers: UNICEF and IOM / Moderator: Ms. Maria Lindholm, International Detention Coalition (IDC)
    # / Member State Speaker: Portugal / Substantive inputs presented by: Georgia; Ireland on behalf of Estonia,
    # Latvia and Lithuania; Serbia; ILO; International Trade Union Confederation (ITUC). Armenia exercised their
    # right of reply.
    assert sorted(rows(built, "session-participants", year=2024, session=2)) == sorted(
        [
            ("International Organization for Migration", "", "lead-organiser", "", ""),
            ("United Nations Children's Fund", "", "lead-organiser", "", ""),
            ("Maria Lindholm", "", "moderator", "International Detention Coalition", ""),
            ("Portugal", "PRT", "speaker", "", ""),
            ("Georgia", "GEO", "presenter", "", ""),
            ("Ireland", "IRL", "presenter", "", ""),
            ("Serbia", "SRB", "presenter", "", ""),
            ("International Labour Organization", "", "presenter", "", ""),
            ("International Trade Union Confederation", "", "presenter", "", ""),
            ("Estonia", "EST", "on-behalf-of", "", "Ireland"),
            ("Latvia", "LVA", "on-behalf-of", "", "Ireland"),
            ("Lithuania", "LTU", "on-behalf-of", "", "Ireland"),
            ("Armenia", "ARM", "right-of-reply", "", ""),
        ]
    )


def test_fixture_attendance_splits_states_missing_a_comma(built: Store) -> None:
    # paragraph 1 (eleven States, "Latvia Lithuania" without a comma) and paragraph 2 (three organisations)
    assert rows(built, "attendance", year=2024) == [
        ("Albania", "ALB"),
        ("Armenia", "ARM"),
        ("Austria", "AUT"),
        ("Estonia", "EST"),
        ("Georgia", "GEO"),
        ("Ireland", "IRL"),
        ("Latvia", "LVA"),
        ("Lithuania", "LTU"),
        ("Portugal", "PRT"),
        ("Republic of Moldova", "MDA"),
        ("Serbia", "SRB"),
        ("International Labour Organization", ""),
        ("International Organization for Migration", ""),
        ("United Nations Children's Fund", ""),
    ]
    assert rows(built, "attendance", year=2020) == []


def test_fixture_objective_mentions(built: Store) -> None:
    # paragraph 4: "Under Objective 7, Georgia and Armenia ... the Irish delegation" (a demonym)
    seven = rows(built, "objective-mentions", objective=7, year=2024)
    in_paragraph_4 = {
        (iso3, name)
        for iso3, name, document, passage, _ in seven
        if "screening procedures" in passage_text(built, document, passage)
    }
    assert in_paragraph_4 == {("ARM", "Armenia"), ("GEO", "Georgia"), ("IRL", "Ireland")}
    assert {document for _, _, document, _, _ in seven} == {DOC}
    assert rows(built, "objective-mentions", objective=7) == seven
    assert rows(built, "objective-mentions", objective=7, year=2020) == []
    # paragraph 5: "In line with Objective 3, a Joint Programme ... in Georgia"
    three = rows(built, "objective-mentions", objective=3)
    assert any(
        iso3 == "GEO" and "Joint Programme" in passage_text(built, document, passage)
        for iso3, _, document, passage, _ in three
    )


def test_fixture_initiatives(built: Store) -> None:
    # paragraph 5: a Joint Programme funded by the Migration Multi-Partner Trust Fund in Georgia, Objective 3
    found = rows(built, "initiatives")
    assert [row[1:7] for row in found] == [("Migration Multi-Partner Trust Fund", "GEO", "3", DOC, "funded", "")]
    assert found[0][0] == "Migration Multi-Partner Trust Fund programme in Georgia"
    assert passage_text(built, DOC, found[0][7]).startswith("5. In line with Objective 3, a Joint Programme")
    assert rows(built, "initiatives", funder="migration mptf") == found
    assert rows(built, "initiatives", funder="COVID-19 MPTF") == []


def test_fixture_processes(built: Store) -> None:
    # paragraph 6: the Prague Process, the Budapest Process, the Global Forum on Migration and Development
    assert rows(built, "processes") == [
        ("Budapest Process", DOC, ""),
        ("Global Forum on Migration and Development", DOC, ""),
        ("Prague Process", DOC, ""),
    ]


def test_fixture_statistics(built: Store) -> None:
    # paragraph 5: "In 2023, the programme mobilized USD 3.5 million from six donors. About 40 per cent of the
    # people it reached were women." The second sentence names no time: 2023 carries on.
    found = rows(built, "statistics")
    assert [(Decimal(row[0]), row[1], row[2], row[4], row[8]) for row in found] == [
        (Decimal(3500000), "USD", "2023", DOC, "observed"),
        (Decimal(6), "count", "2023", DOC, "observed"),
        (Decimal(40), "percent", "2023", DOC, "observed"),
    ]
    assert [row[3] for row in found] == ["programme", "donors", "people"]


def test_fixture_citations(built: Store) -> None:
    # "the Migration Multi-Partner Trust Fund<sup>1</sup>", "the Prague Process<sup>2</sup>"
    assert rows(built, "citations") == [
        (
            "https://mptf.undp.org/fund/mig00",
            DOC,
            "1",
            "Migration Multi-Partner Trust Fund",
            f"{ids.ID}initiative/migration-mptf",
        ),
        ("https://www.pragueprocess.eu/en/", DOC, "2", "Prague Process", f"{ids.ID}process/prague-process"),
    ]


def test_citations_lists_urls_of_the_text_after_the_footnotes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "note.txt").write_text(
        "Background note for Session 1\n\nGeneva, 3 May 2031\n\n"
        "Arrivals are counted by UNHCR (https://example.org/arrivals). Deaths fell.<sup>1</sup>\n\n"
        "<sup>1</sup> https://example.org/deaths\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["build", "--corpus", str(corpus), "-o", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert [row[:4] for row in rows(open_store(tmp_path / "out"), "citations")] == [
        ("https://example.org/deaths", "note", "1", ""),
        ("https://example.org/arrivals", "note", "", "Office of the United Nations High Commissioner for Refugees"),
    ]


def test_fixture_state_engagement_through_sessions_and_mentions(built: Store, fixture_build: Path) -> None:
    # Session 2 addresses objectives 3, 7 and 16; its State participants are Portugal (speaker), Georgia,
    # Ireland, Serbia (presenters), Estonia, Latvia, Lithuania (on behalf of, via Ireland), Armenia (right of
    # reply). Attendance alone (Albania, Austria, Moldova) is no participation. Paragraph 4, under Objective 7,
    # names Georgia, Armenia and "the Irish delegation"; paragraph 5, Objective 3, names Georgia.
    through_session = {
        (iso3, objective, "session")
        for iso3 in ("ARM", "EST", "GEO", "IRL", "LTU", "LVA", "PRT", "SRB")
        for objective in ("3", "7", "16")
    }
    through_mention = {
        ("GEO", "3", "mention"),
        ("GEO", "7", "mention"),
        ("ARM", "7", "mention"),
        ("IRL", "7", "mention"),
    }
    found = rows(built, "state-engagement")
    assert {(iso3, objective, through) for iso3, _, objective, through in found} == through_session | through_mention
    assert len(found) == len(through_session | through_mention)
    assert rows(built, "state-engagement", iso3="ARM") == [
        ("ARM", "Armenia", "3", "session"),
        ("ARM", "Armenia", "7", "mention"),
        ("ARM", "Armenia", "7", "session"),
        ("ARM", "Armenia", "16", "session"),
    ]
    assert {row[0] for row in rows(built, "state-engagement", objective=16)} == {
        "ARM",
        "EST",
        "GEO",
        "IRL",
        "LTU",
        "LVA",
        "PRT",
        "SRB",
    }
    # the engagement is inferred: the asserted graphs alone hold none of it
    assert rows(open_store(fixture_build, inferred=False), "state-engagement") == []


def test_query_command_includes_the_inferred_graph_unless_told(fixture_build: Path) -> None:
    args = ["query", "state-engagement", "--graph", str(fixture_build), "--param", "iso3=PRT", "--format", "csv"]
    with_inferred = CliRunner().invoke(cli, args)
    assert with_inferred.exit_code == 0, with_inferred.output
    assert with_inferred.output.splitlines() == [
        "iso3,name,objective,through",
        "PRT,Portugal,3,session",
        "PRT,Portugal,7,session",
        "PRT,Portugal,16,session",
    ]
    asserted_only = CliRunner().invoke(cli, [*args, "--no-inferred"])
    assert asserted_only.exit_code == 0, asserted_only.output
    assert asserted_only.stdout.splitlines() == ["iso3,name,objective,through"]
    assert asserted_only.stderr.startswith("note: state-engagement reads what OWL 2 RL reasoning adds (graph:inferred)")

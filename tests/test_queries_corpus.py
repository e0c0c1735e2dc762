"""The stored queries of the contract on the shared corpus, against answers read off the documents.

Every expected row below was worked out by reading the documents of ``../shared/corpus`` with the
extraction rules of ``loaders/documents/README.md``; the comment above each names where. Documents:
000 (2024 session 4 background note), 001 (2024 session 2 background note), 002 (2024 report),
003 (2020 report), 004 (2020 roundtable 4 background note). Big results are checked as sets, or by
the rows the text makes certain plus a count.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import Store

from gcmkg.graph.cli import cli
from gcmkg.graph.rdfio.store import open_store
from tests.test_queries_fixture import passage_text, rows

# Runs the stored queries on the build of the shared corpus: part of the slow set.
pytestmark = pytest.mark.slow

D000 = "000_7311cc525c900547"
D001 = "001_1efa612e0ff46ad2"
D002 = "002_401cf7dc2a28f9d0"
D003 = "003_b3646771b72b2572"
D004 = "004_f5e20b4a01c69ec7"

GBR = "United Kingdom of Great Britain and Northern Ireland"
NLD = "Netherlands (Kingdom of the)"


@pytest.fixture(scope="session")
def corpus(corpus_build: Path) -> Store:
    return open_store(corpus_build)


# --- session-objectives ----------------------------------------------------------------------------

SESSION_OBJECTIVES = {
    # 003 "Roundtable N: Objectives ..." (the list of section 1.ii and the headings of section 4);
    # 004 "GCM objective N: ..." lines under "Roundtable 4 – Friday, 13 November"
    (2020, 1): [14, 15, 16, 19, 20, 22],
    (2020, 2): [2, 5, 6, 12, 18],
    (2020, 3): [4, 8, 9, 10, 11, 13, 21],
    (2020, 4): [1, 3, 7, 17, 23],
    # 002 paragraphs 13-16 "A. Session N ... offered space for discussion of ... Objectives ...";
    # 001 "will offer space for discussion of ... objectives 4, 8, 9, 10, 11, 13 and 21";
    # 000 "... objectives 1, 3, 7, 17, and 23"
    (2024, 1): [2, 5, 6, 12, 18],
    (2024, 2): [4, 8, 9, 10, 11, 13, 21],
    (2024, 3): [14, 15, 16, 19, 20, 22],
    (2024, 4): [1, 3, 7, 17, 23],
}


@pytest.mark.parametrize(("year", "session"), sorted(SESSION_OBJECTIVES))
def test_session_objectives(corpus: Store, year: int, session: int) -> None:
    found = rows(corpus, "session-objectives", year=year, session=session)
    assert [int(objective) for (objective,) in found] == SESSION_OBJECTIVES[(year, session)]


def test_session_objectives_through_the_cli(corpus_build: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "query",
            "session-objectives",
            "-p",
            "year=2020",
            "-p",
            "session=4",
            "--graph",
            str(corpus_build),
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["objective", "1", "3", "7", "17", "23"]


# --- session-participants --------------------------------------------------------------------------

# 002 paragraph 14 (B. Session 2): Lead Organizers: UNHCR and Regional United Nations Network on Migration /
# Member State Speaker: Sweden / Substantive inputs presented by: Armenia; Belgium; Belarus; Denmark on behalf of
# Cyprus, France, Malta, Norway, Netherlands and United Kingdom; Germany; Greece; Kyrgyzstan; Norway; Türkiye;
# Turkmenistan; Ukraine; United Kingdom; European Commission/European External Action Service; Friends World
# Committee for Consultation; International Federation of Red Cross and Red Crescent Societies (IFRC); Network of
# Girls Against Human Trafficking, Network of Girls Against Human Trafficking (NoGAHT); UNODC. Azerbaijan
# exercised their right of reply. / Moderator: Ms. Susan Fratzke, Migration Policy Institute (MPI).
SESSION_2024_2 = {
    ("Office of the United Nations High Commissioner for Refugees", "", "lead-organiser", "", ""),
    ("Regional United Nations Network on Migration for Europe and Central Asia", "", "lead-organiser", "", ""),
    ("Susan Fratzke", "", "moderator", "Migration Policy Institute", ""),
    ("Sweden", "SWE", "speaker", "", ""),
    *(
        (name, iso3, "presenter", "", "")
        for name, iso3 in [
            ("Armenia", "ARM"),
            ("Belgium", "BEL"),
            ("Belarus", "BLR"),
            ("Denmark", "DNK"),
            ("Germany", "DEU"),
            ("Greece", "GRC"),
            ("Kyrgyzstan", "KGZ"),
            ("Norway", "NOR"),
            ("Türkiye", "TUR"),
            ("Turkmenistan", "TKM"),
            ("Ukraine", "UKR"),
            (GBR, "GBR"),
            ("European Commission", ""),
            ("European External Action Service", ""),
            ("Friends World Committee for Consultation", ""),
            ("International Federation of Red Cross and Red Crescent Societies", ""),
            ("Network of Girls Against Human Trafficking", ""),
            ("United Nations Office on Drugs and Crime", ""),
        ]
    ),
    *(
        (name, iso3, "on-behalf-of", "", "Denmark")
        for name, iso3 in [
            ("Cyprus", "CYP"),
            ("France", "FRA"),
            ("Malta", "MLT"),
            ("Norway", "NOR"),
            (NLD, "NLD"),
            (GBR, "GBR"),
        ]
    ),
    ("Azerbaijan", "AZE", "right-of-reply", "", ""),
}
# 002 paragraphs 2, 9, 20, 21: the review was co-chaired by H.E. Ms. Elma Saiz (Spain) and H.E. Ms. Jana Costachi
# (Republic of Moldova); "the Co-Chair of Spain, H.E. Pilar Cancela"; co-chairs are listed in every session.
CO_CHAIRS = {"Elma Saiz", "Jana Costachi", "Pilar Cancela", "Spain", "Republic of Moldova"}


def test_session_participants_2024_session_2(corpus: Store) -> None:
    found = rows(corpus, "session-participants", year=2024, session=2)
    co_chairs = {row for row in found if row[2] == "co-chair"}
    # 001's agenda row "Member State speaker  Sofia Östmark, ..., Sweden" may add the person who spoke
    agenda = {row for row in found if row[0] == "Sofia Östmark" and row[2] == "speaker"}
    assert set(found) - co_chairs - agenda == SESSION_2024_2
    assert co_chairs and {name for name, *_ in co_chairs} <= CO_CHAIRS
    assert len(found) == len(set(found))


def test_on_behalf_of_rows_name_the_state_that_spoke(corpus: Store) -> None:
    # 002 paragraph 16 (D. Session 4): "Norway on behalf of Cyprus, Denmark, France, Malta, Netherlands and United
    # Kingdom"; "United Kingdom on behalf of Denmark, Germany, Netherlands, Norway, Spain and United States"
    found = rows(corpus, "session-participants", year=2024, session=4)
    assert {(iso3, via) for _, iso3, role, _, via in found if role == "on-behalf-of"} == {
        *((iso3, "Norway") for iso3 in ["CYP", "DNK", "FRA", "MLT", "NLD", "GBR"]),
        *((iso3, GBR) for iso3 in ["DNK", "DEU", "NLD", "NOR", "ESP", "USA"]),
    }
    presenters = {iso3 for _, iso3, role, _, _ in found if role == "presenter" and iso3}
    # Azerbaijan; Canada; Norway on behalf of ...; Portugal; Serbia; Spain; United Kingdom on behalf of ...
    assert presenters == {"AZE", "CAN", "NOR", "PRT", "SRB", "ESP", "GBR"}


@pytest.mark.parametrize(
    ("session", "speakers", "replies", "leads"),
    [
        # 002 paragraphs 13-16: Member State Speaker, "... exercised their right of reply", Lead Organizers
        (1, set(), set(), {"International Labour Organization"}),
        (2, {"SWE"}, {"AZE"}, {"Office of the United Nations High Commissioner for Refugees"}),
        (3, {"ALB"}, {"ARM"}, {"World Health Organization"}),
        # "Lead Organizers: UNDP, IOM Regional United Nations Network on Migration" (a missing comma)
        (4, {"KAZ"}, {"RUS"}, {"United Nations Development Programme", "International Organization for Migration"}),
    ],
)
def test_speakers_replies_and_lead_organisers_of_2024(
    corpus: Store, session: int, speakers: set[str], replies: set[str], leads: set[str]
) -> None:
    found = rows(corpus, "session-participants", year=2024, session=session)
    assert {iso3 for _, iso3, role, _, _ in found if role == "speaker" and iso3} == speakers
    assert {iso3 for _, iso3, role, _, _ in found if role == "right-of-reply"} == replies
    network = "Regional United Nations Network on Migration for Europe and Central Asia"
    assert {name for name, _, role, _, _ in found if role == "lead-organiser"} == leads | {network}


@pytest.mark.parametrize(
    ("session", "moderator", "organisation"),
    [
        # 002: "Moderator: Ms. Paola Cammilli, Global Campaigns at Building and Woodworkers International (BWI), ..."
        (1, "Paola Cammilli", "Building and Wood Workers' International"),
        (2, "Susan Fratzke", "Migration Policy Institute"),
        (3, "Stella Opoku-Owusu", "African Foundation for Development"),
        (4, "Michele LeVoy", "Platform for International Cooperation on Undocumented Migrants"),
    ],
)
def test_moderators_of_2024_with_their_organisation(
    corpus: Store, session: int, moderator: str, organisation: str
) -> None:
    found = rows(corpus, "session-participants", year=2024, session=session)
    assert (moderator, "", "moderator", organisation, "") in found
    assert {name for name, _, role, _, _ in found if role == "moderator"} == {moderator}


# --- attendance ------------------------------------------------------------------------------------

# 002 paragraph 4, 43 States ("Netherlands North Macedonia" lacks a comma; "Czech Republic" is Czechia)
ATTENDANCE_2024 = [
    ("Albania", "ALB"),
    ("Armenia", "ARM"),
    ("Austria", "AUT"),
    ("Azerbaijan", "AZE"),
    ("Belarus", "BLR"),
    ("Belgium", "BEL"),
    ("Bosnia and Herzegovina", "BIH"),
    ("Canada", "CAN"),
    ("Croatia", "HRV"),
    ("Cyprus", "CYP"),
    ("Czechia", "CZE"),
    ("Denmark", "DNK"),
    ("Finland", "FIN"),
    ("France", "FRA"),
    ("Georgia", "GEO"),
    ("Germany", "DEU"),
    ("Greece", "GRC"),
    ("Ireland", "IRL"),
    ("Italy", "ITA"),
    ("Kazakhstan", "KAZ"),
    ("Kyrgyzstan", "KGZ"),
    ("Lithuania", "LTU"),
    ("Luxembourg", "LUX"),
    ("Malta", "MLT"),
    ("Montenegro", "MNE"),
    (NLD, "NLD"),
    ("North Macedonia", "MKD"),
    ("Norway", "NOR"),
    ("Poland", "POL"),
    ("Portugal", "PRT"),
    ("Republic of Moldova", "MDA"),
    ("Russian Federation", "RUS"),
    ("Serbia", "SRB"),
    ("Slovakia", "SVK"),
    ("Spain", "ESP"),
    ("Sweden", "SWE"),
    ("Tajikistan", "TJK"),
    ("Türkiye", "TUR"),
    ("Turkmenistan", "TKM"),
    ("Ukraine", "UKR"),
    (GBR, "GBR"),
    ("United States of America", "USA"),
    ("Uzbekistan", "UZB"),
]
# 002 paragraph 6: ECA, ILO, IOM, OHCHR, UNDP, UNHCR, UNICEF, UNOPS, UNODC, UNRCO and WHO
ATTENDING_ORGANISATIONS = {
    "United Nations Economic Commission for Africa",
    "International Labour Organization",
    "International Organization for Migration",
    "Office of the United Nations High Commissioner for Human Rights",
    "United Nations Development Programme",
    "Office of the United Nations High Commissioner for Refugees",
    "United Nations Children's Fund",
    "United Nations Office for Project Services",
    "United Nations Office on Drugs and Crime",
    "World Health Organization",
}


def test_attendance_2024(corpus: Store) -> None:
    found = rows(corpus, "attendance", year=2024)
    states = [row for row in found if row[1]]
    assert len(ATTENDANCE_2024) == 43
    assert sorted(states) == sorted(ATTENDANCE_2024)
    assert found[: len(states)] == states  # States first
    organisations = {name for name, iso3 in found if not iso3}
    assert ATTENDING_ORGANISATIONS <= organisations
    # paragraph 5: "The European Union (EU) was represented by the Delegation of the European Union to the United
    # Nations and other international organizations in Geneva, the European External Action Service (EEAS), and the
    # European Commission, with Directorate-General for Migration and Home Affairs (DG-HOME) and … (DG-NEAR)"
    european = {
        "European Union",
        "European External Action Service",
        "European Commission",
        "Directorate-General for Migration and Home Affairs",
        "Directorate-General for Neighbourhood and Enlargement Negotiations",
    }
    assert european <= organisations
    # the Resident Coordinator's Office and the EU Delegation are in no reference list: organisations of their own
    others = organisations - ATTENDING_ORGANISATIONS - european
    assert sorted(others) == [
        "Delegation of the European Union to the United Nations and other international organizations in Geneva",
        "United Nations Resident Coordinator's Office",
    ]


def test_attendance_2020_has_no_list(corpus: Store) -> None:
    # 003 gives no "Representatives of the following ... attended" list (only "attendees located in over 30 countries")
    assert rows(corpus, "attendance", year=2020) == []


# --- objective-mentions ----------------------------------------------------------------------------

# 003 annex, "Objective 4: Ensure that all migrants have proof of legal identity ..." (its four paragraphs):
# the United Kingdom and Albania; the Portuguese government; Portugal; Belgium; France; Azerbaijan; Kazakhstan;
# Spain and Malta; The Russian Federation ... Russian citizenship; Croatia.
OBJECTIVE_4_IN_2020 = {
    "ALB": ["Albania"],
    "AZE": ["Azerbaijan"],
    "BEL": ["Belgium"],
    "ESP": ["Spain"],
    "FRA": ["France"],
    "GBR": ["United Kingdom"],
    "HRV": ["Croatia"],
    "KAZ": ["Kazakhstan"],
    "MLT": ["Malta"],
    "PRT": ["Portugal", "Portuguese"],
    "RUS": ["Russian"],
}


def test_objective_mentions_of_objective_4_in_2020(corpus: Store) -> None:
    found = rows(corpus, "objective-mentions", objective=4, year=2020, classified="exclude")
    assert {kind for *_, kind in found} == {"explicit"}
    assert {(iso3, document) for iso3, _, document, _, _ in found} == {(iso3, D003) for iso3 in OBJECTIVE_4_IN_2020}
    for iso3, _, document, passage, _ in found:
        text = passage_text(corpus, document, passage)
        assert any(name in text for name in OBJECTIVE_4_IN_2020[iso3]), (iso3, passage, text[:80])
    assert ("PRT", "Portugal") in {(iso3, name) for iso3, name, _, _, _ in found}
    # with the classified links (the default), the explicit rows are all still there
    assert set(found) <= set(rows(corpus, "objective-mentions", objective=4, year=2020))


def test_objective_mentions_year_is_optional(corpus: Store) -> None:
    everything = rows(corpus, "objective-mentions", objective=4)
    of_2020 = rows(corpus, "objective-mentions", objective=4, year=2020)
    of_2024 = rows(corpus, "objective-mentions", objective=4, year=2024)
    assert sorted(everything) == sorted(of_2020 + of_2024)
    assert {document for _, _, document, _, _ in of_2024} <= {D000, D001, D002}
    assert rows(corpus, "objective-mentions", objective=4, year=2019) == []


# --- initiatives -----------------------------------------------------------------------------------

MPTF = "Migration Multi-Partner Trust Fund"
COVID = "UN COVID-19 Response and Recovery Multi-Partner Trust Fund"
ICF = "Integrated Communities Fund"


def test_initiatives_of_the_corpus_one_node_per_programme(corpus: Store) -> None:
    # 000: "in North Macedonia, a Joint Programme funded by the Migration Multi-Partner Trust Fund (M-MPTF)";
    # "Another M-MPTF funded Joint Programme addressed migration data needs in Serbia"; "the M-MPTF funded
    # Joint Programme in Tajikistan"; "A COVID-19 MPTF-funded Project in Kazakhstan"; "the M-MPTF Joint
    # Programme proposal on the creation of a Common Regional Market in the Western Balkans".
    # 001: "a joint programme admitted to the pipeline of the Migration Multi-Partner Trust Fund (M-MPTF) ...
    # prospective migrants in Tajikistan". 002 paragraph 34: "initiatives supported by the fund in the region
    # include addressing ... vulnerabilities in Tajikistan and enhancing migration data collection in North
    # Macedonia". 003, under "Objective 16": "The 'Integrated Communities Fund' supports 16 projects in England".
    # No passage of 000, 001 or 002 names an objective, so none is given (not the session's objectives).
    found = {row[1:7] for row in rows(corpus, "initiatives")}
    assert found == {
        (MPTF, "MKD", "", D000, "funded", ""),
        (MPTF, "SRB", "", D000, "funded", ""),
        (MPTF, "TJK", "", D000, "funded", ""),
        (COVID, "KAZ", "", D000, "funded", ""),
        (MPTF, "", "", D000, "proposal", "Western Balkans"),
        (MPTF, "TJK", "", D001, "pipeline", ""),
        (MPTF, "TJK", "", D002, "funded", ""),
        (MPTF, "MKD", "", D002, "funded", ""),
        (ICF, "", "16", D003, "funded", "England"),
    }
    # the programme of 000 and of 002 (called a "Joint Programme" in one, an "initiative" in the other) is one node
    labels = {(row[2], row[4]): row[0] for row in rows(corpus, "initiatives") if row[1] == MPTF and row[5] == "funded"}
    assert labels[("MKD", D000)] == labels[("MKD", D002)] == f"{MPTF} programme in North Macedonia"
    assert labels[("TJK", D000)] == labels[("TJK", D002)] == f"{MPTF} programme in Tajikistan"
    # the session the background note is about is context, shown apart
    assert {row[8] for row in rows(corpus, "initiatives") if row[4] == D000} == {"2024 review, session 4"}


def test_every_consumer_shows_one_node_per_programme(corpus: Store) -> None:
    # the network views and the heatmap read initiative-network: each programme is one node, whatever the
    # word ("Joint Programme" in 000, "initiatives" in 002) and however many documents state it
    network = rows(corpus, "initiative-network")
    nodes = {row[0] for row in network}
    mptf = "https://w3id.org/gcmkg/id/initiative/migration-mptf/"
    assert {iri for iri in nodes if iri.startswith(mptf)} == {
        mptf + "MKD",
        mptf + "SRB",
        mptf + "TJK",
        mptf + "TJK/pipeline",
    }  # the proposal for the Western Balkans has no State and no objective: no edge, no node
    assert {row[5] for row in network if row[0] == mptf + "MKD"} == {"MKD"}


def test_names_read_in_context_reach_the_views(corpus: Store) -> None:
    # 003: "the Sahel and Lake Chad" names a lake, not Chad; "in English, French and Russian" languages
    engaged = {row[0] for row in rows(corpus, "state-engagement")}
    assert "TCD" not in engaged
    assert "TCD" not in {row[2] for row in rows(corpus, "coverage")}
    comentioned = {code for row in rows(corpus, "state-comentions") for code in (row[1], row[4])}
    assert "TCD" not in comentioned
    # "the UNECE region" is the region: no mention of the organisation is followed by the word "region"
    query = """PREFIX gcm: <https://w3id.org/gcmkg/ontology#>
    SELECT ?of ?text ?start ?end ?passageStart WHERE {
      ?m gcm:mentionOf ?of ; gcm:mentionIn ?p ; gcm:startOffset ?start ; gcm:endOffset ?end .
      ?p gcm:text ?text ; gcm:startOffset ?passageStart .
      VALUES ?of { <https://w3id.org/gcmkg/id/organisation/unece> <https://w3id.org/gcmkg/id/region/unece> }
    }"""
    following: dict[str, list[tuple[str, str]]] = {"organisation": [], "region": []}
    for row in corpus.query(query, use_default_graph_as_union=True):
        end = int(row["end"].value) - int(row["passageStart"].value)
        start = int(row["start"].value) - int(row["passageStart"].value)
        kind = row["of"].value.split("/id/")[1].split("/")[0]
        following[kind].append((row["text"].value[start:end], row["text"].value[end : end + 20]))
    assert following["region"] and all(surface.endswith(("region", "Region")) for surface, _ in following["region"])
    region_next = re.compile(r"\s*(?:\([A-Z]+\)\s*)?[Rr]egions?\b")
    assert following["organisation"] and not [a for _, a in following["organisation"] if region_next.match(a)]


@pytest.mark.parametrize("funder", ["m-mptf", "Migration MPTF", "MIGRATION MULTI-PARTNER TRUST FUND"])
def test_initiatives_of_one_funder(corpus: Store, funder: str) -> None:
    found = rows(corpus, "initiatives", funder=funder)
    assert found and {row[1] for row in found} == {MPTF}
    assert {row[2] for row in found} >= {"MKD", "SRB", "TJK"}
    assert rows(corpus, "initiatives", funder="covid-19 mptf") == [
        row for row in rows(corpus, "initiatives") if row[1] == COVID
    ]


# --- processes, statistics, citations --------------------------------------------------------------


def test_processes_named_in_each_document(corpus: Store) -> None:
    # 000: "the Budapest Process<sup>24</sup> and Almaty Process<sup>25</sup>", "International Migration Review
    # Forum (IMRF)"; "the Prague Process Migration Observatory" is an initiative, not the Prague Process.
    # 001: IMRF. 002: IMRF (paragraphs 3 and 21), "the Global Forum on Migration and Development" (annex 24).
    # 003: IMRF, GFMD, "within the Budapest Process", "IOM's International Dialogues on Migration",
    # "Migration, Asylum, Refugees Regional Initiative (MARRI)". 004: none.
    imrf, gfmd = "International Migration Review Forum", "Global Forum on Migration and Development"
    # 003 also: "co-operation within the Khartoum and Rabat processes" (coordinated names). Through an initiative of
    # theirs: "the Prague Process Migration Observatory" (000) and "the Mayors Mechanism" (the GFMD Mayors
    # Mechanism, 000 and 003).
    mayors = "GFMD Mayors Mechanism"
    assert sorted(rows(corpus, "processes")) == sorted(
        [
            ("Almaty Process", D000, ""),
            ("Budapest Process", D000, ""),
            ("Budapest Process", D003, ""),
            (gfmd, D000, mayors),
            (gfmd, D002, ""),
            (gfmd, D003, ""),
            (gfmd, D003, mayors),
            ("International Dialogue on Migration", D003, ""),
            (imrf, D000, ""),
            (imrf, D001, ""),
            (imrf, D002, ""),
            (imrf, D003, ""),
            ("Khartoum Process", D003, ""),
            ("Migration, Asylum, Refugees Regional Initiative", D003, ""),
            ("Prague Process", D000, "Prague Process Migration Observatory"),
            ("Rabat Process", D003, ""),
        ]
    )


def test_statistics_read_off_the_text(corpus: Store) -> None:
    found = {(Decimal(row[0]), row[1], row[2], row[4]) for row in rows(corpus, "statistics")}
    assert {
        # 000: "In 2020, the UNECE region hosted nearly 159 million international migrants"
        (Decimal(159000000), "count", "2020", D000),
        # 000: "there were roughly 288,000 arrivals via the Mediterranean in 2023"
        (Decimal(288000), "count", "2023", D000),
        # 002 paragraph 34: "considering its 2024 funding target set at USD 25 million"
        (Decimal(25000000), "USD", "2024", D002),
        # 002 paragraph 11: "2024 will see more than 60 national elections"
        (Decimal(60), "count", "2024", D002),
        # 002 paragraph 7: "Representatives of over 65 non-governmental organizations" (no year in the sentence)
        (Decimal(65), "count", "", D002),
    } <= found
    # never a year ("its 2024 funding target") or an ordinal ("its 128th meeting")
    assert not {(value, document) for value, _, _, document in found} & {(Decimal(2024), D002), (Decimal(128), D002)}
    detail = {(Decimal(row[0]), row[3], row[5], row[6], row[7], row[8]) for row in rows(corpus, "statistics")}
    assert {
        # 001: "Between 2002 and 2022 there were 206,725 individual cases of victims of trafficking globally"
        (Decimal(206725), "individual cases of victims of trafficking", "", "2002", "2022", "observed"),
        # 003: "smuggling of migrants generates 5-7 billion dollars USD annually": a range keeps both ends
        (Decimal(5000000000), "smuggling of migrants generates", "7000000000", "", "", "observed"),
        # 003: "automatic detention for periods up to 10 days": a limit, counted in days
        (Decimal(10), "automatic detention", "", "", "", "limit"),
        # 003: "wishing to stay in Belgium for more than 90 days" (policies introduced in 2019): a threshold
        (Decimal(90), "stay in Belgium", "", "2019", "2019", "threshold"),
        # 003: "remittance costs at or below the target of 3%": a target
        (Decimal(3), "remittance costs", "", "", "", "target"),
    } <= detail
    # 003: "The Portuguese Government ... established protocols with 144 municipalities" (three digits, no quantifier)
    assert (Decimal(144), "count", "", D003) in found


def test_citations_of_footnote_urls(corpus: Store) -> None:
    found = {(url, document, subject) for url, document, _, subject, *_ in rows(corpus, "citations")}
    assert {
        # 000 footnotes 24, 25 and 13, marks right after the names they document
        ("https://www.budapestprocess.org/", D000, "Budapest Process"),
        ("https://www.iom.int/almaty-process-refugee-protection-and-international-migration", D000, "Almaty Process"),
        ("https://www.pragueprocess.eu/en/migration-observatory", D000, "Prague Process Migration Observatory"),
        # 002 footnote 1, marked after "the decision of the ECE Executive Committee at its 128th meeting on 15 May
        # 2023": the nearest name before the mark, unknown to the reference data
        (
            "https://unece.org/sites/default/files/2023-06/item%20202%20_EXCOM%20Conclu-128.pdf",
            D002,
            "ECE Executive Committee",
        ),
        # 001 footnote 12, marked after "To this end, Portugal has implemented ... reducing costs for applicants."
        ("https://migrationnetwork.un.org/practice/new-model-consular-management-nmcm", D001, "Portugal"),
        # 000 footnote 10, after "Additionally, it has supported ...": "it" is the programme of the sentence before
        ("https://migrationnetwork.un.org/fund-action-north-macedonia", D000, f"{MPTF} programme in North Macedonia"),
        # 000 footnote 18, whose mark was lost: its URL names Tajikistan, the sentence of the programme there
        ("https://migrationnetwork.un.org/fund-action-tajikistan", D000, f"{MPTF} programme in Tajikistan"),
        # 001 footnote 5, after the sentence's figure "5,806 recorded deaths and disappearances."
        ("https://missingmigrants.iom.int/", D001, "5,806: recorded deaths and disappearances"),
        # 003 footnote 4: a URL that conversion split at spaces, rejoined
        (
            "https://www.ilo.org/wcmsp5/groups/public/---edemp/---ifpskills/documents/publication/wcms653993.pdf",
            D003,
            "Global Skills Partnership on Migration",
        ),
    } <= found


# --- parameters are typed: a bad value is a usage error (exit code 2) ------------------------------


@pytest.mark.parametrize(
    ("name", "params", "words"),
    [
        ("session-objectives", ["year=20x4", "session=2"], "parameter 'year' is '20x4'"),
        ("session-objectives", ["year=2024", "session=two"], "parameter 'session' is 'two'"),
        ("session-participants", ["year=2024", "session=2.5"], "parameter 'session' is '2.5'"),
        ("session-participants", ["session=2"], "needs --param year=VALUE"),
        ("attendance", ["year=24"], "parameter 'year' is '24'"),
        ("objective-mentions", ["objective=seven"], "parameter 'objective' is 'seven'"),
        ("objective-mentions", ["objective=4", "year=MMXX"], "parameter 'year' is 'MMXX'"),
        # any text is a funder name; a pair without '=' or a name given twice is still refused
        ("initiatives", ["funder"], "is not KEY=VALUE"),
        ("initiatives", ["funder=EU", "funder=IOM"], "'funder' is given twice"),
        ("processes", ["year=2024"], "has no parameter 'year'"),
        ("statistics", ["unit=USD"], "has no parameter 'unit'"),
        ("citations", ["document=002"], "has no parameter 'document'"),
    ],
)
def test_bad_parameter_values_exit_2(reference_build: Path, name: str, params: list[str], words: str) -> None:
    args = ["query", name, "--graph", str(reference_build)]
    for pair in params:
        args += ["--param", pair]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert words in result.output

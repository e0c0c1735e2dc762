"""The thematic layer: guiding principles named in passages and objectives classified from their words.

tests/fixtures/themes/ is a fictional background note written for these tests: its opening sentence gives
session 2 of the 2024 review objectives 9, 10 and 13; then one paragraph on smuggling (objective 9), one on
trafficking (10), one on detention (13), one naming principles only, and a closing line. The expectations
below are read off that text.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import Store

from gcmkg.graph.cli import cli
from gcmkg.graph.core.errors import DataError
from gcmkg.graph.rdfio.store import open_store
from gcmkg.loaders.documents.themes.assign import without_names
from gcmkg.loaders.documents.themes.classifier import MIN_SCORE, ObjectiveClassifier
from gcmkg.loaders.documents.themes.principles import PrincipleFinder
from gcmkg.loaders.reference import load_reference, objective_terms
from gcmkg.loaders.reference.objectiveterms import ObjectiveText, derive, read_objectives, to_csv, with_titles
from tests.conftest import REPO_ROOT
from tests.test_queries_fixture import rows

THEMES = REPO_ROOT / "tests" / "fixtures" / "themes"
RESOLUTION = REPO_ROOT.parent / "shared" / "reference" / "gcm-objectives-and-actions.md"
DOC = "themes_note"
PRINCIPLE = "https://w3id.org/gcmkg/id/principle/"


@pytest.fixture(scope="module")
def finder() -> PrincipleFinder:
    return PrincipleFinder.from_graphs(source.graph for source in load_reference())


@pytest.fixture(scope="module")
def classifier() -> ObjectiveClassifier:
    return ObjectiveClassifier.from_file(objective_terms()[0])


@pytest.fixture(scope="module")
def themes_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("themes-build")
    result = CliRunner().invoke(cli, ["build", "--corpus", str(THEMES), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def store(themes_build: Path) -> Store:
    return open_store(themes_build)


def found(finder: PrincipleFinder, text: str) -> list[tuple[str, str]]:
    return [(m.principle.removeprefix(PRINCIPLE), text[m.start : m.end]) for m in finder.find(text)]


# --------------------------------------------------------------------------- principles


def test_principles_by_their_names_and_the_gcm_phrasings(finder: PrincipleFinder) -> None:
    text = (
        "A Whole of Government approach, gender responsive services, a people-centered view, "
        "international co-operation and the best interest of the child."
    )
    assert found(finder, text) == [
        ("whole-of-government", "Whole of Government approach"),
        ("gender-responsive", "gender responsive"),
        ("people-centred", "people-centered"),
        ("international-cooperation", "international co-operation"),
        ("child-sensitive", "best interest of the child"),
    ]


def test_coordinated_approaches_name_both_principles(finder: PrincipleFinder) -> None:
    text = "They followed whole-of-government and whole-of-society approaches."
    assert found(finder, text) == [
        ("whole-of-government", "whole-of-government"),
        ("whole-of-society", "whole-of-society"),
    ]


def test_coordinated_modifiers_and_compounds_keep_the_principle(finder: PrincipleFinder) -> None:
    text = (
        "Both capitals asked for international as well as cross-border cooperation, protected human and labour "
        "rights through human rights-compliant screening, and met the SDG targets."
    )
    assert found(finder, text) == [
        ("international-cooperation", "international as well as cross-border cooperation"),
        ("human-rights", "human and labour rights"),
        ("human-rights", "human rights"),
        ("sustainable-development", "SDG"),
    ]
    # a coordination takes one word only, and a compound opens on a letter
    assert found(finder, "international trade and economic cooperation; gender-2 data") == []


def test_the_agenda_names_sustainable_development_and_its_words_inside_a_title_do_not(
    finder: PrincipleFinder,
) -> None:
    text = "Agenda 2030, the 2030 Agenda for Sustainable Development and the Office of Human Rights."
    assert found(finder, text) == [
        ("sustainable-development", "Agenda 2030"),
        ("sustainable-development", "2030 Agenda"),
    ]


def test_a_phrase_inside_a_title_or_a_named_entity_is_no_principle(finder: PrincipleFinder) -> None:
    assert found(finder, "The Ministry of International Cooperation and Human Rights Watch replied.") == []
    # an objective's title quoted in full names the objective (any spacing, "&" for "and")
    text = (
        "Panel B took up 'Create conditions for migrants and diasporas to fully contribute to sustainable\n"
        "development in all countries' and 'strengthen international cooperation & global partnerships for safe, "
        "orderly & regular migration', then sustainable development as such."
    )
    assert found(finder, text) == [("sustainable-development", "sustainable development")]
    inside = "National Human Rights Institutions met."
    assert finder.find(inside, names=[(0, len("National Human Rights Institutions"))]) == []
    # a capitalised phrase opening a sentence is no title
    assert found(finder, "Sustainable development matters. Human rights too.") == [
        ("sustainable-development", "Sustainable development"),
        ("human-rights", "Human rights"),
    ]


def test_principle_mentions_of_a_build_with_spans(store: Store, themes_build: Path) -> None:
    text = (THEMES / "themes_note.txt").read_text(encoding="utf-8")
    result = rows(store, "principle-mentions", year=2024)
    assert [(principle, document, passage, surface) for principle, document, passage, surface, _, _ in result] == [
        ("Gender-responsive", DOC, "3", "gender-responsive"),
        ("Child-sensitive", DOC, "3", "child-sensitive"),
        ("Child-sensitive", DOC, "4", "best interests of the child"),
        ("Whole-of-government approach", DOC, "5", "whole of government approach"),
        ("Whole-of-society approach", DOC, "5", "multi-stakeholder partnerships"),
        # the GCM roots its sustainable development principle in the 2030 Agenda and its Goals
        ("Sustainable development", DOC, "5", "Sustainable Development Goals"),
    ]
    for *_, surface, start, end in result:
        assert " ".join(surface.split()) in " ".join(text.split())
        assert int(end) - int(start) == len(surface)
    assert rows(store, "principle-mentions", year=2020) == []


def test_principles_are_in_the_export(themes_build: Path, tmp_path: Path) -> None:
    out = tmp_path / "themes.nt"
    result = CliRunner().invoke(cli, ["export", "--graph", str(themes_build), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    exported = out.read_text(encoding="utf-8")
    assert f"<https://w3id.org/gcmkg/ontology#aboutPrinciple> <{PRINCIPLE}whole-of-society>" in exported


# --------------------------------------------------------------------------- objectives


def test_each_paragraph_is_classified_among_its_sessions_objectives(store: Store) -> None:
    query = """
        PREFIX gcm: <https://w3id.org/gcmkg/ontology#>
        SELECT ?passage ?objective ?scope WHERE {
          ?c gcm:classificationOf/gcm:passageNumber ?passage ; gcm:assignedObjective/gcm:objectiveNumber ?objective ;
             gcm:classificationScope ?scope .
        } ORDER BY ?passage"""
    assert [(r["passage"].value, r["objective"].value, r["scope"].value) for r in store.query(query)] == [
        ("2", "9", "session"),
        ("3", "10", "session"),
        ("4", "13", "session"),
    ]


def test_classified_links_are_kept_apart_with_score_and_method(store: Store) -> None:
    query = """
        PREFIX gcm: <https://w3id.org/gcmkg/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?score ?used WHERE {
          ?c gcm:classificationOf ?p ; gcm:score ?score ; prov:wasGeneratedBy ?method .
          ?method prov:used ?used .
          FILTER NOT EXISTS { ?p gcm:aboutObjective ?o . ?c gcm:assignedObjective ?o }
        }"""
    found_rows = list(store.query(query))
    assert len(found_rows) == 3
    assert all(MIN_SCORE <= float(r["score"].value) <= 1 for r in found_rows)
    assert {r["used"].value for r in found_rows} == {
        "https://w3id.org/gcmkg/source/loaders/reference/data/objective-terms.csv"
    }
    # the opening paragraph names the three objectives: explicit links, never classified again
    explicit = rows(store, "objective-mentions", objective=9)
    assert explicit == [
        ("ALB", "Albania", DOC, "2", "classified"),
        ("SRB", "Serbia", DOC, "2", "classified"),
    ]
    assert rows(store, "objective-mentions", objective=9, classified="exclude") == []


def test_objective_engagement_names_the_classified_mentions(store: Store) -> None:
    assert rows(store, "objective-engagement", objective=10) == [
        ("MDA", "Republic of Moldova", "2024", "classified mention", "1", "1")
    ]
    assert rows(store, "objective-engagement", objective=10, classified="exclude") == []


def test_a_passage_in_no_session_is_weighed_against_all_23(classifier: ObjectiveClassifier) -> None:
    text = "Migrant smuggling networks were dismantled by joint investigations and prosecution of smugglers."
    (scores,) = classifier.scores([text])
    assert [c.objective for c in classifier.classify(scores, ())] == [9]
    assert classifier.classify(classifier.scores(["The meeting closed at noon."])[0], ()) == []


def test_a_passage_that_names_objectives_is_classified_under_no_other(classifier: ObjectiveClassifier) -> None:
    # mostly trafficking, with a word of smuggling: alone it is about trafficking; under an "Objective 9" heading
    # (or naming objective 9) its author said what it is about, and the classifier adds nothing
    trafficking = (
        "Victims of trafficking in persons were identified and protected by specialised units, and prosecutors "
        "pursued the traffickers; smugglers who organised crossings were also convicted."
    )
    (scores,) = classifier.scores([trafficking])
    assert 10 in [c.objective for c in classifier.classify(scores, (8, 9, 10, 11))]
    assert classifier.classify(scores, (8, 9, 10, 11), named={9}) == []


def test_names_of_entities_are_blanked_out_before_classifying(classifier: ObjectiveClassifier) -> None:
    # an organisation's or a project's name holds topical words, but naming it discusses nothing
    text = "Speakers from UN Women and the Missing Migrants Project joined the call from Geneva."
    women, project = text.index("UN Women"), text.index("Missing Migrants Project")
    names = [(women, women + len("UN Women")), (project, project + len("Missing Migrants Project"))]
    blanked = without_names(text, names)
    assert blanked == "Speakers from          and the                          joined the call from Geneva."
    assert classifier.classify(classifier.scores([text])[0], ()) != []
    assert classifier.classify(classifier.scores([blanked])[0], ()) == []


def test_scores_are_the_same_every_time(classifier: ObjectiveClassifier) -> None:
    texts = ["Remittance transfer costs fell and financial inclusion grew.", "Consular protection abroad."]
    assert (classifier.scores(texts) == classifier.scores(list(texts))).all()


def test_a_bad_terms_file_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "objective-terms.csv"
    path.write_text("objective,term,weight,title\n7,vulner,0.5,yes\n24,border,0.4,no\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"objective-terms.csv:3: objective 24 is not between 1 and 23"):
        ObjectiveClassifier.from_file(path)
    path.write_text("objective,term,weight,title\n7,vulner,heavy,yes\n", encoding="utf-8")
    with pytest.raises(DataError, match=r":2: weight 'heavy' is not a number"):
        ObjectiveClassifier.from_file(path)


# --------------------------------------------------------------------------- the derived terms


def test_a_transcription_missing_an_objective_is_refused() -> None:
    text = "\n".join(f"# Objective {n}\n## Title: T{n}\n- a. Act {n}." for n in range(1, 23))
    with pytest.raises(DataError, match="expected 1 to 23"):
        read_objectives(text, "gcm.md")


def test_repeated_actions_are_dropped_and_said() -> None:
    objectives = [ObjectiveText(1, "old", ("a", "b")), ObjectiveText(2, "old", ("a", "b"))]
    fixed, notes = with_titles(objectives, {1: "Collect data", 2: "Minimize drivers"})
    assert [(o.title, o.actions) for o in fixed] == [("Collect data", ("a", "b")), ("Minimize drivers", ())]
    assert notes == ["objective 2: its actions repeat those of objective 1; described by its title alone"]


@pytest.mark.skipif(not RESOLUTION.exists(), reason="needs ../shared/reference/gcm-objectives-and-actions.md")
def test_the_shipped_terms_are_what_the_resolution_derives() -> None:
    from gcmkg.loaders.reference.objectiveterms import objectives_file
    from gcmkg.loaders.table import read_table

    titles = {row.integer("number"): row.text("title") for row in read_table(objectives_file(), ("number", "title"))}
    objectives, notes = with_titles(read_objectives(RESOLUTION.read_text(encoding="utf-8"), "x"), titles)
    assert notes == ["objective 20: its actions repeat those of objective 2; described by its title alone"]
    assert to_csv(derive(objectives)) == objective_terms()[0].read_bytes()


def test_the_coverage_heatmap_counts_classified_mentions(themes_build: Path, tmp_path: Path) -> None:
    # the States are named only in the paragraphs classified under 9 (Albania, Serbia) and 10 (Moldova); the note
    # lists no participants, so the review has no session counts at all: missing data, an empty cell, not 0
    out = tmp_path / "coverage.csv"
    result = CliRunner().invoke(cli, ["viz", "coverage", "--graph", str(themes_build), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as handle:
        found = [
            (r["objective"], r["iso3"], r["year"], r["mentions"], r["sessions"], r["classified"])
            for r in csv.DictReader(handle)
        ]
    assert found == [
        ("9", "ALB", "2024", "1", "", "1"),
        ("9", "SRB", "2024", "1", "", "1"),
        ("10", "MDA", "2024", "1", "", "1"),
    ]


def test_describe_shows_a_principle_and_the_passages_naming_it(themes_build: Path) -> None:
    result = CliRunner().invoke(cli, ["describe", "principle:whole-of-society", "--graph", str(themes_build)])
    assert result.exit_code == 0, result.output
    assert "multi-stakeholder partnerships" in result.output  # a phrasing: an alternative label
    assert f"gcm:aboutPrinciple           ← https://w3id.org/gcmkg/id/document/{DOC}/passage/5" in result.output

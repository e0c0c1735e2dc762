"""Reference data loads, validates, and says what the UN and ISO 3166 say (expected values typed by hand)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SKOS, XSD

from gcmkg.graph.core import ids
from gcmkg.graph.core.errors import TableError
from gcmkg.graph.core.resources import reference_data_dir
from gcmkg.graph.core.vocab import GCM
from gcmkg.loaders.reference import load_reference


@pytest.fixture(scope="module")
def reference() -> dict[str, Graph]:
    return {source.name: source.graph for source in load_reference()}


def _state(alpha3: str) -> URIRef:
    return URIRef(ids.state(alpha3))


def _designated(graph: Graph, name: str) -> set[URIRef]:
    """Subjects that carry ``name`` as a label, alias, acronym or demonym."""
    found = set()
    for prop in (SKOS.prefLabel, SKOS.altLabel, GCM.acronym, GCM.demonym):
        found |= set(graph.subjects(prop, Literal(name, lang="en")))
    return found


def test_193_members_and_2_observers(reference: dict[str, Graph]) -> None:
    states = reference["reference/states"]
    statuses = [str(o) for o in states.objects(None, GCM.unMembership)]
    assert statuses.count("member") == 193
    assert statuses.count("observer") == 2
    observers = {s for s in states.subjects(GCM.unMembership, Literal("observer"))}
    assert observers == {_state("VAT"), _state("PSE")}


def test_56_ece_members(reference: dict[str, Graph]) -> None:
    states = reference["reference/states"]
    ece = set(states.subjects(GCM.eceMember, Literal(True, datatype=XSD.boolean)))
    assert len(ece) == 56
    assert {_state(c) for c in ("USA", "CAN", "ISR", "KAZ", "TKM", "AND", "MCO", "SMR", "LIE", "TUR")} <= ece
    assert not {_state(c) for c in ("JPN", "MEX", "AUS", "MNG", "EGY", "VAT")} & ece


@pytest.mark.parametrize(
    ("alpha3", "un_name", "alias"),
    [
        ("TUR", "Türkiye", "Turkey"),
        ("MDA", "Republic of Moldova", "Moldova"),
        ("CZE", "Czechia", "Czech Republic"),
        ("GBR", "United Kingdom of Great Britain and Northern Ireland", "United Kingdom"),
        ("USA", "United States of America", "United States"),
        ("KGZ", "Kyrgyzstan", "Kyrgyz Republic"),
        ("RUS", "Russian Federation", "Russia"),
        ("MKD", "North Macedonia", "Republic of North Macedonia"),
    ],
)
def test_un_names_and_aliases(reference: dict[str, Graph], alpha3: str, un_name: str, alias: str) -> None:
    states = reference["reference/states"]
    assert states.value(_state(alpha3), SKOS.prefLabel) == Literal(un_name, lang="en")
    assert _designated(states, alias) == {_state(alpha3)}


def test_iso_codes_and_eu_authority_link(reference: dict[str, Graph]) -> None:
    states = reference["reference/states"]
    turkiye = _state("TUR")
    assert str(states.value(turkiye, GCM.alpha2)) == "TR"
    assert str(states.value(turkiye, GCM.numericCode)) == "792"
    assert (turkiye, SKOS.exactMatch, URIRef("http://publications.europa.eu/resource/authority/country/TUR")) in states
    assert str(states.value(_state("AFG"), GCM.numericCode)) == "004"


def test_unambiguous_demonyms(reference: dict[str, Graph]) -> None:
    states = reference["reference/states"]
    assert _designated(states, "Portuguese") == {_state("PRT")}
    assert _designated(states, "German") == {_state("DEU")}
    assert _designated(states, "Congolese") == set()


def test_no_name_designates_two_entities(reference: dict[str, Graph]) -> None:
    owners: dict[str, set[URIRef]] = {}
    for graph in reference.values():
        for prop in (SKOS.prefLabel, SKOS.altLabel, GCM.acronym, GCM.demonym):
            for subject, name in graph.subject_objects(prop):
                owners.setdefault(str(name).casefold(), set()).add(subject)
    assert {name: found for name, found in owners.items() if len(found) > 1} == {}


def test_objectives_1_to_23_with_official_titles(reference: dict[str, Graph]) -> None:
    objectives = reference["reference/objectives"]
    numbers = sorted(int(n) for n in objectives.objects(None, GCM.objectiveNumber))
    assert numbers == list(range(1, 24))
    title = {
        int(objectives.value(s, GCM.objectiveNumber)): str(objectives.value(s, SKOS.prefLabel))
        for s in objectives.subjects(RDF.type, GCM.Objective)
    }
    assert title[1] == "Collect and utilize accurate and disaggregated data as a basis for evidence-based policies"
    assert title[7] == "Address and reduce vulnerabilities in migration"
    assert title[13] == "Use migration detention only as a measure of last resort and work towards alternatives"
    assert title[21] == (
        "Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration"
    )


def test_ten_guiding_principles(reference: dict[str, Graph]) -> None:
    principles = reference["reference/principles"]
    labels = {str(o) for o in principles.objects(None, SKOS.prefLabel)}
    assert len(labels) == 10
    assert {"People-centred", "Whole-of-government approach", "Whole-of-society approach"} <= labels


def test_gazetteer_entries(reference: dict[str, Graph]) -> None:
    organisations = reference["reference/organisations"]
    (iom,) = _designated(organisations, "IOM")
    assert iom == URIRef(ids.organisation("iom"))
    assert (iom, RDF.type, GCM.UNEntity) in organisations
    processes = reference["reference/processes"]
    assert _designated(processes, "Budapest Process") == {URIRef(ids.process("budapest-process"))}
    assert _designated(processes, "Almaty Process") == {URIRef(ids.process("almaty-process"))}
    initiatives = reference["reference/initiatives"]
    (mptf,) = _designated(initiatives, "Migration MPTF")
    assert (mptf, RDF.type, GCM.Fund) in initiatives
    covid = _designated(initiatives, "COVID-19 MPTF")
    assert covid and mptf not in covid


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(reference_data_dir(), folder)
    return folder


def _edit(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` in ``path``; return its 1-based line number."""
    text = path.read_text(encoding="utf-8")
    index = text.index(old)
    path.write_text(text[:index] + new + text[index + len(old) :], encoding="utf-8")
    return text[:index].count("\n") + 1


def test_wrong_header_names_file_and_line(data_copy: Path) -> None:
    _edit(data_copy / "objectives.csv", "number,title", "no,title")
    with pytest.raises(TableError, match=r"objectives\.csv:1: header is \['no', 'title'\]"):
        load_reference(data_copy)


def test_alias_claimed_by_two_states_names_the_line(data_copy: Path) -> None:
    france = _edit(data_copy / "states.csv", "FRA,France,member,yes,", "FRA,France,member,yes,Moldova;")
    moldova = _edit(data_copy / "states.csv", "MDA,", "MDA,")
    expected = rf"states\.csv:{moldova}: name 'Moldova' of .*/MDA already designates .*/FRA \(states\.csv:{france}\)"
    with pytest.raises(TableError, match=expected):
        load_reference(data_copy)


def test_unknown_code_is_refused(data_copy: Path) -> None:
    line = _edit(data_copy / "states.csv", "FRA,", "FRX,")
    with pytest.raises(TableError, match=rf"states\.csv:{line}: 'FRX' is not an ISO 3166-1 alpha-3 code"):
        load_reference(data_copy)


def test_bad_flag_is_refused(data_copy: Path) -> None:
    line = _edit(data_copy / "states.csv", "FRA,France,member,yes", "FRA,France,member,maybe")
    with pytest.raises(TableError, match=rf"states\.csv:{line}: column 'ece' is 'maybe'; expected one of yes, no"):
        load_reference(data_copy)


def test_missing_objective_is_refused(data_copy: Path) -> None:
    path = data_copy / "objectives.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(line for line in lines if not line.startswith("7,")) + "\n", encoding="utf-8")
    with pytest.raises(TableError, match=r"objective numbers: missing \[7\]"):
        load_reference(data_copy)

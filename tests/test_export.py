"""``gcmkg export``: each format reads back as the statements chosen, byte-identical across runs, graph selection,
errors and exit codes, and atomic writes (a full disk, a failed rename or a killed process leaves the previous
export intact)."""

from __future__ import annotations

import errno
import io
import json
import os
import re
import stat
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset

from gcmkg.graph.cli import cli
from gcmkg.graph.core import atomic, ids
from gcmkg.graph.export import run
from gcmkg.graph.export.formats import ExportFormat
from gcmkg.graph.rdfio.quads import parse_build

EXTENSIONS = {"turtle": "ttl", "trig": "trig", "nquads": "nq", "ntriples": "nt", "jsonld": "jsonld"}
TRIPLE_FORMATS = {"turtle", "ntriples"}
INFERRED = ox.NamedNode(ids.GRAPH + "inferred")


@pytest.fixture(scope="module")
def build_quads(fixture_build: Path) -> list[ox.Quad]:
    return list(parse_build(fixture_build))


def canonical(quads: list[ox.Quad]) -> ox.Dataset:
    """The quads as a dataset with canonical blank nodes, to compare as datasets."""
    dataset = ox.Dataset(quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return dataset


def as_triples(quads: list[ox.Quad]) -> list[ox.Quad]:
    """The quads merged into the default graph (what Turtle and N-Triples hold)."""
    return list({ox.Quad(q.subject, q.predicate, q.object) for q in quads})


def export(runner: CliRunner, build_dir: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(cli, ["export", "--graph", str(build_dir), "-q", *args])
    return result.exit_code, result.output


def folder_state(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` (temporaries included, which are hidden files) with its bytes."""
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


# --- what each format holds ------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(EXTENSIONS))
def test_each_format_reads_back_as_the_build(
    runner: CliRunner, fixture_build: Path, build_quads: list[ox.Quad], tmp_path: Path, name: str
) -> None:
    out = tmp_path / f"gcmkg.{EXTENSIONS[name]}"
    code, output = export(runner, fixture_build, "--format", name, "-o", str(out))
    assert code == 0, output
    expected = as_triples(build_quads) if name in TRIPLE_FORMATS else build_quads
    # read as `gcmkg diff` reads exports: rdfread.parse_build, the format from the suffix
    assert canonical(list(parse_build(out))) == canonical(expected)
    assert output.startswith(f"{out}: {len(set(expected))} triples from 10 graphs ({name})")
    assert (tmp_path / f"gcmkg.{EXTENSIONS[name]}.void.ttl").is_file()


def test_quad_formats_keep_the_named_graphs_and_triple_formats_merge_them(
    runner: CliRunner, fixture_build: Path, build_quads: list[ox.Quad], tmp_path: Path
) -> None:
    export(runner, fixture_build, "-o", str(tmp_path / "x.nq"))
    export(runner, fixture_build, "-o", str(tmp_path / "x.nt"))
    assert {q.graph_name for q in parse_build(tmp_path / "x.nq")} == {q.graph_name for q in build_quads}
    assert {q.graph_name for q in parse_build(tmp_path / "x.nt")} == {ox.DefaultGraph()}


def test_no_inferred_leaves_out_graph_inferred(
    runner: CliRunner, fixture_build: Path, build_quads: list[ox.Quad], tmp_path: Path
) -> None:
    out = tmp_path / "asserted.trig"
    assert export(runner, fixture_build, "--no-inferred", "-o", str(out))[0] == 0
    asserted = [q for q in build_quads if q.graph_name != INFERRED]
    assert len(asserted) < len(build_quads)
    assert canonical(list(parse_build(out))) == canonical(asserted)


def test_graph_selection_by_short_name_prefixed_name_and_iri(
    runner: CliRunner, fixture_build: Path, build_quads: list[ox.Quad], tmp_path: Path
) -> None:
    chosen = {ids.GRAPH + "reference/objectives", ids.GRAPH + "reference/states", ids.GRAPH + "ontology"}
    out = tmp_path / "three.nq"
    names = ["reference/objectives", "graph:reference/states", ids.GRAPH + "ontology"]
    chosen_args = (arg for name in names for arg in ("--named-graph", name))
    code, output = export(runner, fixture_build, *chosen_args, "-o", str(out))
    assert code == 0, output
    exported = list(parse_build(out))
    assert {q.graph_name.value for q in exported} == chosen
    assert canonical(exported) == canonical([q for q in build_quads if q.graph_name.value in chosen])
    assert "from 3 graphs" in output


def test_one_graph_in_turtle_holds_the_23_objectives(runner: CliRunner, fixture_build: Path, tmp_path: Path) -> None:
    out = tmp_path / "objectives.ttl"
    assert export(runner, fixture_build, "--named-graph", "reference/objectives", "-o", str(out))[0] == 0
    objective_type = ox.NamedNode(ids.ONTOLOGY_NS + "Objective")
    objectives = {q.subject for q in parse_build(out) if q.object == objective_type}
    assert objectives == {ox.NamedNode(ids.objective(n)) for n in range(1, 24)}


# --- how the files look ----------------------------------------------------------------------------


def test_turtle_uses_the_project_prefixes_and_groups_each_subject(
    runner: CliRunner, fixture_build: Path, tmp_path: Path
) -> None:
    out = tmp_path / "gcmkg.ttl"
    assert export(runner, fixture_build, "-o", str(out))[0] == 0
    text = out.read_text(encoding="utf-8")
    assert "@prefix gcm: <https://w3id.org/gcmkg/ontology#> .\n" in text
    assert "@prefix state: <https://w3id.org/gcmkg/id/state/> .\n" in text
    assert "@prefix objective: <https://w3id.org/gcmkg/id/objective/> .\n" in text
    assert "\nstate:GEO a " in text  # Georgia: a subject written with its prefix
    assert "<https://w3id.org/gcmkg/id/state/GEO>" not in text
    # one block per subject: a subject's first line starts at the margin, its other statements are indented under it
    heads = [line.split(maxsplit=1)[0] for line in text.splitlines() if line and not line.startswith(("@", "\t"))]
    assert len(heads) == len(set(heads))
    assert len(heads) == len({q.subject for q in parse_build(out)})
    # ... blank nodes (the ontology's class unions and property chains) by their canonical labels (RDFC-1.0)
    blank = {token for token in text.split() if token.startswith("_:")}
    assert blank and all(re.fullmatch(r"_:c14n\d+", token) for token in blank)


def test_ntriples_and_nquads_are_sorted_lines(runner: CliRunner, fixture_build: Path, tmp_path: Path) -> None:
    for name in ("x.nt", "x.nq"):
        assert export(runner, fixture_build, "-o", str(tmp_path / name))[0] == 0
        lines = (tmp_path / name).read_text(encoding="utf-8").splitlines()
        assert lines == sorted(set(lines))


# rdflib's JSON-LD parser still uses its own deprecated ConjunctiveGraph and Dataset.default_context
@pytest.mark.filterwarnings("ignore:.*is deprecated.*:DeprecationWarning")
def test_jsonld_has_an_inline_context_of_the_prefixes(
    runner: CliRunner, fixture_build: Path, build_quads: list[ox.Quad], tmp_path: Path
) -> None:
    out = tmp_path / "gcmkg.jsonld"
    assert export(runner, fixture_build, "-o", str(out))[0] == 0
    text = out.read_text(encoding="utf-8")
    document = json.loads(text)
    assert isinstance(document["@context"], dict)  # never the URL of a remote context
    assert document["@context"]["gcm"] == "https://w3id.org/gcmkg/ontology#"
    assert document["@context"]["state"] == "https://w3id.org/gcmkg/id/state/"
    graphs = {node["@id"] for node in document["@graph"]}
    assert "graph:reference/states" in graphs
    # a second JSON-LD processor (rdflib's) reads the same statements
    read = Dataset().parse(data=text, format="json-ld")
    assert len(list(read.quads())) == len(build_quads)
    assert {str(graph) for *_, graph in read.quads()} == {q.graph_name.value for q in build_quads}


def test_format_from_the_suffix_and_the_default_file(
    runner: CliRunner, fixture_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = export(runner, fixture_build)
    assert code == 0, output
    assert sorted(p.name for p in (tmp_path / "export").iterdir()) == ["gcmkg.ttl", "gcmkg.ttl.void.ttl"]
    assert output.startswith("export/gcmkg.ttl: ")
    assert export(runner, fixture_build, "--format", "nquads")[0] == 0
    assert (tmp_path / "export" / "gcmkg.nq.void.ttl").is_file()
    assert export(runner, fixture_build, "-o", "partners/gcm.jsonld")[0] == 0
    assert "@context" in json.loads((tmp_path / "partners" / "gcm.jsonld").read_text(encoding="utf-8"))


@pytest.mark.slow
def test_every_format_is_byte_identical_across_hash_seeds(fixture_build: Path, tmp_path: Path) -> None:
    def run_export(seed: str, folder: Path) -> None:
        env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
        for name in EXTENSIONS:
            args = [
                "export",
                "--build",
                str(fixture_build),
                "--format",
                name,
                "-o",
                str(folder / f"x.{EXTENSIONS[name]}"),
                "-q",
            ]
            command = [sys.executable, "-c", "from gcmkg.graph.cli import main; main()", *args]
            subprocess.run(command, env={**env, "PYTHONHASHSEED": seed}, check=True, capture_output=True)

    run_export("1", tmp_path / "one")
    run_export("4242", tmp_path / "two")
    first = folder_state(tmp_path / "one")
    assert len(first) == 10  # five data files and five descriptions
    assert first == folder_state(tmp_path / "two")


# --- errors ----------------------------------------------------------------------------------------


def test_unknown_graph_is_a_usage_error_listing_the_graphs(
    runner: CliRunner, fixture_build: Path, tmp_path: Path
) -> None:
    code, output = export(runner, fixture_build, "--named-graph", "reference/stats", "-o", str(tmp_path / "x.ttl"))
    assert code == 2
    assert "no named graph 'reference/stats'" in output
    assert "reference/states" in output and "document/fixture_2024_session_report" in output
    assert not any(tmp_path.iterdir())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "xml"], "'xml' is not one of"),
        (["-o", "{out}/x.txt"], "cannot tell the format of"),
        (["--format", "trig", "-o", "{out}/x.ttl"], "--format trig but"),
        (["--named-graph", "inferred", "--no-inferred", "-o", "{out}/x.ttl"], "contradict"),
    ],
    ids=["bad-format", "unknown-suffix", "format-and-suffix-disagree", "inferred-twice"],
)
def test_bad_options_are_usage_errors(
    runner: CliRunner, fixture_build: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    code, output = export(runner, fixture_build, *(arg.format(out=tmp_path) for arg in args))
    assert code == 2
    assert message in output
    assert not any(tmp_path.iterdir())


def test_missing_build_is_not_found(runner: CliRunner, tmp_path: Path) -> None:
    code, output = export(runner, tmp_path / "no-build", "-o", str(tmp_path / "x.ttl"))
    assert code == 3
    assert f"no build at {tmp_path / 'no-build'}" in output


def test_invalid_build_file_is_a_data_error(runner: CliRunner, tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .\n", encoding="utf-8")
    code, output = export(runner, broken, "-o", str(tmp_path / "x.ttl"))
    assert code == 4
    assert f"{broken}: not valid Turtle" in output


# --- atomic writes ---------------------------------------------------------------------------------


@pytest.fixture()
def previous(runner: CliRunner, fixture_build: Path, tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """An earlier export in a folder of its own (all graphs, N-Quads) and the bytes of its files."""
    folder = tmp_path / "out"
    assert export(runner, fixture_build, "-o", str(folder / "gcmkg.nq"))[0] == 0
    return folder, folder_state(folder)


def fail_on_call(number: int, real: Callable[..., object], error: BaseException) -> Callable[..., object]:
    """``real``, but raising ``error`` on its ``number``-th call."""
    calls = 0

    def patched(*args: object) -> object:
        nonlocal calls
        calls += 1
        if calls == number:
            raise error
        return real(*args)

    return patched


@pytest.mark.parametrize("call", [1, 2], ids=["data", "description"])
def test_full_disk_leaves_the_previous_export_intact(
    runner: CliRunner,
    fixture_build: Path,
    previous: tuple[Path, dict[str, bytes]],
    monkeypatch: pytest.MonkeyPatch,
    call: int,
) -> None:
    folder, before = previous
    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(atomic.os, "fsync", fail_on_call(call, os.fsync, full))
    code, output = export(runner, fixture_build, "--no-inferred", "-o", str(folder / "gcmkg.nq"))
    assert code == 7
    assert "could not be written (No space left on device)" in output
    assert folder_state(folder) == before  # same bytes, and no temporary left


@pytest.mark.parametrize(
    ("call", "error"),
    [(1, OSError(errno.EIO, "I/O error")), (2, OSError(errno.EIO, "I/O error")), (2, KeyboardInterrupt())],
    ids=["description-rename", "data-rename", "interrupted-between-renames"],
)
def test_failed_rename_leaves_the_previous_export_intact(
    runner: CliRunner,
    fixture_build: Path,
    previous: tuple[Path, dict[str, bytes]],
    monkeypatch: pytest.MonkeyPatch,
    call: int,
    error: BaseException,
) -> None:
    folder, before = previous
    monkeypatch.setattr(atomic.os, "replace", fail_on_call(call, os.replace, error))
    code, _ = export(runner, fixture_build, "--no-inferred", "-o", str(folder / "gcmkg.nq"))
    assert code != 0
    assert folder_state(folder) == before  # the description renamed first is put back


def test_failed_rename_of_a_first_export_leaves_nothing(
    runner: CliRunner, fixture_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(atomic.os, "replace", fail_on_call(2, os.replace, OSError(errno.EIO, "I/O error")))
    code, output = export(runner, fixture_build, "-o", str(tmp_path / "gcmkg.nq"))
    assert code == 7
    assert f"{tmp_path / 'gcmkg.nq'}: could not be written" in output
    assert not any(tmp_path.iterdir())  # no half export: the description renamed first is removed again


def _without_last_named_statement(data: bytes) -> bytes:
    """The N-Quads less their last statement about a named node (losing one about a blank node would relabel
    the other blank nodes too)."""
    lines = data.splitlines(keepends=True)
    last = max(index for index, line in enumerate(lines) if line.startswith(b"<"))
    return b"".join(lines[:last] + lines[last + 1 :])


@pytest.mark.parametrize(
    ("damage", "message"),
    [(_without_last_named_statement, "1 statements missing"), (lambda data: b"<", "cannot be")],
    ids=["statement-lost", "unreadable"],
)
def test_a_file_that_does_not_read_back_is_not_installed(
    runner: CliRunner,
    fixture_build: Path,
    previous: tuple[Path, dict[str, bytes]],
    monkeypatch: pytest.MonkeyPatch,
    damage: Callable[[bytes], bytes],
    message: str,
) -> None:
    folder, before = previous
    write = run.write

    def damaged(lines: Iterable[bytes], export_format: ExportFormat, stream: BinaryIO) -> None:
        written = io.BytesIO()
        write(lines, export_format, written)
        stream.write(damage(written.getvalue()))

    monkeypatch.setattr(run, "write", damaged)
    code, output = export(runner, fixture_build, "-o", str(folder / "gcmkg.nq"))
    assert code == 7
    assert f"{folder / 'gcmkg.nq'}: the nquads written" in output and message in output
    assert folder_state(folder) == before


def test_exports_get_the_permissions_of_a_new_file_or_of_the_file_they_replace(
    runner: CliRunner, fixture_build: Path, tmp_path: Path
) -> None:
    target = tmp_path / "gcmkg.nt"
    umask = os.umask(0o027)
    try:
        assert export(runner, fixture_build, "-o", str(target))[0] == 0
    finally:
        os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # 0666 under the umask, not mkstemp's 0600
    assert stat.S_IMODE(Path(f"{target}.void.ttl").stat().st_mode) == 0o640
    target.chmod(0o604)
    assert export(runner, fixture_build, "-o", str(target))[0] == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o604


# A real crash: the exporting process is killed (SIGKILL, no clean-up) while it writes, here at the fsync of its
# N-th temporary file, as a power cut or the OOM killer would stop it.
CRASHING_EXPORT = """
import os, signal, sys
from gcmkg.graph.core import atomic
from gcmkg.graph.cli import cli
calls = 0
def fsync(fd):
    global calls
    calls += 1
    if calls == int(sys.argv[1]):
        os.kill(os.getpid(), signal.SIGKILL)
    return os.fsync(fd)
atomic.os.fsync = fsync
cli(sys.argv[2:])
"""


@pytest.mark.parametrize("crash_at", [1, 2], ids=["writing-the-data", "writing-the-description"])
def test_a_killed_export_leaves_the_previous_export_intact(
    fixture_build: Path, previous: tuple[Path, dict[str, bytes]], crash_at: int
) -> None:
    folder, before = previous
    arguments = ["export", "--graph", str(fixture_build), "--no-inferred", "-q", "-o", str(folder / "gcmkg.nq")]
    killed = subprocess.run(
        [sys.executable, "-c", CRASHING_EXPORT, str(crash_at), *arguments], capture_output=True, check=False
    )
    assert killed.returncode == -9, killed.stderr
    after = folder_state(folder)
    assert {name: after[name] for name in before} == before  # the previous files, byte for byte
    leftovers = set(after) - set(before)
    assert leftovers and all(name.startswith(".") and name.endswith(".tmp") for name in leftovers)  # hidden temporaries

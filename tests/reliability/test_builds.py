"""One build at a time, whole builds only: the lock, the generation switch, leftovers of killed runs."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from gcmkg.graph.cli import cli
from gcmkg.graph.core import generation
from gcmkg.graph.core.atomic import write_atomically
from gcmkg.graph.core.errors import OutputError
from gcmkg.graph.core.generation import CONTROL_DIR, current, new_generation

BUILD_FILES = ("gcmkg.trig", "gcmkg.ttl", "build-report.json")


def _files(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in BUILD_FILES}


def _dead_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_second_build_into_the_same_folder_is_stopped(tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "b"
    (out / CONTROL_DIR).mkdir(parents=True)
    with (out / CONTROL_DIR / "lock").open("w") as held:  # what a running build holds
        fcntl.flock(held, fcntl.LOCK_EX)
        held.write("4242")
        held.flush()
        result = runner.invoke(cli, ["build", "-o", str(out), "-q"])
    assert result.exit_code == OutputError.exit_code
    assert "another gcmkg build is writing into this folder (process 4242)" in result.output
    assert not (out / "gcmkg.trig").exists()


def test_a_failing_build_leaves_the_previous_one(tmp_path: Path) -> None:
    out = tmp_path / "b"
    with new_generation(out) as target:
        for name in BUILD_FILES:
            (target / name).write_bytes(f"old {name}".encode())
    with pytest.raises(RuntimeError), new_generation(out) as target:
        (target / "gcmkg.trig").write_bytes(b"new, half written")
        raise RuntimeError("killed half-way")
    assert _files(out) == {name: f"old {name}".encode() for name in BUILD_FILES}
    assert len(list((out / CONTROL_DIR / "generations").iterdir())) == 1


def test_a_crash_just_before_the_switch_leaves_the_old_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "b"
    with new_generation(out) as target:
        (target / "gcmkg.trig").write_bytes(b"old")
    real_replace = os.replace

    def crash_on_switch(source: object, target: object) -> None:
        if str(target).endswith(f"{CONTROL_DIR}/current"):
            raise KeyboardInterrupt("power cut")
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(generation.os, "replace", crash_on_switch)
    with pytest.raises(KeyboardInterrupt), new_generation(out) as target:
        (target / "gcmkg.trig").write_bytes(b"new")
        (target / "store").mkdir()
    assert (out / "gcmkg.trig").read_bytes() == b"old"


def test_directories_ride_along_and_dropped_entries_go(tmp_path: Path) -> None:
    out = tmp_path / "b"
    with new_generation(out) as target:
        (target / "store").mkdir()
        (target / "store" / "data").write_bytes(b"1")
        (target / "extra.txt").write_bytes(b"x")
    assert (out / "store" / "data").read_bytes() == b"1"
    with new_generation(out) as target:
        (target / "store").mkdir()
        (target / "store" / "data").write_bytes(b"2")
    assert (out / "store" / "data").read_bytes() == b"2"
    assert not (out / "extra.txt").exists() and not (out / "extra.txt").is_symlink()


def test_a_build_folder_from_before_generations_is_converted(tmp_path: Path) -> None:
    out = tmp_path / "b"
    out.mkdir()
    (out / "gcmkg.trig").write_bytes(b"plain old")
    assert current(out) == out
    with new_generation(out) as target:
        (target / "gcmkg.trig").write_bytes(b"new")
    assert (out / "gcmkg.trig").is_symlink() and (out / "gcmkg.trig").read_bytes() == b"new"


@pytest.mark.slow
def test_a_killed_build_leaves_the_old_or_the_new_and_the_next_run_tidies(tmp_path: Path) -> None:
    out = tmp_path / "b"
    command = [sys.executable, "-c", "from gcmkg.graph.cli import main; main()", "build", "-o", str(out), "-q"]
    subprocess.run([*command, "--no-reasoning"], check=True, capture_output=True)
    old = _files(out)
    subprocess.run(command, check=True, capture_output=True)
    new = _files(out)
    assert old != new
    subprocess.run([*command, "--no-reasoning"], check=True, capture_output=True)
    for delay in (0.5, 1.5, 2.5, 3.5):
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert _files(out) in (old, new), delay
    subprocess.run(command, check=True, capture_output=True)
    assert _files(out) == new
    assert len(list((out / CONTROL_DIR / "generations").iterdir())) == 1


def test_leftover_temporaries_of_a_killed_export_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "gcmkg.ttl"
    dead, live = _dead_pid(), os.getpid()
    leftovers = [tmp_path / f".gcmkg.ttl.{dead}.k2j3.tmp", tmp_path / f".gcmkg.ttl.{dead}.x9a1.bak"]
    running = tmp_path / f".gcmkg.ttl.{live}.abcd.tmp"  # a run still writing: left alone
    for path in [*leftovers, running]:
        path.write_bytes(b"x" * 1000)
    write_atomically(target, b"data")
    assert target.read_bytes() == b"data"
    assert not any(path.exists() for path in leftovers)
    assert running.exists()

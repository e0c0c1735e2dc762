"""Time limits for local queries: the query runs in a child process that is killed when its time is up.

pyoxigraph's ``Store.query`` has no timeout and its evaluation cannot be interrupted from Python (a
sort, GROUP BY or join runs in Rust without returning to the interpreter), so a thread or a signal
cannot stop it. A child process can be stopped: ``run_limited`` starts one (multiprocessing: a fork
when this process has one thread, which takes milliseconds; else 'spawn', a fresh interpreter, since
forking a multi-threaded process can deadlock the child), which loads the graph and says it is
ready, then receives the job, a picklable callable that takes the store and returns the result. The
time limit covers preparing the job (parsing and checking the query) and running it, not loading the
graph; when it is up the child is killed (SIGKILL) and QueryTimeout (exit code 8) is raised.

The parent prepares the job (parsing and checking the query with the guard, in a thread it stops
waiting for when the time is up) while the child starts and loads the graph, which hides most of the
cost of the extra process. With a timeout of 0 the query runs in this process, with no limit.

A ``Worker`` is that child kept for many jobs: ``gcmkg serve`` keeps a few, loaded once, so a request pays
neither for a process nor for loading the graph, and a job that runs out of time kills only its own Worker.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from gcmkg.graph.core.defaults import DEFAULT_TIMEOUT
from gcmkg.graph.core.errors import GcmkgError, QueryTimeout

if TYPE_CHECKING:  # the CLI reads the defaults below without loading pyoxigraph
    from pyoxigraph import Store


R = TypeVar("R")
PARENT_CHECK_SECONDS = 1.0  # how often a query process looks whether the process that started it is still there
Job = Callable[["Store"], R]


def _send(connection: Connection, message: tuple[str, Any]) -> None:
    try:
        connection.send(message)
    except (OSError, ValueError):  # the parent has gone or stopped listening: nothing to report to
        pass


def _serve(connection: Connection, location: Path | None, inferred: bool) -> None:
    """The child: load the graph, say so, run the one job it is sent, send back its result or error."""
    import gcmkg.graph.query.runner  # noqa: F401 - what the job unpickles into, imported while the parent checks the query
    from gcmkg.graph.rdfio.store import open_store

    parent = os.getppid()
    threading.Thread(target=_end_with_parent, args=(parent,), name="gcmkg-parent-watch", daemon=True).start()
    try:
        store = open_store(location, inferred)
        _send(connection, ("ready", None))
        while True:  # one job for run_limited, as many as it is sent for a Worker
            _send(connection, _outcome(connection.recv(), store))
    except EOFError:  # the parent closed the pipe (its own check failed, or it is done): nothing more to run
        pass
    except BaseException as error:  # loading the graph failed: reported to the parent, which raises it
        _send(connection, _failure(error))
    finally:
        connection.close()


def _end_with_parent(parent: int) -> None:
    """End this child once its parent has gone: a parent killed outright (SIGKILL) cannot stop its Workers, and
    the child's copy of the parent's end of the pipe keeps it from ever seeing the pipe close."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(0)


def _outcome(job: Job[Any], store: Store) -> tuple[str, Any]:
    """The message that reports what ``job`` did on ``store``: its result, or its error."""
    try:
        return ("done", job(store))
    except BaseException as error:
        return _failure(error)


def _failure(error: BaseException) -> tuple[str, Any]:
    """The message that reports ``error``: a GcmkgError is raised again in the parent as itself."""
    if isinstance(error, GcmkgError):
        return ("error", (type(error), error.message, error.hint))
    return ("failed", f"{type(error).__name__}: {error}")


def _reply(connection: Connection, child: multiprocessing.process.BaseProcess) -> Any:
    """The child's next message: its payload, or the error it reported raised here."""
    try:
        kind, payload = connection.recv()
    except EOFError:
        child.join(5)
        raise RuntimeError(f"the query process stopped unexpectedly (exit code {child.exitcode})") from None
    if kind == "error":
        error_type, message, hint = payload
        raise error_type(message, hint=hint)
    if kind == "failed":
        raise RuntimeError(f"the query process failed: {payload}")
    return payload


def _start_method() -> str:
    """'fork' when this process has a single thread (a fork then copies a consistent state, in milliseconds);
    'spawn' otherwise, since forking a multi-threaded process can deadlock the child."""
    return "fork" if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1 else "spawn"


class Worker:
    """A child process that loads the build at ``location`` once, then runs the jobs it is sent one at a time,
    each stopped after its time limit (the process is then killed: a Worker whose job timed out is not ``alive``)."""

    def __init__(self, location: Path | None, inferred: bool) -> None:
        from gcmkg.graph.rdfio.store import make_if_stale

        make_if_stale(location, inferred)  # here: a forked child cannot write Oxigraph's database
        context = multiprocessing.get_context(_start_method())
        self._connection, there = context.Pipe()
        self._process = context.Process(
            target=_serve, args=(there, location, inferred), name="gcmkg-query", daemon=True
        )
        try:
            self._process.start()
        except OSError as exc:  # e.g. the working directory was deleted: spawn needs it
            self._connection.close()
            raise GcmkgError(
                f"could not start the process that runs the query ({exc})",
                hint="--timeout 0 runs the query in this process, without a time limit",
            ) from None
        finally:
            there.close()
        self._ready = False
        self._stopped = False

    def wait_ready(self) -> None:
        """Wait until the child has loaded the graph (raising what went wrong if it could not)."""
        if not self._ready:
            _reply(self._connection, self._process)
            self._ready = True

    def run(self, job: Job[R], timeout: float, spent: float = 0.0) -> R:
        """The result of ``job`` run on the graph, or its error raised here; QueryTimeout (and the child killed)
        when ``timeout`` seconds (0: no limit) are up, ``spent`` of them already used preparing the job."""
        self.wait_ready()
        self._connection.send(job)
        if not self._connection.poll(max(0.0, timeout - spent) if timeout else None):
            self.stop()
            raise _timeout(timeout, "")
        result: R = _reply(self._connection, self._process)
        return result

    @property
    def alive(self) -> bool:
        """Whether the child can take another job."""
        return not self._stopped and self._process.is_alive()

    def stop(self) -> None:
        """End the child (killed if it is still running) and release its pipe."""
        if self._stopped:
            return
        self._stopped = True
        self._connection.close()
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._process.close()


def _timeout(timeout: float, stage: str) -> QueryTimeout:
    return QueryTimeout(
        f"the query was stopped after {timeout:g} s{stage} (--timeout {timeout:g})",
        hint="narrow the query, or give it more time: --timeout SECONDS (0 for no limit)",
    )


def _prepared(prepare: Callable[[], Job[R]], timeout: float) -> Job[R]:
    """``prepare()``, run in a thread given ``timeout`` seconds: QueryTimeout if it is not done by then (the
    thread is a daemon, so the process still ends), its error if it raised one."""
    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append(("done", prepare()))
        except BaseException as error:  # handed to the caller below
            outcome.append(("error", error))

    checking = threading.Thread(target=run, name="gcmkg-check-query", daemon=True)
    checking.start()
    checking.join(timeout)
    if not outcome:
        raise _timeout(timeout, " while it was being parsed and checked")
    kind, value = outcome[0]
    if kind == "error":
        raise value
    job: Job[R] = value
    return job


def run_limited(
    location: Path | None, inferred: bool, prepare: Callable[[], Job[R]], timeout: float = DEFAULT_TIMEOUT
) -> R:
    """Load the build at ``location`` and run the job ``prepare()`` returns on it, stopping it after ``timeout`` s.

    ``prepare`` runs here while the child loads the graph; its errors are raised before anything runs.
    A ``timeout`` of 0 runs the job in this process, without a time limit.
    """
    if not timeout:
        from gcmkg.graph.rdfio.store import open_store

        job = prepare()
        return job(open_store(location, inferred))
    worker = Worker(location, inferred)
    try:
        started = time.monotonic()
        job = _prepared(prepare, timeout)
        return worker.run(job, timeout, spent=time.monotonic() - started)
    finally:
        worker.stop()

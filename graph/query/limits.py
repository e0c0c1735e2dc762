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
"""

from __future__ import annotations

import multiprocessing
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

    try:
        store = open_store(location, inferred)
        _send(connection, ("ready", None))
        job = connection.recv()
        _send(connection, ("done", job(store)))
    except EOFError:  # the parent closed the pipe (its own check failed): nothing to run
        pass
    except GcmkgError as error:
        _send(connection, ("error", (type(error), error.message, error.hint)))
    except BaseException as error:  # anything else is reported to the parent, which raises it
        _send(connection, ("failed", f"{type(error).__name__}: {error}"))
    finally:
        connection.close()


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

    worker = threading.Thread(target=run, name="gcmkg-check-query", daemon=True)
    worker.start()
    worker.join(timeout)
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
    context = multiprocessing.get_context(_start_method())
    here, there = context.Pipe()
    child = context.Process(target=_serve, args=(there, location, inferred), name="gcmkg-query", daemon=True)
    try:
        child.start()
    except OSError as exc:  # e.g. the working directory was deleted: spawn needs it
        here.close()
        raise GcmkgError(
            f"could not start the process that runs the query ({exc})",
            hint="--timeout 0 runs the query in this process, without a time limit",
        ) from None
    finally:
        there.close()
    try:
        deadline = time.monotonic() + timeout
        job = _prepared(prepare, timeout)
        _reply(here, child)
        started = time.monotonic()
        here.send(job)
        if not here.poll(max(0.0, deadline - started)):
            raise _timeout(timeout, "")
        result: R = _reply(here, child)
        return result
    finally:
        here.close()
        if child.is_alive():
            child.kill()
        child.join()
        child.close()

"""The query processes of gcmkg serve: a few ``limits.Worker`` children, each holding the build loaded, that take the
requests' jobs one at a time. A job that runs out of time kills only its own Worker, which a fresh one replaces."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from gcmkg.graph.query.limits import Worker

if TYPE_CHECKING:
    from pyoxigraph import Store

R = TypeVar("R")


class Pool:
    """``size`` Workers on the build at ``location``; ``run`` lends one to a job, waiting while all are busy."""

    def __init__(self, location: Path | None, inferred: bool, size: int) -> None:
        self._location, self._inferred = location, inferred
        self._idle: queue.SimpleQueue[Worker] = queue.SimpleQueue()
        self._workers: list[Worker] = []
        self._lock = threading.Lock()
        for _ in range(size):
            self._idle.put(self._start())

    def _start(self) -> Worker:
        worker = Worker(self._location, self._inferred)
        with self._lock:
            self._workers.append(worker)
        return worker

    def wait_ready(self) -> None:
        """Wait until every Worker has loaded the build (raising what went wrong if one could not)."""
        with self._lock:
            workers = list(self._workers)
        for worker in workers:
            worker.wait_ready()

    def run(self, job: Callable[[Store], R], timeout: float) -> R:
        """``job``'s result from the next free Worker, within ``timeout`` seconds (QueryTimeout after; 0: none)."""
        worker = self._idle.get()
        try:
            return worker.run(job, timeout)
        finally:
            if not worker.alive:  # timed out (killed) or crashed: a fresh one takes its place
                worker.stop()
                with self._lock:
                    self._workers.remove(worker)
                worker = self._start()
            self._idle.put(worker)

    def close(self) -> None:
        """Stop every Worker."""
        with self._lock:
            workers, self._workers = self._workers, []
        for worker in workers:
            worker.stop()

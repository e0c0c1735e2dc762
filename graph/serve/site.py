"""What every route of gcmkg serve reads: the build, its limits, the stored queries and the query processes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from starlette.concurrency import run_in_threadpool

from gcmkg.graph.query.catalogue import StoredQuery
from gcmkg.graph.serve.pool import Pool

if TYPE_CHECKING:
    from pyoxigraph import Store

R = TypeVar("R")


@dataclass
class Site:
    """The build a server serves and how: ``timeout`` seconds and ``limit`` rows per query (0: none), as the CLI's
    --timeout and --limit; ``cors``, the one origin allowed to read answers from a browser (None: none)."""

    location: Path
    inferred: bool
    timeout: float
    limit: int
    catalogue: dict[str, StoredQuery]
    pool: Pool
    cors: str | None = None
    cache: dict[str, Any] = field(default_factory=dict)  # answers that cannot change: the build is read-only

    async def run(self, job: Callable[[Store], R]) -> R:
        """``job`` run on the build by a query process, within the time limit, without blocking the event loop."""
        return await run_in_threadpool(self.pool.run, job, self.timeout)

    async def remembered(self, key: str, job: Callable[[Store], R]) -> R:
        """``job``'s answer, computed once (the build does not change while it is served)."""
        if key not in self.cache:
            self.cache[key] = await self.run(job)
        answer: R = self.cache[key]
        return answer

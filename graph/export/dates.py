"""The date an export carries (dcterms:issued and dcterms:modified), chosen so that exports stay byte-identical.

The rule: SOURCE_DATE_EPOCH (seconds since 1970-01-01 UTC, the reproducible-builds convention) when it is set,
as its UTC date; otherwise the date of the newest source document recorded in the build (its dcterms:date);
no date at all for a build without dated documents. Never the clock: the same build exports to the same bytes.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping

from gcmkg.graph.core.errors import UsageError

VARIABLE = "SOURCE_DATE_EPOCH"


def release_date(
    newest_document: datetime.date | None, environ: Mapping[str, str] = os.environ
) -> datetime.date | None:
    """SOURCE_DATE_EPOCH's UTC date if set, else ``newest_document``; UsageError if the variable is not a number."""
    epoch = environ.get(VARIABLE, "").strip()
    if not epoch:
        return newest_document
    try:
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    except (ValueError, OverflowError, OSError):
        raise UsageError(
            f"{VARIABLE}={epoch!r} is not a time in seconds since 1970-01-01",
            hint="set it to e.g. $(git log -1 --format=%ct), or unset it to date the export from its documents",
        ) from None

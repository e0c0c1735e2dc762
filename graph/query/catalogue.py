"""Stored SPARQL queries: ``queries/*.rq`` files with grlc-style ``#+`` YAML metadata.

A file starts with ``#+`` lines holding YAML (grlc's decorators: summary, description, tags, plus
``params`` and ``columns``), then the query. Malformed metadata fails with the file and line, and so do
grlc's ``method``, ``endpoint`` and ``pagination``, which gcmkg does not implement (the command line
chooses them): a key is used or refused, never silently ignored.
A parameter is bound to the query variable of its name, which the query must project (SEP-0007);
the output keeps only the declared columns.

``stored_query(name)`` reads the one file a verb runs, and a file's parsed metadata is remembered
(graph/query/guardcache.py), so a cold ``gcmkg query`` neither parses the other files nor loads a YAML parser.

    #+ summary: The 23 GCM objectives
    #+ tags: [reference]
    #+ params:
    #+   - {name: year, type: year, required: true, description: Review year}
    #+ columns: [number, title]
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from gcmkg.graph.core.errors import StoredQueryError, UnknownQueryError
from gcmkg.graph.core.resources import queries_dir
from gcmkg.graph.query.guardcache import remembered

PARAMETER_TYPES = ("integer", "year", "string", "iso3", "iri")
_METADATA_KEYS = {"summary", "description", "tags", "params", "columns"}
# grlc keys gcmkg refuses, and what takes their place
_REFUSED_KEYS = {
    "method": "the HTTP method is chosen when the query runs (gcmkg query --endpoint URL --method post)",
    "endpoint": "the endpoint is chosen when the query runs (gcmkg query --endpoint URL), or the query runs on a build",
    "pagination": "results are cut with gcmkg query --limit, and the output says so",
}
_PARAMETER_KEYS = {"name", "type", "description", "required", "default", "allowed"}
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_QUERY_NAME = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True)
class Parameter:
    """A typed parameter, bound to the query variable of the same name."""

    name: str
    type: str
    description: str
    required: bool
    default: str | None
    allowed: tuple[str, ...]


@dataclass(frozen=True)
class StoredQuery:
    """A stored query and its metadata."""

    name: str
    path: Path
    summary: str
    description: str
    tags: tuple[str, ...]
    parameters: tuple[Parameter, ...]
    columns: tuple[str, ...]
    text: str

    def parameter(self, name: str) -> Parameter | None:
        return next((p for p in self.parameters if p.name == name), None)


def _split(path: Path) -> tuple[list[str], str]:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header = []
    for line in lines:
        if not line.startswith("#+"):
            break
        header.append(line[2:])
    return header, "".join(lines[len(header) :])


def _line_of(header: list[str], key: str) -> int:
    """1-based line of a top-level metadata key (for error messages); 1 when not found."""
    return next((i + 1 for i, line in enumerate(header) if line.strip().startswith(f"{key}:")), 1)


def _parameter(path: Path, line: int, raw: object) -> Parameter:
    where = f"{path}:{line}"
    if not isinstance(raw, dict) or not set(raw) <= _PARAMETER_KEYS or "name" not in raw or "type" not in raw:
        raise StoredQueryError(f"{where}: each parameter needs name and type (and only {sorted(_PARAMETER_KEYS)})")
    name, kind = str(raw["name"]), str(raw["type"])
    if not _NAME.match(name):
        raise StoredQueryError(f"{where}: parameter name {name!r} must be lower-case letters, digits, _")
    if kind not in PARAMETER_TYPES:
        raise StoredQueryError(f"{where}: parameter {name!r} has type {kind!r}; expected one of {PARAMETER_TYPES}")
    default = raw.get("default")
    return Parameter(
        name=name,
        type=kind,
        description=str(raw.get("description", "")),
        required=bool(raw.get("required", False)),
        default=None if default is None else str(default),
        allowed=tuple(str(value) for value in raw.get("allowed", ())),
    )


def parse_stored_query(path: Path) -> StoredQuery:
    """Read one ``.rq`` file into a StoredQuery, checking its metadata."""
    import yaml  # here: a cached file (``read_stored_query``) needs no YAML parser

    header, text = _split(path)
    if not header:
        raise StoredQueryError(f"{path}:1: no '#+' metadata lines (at least '#+ summary: ...')")
    try:
        metadata = yaml.load("".join(header), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 1
        raise StoredQueryError(f"{path}:{line}: metadata is not valid YAML ({exc})") from None
    if not isinstance(metadata, dict):
        raise StoredQueryError(f"{path}:1: metadata must be a YAML mapping (key: value lines)")
    refused = sorted(set(metadata) & set(_REFUSED_KEYS))
    if refused:
        key = refused[0]
        raise StoredQueryError(
            f"{path}:{_line_of(header, key)}: metadata key {key!r} is not supported: {_REFUSED_KEYS[key]}",
            hint=f"remove the '{key}:' line",
        )
    unknown = set(metadata) - _METADATA_KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise StoredQueryError(f"{path}:{_line_of(header, key)}: unknown metadata key {key!r}")
    for key in ("summary", "columns"):
        if not metadata.get(key):
            raise StoredQueryError(f"{path}:1: metadata needs '{key}'")
    name = path.stem
    if not _QUERY_NAME.match(name):
        raise StoredQueryError(f"{path}:1: query file name must be lower-case words joined by '-'")
    params_line = _line_of(header, "params")
    parameters = tuple(_parameter(path, params_line, raw) for raw in metadata.get("params") or ())
    for parameter in parameters:
        if not re.search(rf"[?$]{parameter.name}\b", text):
            raise StoredQueryError(
                f"{path}:{params_line}: parameter {parameter.name!r} is not used as ?{parameter.name}"
            )
    return StoredQuery(
        name=name,
        path=path,
        summary=str(metadata["summary"]).strip(),
        description=str(metadata.get("description", "")).strip(),
        tags=tuple(str(tag) for tag in metadata.get("tags") or ()),
        parameters=parameters,
        columns=tuple(str(column) for column in metadata["columns"]),
        text=text,
    )


def read_stored_query(path: Path) -> StoredQuery:
    """``parse_stored_query(path)``, answered from the cache when this file (path and bytes) parsed before."""

    def parsed(_: str) -> str:
        fields = asdict(parse_stored_query(path))
        del fields["path"]
        return json.dumps(fields)

    source = f"{path}\0{path.read_text(encoding='utf-8')}"
    fields = json.loads(remembered(source, parsed, _SOURCE, "catalogue", ".json"))
    parameters = tuple(Parameter(**{**p, "allowed": tuple(p["allowed"])}) for p in fields.pop("parameters"))
    return StoredQuery(
        **{**fields, "tags": tuple(fields["tags"]), "columns": tuple(fields["columns"])},
        path=path,
        parameters=parameters,
    )


_SOURCE = Path(__file__)  # what the cached metadata depends on, besides the file


def load_catalogue(folder: Path | None = None) -> dict[str, StoredQuery]:
    """Every stored query of ``folder`` (default: the shipped ``queries/``), by name."""
    paths = sorted((folder or queries_dir()).glob("*.rq"))
    return {query.name: query for query in map(parse_stored_query, paths)}


def stored_query(name: str, folder: Path | None = None) -> StoredQuery:
    """The stored query called ``name`` in ``folder`` (default: the shipped ``queries/``), read from its own file
    alone; otherwise an error listing close matches."""
    folder = folder or queries_dir()
    path = folder / f"{name}.rq"
    if _QUERY_NAME.match(name) and path.is_file():
        return read_stored_query(path)
    raise _unknown(name, sorted(other.stem for other in folder.glob("*.rq")))


def find_query(name: str, catalogue: dict[str, StoredQuery]) -> StoredQuery:
    """The stored query called ``name``; otherwise an error listing close matches."""
    if name in catalogue:
        return catalogue[name]
    raise _unknown(name, list(catalogue))


def _unknown(name: str, names: list[str]) -> UnknownQueryError:
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
    hint = f"did you mean {', '.join(close)}?" if close else "run `gcmkg queries` to list them"
    return UnknownQueryError(f"no stored query named {name!r}", hint=hint)

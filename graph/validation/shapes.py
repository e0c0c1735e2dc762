"""Read the SHACL shapes to validate with: the shipped ``shapes/*.ttl`` or the files a user names."""

from __future__ import annotations

import re
import socket
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, Graph
from rdflib.namespace import OWL, SH

from gcmkg.graph.core.defaults import DEFAULT_TIMEOUT
from gcmkg.graph.core.errors import DataError, UsageError
from gcmkg.graph.core.resources import shapes_dir
from gcmkg.graph.rdfio.suffixes import RDF_SUFFIXES
from gcmkg.graph.validation.safety import check_safe

# Only formats whose parsers never fetch anything (JSON-LD may load a remote @context; RDF/XML has entities).
# the suffixes a shapes file may have (".turtle" read as ".ttl")
_SHAPES_SUFFIXES = (".ttl", ".nt")
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


@dataclass(frozen=True)
class Shapes:
    """A shapes graph and the files it was read from; ``trusted`` for the shipped shapes only."""

    graph: Graph
    files: tuple[Path, ...]
    trusted: bool

    @property
    def node_shapes(self) -> int:
        """How many node shapes (declared, or with a target) the graph holds."""
        shapes = set(self.graph.subjects(RDF.type, SH.NodeShape))
        for predicate in _TARGETS:
            shapes |= set(self.graph.subjects(predicate, None))
        return len(shapes)


def read_shapes_file(path: Path, into: Graph | None = None) -> Graph:
    """Parse one shapes file (Turtle or N-Triples) into ``into`` or a new graph; DataError if it cannot be read."""
    suffix = path.suffix.lower().replace(".turtle", ".ttl")
    if suffix not in _SHAPES_SUFFIXES:
        raise UsageError(f"{path}: shapes must be Turtle (.ttl) or N-Triples (.nt)")
    graph = into if into is not None else Graph(bind_namespaces="none")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataError(f"{path}: shapes file cannot be read ({exc.strerror or exc})") from None
    try:
        graph.parse(data=data, format=RDF_SUFFIXES[suffix].media_type, publicID=path.resolve().as_uri())
    except Exception as exc:  # rdflib raises many types for bad syntax; the file is the user's input
        raise DataError(f"{path}: not valid {RDF_SUFFIXES[suffix].name.lower()} ({exc})") from None
    return graph


def shipped_shapes() -> Shapes:
    """Every ``shapes/*.ttl`` shipped with gcmkg, in one graph (trusted: not checked for SPARQL or imports)."""
    files = tuple(sorted(shapes_dir().glob("*.ttl")))
    graph = Graph(bind_namespaces="none")
    for path in files:
        read_shapes_file(path, into=graph)
    return Shapes(graph, files, trusted=True)


# How pySHACL's messages name what it read: "<rdflib.parser.InputSource object at 0x7f…>" says nothing to a user.
_OBJECT_REPR = re.compile(r"<[\w.]+ object at 0x[0-9a-f]+>")


def _with_imports(graph: Graph, path: Path) -> Graph:
    """``graph`` with what it owl:imports (recursively) added, loaded as pySHACL's do_owl_imports would; each
    connection may stay silent for at most DEFAULT_TIMEOUT seconds."""
    from pyshacl.rdfutil import load_from_source

    imports = ", ".join(sorted(f"<{iri}>" for iri in graph.objects(None, OWL.imports)))
    previous = socket.getdefaulttimeout()
    socket.setdefaulttimeout(DEFAULT_TIMEOUT)
    try:
        load_from_source(graph, do_owl_imports=True)
    except Exception as exc:  # any failure to fetch or parse an import
        reason = _OBJECT_REPR.sub("the imported file", str(exc)) or type(exc).__name__
        raise DataError(
            f"{path}: owl:imports {imports} could not be loaded ({reason})",
            hint=f"check the address is reachable and answers RDF within {DEFAULT_TIMEOUT:g} s",
        ) from None
    finally:
        socket.setdefaulttimeout(previous)
    return graph


def user_shapes(paths: Sequence[Path], allow_sparql: bool = False, allow_imports: bool = False) -> Shapes:
    """The shape files a user named, each checked before use (see ``safety.check_safe``).

    With ``allow_imports`` each file's owl:imports are fetched here, after the file itself passed the
    check, and the imported shapes are checked too; so pySHACL need not (and does not) follow imports.
    """
    graph = Graph(bind_namespaces="none")
    for path in paths:
        one = read_shapes_file(path)
        check_safe(one, path, allow_sparql=allow_sparql, allow_imports=allow_imports)
        if allow_imports and any(one.triples((None, OWL.imports, None))):
            check_safe(_with_imports(one, path), path, allow_sparql=allow_sparql, allow_imports=True)
        graph += one
        for prefix, namespace in one.namespaces():
            graph.bind(prefix, namespace, override=False)
    return Shapes(graph, tuple(paths), trusted=False)

"""GraphML and GEXF files of a view, byte-identical for the same graph.

networkx writes nodes, edges and attribute declarations in the graph's insertion order (sorted by the
projections). Its GEXF writer also stamps today's date on the ``meta`` element (``lastmodifieddate``);
the attribute is optional in GEXF 1.2, so it is dropped: the file depends on the graph alone.
"""

from __future__ import annotations

import io

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter


def graphml(graph: nx.Graph) -> bytes:
    """``graph`` as GraphML (UTF-8), attributes typed (int, string) as networkx declares them."""
    buffer = io.BytesIO()
    nx.write_graphml_xml(graph, buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()


def gexf(graph: nx.Graph) -> bytes:
    """``graph`` as GEXF 1.2 (UTF-8) without the writer's date; ``label`` and ``weight`` in GEXF's own attributes."""
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)
    writer.add_graph(graph)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()

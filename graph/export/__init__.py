"""Exports of a build for partners: deterministic RDF files with a VoID/DCAT description.

Modules, one job each:
    command      the ``gcmkg export`` verb (click only at import time)
    run          read, select, serialize, count, describe and write, in that order
    formats      the five formats (extension, media type, W3C IRI) and the choice from --format and -o
    selection    the build read with canonical blank nodes (RDFC-1.0), and the named graphs chosen
    serializers  the bytes of each format (Turtle and TriG through ``graph/rdfio/serialize.py``)
    jsonld       JSON-LD compacted with the project's prefixes in an inline @context
    counts       statements, entities, triples per graph, entities per class, vocabularies, examples (``*.rq``)
    provenance   source files and document dates from the build's graph:build (``*.rq``)
    dates        the export's date: SOURCE_DATE_EPOCH, else the newest document's
    metadata     the curated title, description, creator, publisher, licence (``metadata.yaml``)
    description  the VoID + DCAT description as Turtle, stored queries as SPARQL examples
    sparql       runs the ``*.rq`` files of this folder with pyoxigraph
    writer       temporaries, read-back check, then renames (``graph/core/atomic.py``)
"""

"""Exports of a build for partners: deterministic RDF files with a VoID/DCAT description.

Modules, one job each:
    command      the ``gcmkg export`` verb (click only at import time)
    run          read, select, sort, count, write, check and describe, in that order, as a stream
    formats      the five formats (extension, media type, W3C IRI) and the choice from --format and -o
    selection    the named graphs chosen, as the build's quads are read
    sorting      lines sorted on disk (an external merge sort), so that no export holds its statements
    serializers  each statement as a sortable line, and each format written from the sorted lines (Oxigraph)
    jsonld       JSON-LD compacted with the project's prefixes in an inline @context, a node at a time
    counts       statements, entities, triples per graph, entities per class, vocabularies, examples (``*.rq``)
    provenance   source files and document dates from the build's graph:build (``*.rq``)
    dates        the export's date: SOURCE_DATE_EPOCH, else the newest document's
    metadata     the curated title, description, creator, publisher, licence (``metadata.yaml``)
    description  the VoID + DCAT description as Turtle, stored queries as SPARQL examples
    sparql       runs the ``*.rq`` files of this folder with pyoxigraph
    writer       temporaries, streamed read-back check, then renames (``graph/core/atomic.py``)
"""

"""SHACL validation of a build: load shapes safely, run pySHACL, report the results for people and machines.

Modules, one job each:
    shapes    read the shipped shapes or user-supplied shape files
    safety    refuse user-supplied shapes that would run SPARQL, JavaScript or fetch owl:imports
    data      read a build (folder or RDF file) as one rdflib graph, the union of its named graphs
    engine    run pySHACL (no inference, no JS; SHACL-AF only if asked) and return a ValidationReport
    results   the typed result records, parsed from pySHACL's results graph
    naming    how terms, paths and shapes are written for people (project prefixes)
    describe  labels of focus nodes and the document passage they came from (SPARQL in ``*.rq``)
    render    the report as grouped text, JSON or Turtle, and the short summary ``gcmkg build`` prints
    gate      the verdict of the check ``gcmkg build`` runs before writing: violations stop it, warnings are
              summarised
"""

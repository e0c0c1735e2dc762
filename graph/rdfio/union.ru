# The RDF merge of a store's named graphs into its default graph, each triple once (graph/store.py):
# queries read the default graph as the union of the build.
INSERT { ?subject ?predicate ?object }
WHERE { GRAPH ?graph { ?subject ?predicate ?object } }

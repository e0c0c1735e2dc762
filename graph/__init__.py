"""gcmkg.graph: build, query and serve the GCM regional-review knowledge graph."""

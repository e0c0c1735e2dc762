"""gcmkg.loaders: turn curated reference data (and, later, review documents) into RDF."""

"""Remote SPARQL servers: stored queries on a query endpoint, uploads to a Graph Store endpoint."""

"""RDF in and out: reading builds and RDF files, the local Oxigraph store, deterministic serialisation."""

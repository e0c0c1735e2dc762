"""Exports of a build for partners: deterministic RDF files with a VoID/DCAT description."""

"""Extractors: each reads passages of a segmented document and returns facts (see ``facts.py``)."""

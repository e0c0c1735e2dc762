"""Reliability suite (issue 15): one test per finding, grouped by family, each reproducing the bad input."""

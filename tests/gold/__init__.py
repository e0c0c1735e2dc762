"""The hand-written gold set and its scorer (see README.md)."""

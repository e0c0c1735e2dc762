"""Content negotiation: the format of an answer from the request's ``Accept`` header (RFC 9110 §12.5.1: media
ranges with q-values; the highest q wins, then the order written), or from a ``format`` argument or a suffix."""

from __future__ import annotations

from collections.abc import Mapping

# Media types of query results (SPARQL 1.1 Protocol), by the name gcmkg's --format uses.
RESULT_MEDIA = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
RESULT_ACCEPTED = {
    **{media: name for name, media in RESULT_MEDIA.items()},
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
}
# Media types of descriptions of a resource (linked-data pages).
RDF_MEDIA = {"html": "text/html", "turtle": "text/turtle", "jsonld": "application/ld+json"}
RDF_ACCEPTED = {**{media: name for name, media in RDF_MEDIA.items()}, "application/xhtml+xml": "html"}


def _ranges(header: str) -> list[tuple[str, float]]:
    """The media ranges of an Accept header with their q-values, best first (ties keep their order)."""
    found = []
    for part in header.split(","):
        media, *parameters = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for parameter in parameters:
            key, _, value = parameter.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media:
            found.append((media.lower(), quality))
    return sorted((item for item in found if item[1] > 0), key=lambda item: -item[1])


def choose(header: str | None, accepted: Mapping[str, str], default: str) -> str | None:
    """The format the ``Accept`` header asks for first among ``accepted`` (media type → format); ``default`` for
    no header or a wildcard that covers it; None when nothing acceptable is offered (406)."""
    if not header:
        return default
    for media, _ in _ranges(header):
        if media in accepted:
            return accepted[media]
        kind = media.split("/")[0]
        if media == "*/*" or (media.endswith("/*") and any(m.startswith(kind + "/") for m in accepted)):
            wildcard = [name for m, name in accepted.items() if media == "*/*" or m.startswith(kind + "/")]
            return default if default in wildcard else wildcard[0]
    return None

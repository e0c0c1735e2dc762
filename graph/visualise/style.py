"""Colours and shapes shared by the PNG/SVG drawings and the HTML view, so a legend means the same in both."""

from __future__ import annotations

# Okabe and Ito's colour-blind-safe palette, in the order node types (drawings) or communities (HTML) get a colour.
PALETTE: tuple[str, ...] = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
# The colour of the communities beyond the palette's (the smallest ones) in the HTML view.
OTHER_COLOUR = "#9a9a9a"

# Fixed colours for the node types the views draw, so a State is the same blue in every picture.
TYPE_COLOURS: dict[str, str] = {
    "State": PALETTE[0],
    "Session": PALETTE[1],
    "Objective": PALETTE[2],
    "Initiative": PALETTE[3],
}

# The shape of each node type (the HTML view colours nodes by community and tells types apart by shape); a
# type not listed here is drawn as a circle. Each name is also the HTML page's shape (network.js).
TYPE_SHAPES: dict[str, str] = {
    "State": "circle",
    "Session": "square",
    "Objective": "diamond",
    "Initiative": "triangle",
}
DEFAULT_SHAPE = "circle"


def colour_of(node_type: str) -> str:
    """The colour of ``node_type``: its fixed colour, else one picked from the palette by the type's name."""
    if node_type in TYPE_COLOURS:
        return TYPE_COLOURS[node_type]
    spare = PALETTE[len(TYPE_COLOURS) :]
    return spare[sum(node_type.encode("utf-8")) % len(spare)]


def shape_of(node_type: str) -> str:
    """The shape of ``node_type`` in the HTML view."""
    return TYPE_SHAPES.get(node_type, DEFAULT_SHAPE)


def community_colour(number: int) -> str:
    """The colour of community ``number`` (0: the largest): the palette's, then grey for the rest."""
    return PALETTE[number] if number < len(PALETTE) else OTHER_COLOUR

"""Colours of node types, shared by the PNG/SVG drawings and the HTML view so a legend means the same in both."""

from __future__ import annotations

# Okabe and Ito's colour-blind-safe palette, in the order node types are first given a colour.
PALETTE: tuple[str, ...] = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")

# Fixed colours for the node types the views draw, so a State is the same blue in every picture.
TYPE_COLOURS: dict[str, str] = {
    "State": PALETTE[0],
    "Session": PALETTE[1],
    "Objective": PALETTE[2],
    "Initiative": PALETTE[3],
}


def colour_of(node_type: str) -> str:
    """The colour of ``node_type``: its fixed colour, else one picked from the palette by the type's name."""
    if node_type in TYPE_COLOURS:
        return TYPE_COLOURS[node_type]
    spare = PALETTE[len(TYPE_COLOURS) :]
    return spare[sum(node_type.encode("utf-8")) % len(spare)]

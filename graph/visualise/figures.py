"""Matplotlib figures of a fixed pixel size, saved as PNG or SVG bytes that depend on the drawing alone.

Figures are made without pyplot (no global state, no GUI backend) and rendered by Agg for PNG.
Volatile metadata is left out: PNG's ``Software`` entry, SVG's ``Date``, and the random salt of the
ids SVG gives clip paths (``svg.hashsalt`` is fixed), so two runs give the same bytes.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

WIDTH_PX, HEIGHT_PX, DPI = 1600, 1200, 100


def new_figure() -> Figure:
    """A blank 1600 × 1200 px figure (16 × 12 in at 100 dpi) with constrained layout."""
    from matplotlib.figure import Figure

    return Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI, layout="constrained")


def save(figure: Figure, output_format: str) -> bytes:
    """``figure`` as PNG or SVG bytes at its own size (no tight bounding box, so the size stays fixed)."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    metadata = {"Software": None} if output_format == "png" else {"Date": None}
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "gcmkg", "svg.fonttype": "path"}):
        figure.savefig(buffer, format=output_format, dpi=DPI, metadata=metadata)
    return buffer.getvalue()

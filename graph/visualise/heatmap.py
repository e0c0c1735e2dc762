"""The coverage heatmap: objectives (all 23) × States, one row of panels per review, one column per measure.

Each panel is a grid of counts: blank where there is none, darker for more, the count written in the
cell when the cells are wide enough to read it. A panel whose measure has no count at all in that review
is missing data and says so across its grid (coverage.MISSING), instead of showing an empty grid. A
measure has one colour scale for every review, so the reviews can be compared, with its colour bar
beside the panels. 1600 × 1200 px, as the network drawings.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from gcmkg.graph.visualise.coverage import MEASURES, MISSING, Coverage
from gcmkg.graph.visualise.figures import new_figure, save

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.colors import BoundaryNorm, Colormap
    from matplotlib.figure import Figure
    from matplotlib.image import AxesImage

TITLE_WIDTH = 36  # characters of an objective's title on the vertical axis
ANNOTATE_UP_TO = 30  # States: with more, the cells are too narrow for a number
UPRIGHT_UP_TO = 20  # States: with more, their codes are written vertically
MAX_TICKS = 12  # colour bar ticks: every count up to this many, else evenly spaced whole numbers
COLOUR_MAPS = {"mentions": "Blues", "sessions": "Oranges"}
EMPTY_CELL = "#f3f3f3"


def objective_label(number: int, title: str) -> str:
    """'7 Address and reduce vulnerabilities…': the number and the start of the title."""
    return f"{number} {textwrap.shorten(title, TITLE_WIDTH, placeholder='…')}"


def _scale(coverage: Coverage, measure: str) -> tuple[Colormap, BoundaryNorm]:
    """One colour per count from 1 to the measure's highest count, light to dark; empty cells light grey."""
    import matplotlib
    from matplotlib.colors import BoundaryNorm, ListedColormap

    highest = max((n for (m, *_), n in coverage.counts.items() if m == measure), default=1)
    base = matplotlib.colormaps[COLOUR_MAPS[measure]]
    steps = [0.35 + 0.6 * i / (highest - 1) for i in range(highest)] if highest > 1 else [0.75]
    cmap = ListedColormap([base(step) for step in steps], name=measure).with_extremes(bad=EMPTY_CELL)
    return cmap, BoundaryNorm([k + 0.5 for k in range(highest + 1)], highest)


def _ink(cmap: Colormap, norm: BoundaryNorm, count: float) -> str:
    """White on a dark cell, black on a light one (by the cell colour's luminance)."""
    red, green, blue, _ = cmap(norm(count))
    return "white" if 0.299 * red + 0.587 * green + 0.114 * blue < 0.5 else "black"


def _panel(axes: Axes, coverage: Coverage, measure: str, year: int, cmap: Colormap, norm: BoundaryNorm) -> AxesImage:
    """One review's counts of one measure; returns the image (for the colour bar)."""
    import numpy as np

    values = np.array(coverage.matrix(measure, year), dtype=float)
    image = axes.imshow(np.ma.masked_equal(values, 0), cmap=cmap, norm=norm, aspect="auto", interpolation="nearest")
    axes.set_title(f"{year} review: {measure}", fontsize=11, loc="left")
    upright = len(coverage.states) <= UPRIGHT_UP_TO
    codes = [iso3 for iso3, _ in coverage.states]
    axes.set_xticks(range(len(codes)), codes, rotation=0 if upright else 90, fontsize=8)
    axes.set_yticks(range(len(coverage.objectives)), [objective_label(*o) for o in coverage.objectives], fontsize=8)
    axes.set_xticks([x - 0.5 for x in range(1, len(coverage.states))], minor=True)
    axes.set_yticks([y - 0.5 for y in range(1, len(coverage.objectives))], minor=True)
    axes.grid(which="minor", color="white", linewidth=0.8)
    axes.tick_params(which="minor", length=0)
    if coverage.missing(measure, year):
        axes.set_title(f"{year} review: {measure} (no data)", fontsize=11, loc="left")
        note = textwrap.fill(MISSING[measure].format(year=year), 48)
        axes.text(
            0.5,
            0.5,
            note,
            transform=axes.transAxes,
            ha="center",
            va="center",
            fontsize=11,
            color="#333333",
            bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": "#999999"},
        )
    elif len(coverage.states) <= ANNOTATE_UP_TO:
        for (row, column), count in np.ndenumerate(values):
            if count:
                axes.text(
                    column, row, f"{count:g}", ha="center", va="center", fontsize=8, color=_ink(cmap, norm, count)
                )
    return image


def draw(coverage: Coverage, title: str, empty: str, output_format: str) -> bytes:
    """The heatmap as PNG or SVG bytes: a row of panels per review year, mentions left, sessions right."""
    return save(heatmap_figure(coverage, title, empty), output_format)


def heatmap_figure(coverage: Coverage, title: str, empty: str) -> Figure:
    """The heatmap's figure; ``empty`` is what it says when there is no count at all."""
    figure = new_figure()
    figure.suptitle(title, fontsize=16)
    figure.supxlabel(
        f"{len(coverage.states)} States with a count; blank cell: none; a panel marked no data: missing, "
        f"not zero.   mentions: {MEASURES['mentions']}.   "
        f"sessions: {MEASURES['sessions']}.   (gcmkg viz coverage)",
        fontsize=9,
        color="#444444",
    )
    if not coverage.years:
        axes = figure.add_subplot()
        axes.set_axis_off()
        axes.text(0.5, 0.5, empty, ha="center", va="center", fontsize=14)
        return figure
    from matplotlib.ticker import MaxNLocator

    grid = figure.subplots(len(coverage.years), len(MEASURES), sharex=True, sharey=True, squeeze=False)
    for column, measure in enumerate(MEASURES):
        cmap, norm = _scale(coverage, measure)
        images = [
            _panel(grid[row, column], coverage, measure, year, cmap, norm) for row, year in enumerate(coverage.years)
        ]
        bar = figure.colorbar(images[0], ax=list(grid[:, column]), shrink=0.6, aspect=30)
        bar.set_label(f"{measure}: {MEASURES[measure]}", fontsize=9)
        if cmap.N <= MAX_TICKS:
            bar.set_ticks(range(1, cmap.N + 1))
        else:
            bar.locator = MaxNLocator(nbins=MAX_TICKS, integer=True)
    return figure

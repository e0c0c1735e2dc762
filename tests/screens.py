"""Screenshots compared by structure, not pixels: where the marks of given colours are, not what each pixel is.

``marks`` finds, in a PNG, the connected regions of pixels within TOLERANCE of each colour asked for (scipy's
``ndimage.label``), inside a rectangle, and gives each region's colour, centre and area; regions smaller than
MIN_AREA (anti-aliased edges, text) are left out. ``differences`` matches the marks found against the marks
expected (colour and centre, within a distance) and names every expected mark not found and every mark found
that was not expected: an empty list means the picture has the expected structure. Fonts, anti-aliasing and
sub-pixel positions change pixels; they do not change this.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from PIL import Image
from scipy import ndimage

TOLERANCE = 12  # per RGB channel, out of 255
MIN_AREA = 12  # pixels


@dataclass(frozen=True)
class Mark:
    """A region of one colour: its colour (#rrggbb), centre (x, y) in pixels and area in pixels."""

    colour: str
    x: float
    y: float
    area: int


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def marks(png: bytes, colours: Iterable[str], box: tuple[float, float, float, float]) -> list[Mark]:
    """The marks of ``colours`` in the PNG, inside ``box`` (left, top, width, height in pixels), by position."""
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)
    left, top, width, height = (round(value) for value in box)
    inside = pixels[top : top + height, left : left + width]
    found = []
    for colour in sorted(set(colours)):
        near = np.all(np.abs(inside - np.array(_rgb(colour))) <= TOLERANCE, axis=2)
        regions, count = ndimage.label(near)
        for number in range(1, count + 1):
            area = int(np.sum(regions == number))
            if area >= MIN_AREA:
                y, x = ndimage.center_of_mass(regions == number)
                found.append(Mark(colour, left + float(x), top + float(y), area))
    return sorted(found, key=lambda mark: (mark.x, mark.y, mark.colour))


def differences(found: list[Mark], expected: Iterable[tuple[str, float, float]], distance: float) -> list[str]:
    """What ``found`` lacks or has beyond ``expected`` (colour, x, y): marks match in colour within ``distance``."""
    left = list(found)
    problems = []
    for colour, x, y in expected:
        match = next(
            (mark for mark in left if mark.colour == colour and math.dist((mark.x, mark.y), (x, y)) <= distance), None
        )
        if match is None:
            problems.append(f"no {colour} mark at ({x:.0f}, {y:.0f})")
        else:
            left.remove(match)
    problems.extend(f"unexpected {mark.colour} mark at ({mark.x:.0f}, {mark.y:.0f}), {mark.area} px" for mark in left)
    return problems

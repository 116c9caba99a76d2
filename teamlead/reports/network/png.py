"""The network map as PNG, drawn with Pillow: no Qt and no cairo, so it works wherever Teamlead runs.

Pillow is already installed (reportlab needs it) and draws text with FreeType, here in the DejaVu Sans that
ships with Teamlead, so the PNG's names have the same widths as the layout measured. reportlab's own PNG
renderer would need ``rlPyCairo`` and the cairo library in the packaged app. Pillow draws lines and circles
without anti-aliasing, so on a district's map those are drawn at twice the size and halved
(:meth:`Image.reduce`); text is anti-aliased by FreeType and is drawn at the final size.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from teamlead.reporting.model import NetworkMap
from teamlead.reports.network import style
from teamlead.reports.network.layout import Layout
from teamlead.reports.network.picture import MARGIN, picture
from teamlead.rules.files import atomic_target

SCALE = 3.0
"""Pixels per point: 216 dpi, so 6-point names are 18 pixels high and sharp on a screen or in print."""
MAX_PIXELS = 36_000_000
"""A larger map (the whole city) is drawn at a smaller scale, so the image stays about 6,000 × 6,000."""
SUPER = 2
"""Lines and dots are drawn this many times larger and scaled down, for smooth edges..."""
SUPER_PIXELS = 12_000_000
"""...when the image is at most this large (a district's map); a city's is drawn at its size."""


@cache
def _font(size: int, bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(style.FONT_BOLD_FILE if bold else style.FONT_FILE), size)


def _blend(colour: str, opacity: float) -> tuple[int, int, int]:
    """``colour`` as drawn at ``opacity`` over white."""
    red, green, blue = (int(colour[index : index + 2], 16) for index in (1, 3, 5))
    return tuple(round(255 - (255 - part) * opacity) for part in (red, green, blue))  # type: ignore[return-value]


def scale_for(layout: Layout) -> float:
    area = (layout.width + 2 * MARGIN) * (layout.height + 2 * MARGIN)
    return min(SCALE, math.sqrt(MAX_PIXELS / area))


def png_image(layout: Layout, scale: float | None = None) -> Image.Image:
    """The layout drawn at ``scale`` pixels per point (default :func:`scale_for`), with a white margin."""
    scale = scale or scale_for(layout)
    size = (
        round((layout.width + 2 * MARGIN) * scale),
        round((layout.height + 2 * MARGIN) * scale),
    )
    factor = SUPER if size[0] * size[1] <= SUPER_PIXELS else 1
    big = scale * factor
    shapes = Image.new("RGB", (size[0] * factor, size[1] * factor), style.BACKGROUND)
    draw = ImageDraw.Draw(shapes)

    def at(x: float, y: float, factor: float) -> tuple[float, float]:
        return ((x + MARGIN) * factor, (y + MARGIN) * factor)

    for stroke in layout.strokes:
        draw.line(
            [at(stroke.x1, stroke.y1, big), at(stroke.x2, stroke.y2, big)],
            fill=_blend(stroke.colour, style.LINK_OPACITY),
            width=max(1, round(stroke.width * big)),
        )
    backdrop = ImageDraw.Draw(shapes, "RGBA")
    white = (255, 255, 255, round(255 * style.BACKDROP))
    for label in layout.labels:
        box, margin = label.box, style.BACKDROP_MARGIN
        left, top = at(box.x - margin, box.y - margin, big)
        right, bottom = at(box.right + margin, box.bottom + margin, big)
        backdrop.rectangle((left, top, right, bottom), fill=white)
    ring = max(1, round(0.6 * big))
    for dot in layout.dots:
        x, y = at(dot.x, dot.y, big)
        radius = dot.radius * big
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius), fill=dot.colour, outline="#ffffff", width=ring
        )
    image = shapes.reduce(factor) if factor > 1 else shapes
    draw = ImageDraw.Draw(image)
    for label in layout.labels:
        font = _font(max(1, round(label.size * scale)), label.bold)
        draw.text(
            at(label.x, label.baseline, scale),
            label.text,
            font=font,
            fill=label.colour,
            anchor="ls",
        )
    return image


def write_network_png(network: NetworkMap, target: Path) -> None:
    image = png_image(picture(network))
    with atomic_target(target) as temporary:
        image.save(temporary, format="PNG")

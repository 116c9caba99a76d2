"""How the network map looks, in one place for every writer and the app: colours, sizes and the font.

The colours per default domain are fixed (a partner's domain keeps its colour from one map to the next, and a
renamed domain keeps its key); user-made domains take the next colours of :data:`MORE` in the domains' order.
They are dark enough for white halos around the labels and told apart by most colour-blind readers (after
Okabe and Ito, and Tableau's palette).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache

from reportlab.pdfbase import pdfmetrics

from teamlead.reports.pdf import FONT, FONT_BOLD, FONTS, register_fonts

DOMAIN_COLOURS = {
    "social": "#0072b2",
    "care": "#009e73",
    "safety": "#d55e00",
    "education": "#e69f00",
    "housing": "#cc79a7",
    "informal": "#56b4e9",
    "municipality": "#7a5195",
}
MORE = ("#8c564b", "#bcbd22", "#17becf", "#e377c2", "#7f7f7f", "#2ca02c", "#9467bd", "#ff7f0e")
NO_DOMAIN = "#9aa3ad"

INK = "#1d2733"
MUTED = "#5b6776"
LINK = "#8796a8"
STRONG_LINK = "#3d4c5e"
HIGHLIGHT = "#004699"
BACKGROUND = "#ffffff"
BACKDROP = 0.8
"""The opacity of the white box behind each name, so the links under it fade."""
BACKDROP_MARGIN = 0.8
"""Points the white box reaches beyond the name's box."""
LINK_OPACITY = 0.75

FONT_FILE = FONTS / "DejaVuSans.ttf"
FONT_BOLD_FILE = FONTS / "DejaVuSans-Bold.ttf"
ASCENT = 0.928
"""DejaVu Sans' ascent and descent, as a fraction of the font size (its ``hhea`` table)."""
DESCENT = 0.236


def domain_colours(domains: Sequence[tuple[str, str]]) -> dict[str, str]:
    """Domain key -> colour, for the (key, name) pairs of a map; ``""`` (no domain) is grey."""
    colours = {"": NO_DOMAIN}
    extra = iter(MORE)
    for key, _name in domains:
        if key in DOMAIN_COLOURS:
            colours[key] = DOMAIN_COLOURS[key]
        else:
            colours[key] = next(extra, NO_DOMAIN)
    return colours


@cache
def _advances(bold: bool) -> tuple[dict[int, float], float]:
    """DejaVu Sans' advance widths per character, in thousandths of the font size (as reportlab embeds it)."""
    register_fonts()
    face = pdfmetrics.getFont(FONT_BOLD if bold else FONT).face
    return dict(face.charWidths), float(face.defaultWidth)


@lru_cache(maxsize=16_384)
def _em_width(text: str, bold: bool) -> float:
    widths, default = _advances(bold)
    return sum(widths.get(ord(character), default) for character in text) / 1000


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of ``text`` in DejaVu Sans at ``size`` points: the same measure in every picture (and the
    one reportlab uses for the PDF)."""
    return _em_width(text, bold) * size

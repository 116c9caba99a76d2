"""Names in every script in a PDF: right-to-left text shaped and ordered, a fallback font for what DejaVu
lacks, and a visible notice where no font can draw a character.

reportlab draws characters one by one, left to right, in one font. An Arabic name then came out reversed and
unjoined (محمد as د م ح م), and a Chinese or Japanese name as empty boxes, since DejaVu Sans has no CJK
glyphs. So, for the PDF only (an SVG or a workbook is shaped by whatever shows it):

- right-to-left text (Arabic, Hebrew, ...) is reshaped into its joined letter forms (``arabic-reshaper``) and put
  in visual order by the Unicode bidirectional algorithm (``python-bidi``); DejaVu has those forms;
- characters DejaVu lacks are drawn in a fallback font found on the computer (Droid Sans Fallback, WenQuanYi,
  Microsoft YaHei, SimSun, Malgun Gothic, Arial Unicode...), embedded like DejaVu, where reportlab's
  paragraph markup allows a second font;
- what neither can draw (or where only one font can be used: canvas strings, chart labels) is replaced by
  :func:`notice`, so a reader sees that a name is missing instead of boxes that look like a printing fault.
"""

from __future__ import annotations

import logging
import os
import unicodedata
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from teamlead.i18n import tr

log = logging.getLogger(__name__)

FALLBACK_FONT = "TeamleadFallback"

_WINDOWS_FONTS = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
FALLBACK_CANDIDATES: tuple[tuple[Path, int], ...] = (
    (Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"), 0),
    (Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), 0),
    (Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), 0),
    (Path("/usr/share/fonts/truetype/arphic/uming.ttc"), 0),
    (_WINDOWS_FONTS / "msyh.ttc", 0),
    (_WINDOWS_FONTS / "simsun.ttc", 0),
    (_WINDOWS_FONTS / "malgun.ttf", 0),
    (_WINDOWS_FONTS / "msgothic.ttc", 0),
    (Path("/System/Library/Fonts/Supplemental/Arial Unicode.ttf"), 0),
    (Path("/Library/Fonts/Arial Unicode.ttf"), 0),
)
"""TrueType fonts with CJK glyphs, in order of preference (font file, index inside a .ttc collection).
OpenType fonts with PostScript outlines (Noto Sans CJK's .otf) cannot be embedded by reportlab."""

_RTL = frozenset({"R", "AL"})
_INVISIBLE = frozenset({"Mn", "Me", "Cf", "Zs", "Zl", "Zp", "Cc"})


def notice() -> str:
    """What stands where a name cannot be drawn in this PDF."""
    return tr("[cannot be shown]")


def shaped(text: str) -> str:
    """``text`` as it must be drawn left to right: right-to-left runs joined and put in visual order, line by
    line; text without right-to-left letters is returned unchanged (the fast, usual case)."""
    if text.isascii() or not any(unicodedata.bidirectional(c) in _RTL for c in text):
        return text
    import arabic_reshaper
    from bidi import get_display

    return "\n".join(get_display(arabic_reshaper.reshape(line)) for line in text.split("\n"))


@cache
def _coverage(font_name: str) -> frozenset[int]:
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)


@cache
def fallback_font() -> str | None:
    """The registered fallback font's name, or None when this computer has none of the candidates."""
    for path, index in FALLBACK_CANDIDATES:
        if not path.is_file():
            continue
        try:
            pdfmetrics.registerFont(TTFont(FALLBACK_FONT, str(path), subfontIndex=index))
        except (TTFError, OSError, ValueError) as error:
            log.info("fallback font %s not usable: %s", path.name, type(error).__name__)
            continue
        log.info("PDF fallback font: %s", path.name)
        return FALLBACK_FONT
    log.info("no PDF fallback font found: characters DejaVu lacks are shown as a notice")
    return None


def _drawable(char: str, covered: frozenset[int]) -> bool:
    return ord(char) in covered or unicodedata.category(char) in _INVISIBLE


def single_font(text: str, font: str) -> str:
    """``text`` shaped for a place with one font (a canvas string, a chart label): every run of characters
    ``font`` lacks replaced by :func:`notice`."""
    text = shaped(text)
    covered = _coverage(font)
    if all(_drawable(c, covered) for c in text):
        return text
    out: list[str] = []
    missing = False
    for char in text:
        if _drawable(char, covered):
            out.append(char)
            missing = False
        elif not missing:
            out.append(notice())
            missing = True
    return "".join(out)


def needs_care(text: str, font: str) -> bool:
    """Whether ``text`` has characters ``font`` lacks or right-to-left letters (then a table cell becomes a
    paragraph)."""
    if text.isascii():
        return False
    if shaped(text) != text:
        return True
    covered = _coverage(font)
    return not all(_drawable(c, covered) for c in text)


def markup(text: str, font: str) -> str:
    """``text`` (control characters already removed, line breaks as ``\\n``) as escaped paragraph markup:
    shaped, characters ``font`` lacks in the fallback font, what no font has as :func:`notice`."""
    text = shaped(text)
    covered = _coverage(font)
    if all(_drawable(c, covered) for c in text):
        return escape(text).replace("\n", "<br/>")
    fallback = fallback_font()
    spare = _coverage(fallback) if fallback is not None else frozenset()
    runs: list[tuple[str, str]] = []  # (which: "main", "fallback", "none"; text)
    for char in text:
        if _drawable(char, covered):
            which = "main"
        elif ord(char) in spare:
            which = "fallback"
        else:
            which = "none"
        if runs and runs[-1][0] == which:
            runs[-1] = (which, runs[-1][1] + char)
        else:
            runs.append((which, char))
    parts: list[str] = []
    for which, run in runs:
        if which == "main":
            parts.append(escape(run).replace("\n", "<br/>"))
        elif which == "fallback":
            parts.append(f'<font name="{fallback}">{escape(run)}</font>')
        else:
            parts.append(escape(notice()))
    return "".join(parts)

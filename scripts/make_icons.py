"""Render the app icon's PNG sizes and the Windows .ico from resources/icons/teamlead.svg.

Run after changing the SVG (``make icons``); the results are committed, so neither a build nor the app needs
an SVG renderer for them. Qt renders (the same renderer the app uses for the SVG), Pillow packs the .ico.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

FOLDER = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(FOLDER / "teamlead.svg"))
    if not renderer.isValid():
        print("resources/icons/teamlead.svg is not a valid SVG", file=sys.stderr)
        return 1
    pngs = {size: render(renderer, size) for size in SIZES}
    for size, data in pngs.items():
        (FOLDER / f"teamlead-{size}.png").write_bytes(data)
    largest = Image.open(io.BytesIO(pngs[256]))
    largest.save(FOLDER / "teamlead.ico", sizes=[(size, size) for size in ICO_SIZES])
    print(f"wrote {len(pngs)} PNG sizes and teamlead.ico to {FOLDER}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Draws the application icon with Qt, offscreen: a white page with a red border and the character 年.

Run once after changing the drawing; the results are committed under resources/icons/:
``nianbao.png`` (256 px, window icon and Linux menus) and ``nianbao.ico`` (Windows, PNG-compressed
entries of several sizes, written here so that no imaging library is needed).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter, QPen  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "NotoSerifSC-Bold.ttf"
RED = QColor("#c0262d")
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int, family: str) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    unit = size / 256
    page = QRectF(40 * unit, 12 * unit, 176 * unit, 232 * unit)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(0, 0, 0, 40))
    painter.drawRoundedRect(page.translated(5 * unit, 5 * unit), 10 * unit, 10 * unit)
    painter.setBrush(QColor("white"))
    painter.setPen(QPen(RED, max(1.0, 12 * unit)))
    painter.drawRoundedRect(page, 10 * unit, 10 * unit)
    painter.fillRect(QRectF(page.left() + 26 * unit, 54 * unit, page.width() - 52 * unit, max(1.0, 6 * unit)), RED)
    font = QFont(family)
    font.setPixelSize(round(120 * unit))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(RED)
    painter.drawText(QRectF(page.left(), 70 * unit, page.width(), 150 * unit), Qt.AlignmentFlag.AlignCenter, "年")
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file holding PNG images, as Windows Vista and later read them."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    families = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(FONT)))
    family = families[0] if families else "Serif"
    ICONS.mkdir(parents=True, exist_ok=True)
    pngs = {size: png_bytes(draw(size, family)) for size in ICO_SIZES}
    (ICONS / "nianbao.png").write_bytes(pngs[256])
    (ICONS / "nianbao.ico").write_bytes(ico_bytes(pngs))
    print(f"wrote {ICONS / 'nianbao.png'} and {ICONS / 'nianbao.ico'}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

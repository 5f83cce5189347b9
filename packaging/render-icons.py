"""Renders the scalable icon to the PNG sizes of the hicolor theme.

    .venv/bin/python packaging/render-icons.py

Run it after changing the SVG and commit the PNGs with it: the PNGs are package
data, so installing Copydesk needs no SVG renderer.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons" / "hicolor"
APP_ID = "io.github.copydesk.Copydesk"
SIZES = (16, 32, 48, 64, 128, 256)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - QPainter needs one
    renderer = QSvgRenderer(str(ICONS / "scalable" / "apps" / f"{APP_ID}.svg"))
    if not renderer.isValid():
        sys.exit("render-icons: the SVG is not valid")
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = ICONS / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target)):
            sys.exit(f"render-icons: could not write {target}")
        print(target.relative_to(ICONS.parents[2]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The Qt window. Imported only when the window is opened; checking never needs it."""

from __future__ import annotations

import sys

APP_ID = "io.github.copydesk.Copydesk"


def run(paths: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    from editor.app.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("Copydesk")
    app.setApplicationName("Copydesk")
    app.setDesktopFileName(APP_ID)
    window = MainWindow()
    if paths:
        window.open_path(paths[0], ask=False)
    window.show()
    return app.exec()

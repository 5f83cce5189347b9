"""The Qt window. Imported only when the window is opened; checking never needs it."""

from __future__ import annotations

import sys

APP_ID = "io.github.copydesk.Copydesk"


def application_icon():
    """The icon from the desktop theme when Copydesk is installed there, else the packaged one."""
    from PySide6.QtGui import QIcon

    from editor.engine.resources import resource

    packaged = QIcon()
    for size in resource("icons", "hicolor").iterdir():
        for icon in size.joinpath("apps").iterdir():
            if icon.name.startswith(APP_ID):
                packaged.addFile(str(icon))
    return QIcon.fromTheme(APP_ID, packaged)


def run(paths: list[str]) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from editor.app.main_window import MainWindow
    from editor.userdata import APPLICATION, ORGANIZATION

    app = QApplication.instance() or QApplication(sys.argv[:1])
    # Qt's settings and the user's data folder (editor.userdata) are named after these.
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(application_icon())
    window = MainWindow()
    if paths:
        window.open_path(paths[0], ask=False)
    window.show()
    QTimer.singleShot(0, window.offer_recovery)  # with the window on screen behind the question
    return app.exec()

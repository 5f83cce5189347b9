"""The Qt window. Imported only when the window is opened; checking never needs it."""

from __future__ import annotations

import gc
import os
import sys

APP_ID = "io.github.copydesk.Copydesk"
# A thread that wants the interpreter waits until the one running Python gives it up, at most
# every switch interval: 5 ms by default, so each timer or key the UI thread handles during a
# check could wait that long, several times over.
TYPING_SWITCH_INTERVAL_S = 0.001


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


def tune_interpreter() -> None:
    """Once the window is up: settings for the whole process that keep typing smooth.

    Python's full garbage collection holds the interpreter lock, in whichever
    thread it starts, while it walks every object; with Qt and the engine
    loaded that is some 40,000 objects and 25 ms, a stall every second or so
    of typing. So what is alive after start-up (modules, classes, house
    styles, the window) is moved out of the collector's way for good. And the
    switch interval goes down to 1 ms, so that the UI thread waits at most that
    long for a check's Python to give way.
    """
    if gc.get_freeze_count() == 0:
        gc.collect()  # what is garbage now must not be kept for good
        gc.freeze()
    sys.setswitchinterval(TYPING_SWITCH_INTERVAL_S)


def application():
    """The QApplication, made if need be. Where Qt cannot open the display (``DISPLAY`` names a
    screen that is not there, a Wayland socket is gone), Qt would print several lines that end
    in advice to reinstall and abort the process; instead one line says what failed, and the
    process exits with status 2. Qt's other messages while it starts are passed on as they are."""
    from PySide6.QtCore import QtMsgType, qFormatLogMessage, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from editor.cli import EXIT_ERROR

    if QApplication.instance() is not None:
        return QApplication.instance()
    said: list[tuple[str, str, str]] = []  # each message's category, text, and the text as Qt would print it

    def hold(kind, context, message) -> None:
        if kind == QtMsgType.QtFatalMsg:
            reason = next((text for category, text, _ in said if category.startswith("qt.qpa")), message.splitlines()[0])
            display = os.environ.get("WAYLAND_DISPLAY") or os.environ.get("DISPLAY")
            where = f" on display {display}" if display else ""
            sys.stderr.write(
                f"copydesk: cannot open a window{where}: {reason}; "
                "to check a story from the command line use: copydesk check FILE\n"
            )
            sys.stderr.flush()
            os._exit(EXIT_ERROR)  # Qt aborts once this returns
        said.append((context.category or "", message, qFormatLogMessage(kind, context, message)))

    qInstallMessageHandler(hold)
    try:
        app = QApplication(sys.argv[:1])
    finally:
        qInstallMessageHandler(None)
    for _, _, printed in said:
        sys.stderr.write(printed + "\n")
    return app


def start(paths: list[str]):
    """The application with its window up (and the first of ``paths`` open): (app, window)."""
    from editor.app.look import Look
    from editor.app.main_window import MainWindow
    from editor.app.settings import Settings
    from editor.kept_records import KeptRecords, records_folder
    from editor.logbook import start_log
    from editor.userdata import APPLICATION, ORGANIZATION

    app = application()
    # Qt's settings and the user's data folder (editor.userdata) are named after these.
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(application_icon())
    start_log()
    KeptRecords(records_folder()).prune()  # records of changes no story has used for long
    Look.of(app, Settings())  # Fusion and the palette for the system's colours (or the user's choice)
    window = MainWindow()
    tune_interpreter()
    if paths:
        window.story.open_path(paths[0], ask=False)
    window.show()
    return app, window


def run(paths: list[str]) -> int:
    from PySide6.QtCore import QTimer

    app, window = start(paths)
    QTimer.singleShot(0, window.offer_recovery)  # with the window on screen behind the question
    return app.exec()

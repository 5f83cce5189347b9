"""Makes docs/screenshot.png: the window on the sample story with its underlines,
the issue panel and an open fix menu, and docs/changes.png: its Changes tab after
a fix, a fix-all and a typed sentence, on a real X screen (Xvfb when there is none).

    .venv/bin/python packaging/screenshot.py     (needs: apt-get install xvfb)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "docs" / "screenshot.png"
CHANGES_OUTPUT = ROOT / "docs" / "changes.png"
SCREEN = "1366x800x24"


def start_screen() -> subprocess.Popen | None:
    if os.environ.get("DISPLAY"):
        return None
    if shutil.which("Xvfb") is None:
        sys.exit("screenshot: no DISPLAY and no Xvfb; install it with: apt-get install xvfb")
    server = subprocess.Popen(["Xvfb", ":99", "-screen", "0", SCREEN, "-nolisten", "tcp"])
    os.environ["DISPLAY"] = ":99"
    time.sleep(1.5)
    return server


def shoot() -> None:
    os.environ.pop("QT_QPA_PLATFORM", None)
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QGuiApplication, QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from editor.app.main_window import MainWindow
    from editor.engine.resources import resource

    app = QApplication([])
    scratch = Path(tempfile.mkdtemp())
    settings = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("grammar/offer_download", "false")  # the offer of LanguageTool is no part of these pictures
    window = MainWindow(settings, scratch / "words.txt")
    window.resize(1366, 800)
    window.move(0, 0)
    window.show()
    window.story.open_path(str(resource("samples", "wire-story.txt")), ask=False)
    for _ in range(100):
        QTest.qWait(50)
        if window.editor.marked:
            break
    mark = next(m for m in window.editor.marked if m.issue.rule == "variant-consistency")
    cursor = QTextCursor(mark.cursor)
    cursor.setPosition(mark.cursor.selectionEnd())
    point = window.editor.cursorRect(cursor).bottomRight()
    menu = window.editor.build_context_menu(mark.cursor.selectionStart() + 1)
    menu.popup(window.editor.viewport().mapToGlobal(point))
    QTest.qWait(500)
    OUTPUT.parent.mkdir(exist_ok=True)
    QGuiApplication.primaryScreen().grabWindow(0).save(str(OUTPUT))
    menu.close()
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    shoot_changes(window)
    window.editor.document().setModified(False)
    window.close()


def shoot_changes(window) -> None:
    """The Changes tab after the repeated name is fixed, the country's forms fixed all at once,
    and a sentence typed; change 3 picked in the list."""
    from PySide6.QtCore import QEventLoop, QTimer, QUrl
    from PySide6.QtGui import QGuiApplication

    def run_events(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    [repeated] = [mark for mark in window.editor.marked if mark.issue.rule == "repeated-word"]
    window.editor.apply_fix(repeated, repeated.issue.replacements[0])
    run_events(300)
    window.editor.fix_group(next(m for m in window.editor.marked if m.issue.rule == "variant-consistency").issue.group)
    run_events(300)
    cursor = window.editor.textCursor()
    cursor.setPosition(window.editor.toPlainText().index(" The last upgrade"))
    cursor.insertText(" Officials did not say when work would start.")
    window.tabs.setCurrentWidget(window.changes_view)
    run_events(300)
    window.changes_view.list_view.anchorClicked.emit(QUrl("#change-3"))
    run_events(300)
    QGuiApplication.primaryScreen().grabWindow(0).save(str(CHANGES_OUTPUT))
    print(f"wrote {CHANGES_OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    server = start_screen()
    try:
        shoot()
    finally:
        if server is not None:
            server.terminate()

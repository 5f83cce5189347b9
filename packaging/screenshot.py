"""Makes the README's screenshots of the real window, started as ``copydesk`` starts it, at its
default size, on a real X screen (an Xvfb screen of just that size when there is none):

- docs/screenshot.png: the sample story with its marks and the issue cards;
- docs/review.png: the story reviewed from the keyboard: F8 three times, the issue selected,
  its card with the keys, and "Issue 3 of 16: …" in the status bar;
- docs/changes.png: the Changes tab after a fix, a fix-all and a typed sentence.

    .venv/bin/python packaging/screenshot.py     (needs: apt-get install xvfb)

It runs with settings and user data of its own, so the screenshots do not depend on (or
change) the user's.
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
DOCS = ROOT / "docs"
# The window's size when no size was saved (MainWindow._restore_settings), and so the screen's.
WIDTH, HEIGHT = 1200, 800


def start_screen() -> subprocess.Popen | None:
    """An Xvfb screen of the window's size when there is no X screen; None when there is one."""
    if os.environ.get("DISPLAY"):
        return None
    if shutil.which("Xvfb") is None:
        sys.exit("screenshot: no DISPLAY and no Xvfb; install it with: apt-get install xvfb")
    read, write = os.pipe()
    # -displayfd: Xvfb picks a free display number and writes it here once it is ready.
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{WIDTH}x{HEIGHT}x24", "-nolisten", "tcp"], pass_fds=(write,)
    )
    os.close(write)
    with os.fdopen(read) as answer:
        display = answer.readline().strip()
    if not display:
        server.terminate()
        sys.exit("screenshot: Xvfb did not start")
    os.environ["DISPLAY"] = f":{display}"
    return server


def shoot() -> None:
    os.environ.pop("QT_QPA_PLATFORM", None)
    scratch = Path(tempfile.mkdtemp(prefix="copydesk-screenshot-"))
    for folder in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[folder] = str(scratch / folder.lower())
    from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest

    from editor.app import start
    from editor.engine.resources import resource
    from editor.userdata import APPLICATION, ORGANIZATION

    # The offer of LanguageTool (a bar above the story at first run) is no part of these pictures.
    QSettings(ORGANIZATION, APPLICATION).setValue("grammar/offer_download", "false")

    def run_events(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def save(name: str) -> None:
        run_events(400)  # the cursor follows, the panel settles
        frame = window.frameGeometry()
        picture = QGuiApplication.primaryScreen().grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
        picture.save(str(DOCS / name))
        print(f"wrote docs/{name} ({picture.width()}×{picture.height()})")

    sample = scratch / "wire-story.txt"
    sample.write_text(resource("samples", "wire-story.txt").read_text(encoding="utf-8"), encoding="utf-8")
    app, window = start([str(sample)])
    window.move(0, 0)
    window.activateWindow()  # without a window manager nobody else gives it the keyboard
    deadline = time.monotonic() + 10
    while not (window.editor.marked and window.shows_latest_check()) and time.monotonic() < deadline:
        run_events(50)
    DOCS.mkdir(exist_ok=True)
    save("screenshot.png")
    window.editor.setFocus()
    for _ in range(3):
        QTest.keyClick(window.editor, Qt.Key.Key_F8)
    save("review.png")
    record_changes(window, run_events)
    save("changes.png")
    window.editor.document().setModified(False)
    window.close()
    app.processEvents()


def record_changes(window, run_events) -> None:
    """The Changes tab after the repeated name is fixed, the country's forms fixed all at once,
    and a sentence typed; change 3 picked in the list."""
    from PySide6.QtCore import QUrl

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


if __name__ == "__main__":
    server = start_screen()
    try:
        shoot()
    finally:
        if server is not None:
            server.terminate()
            server.wait()

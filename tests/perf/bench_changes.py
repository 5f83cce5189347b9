"""The record of changes, timed: prints JSON figures; never asserts on time.

    .venv/bin/python tests/perf/bench_changes.py [--quick]

- find_changes_ms: ``editor.changes.find_changes`` on the 10,000-word story of
  bench_window.py against itself with 1, 10, 100 and 1,000 words retyped at
  random places, and against a different story of the same length (the whole
  text replaced); median of a few runs, with the number of changes found.
- window: the same story open in the window with the fixes of every issue
  that has one applied (Fix all, kind by kind) and 100 words typed at random
  places: how long the changes take to be found, how long the Changes tab
  takes to show (finding them and laying out the marked story and the list),
  how long an export takes,
  and the UI thread's time for a recovery copy, which now carries the record;
  then for a save, which keeps the record with the story (``keep_record_ms``
  alone), and for opening the saved story again with its record taken up.

Nothing here runs while the story is typed into: the changes are worked out
when the Changes tab is shown (or an export asked for), so typing costs what
it did (see bench_window.py).
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))


def ten_thousand_words(seed: int) -> str:
    from bench_engine import make_story

    return "\n\n".join(make_story(random.Random(seed), 500, serial) for serial in range(20))


def retyped(story: str, count: int, rng: random.Random) -> str:
    words = story.split(" ")
    for index in rng.sample(range(len(words)), count):
        words[index] = words[index].upper() + " retyped"
    return " ".join(words)


def median_ms(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def find_changes_figures(runs: int) -> dict:
    from editor.changes import find_changes

    story = ten_thousand_words(3)
    figures = {}
    for count in (1, 10, 100, 1000):
        text = retyped(story, count, random.Random(count))
        figures[f"{count}_words_retyped"] = {
            "ms": median_ms(lambda: find_changes(story, text), runs),
            "changes": len(find_changes(story, text)),
        }
    other = ten_thousand_words(9)
    figures["another_story"] = {
        "ms": median_ms(lambda: find_changes(story, other), runs),
        "changes": len(find_changes(story, other)),
    }
    return figures


def run_events(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def window_figures(runs: int) -> dict:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication, QFileDialog

    from editor.app.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    scratch = Path(tempfile.mkdtemp())
    os.environ["XDG_DATA_HOME"] = str(scratch / "data")  # records kept here, not in the user's own
    settings = QSettings(str(scratch / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("grammar/mode", "off")
    window = MainWindow(settings, scratch / "words.txt", scratch / "recovery")
    window.show()
    path = scratch / "story.txt"
    path.write_text(ten_thousand_words(3), encoding="utf-8")
    window.story.open_path(str(path), ask=False)
    while not window.shows_latest_check():
        run_events(10)
    groups = {mark.issue.group for mark in window.editor.marked if mark.issue.replacements and mark.issue.group}
    for group in sorted(groups):
        window.editor.fix_group(group)
    rng = random.Random(5)
    cursor = QTextCursor(window.editor.document())
    for _ in range(100):
        cursor.setPosition(rng.randrange(window.editor.document().characterCount() - 1))
        cursor.movePosition(QTextCursor.MoveOperation.StartOfWord)
        cursor.insertText("typed ")
    app.processEvents()

    def show_changes() -> None:
        window.tabs.setCurrentWidget(window.changes_view)
        app.processEvents()
        window.tabs.setCurrentIndex(0)
        app.processEvents()

    changes = window.story.changes.changes()
    target = scratch / "changes.html"
    QFileDialog.getSaveFileName = lambda *args: (str(target), "")
    figures = {
        "story_words": len(window.story.changes.base.split()),
        "changes": len(changes),
        "by_fixes": sum(1 for change in changes if change.fixes),
        "changes_found_ms": median_ms(window.story.changes.changes, runs),
        "show_changes_tab_ms": median_ms(show_changes, runs),
        "export_html_ms": median_ms(window.changes_view.export, runs),
        "recovery_copy_ms": median_ms(window.story.write_recovery, runs),
        "save_ms": median_ms(window.story.save, runs),
        "keep_record_ms": median_ms(lambda: window.story.changes.keep(path), runs),
        "open_with_record_ms": median_ms(lambda: window.story.open_path(str(path), ask=False), runs),
    }
    assert len(window.story.changes.changes()) == len(changes)  # the record was taken up
    window.editor.document().setModified(False)
    window.close()
    return figures


def main(quick: bool) -> dict:
    runs = 1 if quick else 5
    return {"find_changes_ms": find_changes_figures(runs), "window": window_figures(runs)}


if __name__ == "__main__":
    print(json.dumps(main(quick="--quick" in sys.argv), indent=2))

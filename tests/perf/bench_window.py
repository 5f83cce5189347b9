"""Window speed, offscreen: prints JSON figures; never asserts on time.

    .venv/bin/python tests/perf/bench_window.py [--quick] [--languagetool] [--find TEXT]

- keystroke_to_underlines_ms: median and p95 from a typed key to the
  underlines being redrawn from a check of the text with that key, on a
  10,000-word story.
- longest_event_loop_block_ms: the longest time a 1 ms timer was held up
  while keys were typed continuously (one every 30 ms) into that story.
- ui_thread_cpu_per_key_ms: the UI thread's own CPU time over that typing,
  per key: Qt handling the key and painting, and the window applying each
  check's result (the timer's ticks are in it too, the same for every run).
- start_to_ready_ms: from process start to a shown window ready to type in.

With ``--languagetool`` the window also checks grammar with a stand-in
LanguageTool server on 127.0.0.1 that answers every request after
``LANGUAGETOOL_DELAY_S``, flagging each paragraph's first word, as a local
LanguageTool would (its answers are carried over and joined to the built-in
issues while typing goes on); the figures then show what LanguageTool costs
the typing, and ``languagetool_requests`` how often it was asked.

With ``--find TEXT`` the typing is done with the find bar open on TEXT (say
``the``: hundreds of matches highlighted, their count kept up with the typing).

The script waits by running the event loop as the application does
(``app.exec()`` lets the checking thread run between events), not with
``QTest.qWait``, which holds Python's interpreter lock while it waits and so
starves the checking thread: figures taken that way time the script, not the
window.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

READY_PROBE = """
import time, psutil
from editor.app import start
app, window = start([])
app.processEvents()
window.editor.setFocus()
print((time.time() - psutil.Process().create_time()) * 1000)
window.editor.document().setModified(False)
window.close()
"""


def start_to_ready_ms(runs: int) -> float:
    times = []
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home}
        for _ in range(runs):
            result = subprocess.run([sys.executable, "-c", READY_PROBE], capture_output=True, text=True, env=env)
            times.append(float(result.stdout.strip().splitlines()[-1]))
    return round(statistics.median(times), 1)


LANGUAGETOOL_DELAY_S = 0.15


def stand_in_languagetool():
    """A LanguageTool-shaped server: every paragraph's first word flagged, after a delay; returns (server, requests)."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from urllib.parse import parse_qs

    requests = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self._send([{"name": "English (US)", "code": "en", "longCode": "en-US"}])

        def do_POST(self):
            form = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode(), keep_blank_values=True)
            text = form["text"][0]
            requests.append(len(text))
            time.sleep(LANGUAGETOOL_DELAY_S)
            matches, offset = [], 0
            for paragraph in text.split("\n\n"):
                first = paragraph.split(" ")[0]
                if first:
                    units = len(first.encode("utf-16-le")) // 2
                    matches.append({
                        "message": "Stand-in", "shortMessage": "", "replacements": [], "offset": offset,
                        "length": units, "context": {"text": first, "offset": 0, "length": units},
                        "sentence": first, "rule": {"id": "STAND_IN", "description": "", "issueType": "grammar",
                                                    "category": {"id": "GRAMMAR", "name": ""}},
                    })
                offset += len((paragraph + "\n\n").encode("utf-16-le")) // 2
            self._send({"matches": matches})

        def _send(self, answer):
            body = json.dumps(answer).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, requests


def run_events(ms: int) -> None:
    """Runs the event loop for ``ms`` milliseconds, as ``app.exec()`` runs it."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main(quick: bool, languagetool: bool, find: str | None = None) -> dict:
    from bench_engine import make_story
    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from editor.app import tune_interpreter
    from editor.app.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    scratch = Path(tempfile.mkdtemp())
    settings = QSettings(str(scratch / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("grammar/mode", "off")
    if languagetool:
        server, requests = stand_in_languagetool()
        settings.setValue("grammar/mode", "remote")
        settings.setValue("grammar/url", f"http://127.0.0.1:{server.server_address[1]}")
    window = MainWindow(settings, scratch / "words.txt")
    tune_interpreter()  # as the application's start-up does
    window.show()
    story = "\n\n".join(make_story(random.Random(3), 500, serial) for serial in range(20))
    path = scratch / "story.txt"
    path.write_text(story, encoding="utf-8")
    window.story.open_path(str(path), ask=False)

    drawn = {"revision": -1, "at": 0.0}

    def on_checked(checked):
        drawn["revision"], drawn["at"] = checked.revision, time.perf_counter()

    window.checker.checked.connect(on_checked)
    while drawn["revision"] != window.checker.revision or (languagetool and not _grammar_shown(window)):
        run_events(10)

    editor = window.editor
    if find:
        window.find_bar.open_find()
        QTest.keyClicks(window.find_bar.find_field, find)
        editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    latencies = []
    for key in "the minister said"[: 6 if quick else 17]:
        started = time.perf_counter()
        QTest.keyClicks(editor, key)
        revision = window.checker.revision
        while drawn["revision"] != revision:
            run_events(1)
        latencies.append((drawn["at"] - started) * 1000)
        run_events(30)

    # Continuous typing: a key every 30 ms while a 1 ms timer measures how late it fires.
    clock, longest = QElapsedTimer(), [0.0]
    last = [0.0]
    clock.start()

    def tick():
        now = clock.nsecsElapsed() / 1e6
        longest[0] = max(longest[0], now - last[0] - 1)
        last[0] = now

    ticker = QTimer(interval=1)
    ticker.timeout.connect(tick)
    typist = QTimer(interval=30)
    typist.timeout.connect(lambda: QTest.keyClicks(editor, random.choice("abcdefghij ")))
    last[0] = clock.nsecsElapsed() / 1e6
    typed = [0]
    typist.timeout.connect(lambda: typed.__setitem__(0, typed[0] + 1))
    ui_cpu_before = time.thread_time()
    ticker.start()
    typist.start()
    run_events(1000 if quick else 3000)
    typist.stop()
    ticker.stop()
    ui_cpu_per_key = (time.thread_time() - ui_cpu_before) * 1000 / max(1, typed[0])

    latencies.sort()
    figures = {
        "story_words": len(story.split()),
        "keystroke_to_underlines_ms": {
            "median": round(statistics.median(latencies), 1),
            "p95": round(latencies[int(len(latencies) * 0.95) - 1], 1),
            "samples": len(latencies),
        },
        "longest_event_loop_block_ms": round(longest[0], 1),
        "ui_thread_cpu_per_key_ms": round(ui_cpu_per_key, 2),
        "start_to_ready_ms": start_to_ready_ms(1 if quick else 5),
    }
    if find:
        figures["find_bar"] = {"query": find, "count": window.find_bar.count_label.text()}
    if languagetool:
        figures["languagetool_requests"] = len(requests)
        figures["languagetool_answer_delay_ms"] = LANGUAGETOOL_DELAY_S * 1000
    window.editor.document().setModified(False)
    window.close()
    return figures


def _grammar_shown(window) -> bool:
    return any(mark.issue.rule.startswith("lt:") for mark in window.editor.marked)


if __name__ == "__main__":
    find = sys.argv[sys.argv.index("--find") + 1] if "--find" in sys.argv else None
    print(json.dumps(main(quick="--quick" in sys.argv, languagetool="--languagetool" in sys.argv, find=find), indent=2))

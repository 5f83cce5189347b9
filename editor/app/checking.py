"""Checks the story in the background and hands the issues back to the window.

A snapshot of the text goes to a one-thread pool, so the engine's Checker
(and its paragraph memo) is only ever used by one thread. A story that checks
quickly is checked at once after each key: text typed while a check runs
waits for it and is checked in one go when it ends. A story whose checks take
longer waits for typing to pause: its results would be stale by the next key
anyway, and a check running meanwhile takes the interpreter from the typing.
Results carry the revision they were computed for; results for an older
revision are dropped and the newest text is checked next. A ``finish`` step
given to the checker runs on its thread too, after the engine: joining
LanguageTool's last answer to the issues must not cost the typing either.

Python's full garbage collection holds the interpreter lock, in whichever
thread it starts, while it walks every object; with Qt and the engine loaded
that is some 40,000 objects and 25 ms, a stall every second or so of typing.
The first checker therefore moves the objects alive when it starts (modules,
classes, house styles, the window) out of the collector's way for good.

A thread that wants the interpreter waits until the one running Python gives
it up, at most every switch interval: 5 ms by default, so each timer or key
the UI thread handles during a check can wait that long, several times over.
The checker shortens the interval to 1 ms (longest event-loop block on a
10,000-word story, over several runs: 11-14 ms down to 9-13; with
LanguageTool's issues joined on the checking thread, 22-28 down to 18-26).
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from editor.engine import Checker, HouseStyle
from editor.engine.issues import Issue

TYPING_PAUSE_MS = 25
# A check that took longer than this makes the next ones wait for a typing pause.
QUICK_CHECK_MS = 20


class _Relay(QObject):
    done = Signal(int, str, list, float)


Finish = Callable[[str, list[Issue]], list[Issue]]


class _CheckJob(QRunnable):
    def __init__(self, checker: Checker, finish: Finish | None, text: str, revision: int, relay: _Relay) -> None:
        super().__init__()
        self.checker, self.finish, self.text, self.revision, self.relay = checker, finish, text, revision, relay

    def run(self) -> None:
        # The thread's own time: waiting for the interpreter while the window works is not the check's.
        started = time.thread_time()
        try:
            issues = self.checker.check(self.text)
            if self.finish is not None:
                issues = self.finish(self.text, issues)
        except Exception:  # noqa: BLE001 - a rule's bug must not take the window down
            issues = []
        self.relay.done.emit(self.revision, self.text, issues, (time.thread_time() - started) * 1000)


TYPING_SWITCH_INTERVAL_S = 0.001


def _freeze_startup_objects() -> None:
    if gc.get_freeze_count() == 0:
        gc.collect()  # what is garbage now must not be kept for good
        gc.freeze()


class BackgroundChecker(QObject):
    """Emits ``checked(revision, text, issues)`` for the newest text it was given."""

    checked = Signal(int, str, list)

    def __init__(self, style: HouseStyle, parent: QObject | None = None, finish: Finish | None = None) -> None:
        super().__init__(parent)
        self._finish = finish
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._finished)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._start)
        self._handover = QTimer(self, singleShot=True, interval=0)
        self._handover.timeout.connect(self._hand_over)
        self._result: tuple[int, str, list[Issue]] = (-1, "", [])
        self._checker = Checker(style)
        _freeze_startup_objects()
        sys.setswitchinterval(TYPING_SWITCH_INTERVAL_S)
        self._pending: tuple[str, int] | None = None
        self._running = False
        self._last_check_ms = 0.0
        self.latest_revision = -1

    @property
    def style(self) -> HouseStyle:
        return self._checker.style

    def set_style(self, style: HouseStyle) -> None:
        self._pool.waitForDone()
        self._checker = Checker(style)

    def request(self, text: str, revision: int, at_once: bool = False) -> None:
        self._pending = (text, revision)
        self.latest_revision = revision
        if at_once:
            self._timer.stop()
            self._start()
        else:
            # Even a quick check starts only once the key that asked for it is handled.
            self._timer.start(0 if self._last_check_ms < QUICK_CHECK_MS else TYPING_PAUSE_MS)

    def _start(self) -> None:
        if self._running or self._pending is None:
            return
        text, revision = self._pending
        self._pending = None
        self._running = True
        self._pool.start(_CheckJob(self._checker, self._finish, text, revision, self._relay))

    def _finished(self, revision: int, text: str, issues: list[Issue], check_ms: float) -> None:
        self._running = False
        self._last_check_ms = check_ms
        self._result = (revision, text, issues)
        # Handed over in the next pass of the event loop: a key typed during the check is handled
        # first (and makes these results stale, so they are not drawn at all).
        self._handover.start()

    def _hand_over(self) -> None:
        revision, text, issues = self._result
        if revision == self.latest_revision:
            self.checked.emit(revision, text, issues)
        # The next check starts once the window has drawn this one's results.
        self._timer.start(0)

    def shutdown(self) -> None:
        self._timer.stop()
        self._pending = None
        self._pool.waitForDone()

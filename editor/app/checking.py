"""Checks the story in the background and hands the issues back to the window.

Typing restarts a short timer; when it fires, a snapshot of the text goes to a
one-thread pool, so the engine's Checker (and its paragraph cache) is only
ever used by one thread. Results carry the revision they were computed for;
results for an older revision are dropped and the newest text is checked next.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from editor.engine import Checker, HouseStyle
from editor.engine.issues import Issue

TYPING_PAUSE_MS = 25


class _Relay(QObject):
    done = Signal(int, str, list)


class _CheckJob(QRunnable):
    def __init__(self, checker: Checker, text: str, revision: int, relay: _Relay) -> None:
        super().__init__()
        self.checker, self.text, self.revision, self.relay = checker, text, revision, relay

    def run(self) -> None:
        try:
            issues = self.checker.check(self.text)
        except Exception:  # noqa: BLE001 - a rule's bug must not take the window down
            issues = []
        self.relay.done.emit(self.revision, self.text, issues)


class BackgroundChecker(QObject):
    """Emits ``checked(revision, text, issues)`` for the newest text it was given."""

    checked = Signal(int, str, list)

    def __init__(self, style: HouseStyle, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._finished)
        self._timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._timer.timeout.connect(self._start)
        self._checker = Checker(style)
        self._pending: tuple[str, int] | None = None
        self._running = False
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
            self._timer.start()

    def _start(self) -> None:
        if self._running or self._pending is None:
            return
        text, revision = self._pending
        self._pending = None
        self._running = True
        self._pool.start(_CheckJob(self._checker, text, revision, self._relay))

    def _finished(self, revision: int, text: str, issues: list[Issue]) -> None:
        self._running = False
        if revision == self.latest_revision:
            self.checked.emit(revision, text, issues)
        self._start()

    def shutdown(self) -> None:
        self._timer.stop()
        self._pending = None
        self._pool.waitForDone()

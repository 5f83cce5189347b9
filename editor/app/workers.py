"""Every thread of the window: checking, LanguageTool, the download. The only module that starts one.

Checking runs a story's ``CheckSession`` on a pool of one thread, so the
session (and its engine's paragraph memo) is only ever used by one thread at a
time. A story that checks quickly is checked at once after each key: text
typed while a check runs waits for it and is checked in one go when it ends.
A story whose checks take longer waits for typing to pause: its results would
be stale by the next key anyway, and a check running meanwhile takes the
interpreter from the typing. Results carry the revision they were computed
for; results for an older revision are dropped and the newest text is
checked next. Whatever changes the session (a style, an ignore, LanguageTool's
answer) is queued and done on the checking thread before the next check.

LanguageTool's start-up, checks and failures happen on one daemon thread per
window: a daemon, because a request to a stalled server must not keep
Copydesk from quitting. It is asked once typing pauses, and its answer is
sorted by paragraph there, not on the UI thread.

Every result reaches the UI thread by a queued signal.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from editor.engine import HouseStyle
from editor.engine.issues import RuleFailure
from editor.grammar import DownloadError, GrammarChecker, GrammarSettings, GrammarStatus, download_languagetool
from editor.grammar.paragraphs import IssuesByParagraph
from editor.session import LANGUAGETOOL, Checked, CheckSession, Edited, Shown

_log = logging.getLogger(__name__)

# A check that took longer than this makes the next ones wait for a typing pause ...
QUICK_CHECK_MS = 20
# ... of this long.
SLOW_CHECK_WAIT_MS = 25
# LanguageTool is asked once typing pauses this long, not after every word: a
# shared newsroom server or the public service should not get a request per key.
LANGUAGETOOL_PAUSE_MS = 400
SESSION = "session"  # what a failure of the session itself (not of a rule) is called

SessionUpdate = Callable[[CheckSession], None]


class _Relay(QObject):
    done = Signal(object, float)  # the Checked, or a RuleFailure; the check's own time in ms


class _CheckJob(QRunnable):
    def __init__(self, session: CheckSession, updates: list[SessionUpdate], request: tuple, relay: _Relay) -> None:
        super().__init__()
        self.session, self.updates, self.request, self.relay = session, updates, request, relay

    def run(self) -> None:
        # The thread's own time: waiting for the interpreter while the window works is not the check's.
        started = time.thread_time()
        try:
            for update in self.updates:
                update(self.session)
            outcome: Checked | RuleFailure = self.session.check(*self.request)
        except Exception as error:  # noqa: BLE001 - logged, and shown by the window
            _log.exception("checking failed")
            outcome = RuleFailure.of(SESSION, error)
        self.relay.done.emit(outcome, (time.thread_time() - started) * 1000)


class CheckWorker(QObject):
    """Checks the newest text of one story off the UI thread.

    ``checked(Checked)`` brings the result for the newest revision only;
    ``failed(RuleFailure)`` says that checking itself broke.
    """

    checked = Signal(object)
    failed = Signal(object)

    def __init__(self, session: CheckSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._finished)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._start)
        self._handover = QTimer(self, singleShot=True, interval=0)
        self._handover.timeout.connect(self._hand_over)
        self._updates: list[SessionUpdate] = []
        self._pending: tuple[int, str, Shown, Edited | None] | None = None
        self._result: Checked | RuleFailure | None = None
        self._running = False
        self._last_check_ms = 0.0
        self.revision = 0

    @property
    def idle(self) -> bool:
        """Nothing waits to be checked and no check is running or waiting to be handed over."""
        return self._pending is None and not self._running and not self._handover.isActive()

    def update(self, change: SessionUpdate) -> None:
        """Changes the session on the checking thread, before the next check."""
        self._updates.append(change)

    def request(self, text: str, shown: Shown, edited: Edited | None, at_once: bool = False) -> int:
        """Checks ``text`` (what the window shows is ``shown``, edited where ``edited`` says since);
        returns its revision."""
        self.revision += 1
        self._pending = (self.revision, text, shown, edited)
        if at_once:
            self._timer.stop()
            self._start()
        else:
            # Even a quick check starts only once the key that asked for it is handled.
            self._timer.start(0 if self._last_check_ms < QUICK_CHECK_MS else SLOW_CHECK_WAIT_MS)
        return self.revision

    def _start(self) -> None:
        if self._running or self._pending is None:
            return
        request, self._pending = self._pending, None
        updates, self._updates = self._updates, []
        self._running = True
        self._pool.start(_CheckJob(self._session, updates, request, self._relay))

    def _finished(self, outcome: Checked | RuleFailure, check_ms: float) -> None:
        self._running = False
        self._last_check_ms = check_ms
        self._result = outcome
        # Handed over in the next pass of the event loop: a key typed during the check is handled
        # first (and makes these results stale, so they are not drawn at all).
        self._handover.start()

    def _hand_over(self) -> None:
        outcome, self._result = self._result, None
        if isinstance(outcome, RuleFailure):
            self.failed.emit(outcome)
        elif outcome is not None and outcome.revision == self.revision:
            self.checked.emit(outcome)
        # The next check starts once the window has drawn this one's results.
        self._timer.start(0)

    def shutdown(self) -> None:
        self._timer.stop()
        self._pending = None
        self._pool.waitForDone()


class _SharedCheckers:
    """One ``GrammarChecker`` per set of settings for all windows, so that every window of
    Copydesk uses one LanguageTool server (a Java process of a gigabyte or more), not one each."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[GrammarSettings, tuple[GrammarChecker, list[Callable[[GrammarStatus], None]]]] = {}

    def attach(self, settings: GrammarSettings, listener: Callable[[GrammarStatus], None]) -> GrammarChecker:
        with self._lock:
            if settings not in self._entries:
                listeners: list[Callable[[GrammarStatus], None]] = []
                checker = GrammarChecker(settings, on_status=lambda status: [tell(status) for tell in list(listeners)])
                self._entries[settings] = (checker, listeners)
            checker, listeners = self._entries[settings]
            listeners.append(listener)
            return checker

    def detach(self, checker: GrammarChecker, listener: Callable[[GrammarStatus], None]) -> bool:
        """Forgets ``listener``; True when no window uses ``checker`` any more and it is to be closed."""
        with self._lock:
            _, listeners = self._entries[checker.settings]
            listeners.remove(listener)
            if listeners:
                return False
            del self._entries[checker.settings]
            return True


_SHARED = _SharedCheckers()


class GrammarWorker(QObject):
    """Checks the newest text it was given with LanguageTool on a thread of its own, once typing pauses.

    ``found(text, answer)`` carries each answer, already sorted by paragraph
    (``IssuesByParagraph``); ``failed(RuleFailure)`` a bug in turning
    LanguageTool's answer into issues; ``statusChanged`` each change of
    LanguageTool's state. All arrive on the UI thread.
    """

    found = Signal(str, object)
    failed = Signal(object)
    statusChanged = Signal(object)

    def __init__(self, settings: GrammarSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wake = threading.Condition()
        self._wanted: tuple[str, HouseStyle] | None = None
        self._last: tuple[str, HouseStyle] | None = None
        self._stopping = False
        self._unasked: tuple[str, HouseStyle] | None = None
        self._pause = QTimer(self, singleShot=True, interval=LANGUAGETOOL_PAUSE_MS)
        self._pause.timeout.connect(self._ask)
        self._checker = _SHARED.attach(settings, self._announce)
        threading.Thread(target=self._work, name="languagetool", daemon=True).start()

    @property
    def settings(self) -> GrammarSettings:
        return self._checker.settings

    @property
    def status(self) -> GrammarStatus:
        return self._checker.status

    def note(self, text: str, style: HouseStyle) -> None:
        """Asks LanguageTool about ``text`` once typing pauses."""
        self._unasked = (text, style)
        self._pause.start()

    def _ask(self) -> None:
        if self._unasked is not None:
            self.request(*self._unasked)
            self._unasked = None

    def request(self, text: str, style: HouseStyle) -> None:
        """Check ``text`` now; a check still in flight for older text gives way at its next request."""
        with self._wake:
            self._wanted = self._last = (text, style)
            self._wake.notify()

    def retry(self) -> None:
        self._checker.retry()
        self._ask_again()

    def set_settings(self, settings: GrammarSettings) -> None:
        """Uses LanguageTool as ``settings`` say from now on; a server started for the old ones is
        stopped once no window uses it."""
        with self._wake:
            old, self._checker = self._checker, _SHARED.attach(settings, self._announce)
        if _SHARED.detach(old, self._announce):
            # Stopping a server waits for it to exit: not on the UI thread.
            threading.Thread(target=old.close, name="languagetool-stop", daemon=True).start()
        self.statusChanged.emit(self._checker.status)
        self._ask_again()

    def shutdown(self) -> None:
        """Stops the worker, and the LanguageTool server if no other window uses it."""
        self._pause.stop()
        with self._wake:
            self._stopping = True
            self._wake.notify()
        if _SHARED.detach(self._checker, self._announce):
            self._checker.close()

    def _ask_again(self) -> None:
        if self._last is not None:
            self.request(*self._last)

    def _announce(self, status: GrammarStatus) -> None:
        try:
            self.statusChanged.emit(status)
        except RuntimeError:
            pass  # the window is gone; nothing left to tell

    def _outdated(self) -> bool:
        """Whether newer text waits, or this window is closing: the check in flight gives way."""
        return self._wanted is not None or self._stopping

    def _work(self) -> None:
        while True:
            with self._wake:
                while self._wanted is None and not self._stopping:
                    self._wake.wait()
                if self._stopping:
                    return
                (text, style), self._wanted = self._wanted, None
                checker = self._checker
            try:
                issues = checker.check(text, style, superseded=self._outdated)
                answer = None if issues is None else IssuesByParagraph(text, issues)
            except Exception as error:  # noqa: BLE001 - logged and shown; grammar checking goes on
                _log.exception("LanguageTool's answer could not be read")
                self._emit(self.failed, RuleFailure.of(LANGUAGETOOL, error))
                continue
            if answer is not None and checker is self._checker:
                self._emit(self.found, text, answer)

    def _emit(self, signal, *arguments) -> None:
        try:
            signal.emit(*arguments)
        except RuntimeError:
            pass  # the window is gone


class Download(QObject):
    """Downloads LanguageTool on a thread; ``progressed(done, total)`` in bytes, then ``finished``."""

    progressed = Signal(int, int)
    finished = Signal()

    def __init__(self, options: dict, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.options = options
        self._cancel = threading.Event()
        self.error: str | None = None

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def start(self) -> None:
        threading.Thread(target=self._run, name="languagetool-download", daemon=True).start()

    def _run(self) -> None:
        try:
            download_languagetool(
                lambda done, total: self.progressed.emit(done, total or 0), cancel=self._cancel, **self.options
            )
        except DownloadError as error:
            self.error = str(error)
        finally:
            self.finished.emit()

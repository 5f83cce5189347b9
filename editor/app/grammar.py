"""LanguageTool in the window: a worker thread, the status-bar button, its settings and the download.

All checking is ``editor.grammar``'s; this module only keeps it off the UI
thread and shows its state. LanguageTool's start-up, checks and failures
happen on one daemon thread: a daemon, because a request to a stalled
server must not keep Copydesk from quitting. The answer is joined to the
built-in issues on the built-in checks' own thread (``with_answer``); until
a newer answer arrives, the paragraphs an edit did not touch keep
LanguageTool's underlines.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.engine import HouseStyle
from editor.engine.issues import Issue
from editor.grammar import (
    DownloadError,
    GrammarChecker,
    GrammarSettings,
    GrammarState,
    GrammarStatus,
    download_languagetool,
    merge_issues,
)
from editor.grammar.paragraphs import IssuesByParagraph

_log = logging.getLogger(__name__)
SETTINGS_GROUP = "grammar"
# LanguageTool is asked once typing pauses this long, not after every word: a
# shared newsroom server or the public service should not get a request per key.
TYPING_PAUSE_MS = 400
DOWNLOAD_SIZE = "about 250 MB"

STATE_LABELS = {
    GrammarState.OFF: "Grammar: off",
    GrammarState.IDLE: "Grammar: idle",
    GrammarState.STARTING: "Grammar: starting…",
    GrammarState.READY: "Grammar: ready",
    GrammarState.NOT_INSTALLED: "Grammar: not installed",
    GrammarState.UNAVAILABLE: "Grammar: unavailable",
}


def load_settings(settings: QSettings) -> GrammarSettings:
    """The grammar settings kept in ``settings``; an unknown mode or quiet period falls back to the default."""
    mode = str(settings.value(f"{SETTINGS_GROUP}/mode", GrammarSettings.mode))
    try:
        quiet_period = float(settings.value(f"{SETTINGS_GROUP}/quiet_minutes", GrammarSettings.quiet_period / 60)) * 60
    except (TypeError, ValueError):
        quiet_period = GrammarSettings.quiet_period
    try:
        return GrammarSettings(
            mode=mode,
            url=str(settings.value(f"{SETTINGS_GROUP}/url", "")),
            languagetool_dir=str(settings.value(f"{SETTINGS_GROUP}/languagetool_dir", "")),
            public_consent=str(settings.value(f"{SETTINGS_GROUP}/public_consent", "false")).lower() == "true",
            quiet_period=quiet_period if quiet_period >= 0 else GrammarSettings.quiet_period,
        )
    except ValueError:
        return GrammarSettings()


def save_settings(settings: QSettings, grammar: GrammarSettings) -> None:
    settings.setValue(f"{SETTINGS_GROUP}/mode", grammar.mode)
    settings.setValue(f"{SETTINGS_GROUP}/url", grammar.url)
    settings.setValue(f"{SETTINGS_GROUP}/languagetool_dir", grammar.languagetool_dir)
    settings.setValue(f"{SETTINGS_GROUP}/public_consent", "true" if grammar.public_consent else "false")
    settings.setValue(f"{SETTINGS_GROUP}/quiet_minutes", grammar.quiet_period / 60)


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


class GrammarRunner(QObject):
    """Checks the newest text it was given with LanguageTool on a thread of its own.

    ``found(revision, text, answer)`` carries each answer, already sorted by
    paragraph (``IssuesByParagraph``) on the worker thread; ``statusChanged``
    each change of LanguageTool's state. Both arrive on the UI thread.
    """

    found = Signal(int, str, object)
    statusChanged = Signal(object)

    def __init__(self, settings: GrammarSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wake = threading.Condition()
        self._wanted: tuple[int, str, HouseStyle] | None = None
        self._last: tuple[int, str, HouseStyle] | None = None
        self._stopping = False
        self._checker = _SHARED.attach(settings, self._announce)
        threading.Thread(target=self._work, name="languagetool", daemon=True).start()

    @property
    def settings(self) -> GrammarSettings:
        return self._checker.settings

    @property
    def status(self) -> GrammarStatus:
        return self._checker.status

    def request(self, revision: int, text: str, style: HouseStyle) -> None:
        """Check ``text``; a check still in flight for older text gives way at its next request."""
        with self._wake:
            self._wanted = self._last = (revision, text, style)
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
                (revision, text, style), self._wanted = self._wanted, None
                checker = self._checker
            try:
                issues = checker.check(text, style, superseded=self._outdated)
            except Exception:  # noqa: BLE001 - a bug here must not end grammar checking for the session
                _log.exception("LanguageTool check failed")
                issues = None
            if issues is not None and checker is self._checker:
                try:
                    self.found.emit(revision, text, IssuesByParagraph(text, issues))
                except RuntimeError:
                    return


class GrammarSupport(QObject):
    """What the window needs from LanguageTool: merged issues, a status button, settings, the download."""

    updated = Signal()  # a newer answer, or none any more: the window checks its text again

    def __init__(self, window: QWidget, settings: QSettings) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._answer = IssuesByParagraph()
        self._answered_text = ""
        self._unasked: tuple[int, str, HouseStyle] | None = None
        self._pause = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._pause.timeout.connect(self._ask)
        self.runner = GrammarRunner(load_settings(settings), self)
        self.runner.found.connect(self._found)
        self.button = GrammarStatusButton(self)
        self.runner.statusChanged.connect(self.button.show_status)
        self.button.show_status(self.runner.status)

    def with_answer(self, text: str, builtin: list[Issue]) -> list[Issue]:
        """The built-in issues of ``text`` with LanguageTool's last answer, as far as it still fits.

        Runs on the checking thread: it only reads the answer, which is replaced, never changed.
        """
        return merge_issues(builtin, self._answer.in_text(text))

    def note_text(self, revision: int, text: str, style: HouseStyle) -> None:
        """Asks LanguageTool about ``text`` once typing pauses, unless it has answered for it."""
        if text != self._answered_text:
            self._unasked = (revision, text, style)
            self._pause.start()

    def _ask(self) -> None:
        if self._unasked is not None:
            self.runner.request(*self._unasked)
            self._unasked = None

    def recheck(self) -> None:
        """Forgets the answer (the style changed, say); the next ``merged`` asks again."""
        self._answer = IssuesByParagraph()
        self._answered_text = ""

    def _found(self, revision: int, text: str, answer: IssuesByParagraph) -> None:
        self._answer = answer
        self._answered_text = text
        self.updated.emit()

    def open_settings(self) -> None:
        dialog = GrammarSettingsDialog(self.runner.settings, self._window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_settings(dialog.chosen())

    def apply_settings(self, grammar: GrammarSettings) -> None:
        save_settings(self._settings, grammar)
        self.recheck()
        self.runner.set_settings(grammar)
        self.updated.emit()

    def ask_to_download(self) -> bool:
        """Whether the user agrees to download LanguageTool; tests replace this to answer."""
        answer = QMessageBox.question(
            self._window,
            "Download LanguageTool?",
            f"Grammar checks need LanguageTool, which is not on this computer yet.\n\n"
            f"Download it now? It is {DOWNLOAD_SIZE}, from languagetool.org, and needs Java to run.",
        )
        return answer == QMessageBox.StandardButton.Yes

    def offer_download(self, **download_options) -> bool:
        """Asks, then downloads LanguageTool with a progress dialog; True once it is installed."""
        if not self.ask_to_download():
            return False
        progress = QProgressDialog("Downloading LanguageTool…", "Cancel", 0, 0, self._window)
        progress.setWindowTitle("Copydesk")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        download = _Download(download_options, self)
        download.progressed.connect(lambda done, total: _show_progress(progress, done, total))
        progress.canceled.connect(download.cancel.set)
        waiting = QEventLoop()
        download.finished.connect(waiting.quit)
        download.start()
        waiting.exec()  # the window keeps painting and Cancel stays live
        cancelled = download.cancel.is_set()
        progress.canceled.disconnect()  # closing the dialog emits it too
        progress.close()
        if download.error is not None:
            if not cancelled:
                QMessageBox.warning(self._window, "LanguageTool was not installed", download.error)
            return False
        self.runner.retry()
        return True

    def shutdown(self) -> None:
        self._pause.stop()
        self.runner.shutdown()


class _Download(QObject):
    progressed = Signal(int, int)
    finished = Signal()

    def __init__(self, options: dict, parent: QObject) -> None:
        super().__init__(parent)
        self.options = options
        self.cancel = threading.Event()
        self.error: str | None = None

    def start(self) -> None:
        threading.Thread(target=self._run, name="languagetool-download", daemon=True).start()

    def _run(self) -> None:
        try:
            download_languagetool(
                lambda done, total: self.progressed.emit(done, total or 0), cancel=self.cancel, **self.options
            )
        except DownloadError as error:
            self.error = str(error)
        finally:
            self.finished.emit()


def _show_progress(progress: QProgressDialog, done: int, total: int) -> None:
    if total:
        progress.setMaximum(total // 1024)
        progress.setValue(done // 1024)
    of_total = f" of {total / 1_000_000:.0f} MB" if total else ""
    progress.setLabelText(f"Downloading LanguageTool… {done / 1_000_000:.0f} MB{of_total}")


class GrammarStatusButton(QToolButton):
    """The status bar's word on LanguageTool; a click shows why, and what can be done."""

    def __init__(self, support: GrammarSupport) -> None:
        super().__init__()
        self._support = support
        self.setAutoRaise(True)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMenu(QMenu(self))
        self.menu().aboutToShow.connect(self._fill_menu)
        self.status: GrammarStatus | None = None

    def show_status(self, status: GrammarStatus) -> None:
        self.status = status
        self.setText(STATE_LABELS[status.state])
        self.setToolTip(status.message)

    def _fill_menu(self) -> None:
        menu = self.menu()
        menu.clear()
        reason = menu.addAction(self.status.message if self.status else "")
        reason.setEnabled(False)
        menu.addSeparator()
        state = self.status.state if self.status else GrammarState.OFF
        if state is GrammarState.NOT_INSTALLED:
            menu.addAction("Download LanguageTool…").triggered.connect(lambda: self._support.offer_download())
        if state in (GrammarState.UNAVAILABLE, GrammarState.NOT_INSTALLED):
            menu.addAction("Try Again").triggered.connect(self._support.runner.retry)
        menu.addAction("Grammar Settings…").triggered.connect(self._support.open_settings)


class GrammarSettingsDialog(QDialog):
    """Where LanguageTool runs: off, on this computer, a newsroom server, or the public service."""

    def __init__(self, current: GrammarSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Grammar")
        self._current = current
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Grammar is checked by LanguageTool:"))
        self.modes = QButtonGroup(self)
        self.off = QRadioButton("Off")
        self.local = QRadioButton("On this computer (needs Java)")
        self.remote = QRadioButton("On our newsroom's LanguageTool server")
        self.public = QRadioButton("On the public LanguageTool service (languagetool.org)")
        for mode, button in zip(("off", "local", "remote", "public"), (self.off, self.local, self.remote, self.public)):
            self.modes.addButton(button)
            button.setProperty("mode", mode)
            button.setChecked(mode == current.mode)

        self.folder = QLineEdit(current.languagetool_dir)
        self.folder.setPlaceholderText("found or downloaded by Copydesk")
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder)
        folder_row.addWidget(browse)
        # LanguageTool on this computer is shared with the command line and kept between uses.
        self.quiet = QSpinBox(minimum=1, maximum=24 * 60, suffix=" minutes unused")
        self.quiet.setValue(max(1, round(current.quiet_period / 60)))
        self.url = QLineEdit(current.url)
        self.url.setPlaceholderText("http://languagetool.newsroom.example:8081")
        self.consent = QCheckBox("I understand that the story's text will leave this computer")
        self.consent.setChecked(current.public_consent)
        warning = QLabel(
            "The public service receives the whole text of every story you check, "
            "unpublished copy included, over the internet."
        )
        warning.setWordWrap(True)
        warning.setStyleSheet("color: #b71c1c")

        layout.addWidget(self.off)
        layout.addWidget(self.local)
        form = QFormLayout()
        form.addRow("LanguageTool folder:", folder_row)
        form.addRow("Stop it after:", self.quiet)
        layout.addLayout(form)
        layout.addWidget(self.remote)
        server_form = QFormLayout()
        server_form.addRow("Server address:", self.url)
        layout.addLayout(server_form)
        layout.addWidget(self.public)
        layout.addWidget(warning)
        layout.addWidget(self.consent)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.url.textChanged.connect(self._update)
        self.consent.toggled.connect(self._update)
        self.modes.buttonToggled.connect(self._update)
        self._update()

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "LanguageTool folder (LanguageTool-<version>)", self.folder.text())
        if folder:
            self.folder.setText(folder)
            self.local.setChecked(True)

    def mode(self) -> str:
        return self.modes.checkedButton().property("mode") if self.modes.checkedButton() else self._current.mode

    def _update(self, *_) -> None:
        mode = self.mode()
        ready = (mode != "remote" or bool(self.url.text().strip())) and (mode != "public" or self.consent.isChecked())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def chosen(self) -> GrammarSettings:
        mode = self.mode()
        return GrammarSettings(
            mode=mode,
            url=self.url.text().strip(),
            languagetool_dir=str(Path(self.folder.text().strip()).expanduser()) if self.folder.text().strip() else "",
            public_consent=mode == "public" and self.consent.isChecked(),
            quiet_period=self.quiet.value() * 60,
        )

"""LanguageTool in the window: the status-bar button, the offer of the download above the story,
and the settings and the download as dialogs.

All checking is ``editor.grammar``'s, and the threads it runs on are
``workers``'; this module shows LanguageTool's state and asks the user.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
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

from editor.app.settings import Settings
from editor.app.workers import Download, GrammarWorker
from editor.grammar import GrammarSettings, GrammarState, GrammarStatus

DOWNLOAD_SIZE = "about 250 MB"

# The states the README lists. Idle (not connected yet) lasts until the first check, which the
# window asks for as it opens: LanguageTool is about to start, and is shown so.
STATE_LABELS = {
    GrammarState.OFF: "Grammar: off",
    GrammarState.IDLE: "Grammar: starting…",
    GrammarState.STARTING: "Grammar: starting…",
    GrammarState.READY: "Grammar: ready",
    GrammarState.NOT_INSTALLED: "Grammar: not installed",
    GrammarState.UNAVAILABLE: "Grammar: unavailable",
}


class GrammarSupport(QObject):
    """What the window needs from LanguageTool besides its answers: a status button, settings, the download."""

    settingsChanged = Signal()  # LanguageTool's answer no longer holds: the window forgets it and checks again

    def __init__(self, window: QWidget, settings: Settings) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self.worker = GrammarWorker(settings.grammar, self)
        self.button = GrammarStatusButton(self)
        self.offer = DownloadOffer()
        self._offered = False
        self.worker.statusChanged.connect(self.button.show_status)
        self.worker.statusChanged.connect(self._offer_if_missing)
        self.offer.answered.connect(self._offer_answered)
        self.button.show_status(self.worker.status)

    def open_settings(self) -> None:
        dialog = GrammarSettingsDialog(self.worker.settings, self._window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_settings(dialog.chosen())

    def apply_settings(self, grammar: GrammarSettings) -> None:
        self._settings.grammar = grammar
        self.worker.set_settings(grammar)
        self.settingsChanged.emit()

    def ask_to_download(self) -> bool:
        """Whether the user agrees to download LanguageTool; tests replace this to answer."""
        answer = QMessageBox.question(
            self._window,
            "Download LanguageTool?",
            f"Grammar checks need LanguageTool, which is not on this computer yet.\n\n"
            f"Download it now? It is {DOWNLOAD_SIZE}, from languagetool.org, and needs Java to run.",
        )
        return answer == QMessageBox.StandardButton.Yes

    def _offer_if_missing(self, status: GrammarStatus) -> None:
        """The first time LanguageTool is found missing (which is only said where Java is: without it
        a download would not help), the bar above the story offers it; once a window, and never
        again once the user said so."""
        if status.state is GrammarState.NOT_INSTALLED and not self._offered and self._settings.grammar_offer_download:
            self._offered = True
            self.offer.show()

    def _offer_answered(self, answer: str) -> None:
        self.offer.hide()
        if answer == DownloadOffer.NEVER:
            self._settings.grammar_offer_download = "false"
        elif answer == DownloadOffer.DOWNLOAD:
            self.download()

    def offer_download(self, **download_options) -> bool:
        """Asks, then downloads LanguageTool; True once it is installed."""
        return self.ask_to_download() and self.download(**download_options)

    def download(self, **download_options) -> bool:
        """Downloads LanguageTool with a progress dialog; True once it is installed."""
        progress = QProgressDialog("Downloading LanguageTool…", "Cancel", 0, 0, self._window)
        progress.setWindowTitle("Copydesk")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        download = Download(download_options, self)
        download.progressed.connect(lambda done, total: _show_progress(progress, done, total))
        progress.canceled.connect(download.cancel)
        waiting = QEventLoop()
        download.finished.connect(waiting.quit)
        download.start()
        waiting.exec()  # the window keeps painting and Cancel stays live
        progress.canceled.disconnect()  # closing the dialog emits it too
        progress.close()
        if download.error is not None:
            if not download.cancelled:
                QMessageBox.warning(self._window, "LanguageTool was not installed", download.error)
            return False
        self.worker.retry()
        return True

    def shutdown(self) -> None:
        self.worker.shutdown()


def _fit_placeholder(field: QLineEdit) -> None:
    """Makes ``field`` wide enough to show its whole placeholder. Qt sizes a line edit for 17 x's and
    its frame and margins; a placeholder is cut short a few pixels early too, for its font's bearings."""
    metrics = field.fontMetrics()
    padding = field.sizeHint().width() - 17 * metrics.horizontalAdvance("x") + metrics.horizontalAdvance("  ")
    field.setMinimumWidth(metrics.horizontalAdvance(field.placeholderText()) + padding)


def _show_progress(progress: QProgressDialog, done: int, total: int) -> None:
    if total:
        progress.setMaximum(total // 1024)
        progress.setValue(done // 1024)
    of_total = f" of {total / 1_000_000:.0f} MB" if total else ""
    progress.setLabelText(f"Downloading LanguageTool… {done / 1_000_000:.0f} MB{of_total}")


class DownloadOffer(QFrame):
    """The bar above the story that offers LanguageTool's download; ``answered`` says which button was clicked."""

    DOWNLOAD, NOT_NOW, NEVER = "Download", "Not now", "Don't ask again"
    answered = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        message = QLabel(f"Grammar checking uses LanguageTool, a {DOWNLOAD_SIZE.removeprefix('about ')} download.")
        message.setToolTip("From languagetool.org, once; it runs on this computer with Java, and no story leaves it.")
        layout.addWidget(message, 1)
        for answer in (self.DOWNLOAD, self.NOT_NOW, self.NEVER):
            button = QPushButton(answer)
            button.clicked.connect(lambda _=False, a=answer: self.answered.emit(a))
            layout.addWidget(button)
        self.hide()


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
            menu.addAction("Try Again").triggered.connect(self._support.worker.retry)
        menu.addAction("Grammar Settings…").triggered.connect(self._support.open_settings)


class GrammarSettingsDialog(QDialog):
    """Where LanguageTool runs: off, on this computer, a newsroom server, or the public service."""

    def __init__(self, current: GrammarSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Grammar")
        self._current = current
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(12)
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

        _fit_placeholder(self.folder)
        _fit_placeholder(self.url)
        # Each choice's fields are indented under it, their labels in one column.
        choices = QGridLayout()
        choices.setColumnMinimumWidth(0, 22)
        choices.setColumnStretch(2, 1)
        rows: list[tuple] = [
            (QLabel("Grammar is checked by LanguageTool:"),),
            (self.off,),
            (self.local,),
            ("LanguageTool folder:", folder_row),
            ("Stop it after:", self.quiet),
            (self.remote,),
            ("Server address:", self.url),
            (self.public,),
            (None, warning),
            (None, self.consent),
        ]
        for row, (first, *field) in enumerate(rows):
            if not field:
                choices.addWidget(first, row, 0, 1, 3)
            elif first is None:
                choices.addWidget(field[0], row, 1, 1, 2)
            else:
                choices.addWidget(QLabel(first), row, 1)
                target = field[0]
                (choices.addLayout if isinstance(target, QHBoxLayout) else choices.addWidget)(target, row, 2)
        layout.addLayout(choices)
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

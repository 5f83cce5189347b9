"""LanguageTool in the window: the status-bar button, its settings and the download, as dialogs.

All checking is ``editor.grammar``'s, and the threads it runs on are
``workers``'; this module shows LanguageTool's state and asks the user.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
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

from editor.app.settings import Settings
from editor.app.workers import Download, GrammarWorker
from editor.grammar import GrammarSettings, GrammarState, GrammarStatus

DOWNLOAD_SIZE = "about 250 MB"

STATE_LABELS = {
    GrammarState.OFF: "Grammar: off",
    GrammarState.IDLE: "Grammar: idle",
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
        self.worker.statusChanged.connect(self.button.show_status)
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

    def offer_download(self, **download_options) -> bool:
        """Asks, then downloads LanguageTool with a progress dialog; True once it is installed."""
        if not self.ask_to_download():
            return False
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
            menu.addAction("Try Again").triggered.connect(self._support.worker.retry)
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

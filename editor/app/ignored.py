"""The list of what the editor ignored in this story, each with a way back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout

from editor.engine.ignores import OccurrenceKey

_ROLE = Qt.ItemDataRole.UserRole


class IgnoredDialog(QDialog):
    """Lists single issues and whole rules ignored in this story; Restore shows them again."""

    restored = Signal(object)  # an occurrence key
    ruleRestored = Signal(str)

    def __init__(self, ignored: tuple[tuple[OccurrenceKey, str], ...], rules: tuple[str, ...], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Ignored in This Story")
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        for key, message in ignored:
            _, before, text, after = key
            item = QListWidgetItem(f"{message}\n    {before}[{text}]{after}".strip())
            item.setData(_ROLE, ("issue", key))
            self.list.addItem(item)
        for rule in rules:
            item = QListWidgetItem(f"Every issue of rule {rule}")
            item.setData(_ROLE, ("rule", rule))
            self.list.addItem(item)
        self.restore_button = QPushButton("&Restore")
        self.restore_button.clicked.connect(lambda: self._restore(self.list.selectedItems()))
        restore_all = QPushButton("Restore &All")
        restore_all.clicked.connect(lambda: self._restore([self.list.item(row) for row in range(self.list.count())]))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(restore_all, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(QLabel("Restored issues are underlined and listed again."))
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.list.itemSelectionChanged.connect(self._update_button)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update_button()
        self.resize(520, 340)

    def _restore(self, items: list[QListWidgetItem]) -> None:
        for item in items:
            what, key = item.data(_ROLE)
            (self.restored if what == "issue" else self.ruleRestored).emit(key)
            self.list.takeItem(self.list.row(item))
        self._update_button()

    def _update_button(self) -> None:
        self.restore_button.setEnabled(bool(self.list.selectedItems()))

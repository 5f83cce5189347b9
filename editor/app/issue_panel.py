"""The side panel: every issue, grouped by category with counts, with Fix and Fix all."""

from __future__ import annotations

import bisect

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from editor.app.story_editor import CATEGORY_COLOURS, Marked

_SNIPPET = 24


class IssuePanel(QWidget):
    activated = Signal(object)
    fixRequested = Signal(object)
    fixAllRequested = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Issue", "Line"])
        self.tree.setColumnWidth(0, 300)
        self.tree.itemClicked.connect(self._clicked)
        self.fix_button = QPushButton("Fix")
        self.fix_all_button = QPushButton("Fix all")
        self.fix_button.clicked.connect(self._fix)
        self.fix_all_button.clicked.connect(self._fix_all)
        buttons = QHBoxLayout()
        buttons.addWidget(self.fix_button)
        buttons.addWidget(self.fix_all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self.counts: dict[str, int] = {}
        self._marks: list[Marked] = []
        self._update_buttons()
        # itemSelectionChanged carries no arguments; currentItemChanged passes None after clear().
        self.tree.itemSelectionChanged.connect(self._update_buttons)

    def show_marks(self, marks: list[Marked], text: str) -> None:
        self.tree.clear()
        self._marks = []
        by_category: dict[str, list[Marked]] = {}
        for mark in marks:
            by_category.setdefault(mark.issue.category, []).append(mark)
        self.counts = {category: len(items) for category, items in by_category.items()}
        line_starts = [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]
        for category in sorted(by_category):
            items = by_category[category]
            parent = QTreeWidgetItem([f"{category.capitalize()} ({len(items)})", ""])
            parent.setData(0, Qt.ItemDataRole.UserRole, -1)
            parent.setForeground(0, QBrush(QColor(CATEGORY_COLOURS.get(category, "#444"))))
            self.tree.addTopLevelItem(parent)
            for mark in items:
                issue = mark.issue
                line = _line_of(line_starts, issue.start)
                snippet = text[max(0, issue.start - 8) : issue.end + _SNIPPET].replace("\n", " ")
                child = QTreeWidgetItem([f"{issue.message} — …{snippet}…", str(line)])
                child.setToolTip(0, issue.explanation)
                # Items hold an index into the marks, never the Python object itself.
                child.setData(0, Qt.ItemDataRole.UserRole, len(self._marks))
                self._marks.append(mark)
                parent.addChild(child)
            parent.setExpanded(True)
        self._update_buttons()

    def _mark_of(self, item: QTreeWidgetItem | None) -> Marked | None:
        index = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else -1
        return self._marks[index] if index >= 0 else None

    def _selected(self) -> Marked | None:
        # selectedItems() rather than currentItem(): PySide6 6.12 miscounts the
        # references of the None that currentItem() returns on an empty tree.
        selected = self.tree.selectedItems()
        return self._mark_of(selected[0]) if selected else None

    def _clicked(self, item: QTreeWidgetItem) -> None:
        mark = self._mark_of(item)
        if mark is not None:
            self.activated.emit(mark)

    def _fix(self) -> None:
        mark = self._selected()
        if mark is not None and mark.issue.replacements:
            self.fixRequested.emit(mark)

    def _fix_all(self) -> None:
        mark = self._selected()
        if mark is not None and mark.issue.group is not None:
            self.fixAllRequested.emit(mark.issue.group)

    def _update_buttons(self) -> None:
        mark = self._selected()
        self.fix_button.setEnabled(bool(mark and mark.issue.replacements))
        self.fix_all_button.setEnabled(bool(mark and mark.issue.group and mark.issue.replacements))


def _line_of(line_starts: list[int], offset: int) -> int:
    return bisect.bisect_right(line_starts, offset)

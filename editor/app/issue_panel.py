"""The side panel: every issue, grouped by category with counts, with Fix and Fix all.

Its rows are worked out with each check, off the UI thread (``Checked.rows``);
the panel rewrites only the rows the check session says changed.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from editor.app.story_editor import CATEGORY_COLOURS, Marked
from editor.session import Checked, Row, RowChange, row_changes


class IssuePanel(QWidget):
    activated = Signal(object)
    fixRequested = Signal(object)
    fixAllRequested = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Issue", "Line"])
        self.tree.setColumnWidth(0, 300)
        # Every row is one line; told so, Qt need not measure every row again when one changes.
        self.tree.setUniformRowHeights(True)
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
        # What the tree shows: each category's rows, in the order of the categories.
        self.rows: Mapping[str, tuple[Row, ...]] = {}
        self._categories: list[str] = []
        # Each category's rows' issues, as indexes into the marks.
        self._by_category: Mapping[str, Sequence[int]] = {}
        self._marks: Sequence[Marked] = ()
        self._update_buttons()
        # itemSelectionChanged carries no arguments; currentItemChanged passes None after clear().
        self.tree.itemSelectionChanged.connect(self._update_buttons)

    def show_checked(self, checked: Checked, marks: Sequence[Marked] = ()) -> None:
        """Lists ``checked``'s issues, whose marks in the editor are ``marks``."""
        changes = checked.changes.rows if checked.changes.base_rows is self.rows else row_changes(self.rows, checked.rows)
        for change in changes:
            self._apply(change)
        self.rows, self._by_category, self._marks = checked.rows, checked.by_category, marks
        self.counts = {category: len(indices) for category, indices in checked.by_category.items()}
        for index, category in enumerate(self._categories):
            self.tree.topLevelItem(index).setText(0, f"{category.capitalize()} ({self.counts[category]})")
        self._update_buttons()

    def _apply(self, change: RowChange) -> None:
        if change.category not in self._categories:
            index = bisect.bisect(self._categories, change.category)
            header = QTreeWidgetItem()
            header.setForeground(0, QBrush(QColor(CATEGORY_COLOURS.get(change.category, "#444"))))
            self.tree.insertTopLevelItem(index, header)
            header.setExpanded(True)
            self._categories.insert(index, change.category)
        index = self._categories.index(change.category)
        header = self.tree.topLevelItem(index)
        if change.first == 0 and change.last >= header.childCount() and not change.rows:
            self.tree.takeTopLevelItem(index)
            del self._categories[index]
            return
        overwritten = min(change.last - change.first, len(change.rows))
        for offset in range(overwritten):
            _set_row(header.child(change.first + offset), change.rows[offset])
        added = [_set_row(QTreeWidgetItem(), row) for row in change.rows[overwritten:]]
        if added:
            header.insertChildren(change.first + overwritten, added)
        for row in reversed(range(change.first + overwritten, change.last)):
            header.takeChild(row)

    def mark_of(self, item: QTreeWidgetItem | None) -> Marked | None:
        """The mark a row of the tree stands for; None for a category's header."""
        if item is None or self.tree.indexOfTopLevelItem(item) >= 0:
            return None
        header = item.parent()
        category = self._categories[self.tree.indexOfTopLevelItem(header)]
        return self._marks[self._by_category[category][header.indexOfChild(item)]]

    def _selected(self) -> Marked | None:
        # selectedItems() rather than currentItem(): PySide6 6.12 miscounts the
        # references of the None that currentItem() returns on an empty tree.
        selected = self.tree.selectedItems()
        return self.mark_of(selected[0]) if selected else None

    def _clicked(self, item: QTreeWidgetItem) -> None:
        mark = self.mark_of(item)
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


def _set_row(item: QTreeWidgetItem, row: Row) -> QTreeWidgetItem:
    label, line, explanation = row
    item.setText(0, label)
    item.setText(1, str(line))
    item.setToolTip(0, explanation)
    return item

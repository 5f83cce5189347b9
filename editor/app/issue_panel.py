"""The side panel: every issue, grouped by category with counts, with Fix and Fix all."""

from __future__ import annotations

import bisect
from collections import Counter

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from editor.app.story_editor import CATEGORY_COLOURS, Marked
from editor.engine.issues import Issue
from editor.engine.sequences import shared_ends
from editor.engine.story import Story

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
        # Mirrors the tree: the categories in order, and each one's rows and marks in order.
        self._categories: list[str] = []
        self._rows: dict[str, list[tuple[str, str, str]]] = {}
        self._marks: dict[str, list[Marked]] = {}
        self._wanted: tuple[list[Marked], str] = ([], "")
        self._refresh = QTimer(self, singleShot=True, interval=0)
        self._refresh.timeout.connect(self._show_wanted)
        self._update_buttons()
        # itemSelectionChanged carries no arguments; currentItemChanged passes None after clear().
        self.tree.itemSelectionChanged.connect(self._update_buttons)

    def show_marks(self, marks: list[Marked], text: str) -> None:
        """Show ``marks``, whose issues were found in ``text``.

        The counts change at once; the tree in the next pass of the event loop,
        so that a key typed meanwhile is handled between the underlines and the
        list. A re-check usually changes a row or two, so only the rows that
        differ from what is shown are rewritten, added or removed.
        """
        self._wanted = (marks, text)
        self.counts = dict(Counter(mark.issue.category for mark in marks))
        self._refresh.start()

    def _show_wanted(self) -> None:
        marks, text = self._wanted
        story = Story(text)
        marks_by_category: dict[str, list[Marked]] = {}
        for mark in marks:
            marks_by_category.setdefault(mark.issue.category, []).append(mark)
        for gone in [category for category in self._categories if category not in marks_by_category]:
            self.tree.takeTopLevelItem(self._categories.index(gone))
            self._categories.remove(gone)
            del self._rows[gone], self._marks[gone]
        for category in sorted(marks_by_category):
            items = marks_by_category[category]
            if category not in self._rows:
                index = bisect.bisect(self._categories, category)
                header = QTreeWidgetItem()
                header.setForeground(0, QBrush(QColor(CATEGORY_COLOURS.get(category, "#444"))))
                self.tree.insertTopLevelItem(index, header)
                header.setExpanded(True)
                self._categories.insert(index, category)
                self._rows[category] = []
            header = self.tree.topLevelItem(self._categories.index(category))
            header.setText(0, f"{category.capitalize()} ({len(items)})")
            rows = [_row(mark.issue, story) for mark in items]
            _replace_children(header, self._rows[category], rows)
            self._rows[category] = rows
            self._marks[category] = items
        self._update_buttons()

    def _mark_of(self, item: QTreeWidgetItem | None) -> Marked | None:
        if item is None or self.tree.indexOfTopLevelItem(item) >= 0:
            return None  # a category's header
        header = item.parent()
        category = self._categories[self.tree.indexOfTopLevelItem(header)]
        return self._marks[category][header.indexOfChild(item)]

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


def _row(issue: Issue, story: Story) -> tuple[str, str, str]:
    """What the panel shows for an issue: the message and a snippet, the line, the explanation."""
    snippet = story.text[max(0, issue.start - 8) : issue.end + _SNIPPET].replace("\n", " ")
    line, _ = story.line_column(issue.start)
    return f"{issue.message} — …{snippet}…", str(line), issue.explanation


def _replace_children(header: QTreeWidgetItem, shown: list[tuple], rows: list[tuple]) -> None:
    """Make ``header``'s children, which show ``shown``, show ``rows``: rows the two share
    at the start and at the end are left alone, the ones between rewritten in place, and
    the rest added or taken away."""
    same_start, same_end = shared_ends(shown, rows)
    old_end, new_end = len(shown) - same_end, len(rows) - same_end
    for index in range(same_start, min(old_end, new_end)):
        _set_row(header.child(index), rows[index])
    added = [_set_row(QTreeWidgetItem(), row) for row in rows[old_end:new_end]]
    if added:
        header.insertChildren(old_end, added)
    for index in reversed(range(new_end, old_end)):
        header.takeChild(index)


def _set_row(item: QTreeWidgetItem, row: tuple[str, str, str]) -> QTreeWidgetItem:
    label, line, explanation = row
    item.setText(0, label)
    item.setText(1, line)
    item.setToolTip(0, explanation)
    return item

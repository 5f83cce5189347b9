"""Find and Replace: a bar under the story, as in a browser or a word processor, not a dialog.

Ctrl+F opens it to find, Ctrl+H to find and replace; what is selected in the
story (on one line) becomes the text to find. Typing there selects the first
match from where the story's selection starts, and every match is
highlighted; Enter goes to the next, Shift+Enter to the previous, and the bar
says which match is selected of how many. Replace replaces the selected match
and goes to the next; Replace All replaces every one as one undo step. Escape
closes the bar and returns to the story. What is matched, and how, is
``editor.search``'s, on RE2: no pattern can make the window wait.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QToolButton,
    QWidget,
)

from editor.app.story_editor import StoryEditor, plain_text
from editor.engine.patterns import PatternError
from editor.engine.utf16 import Utf16Offsets
from editor.search import Query, Search, TooManyMatches
from editor.session import PARAGRAPH_SEPARATOR

# Counting stops here ("more than 10,000 matches"): enough for any story, quick on a megabyte.
COUNT_LIMIT = 10_000
# Matches highlighted at once; past that, only the selected one is.
HIGHLIGHT_LIMIT = 1_000
# The count and highlights catch up with typing in the story once it pauses this long.
RECOUNT_DELAY_MS = 300
HIGHLIGHT = "#fff176"
FIELD_CHARACTERS = 28  # the find and replace fields' least width, in characters
LABEL_CHARACTERS = 26  # the count's, which says why a pattern cannot run


class FindBar(QWidget):
    """Find and Replace in ``editor``'s story; hidden until asked for."""

    def __init__(self, editor: StoryEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self.find_field = QLineEdit(placeholderText="Find", clearButtonEnabled=True)
        self.replace_field = QLineEdit(placeholderText="Replace with", clearButtonEnabled=True)
        for field in (self.find_field, self.replace_field):
            field.setAccessibleName(field.placeholderText())
            field.setMinimumWidth(field.fontMetrics().averageCharWidth() * FIELD_CHARACTERS)
        self.previous_button = _arrow(Qt.ArrowType.UpArrow, "Previous match (Shift+Enter)")
        self.next_button = _arrow(Qt.ArrowType.DownArrow, "Next match (Enter)")
        self.match_case = QCheckBox("Match case")
        self.whole_words = QCheckBox("Whole words")
        self.regular_expression = QCheckBox("Regular expression")
        self.regular_expression.setToolTip("RE2 syntax: ^ and $ match at each line; \\1 in the replacement is group 1")
        self.count_label = QLabel(wordWrap=True)  # a pattern's error can take two lines
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().averageCharWidth() * LABEL_CHARACTERS)
        self.replace_button = QPushButton("Replace")
        self.replace_all_button = QPushButton("Replace &All")
        close = QToolButton(text="✕", autoRaise=True, toolTip="Close (Escape)")

        find_row = QHBoxLayout()
        for widget in (self.previous_button, self.next_button, self.match_case, self.whole_words, self.regular_expression):
            find_row.addWidget(widget)
        find_row.addStretch()
        find_row.addWidget(self.count_label)
        find_row.addWidget(close)
        self._replace_row = QWidget()
        replace_buttons = QHBoxLayout(self._replace_row)
        replace_buttons.setContentsMargins(0, 0, 0, 0)
        replace_buttons.addWidget(self.replace_button)
        replace_buttons.addWidget(self.replace_all_button)
        replace_buttons.addStretch()
        layout = QGridLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.find_field, 0, 0)
        layout.addLayout(find_row, 0, 1)
        layout.addWidget(self.replace_field, 1, 0)
        layout.addWidget(self._replace_row, 1, 1)
        layout.setColumnStretch(0, 2)
        layout.setColumnStretch(1, 3)

        self._search: Search | None = None
        self._matches: list[tuple[int, int]] = []  # code points, in the text as it was at _seen_edits
        self._offsets = Utf16Offsets("")
        self._seen_edits = -1
        self._highlight = QTextCharFormat()
        self._highlight.setBackground(QColor(HIGHLIGHT))
        self._highlight.setForeground(QColor("black"))
        self._recount = QTimer(self, singleShot=True, interval=RECOUNT_DELAY_MS)
        self._recount.timeout.connect(lambda: self._refresh(move=False))

        self.find_field.textChanged.connect(lambda: self._refresh(move=True))
        for option in (self.match_case, self.whole_words, self.regular_expression):
            option.toggled.connect(lambda: self._refresh(move=True))
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace)
        self.replace_all_button.clicked.connect(self.replace_all)
        close.clicked.connect(self.close_bar)
        self.find_field.installEventFilter(self)
        self.replace_field.installEventFilter(self)
        self.menu_actions = self._menu_actions()
        self.hide()

    def _menu_actions(self) -> list[QAction]:
        """The Edit menu's part: Find, Replace, Find Next and Find Previous with their keys, after a separator."""
        separator = QAction(self)
        separator.setSeparator(True)
        actions = [separator]
        for label, keys, slot in (
            ("&Find…", QKeySequence.StandardKey.Find, self.open_find),
            ("R&eplace…", QKeySequence("Ctrl+H"), self.open_replace),  # no standard key for it on X11
            ("Find &Next", QKeySequence.StandardKey.FindNext, self.find_next),
            ("Find Pre&vious", QKeySequence.StandardKey.FindPrevious, self.find_previous),
        ):
            action = QAction(label, self, shortcut=QKeySequence(keys))
            action.triggered.connect(slot)
            actions.append(action)
        return actions

    # ------------------------------------------------------------ opening and closing

    def open_find(self) -> None:
        self._open(replacing=False)

    def open_replace(self) -> None:
        self._open(replacing=True)

    def _open(self, replacing: bool) -> None:
        selected = self._editor.textCursor().selectedText()
        take_selection = bool(selected) and PARAGRAPH_SEPARATOR not in selected
        if take_selection:
            self.find_field.blockSignals(True)  # searched for once the bar is up, below
            self.find_field.setText(selected)
            self.find_field.blockSignals(False)
        self._replace_row.setVisible(replacing)
        self.replace_field.setVisible(replacing)
        self._bring_forward()
        if self.isHidden():
            self.show()
            # The count and highlights follow typing in the story while the bar is open.
            self._editor.textEdited.connect(self._recount.start)
        self._refresh(move=take_selection)
        self.find_field.setFocus()
        self.find_field.selectAll()

    def _bring_forward(self) -> None:
        """Shows the tab the bar is on (the story's, where the Changes tab was in front)."""
        widget = self
        while widget.parentWidget() is not None:
            holder = widget.parentWidget().parentWidget()  # a tab's page sits in its QTabWidget's stack
            if isinstance(holder, QTabWidget) and holder.indexOf(widget) >= 0:
                holder.setCurrentWidget(widget)
            widget = widget.parentWidget()

    def close_bar(self) -> None:
        if self.isHidden():
            return
        self._editor.textEdited.disconnect(self._recount.start)
        self._recount.stop()
        self.hide()
        self._editor.show_found([])
        self._editor.setFocus()

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if watched is self.replace_field:
                self.replace()
            else:
                self._go(backwards=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            return True
        return False

    # ------------------------------------------------------------ finding

    def find_next(self) -> None:
        """Selects the next match after the story's selection, round the end."""
        self._go(backwards=False)

    def find_previous(self) -> None:
        self._go(backwards=True)

    def _go(self, backwards: bool) -> None:
        if self.isHidden():
            self._open(replacing=False)
        if not self._current():
            return
        start, end = self._selection()
        starts = [match[0] for match in self._matches]
        if backwards:
            index = bisect.bisect_left(starts, start) - 1
        elif end > start:
            index = bisect.bisect_right(starts, start)  # past the selected match
        else:
            index = bisect.bisect_left(starts, start)  # one that starts at the cursor is next
        self._select(index % len(self._matches))

    def _refresh(self, move: bool) -> None:
        """Finds the query's matches again and highlights them; with ``move``, selects the first one
        from the start of the story's selection (so that typing on keeps the match it grew from)."""
        self._seen_edits = -1
        if not self._current():
            return
        if move:
            starts = [match[0] for match in self._matches]
            self._select(bisect.bisect_left(starts, self._selection()[0]) % len(self._matches))
        else:
            self._show_count()

    def _current(self) -> bool:
        """Brings the matches up to date with the query and the story; False (and the bar says why) when there are none."""
        if self._seen_edits == self._editor.edits and self._search is not None:
            return bool(self._matches)
        self._matches, self._search = [], None
        self._seen_edits = self._editor.edits
        query = self._query()
        if query.text:
            try:
                self._search = Search(query)
            except PatternError as error:
                self._say(_sentence(error), problem=True)
        if self._search is not None:
            text = plain_text(self._editor)
            self._offsets = Utf16Offsets(text)
            self._matches = self._search.matches(text, limit=COUNT_LIMIT + 1)
        self._editor.show_found(
            [self._qt_span(match) for match in self._matches[:HIGHLIGHT_LIMIT]], self._highlight
        )
        if self._search is not None and not self._matches:
            self._say("No matches", problem=True)
        elif not query.text:
            self._say("")
        return bool(self._matches)

    def _query(self) -> Query:
        return Query(
            self.find_field.text(),
            match_case=self.match_case.isChecked(),
            whole_words=self.whole_words.isChecked(),
            regular_expression=self.regular_expression.isChecked(),
        )

    def _select(self, index: int) -> None:
        start, end = self._qt_span(self._matches[index])
        cursor = QTextCursor(self._editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self._editor.setTextCursor(cursor)
        self._editor.ensureCursorVisible()
        self._show_count()

    def _selection(self) -> tuple[int, int]:
        """The story's selection, in code points."""
        cursor = self._editor.textCursor()
        return self._offsets.from_utf16(cursor.selectionStart()), self._offsets.from_utf16(cursor.selectionEnd())

    def _qt_span(self, span: tuple[int, int]) -> tuple[int, int]:
        return self._offsets.to_utf16(span[0]), self._offsets.to_utf16(span[1])

    def _show_count(self) -> None:
        total = len(self._matches)
        if total > COUNT_LIMIT:
            self._say(f"More than {COUNT_LIMIT:,} matches")
            return
        selection = self._selection()
        index = bisect.bisect_left(self._matches, selection)
        if index < total and self._matches[index] == selection:
            self._say(f"{index + 1} of {total:,}")
        else:
            self._say("1 match" if total == 1 else f"{total:,} matches")

    def _say(self, message: str, problem: bool = False) -> None:
        self.count_label.setText(message)
        self.count_label.setStyleSheet("color: #b71c1c" if problem else "")

    # ------------------------------------------------------------ replacing

    def replace(self) -> None:
        """Replaces the selected match (one undo step) and selects the next; selects the next when
        what is selected is no match."""
        if not self._current():
            return
        start, end = self._selection()
        try:
            replacement = self._search.replacement(plain_text(self._editor), start, end, self.replace_field.text())
        except PatternError as error:  # the query compiled: it is the replacement's
            self._say(f"In the replacement, {error}", problem=True)
            return
        selected_match = (start, end) in self._matches or len(self._matches) > COUNT_LIMIT
        if replacement is not None and selected_match:
            cursor = self._editor.textCursor()
            cursor.beginEditBlock()
            cursor.insertText(replacement)
            cursor.endEditBlock()
            self._editor.setTextCursor(cursor)
        self.find_next()

    def replace_all(self) -> None:
        """Replaces every match as one undo step, and says how many."""
        if not self._current():
            return
        try:
            replacements = self._search.replace_all(plain_text(self._editor), self.replace_field.text())
        except PatternError as error:
            self._say(f"In the replacement, {error}", problem=True)
            return
        except TooManyMatches as error:
            self._say(_sentence(error), problem=True)
            return
        # One edit a match, from the end backwards, in one undo step: the text between the matches
        # keeps its underlines, and the record of changes the fixes made in it.
        cursor = QTextCursor(self._editor.document())
        cursor.beginEditBlock()
        for start, end, replacement in reversed(replacements):
            cursor.setPosition(self._offsets.to_utf16(start))
            cursor.setPosition(self._offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(replacement)
        cursor.endEditBlock()
        self._refresh(move=False)
        self._say("Replaced 1 match" if len(replacements) == 1 else f"Replaced {len(replacements):,} matches")


def _arrow(direction: Qt.ArrowType, tip: str) -> QToolButton:
    button = QToolButton(arrowType=direction, autoRaise=True, toolTip=tip)
    button.setAccessibleName(tip)
    return button


def _sentence(error: Exception) -> str:
    """An error's reason as the bar says it: "Back-references (\\1) are not supported"."""
    reason = str(error)
    return reason[:1].upper() + reason[1:]

"""Reviewing a story from the keyboard: F8 and Shift+F8 go from issue to issue, Enter applies
the first fix, Ctrl+Enter fixes all like it, Esc ignores it; each step shows the issue's card
and says "Issue 3 of 29: …" in the status bar. Ignored issues are listed and restored here too.

An issue is under review while the editor's selection is exactly its span (F8 and a click on
its card select it); typing, clicking or moving the cursor ends the review, and Enter and Esc
are the editor's own again. The review's keys are read only while an issue is under review, so
typing costs nothing more. The card of the issue under the cursor follows the cursor once it
rests (a timer restarted by Qt itself on each move, so a keystroke adds no Python call).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QSizePolicy, QWidget

from editor.app.ignored import IgnoredDialog
from editor.app.issue_panel import IssuePanel
from editor.app.story_editor import Marked, StoryEditor
from editor.engine.issues import Issue
from editor.review import status_line
from editor.session import CheckSession

# How long the cursor rests before the panel shows the card of the issue under it.
FOLLOW_CURSOR_MS = 120


class ReviewLoop(QObject):
    def __init__(self, editor: StoryEditor, panel: IssuePanel, update: Callable, parent: QWidget) -> None:
        """``update(change, *arguments)`` changes the check session (ignores, restores) and checks again."""
        super().__init__(parent)
        self.editor, self.panel, self._update = editor, panel, update
        self.current: Marked | None = None
        self.label = StatusLine()
        self._follow = QTimer(self, singleShot=True, interval=FOLLOW_CURSOR_MS)
        self._follow.timeout.connect(self._follow_cursor)
        editor.cursorPositionChanged.connect(self._follow.start)
        self.next_action = self._action("&Next Issue", "F8", lambda: self.step())
        self.previous_action = self._action("&Previous Issue", "Shift+F8", lambda: self.step(backwards=True))
        # Shown with their keys, which only the review reads (Enter and Esc stay the editor's otherwise).
        self.fix_action = self._action("Apply &Fix\tEnter", None, self.fix)
        self.fix_all_action = self._action("Fix &All Like This\tCtrl+Enter", None, self.fix_all)
        self.ignore_action = self._action("&Ignore Issue\tEsc", None, self.ignore)
        self.ignored_action = self._action("I&gnored Issues…", None, self.show_ignored)
        self._set_actions()
        panel.activated.connect(self.review)
        panel.ignoreRequested.connect(self.ignore_issue)
        panel.ignoredListRequested.connect(self.show_ignored)
        panel.hiddenChanged.connect(lambda _: self._follow_cursor())
        # Typing does not change the selection, so this costs a keystroke nothing.
        editor.selectionChanged.connect(self._selection_changed)
        editor.ignoreRequested.connect(self.ignore_issue)
        editor.ignoreRuleRequested.connect(lambda rule: self._update(CheckSession.ignore_rule, rule))

    def _action(self, label: str, keys: str | None, slot) -> QAction:
        action = QAction(label, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        return action

    def add_to(self, menu: QMenu, window: QWidget) -> None:
        for action in (self.next_action, self.previous_action, self.fix_action, self.fix_all_action, self.ignore_action):
            menu.addAction(action)
        window.addAction(self.next_action)
        window.addAction(self.previous_action)
        menu.addAction(self.ignored_action)

    def toolbar_group(self) -> list[tuple[QAction, str]]:
        """The review's actions in the toolbar, with their icons' names."""
        return [(self.previous_action, "previous-issue"), (self.next_action, "next-issue"), (self.ignored_action, "ignored")]

    # ------------------------------------------------------------ going from issue to issue

    def step(self, backwards: bool = False) -> None:
        mark = self.editor.next_issue(backwards)
        if mark is None:
            self._leave()
            self.label.say("No issues to review" if not self.editor.shown_marks() else "")
        else:
            self.review(mark)

    def review(self, mark: Marked) -> None:
        """Puts ``mark`` under review: selects it in the story, shows its card and says which it is."""
        if self.current is None:
            self.editor.installEventFilter(self)
        self.current = mark
        self.editor.go_to(mark)
        self.panel.set_reviewing(True)
        self.panel.show_card(mark, unfold=True)
        self._set_actions()
        self.refresh()

    def refresh(self) -> None:
        """Says again which issue is under review, after a check changed how many there are."""
        mark = self.current
        if mark is None:
            return
        shown = self.editor.shown_marks()
        position = next((number for number, other in enumerate(shown, 1) if other is mark), None)
        if position is None or not mark.still_there():
            self._leave()
            return
        self.label.say(status_line(position, len(shown), mark.issue))

    def _under_review(self) -> bool:
        mark, cursor = self.current, self.editor.textCursor()
        return (
            mark is not None
            and mark.still_there()
            and (cursor.selectionStart(), cursor.selectionEnd())
            == (mark.cursor.selectionStart(), mark.cursor.selectionEnd())
        )

    def _selection_changed(self) -> None:
        if self.current is not None and not self._under_review():
            self._leave()

    def _leave(self) -> None:
        if self.current is None:
            return
        self.current = None
        self.editor.removeEventFilter(self)
        self.panel.set_reviewing(False)
        self._set_actions()
        self.label.say("")

    def _set_actions(self) -> None:
        mark = self.current
        self.fix_action.setEnabled(bool(mark and mark.issue.replacements))
        self.fix_all_action.setEnabled(bool(mark and mark.issue.replacements))
        self.ignore_action.setEnabled(mark is not None)

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Type.KeyPress or self.current is None:
            return False
        key, modifiers = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and modifiers == Qt.KeyboardModifier.NoModifier:
            self.fix()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and modifiers == Qt.KeyboardModifier.ControlModifier:
            self.fix_all()
            return True
        if key == Qt.Key.Key_Escape and modifiers == Qt.KeyboardModifier.NoModifier:
            self.ignore()
            return True
        return False  # any other key is the editor's, and ends the review by moving the selection

    # ------------------------------------------------------------ fixing and ignoring

    def fix(self) -> None:
        mark = self.current
        if mark is None:
            return
        if not mark.issue.replacements:
            self.label.say(f"{self.label.said} — nothing to apply")
            return
        if self.editor.apply_fix(mark, mark.issue.replacements[0]):
            self.step()

    def fix_all(self) -> None:
        mark = self.current
        if mark is None or not mark.issue.replacements:
            return
        if mark.issue.group is None:
            self.fix()
        elif self.editor.fix_group(mark.issue.group):
            self.step()

    def ignore(self) -> None:
        mark = self.current
        if mark is not None:
            self.ignore_issue(mark.issue)
            self.step()

    def ignore_issue(self, issue: Issue) -> None:
        self._update(CheckSession.ignore, issue, self.editor.shown_text)  # the text its offsets are in
        self.editor.drop(issue)  # at once: a fix-all before the next check must not change it

    # ------------------------------------------------------------ what was ignored

    def show_ignored(self) -> None:
        dialog = IgnoredDialog(self.panel.ignored, self.panel.ignored_rules, self.panel.window())
        dialog.restored.connect(lambda key: self._update(CheckSession.restore, key))
        dialog.ruleRestored.connect(lambda rule: self._update(CheckSession.restore_rule, rule))
        self.run_dialog(dialog)

    def run_dialog(self, dialog) -> None:
        """Runs the list of ignored issues; the one place tests replace to use it as a person would."""
        dialog.exec()
        dialog.deleteLater()

    # ------------------------------------------------------------ the card follows the cursor

    def _follow_cursor(self) -> None:
        position = self.editor.textCursor().position()
        marks = [mark for mark in self.editor.issues_at(position) if mark.issue.category not in self.editor.hidden]
        if marks:
            self.panel.show_card(marks[0])
        elif self.panel.current_mark() is not None and not self.panel.current_mark().contains(position):
            self.panel.show_card(None)


class StatusLine(QLabel):
    """The review's line in the status bar: shortened with "…" to the room there is, never widening the window."""

    def __init__(self) -> None:
        super().__init__()
        self.said = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def say(self, text: str) -> None:
        self.said = text
        self.setToolTip(text)
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        self.setText(self.fontMetrics().elidedText(self.said, Qt.TextElideMode.ElideRight, max(0, self.width() - 4)))

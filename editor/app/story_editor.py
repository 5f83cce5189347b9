"""The text editor: wavy underlines, hover cards, the fix menu and one-step fixes.

Each issue is kept with a QTextCursor over its span. Qt moves those cursors
as the text is edited, so the menu and the underlines agree with what is on
screen even before the next check arrives; a fix whose text has changed
under it is not applied. A re-check after a keystroke mostly finds the same
issues on the same spans: those keep their cursors, and the underlines are
redrawn only when something changed.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip

from editor.engine.issues import Issue
from editor.engine.utf16 import Utf16Offsets

# One colour per category, kept the same everywhere (underlines, panel, legend).
CATEGORY_COLOURS = {
    "typo": "#d32f2f",
    "spelling": "#d32f2f",
    "grammar": "#1565c0",
    "consistency": "#ef6c00",
    "quotes": "#6a1b9a",
    "punctuation": "#00838f",
    "style": "#2e7d32",
}


# Qt's raw text separates blocks with this where plain text has a line break.
PARAGRAPH_SEPARATOR = "\u2029"
_KEEP_ANCHOR = QTextCursor.MoveMode.KeepAnchor


@dataclass
class Marked:
    """An issue and the cursor that follows its span through edits."""

    issue: Issue
    cursor: QTextCursor
    original: str

    def still_there(self) -> bool:
        return self.cursor.selectedText() == self.original

    def contains(self, position: int) -> bool:
        return self.cursor.selectionStart() <= position <= self.cursor.selectionEnd()


def plain_text(editor: QPlainTextEdit) -> str:
    """The document's text with non-breaking spaces kept (toPlainText turns them into spaces)."""
    return editor.document().toRawText().replace(PARAGRAPH_SEPARATOR, "\n")


class StoryEditor(QPlainTextEdit):
    fixAllRequested = Signal(str)
    ignoreRequested = Signal(object)
    ignoreRuleRequested = Signal(str)
    addWordRequested = Signal(str)
    fileDropped = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        font = QFont("DejaVu Serif")
        font.setStyleHint(QFont.StyleHint.Serif)
        font.setPointSize(13)
        self.setFont(font)
        self.document().setDocumentMargin(16)
        self.marked: list[Marked] = []
        self._formats = {category: self._underline(colour) for category, colour in CATEGORY_COLOURS.items()}

    @staticmethod
    def _underline(colour: str) -> QTextCharFormat:
        char_format = QTextCharFormat()
        char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        char_format.setUnderlineColor(QColor(colour))
        return char_format

    # ------------------------------------------------------------ underlines

    def show_issues(self, text: str, issues: list[Issue]) -> None:
        """Underline ``issues``, computed on ``text``, which is the editor's text now."""
        offsets = Utf16Offsets(text)
        # A cursor is kept for what is drawn from it: its span and its colour.
        drawn = {
            (mark.cursor.selectionStart(), mark.cursor.selectionEnd(), mark.issue.category): mark
            for mark in self.marked
        }
        kept, created = set(), False
        document = self.document()
        marked = []
        for issue in issues:
            key = (offsets.to_utf16(issue.start), offsets.to_utf16(issue.end), issue.category)
            # The text under the span as selectedText() gives it, without asking Qt for it.
            original = text[issue.start : issue.end].replace("\n", PARAGRAPH_SEPARATOR)
            shown = drawn.get(key)
            if shown is None:
                cursor, created = QTextCursor(document), True
                cursor.setPosition(key[0])
                cursor.setPosition(key[1], _KEEP_ANCHOR)
            else:
                kept.add(key)
                if shown.issue is issue and shown.original == original:
                    marked.append(shown)
                    continue
                cursor = shown.cursor
            marked.append(Marked(issue, cursor, original))
        redraw = created or len(kept) < len(drawn) or len(marked) != len(self.marked)
        self.marked = marked
        if redraw:
            self._draw()

    def _draw(self) -> None:
        selections = []
        for mark in self.marked:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = mark.cursor
            selection.format = self._formats.get(mark.issue.category, self._formats["style"])
            selections.append(selection)
        self.setExtraSelections(selections)

    def issues_at(self, position: int) -> list[Marked]:
        return [mark for mark in self.marked if mark.contains(position) and mark.still_there()]

    # ------------------------------------------------------------ fixes

    def apply_fix(self, mark: Marked, replacement: str) -> bool:
        """Replace one issue's span; one undo step."""
        if not mark.still_there():
            return False
        cursor = QTextCursor(mark.cursor)
        cursor.beginEditBlock()
        cursor.insertText(replacement)
        cursor.endEditBlock()
        self.marked = [other for other in self.marked if other is not mark]
        self._draw()
        return True

    def fix_group(self, group: str) -> int:
        """Apply the first fix of every issue in ``group``, from the end backwards; one undo step."""
        members = [m for m in self.marked if m.issue.group == group and m.issue.replacements and m.still_there()]
        members.sort(key=lambda mark: mark.cursor.selectionStart(), reverse=True)
        if not members:
            return 0
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for mark in members:
            cursor.setPosition(mark.cursor.selectionStart())
            cursor.setPosition(mark.cursor.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(mark.issue.replacements[0])
        cursor.endEditBlock()
        fixed = {id(mark) for mark in members}
        self.marked = [mark for mark in self.marked if id(mark) not in fixed]
        self._draw()
        return len(members)

    def group_size(self, group: str | None) -> int:
        return 0 if group is None else sum(1 for mark in self.marked if mark.issue.group == group)

    # ------------------------------------------------------------ navigation

    def go_to(self, mark: Marked) -> None:
        cursor = QTextCursor(mark.cursor)
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus()

    def next_issue(self, backwards: bool = False) -> Marked | None:
        position = self.textCursor().selectionStart()
        ordered = sorted(self.marked, key=lambda mark: mark.cursor.selectionStart(), reverse=backwards)
        for mark in ordered:
            start = mark.cursor.selectionStart()
            if (start < position) if backwards else (start > position):
                self.go_to(mark)
                return mark
        if ordered:
            self.go_to(ordered[0])
            return ordered[0]
        return None

    def fix_at_cursor(self) -> bool:
        for mark in self.issues_at(self.textCursor().position()):
            if mark.issue.replacements:
                return self.apply_fix(mark, mark.issue.replacements[0])
        return False

    # ------------------------------------------------------------ dropped files

    def canInsertFromMimeData(self, source) -> bool:
        return source.hasUrls() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source) -> None:
        files = [url.toLocalFile() for url in source.urls() if url.isLocalFile()]
        if files:
            self.fileDropped.emit(files[0])
        else:
            super().insertFromMimeData(source)

    # ------------------------------------------------------------ hover card and menu

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            position = self.cursorForPosition(self.viewport().mapFrom(self, event.pos())).position()
            marks = self.issues_at(position)
            if marks:
                QToolTip.showText(event.globalPos(), hover_card(marks[0].issue), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def contextMenuEvent(self, event) -> None:
        menu = self.build_context_menu(self.cursorForPosition(event.pos()).position())
        self.show_menu(menu, event.globalPos())
        menu.deleteLater()

    def show_menu(self, menu: QMenu, position) -> None:
        """Runs the menu; the one place tests replace to pick an item as a person would."""
        menu.exec(position)

    def build_context_menu(self, position: int) -> QMenu:
        standard = self.createStandardContextMenu()
        marks = self.issues_at(position)
        if not marks:
            return standard
        menu = QMenu(self)
        for mark in marks:
            issue = mark.issue
            title = menu.addAction(issue.message)
            title.setEnabled(False)
            for replacement in issue.replacements:
                label = f"“{replacement}”" if replacement.strip() else ("Delete" if not replacement else "Replace with a space")
                action = menu.addAction(label)
                action.triggered.connect(lambda _=False, m=mark, r=replacement: self.apply_fix(m, r))
            count = self.group_size(issue.group)
            if count > 1 and issue.replacements:
                action = menu.addAction(f"Fix all {count} like this")
                action.triggered.connect(lambda _=False, g=issue.group: self.fixAllRequested.emit(g))
            menu.addAction("Ignore").triggered.connect(lambda _=False, m=mark: self.ignoreRequested.emit(m.issue))
            menu.addAction("Ignore rule in this story").triggered.connect(
                lambda _=False, r=issue.rule: self.ignoreRuleRequested.emit(r)
            )
            if issue.category == "spelling":
                menu.addAction("Add to dictionary").triggered.connect(
                    lambda _=False, w=mark.original: self.addWordRequested.emit(w)
                )
            menu.addSeparator()
        for action in standard.actions():
            action.setParent(menu)
            menu.addAction(action)
        return menu


def hover_card(issue: Issue) -> str:
    colour = CATEGORY_COLOURS.get(issue.category, "#444")
    fix = ""
    if issue.replacements:
        shown = ", ".join(f"“{html.escape(r)}”" if r.strip() else "delete it" for r in issue.replacements[:3])
        fix = f"<p><b>Fix:</b> {shown}</p>"
    return (
        f"<p style='max-width:28em'><span style='color:{colour}'>■</span> <b>{html.escape(issue.message)}</b></p>"
        f"<p style='max-width:28em'>{html.escape(issue.explanation)}</p>{fix}"
        f"<p style='color:#777'>{issue.category} · {issue.rule}</p>"
    )


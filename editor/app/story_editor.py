"""The text editor: wavy underlines, hover cards, the fix menu and one-step fixes.

Each issue is kept with a QTextCursor over its span. Qt moves those cursors
as the text is edited, so the menu and the underlines agree with what is on
screen even before the next check arrives; a fix whose text has changed
under it is not applied. The editor notes where the text was edited since
its underlines were drawn; the check session works out from that which
underlines a new result keeps (their cursors still hold them), so applying a
result creates cursors only for new issues, and redraws only when something
came or went.
"""

from __future__ import annotations

import bisect
import html

from PySide6.QtCore import QEvent, QPoint, QPointF, Signal
from PySide6.QtGui import QFont, QPainter, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip

from editor.app.kinds import draw_line, is_dark, kind, line_pieces, shading_format
from editor.engine.issues import Issue
from editor.review import fix_labels
from editor.session import PARAGRAPH_SEPARATOR, Checked, Edited

_KEEP_ANCHOR = QTextCursor.MoveMode.KeepAnchor
# How far a line under an issue may reach beyond its text line (the waves), in pixels.
LINE_REACH = 6


def _start(mark: Marked) -> int:
    return mark.cursor.selectionStart()


class Marked:
    """An issue, the cursor that follows its span through edits, the text it was found on, and its underline."""

    __slots__ = ("issue", "cursor", "original", "underline")

    def __init__(self, issue: Issue, cursor: QTextCursor, original: str, underline: QTextEdit.ExtraSelection) -> None:
        self.issue, self.cursor, self.original, self.underline = issue, cursor, original, underline

    def still_there(self) -> bool:
        return self.cursor.selectedText() == self.original

    def contains(self, position: int) -> bool:
        return self.cursor.selectionStart() <= position <= self.cursor.selectionEnd()


def plain_text(editor: QPlainTextEdit) -> str:
    """The document's text with non-breaking spaces kept (toPlainText turns them into spaces)."""
    return editor.document().toRawText().replace(PARAGRAPH_SEPARATOR, "\n")


class StoryEditor(QPlainTextEdit):
    # The text changed (after the part edited was noted): one Python call per keystroke, where
    # textChanged would be a second one for the UI thread to wait for the interpreter for.
    textEdited = Signal()
    fixAllRequested = Signal(str)
    ignoreRequested = Signal(object)
    ignoreRuleRequested = Signal(str)
    addWordRequested = Signal(str)
    fileDropped = Signal(str)
    # A fix put text in at (start, end), in Qt's units: the issue, and the text it replaced.
    fixApplied = Signal(int, int, object, str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        font = QFont("DejaVu Serif")
        font.setStyleHint(QFont.StyleHint.Serif)
        font.setPointSize(13)
        self.setFont(font)
        self.document().setDocumentMargin(16)
        self.marked: list[Marked] = []
        # The text the marks were made on, and their issues in order (one per mark).
        self.shown_text = ""
        self.shown_issues: tuple[Issue, ...] = ()
        self._edited: Edited | None = None
        self.edits = 0  # edits since the editor was made, undo and redo included
        self._found: list[QTextEdit.ExtraSelection] = []  # the find bar's matches, under the underlines
        self.document().contentsChange.connect(self._note_edit)
        self.hidden: frozenset[str] = frozenset()  # kinds of issue not shown
        # The marks drawn (of the kinds shown), in the order of the text, and the longest span's
        # length: what a repaint needs to find the marks on the lines it paints.
        self._drawn: list[Marked] = []
        self._longest = 0
        self._formats: dict = {}
        self.restyle()

    def restyle(self) -> None:
        """Draws the underlines in the colours for the palette in force (light or dark)."""
        self._formats = {}
        for mark in self.marked:
            mark.underline.format = self._format(mark.issue.category)
        self._draw()

    def _format(self, category: str):
        if category not in self._formats:
            self._formats[category] = shading_format(category, is_dark(self.palette()))
        return self._formats[category]

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.restyle()
        super().changeEvent(event)

    # ------------------------------------------------------------ underlines

    def _note_edit(self, position: int, removed: int, added: int) -> None:
        """Widens the part of the text edited since the underlines were drawn to take in this edit."""
        unchanged_end = self.document().characterCount() - 1 - position - added
        if self._edited is not None:
            position = min(position, self._edited.start)
            unchanged_end = min(unchanged_end, self._edited.unchanged_end)
        self._edited = Edited(position, unchanged_end)
        self.edits += 1
        self.textEdited.emit()

    def edited(self) -> Edited:
        """Where the text changed since the underlines were drawn (nowhere: past its end)."""
        if self._edited is not None:
            return self._edited
        return Edited(self.document().characterCount() - 1, 0)

    def show_checked(self, checked: Checked) -> bool:
        """Underline ``checked``'s issues, found on the editor's text as it is now; False if its
        changes were worked out against other underlines than these."""
        changes = checked.changes
        if checked.changes is None or changes.base is not self.shown_issues:
            return False
        old, document = self.marked, self.document()
        marked = []
        for index, (issue, source) in enumerate(zip(checked.issues, changes.sources)):
            if source >= 0:
                mark = old[source]
                mark.issue = issue
            else:
                placed = changes.placed[index]
                cursor = QTextCursor(document)
                cursor.setPosition(placed.start)
                cursor.setPosition(placed.end, _KEEP_ANCHOR)
                underline = QTextEdit.ExtraSelection()
                underline.cursor = cursor
                underline.format = self._format(issue.category)
                mark = Marked(issue, cursor, placed.text, underline)
            marked.append(mark)
        self.marked, self.shown_text, self.shown_issues = marked, checked.text, checked.issues
        self._edited = None
        if changes.underlines_changed:
            self._draw()
        return True

    def drop(self, issue: Issue) -> None:
        """Stops marking ``issue`` at once (it was ignored; the next check will not have it)."""
        self._forget({index for index, mark in enumerate(self.marked) if mark.issue is issue})

    def _forget(self, gone: set[int]) -> None:
        """Drops the marks at these indexes (their text was just replaced) and redraws."""
        self.marked = [mark for index, mark in enumerate(self.marked) if index not in gone]
        self.shown_issues = tuple(mark.issue for mark in self.marked)
        self._draw()

    def _draw(self) -> None:
        hidden = self.hidden
        self._drawn = [mark for mark in self.marked if mark.issue.category not in hidden]
        # In code points; Qt counts UTF-16 units, at most twice as many.
        self._longest = 2 * max((mark.issue.end - mark.issue.start for mark in self._drawn), default=0)
        self.setExtraSelections([*self._found, *(mark.underline for mark in self._drawn)])

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self._drawn:
            self._paint_lines(event.rect().adjusted(0, -LINE_REACH, 0, LINE_REACH))

    def _paint_lines(self, rect) -> None:
        """Draws the lines under the issues on the part of the story being repainted (Qt draws
        the shading; its own underlines are hairlines that do not tell the kinds apart)."""
        # From the start of the first line repainted to the end of the last (a key repaints one line).
        first = self.cursorForPosition(QPoint(0, rect.top())).position()
        last = self.cursorForPosition(QPoint(self.viewport().width(), rect.bottom())).position()
        drawn = self._drawn
        low = bisect.bisect_left(drawn, first - self._longest, key=_start)
        high = bisect.bisect_right(drawn, last, lo=low, key=_start)
        if low == high:
            return
        painter = QPainter(self.viewport())
        dark, size, offset = is_dark(self.palette()), self.fontInfo().pixelSize(), self.contentOffset()
        for mark in drawn[low:high]:
            start, end = mark.cursor.selectionStart(), mark.cursor.selectionEnd()
            if end >= first:
                for x1, x2, y in self._line_pieces(start, end, offset):
                    draw_line(painter, x1, x2, y, mark.issue.category, dark, size)
        painter.end()

    def _line_pieces(self, start: int, end: int, offset: QPointF):
        """(x from, x to, y) of the span ``start``-``end`` on each line it covers on screen."""
        block = self.document().findBlock(start)
        while block.isValid() and block.position() < end:
            top = self.blockBoundingGeometry(block).translated(offset).top()
            position = block.position()
            for x1, x2, y in line_pieces(block.layout(), max(start, position) - position, min(end, position + block.length() - 1) - position):
                yield x1 + offset.x(), x2 + offset.x(), y + top
            block = block.next()

    def set_hidden(self, kinds: frozenset[str]) -> None:
        """Stops underlining (and going to) issues of these kinds."""
        self.hidden = frozenset(kinds)
        self._draw()

    def show_found(self, spans: list[tuple[int, int]], char_format: QTextCharFormat | None = None) -> None:
        """Highlights these spans (Qt positions) in ``char_format``: the find bar's matches; [] for none."""
        found = []
        for start, end in spans:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = QTextCursor(self.document())
            selection.cursor.setPosition(start)
            selection.cursor.setPosition(end, _KEEP_ANCHOR)
            selection.format = char_format
            found.append(selection)
        if found or self._found:
            self._found = found
            self._draw()

    def issues_at(self, position: int) -> list[Marked]:
        return [mark for mark in self.marked if mark.contains(position) and mark.still_there()]

    # ------------------------------------------------------------ fixes

    def apply_fix(self, mark: Marked, replacement: str) -> bool:
        """Replace one issue's span; one undo step."""
        if not mark.still_there():
            return False
        self._replace([(mark, replacement)])
        return True

    def fix_group(self, group: str) -> int:
        """Apply the first fix of every issue in ``group``; one undo step."""
        members = [
            (mark, mark.issue.replacements[0])
            for mark in self.marked
            if mark.issue.group == group and mark.issue.replacements and mark.still_there()
        ]
        if members:
            self._replace(members)
        return len(members)

    def _replace(self, fixes: list[tuple[Marked, str]]) -> None:
        """The one place a fix changes the text: all of ``fixes`` in one undo step, from the end
        backwards, each told (``fixApplied``) as it is made, so the record of changes knows its rule."""
        fixes.sort(key=lambda fix: fix[0].cursor.selectionStart(), reverse=True)
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for mark, replacement in fixes:
            start = mark.cursor.selectionStart()
            cursor.setPosition(start)
            cursor.setPosition(mark.cursor.selectionEnd(), _KEEP_ANCHOR)
            cursor.insertText(replacement)
            self.fixApplied.emit(start, cursor.position(), mark.issue, mark.original)
        cursor.endEditBlock()
        fixed = {id(mark) for mark, _ in fixes}
        self._forget({index for index, mark in enumerate(self.marked) if id(mark) in fixed})

    def group_size(self, group: str | None) -> int:
        return 0 if group is None else sum(1 for mark in self.marked if mark.issue.group == group)

    # ------------------------------------------------------------ navigation

    def go_to(self, mark: Marked) -> None:
        cursor = QTextCursor(mark.cursor)
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus()

    def shown_marks(self) -> list[Marked]:
        """The marks of the kinds shown, in the order of the text."""
        marks = [mark for mark in self.marked if mark.issue.category not in self.hidden]
        return sorted(marks, key=lambda mark: mark.cursor.selectionStart())

    def next_issue(self, backwards: bool = False) -> Marked | None:
        """Goes to the issue after the cursor (one that starts at it, unless it is selected), or
        before it; past the last, to the first."""
        cursor = self.textCursor()
        position = cursor.selectionStart() + (1 if cursor.hasSelection() and not backwards else 0)
        ordered = self.shown_marks()[:: -1 if backwards else 1]
        for mark in ordered:
            start = mark.cursor.selectionStart()
            if (start < position) if backwards else (start >= position):
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
                QToolTip.showText(event.globalPos(), hover_card(marks[0].issue, self.shown_text, is_dark(QToolTip.palette())), self)
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
            for replacement, label in zip(issue.replacements, fix_labels(issue, self.shown_text)):
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


def hover_card(issue: Issue, text: str, dark: bool = False) -> str:
    """The card shown over an underline: the message, why, and what each fix does (found on ``text``)."""
    shown = kind(issue.category)
    fixes = "".join(f"<li>{html.escape(label)}</li>" for label in fix_labels(issue, text)[:3])
    return (
        f"<p style='max-width:28em'><b>{html.escape(issue.message)}</b></p>"
        f"<p style='max-width:28em'>{html.escape(issue.explanation)}</p>"
        + (f"<p><b>Fix:</b></p><ul style='margin:0'>{fixes}</ul>" if fixes else "")
        + f"<p style='color:{shown.colour(dark).name()}'>{html.escape(shown.name)} · {html.escape(issue.rule)}</p>"
    )

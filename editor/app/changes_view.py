"""The Changes tab: the story with its changes marked, the list of changes, Export and Accept.

What it shows is worked out (``ChangeTracker.changes``) when the tab is shown
and when the story changes while it is shown (an undo from the menu), never
while the story is being typed into.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSaveFile, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QKeySequence, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from editor.app.story_editor import StoryEditor, plain_text
from editor.app.story_file import StoryFile
from editor.change_report import (
    DELETED_COLOUR,
    INLINE_MARKS,
    INSERTED_COLOUR,
    Heading,
    change_list,
    marked_story,
    report_html,
    report_text,
    summary,
)
from editor.changes import Change

_HTML_FILTER, _TEXT_FILTER = "Web page (*.html)", "Plain text (*.txt)"


class ChangesView(QWidget):
    """The record of changes of the story in ``editor``, shown; ``style_name()`` names the house
    style for an export."""

    def __init__(
        self, window: QMainWindow, editor: StoryEditor, story: StoryFile, style_name: Callable[[], str]
    ) -> None:
        super().__init__(window)
        self._window, self._editor, self._story, self._style_name = window, editor, story, style_name
        self._following = False
        self.changes: list[Change] = []
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        key = QLabel(
            f"<span style='color:{INSERTED_COLOUR}; text-decoration: underline'>Inserted</span> is underlined, "
            f"<span style='color:{DELETED_COLOUR}; text-decoration: line-through'>deleted</span> struck through."
        )
        self.export_action = QAction("E&xport Changes…", self)
        self.export_action.triggered.connect(self.export)
        self.accept_action = QAction("&Accept All Changes…", self)
        self.accept_action.triggered.connect(self.accept)
        export_button, accept_button = QPushButton("Export…"), QPushButton("Accept All Changes…")
        export_button.clicked.connect(self.export_action.trigger)
        accept_button.clicked.connect(self.accept_action.trigger)
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 4, 8, 4)
        bar.setSpacing(12)
        bar.addWidget(self.summary, 1)
        bar.addWidget(key)
        bar.addWidget(export_button)
        bar.addWidget(accept_button)
        self.story_view = QTextBrowser()
        self.story_view.document().setDocumentMargin(16)  # as the editor's
        self.list_view = QTextBrowser()
        self.list_view.document().setDocumentMargin(8)
        self.list_view.setOpenLinks(False)
        self.list_view.anchorClicked.connect(self._go_to)
        splitter = QSplitter()
        splitter.addWidget(self.story_view)
        splitter.addWidget(self.list_view)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        # While shown, a change to the story is looked at once, after the edit that made it.
        self._refresh_soon = QTimer(self, singleShot=True, interval=0)
        self._refresh_soon.timeout.connect(self.refresh)
        story.changes.restarted.connect(self._refresh_soon.start)

    # ------------------------------------------------------------ showing

    def showEvent(self, event) -> None:
        self._follow(True)
        self.refresh()
        super().showEvent(event)

    def hideEvent(self, event) -> None:
        self._follow(False)
        super().hideEvent(event)

    def _follow(self, follow: bool) -> None:
        """Looks at the story's changes while shown; while hidden, typing costs nothing here."""
        if follow != self._following:
            changed = self._editor.document().contentsChanged
            if follow:
                changed.connect(self._refresh_soon.start)
            else:
                changed.disconnect(self._refresh_soon.start)
            self._following = follow

    def refresh(self) -> None:
        if not self.isVisible():
            return
        self.changes = self._story.changes.changes()
        text = plain_text(self._editor)
        self.summary.setText(f"<b>{summary(self.changes)}</b> {self._heading().since_sentence()}")
        scroll = self.story_view.verticalScrollBar().value()
        self.story_view.setFont(self._editor.font())  # zoomed with the story
        marked = marked_story(text, self.changes, INLINE_MARKS)
        self.story_view.setHtml(f"<div style='white-space: pre-wrap'>{marked}</div>")
        self.story_view.verticalScrollBar().setValue(scroll)
        self.list_view.setHtml(change_list(self.changes, INLINE_MARKS) or "<p>No changes yet.</p>")

    def _go_to(self, url: QUrl) -> None:
        """A change picked in the list: shown, selected, in the marked story, and selected in the editor."""
        name = url.fragment()
        self.story_view.scrollToAnchor(name)
        self.story_view.setTextCursor(_anchor_text(self.story_view.document(), name))
        number = int(name.rpartition("-")[2])
        self._editor.setTextCursor(self._story.changes.cursor_at(self.changes[number - 1]))
        self._editor.centerCursor()

    # ------------------------------------------------------------ export and accept

    def _heading(self) -> Heading:
        changes = self._story.changes
        return Heading(self._story.display_name(), self._style_name(), datetime.now().astimezone(), changes.since,
                       changes.accepted)

    def export(self) -> None:
        """File > Export Changes: the record as a web page or plain text, as the name chosen ends."""
        folder = self._story.path.parent if self._story.path else Path.home()
        suggested = folder / f"{Path(self._story.display_name()).stem}-changes.html"
        chosen, kind = QFileDialog.getSaveFileName(
            self._window, "Export changes", str(suggested), f"{_HTML_FILTER};;{_TEXT_FILTER}"
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() not in (".html", ".htm", ".txt"):
            path = path.with_name(path.name + (".txt" if kind == _TEXT_FILTER else ".html"))
        changes = self._story.changes.changes()
        heading = self._heading()
        if path.suffix.lower() == ".txt":
            content = report_text(heading, changes)
        else:
            content = report_html(heading, plain_text(self._editor), changes)
        data = content.encode("utf-8")
        target = QSaveFile(str(path))
        if not target.open(QSaveFile.OpenModeFlag.WriteOnly) or target.write(data) != len(data) or not target.commit():
            self._window.tell("Changes not exported", f"{path} was not written: {target.errorString()}.")
            return
        self._window.statusBar().showMessage(f"{summary(changes)} exported to {path}")

    def accept(self) -> None:
        """The story is accepted: its text now is the base of a new record, once the user agrees."""
        changes = self._story.changes.changes()
        if not changes:
            self._window.statusBar().showMessage("Nothing to accept: the story has no changes.")
            return
        question = (
            f"Accept all {len(changes)} change(s) to {self._story.display_name()}? The record of changes starts "
            "again from the story as it is now; export it first if the desk needs it."
        )
        if self._window.ask("Accept all changes?", question, ("Accept All", "Cancel")) != "Accept All":
            return
        not_kept = self._story.accept_changes()
        said = f"Changes accepted, but {not_kept}." if not_kept else "Changes accepted; the record starts again from here."
        self._window.statusBar().showMessage(said)


def _anchor_text(document: QTextDocument, name: str) -> QTextCursor:
    """A cursor selecting the text between the anchors ``name`` and ``name``-end (Qt gives an
    empty anchor's name to the character after it; the end's is missing at the end of the text)."""
    found = {}
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            for anchor in fragment.charFormat().anchorNames():
                found.setdefault(anchor, fragment.position())
            fragments += 1
        block = block.next()
    cursor = QTextCursor(document)
    cursor.setPosition(found.get(name, 0))
    cursor.setPosition(found.get(f"{name}-end", document.characterCount() - 1), QTextCursor.MoveMode.KeepAnchor)
    return cursor


class StoryTabs(QTabWidget):
    """The window's middle: the story (``story_page``, typed into in ``editor``) on one tab, its
    changes on the other; View > Show Changes (Ctrl+Shift+E) goes between them, and Escape in
    the Changes tab goes back."""

    def __init__(self, story_page: QWidget, editor: StoryEditor, changes: ChangesView) -> None:
        super().__init__()
        self.setDocumentMode(True)
        self.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the story, not the tabs, has the keyboard at start
        self.addTab(story_page, "Story")
        self.addTab(changes, "Changes")
        self.show_action = QAction("Show &Changes", self, checkable=True)
        self.show_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.show_action.toggled.connect(lambda on: self.setCurrentWidget(changes if on else story_page))
        back = QAction(changes)
        back.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        back.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.triggered.connect(lambda: self.setCurrentWidget(story_page))
        changes.addAction(back)

        def switched() -> None:
            on_changes = self.currentWidget() is changes
            self.show_action.setChecked(on_changes)
            # The keyboard goes with the tab: the editor hidden behind the other must not keep it.
            (changes.list_view if on_changes else editor).setFocus()

        self.currentChanged.connect(switched)

"""The record of changes of one window's story, kept as the story is edited.

The record (``editor.changes``) is the story's text as opened or accepted, and
the fixes in effect. Each fix the editor applies is kept as two cursors around
the text it put in: text typed at the place of either is left outside them
(the one before moves on with the fix's text, the one after stays put). Qt moves both through every edit, undo and
redo, so the fix is in effect exactly while they hold the text it put in (an
undo leaves the flagged words between them, typing over it other text).
Nothing runs per keystroke: the changes are worked out when they are asked for.

A saved story's record is kept with it in the user's data folder
(``editor.kept_records``) and taken up when the same file is opened again.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextCursor

from editor.app.story_editor import StoryEditor, plain_text
from editor.changes import Change, Fix, Record, find_changes
from editor.engine.issues import Issue
from editor.engine.utf16 import Utf16Offsets
from editor.kept_records import CHANGED, UNREADABLE, KeptRecords, records_folder
from editor.session import PARAGRAPH_SEPARATOR

_log = logging.getLogger(__name__)

# What the status bar says when a story is opened with the record kept with it, or without
# it and why (in one line, short enough for the status bar at the window's default size).
TAKEN_UP = "{name}: its record of changes goes on; Ctrl+Shift+E shows it."
NOT_TAKEN_UP = {
    CHANGED: "{name} was changed by another program; its record of changes starts again.",
    UNREADABLE: "{name}: its record of changes could not be read (the log says why) and starts again.",
}


class _FixSpan:
    """One applied fix: the cursors around the text it put in, and what it was."""

    __slots__ = ("before", "after", "rule", "message", "text", "replaced")

    def __init__(self, before: QTextCursor, after: QTextCursor, fix: Fix) -> None:
        after.setKeepPositionOnInsert(True)
        self.before, self.after = before, after
        self.rule, self.message, self.text, self.replaced = fix.rule, fix.message, fix.text, fix.replaced

    def span(self) -> tuple[int, int]:
        """Where its text is now, in Qt's units; after an undo and redo the two cursors have
        changed sides, and are put back around the text."""
        start, end = self.before.position(), self.after.position()
        if start > end:
            start, end = end, start
            self.before.setPosition(start)
            self.after.setPosition(end)
        return start, end


class ChangeTracker(QObject):
    """The record of changes of the story in ``editor``; ``restarted`` when its base is taken anew."""

    restarted = Signal()

    def __init__(self, editor: StoryEditor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self.base = ""
        self.since = _now()
        self.accepted = False
        self._fixes: list[_FixSpan] = []
        self.kept = KeptRecords(records_folder())
        editor.fixApplied.connect(self._note_fix)

    def start(self, accepted: bool = False) -> None:
        """The story as it is now is the base: a story opened, or, if ``accepted``, accepted."""
        self.base = plain_text(self._editor)
        self.since, self.accepted = _now(), accepted
        self._fixes = []
        self.restarted.emit()

    def record(self, text: str | None = None) -> Record:
        """The record as it stands (``text``: the story now, if the caller has it)."""
        text = plain_text(self._editor) if text is None else text
        offsets = Utf16Offsets(text)
        fixes = []
        for fix in self._fixes:
            start, end = (offsets.from_utf16(unit) for unit in fix.span())
            if text[start:end] == fix.text:
                fixes.append(Fix(start, end, fix.rule, fix.message, fix.text, fix.replaced))
        return Record(self.base, tuple(fixes), self.since, self.accepted)

    def changes(self) -> list[Change]:
        text = plain_text(self._editor)
        return find_changes(self.base, text, self.record(text).fixes)

    def restore(self, record: Record) -> None:
        """Takes up ``record`` (of a story restored after a crash, or kept with its file) on the story
        now in the editor; a fix whose text is not where it says is left out."""
        text = plain_text(self._editor)
        offsets = Utf16Offsets(text)
        self.base, self.since, self.accepted = record.base, record.since, record.accepted
        self._fixes = [
            self._span(offsets.to_utf16(fix.start), offsets.to_utf16(fix.end), fix)
            for fix in record.fixes
            if 0 <= fix.start <= fix.end <= len(text) and text[fix.start : fix.end] == fix.text
        ]
        self.restarted.emit()

    def keep(self, path: Path, text: str | None = None) -> str:
        """Keeps the record with the story saved as ``path`` (``text``: the story now, if the caller
        has it); "" or why it could not be kept."""
        text = plain_text(self._editor) if text is None else text
        try:
            self.kept.keep(path, text, self.record(text))
        except OSError as error:
            _log.warning("the record of changes of %s cannot be kept: %r", path, error)
            return f"its record of changes could not be kept in {self.kept.folder}: {error.strerror or error}"
        return ""

    def take_up(self, path: Path) -> str:
        """Takes up the record kept with the story just opened from ``path`` if it still applies;
        what the status bar says of it ("" if nothing worth saying)."""
        text = plain_text(self._editor)
        found = self.kept.find(path, text)
        if found.record is None:
            return NOT_TAKEN_UP[found.problem].format(name=path.name) if found.problem else ""
        self.restore(found.record)
        return TAKEN_UP.format(name=path.name) if found.record.base != text else ""

    def cursor_at(self, change: Change) -> QTextCursor:
        """A cursor selecting ``change``'s text in the editor."""
        offsets = Utf16Offsets(plain_text(self._editor))
        cursor = QTextCursor(self._editor.document())
        cursor.setPosition(offsets.to_utf16(change.start))
        cursor.setPosition(offsets.to_utf16(change.end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _note_fix(self, start: int, end: int, issue: Issue, replaced: str) -> None:
        document = self._editor.document()
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        text = cursor.selectedText().replace(PARAGRAPH_SEPARATOR, "\n")
        fix = Fix(0, 0, issue.rule, issue.message, text, replaced.replace(PARAGRAPH_SEPARATOR, "\n"))
        self._fixes.append(self._span(start, end, fix))

    def _span(self, start: int, end: int, fix: Fix) -> _FixSpan:
        before, after = QTextCursor(self._editor.document()), QTextCursor(self._editor.document())
        before.setPosition(start)
        after.setPosition(end)
        return _FixSpan(before, after, fix)


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")

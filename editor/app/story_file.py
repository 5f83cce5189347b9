"""The story's file: opening it, its encoding and line endings, saving, the disk behind it, recovery.

Everything here is about never losing a word: saving swaps a new file in
(QSaveFile); a story is saved in the encoding and line endings it came with;
another program's change to the file is noticed and asked about; unsaved
work goes to a recovery copy a few seconds after a change.

Qt's editor keeps text as paragraphs (blocks), so a story's own paragraph
separators (U+2029) come out of it as line breaks: a story that has them and
no other line ending is saved with them again; one that mixes them with line
breaks gets line breaks, and the user is asked before that save. Qt's editor
also drops an invisible U+FEFF (a stray byte-order mark) at the very start of
the text it is given: a story that starts with one is opened without it and
marked changed, with a note; one that has come to start with one is not saved,
since it would not open again as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSaveFile, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow

from editor.app import recovery
from editor.app.change_tracker import ChangeTracker
from editor.app.file_watch import DiskFile
from editor.app.story_editor import StoryEditor, plain_text
from editor.engine.textfile import (
    ENCODING_NAMES,
    LINE_ENDING_NAMES,
    UTF8,
    TextFileError,
    encode_story,
    line_endings,
    read_story_file,
)
from editor.session import PARAGRAPH_SEPARATOR

# While the story is unsaved, its recovery copy is brought up to date this often;
# typing does not put it off, so at most this much typing is lost in a crash.
RECOVERY_DELAY_MS = 3000
SAVED_MESSAGE_MS = 5000  # how long the status bar says a save was made
BYTE_ORDER_MARK = "\ufeff"
NEWLINE_NAMES = {**LINE_ENDING_NAMES, PARAGRAPH_SEPARATOR: "U+2029"}


class StoryFile(QObject):
    """The file behind one window's editor. Questions go through the window's ``ask`` and ``tell``."""

    loaded = Signal()  # the editor holds another story (or the same one read again)
    described = Signal()  # the name, encoding or line endings changed
    opened = Signal(str)  # a file was opened or saved: a recent file

    def __init__(self, window: QMainWindow, editor: StoryEditor, recovery_folder: Path) -> None:
        super().__init__(window)
        self._window, self._editor = window, editor
        self.path: Path | None = None
        self.encoding = UTF8
        self.newline = "\n"
        self._separators_to_lose = 0  # the story's U+2029s that its next save turns into line breaks
        self.recovery_folder = recovery_folder
        self.recovery = recovery.RecoveryCopy(recovery_folder)
        self.changes = ChangeTracker(editor, self)  # against the text as opened; kept in the recovery copy
        self.disk = DiskFile(self)
        self._answering_disk = False
        # A timer that runs while the story is unsaved rather than one started by each change:
        # a keystroke then costs no call into Python for the copy.
        self._recovery_timer = QTimer(self, interval=RECOVERY_DELAY_MS)
        self._recovery_timer.timeout.connect(self._copy_if_changed)
        self._copied_edits: int | None = None
        editor.document().modificationChanged.connect(self._modification_changed)
        self.disk.changedOnDisk.connect(self._changed_on_disk)
        self.disk.removedFromDisk.connect(self._removed_from_disk)

    @property
    def modified(self) -> bool:
        return self._editor.document().isModified()

    def display_name(self) -> str:
        return self.path.name if self.path else "Untitled"

    def description(self) -> str:
        return f"{ENCODING_NAMES[self.encoding]} · {NEWLINE_NAMES[self.newline]}"

    # ------------------------------------------------------------ opening

    def new_story(self) -> None:
        if self.may_discard():
            self._load("", None, UTF8, "\n")

    def open_dialog(self) -> None:
        if self.may_discard():
            path, _ = QFileDialog.getOpenFileName(self._window, "Open story", "", "Text (*.txt);;All files (*)")
            if path:
                self.open_path(path, ask=False)

    def open_path(self, path: str, ask: bool = True) -> bool:
        if ask and not self.may_discard():
            return False
        try:
            story = read_story_file(path)
        except TextFileError as error:
            self._window.tell("Cannot open story", f"{path}: {error}.")
            return False
        endings = line_endings(story.text)
        separators = story.text.count(PARAGRAPH_SEPARATOR)
        newline = endings[0] if endings else (PARAGRAPH_SEPARATOR if separators else "\n")
        self._load(story.text.replace("\r\n", "\n").replace("\r", "\n"), Path(path), story.encoding, newline)
        self._separators_to_lose = separators if endings else 0
        notes = [self.changes.take_up(Path(path))]
        if len(endings) > 1 or self._separators_to_lose:
            notes.append(f"The story mixes line endings; it will be saved with {NEWLINE_NAMES[newline]}, its most common.")
        if story.text.startswith(BYTE_ORDER_MARK):
            self._editor.document().setModified(True)
            notes.append(
                "The story starts with an invisible byte-order mark (U+FEFF), which the editor leaves out; "
                "saving will save the story without it."
            )
        self._window.statusBar().showMessage("  ".join(note for note in notes if note))
        self.opened.emit(str(Path(path).resolve()))
        return True

    def _load(self, text: str, path: Path | None, encoding: str, newline: str) -> None:
        self.path, self.encoding, self.newline = path, encoding, newline
        self._separators_to_lose = 0
        self._editor.setPlainText(text)
        self._editor.document().setModified(False)
        self.changes.start()
        self.disk.follow(path)
        self.described.emit()
        self.loaded.emit()

    # ------------------------------------------------------------ saving

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._write(self.path)

    def save_as(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(
            self._window, "Save story", str(self.path or ""), "Text (*.txt);;All files (*)"
        )
        return bool(path) and self._write(Path(path))

    def use_utf8(self) -> None:
        """The story is saved in UTF-8 from now on, whatever it was read in."""
        if self.encoding != UTF8:
            self.encoding = UTF8
            self._editor.document().setModified(True)
            self.described.emit()

    def _write(self, path: Path) -> bool:
        if self._separators_to_lose:
            question = (
                f"{path.name} has {self._separators_to_lose} paragraph separator(s) (U+2029) besides its line "
                f"breaks; they will be saved as line breaks ({NEWLINE_NAMES[self.newline]}). Save it?"
            )
            if self._window.ask("Paragraph separators", question, ("Save", "Cancel")) != "Save":
                return False
        text = plain_text(self._editor)
        if text.startswith(BYTE_ORDER_MARK):
            self._window.tell(
                "Story not saved",
                f"{path.name} was not saved: it starts with an invisible byte-order mark (U+FEFF), which would be "
                "lost when the story is opened again. Delete it (Next Issue, F8, finds it) and save again.",
            )
            return False
        encoded = self._encode(path, text.replace("\n", self.newline))
        if encoded is None:
            return False
        data, encoding = encoded
        if path == self.path and self.disk.changed():
            question = f"{path.name} has been changed by another program since it was opened or saved here. Overwrite it?"
            if self._window.ask("Story changed on disk", question, ("Overwrite", "Cancel")) != "Overwrite":
                return False
        target = QSaveFile(str(path))
        if not target.open(QSaveFile.OpenModeFlag.WriteOnly) or target.write(data) != len(data) or not target.commit():
            self._window.tell(
                "Story not saved",
                f"{path} was not saved: {target.errorString()}.\n\n"
                "The file on disk is as it was, and the story is still here; a recovery copy keeps it too.",
            )
            return False
        not_kept = self.changes.keep(path, text)  # before the recovery copy goes: a crash between loses neither
        self.path, self.encoding = path, encoding
        self._separators_to_lose = 0
        self._editor.document().setModified(False)
        self.disk.follow(path)
        self.opened.emit(str(path.resolve()))
        self.described.emit()
        if not_kept:
            self._window.statusBar().showMessage(f"{path.name} is saved, but {not_kept}.")
        else:
            self._window.statusBar().showMessage(f"Saved {path.name}", SAVED_MESSAGE_MS)
        return True

    def accept_changes(self) -> str:
        """The story is accepted: its record starts again from the text now, in the recovery copy and
        with the saved file (kept now if the story is saved, else from its next save); "" or why the
        record could not be kept."""
        self.changes.start(accepted=True)
        self.write_recovery()  # an unsaved story's copy carries the new base
        if self.path is None:
            return ""
        if self.modified:
            self.changes.kept.forget(self.path)  # its saved text was accepted too: no record until the next save
            return ""
        return self.changes.keep(self.path)

    def _encode(self, path: Path, text: str) -> tuple[bytes, str] | None:
        """The bytes to save and their encoding: the story's own, or UTF-8 when that cannot hold
        the text and the user agrees; None, and the user told why, when it cannot be saved."""
        try:
            return encode_story(text, self.encoding), self.encoding
        except TextFileError as error:
            problem = error
        if self.encoding != UTF8:
            question = f"{path.name} cannot be saved in {ENCODING_NAMES[self.encoding]}: {problem}.\n\nSave it in UTF-8?"
            if self._window.ask("Save in UTF-8?", question, ("Save in UTF-8", "Cancel")) != "Save in UTF-8":
                return None
            try:
                return encode_story(text, UTF8), UTF8
            except TextFileError as error:
                problem = error
        self._window.tell("Story not saved", f"{path.name} was not saved: {problem}.")
        return None

    def may_discard(self) -> bool:
        """Whether the story may go: nothing unsaved, or the user saved or discarded it."""
        if not self.modified:
            return True
        answer = self._window.ask(
            "Unsaved changes", f"Save the changes to {self.display_name()}?", ("Save", "Discard", "Cancel")
        )
        if answer == "Save":
            return self.save()
        return answer == "Discard"

    # ------------------------------------------------------------ the file on disk

    def _changed_on_disk(self) -> None:
        if self._answering_disk:
            return  # one question at a time; saving looks at the disk again before overwriting
        self._answering_disk = True
        name = self.display_name()
        if self.modified:
            question = f"{name} has been changed by another program. Reload it, losing your unsaved changes here?"
        else:
            question = f"{name} has been changed by another program. Reload it?"
        reload = self._window.ask("Story changed on disk", question, ("Reload", "Keep My Version")) == "Reload"
        self._answering_disk = False
        if not (reload and self.open_path(str(self.path), ask=False)):
            self._editor.document().setModified(True)  # what is here is no longer what is on disk

    def _removed_from_disk(self) -> None:
        self._editor.document().setModified(True)
        self._window.statusBar().showMessage(
            f"{self.display_name()} was moved or deleted by another program; the story is still here: save it to keep it."
        )

    # ------------------------------------------------------------ recovery

    def _modification_changed(self, modified: bool) -> None:
        if modified:
            self._recovery_timer.start()
        else:
            self._recovery_timer.stop()
            self._copied_edits = None
            self.recovery.remove()

    def _copy_if_changed(self) -> None:
        if self._editor.edits != self._copied_edits:
            self.write_recovery()

    def write_recovery(self) -> None:
        """Puts the unsaved story in its recovery copy now (or removes the copy when nothing is unsaved)."""
        if not self.modified:
            self.recovery.remove()
            return
        self._copied_edits = self._editor.edits
        path = str(self.path) if self.path else None
        text = plain_text(self._editor)
        snapshot = recovery.Snapshot(text, path, self.encoding, self.newline, self.changes.record(text))
        problem = self.recovery.write(snapshot, self.display_name())
        if problem:
            self._window.statusBar().showMessage(f"No recovery copy of the unsaved story could be written: {problem}")

    def offer_recovery(self, elsewhere: Callable[[], StoryFile]) -> None:
        """Offers each story that a Copydesk which ended without saving left behind: restored
        here if this story is new and empty, else in the story ``elsewhere()`` gives."""
        for orphan in recovery.orphans(self.recovery_folder):
            when = orphan.changed.strftime("%d %B %Y at %H:%M")
            answer = self._window.ask(
                "Restore unsaved story?",
                f"Copydesk ended without saving {orphan.name} (last changed {when}). Restore it?",
                ("Restore", "Discard", "Decide Later"),
            )
            if answer == "Restore":
                empty = self.path is None and not self.modified and not plain_text(self._editor)
                story = self if empty else elsewhere()
                story.restore(orphan.snapshot)
                if orphan.problem:
                    story._window.statusBar().showMessage(
                        f"{orphan.name} is restored, but {orphan.problem}; it starts again from the restored text."
                    )
            if answer == "Decide Later":
                orphan.keep()
            else:
                orphan.discard()

    def restore(self, snapshot: recovery.Snapshot) -> None:
        path = Path(snapshot.path) if snapshot.path else None
        self._load(snapshot.text, path, snapshot.encoding, snapshot.newline)
        if snapshot.record is not None:
            self.changes.restore(snapshot.record)
        self._editor.document().setModified(True)
        self.write_recovery()  # this window's copy holds it before the old copy goes

    def close(self) -> None:
        """The window closes with nothing unsaved: no copy to keep, no file to watch."""
        self.recovery.close()
        self.disk.follow(None)

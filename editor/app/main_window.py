"""The Copydesk window: the editor, the issue panel, files, house styles and settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSaveFile, QSettings, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolBar,
)

from editor.app import recovery
from editor.app.checking import BackgroundChecker
from editor.app.file_watch import DiskFile
from editor.app.grammar import GrammarSupport
from editor.app.issue_panel import IssuePanel
from editor.app.story_editor import Marked, StoryEditor, plain_text
from editor.userdata import dictionary_path, read_dictionary
from editor.engine import StyleError, builtin_style, load_style
from editor.engine.ignores import Ignores
from editor.engine.issues import Issue
from editor.engine.dictionary import dictionary_problem
from editor.engine.style import DEFAULT_STYLE
from editor.engine.textfile import (
    ENCODING_NAMES,
    LINE_ENDING_NAMES,
    UTF8,
    TextFileError,
    encode_story,
    line_endings,
    read_story_file,
)

MAX_RECENT = 8
STYLE_FILE_ITEM = "Style file…"
# Unsaved work reaches its recovery copy this long after a change; typing
# does not put it off, so at most this much typing is lost in a crash.
RECOVERY_DELAY_MS = 3000


class MainWindow(QMainWindow):
    def __init__(
        self, settings: QSettings | None = None, dictionary: Path | None = None, recovery_folder: Path | None = None
    ) -> None:
        super().__init__()
        self.settings = settings or QSettings()
        self.dictionary_path = dictionary or dictionary_path()
        self.recovery_folder = recovery_folder or recovery.default_folder()
        self.recovery = recovery.RecoveryCopy(self.recovery_folder)
        self.restored_windows: list[MainWindow] = []
        self.path: Path | None = None
        self.encoding = UTF8
        self.newline = "\n"
        self._startup_notes: list[str] = []
        self.ignores = Ignores(dictionary=self._load_dictionary())
        self._revision = 0

        self.editor = StoryEditor()
        self.editor.document().setModified(False)  # setting its font and margin counts as a change
        self.panel = IssuePanel()
        splitter = QSplitter()
        splitter.addWidget(self.editor)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)
        self.setAcceptDrops(True)
        self.disk = DiskFile(self)
        self._recovery_timer = QTimer(self, singleShot=True, interval=RECOVERY_DELAY_MS)
        self._answering_disk = False

        style = self._initial_style()
        if problem := dictionary_problem(style.locale):
            self._startup_notes.append(problem[:1].upper() + problem[1:])
        self.grammar = GrammarSupport(self, self.settings)
        # LanguageTool's answer is joined to the issues on the checking thread.
        self.checker = BackgroundChecker(style, self, finish=self.grammar.with_answer)
        self.checker.checked.connect(self._show_issues)
        self.grammar.updated.connect(lambda: self._recheck(at_once=True))

        self._build_actions()
        self._build_status_bar()
        self._connect()
        self._restore_settings()
        self._update_title()
        self._update_file_label()
        self.statusBar().showMessage("  ".join(self._startup_notes))
        self._recheck(at_once=True)

    # ------------------------------------------------------------ set-up

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self._add(file_menu, "&New", QKeySequence.StandardKey.New, self.new_story)
        self._add(file_menu, "&Open…", QKeySequence.StandardKey.Open, self.open_dialog)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self._add(file_menu, "&Save", QKeySequence.StandardKey.Save, self.save)
        self._add(file_menu, "Save &As…", QKeySequence.StandardKey.SaveAs, self.save_as)
        self.utf8_action = self._add(file_menu, "Use &UTF-8 for This Story", QKeySequence(), self.use_utf8)
        file_menu.addSeparator()
        # Not StandardKey.Quit: that is empty without a desktop theme (plain X11, offscreen).
        self._add(file_menu, "&Quit", "Ctrl+Q", QApplication.closeAllWindows)

        edit_menu = self.menuBar().addMenu("&Edit")
        self._add(edit_menu, "&Undo", QKeySequence.StandardKey.Undo, self.editor.undo)
        self._add(edit_menu, "&Redo", QKeySequence.StandardKey.Redo, self.editor.redo)

        check_menu = self.menuBar().addMenu("&Check")
        self._add(check_menu, "&Next Issue", "F8", lambda: self.editor.next_issue())
        self._add(check_menu, "&Previous Issue", "Shift+F8", lambda: self.editor.next_issue(backwards=True))
        self._add(check_menu, "Apply &First Fix at Cursor", "Ctrl+.", self.editor.fix_at_cursor)
        check_menu.addSeparator()
        check_menu.addAction("&Grammar Settings…").triggered.connect(self.grammar.open_settings)

        view_menu = self.menuBar().addMenu("&View")
        self._add(view_menu, "Zoom &In", QKeySequence.StandardKey.ZoomIn, lambda: self._zoom(1))
        self._add(view_menu, "Zoom &Out", QKeySequence.StandardKey.ZoomOut, lambda: self._zoom(-1))

        toolbar = QToolBar("House style")
        toolbar.setObjectName("style-toolbar")
        toolbar.addWidget(QLabel(" House style: "))
        self.style_box = QComboBox()
        self.style_box.addItem("AP", "ap")
        self.style_box.addItem("British", "british")
        self.style_box.addItem(STYLE_FILE_ITEM, None)
        toolbar.addWidget(self.style_box)
        self.addToolBar(toolbar)

    def _add(self, menu, label: str, keys, slot) -> QAction:
        action = QAction(label, self)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        return action

    def _build_status_bar(self) -> None:
        self.issue_label, self.words_label, self.chars_label, self.file_label, self.style_label = (
            QLabel() for _ in range(5)
        )
        for label in (self.issue_label, self.words_label, self.chars_label, self.file_label, self.style_label):
            self.statusBar().addPermanentWidget(label)
        self.statusBar().addPermanentWidget(self.grammar.button)

    def _connect(self) -> None:
        self.editor.textChanged.connect(self._recheck)
        self.editor.document().modificationChanged.connect(self._modification_changed)
        self.editor.document().contentsChanged.connect(self._schedule_recovery)
        self._recovery_timer.timeout.connect(self.write_recovery)
        self.disk.changedOnDisk.connect(self._changed_on_disk)
        self.disk.removedFromDisk.connect(self._removed_from_disk)
        QGuiApplication.instance().commitDataRequest.connect(self.commit_data)
        self.editor.fixAllRequested.connect(self.fix_all)
        self.editor.ignoreRequested.connect(self._ignore)
        self.editor.ignoreRuleRequested.connect(self._ignore_rule)
        self.editor.addWordRequested.connect(self._add_word)
        self.editor.fileDropped.connect(self.open_path)
        self.panel.activated.connect(self.editor.go_to)
        self.panel.fixRequested.connect(lambda mark: self._fix(mark))
        self.panel.fixAllRequested.connect(self.fix_all)
        self.style_box.activated.connect(self._style_chosen)

    def _initial_style(self):
        chosen = self.settings.value("style", DEFAULT_STYLE)
        try:
            return load_style(chosen)
        except StyleError as error:
            self._startup_notes.append(f"House style not loaded, using {DEFAULT_STYLE.upper()}: {error}")
            return builtin_style(DEFAULT_STYLE)

    def _restore_settings(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 800)
        size = int(self.settings.value("font_size", 0) or 0)
        if size:
            font = self.editor.font()
            font.setPointSize(size)
            self.editor.setFont(font)
        self._show_style_choice(self.settings.value("style", DEFAULT_STYLE))
        self._refresh_recent()

    # ------------------------------------------------------------ checking

    def _recheck(self, at_once: bool = False) -> None:
        self._revision += 1
        text = plain_text(self.editor)
        self.words_label.setText(f"{len(text.split())} words")
        self.chars_label.setText(f"{len(text)} characters")
        self.checker.request(text, self._revision, at_once=at_once)

    def _show_issues(self, revision: int, text: str, issues: list[Issue]) -> None:
        """The issues of the text now in the editor, LanguageTool's as far as it has answered."""
        if revision != self._revision:
            return
        self.grammar.note_text(revision, text, self.checker.style)
        visible = self.ignores.visible(issues, text)
        self.editor.show_issues(text, visible)
        self.panel.show_marks(self.editor.marked, text)
        self.issue_label.setText(f"{len(visible)} issues")

    def _fix(self, mark: Marked) -> None:
        self.editor.apply_fix(mark, mark.issue.replacements[0])

    def fix_all(self, group: str) -> None:
        self.editor.fix_group(group)

    def _ignore(self, issue: Issue) -> None:
        self.ignores.ignore(issue, plain_text(self.editor))
        self._recheck(at_once=True)

    def _ignore_rule(self, rule: str) -> None:
        self.ignores.rules.add(rule)
        self._recheck(at_once=True)

    def _add_word(self, word: str) -> None:
        self.ignores.dictionary.add(word)
        self.dictionary_path.parent.mkdir(parents=True, exist_ok=True)
        with self.dictionary_path.open("a", encoding="utf-8") as handle:
            handle.write(word + "\n")
        self._recheck(at_once=True)

    def _load_dictionary(self) -> set[str]:
        try:
            return read_dictionary(self.dictionary_path)
        except TextFileError as error:
            self._startup_notes.append(f"Dictionary not loaded: {self.dictionary_path}: {error}")
            return set()

    # ------------------------------------------------------------ house style

    def _style_chosen(self, index: int) -> None:
        choice = self.style_box.itemData(index)
        if choice is None:
            path, _ = QFileDialog.getOpenFileName(self, "House style file", "", "House styles (*.toml)")
            if not path:
                self._show_style_choice(self.settings.value("style", DEFAULT_STYLE))
                return
            choice = path
        self.set_style(choice)

    def set_style(self, name_or_path: str) -> bool:
        try:
            style = load_style(name_or_path)
        except StyleError as error:
            self.tell("House style not changed", f"{error}\n\nThe house style stays {self.checker.style.name}.")
            self._show_style_choice(self.settings.value("style", DEFAULT_STYLE))
            return False
        self.settings.setValue("style", name_or_path)
        self.checker.set_style(style)
        self.grammar.recheck()
        self._show_style_choice(name_or_path)
        self._recheck(at_once=True)
        return True

    def _show_style_choice(self, name_or_path: str) -> None:
        index = self.style_box.findData(name_or_path)
        if index < 0:
            self.style_box.insertItem(self.style_box.count() - 1, Path(name_or_path).stem, name_or_path)
            index = self.style_box.findData(name_or_path)
        self.style_box.setCurrentIndex(index)
        self.style_label.setText(f"Style: {self.checker.style.name}")

    # ------------------------------------------------------------ files

    def new_story(self) -> None:
        if self._may_discard():
            self._load("", None, UTF8, "\n")

    def open_dialog(self) -> None:
        if self._may_discard():
            path, _ = QFileDialog.getOpenFileName(self, "Open story", "", "Text (*.txt);;All files (*)")
            if path:
                self.open_path(path, ask=False)

    def open_path(self, path: str, ask: bool = True) -> bool:
        if ask and not self._may_discard():
            return False
        try:
            story = read_story_file(path)
        except TextFileError as error:
            self.tell("Cannot open story", f"{path}: {error}.")
            return False
        endings = line_endings(story.text)
        newline = endings[0] if endings else "\n"
        text = story.text.replace("\r\n", "\n").replace("\r", "\n")
        self._load(text, Path(path), story.encoding, newline)
        if len(endings) > 1:
            self.statusBar().showMessage(
                f"The story mixes line endings; it will be saved with {LINE_ENDING_NAMES[newline]}, its most common."
            )
        self._remember_recent(str(Path(path).resolve()))
        return True

    def _load(self, text: str, path: Path | None, encoding: str, newline: str) -> None:
        self.path, self.encoding, self.newline = path, encoding, newline
        self.ignores.rules.clear()
        self.ignores.occurrences.clear()
        self.editor.setPlainText(text)
        self.editor.document().setModified(False)
        self.disk.follow(path)
        self._update_title()
        self._update_file_label()
        self._recheck(at_once=True)

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._write(self.path)

    def save_as(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(self, "Save story", str(self.path or ""), "Text (*.txt);;All files (*)")
        return bool(path) and self._write(Path(path))

    def use_utf8(self) -> None:
        """The story is saved in UTF-8 from now on, whatever it was read in."""
        if self.encoding != UTF8:
            self.encoding = UTF8
            self.editor.document().setModified(True)
            self._update_file_label()

    def _write(self, path: Path) -> bool:
        encoded = self._encode(path, plain_text(self.editor).replace("\n", self.newline))
        if encoded is None:
            return False
        data, encoding = encoded
        if path == self.path and self.disk.changed():
            question = f"{path.name} has been changed by another program since it was opened or saved here. Overwrite it?"
            if self.ask("Story changed on disk", question, ("Overwrite", "Cancel")) != "Overwrite":
                return False
        target = QSaveFile(str(path))
        if not target.open(QSaveFile.OpenModeFlag.WriteOnly) or target.write(data) != len(data) or not target.commit():
            self.tell(
                "Story not saved",
                f"{path} was not saved: {target.errorString()}.\n\n"
                "The file on disk is as it was, and the story is still here; a recovery copy keeps it too.",
            )
            return False
        self.path, self.encoding = path, encoding
        self.editor.document().setModified(False)
        self.disk.follow(path)
        self._remember_recent(str(path.resolve()))
        self._update_title()
        self._update_file_label()
        return True

    def _encode(self, path: Path, text: str) -> tuple[bytes, str] | None:
        """The bytes to save and their encoding: the story's own, or UTF-8 when that cannot hold
        the text and the user agrees; None, and the user told why, when it cannot be saved."""
        try:
            return encode_story(text, self.encoding), self.encoding
        except TextFileError as error:
            problem = error
        if self.encoding != UTF8:
            question = f"{path.name} cannot be saved in {ENCODING_NAMES[self.encoding]}: {problem}.\n\nSave it in UTF-8?"
            if self.ask("Save in UTF-8?", question, ("Save in UTF-8", "Cancel")) != "Save in UTF-8":
                return None
            try:
                return encode_story(text, UTF8), UTF8
            except TextFileError as error:
                problem = error
        self.tell("Story not saved", f"{path.name} was not saved: {problem}.")
        return None

    def _may_discard(self) -> bool:
        if not self.editor.document().isModified():
            return True
        answer = self.ask("Unsaved changes", f"Save the changes to {self._display_name()}?", ("Save", "Discard", "Cancel"))
        if answer == "Save":
            return self.save()
        return answer == "Discard"

    def _display_name(self) -> str:
        return self.path.name if self.path else "Untitled"

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self._display_name()}[*] — Copydesk")
        self.setWindowModified(self.editor.document().isModified())

    def _update_file_label(self) -> None:
        self.file_label.setText(f"{ENCODING_NAMES[self.encoding]} · {LINE_ENDING_NAMES[self.newline]}")
        self.utf8_action.setEnabled(self.encoding != UTF8)

    def _remember_recent(self, path: str) -> None:
        recent = [path] + [p for p in self._recent() if p != path]
        self.settings.setValue("recent", recent[:MAX_RECENT])
        self._refresh_recent()

    def _recent(self) -> list[str]:
        value = self.settings.value("recent", [])
        return [value] if isinstance(value, str) else list(value or [])

    def _refresh_recent(self) -> None:
        self.recent_menu.clear()
        for path in self._recent():
            self.recent_menu.addAction(path).triggered.connect(lambda _=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(self._recent()))

    def _zoom(self, steps: int) -> None:
        font = self.editor.font()
        font.setPointSize(max(6, min(48, font.pointSize() + steps)))
        self.editor.setFont(font)
        self.settings.setValue("font_size", font.pointSize())

    # ------------------------------------------------------------ the file on disk

    def _changed_on_disk(self) -> None:
        if self._answering_disk:
            return  # one question at a time; saving looks at the disk again before overwriting
        self._answering_disk = True
        name = self._display_name()
        if self.editor.document().isModified():
            question = f"{name} has been changed by another program. Reload it, losing your unsaved changes here?"
        else:
            question = f"{name} has been changed by another program. Reload it?"
        reload = self.ask("Story changed on disk", question, ("Reload", "Keep My Version")) == "Reload"
        self._answering_disk = False
        if not (reload and self.open_path(str(self.path), ask=False)):
            self.editor.document().setModified(True)  # what is here is no longer what is on disk

    def _removed_from_disk(self) -> None:
        self.editor.document().setModified(True)
        self.statusBar().showMessage(
            f"{self._display_name()} was moved or deleted by another program; the story is still here: save it to keep it."
        )

    # ------------------------------------------------------------ recovery

    def _modification_changed(self, modified: bool) -> None:
        self._update_title()
        if not modified:
            self._recovery_timer.stop()
            self.recovery.remove()

    def _schedule_recovery(self) -> None:
        if self.editor.document().isModified() and not self._recovery_timer.isActive():
            self._recovery_timer.start()

    def write_recovery(self) -> None:
        """Puts the unsaved story in its recovery copy now (or removes the copy when nothing is unsaved)."""
        self._recovery_timer.stop()
        if not self.editor.document().isModified():
            self.recovery.remove()
            return
        path = str(self.path) if self.path else None
        snapshot = recovery.Snapshot(plain_text(self.editor), path, self.encoding, self.newline)
        problem = self.recovery.write(snapshot, self._display_name())
        if problem:
            self.statusBar().showMessage(f"No recovery copy of the unsaved story could be written: {problem}")

    def offer_recovery(self) -> None:
        """At start: offers each story that a Copydesk which ended without saving left behind."""
        for orphan in recovery.orphans(self.recovery_folder):
            when = orphan.changed.strftime("%d %B %Y at %H:%M")
            answer = self.ask(
                "Restore unsaved story?",
                f"Copydesk ended without saving {orphan.name} (last changed {when}). Restore it?",
                ("Restore", "Discard", "Decide Later"),
            )
            if answer == "Restore":
                self._window_for_restore().restore(orphan.snapshot)
            if answer == "Decide Later":
                orphan.keep()
            else:
                orphan.discard()

    def _window_for_restore(self) -> MainWindow:
        if self.path is None and not self.editor.document().isModified() and not plain_text(self.editor):
            return self
        window = MainWindow(self.settings, self.dictionary_path, self.recovery_folder)
        self.restored_windows.append(window)
        window.show()
        return window

    def restore(self, snapshot: recovery.Snapshot) -> None:
        path = Path(snapshot.path) if snapshot.path else None
        self._load(snapshot.text, path, snapshot.encoding, snapshot.newline)
        self.editor.document().setModified(True)
        self.write_recovery()  # this window's copy holds it before the old copy goes

    def commit_data(self, manager) -> None:
        """The session is ending (logout, shutdown): ask about unsaved work if we may, else keep a recovery copy."""
        self.write_recovery()
        if not self.editor.document().isModified() or not manager.allowsInteraction():
            return  # without a question, the recovery copy is offered at the next start
        if self.close():
            manager.release()
        else:
            manager.cancel()

    # ------------------------------------------------------------ questions

    def ask(self, title: str, text: str, choices: tuple[str, ...]) -> str:
        """Asks with one button per choice; Enter picks the first, Escape the last (always the safe one).
        The one place tests replace to answer as a person would."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        buttons = [box.addButton(choice, QMessageBox.ButtonRole.ActionRole) for choice in choices]
        box.setDefaultButton(buttons[0])
        box.setEscapeButton(buttons[-1])
        box.exec()
        return choices[buttons.index(box.clickedButton())] if box.clickedButton() in buttons else choices[-1]

    def tell(self, title: str, text: str) -> None:
        """Tells the user something went wrong; tests replace it to read the message."""
        QMessageBox.warning(self, title, text)

    # ------------------------------------------------------------ window events

    def dragEnterEvent(self, event) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.open_path(url.toLocalFile())
                break

    def closeEvent(self, event) -> None:
        self.write_recovery()  # a session that ends Copydesk during the question loses nothing
        if not self._may_discard():
            event.ignore()
            return
        self.recovery.close()
        self.disk.follow(None)
        self.settings.setValue("geometry", self.saveGeometry())
        self.checker.shutdown()
        self.grammar.shutdown()
        event.accept()

"""The Copydesk window: lays out the editor, the issue panel, menus and status bar, and wires them.

What each part does lives with it: the story's file in ``story_file``,
checking in ``editor.session`` (run by ``workers``), LanguageTool's button
and dialogs in ``grammar``, the settings in ``settings``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from editor.app import recovery
from editor.app.changes_view import ChangesView, StoryTabs
from editor.app.find_bar import FindBar
from editor.app.grammar import GrammarSupport
from editor.app.issue_panel import IssuePanel
from editor.app.look import Look, StoryFont
from editor.app.recent_files import RecentFilesMenu
from editor.app.review_loop import ReviewLoop
from editor.app.settings import Settings
from editor.app.story_editor import StoryEditor, plain_text
from editor.app.story_file import StoryFile
from editor.app.style_choice import StyleChooser
from editor.app.workers import CheckWorker
from editor.engine import HouseStyle
from editor.engine.dictionary import dictionary_problem, prepare_spelling
from editor.engine.issues import RuleFailure
from editor.engine.style import LOCALES
from editor.logbook import log_path
from editor.session import Checked, CheckSession, Shown
from editor.userdata import add_to_dictionary, dictionary_path, load_dictionary


class MainWindow(QMainWindow):
    def __init__(
        self, settings: QSettings | None = None, dictionary: Path | None = None, recovery_folder: Path | None = None
    ) -> None:
        super().__init__()
        self.settings = Settings(settings)
        self.dictionary_path = dictionary or dictionary_path()
        self.restored_windows: list[MainWindow] = []
        notes: list[str] = []
        self.editor = StoryEditor()
        self.editor.document().setModified(False)  # setting its font and margin counts as a change
        self.find_bar = FindBar(self.editor)
        self.grammar = GrammarSupport(self, self.settings)
        self.panel = IssuePanel()
        self.look = Look.of(QApplication.instance(), self.settings)
        self.story_font = StoryFont(self.editor, self.settings, self.panel.delegate.set_story_family)
        splitter = QSplitter()
        splitter.addWidget(_column(self.grammar.offer, self.editor, self.find_bar))
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([780, 420])  # the cards need room to read; the story keeps its lines
        self.setAcceptDrops(True)
        self.story = StoryFile(self, self.editor, recovery_folder or recovery.default_folder())
        self.style_box = StyleChooser(self, self.settings, notes)
        self.changes_view = ChangesView(self, self.editor, self.story, lambda: self.style_box.style.name)
        self.tabs = StoryTabs(splitter, self.editor, self.changes_view)
        self.setCentralWidget(self.tabs)
        words, problem = load_dictionary(self.dictionary_path)
        notes += [f"Dictionary not loaded: {problem}"] if problem else []
        prepare_spelling(LOCALES)
        if spelling := dictionary_problem(self.style_box.style.locale):
            notes.append(spelling[:1].upper() + spelling[1:])
        self.checker = CheckWorker(CheckSession(self.style_box.style, words), self)
        self.review = ReviewLoop(self.editor, self.panel, self._update, self)
        self._build_actions()
        self._build_status_bar()
        self._connect()
        self._restore_settings()
        self._describe_file()
        self.statusBar().showMessage("  ".join(notes))
        self._recheck(at_once=True)

    # ------------------------------------------------------------ set-up

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self._add(file_menu, "&New", QKeySequence.StandardKey.New, self.story.new_story)
        open_action = self._add(file_menu, "&Open…", QKeySequence.StandardKey.Open, self.story.open_dialog)
        self.recent_menu = RecentFilesMenu(self.settings, self.story.open_path, self)
        file_menu.addMenu(self.recent_menu)
        save_action = self._add(file_menu, "&Save", QKeySequence.StandardKey.Save, self.story.save)
        self._add(file_menu, "Save &As…", QKeySequence.StandardKey.SaveAs, self.story.save_as)
        self.utf8_action = self._add(file_menu, "Use &UTF-8 for This Story", QKeySequence(), self.story.use_utf8)
        file_menu.addSeparator()
        file_menu.addActions([self.changes_view.export_action, self.changes_view.accept_action])
        file_menu.addSeparator()
        # Not StandardKey.Quit: that is empty without a desktop theme (plain X11, offscreen).
        self._add(file_menu, "&Quit", "Ctrl+Q", QApplication.closeAllWindows)
        edit_menu = self.menuBar().addMenu("&Edit")
        undo_action = self._add(edit_menu, "&Undo", QKeySequence.StandardKey.Undo, self.editor.undo)
        redo_action = self._add(edit_menu, "&Redo", QKeySequence.StandardKey.Redo, self.editor.redo)
        edit_menu.addSeparator()
        self._add(edit_menu, "Cu&t", QKeySequence.StandardKey.Cut, self.editor.cut)
        self._add(edit_menu, "&Copy", QKeySequence.StandardKey.Copy, self.editor.copy)
        self._add(edit_menu, "&Paste", QKeySequence.StandardKey.Paste, self.editor.paste)
        self._add(edit_menu, "Select &All", QKeySequence.StandardKey.SelectAll, self.editor.selectAll)
        edit_menu.addActions(self.find_bar.menu_actions)
        check_menu = self.menuBar().addMenu("&Check")
        self.review.add_to(check_menu, self)
        self._add(check_menu, "Apply First Fix at &Cursor", "Ctrl+.", self.editor.fix_at_cursor)
        check_menu.addSeparator()
        check_menu.addAction("&Grammar Settings…").triggered.connect(self.grammar.open_settings)
        view_menu = self.menuBar().addMenu("&View")
        font_action = self.story_font.add_to(view_menu, self)
        self.look.add_menu(view_menu, self.settings)
        view_menu.addAction(self.tabs.show_action)
        self.addAction(self.tabs.show_action)
        self.addToolBar(self.look.toolbar(
            [(open_action, "open"), (save_action, "save")],
            [(undo_action, "undo"), (redo_action, "redo")],
            self.review.toolbar_group(),
            [(font_action, "font"), (QLabel(" House style: "), None), (self.style_box, None)],
        ))

    def _add(self, menu, label: str, keys, slot) -> QAction:
        action = QAction(label, self)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        return action

    def _build_status_bar(self) -> None:
        self.failure_label = QLabel()
        self.failure_label.setStyleSheet("color: #b71c1c")
        self.statusBar().addWidget(self.failure_label)
        self.statusBar().addWidget(self.review.label, 1)
        self.issue_label, self.words_label, self.chars_label, self.file_label, self.style_label = (
            QLabel() for _ in range(5)
        )
        for label in (self.issue_label, self.words_label, self.chars_label, self.file_label, self.style_label):
            self.statusBar().addPermanentWidget(label)
        self.style_label.setText(f"Style: {self.style_box.style.name}")
        self.statusBar().addPermanentWidget(self.grammar.button)

    def _connect(self) -> None:
        self.editor.textEdited.connect(self._recheck)
        self.editor.document().modificationChanged.connect(self._update_title)
        self.story.loaded.connect(lambda: self._update(CheckSession.new_story))
        self.story.described.connect(self._describe_file)
        self.story.opened.connect(self.recent_menu.remember)
        self.checker.checked.connect(self._show)
        self.checker.failed.connect(lambda failure: self._show_failures((failure,)))
        self.grammar.worker.found.connect(lambda text, answer: self._update(CheckSession.take_grammar, text, answer))
        self.grammar.worker.failed.connect(lambda failure: self._update(CheckSession.grammar_failed, failure))
        self.grammar.settingsChanged.connect(lambda: self._update(CheckSession.forget_grammar))
        QGuiApplication.instance().commitDataRequest.connect(self.commit_data)
        self.editor.fixAllRequested.connect(self.editor.fix_group)
        self.editor.addWordRequested.connect(self._add_word)
        self.editor.fileDropped.connect(self.story.open_path)
        self.panel.fixRequested.connect(self.editor.apply_fix)
        self.panel.fixAllRequested.connect(self.editor.fix_group)
        self.panel.hiddenChanged.connect(self.editor.set_hidden)
        self.style_box.chosen.connect(self._style_chosen)

    def _restore_settings(self) -> None:
        if self.settings.geometry is not None:
            self.restoreGeometry(self.settings.geometry)
        else:
            self.resize(1200, 800)

    # ------------------------------------------------------------ checking

    def _recheck(self, at_once: bool = False) -> None:
        shown = Shown(self.editor.shown_text, self.editor.shown_issues, self.panel.rows)
        self.checker.request(plain_text(self.editor), shown, self.editor.edited(), at_once=at_once)

    def _update(self, change, *arguments) -> None:
        """Changes the check session (on its thread), then checks again."""
        self.checker.update(lambda session: change(session, *arguments))
        self._recheck(at_once=True)

    def shows_latest_check(self) -> bool:
        """Whether the underlines and the panel show the check of the text now in the editor."""
        return self.checker.idle and self.editor.shown_text == plain_text(self.editor)

    def _show(self, checked: Checked) -> None:
        if not self.editor.show_checked(checked):
            self._recheck(at_once=True)  # worked out for underlines a fix has changed since
            return
        self.panel.show_checked(checked, self.editor.marked)
        self.review.refresh()
        self.issue_label.setText(f"{len(checked.issues)} issues")
        self.words_label.setText(f"{checked.words} words")
        self.chars_label.setText(f"{len(checked.text)} characters")
        self._show_failures(checked.failures)
        if not checked.grammar_answered:
            self.grammar.worker.note(checked.text, self.style_box.style)

    def _show_failures(self, failures: tuple[RuleFailure, ...]) -> None:
        said = "; ".join(f"{failure.rule} ({failure.reason})" for failure in failures)
        self.failure_label.setText(f"Checking failed in {said}; the other rules' issues are shown" if said else "")
        self.failure_label.setToolTip(f"Details are in {log_path()}" if said else "")

    def _add_word(self, word: str) -> None:
        try:
            add_to_dictionary(self.dictionary_path, word)
        except OSError as error:
            self.tell("Word not added", f"{self.dictionary_path}: {error.strerror or error}")
            return
        self._update(CheckSession.add_word, word)

    def _style_chosen(self, style: HouseStyle) -> None:
        self.style_label.setText(f"Style: {style.name}")
        self._update(CheckSession.set_style, style)

    # ------------------------------------------------------------ title, labels

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.story.display_name()}[*] — Copydesk")
        self.setWindowModified(self.story.modified)

    def _describe_file(self) -> None:
        self._update_title()
        self.file_label.setText(self.story.description())
        self.utf8_action.setEnabled(self.story.encoding != "utf-8")

    # ------------------------------------------------------------ recovery and the session's end

    def offer_recovery(self) -> None:
        """At start: offers each story that a Copydesk which ended without saving left behind."""
        self.story.offer_recovery(self._story_elsewhere)

    def _story_elsewhere(self) -> StoryFile:
        window = MainWindow(self.settings.store, self.dictionary_path, self.story.recovery_folder)
        self.restored_windows.append(window)
        window.show()
        return window.story

    def commit_data(self, manager) -> None:
        """The session is ending (logout, shutdown): ask about unsaved work if we may, else keep a recovery copy."""
        self.story.write_recovery()
        if not self.story.modified or not manager.allowsInteraction():
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
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            self.story.open_path(files[0])

    def closeEvent(self, event) -> None:
        self.story.write_recovery()  # a session that ends Copydesk during the question loses nothing
        if not self.story.may_discard():
            event.ignore()
            return
        self.story.close()
        self.settings.geometry = self.saveGeometry()
        self.checker.shutdown()
        self.grammar.shutdown()
        event.accept()


def _column(*widgets: QWidget) -> QWidget:
    """The widgets one above the other, edge to edge."""
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    for widget in widgets:
        layout.addWidget(widget)
    return column

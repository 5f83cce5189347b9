"""How Copydesk looks, with Qt's own means: the Fusion style with a calm palette, light or dark
as the system is (or as chosen under View > Appearance), line icons drawn in the palette's
text colour, and the story in the font and size the user chose.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QFontDialog, QMenu, QToolBar, QWidget

from editor.app.settings import Settings
from editor.engine.resources import resource

_Role = QPalette.ColorRole
# Each role's colour, light and dark: neutral greys with a cool tint, white paper for the story
# (nearly black in the dark), one blue for selection and focus.
PALETTE = {
    _Role.Window: ("#f3f4f6", "#1f2124"),
    _Role.WindowText: ("#1f2328", "#e6e8eb"),
    _Role.Base: ("#ffffff", "#17181b"),
    _Role.AlternateBase: ("#f6f7f9", "#24272b"),
    _Role.Text: ("#1f2328", "#e6e8eb"),
    _Role.Button: ("#f8f9fa", "#2a2d31"),
    _Role.ButtonText: ("#1f2328", "#e6e8eb"),
    _Role.BrightText: ("#ffffff", "#ffffff"),
    _Role.Highlight: ("#2f6fde", "#3d7de6"),
    _Role.HighlightedText: ("#ffffff", "#ffffff"),
    _Role.Link: ("#1f5fbf", "#8ab4f8"),
    _Role.LinkVisited: ("#6f42c1", "#c58af9"),
    _Role.ToolTipBase: ("#ffffff", "#2a2d31"),
    _Role.ToolTipText: ("#1f2328", "#e6e8eb"),
    _Role.PlaceholderText: ("#6a737d", "#9aa0a6"),
    _Role.Light: ("#ffffff", "#3a3e44"),
    _Role.Midlight: ("#e9ebee", "#2f3237"),
    _Role.Mid: ("#c4c9d0", "#4a4f56"),
    _Role.Dark: ("#9aa1ab", "#111214"),
    _Role.Shadow: ("#6a737d", "#000000"),
}
DISABLED = {False: "#a2a8b0", True: "#6b7077"}  # text of disabled controls
APPEARANCES = {"system": "&Follow the System", "light": "&Light", "dark": "&Dark"}
ICON_SIZES = (16, 20, 24, 32, 48)

DEFAULT_STORY_FAMILY = "DejaVu Serif"
DEFAULT_STORY_SIZE = 13
MIN_STORY_SIZE, MAX_STORY_SIZE = 6, 48


def palette_for(dark: bool) -> QPalette:
    palette = QPalette()
    for role, colours in PALETTE.items():
        palette.setColor(role, QColor(colours[dark]))
    for role in (_Role.WindowText, _Role.Text, _Role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED[dark]))
    return palette


class Look(QObject):
    """The application's look: applied at start, again when the system's colour scheme or the
    user's choice changes; ``changed`` tells what draws itself in the palette's colours."""

    changed = Signal()
    _instance: Look | None = None

    @classmethod
    def of(cls, app: QApplication, settings: Settings) -> Look:
        """The look of ``app``, applied the first time it is asked for (as ``settings`` say): by the
        application's start-up, or by the first window where there is none (tests, benchmarks)."""
        if cls._instance is None:
            cls._instance = Look(app, settings.appearance)
        return cls._instance

    def __init__(self, app: QApplication, appearance: str) -> None:
        super().__init__(app)
        self._app = app
        self.appearance = appearance if appearance in APPEARANCES else "system"
        app.setStyle("Fusion")
        app.styleHints().colorSchemeChanged.connect(lambda _: self.apply())
        self.apply()

    @property
    def dark(self) -> bool:
        if self.appearance in ("light", "dark"):
            return self.appearance == "dark"
        return self._app.styleHints().colorScheme() == Qt.ColorScheme.Dark

    def apply(self, appearance: str | None = None) -> None:
        self.appearance = appearance or self.appearance
        self._app.setPalette(palette_for(self.dark))
        self.changed.emit()

    def add_menu(self, menu: QMenu, settings: Settings) -> None:
        """View > Appearance: follow the system, or always light, or always dark."""
        submenu = menu.addMenu("&Appearance")
        group = QActionGroup(submenu)
        for appearance, label in APPEARANCES.items():
            action = submenu.addAction(label)
            action.setCheckable(True)
            action.setChecked(appearance == self.appearance)
            group.addAction(action)
            action.triggered.connect(lambda _=False, chosen=appearance: self._choose(chosen, settings))

    def _choose(self, appearance: str, settings: Settings) -> None:
        settings.appearance = appearance
        self.apply(appearance)

    def toolbar(self, *groups: list[tuple[QAction | QWidget, str | None]]) -> QToolBar:
        """The window's toolbar: groups of actions with their line icons (redrawn with the palette)
        and widgets, a separator between groups."""
        toolbar = QToolBar("Toolbar")
        toolbar.setObjectName("style-toolbar")  # the name the window's saved state knows it by
        toolbar.setMovable(False)
        icons = _Icons(toolbar)
        for number, group in enumerate(groups):
            if number:
                toolbar.addSeparator()
            for item, icon in group:
                if isinstance(item, QAction):
                    toolbar.addAction(item)
                    icons.names[item] = icon
                else:
                    toolbar.addWidget(item)
        icons.draw()
        self.changed.connect(icons.draw)  # gone with the toolbar
        return toolbar


class _Icons(QObject):
    """The toolbar's actions' line icons, redrawn in the palette's colours."""

    def __init__(self, toolbar: QToolBar) -> None:
        super().__init__(toolbar)
        self.names: dict[QAction, str] = {}

    def draw(self) -> None:
        palette = QGuiApplication.palette()
        for action, name in self.names.items():
            action.setIcon(line_icon(name, palette))


def line_icon(name: str, palette: QPalette) -> QIcon:
    """The SVG line icon ``name`` in the palette's text colour, and greyed for a disabled action."""
    svg = resource("icons", "actions", f"{name}.svg").read_text(encoding="utf-8")
    icon = QIcon()
    for mode, group in ((QIcon.Mode.Normal, QPalette.ColorGroup.Active), (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled)):
        colour = palette.color(group, _Role.WindowText).name()
        renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", colour).encode()))
        for size in ICON_SIZES:
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            renderer.render(painter, QRectF(0, 0, size, size))
            painter.end()
            icon.addPixmap(pixmap, mode)
    return icon


class StoryFont(QObject):
    """The story's font and size: the user's choice (View > Story Font…, zoom), kept in the settings."""

    def __init__(self, editor: QWidget, settings: Settings, chosen=lambda family: None) -> None:
        """``chosen(family)`` hears of each family chosen (the issue cards quote the story in it)."""
        super().__init__(editor)
        self._editor, self._settings, self._chosen = editor, settings, chosen
        font = QFont(settings.font_family or DEFAULT_STORY_FAMILY)
        font.setStyleHint(QFont.StyleHint.Serif)
        font.setPointSize(settings.font_size or DEFAULT_STORY_SIZE)
        self._set(font)

    def add_to(self, menu: QMenu, window: QWidget) -> QAction:
        """View > Zoom In, Zoom Out (their keys work anywhere in ``window``) and Story Font…, which it returns."""
        for label, keys, slot in (
            ("Zoom &In", QKeySequence.StandardKey.ZoomIn, lambda: self.zoom(1)),
            ("Zoom &Out", QKeySequence.StandardKey.ZoomOut, lambda: self.zoom(-1)),
            ("Story &Font…", QKeySequence(), self.choose),
        ):
            action = menu.addAction(label)
            action.setShortcut(keys)
            action.triggered.connect(slot)
            window.addAction(action)
        return action

    def zoom(self, steps: int) -> None:
        font = self._editor.font()
        font.setPointSize(max(MIN_STORY_SIZE, min(MAX_STORY_SIZE, font.pointSize() + steps)))
        self._set(font)
        self._settings.font_size = font.pointSize()

    def choose(self) -> None:
        chosen, font = self.ask(self._editor.font())
        if chosen:
            font.setPointSize(max(MIN_STORY_SIZE, min(MAX_STORY_SIZE, font.pointSize())))
            self._set(font)
            self._settings.font_family = font.family()
            self._settings.font_size = font.pointSize()

    def ask(self, font: QFont) -> tuple[bool, QFont]:
        """Asks for a font; the one place tests replace to choose one as a person would."""
        return QFontDialog.getFont(font, self._editor.window(), "Story Font")

    def _set(self, font: QFont) -> None:
        modified = self._editor.document().isModified()
        self._editor.setFont(font)
        self._editor.document().setModified(modified)  # a new font is no change to the story
        self._chosen(font.family())

"""The toolbar's house-style box: AP, British, or a style file of the user's; remembered in the settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QMainWindow

from editor.app.settings import Settings
from editor.engine import HouseStyle, StyleError, builtin_style, load_style
from editor.engine.style import DEFAULT_STYLE

STYLE_FILE_ITEM = "Style file…"


class StyleChooser(QComboBox):
    """``chosen(style)`` when the user picks a house style that loads; one that does not is
    named with its reason (the window's ``tell``) and the style in force stays."""

    chosen = Signal(object)

    def __init__(self, window: QMainWindow, settings: Settings, notes: list[str]) -> None:
        super().__init__()
        self._window, self._settings = window, settings
        self.addItem("AP", "ap")
        self.addItem("British", "british")
        self.addItem(STYLE_FILE_ITEM, None)
        try:
            self.style: HouseStyle = load_style(settings.style)
        except StyleError as error:
            notes.append(f"House style not loaded, using {DEFAULT_STYLE.upper()}: {error}")
            self.style = builtin_style(DEFAULT_STYLE)
        self._show_choice(settings.style)
        self.activated.connect(self._picked)

    def _picked(self, index: int) -> None:
        choice = self.itemData(index)
        if choice is None:
            choice, _ = QFileDialog.getOpenFileName(self._window, "House style file", "", "House styles (*.toml)")
            if not choice:
                self._show_choice(self._settings.style)
                return
        self.set_style(choice)

    def set_style(self, name_or_path: str) -> bool:
        try:
            style = load_style(name_or_path)
        except StyleError as error:
            self._window.tell("House style not changed", f"{error}\n\nThe house style stays {self.style.name}.")
            self._show_choice(self._settings.style)
            return False
        self._settings.style, self.style = name_or_path, style
        self._show_choice(name_or_path)
        self.chosen.emit(style)
        return True

    def _show_choice(self, name_or_path: str) -> None:
        index = self.findData(name_or_path)
        if index < 0:
            self.insertItem(self.count() - 1, Path(name_or_path).stem, name_or_path)
            index = self.findData(name_or_path)
        self.setCurrentIndex(index)

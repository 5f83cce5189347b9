"""File > Open Recent: the files opened or saved lately, newest first, as the settings keep them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMenu, QWidget

from editor.app.settings import Settings


class RecentFilesMenu(QMenu):
    def __init__(self, settings: Settings, open_path: Callable[[str], object], parent: QWidget | None = None) -> None:
        super().__init__("Open &Recent", parent)
        self._settings, self._open_path = settings, open_path
        self._refresh()

    def remember(self, path: str) -> None:
        """``path`` was opened or saved: it goes to the top."""
        self._settings.remember_recent(path)
        self._refresh()

    def _refresh(self) -> None:
        self.clear()
        for path in self._settings.recent:
            self.addAction(path).triggered.connect(lambda _=False, p=path: self._open_path(p))
        self.setEnabled(bool(self._settings.recent))

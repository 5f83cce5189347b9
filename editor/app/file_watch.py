"""Notices when another program changes or removes the open story's file.

The file's folder is watched as well as the file: a program that saves by
writing a new file and renaming it over the old one (as Copydesk itself does)
replaces the file the watcher was following. Notifications come in bursts,
so they are looked at once things settle; what the window last read or wrote
is remembered by its digest, so Copydesk's own saves are not reported.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

SETTLE_MS = 200


def _digest(path: Path) -> bytes | None:
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
    except OSError:
        return None


class DiskFile(QObject):
    changedOnDisk = Signal()
    removedFromDisk = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._look)
        self._watcher.fileChanged.connect(self._settle.start)
        self._watcher.directoryChanged.connect(self._settle.start)
        self.path: Path | None = None
        self._known: bytes | None = None  # what the window read or wrote last
        self._reported: bytes | None = None  # what was on disk when last reported

    def follow(self, path: Path | None) -> None:
        """Watch ``path``, whose content on disk is what the window now has (just read or written)."""
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        self.path = path
        self._known = self._reported = None if path is None else _digest(path)
        if path is not None:
            self._watcher.addPaths([str(path), str(path.parent)])

    def changed(self) -> bool:
        """Whether the file holds something other than what the window read or wrote last."""
        if self.path is None:
            return False
        now = _digest(self.path)
        return now is not None and now != self._known

    def _look(self) -> None:
        if self.path is None:
            return
        now = _digest(self.path)
        if now == self._reported:
            return
        self._reported = now
        if str(self.path) not in self._watcher.files() and now is not None:
            self._watcher.addPath(str(self.path))  # a file replaced by a rename is no longer watched
        if now is None:
            self.removedFromDisk.emit()
        elif now != self._known:
            self.changedOnDisk.emit()

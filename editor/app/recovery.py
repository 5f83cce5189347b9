"""Recovery copies: unsaved stories kept in the user's data folder until saved, closed or restored.

Each window writes its unsaved story to its own copy, ``<id>.json``, and holds
``<id>.lock`` while it runs. A copy whose lock can be taken belongs to a
Copydesk that ended without cleaning up (killed, crashed, logged out): that is
the copy to offer at the next start. QLockFile knows a dead owner by its
process id, so a lock held for hours by a running window is never taken.
"""

from __future__ import annotations

import contextlib
import json
import logging
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QFileDevice, QLockFile, QSaveFile

from editor.changes import Record
from editor.userdata import data_folder, private_folder

_log = logging.getLogger(__name__)

# Unsaved copy is nobody else's business: the folder is 0700 and each copy 0600.
_OWNER_ONLY = QFileDevice.Permission.ReadOwner | QFileDevice.Permission.WriteOwner


def default_folder() -> Path:
    return data_folder() / "recovery"


@dataclass(frozen=True)
class Snapshot:
    """What a window needs to bring an unsaved story back as it was, its record of changes too
    (none in a copy left by a Copydesk that kept no record)."""

    text: str
    path: str | None
    encoding: str
    newline: str
    record: Record | None = None


@dataclass
class Orphan:
    """A recovery copy left by a Copydesk that is no longer running; its lock is held while deciding."""

    snapshot: Snapshot
    name: str
    changed: datetime
    file: Path
    lock: QLockFile
    problem: str = ""  # why its record of changes could not be read (the story itself could)

    def discard(self) -> None:
        _remove(self.file)
        self.lock.unlock()

    def keep(self) -> None:
        """Leaves the copy to be offered again at the next start."""
        self.lock.unlock()


class RecoveryCopy:
    """One window's recovery copy; nothing is on disk until the first unsaved change."""

    def __init__(self, folder: Path) -> None:
        name = uuid.uuid4().hex
        self.file = folder / f"{name}.json"
        self._lock = _lock(folder / f"{name}.lock")

    def write(self, snapshot: Snapshot, name: str) -> str | None:
        """Writes the copy atomically; None, or why it could not be written."""
        try:
            private_folder(self.file.parent)
        except OSError as error:
            return f"{self.file.parent}: {error.strerror or error}"
        if not self._lock.isLocked() and not self._lock.tryLock(0):
            return f"{self.file.parent}: its lock file cannot be created"
        fields = {"name": name, "changed": datetime.now().astimezone().isoformat(timespec="seconds"), **vars(snapshot)}
        # The record's dataclasses as their fields (asdict's deep copy costs milliseconds a copy).
        data = json.dumps(fields, ensure_ascii=False, default=vars).encode("utf-8", "surrogatepass")
        target = QSaveFile(str(self.file))
        if (
            not target.open(QSaveFile.OpenModeFlag.WriteOnly)
            or not target.setPermissions(_OWNER_ONLY)
            or target.write(data) != len(data)
            or not target.commit()
        ):
            return target.errorString()
        return None

    def remove(self) -> None:
        _remove(self.file)

    def close(self) -> None:
        self.remove()
        self._lock.unlock()


def orphans(folder: Path) -> list[Orphan]:
    """Copies whose Copydesk is gone, oldest first; copies that cannot be read are left where they are."""
    found = []
    for file in folder.glob("*.json"):
        lock = _lock(file.with_suffix(".lock"))
        if not lock.tryLock(0):
            continue  # a running window's copy
        try:
            fields = json.loads(file.read_bytes().decode("utf-8", "surrogatepass"))
            record, problem = _record_in(fields, file)
            snapshot = Snapshot(fields["text"], fields["path"], fields["encoding"], fields["newline"], record)
            changed = datetime.fromisoformat(fields["changed"])
            found.append(Orphan(snapshot, fields["name"], changed, file, lock, problem))
        except (OSError, ValueError, KeyError, TypeError):
            lock.unlock()
    return sorted(found, key=lambda orphan: orphan.changed)


def _record_in(fields: dict, file: Path) -> tuple[Record | None, str]:
    """A copy's record of changes (none in a copy an older Copydesk wrote), or why it cannot be read."""
    if fields.get("record") is None:
        return None, ""
    try:
        return Record.from_dict(fields["record"]), ""
    except (KeyError, TypeError) as error:
        _log.warning("the record of changes in %s cannot be read: %r", file, error)
        return None, f"its record of changes could not be read ({type(error).__name__}: {error})"


def _remove(file: Path) -> None:
    # Gone already, or in a folder that never came to be: either way nothing to remove.
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        file.unlink()


def _lock(path: Path) -> QLockFile:
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # stale only when its process is gone, however long a window stays open
    return lock

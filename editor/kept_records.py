"""Records of changes kept with saved stories, in the user's data folder, for as long as they apply. No Qt.

A story's record of changes (``editor.changes.Record``) lasts only as long as
its window unless it is kept: it is written here with every save of the story
and when the story is accepted, and taken up when the same file is opened
again, in a later window or after a crash. It is found by the story's file
(its resolved path, hashed into the record's name), and taken up only if the
file still holds the text the record was kept with (a hash of the text as the
editor holds it): the record's offsets are into that text, and a file another
program has changed since would be shown changes nobody made.

A record goes when it can no longer apply: when its story is opened changed
or the record cannot be read, and, when Copydesk starts, once nobody has
saved or opened its story for ``KEEP_DAYS`` days (a story deleted or moved
leaves its record that long). Records are the user's only, like unsaved copy.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from editor.changes import Record
from editor.userdata import data_folder, write_private

_log = logging.getLogger(__name__)

KEEP_DAYS = 90
_SECONDS_A_DAY = 24 * 60 * 60


def records_folder() -> Path:
    return data_folder() / "records"


def text_hash(text: str) -> str:
    """What a kept record remembers of the story's text."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# Why a record kept for a story is not taken up.
CHANGED = "changed"  # the file holds other text than the record was kept with
UNREADABLE = "unreadable"  # the record cannot be read (the log says why)


@dataclass(frozen=True)
class Found:
    """What was kept for a story: its record, or none and why (``CHANGED``, ``UNREADABLE``, or
    "" when none was kept)."""

    record: Record | None
    problem: str = ""


class KeptRecords:
    """The records kept in ``folder``, one file a story."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def file_of(self, story: Path) -> Path:
        """Where the record of the story at ``story`` is kept, whatever name it was opened by."""
        resolved = str(story.resolve()).encode("utf-8", "surrogateescape")
        return self.folder / f"{hashlib.sha256(resolved).hexdigest()}.json"

    def keep(self, story: Path, text: str, record: Record) -> None:
        """Keeps ``record`` for the story at ``story`` whose text (as the editor holds it) is ``text``;
        ``OSError`` if it cannot be written."""
        fields = {
            "story": str(story.resolve()),
            "text": text_hash(text),
            "kept": datetime.now().astimezone().isoformat(timespec="seconds"),
            "record": record,
        }
        # The record's dataclasses as their fields, as in the recovery copy.
        data = json.dumps(fields, ensure_ascii=False, default=vars).encode("utf-8", "surrogatepass")
        write_private(self.file_of(story), data)

    def find(self, story: Path, text: str) -> Found:
        """The record kept for the story at ``story`` if it was kept with ``text``. A record kept with
        other text, or that cannot be read, can never apply: it is removed."""
        file = self.file_of(story)
        try:
            fields = json.loads(file.read_bytes().decode("utf-8", "surrogatepass"))
            record = Record.from_dict(fields["record"])
            kept_with = fields["text"]
        except FileNotFoundError:
            return Found(None)
        except (OSError, ValueError, KeyError, TypeError) as error:
            _log.warning("the record of changes kept in %s for %s cannot be read: %r", file, story, error)
            self._remove(file)
            return Found(None, UNREADABLE)
        if kept_with != text_hash(text):
            self._remove(file)
            return Found(None, CHANGED)
        try:
            os.utime(file)  # opened: its days start again
        except OSError as error:
            _log.warning("the record of changes %s cannot be marked as used: %r", file, error)
        return Found(record)

    def forget(self, story: Path) -> None:
        """No record is kept for the story at ``story`` any more."""
        self._remove(self.file_of(story))

    def prune(self, now: float | None = None) -> list[Path]:
        """Removes the records not saved or opened for ``KEEP_DAYS`` days (and what a write cut short
        left); what was removed."""
        oldest = (time.time() if now is None else now) - KEEP_DAYS * _SECONDS_A_DAY
        try:
            entries = list(os.scandir(self.folder))
        except FileNotFoundError:
            return []  # nothing kept yet
        except OSError as error:
            _log.warning("the records of changes in %s cannot be listed: %r", self.folder, error)
            return []
        removed = []
        for entry in entries:
            if not entry.name.endswith((".json", ".tmp")):
                continue
            try:
                if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < oldest:
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
            except FileNotFoundError:
                continue  # removed meanwhile by another Copydesk
            except OSError as error:
                _log.warning("the record of changes %s cannot be removed: %r", entry.path, error)
        return removed

    def _remove(self, file: Path) -> None:
        try:
            file.unlink(missing_ok=True)
        except OSError as error:
            _log.warning("the record of changes %s cannot be removed: %r", file, error)

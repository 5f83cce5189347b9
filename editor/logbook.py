"""Where failures are written down: a rotating log in the user's state folder.

``$XDG_STATE_HOME/copydesk/copydesk.log`` (by default under
``~/.local/state``) gets every warning and error of every part of Copydesk,
with its traceback: a rule that raised, LanguageTool's answer that could not
be read. It is kept to a few files of a megabyte, readable by the user only.
The file is made when there is first something to write.
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

from editor.userdata import open_private, private_folder, state_folder

LOG_NAME = "copydesk.log"
MAX_BYTES = 1_000_000
BACKUPS = 3

_logger = logging.getLogger("editor")


class _PrivateLog(RotatingFileHandler):
    def _open(self):
        path = Path(self.baseFilename)
        private_folder(path.parent)
        return os.fdopen(open_private(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT), "a", encoding=self.encoding)


def log_path() -> Path:
    return state_folder() / LOG_NAME


def start_log() -> Path:
    """Sends Copydesk's warnings and errors to the log in the state folder now in force; returns its path."""
    path = log_path()
    for handler in _logger.handlers:
        if isinstance(handler, _PrivateLog):
            if Path(handler.baseFilename) == path.absolute():
                return path
            stop_log()
    handler = _PrivateLog(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    _logger.addHandler(handler)
    return path


def stop_log() -> None:
    for handler in [handler for handler in _logger.handlers if isinstance(handler, _PrivateLog)]:
        _logger.removeHandler(handler)
        handler.close()

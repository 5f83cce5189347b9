"""The user's own Copydesk files: the data folder and the dictionary in it, and the state folder for logs.

The folders are worked out here, without Qt, so that ``copydesk check`` reads
the same dictionary the window writes; the data folder is where Qt's
AppDataLocation puts an application's data on Linux. The dictionary holds one
word or name a line.

Unsaved stories, records of changes, the words a newsroom is working on and
the logs are the user's alone: folders Copydesk makes are readable by the
user only (0700) and so are the files it writes there (0600), whatever the
umask.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from editor.engine.textfile import TextFileError, read_story_file

ORGANIZATION = APPLICATION = "Copydesk"
PRIVATE_FOLDER, PRIVATE_FILE = 0o700, 0o600


def _xdg_home(variable: str, *default: str) -> Path:
    # The base-directory spec: a relative path in the variable is invalid and ignored.
    value = os.environ.get(variable, "")
    return Path(value) if os.path.isabs(value) else Path.home().joinpath(*default)


def data_home() -> Path:
    return _xdg_home("XDG_DATA_HOME", ".local", "share")


def data_folder() -> Path:
    return data_home() / ORGANIZATION / APPLICATION


def state_folder() -> Path:
    """Where Copydesk keeps its logs: ``$XDG_STATE_HOME/copydesk``."""
    return _xdg_home("XDG_STATE_HOME", ".local", "state") / "copydesk"


def private_folder(folder: Path) -> Path:
    """Makes ``folder`` (and any missing parent) readable by the user only; ``OSError`` if it cannot."""
    missing = [parent for parent in (folder, *folder.parents) if not parent.exists()]
    for parent in reversed(missing):
        parent.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)
        os.chmod(parent, PRIVATE_FOLDER)  # mkdir's mode is cut by the umask
    if folder.stat().st_mode & 0o777 != PRIVATE_FOLDER:
        os.chmod(folder, PRIVATE_FOLDER)  # made by an older Copydesk
    return folder


def open_private(path: Path, flags: int) -> int:
    """A descriptor of ``path`` opened with ``flags``; the file is the user's only (0600)."""
    descriptor = os.open(path, flags | os.O_CLOEXEC, PRIVATE_FILE)
    try:
        os.fchmod(descriptor, PRIVATE_FILE)  # open's mode is cut by the umask, and ignored for an old file
    except OSError:
        os.close(descriptor)
        raise
    return descriptor


def write_private(path: Path, data: bytes) -> None:
    """Writes ``path`` whole or not at all (a new file swapped in), the user's only in a folder of
    theirs; ``OSError`` if it cannot be written."""
    private_folder(path.parent)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            os.fchmod(handle.fileno(), PRIVATE_FILE)  # mkstemp's 0600 is cut by the umask
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())  # on disk before it takes the name: a crash leaves old or new
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def dictionary_path() -> Path:
    return data_folder() / "dictionary.txt"


def read_dictionary(path: Path) -> set[str]:
    """The words in ``path``, none if there is no such file yet; ``TextFileError`` if it cannot be read."""
    if not path.exists():
        return set()
    return {line.strip() for line in read_story_file(path).text.splitlines() if line.strip()}


def load_dictionary(path: Path) -> tuple[set[str], str | None]:
    """The words in ``path``, and None; or no words, and why the file could not be read."""
    try:
        return read_dictionary(path), None
    except TextFileError as error:
        return set(), f"{path}: {error}"


def add_to_dictionary(path: Path, word: str) -> None:
    """Adds ``word`` to the dictionary file; ``OSError`` if it cannot be written."""
    private_folder(path.parent)
    with os.fdopen(open_private(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT), "a", encoding="utf-8") as handle:
        handle.write(word + "\n")

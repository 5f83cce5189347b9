"""The user's own Copydesk data: its folder, and the dictionary of words never flagged as misspelt.

The folder is worked out here, without Qt, so that ``copydesk check`` reads
the same dictionary the window writes; it is where Qt's AppDataLocation puts
an application's data on Linux. The dictionary holds one word or name a line.
"""

from __future__ import annotations

from pathlib import Path

from editor.desktop import data_home
from editor.engine.textfile import read_story_file

ORGANIZATION = APPLICATION = "Copydesk"


def data_folder() -> Path:
    return data_home() / ORGANIZATION / APPLICATION


def dictionary_path() -> Path:
    return data_folder() / "dictionary.txt"


def read_dictionary(path: Path) -> set[str]:
    """The words in ``path``, none if there is no such file yet; ``TextFileError`` if it cannot be read."""
    if not path.exists():
        return set()
    return {line.strip() for line in read_story_file(path).text.splitlines() if line.strip()}

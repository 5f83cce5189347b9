"""The user's own files: the dictionary and the logs are readable by the user only, whatever the umask."""

import logging
import os

import pytest

from editor.logbook import BACKUPS, MAX_BYTES
from editor.userdata import add_to_dictionary, load_dictionary, read_dictionary


@pytest.fixture
def open_umask():
    old = os.umask(0o000)
    yield
    os.umask(old)


def mode(path):
    return oct(path.stat().st_mode & 0o777)


def test_the_dictionary_and_its_folders_are_the_users_only(tmp_path, open_umask):
    path = tmp_path / "data" / "Copydesk" / "Copydesk" / "dictionary.txt"
    add_to_dictionary(path, "Gatilov")
    add_to_dictionary(path, "colour")
    assert read_dictionary(path) == {"Gatilov", "colour"}
    assert mode(path) == oct(0o600)
    assert {mode(folder) for folder in (path.parent, path.parent.parent, tmp_path / "data")} == {oct(0o700)}


def test_a_dictionary_an_older_copydesk_left_readable_is_closed_to_others(tmp_path, open_umask):
    path = tmp_path / "dictionary.txt"
    path.write_text("colour\n")
    path.chmod(0o644)
    add_to_dictionary(path, "favour")
    assert mode(path) == oct(0o600) and read_dictionary(path) == {"colour", "favour"}


def test_an_unreadable_dictionary_is_no_words_and_the_reason(tmp_path):
    path = tmp_path / "dictionary.txt"
    path.write_bytes(b"colour\x00")
    assert load_dictionary(path) == (set(), f"{path}: looks like a binary file (a NUL byte on line 1), not text")


def test_the_log_and_the_files_it_rotates_to_are_the_users_only(tmp_path, open_umask, failure_log):
    assert failure_log == tmp_path / "state" / "copydesk" / "copydesk.log"
    logging.getLogger("editor.session").error("a failure")
    [handler] = [handler for handler in logging.getLogger("editor").handlers if handler.baseFilename == str(failure_log)]
    assert (handler.maxBytes, handler.backupCount) == (MAX_BYTES, BACKUPS)
    handler.doRollover()  # as when the log reaches its size
    logging.getLogger("editor.session").error("another failure")
    assert sorted(path.name for path in failure_log.parent.iterdir()) == ["copydesk.log", "copydesk.log.1"]
    assert {mode(path) for path in failure_log.parent.iterdir()} == {oct(0o600)}
    assert mode(failure_log.parent) == oct(0o700)

"""Records of changes kept with saved stories, without Qt: found by the story's file whatever it is
called, taken up only with the text they were kept with, removed when they cannot apply or have
not been used for long, and the user's only."""

import os
import time

import pytest

from editor.changes import Fix, Record
from editor.kept_records import CHANGED, KEEP_DAYS, UNREADABLE, Found, KeptRecords, records_folder
from editor.userdata import data_folder, write_private

BASE = "Officials said the the talks ended.\n"
TEXT = "Officials said the talks ended in Geneva.\n"
RECORD = Record(BASE, (Fix(14, 18, "repeated-word", "“the” is repeated", " the", " the the"),), "2025-05-06T14:02:00+02:00")


@pytest.fixture
def kept(tmp_path):
    return KeptRecords(tmp_path / "records")


def mode(path):
    return oct(path.stat().st_mode & 0o777)


def test_records_are_kept_in_the_data_folder(data_home):
    assert records_folder() == data_folder() / "records" == data_home / "Copydesk" / "Copydesk" / "records"


def test_a_record_kept_with_a_story_is_found_by_any_name_of_its_file(kept, tmp_path):
    story = tmp_path / "desk" / "story.txt"
    story.parent.mkdir()
    story.write_text(TEXT)
    (tmp_path / "link.txt").symlink_to(story)
    kept.keep(story, TEXT, RECORD)
    assert kept.find(tmp_path / "desk" / ".." / "link.txt", TEXT) == Found(RECORD)
    assert kept.find(story, TEXT) == Found(RECORD)  # and still there: it lasts until the story changes
    assert kept.find(tmp_path / "other.txt", TEXT) == Found(None)  # another story: nothing kept, nothing to say


def test_keeping_again_replaces_the_record(kept, tmp_path):
    story = tmp_path / "story.txt"
    kept.keep(story, TEXT, RECORD)
    accepted = Record(TEXT, (), "2025-05-07T09:00:00+02:00", accepted=True)
    kept.keep(story, TEXT, accepted)
    assert kept.find(story, TEXT) == Found(accepted)
    assert [file.name for file in kept.folder.iterdir()] == [kept.file_of(story).name]  # no write left half-done


def test_a_record_kept_with_other_text_is_not_taken_up_and_goes(kept, tmp_path):
    story = tmp_path / "story.txt"
    kept.keep(story, TEXT, RECORD)
    assert kept.find(story, TEXT + "A paragraph another program added.\n") == Found(None, CHANGED)
    assert not kept.file_of(story).exists()
    assert kept.find(story, TEXT) == Found(None)


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"{not json", "JSONDecodeError('Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'"),
        (b'{"text": "sha256:0", "record": {"base": 3, "fixes": [], "since": "", "accepted": false}}',
         "TypeError('a record of changes holds texts and offsets')"),
        (b'{"record": {}}', "KeyError('fixes')"),
        (b"\xff\xfe", "UnicodeDecodeError('utf-8', b'\\xff\\xfe', 0, 1, 'invalid start byte')"),
    ],
)
def test_a_record_that_cannot_be_read_is_not_taken_up_and_goes(kept, tmp_path, content, reason, caplog):
    story = tmp_path / "story.txt"
    write_private(kept.file_of(story), content)
    assert kept.find(story, TEXT) == Found(None, UNREADABLE)
    assert not kept.file_of(story).exists()
    assert f"for {story} cannot be read: {reason}" in caplog.text  # the log says why


def test_forgetting_a_record_removes_it(kept, tmp_path):
    story = tmp_path / "story.txt"
    kept.keep(story, TEXT, RECORD)
    kept.forget(story)
    kept.forget(story)  # nothing kept: nothing to do
    assert kept.find(story, TEXT) == Found(None)


def test_records_not_used_for_the_days_they_are_kept_are_pruned(kept, tmp_path):
    now = time.time()
    old, used, recent = (tmp_path / name for name in ("old.txt", "used.txt", "recent.txt"))
    for story in (old, used, recent):
        kept.keep(story, TEXT, RECORD)
    long_ago = now - KEEP_DAYS * 24 * 60 * 60 - 60
    for story in (old, used):
        os.utime(kept.file_of(story), (long_ago, long_ago))
    left_over = kept.folder / ".cut-short.json.tmp"  # a write a crash cut short
    left_over.write_bytes(b"{")
    os.utime(left_over, (long_ago, long_ago))
    not_ours = kept.folder / "notes.md"
    not_ours.write_text("mine")
    os.utime(not_ours, (long_ago, long_ago))
    assert kept.find(used, TEXT) == Found(RECORD)  # opened: its days start again
    assert sorted(kept.prune(now)) == sorted([kept.file_of(old), left_over])
    assert kept.find(used, TEXT) == Found(RECORD) and kept.find(recent, TEXT) == Found(RECORD)
    assert kept.find(old, TEXT) == Found(None) and not_ours.exists()


def test_pruning_with_nothing_kept_yet_does_nothing(tmp_path):
    assert KeptRecords(tmp_path / "never-made").prune() == []


@pytest.fixture
def open_umask():
    old = os.umask(0o000)
    yield
    os.umask(old)


def test_kept_records_and_their_folders_are_the_users_only_whatever_the_umask(kept, tmp_path, open_umask):
    kept.folder.parent.mkdir(mode=0o755, exist_ok=True)
    story = tmp_path / "story.txt"
    kept.keep(story, TEXT, RECORD)
    assert mode(kept.file_of(story)) == oct(0o600) and mode(kept.folder) == oct(0o700)
    kept.folder.chmod(0o755)  # made open by an older Copydesk or by hand
    kept.file_of(story).chmod(0o644)
    kept.keep(story, TEXT, RECORD)
    assert mode(kept.file_of(story)) == oct(0o600) and mode(kept.folder) == oct(0o700)


def test_a_record_that_cannot_be_written_leaves_the_one_kept_before(kept, tmp_path, monkeypatch):
    story = tmp_path / "story.txt"
    kept.keep(story, TEXT, RECORD)

    def full_disk(descriptor):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space left"):
        kept.keep(story, BASE, Record(BASE))
    monkeypatch.undo()
    assert kept.find(story, TEXT) == Found(RECORD)
    assert [file.name for file in kept.folder.iterdir()] == [kept.file_of(story).name]

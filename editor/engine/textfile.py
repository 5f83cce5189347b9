"""Reads a story file as text, refusing what is not text with a reason a person understands.

The text is returned exactly as stored, line endings and all, so that offsets
in the issues are offsets into the file's text; a byte-order mark is an
encoding marker, not text, and is not part of it.
"""

from __future__ import annotations

import codecs
import os


class TextFileError(Exception):
    pass


def read_story(source: str | os.PathLike | bytes, name: str | None = None) -> str:
    """The text of a story file (or of raw bytes), or ``TextFileError`` saying why not."""
    if isinstance(source, bytes):
        data = source
    else:
        if os.path.isdir(source):
            raise TextFileError("is a directory, not a story file")
        try:
            with open(source, "rb") as handle:
                data = handle.read()
        except FileNotFoundError:
            raise TextFileError("no such file") from None
        except OSError as error:
            raise TextFileError(f"cannot be read: {error.strerror or error}") from None
    return decode_story(data)


def decode_story(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise TextFileError("starts like UTF-16 text but is not valid UTF-16") from None
    if b"\x00" in data:
        raise TextFileError("looks like a binary file (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TextFileError(f"is not UTF-8 text (bad byte at offset {error.start})") from None

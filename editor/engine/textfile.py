"""Reads and writes story files, refusing what is not text with a reason a person understands.

The text is returned exactly as stored, line endings and all, so that offsets
in the issues are offsets into the file's text; a byte-order mark is an
encoding marker, not text, and is not part of it. The encoding found is
returned too, so that a story is saved back the way it came.

Encodings read: UTF-8 (with or without a byte-order mark), UTF-16 with a
byte-order mark, and Windows-1252 for files that are not valid UTF-8 (wire
copy from older Windows systems); anything with NUL bytes is binary.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass

UTF8, UTF8_BOM, WINDOWS_1252 = "utf-8", "utf-8-sig", "windows-1252"
_UTF16_BOMS = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}

# Bytes Windows-1252 leaves undefined, and control characters no story has:
# their presence means the file is not Windows-1252 text either.
_NOT_1252 = frozenset(b"\x81\x8d\x8f\x90\x9d") | frozenset(range(0x20)) - frozenset(b"\t\n\r\f")


class TextFileError(Exception):
    pass


@dataclass(frozen=True)
class DecodedStory:
    text: str
    encoding: str


def read_story(source: str | os.PathLike | bytes) -> str:
    """The text of a story file (or of raw bytes), or ``TextFileError`` saying why not."""
    return read_story_file(source).text


def read_story_file(source: str | os.PathLike | bytes) -> DecodedStory:
    if isinstance(source, bytes):
        return decode_story(source)
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


def decode_story(data: bytes) -> DecodedStory:
    for encoding, bom in _UTF16_BOMS.items():
        if data.startswith(bom):
            try:
                return DecodedStory(data[len(bom) :].decode(encoding), encoding)
            except UnicodeDecodeError:
                raise TextFileError("starts like UTF-16 text but is not valid UTF-16") from None
    if b"\x00" in data:
        raise TextFileError("looks like a binary file (it contains NUL bytes), not text")
    if data.startswith(codecs.BOM_UTF8):
        encoding = UTF8_BOM
    else:
        encoding = UTF8
    try:
        return DecodedStory(data.decode(encoding), encoding)
    except UnicodeDecodeError as error:
        if encoding == UTF8 and not _NOT_1252.intersection(data):
            return DecodedStory(data.decode(WINDOWS_1252), WINDOWS_1252)
        raise TextFileError(f"is neither UTF-8 nor Windows-1252 text (bad byte at offset {error.start})") from None


def encode_story(text: str, encoding: str) -> bytes:
    """The bytes to save ``text`` as, in the encoding it was read with (BOM included)."""
    return _UTF16_BOMS.get(encoding, b"") + text.encode(encoding)

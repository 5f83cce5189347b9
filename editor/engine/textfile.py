"""Reads and writes story files, refusing what is not text with a reason a person understands.

The text is returned exactly as stored, line endings and all, so that offsets
in the issues are offsets into the file's text; a byte-order mark is an
encoding marker, not text, and is not part of it. The encoding found is
returned too, so that a story is saved back the way it came.

Encodings read: UTF-8 (with or without a byte-order mark), UTF-16 with a
byte-order mark, and Windows-1252 for files that are not valid UTF-8 (wire
copy from older Windows systems); anything with NUL bytes is binary.

The window refuses files above ``MAX_STORY_BYTES``: a news story is a few
kilobytes, and a file of megabytes is a log, a dump or a mistake that would
make the window crawl. ``copydesk check`` takes files of many stories, up to
``MAX_BATCH_BYTES``, where only a wait is at stake.
"""

from __future__ import annotations

import codecs
import os
import stat
from dataclasses import dataclass
from typing import BinaryIO

UTF8, UTF8_BOM, WINDOWS_1252 = "utf-8", "utf-8-sig", "windows-1252"
_UTF16_BOMS = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
ENCODING_NAMES = {
    UTF8: "UTF-8",
    UTF8_BOM: "UTF-8 with BOM",
    "utf-16-le": "UTF-16 LE",
    "utf-16-be": "UTF-16 BE",
    WINDOWS_1252: "Windows-1252",
}
LINE_ENDING_NAMES = {"\r\n": "CRLF", "\n": "LF", "\r": "CR"}

MAX_STORY_BYTES = 1_000_000
MAX_BATCH_BYTES = 100_000_000

# Bytes Windows-1252 leaves undefined, and control characters no story has:
# their presence means the file is not Windows-1252 text either.
_NOT_1252 = frozenset(b"\x81\x8d\x8f\x90\x9d") | frozenset(range(0x20)) - frozenset(b"\t\n\r\f")

# Files people open by mistake, named by how they start when they are refused:
# "a PDF document" says more than "a NUL byte on line 3".
_SIGNATURES = {
    b"%PDF-": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive, such as a Word or OpenDocument file",
    b"\x7fELF": "a program",
}


class TextFileError(Exception):
    pass


@dataclass(frozen=True)
class DecodedStory:
    text: str
    encoding: str


def read_story(source: str | os.PathLike | bytes, max_bytes: int = MAX_STORY_BYTES) -> str:
    """The text of a story file (or of raw bytes), or ``TextFileError`` saying why not."""
    return read_story_file(source, max_bytes).text


def read_story_file(source: str | os.PathLike | bytes, max_bytes: int = MAX_STORY_BYTES) -> DecodedStory:
    if isinstance(source, bytes):
        return decode_story(source)
    try:
        kind = os.stat(source)
        if stat.S_ISDIR(kind.st_mode):
            raise TextFileError("is a directory, not a story file")
        if not stat.S_ISREG(kind.st_mode):
            raise TextFileError("is not a regular file (a device, pipe or socket), not a story file")
        _refuse_size(kind.st_size, max_bytes)
        with open(source, "rb") as handle:
            return read_story_stream(handle, max_bytes)
    except FileNotFoundError:
        raise TextFileError("no such file (it may have been moved or deleted)") from None
    except OSError as error:
        raise TextFileError(f"cannot be read: {error.strerror or error}") from None


def read_story_stream(stream: BinaryIO, max_bytes: int = MAX_STORY_BYTES) -> DecodedStory:
    """A story from an open binary stream (a file, standard input), refused past ``max_bytes``."""
    data = stream.read(max_bytes + 1)
    _refuse_size(len(data), max_bytes)
    return decode_story(data)


def _refuse_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise TextFileError(
            f"is too large for a story ({size / 1e6:.1f} MB; Copydesk opens stories up to {max_bytes // 1_000_000} MB)"
        )


def decode_story(data: bytes) -> DecodedStory:
    try:
        return _decode(data)
    except TextFileError:
        kind = next((kind for signature, kind in _SIGNATURES.items() if data.startswith(signature)), None)
        if kind is None:
            raise
        raise TextFileError(f"is a binary file ({kind}), not text") from None


def _decode(data: bytes) -> DecodedStory:
    for encoding, bom in _UTF16_BOMS.items():
        if data.startswith(bom):
            try:
                return DecodedStory(data[len(bom) :].decode(encoding), encoding)
            except UnicodeDecodeError:
                raise TextFileError("starts like UTF-16 text but is not valid UTF-16") from None
    if b"\x00" in data:
        line = _line_at(data, data.index(b"\x00"))
        raise TextFileError(f"looks like a binary file (a NUL byte on line {line}), not text")
    encoding = UTF8_BOM if data.startswith(codecs.BOM_UTF8) else UTF8
    try:
        return DecodedStory(data.decode(encoding), encoding)
    except UnicodeDecodeError as error:
        if encoding == UTF8 and not _NOT_1252.intersection(data):
            return DecodedStory(data.decode(WINDOWS_1252), WINDOWS_1252)
        raise TextFileError(
            f"is neither UTF-8 nor Windows-1252 text (a bad byte on line {_line_at(data, error.start)})"
        ) from None


def encode_story(text: str, encoding: str) -> bytes:
    """The bytes to save ``text`` as, in the encoding it was read with (BOM included).

    Refused with ``TextFileError`` when the bytes would not read back as the
    same text: a character the encoding lacks, a NUL, or Windows-1252 bytes
    that happen to spell UTF-8.
    """
    name = ENCODING_NAMES[encoding]
    if "\x00" in text and encoding not in _UTF16_BOMS:
        line = _line_at(text, text.index("\x00"))
        raise TextFileError(f"a NUL character on line {line} would make the file unreadable as text")
    try:
        data = _UTF16_BOMS.get(encoding, b"") + text.encode(encoding)
    except UnicodeEncodeError as error:
        line = _line_at(text, error.start)
        raise TextFileError(f"“{text[error.start:error.end]}” on line {line} cannot be written in {name}") from None
    try:
        same = _decode(data).text == text
    except TextFileError:
        same = False
    if not same:
        raise TextFileError(f"the text would read back differently if saved in {name}")
    return data


def line_endings(text: str) -> list[str]:
    """The line endings in ``text`` ("\\r\\n", "\\n", "\\r"), the most common first."""
    crlf = text.count("\r\n")
    counts = {"\r\n": crlf, "\n": text.count("\n") - crlf, "\r": text.count("\r") - crlf}
    return sorted((ending for ending, count in counts.items() if count), key=counts.get, reverse=True)


def _line_at(text: str | bytes, index: int) -> int:
    """The 1-based line of ``index``, whichever line endings the text has."""
    before = text[:index]
    cr, lf, crlf = (("\r", "\n", "\r\n") if isinstance(text, str) else (b"\r", b"\n", b"\r\n"))
    return before.count(lf) + before.count(cr) - before.count(crlf) + 1

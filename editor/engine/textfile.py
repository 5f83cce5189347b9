"""Reads and writes story files, refusing what is not text with a reason a person understands.

The text is returned exactly as stored, line endings and all, so that offsets
in the issues are offsets into the file's text; a byte-order mark is an
encoding marker, not text, and is not part of it. The encoding found is
returned too, so that a story is saved back the way it came.

Encodings read: UTF-8 (with or without a byte-order mark), UTF-16 with a
byte-order mark, and Windows-1252 for files that are not valid UTF-8 (wire
copy from older Windows systems); anything with NUL bytes is binary. Files of
the formats people open by mistake (PDF, images, archives, Word, RTF) are
known by how they start and refused before any decoding: a PDF or an RTF file
can be plain ASCII and would otherwise be checked as a story.

The window refuses files above ``MAX_STORY_BYTES``: a news story is a few
kilobytes, and a file of megabytes is a log, a dump or a mistake that would
make the window crawl. ``copydesk check`` takes files of many stories, up to
``MAX_BATCH_BYTES``, where only a wait is at stake.
"""

from __future__ import annotations

import codecs
import os
import re
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

# Files people open by mistake, by how they start: "a PDF document" says more than
# "a NUL byte on line 3", and some have no NUL at all. Each start is one no story has
# ("%PDF-1.7 is the version the court filed" is text: a PDF's header line ends after
# its version).
_BINARY_SIGNATURES = {
    rb"%PDF-\d\.\d[\r\n]": "a PDF document",
    rb"\x89PNG\r\n\x1a\n": "a PNG image",
    rb"\xff\xd8\xff": "a JPEG image",
    rb"GIF8[79]a": "a GIF image",
    rb"RIFF[\x00-\xff]{4}WEBP": "a WebP image",
    rb"II\*\x00|MM\x00\*": "a TIFF image",
    rb"PK\x03\x04": "a ZIP archive, such as a Word or OpenDocument file",
    rb"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "an older Word, Excel or PowerPoint file",
    rb"\x1f\x8b": "a gzip archive",
    rb"BZh[1-9]1AY&SY": "a bzip2 archive",
    rb"\xfd7zXZ\x00": "an xz archive",
    rb"7z\xbc\xaf\x27\x1c": "a 7-Zip archive",
    rb"Rar!\x1a\x07": "a RAR archive",
    rb"\x7fELF": "a program",
    rb"SQLite format 3\x00": "an SQLite database",
}
# Text formats that are not stories: their markup would be checked as copy.
_MARKUP_SIGNATURES = {
    rb"\{\\rtf1": "an RTF document",
    rb"%!PS-Adobe-\d\.\d": "a PostScript document",
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
    """The story in ``data``, or ``TextFileError`` saying why it is not one; the window and ``copydesk check`` both read files with it."""
    refuse_known_format(data)
    return _decode(data)


def refuse_known_format(data: bytes) -> None:
    """``TextFileError`` naming the format if ``data`` starts like a file of a format that is not a story."""
    for signatures, reason in (
        (_BINARY_SIGNATURES, "is a binary file ({}), not text"),
        (_MARKUP_SIGNATURES, "is {}, not plain text: save it as plain text first"),
    ):
        for signature, kind in signatures.items():
            if re.match(signature, data):
                raise TextFileError(reason.format(kind))


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

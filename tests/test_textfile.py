"""Story files: each encoding is read and written back byte for byte; what is not text is refused."""

import codecs

import pytest

from editor.engine.textfile import (
    MAX_STORY_BYTES,
    TextFileError,
    decode_story,
    encode_story,
    line_endings,
    read_story_file,
    read_story_stream,
)

TEXT = "Café owners in Zürich said “prices” rose 5 percent.\r\nSecond line\rThird\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("windows-1252"), "windows-1252"),
    ],
)
def test_each_encoding_round_trips_byte_for_byte(data, encoding):
    decoded = decode_story(data)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding
    assert encode_story(decoded.text, decoded.encoding) == data


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00", "binary"),
        (b"\xff\xfe\x00\xd8", "UTF-16"),
        (b"abc\x81\x02def", "neither UTF-8 nor Windows-1252"),
        # Known by how they start, before any decoding: a PDF can be plain ASCII, with no NUL.
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
         r"binary file \(a PDF document\)"),
        (b"%PDF-1.7\r\n%\xe2\xe3\xcf\xd3\r\n", r"binary file \(a PDF document\)"),
        (b"GIF89a\x01\x01\x01", r"binary file \(a GIF image\)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x01", "older Word, Excel or PowerPoint"),
        (b"\x1f\x8b\x08\x08", "gzip archive"),
        (b"{\\rtf1\\ansi The minister said the the talks failed.}", "an RTF document, not plain text"),
        (b"%!PS-Adobe-3.0\n%%Title: story\n", "a PostScript document, not plain text"),
    ],
)
def test_what_is_not_text_is_refused_with_a_reason(data, reason):
    with pytest.raises(TextFileError, match=reason):
        decode_story(data)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(TextFileError, match="no such file"):
        read_story_file(tmp_path / "gone.txt")
    with pytest.raises(TextFileError, match="directory"):
        read_story_file(tmp_path)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00", "a PDF document"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a JPEG image"),
        (b"PK\x03\x04\x14\x00\x06\x00", "Word or OpenDocument"),
    ],
)
def test_files_opened_by_mistake_are_named(data, kind):
    with pytest.raises(TextFileError, match=f"binary file .*{kind}"):
        decode_story(data)


def test_the_line_of_a_nul_or_a_bad_byte_is_named():
    with pytest.raises(TextFileError, match="NUL byte on line 3"):
        decode_story(b"one\r\ntwo\rthree\x00")
    with pytest.raises(TextFileError, match="bad byte on line 2"):
        decode_story(b"one\n\x81\x02")


def test_a_text_that_merely_starts_like_a_pdf_is_text():
    assert decode_story(b"%PDF-1.7 is the version the court filed.\n").encoding == "utf-8"


def test_a_file_over_the_size_limit_is_refused_without_being_read(tmp_path, monkeypatch):
    import builtins

    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(50_000_000)
    monkeypatch.setattr(builtins, "open", lambda *args, **kwargs: pytest.fail("the file was read"))
    with pytest.raises(TextFileError, match=r"too large for a story \(50.0 MB; Copydesk opens stories up to 1 MB\)"):
        read_story_file(big)


def test_a_stream_over_the_size_limit_is_refused(tmp_path):
    import io

    assert read_story_stream(io.BytesIO(b"a" * MAX_STORY_BYTES)).text == "a" * MAX_STORY_BYTES
    with pytest.raises(TextFileError, match="too large"):
        read_story_stream(io.BytesIO(b"a" * (MAX_STORY_BYTES + 1)))


def test_unreadable_files_and_devices_are_refused(tmp_path):
    # Tests may run as root, where chmod 000 does not stop a read: a path
    # through a regular file fails for everyone.
    (tmp_path / "story.txt").write_text("text")
    with pytest.raises(TextFileError, match="cannot be read: Not a directory"):
        read_story_file(tmp_path / "story.txt" / "inside.txt")
    with pytest.raises(TextFileError, match="not a regular file"):
        read_story_file("/dev/null")


@pytest.mark.parametrize(
    ("text", "encoding", "reason"),
    [
        ("Prices rose\n5 € a day", "windows-1252", None),
        ("Prices rose\n5 ₽ a day", "windows-1252", "“₽” on line 2 cannot be written in Windows-1252"),
        ("Caf\u00c3\u00a9", "windows-1252", "would read back differently if saved in Windows-1252"),
        ("one\r\ntwo\x00", "utf-8", "NUL character on line 2"),
        ("\ufeffLeading mark", "utf-8", "would read back differently if saved in UTF-8"),
        ("one\x00two", "utf-16-le", None),
    ],
)
def test_text_that_would_not_read_back_is_not_encoded(text, encoding, reason):
    if reason is None:
        assert decode_story(encode_story(text, encoding)).text == text
    else:
        with pytest.raises(TextFileError, match=reason):
            encode_story(text, encoding)


@pytest.mark.parametrize(
    ("text", "endings"),
    [("a\r\nb\r\nc\nd", ["\r\n", "\n"]), ("a\rb", ["\r"]), ("a\nb\rc\nd", ["\n", "\r"]), ("one line", [])],
)
def test_line_endings_most_common_first(text, endings):
    assert line_endings(text) == endings


@pytest.mark.parametrize(
    "text",
    ["GIF8 is not a format.", "PK said so.", "{\\rtf is what RTF files start with.", "BZh is a code."],
)
def test_texts_that_start_like_a_format_are_text(text):
    assert decode_story(text.encode()).text == text

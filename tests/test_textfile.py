"""Story files: each encoding is read and written back byte for byte; what is not text is refused."""

import codecs

import pytest

from editor.engine.textfile import TextFileError, decode_story, encode_story, read_story_file

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

from hypothesis import given
from hypothesis import strategies as st

from editor.engine.utf16 import Utf16Offsets


def test_offsets_after_emoji_and_flags():
    text = "🇺🇸 said the the 📰 x"
    offsets = Utf16Offsets(text)
    start = text.index("the the")
    assert offsets.to_utf16(start) == len(text[:start].encode("utf-16-le")) // 2
    assert offsets.from_utf16(offsets.to_utf16(start)) == start


@given(st.text())
def test_round_trip_on_any_text(text):
    offsets = Utf16Offsets(text)
    for index in range(len(text) + 1):
        units = len(text[:index].encode("utf-16-le", "surrogatepass")) // 2
        assert offsets.to_utf16(index) == units
        assert offsets.from_utf16(units) == index

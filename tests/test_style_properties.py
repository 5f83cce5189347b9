"""Any house-style file either loads and checks a story in reasonable time, or is refused naming its file and line."""

import json
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.engine import Checker, StyleError, load_style
from editor.engine.resources import resource
from editor.engine.style import _ARRAYS, _TABLES, _schema

STORY = resource("samples", "wire-story.txt").read_text(encoding="utf-8") + "\n\nUSA us-led defence can not alot the the."
# Far more than any style that loads takes (the slowest, 250 KB of substitutions, about a second).
CHECK_SECONDS = 20

PATTERN_PIECES = ["a", "b", "US", "(", ")", "(?:", "|", "*", "+", "?", "{2,3}", "{1001}", "{4294967295}", r"\1",
                  "(?=", "(?<=", "(?P<n>", "[", "]", r"\w", r"\b", ".", "\\", "$", "^", " ", "é", "\n"]
TEMPLATE_PIECES = [r"\1", r"\9", r"\g<0>", r"\g<n>", r"\g<nope>", r"\q", "\\", "a", "é", "", " "]
WORDS = ["US", "USA", "U.S.", "us", "", " ", "ap", "british", "en-US", "en-GB", "inside", "logical", "the",
         "repeated-word", "no-such-rule", "can not", "a.toml", "/dev/zero", "house.toml", "x" * 300, "\\", '"', "é"]

plain_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
text_value = st.sampled_from(WORDS) | plain_text
pattern_value = st.lists(st.sampled_from(PATTERN_PIECES), max_size=8).map("".join)
template_value = st.lists(st.sampled_from(TEMPLATE_PIECES), max_size=4).map("".join)
value = (
    text_value
    | st.booleans()
    | st.integers(-2, 2)
    | st.lists(text_value, max_size=4)
    | st.dictionaries(st.sampled_from(["EN_QUOTES", "STYLE", "x"]), text_value, max_size=2)
)
# Mostly what each kind of entry needs, so that many files load and their entries reach the rules.
ENTRY_KEYS = {"variants": ["id", "forms"], "substitutions": ["pattern", "replace", "reason"]}
SECTIONS = {**_TABLES, **_ARRAYS}
# A value of the kind each key takes, by the kind's description in the schema.
OF_KIND = {
    "a string": text_value,
    "true or false": st.booleans(),
    "a list of strings": st.lists(text_value, max_size=4),
}
reason_table = st.dictionaries(st.sampled_from(["EN_QUOTES", "STYLE", "x"]), text_value, max_size=2)


def toml_value(item) -> str:
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int):
        return str(item)
    if isinstance(item, str):
        return json.dumps(item, ensure_ascii=False)  # a JSON string is a TOML basic string here
    if isinstance(item, list):
        return "[" + ", ".join(toml_value(part) for part in item) + "]"
    return "{" + ", ".join(f"{toml_value(key)} = {toml_value(part)}" for key, part in item.items()) + "}"


@st.composite
def key_value(draw, section: str, key: str) -> str:
    if key == "pattern":
        item = draw(pattern_value)
    elif key == "replace":
        item = draw(template_value)
    elif key == "find":
        item = draw(st.sampled_from(["can not", "alot", "US", "x", " a b ", "é"]))
    elif key == "forms":
        item = draw(st.lists(text_value, min_size=2, max_size=4))
    elif section in SECTIONS and key in _schema(SECTIONS[section]) and draw(st.integers(0, 5)) != 5:
        kind = _schema(SECTIONS[section])[key][0].description
        item = draw(OF_KIND.get(kind, reason_table))
    else:
        item = draw(value)  # any value, often of the wrong kind
    return f"{key} = {toml_value(item)}"


@st.composite
def style_files(draw) -> str:
    lines = []
    tables = draw(st.lists(st.sampled_from(list(_TABLES)), max_size=3, unique=True))
    if draw(st.integers(0, 9)) == 9:
        tables.append("stlye")
    entries = draw(st.lists(st.sampled_from(list(_ARRAYS)), max_size=4))
    for section in [*tables, *entries]:
        wrong_header = draw(st.integers(0, 19)) == 19
        lines.append(f"[[{section}]]" if (section in _ARRAYS) != wrong_header else f"[{section}]")
        keys = list(ENTRY_KEYS.get(section, [])) if draw(st.integers(0, 3)) != 3 else []
        known = list(_schema(SECTIONS[section])) if section in SECTIONS else ["x"]
        keys += draw(st.lists(st.sampled_from(known), max_size=4, unique=True))
        if draw(st.integers(0, 9)) == 9:
            keys.append("extra")
        for key in dict.fromkeys(keys):
            lines.append(draw(key_value(section, key)))
    if draw(st.integers(0, 9)) == 9:
        lines.insert(draw(st.integers(0, len(lines))), draw(plain_text))  # damage anywhere
    return "\n".join(lines) + "\n"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=style_files())
def test_a_style_file_loads_and_checks_or_is_refused_with_file_and_line(tmp_path, text):
    path = tmp_path / "house.toml"
    path.write_text(text, encoding="utf-8")
    try:
        style = load_style(path)
    except StyleError as error:
        assert error.source == str(path), error
        assert error.line is not None and 1 <= error.line <= text.count("\n") + 1, error
        return
    started = time.process_time()
    Checker(style).check(STORY)
    assert time.process_time() - started < CHECK_SECONDS

"""The variant scan finds what trying every form in turn, longest first, at each word start finds.

The scan's pattern reads each form's first character against a plain class; this
checks it against the plain reading it replaces, on generated wire text and
on a style whose forms share first letters in both cases, and checks that
scanning paragraph by paragraph (as the checker's memo does) finds the same.
"""

import re
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.engine import builtin_style
from editor.engine.story import Story
from editor.engine.style import VariantGroup
from editor.engine.words import INNER_SPACE
from editor.rules.variant_consistency import _compile, _occurrences, _paragraph_occurrences

AP = builtin_style("ap")
MIXED_CASE = replace(
    AP,
    variants=AP.variants
    + (
        VariantGroup(id="u-words", forms=("UNO", "uno", "Un-o"), label="u-words", case_sensitive=False, inflections=("s", "es")),
        VariantGroup(id="us-words", forms=("US Air", "us air"), label="us-words", case_sensitive=True),
    ),
    _compiled={},
)
STYLES = [AP, builtin_style("british"), MIXED_CASE]

PIECES = [
    "US", "U.S.", "U.S.A.", "USA", "us", "usa", "Us", "United States", "United\nStates", "UN", "U.N.",
    "United Nations", "air strike", "Air-strikes", "airstrikes", "ceasefire", "cease-fire", "IS", "ISIS",
    "Isis", "per cent", "percent", "defence", "UNO", "unos", "Un-oes", "uno", "US Air", "us air", "the",
    "-", "-backed", ".", ",", " ", "  ", "\n", "\n\n", "'", "é", "Zürich", "USB", "bus",
]
wire_text = st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join) | st.lists(
    st.sampled_from(PIECES), max_size=40
).map("".join)


def plain_pattern(entry):
    """The form as written, its inflections in group s0, a word boundary after a form ending in one."""
    body = INNER_SPACE.join(re.escape(part) for part in entry.form.split())
    if not entry.group.case_sensitive:
        body = f"(?i:{body})"
    if entry.group.inflections:
        body += "(?P<s0>" + "|".join(map(re.escape, sorted(entry.group.inflections, key=len, reverse=True))) + ")?"
    return body + (r"(?!\w)" if re.match(r"\w", entry.form[-1]) else "")


def reference_occurrences(text, style):
    """At each word start whose first character some form starts with, the first form (longest first) that matches."""
    _, forms = _compile(style)
    patterns = [re.compile(plain_pattern(entry)) for entry in forms]
    first = {entry.form[0] for entry in forms} | {
        entry.form[0].swapcase() for entry in forms if not entry.group.case_sensitive
    }
    found, position = [], 0
    while position < len(text):
        if text[position] in "".join(first) and not (position and re.match(r"\w", text[position - 1])):
            for entry, pattern in zip(forms, patterns):
                match = pattern.match(text, position)
                if match:
                    suffix = (match.group("s0") or "") if entry.group.inflections else ""
                    found.append((entry.form, match.start(), match.end(), suffix))
                    position = match.end()
                    break
            else:
                position += 1
        else:
            position += 1
    return found


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(wire_text, st.sampled_from(STYLES))
def test_the_scan_finds_what_trying_every_form_in_turn_finds(text, style):
    scanned = [(o.form.form, o.start, o.end, o.suffix) for o in _occurrences(text, style)]
    assert scanned == reference_occurrences(text, style)


def test_a_form_starting_with_either_case_is_found_in_both():
    text = "UNO and unos and Un-oes and US Air but not Us Air."
    assert [(o.form.form, text[o.start : o.end]) for o in _occurrences(text, MIXED_CASE)] == [
        ("UNO", "UNO"),
        ("UNO", "unos"),
        ("Un-o", "Un-oes"),
        ("US Air", "US Air"),
    ]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(wire_text, st.sampled_from(STYLES))
def test_scanning_paragraph_by_paragraph_finds_what_scanning_the_whole_story_finds(text, style):
    story = Story(text)
    by_paragraph = [
        (o.form.form, o.start + paragraph.start, o.end + paragraph.start, o.suffix)
        for paragraph, found in zip(story.paragraphs, story.per_paragraph(_paragraph_occurrences, style))
        for o in found
    ]
    assert by_paragraph == [(o.form.form, o.start, o.end, o.suffix) for o in _occurrences(text, style)]

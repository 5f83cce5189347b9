"""The record of changes without Qt: the changes between a story as opened and as it is now,
who made each, their context, the record's JSON form, and the export in HTML and plain text."""

import html
import json
import random
import re
from dataclasses import asdict
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor import changes as changes_module
from editor.change_report import HTML_MARKS, Heading, marked_story, report_html, report_text, summary
from editor.changes import TYPED, Fix, Record, find_changes

STORY = (
    "Flood defences fail\n"
    "\n"
    "USA officials said on Tuesday that the the coast guard rescued 40 people.\n"
    "\n"
    "Residents were moved to shelters  inland, officials said."
)


def fixed(text, old, new, rule, message="message"):
    """``text`` with ``old`` replaced by ``new`` as a fix does, and the fix as the record keeps it."""
    start = text.index(old)
    after = text[:start] + new + text[start + len(old) :]
    return after, Fix(start, start + len(new), rule, message, new, old)


def rebuilt_base(text, changes):
    """The base again, from the text now and its changes: each change undone, from the end."""
    for change in reversed(changes):
        text = text[: change.start] + change.removed + text[change.end :]
    return text


def test_no_changes_when_the_text_is_as_opened():
    assert find_changes(STORY, STORY) == []


def test_a_fix_is_one_change_with_its_rule_and_context():
    text, fix = fixed(STORY, "USA", "U.S.", "variant-consistency", "Write “U.S.”, not “USA”")
    [change] = find_changes(STORY, text, [fix])
    assert (change.removed, change.inserted, change.line) == ("USA", "U.S.", 3)
    assert change.source == "variant-consistency" and not change.typed and change.fixes == (fix,)
    assert change.before == "" and change.after == " officials said on Tuesday that the…"


def test_a_repeated_word_fixed_is_its_rule_whichever_space_the_comparison_takes():
    text, fix = fixed(STORY, "the the", "the", "repeated-word")
    [change] = find_changes(STORY, text, [fix])
    assert change.removed.strip() == "the" and change.inserted == ""
    assert change.source == "repeated-word"
    assert change.before.rstrip().endswith(("that", "the"))


def test_two_spaces_made_one_is_one_space_deleted():
    text, fix = fixed(STORY, "shelters  inland", "shelters inland", "doubled-space")
    [change] = find_changes(STORY, text, [fix])
    assert (change.removed, change.inserted, change.source) == (" ", "", "doubled-space")


def test_typing_is_typed_and_a_retyped_phrase_is_one_change():
    text = STORY.replace("said on Tuesday", "told reporters on Wednesday")
    [change] = find_changes(STORY, text)
    assert (change.removed, change.inserted) == ("said on Tuesday", "told reporters on Wednesday")
    assert change.source == TYPED and change.typed


def test_typing_far_apart_in_a_paragraph_is_two_changes():
    text = STORY.replace("USA officials", "USA's officials").replace("40 people", "41 people")
    assert [change.inserted for change in find_changes(STORY, text)] == ["'s", "41"]


def test_typing_next_to_a_fix_is_the_fix_and_typing():
    text, fix = fixed(STORY, "USA", "U.S.", "variant-consistency")
    text = text.replace("U.S. officials", "U.S.")  # and then the word after it deleted by hand
    [change] = find_changes(STORY, text, [fix])
    assert change.removed == "USA officials" and change.inserted == "U.S."
    assert change.source == "variant-consistency and typing"


def test_a_fix_that_is_no_longer_in_effect_is_not_in_the_record():
    text, fix = fixed(STORY, "USA", "U.S.", "variant-consistency")
    typed_over = text.replace("U.S.", "American")
    # The window keeps only fixes still in effect; one whose text is gone is not given.
    [change] = find_changes(STORY, typed_over, [])
    assert change.source == TYPED and change.inserted == "American"


def test_paragraphs_inserted_and_deleted_at_the_start_the_middle_and_the_end():
    base = "One.\n\nTwo.\n\nThree."
    for text in ("Zero.\n\nOne.\n\nTwo.\n\nThree.", "One.\n\nThree.", "One.\n\nTwo.\n\nThree.\n\nFour.", "Two.\n\nThree.", ""):
        changes = find_changes(base, text)
        assert changes and rebuilt_base(text, changes) == base, text
    [added] = find_changes(base, base + "\n\nFour.")
    assert (added.removed, added.inserted, added.line) == ("", "\n\nFour.", 5)


def test_context_stays_in_the_paragraph_and_says_where_it_stops_short():
    base = "Head\n\n" + " ".join(f"w{number}" for number in range(30)) + "\n\nNext."
    text = base.replace("w15", "W15")
    [change] = find_changes(base, text)
    assert change.before == "…w9 w10 w11 w12 w13 w14 " and change.after == " w16 w17 w18 w19 w20 w21…"
    [first] = find_changes(base, base.replace("w0", "W0"))
    assert first.before == "" and "\n" not in first.after


def test_changes_are_in_order_apart_and_rebuild_the_base():
    base = STORY
    text, fix = fixed(base, "USA", "U.S.", "variant-consistency")
    text = text.replace("coast guard", "Coast Guard") + "\n\nA paragraph typed at the end."
    changes = find_changes(base, text, [fix])
    assert [change.source for change in changes] == ["variant-consistency", TYPED, TYPED]
    assert all(first.end <= second.start for first, second in zip(changes, changes[1:]))
    assert rebuilt_base(text, changes) == base


_PIECES = st.sampled_from(["the", "The", "USA", "U.S.", " ", "  ", "\n", "\n\n", ",", ".", "said", "é", "🇺🇸", "\t"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40), st.lists(_PIECES, max_size=40))
def test_any_two_texts_give_changes_that_rebuild_the_base(old, new):
    base, text = "".join(old), "".join(new)
    changes = find_changes(base, text)
    assert rebuilt_base(text, changes) == base
    assert all(change.removed != change.inserted for change in changes)
    assert all(0 <= change.start <= change.end <= len(text) for change in changes)
    assert all(first.end <= second.start for first, second in zip(changes, changes[1:]))


@pytest.fixture
def compared(monkeypatch):
    """How many pieces each comparison the record makes is given, both sides together."""
    sizes = []

    class Counting(changes_module.SequenceMatcher):
        def __init__(self, isjunk, a, b):
            sizes.append(len(a) + len(b))
            super().__init__(isjunk, a, b)

    monkeypatch.setattr(changes_module, "SequenceMatcher", Counting)
    return sizes


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=30), st.data())
def test_fixes_anywhere_are_told_with_changes_where_they_are(pieces, data):
    base = text = "".join(pieces)
    fixes = []
    for _ in range(data.draw(st.integers(0, 4))):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, min(len(text), start + 6)))
        new = data.draw(_PIECES)
        if text[start:end] == new:
            continue
        shift = len(new) - (end - start)
        # Fixes after this one move with it; one it overlaps is no longer in effect.
        fixes = [
            fix if fix.end <= start else Fix(fix.start + shift, fix.end + shift, fix.rule, "", fix.text, fix.replaced)
            for fix in fixes
            if fix.end <= start or fix.start >= end
        ]
        fixes.append(Fix(start, start + len(new), f"rule-{len(fixes)}", "", new, text[start:end]))
        text = text[:start] + new + text[end:]
    changes = find_changes(base, text, fixes)
    assert rebuilt_base(text, changes) == base
    for change in changes:
        if not (change.removed + change.inserted).isspace():  # one space more or less is anywhere in a run
            assert all(fix.start <= change.end + 2 and change.start <= fix.end + 2 for fix in change.fixes)


def test_a_long_run_of_rewritten_sentences_is_one_change_found_at_once(compared):
    """Comparing words costs their number squared: a run too long to compare is one change."""
    rng = random.Random(5)
    words = ["alpha", "beta", "gamma", "delta", "storm", "coast", "said", "the"]
    base = " ".join(rng.choice(words) for _ in range(6000))
    text = " ".join(rng.choice(words) for _ in range(6000))
    [change] = find_changes(base, text)
    assert (change.removed, change.inserted) == (base, text)
    assert max(compared) <= changes_module.MOST_WORDS_COMPARED


def test_a_ten_thousand_word_story_compares_only_the_paragraphs_that_changed(compared):
    paragraphs = [f"Paragraph {number} says the talks in city {number} went on for a day." for number in range(770)]
    base = "\n\n".join(paragraphs)
    assert len(base.split()) > 10_000
    text = base.replace("city 350 ", "city 351 ")
    [change] = find_changes(base, text)
    assert (change.removed, change.inserted) == ("350", "351")
    # The paragraphs once, then one paragraph's sentences and words.
    assert len(compared) == 3 and sorted(compared)[1] < 100


# ------------------------------------------------------------ the record's JSON form


def test_a_record_goes_through_json_and_back():
    text, fix = fixed(STORY, "USA", "U.S.", "variant-consistency", "Write “U.S.”")
    record = Record(STORY, (fix,), "2025-05-06T14:02:00+02:00", accepted=True)
    assert Record.from_dict(json.loads(json.dumps(asdict(record)))) == record


@pytest.mark.parametrize(
    "damage",
    [
        {"base": 5},
        {"fixes": [{"start": "0", "end": 1, "rule": "r", "message": "m", "text": "t", "replaced": "x"}]},
        {"fixes": [{"start": 0, "end": 1, "rule": "r"}]},
        {"fixes": [{"start": 0, "end": 1, "rule": "r", "message": "m", "text": None, "replaced": "x"}]},
    ],
)
def test_a_damaged_record_is_refused(damage):
    data = {**asdict(Record("base", (), "2025-05-06T14:02:00+02:00")), **damage}
    with pytest.raises((TypeError, KeyError)):
        Record.from_dict(data)


# ------------------------------------------------------------ told and exported


def heading(accepted=False):
    exported = datetime(2025, 5, 6, 15, 30, tzinfo=timezone(timedelta(hours=2)))
    return Heading("story.txt", "AP", exported, "2025-05-06T14:02:00+02:00", accepted)


def example():
    text, fix = fixed(STORY, "USA", "U.S.", "variant-consistency", "Write “U.S.” (AP style), not “USA”")
    text = text.replace("40 people", "41 people")
    return text, find_changes(STORY, text, [fix])


def test_the_summary_counts_fixes_and_typing():
    assert summary([]) == "No changes"
    assert summary(example()[1]) == "2 changes: 1 by fixes, 1 typed"


def test_the_plain_text_export_has_the_heading_and_each_change_in_context():
    text, changes = example()
    report = report_text(heading(), changes)
    lines = report.splitlines()
    assert lines[:4] == [
        "Changes to story.txt",
        "House style: AP",
        "Exported: 6 May 2025 at 15:30 (UTC+02:00)",
        "2 changes: 1 by fixes, 1 typed, since the story was opened, 6 May 2025 at 14:02 (UTC+02:00)",
    ]
    assert "1. Line 3, variant-consistency: Write “U.S.” (AP style), not “USA”" in lines
    assert "   [-USA-]{+U.S.+} officials said on Tuesday that the…" in lines
    assert "2. Line 3, typed" in lines
    assert "   …that the the coast guard rescued [-40-]{+41+} people." in lines
    assert "since the story was accepted" in report_text(heading(accepted=True), changes)


def test_the_html_export_is_a_page_with_each_change_and_the_story_marked():
    text, changes = example()
    page = report_html(heading(), text, changes)
    assert page.startswith("<!DOCTYPE html>") and "<title>Changes to story.txt</title>" in page
    assert "<dd>AP</dd>" in page and 'datetime="2025-05-06T15:30:00+02:00"' in page
    items = re.findall(r"<li>(.*?)</li>", page, re.S)
    assert len(items) == 2
    assert "variant-consistency: Write “U.S.” (AP style), not “USA”" in html.unescape(items[0])
    assert "<del>USA</del><ins>U.S.</ins> officials said" in items[0]
    assert "<del>40</del><ins>41</ins>" in items[1]
    story = page[page.index("<div class=\"story\">") :]
    assert html.unescape(re.sub(r"<[^>]+>", "", story.replace("<del>USA</del>", "").replace("<del>40</del>", ""))).strip() == text


def test_markup_in_a_story_is_shown_as_text():
    base = "He wrote <b>bold</b> & left."
    text = base.replace("left", "went")
    changes = find_changes(base, text)
    marked = marked_story(text, changes, HTML_MARKS)
    assert marked == "He wrote &lt;b&gt;bold&lt;/b&gt; &amp; <a name='change-1'></a><del>left</del><ins>went</ins><a name='change-1-end'></a>."
    assert "<b>bold" not in report_html(heading(), text, changes)


def test_white_space_changed_is_shown_with_visible_signs():
    base = "One.\n\nTwo."
    [joined] = find_changes(base, "One. Two.")
    assert "[-¶¶-]{+␣+}" in report_text(heading(), [joined])

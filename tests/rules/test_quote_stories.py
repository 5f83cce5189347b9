"""The four quote rules together on whole wire stories: a clean one stays clean, a damaged one is flagged."""

from editor.engine import apply_fixes, builtin_style, check

QUOTE_RULES = {"unbalanced-quote", "mixed-quote-marks", "unattributed-quote", "quote-punctuation"}

CLEAN = """Dam inspection ordered after river floods three towns

The regional government ordered an urgent inspection of the upper river dam on Tuesday, a day after floodwater swept through three towns and forced 4,000 people from their homes.

"We cannot call this a natural disaster any more," Mayor Ana Ruiz told reporters in Valdora. "The warnings were there for years.

"Engineers told us the spillway was too small for a storm like this one, and nobody listened."

Ruiz said the council would ask for the dam's records. She called the repairs made in 2015 "a patch, not a plan."

The regional water agency said in a statement: "The dam performed as designed and was never at risk of failure."

Asked whether the agency would resign, its director, Tomas Vidal, said: "No. We will cooperate fully with the inspection."

He added that crews had measured the river at 6'2" above its usual level on Monday night, and that a 12" pipe had burst near the spillway.

Residents who listened to the warnings moved to higher ground before dawn. "We took the children and the dog, and left everything else," said Marta Gil, 34, a teacher.

Did the agency really call the dam "safe"? Its website still does.
"""

DAMAGED = """Dam inspection ordered after river floods three towns

"We cannot call this a natural disaster any more". The spillway was widened in 2015.

A regional broadcaster, Valley Radio, said at least two people were missing.

The council called the repairs "a patch", Ruiz said, and promised "a full review.

The agency said: “The dam performed as designed.”
"""


def quote_issues(text, style="ap"):
    return [i for i in check(text, builtin_style(style)) if i.rule in QUOTE_RULES]


def test_a_clean_story_gets_no_quote_issue_under_ap():
    assert quote_issues(CLEAN) == []


def test_a_clean_story_in_british_punctuation_gets_no_quote_issue():
    british = CLEAN.replace('"a patch, not a plan."', '"a patch, not a plan".')
    assert quote_issues(british, "british") == []


def test_a_damaged_story_is_flagged_by_each_rule_where_it_went_wrong():
    found = [(i.rule, DAMAGED[i.start : i.end]) for i in quote_issues(DAMAGED)]
    assert found == [
        ("unattributed-quote", '"We cannot call this a natural disaster any more"'),
        ("quote-punctuation", '".'),
        ("quote-punctuation", '",'),
        ("unbalanced-quote", '"'),
        ("mixed-quote-marks", "“"),
        ("mixed-quote-marks", "”"),
    ]
    assert DAMAGED.index('"a full review') == [i for i in quote_issues(DAMAGED) if i.rule == "unbalanced-quote"][0].start


def test_fixing_everything_offered_leaves_only_what_needs_an_editor():
    fixes = [(i.start, i.end, i.replacements[0]) for i in quote_issues(DAMAGED) if i.replacements]
    fixed = apply_fixes(DAMAGED, fixes)
    assert 'any more." The spillway' in fixed and '"a patch," Ruiz said' in fixed
    assert 'The agency said: "The dam performed as designed."' in fixed
    assert {i.rule for i in quote_issues(fixed)} == {"unattributed-quote", "unbalanced-quote"}

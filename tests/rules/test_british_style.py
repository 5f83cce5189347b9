"""Rules whose decisions follow the house style, under the British style."""

from editor.engine import Checker, builtin_style

BRITISH = Checker(builtin_style("british"))
AP = Checker(builtin_style("ap"))


def found(checker, text, rule):
    return [(text[i.start : i.end], i.replacements) for i in checker.check(text) if i.rule == rule]


def test_american_spelling_is_flagged_in_a_british_story():
    text = "The plan was criticized by the defense ministry and analyzed by the center."
    assert found(BRITISH, text, "spelling-locale") == [
        ("criticized", ("criticised",)),
        ("defense", ("defence",)),
        ("analyzed", ("analysed",)),
        ("center", ("centre",)),
    ]


def test_one_way_pairs_only_flag_where_the_other_spelling_is_never_right():
    assert found(BRITISH, "The computer program checks each tire.", "spelling-locale") == []
    assert found(AP, "The programme checks each tyre.", "spelling-locale") == [
        ("programme", ("program",)),
        ("tyre", ("tire",)),
    ]
    assert found(AP, "Both analyses agreed.", "spelling-locale") == []


def test_names_in_mid_sentence_keep_their_spelling():
    assert found(BRITISH, "He served at the Department of Defense in Pearl Harbor.", "spelling-locale") == []


def test_logical_quote_punctuation_moves_only_fragments():
    text = 'He called the raid "a brazen attack." "We will respond," the minister said.'
    assert found(BRITISH, text, "quote-punctuation") == [('."', ('".',))]
    assert found(AP, 'He called the raid "a brazen attack".', "quote-punctuation") == [('".', ('."',))]


def test_style_substitutions_follow_the_style():
    assert found(AP, "They walked towards the border.", "house-substitution") == [("towards", ("toward",))]
    assert found(BRITISH, "They walked towards the border.", "house-substitution") == []

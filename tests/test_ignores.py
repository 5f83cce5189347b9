from editor.engine import check
from editor.engine.ignores import Ignores

TEXT = "The defence minister said the the talks failed. The defence ministry agreed."


def test_ignoring_one_occurrence_survives_edits_elsewhere():
    ignores = Ignores()
    first = [i for i in check(TEXT) if i.rule == "spelling-locale"][0]
    ignores.ignore(first, TEXT)
    edited = "Breaking: " + TEXT
    spelling = [i for i in ignores.visible(check(edited), edited) if i.rule == "spelling-locale"]
    assert [edited[i.start : i.end] for i in spelling] == ["defence"]
    assert spelling[0].start > edited.index("ministry") - 10


def test_ignoring_a_rule_and_adding_to_the_dictionary():
    assert not [i for i in Ignores(rules={"repeated-word"}).visible(check(TEXT), TEXT) if i.rule == "repeated-word"]
    assert not [i for i in Ignores(dictionary={"defence"}).visible(check(TEXT), TEXT) if i.category == "spelling"]

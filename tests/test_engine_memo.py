"""The paragraph memo: results are reused while checks use them, and dropped once they stop."""

from editor.engine.story import ParagraphMemo, Story


def test_a_result_is_kept_while_a_check_uses_it_and_dropped_after_a_check_without_it():
    built = []

    def shout(text, style):
        built.append(text)
        return text.upper()

    memo = ParagraphMemo(100)
    for paragraphs in (["a", "b"], ["a", "c"], ["a", "b"]):
        memo.next_check()
        # One paragraph at a time, as the checker reads a story in pieces.
        assert [memo.results(shout, [text], None)[0] for text in paragraphs] == [text.upper() for text in paragraphs]
    # "a" is read once; "b", unused by the second check, is read again by the third.
    assert built == ["a", "b", "c", "b"]


def test_a_paragraph_that_moved_is_not_read_again():
    built = []

    def words(text, style):
        built.append(text)
        return text.split()

    memo = ParagraphMemo(100)
    memo.next_check()
    assert Story("One two.\n\nThree.", memo).per_paragraph(words, None) == [["One", "two."], ["Three."]]
    memo.next_check()
    moved = Story("Three.\n\nOne two.\n\nFour.", memo).per_paragraph(words, None)
    assert moved == [["Three."], ["One", "two."], ["Four."]]
    assert built == ["One two.", "Three.", "Four."]


def test_beyond_its_limit_the_memo_reads_without_keeping():
    built = []

    def shout(text, style):
        built.append(text)
        return text.upper()

    memo = ParagraphMemo(2)
    for _ in range(2):
        memo.next_check()
        assert memo.results(shout, list("abca"), None) == ["A", "B", "C", "A"]
    assert built == ["a", "b", "c", "c"]

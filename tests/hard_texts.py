"""Texts made to be hard for the checker, for the linearity test and the hard-text benchmark.

Each is a repeat that once made some rule quadratic, or is dense with what
rules look at (quote marks, stops, spaces, listed words): nearly every
character could be an issue.
"""

from __future__ import annotations


def repeat(unit: str, size: int) -> str:
    return unit * (size // len(unit) + 1)


def numbered(unit: str, size: int) -> str:
    """``unit`` with ``{}`` numbered 0, 1, 2 ... until the text is about ``size`` characters: no
    two alike, so no paragraph's reading is reused for another."""
    pieces, length = [], 0
    while length < size:
        pieces.append(unit.format(len(pieces)))
        length += len(pieces[-1])
    return "".join(pieces)


# Each: how to make a text of about n characters.
HARD_TEXTS = {
    # Quote marks: unclosed, paired, curly, inch marks, long quotes, long next paragraphs.
    "unclosed-quotes": lambda n: repeat('"We will fight on ', n),
    "unclosed-quotes-without-spaces": lambda n: repeat('-"A', n),
    "straight-marks": lambda n: repeat('"', n),
    "stop-and-marks": lambda n: repeat("'.\"", n),
    "curly-marks": lambda n: repeat("“", n),
    "curly-pairs": lambda n: repeat("“”", n),
    "closing-marks": lambda n: repeat("a ”", n),
    "inch-marks": lambda n: repeat("5'11\" ", n),
    "quote-per-paragraph": lambda n: repeat('"\n\n', n),
    # As dense as a story may be and still have its quotes read (see editor.engine.quotes).
    "sparse-marks": lambda n: repeat('"a b c d e ', n),
    "sparse-unclosed-quotes-without-spaces": lambda n: repeat('-"Abcdefghij', n),
    "sparse-stop-and-marks": lambda n: repeat("'.\" abcdefgh", n),
    "sparse-quote-per-paragraph": lambda n: repeat('"\n\nabcdefghi\n\n', n),
    "quotes-then-long-paragraph": lambda n: repeat('"We go now." ', n // 2) + "\n\nHe " + repeat("a", n // 2),
    "quoted-and-said": lambda n: repeat('"We go now." He said ', n),
    # Stops, spaces and the words around them.
    "stops": lambda n: repeat(". ", n),
    "spaces": lambda n: "a" + repeat(" ", n) + "x",
    "doubled-spaces": lambda n: repeat("  a", n),
    "space-before-comma": lambda n: repeat("w ,", n),
    "lowercase-after-stop": lambda n: repeat("A. b ", n),
    "long-word-after-stop": lambda n: "x. " + repeat("a", n) + "A",
    "joined-sentences": lambda n: repeat("abc.Def", n),
    "doubled-commas": lambda n: repeat("a,,", n),
    "run-of-commas": lambda n: "a" + repeat(",", n),
    "run-of-stops": lambda n: "a" + repeat(".", n),
    "unclosed-guillemets": lambda n: repeat("«", n) + "a .",
    # Hyphens, code, invisible characters.
    "hyphen-after-space": lambda n: repeat("x -yz ", n),
    "hyphen-before-space": lambda n: repeat("xy- z ", n),
    "long-word-after-hyphen": lambda n: "a -" + repeat("b", n),
    "backticks": lambda n: repeat("`", n) + " -ab",
    "command-lines": lambda n: repeat("\n$ a -bc", n),
    "no-break-spaces": lambda n: repeat("a\u00a0", n),
    "zero-width-spaces": lambda n: repeat("a\u200b", n),
    # Words the rules and the style list.
    "repeated-word": lambda n: repeat("the ", n),
    "repeated-word-across-lines": lambda n: repeat("the\n", n),
    "variant-forms": lambda n: repeat("US ", n),
    "guarded-forms": lambda n: repeat("us-", n),
    "abbreviated-forms": lambda n: repeat("U.S. A", n),
    "substitutions": lambda n: repeat("can not ", n),
    "locale-spellings": lambda n: repeat("defence ", n),
    "locale-spellings-in-a-token": lambda n: repeat("defence.", n),
    "openers-then-words": lambda n: repeat("(", n // 2) + repeat(" Defence", n // 2),
    "web-leftovers": lambda n: repeat("Latest News\n", n),
    "one-line-per-paragraph": lambda n: repeat("a\n\n", n),
    # Percentages, dates, counts and titles (the house forms).
    "percent-forms": lambda n: repeat("5 pct 6% 7 per cent ", n),
    "per-then-spaces": lambda n: "per" + repeat(" ", n) + "x",
    "figures-before-words": lambda n: repeat("3 banks ", n),
    "numbers-in-words": lambda n: repeat("twelve banks six pct ", n),
    "dates": lambda n: repeat("6 March Oct 20 march 6th ", n),
    "day-names-run-together": lambda n: repeat("dayday", n),
    "titles-before-names": lambda n: repeat("said prime minister A ", n),
    "title-heads": lambda n: repeat("minister ", n) + "A",
    # Damage the story's own words decide or that spans paragraphs.
    "unclear-hyphen-gaps": lambda n: repeat("war- torn ", n),
    "joined-commas": lambda n: repeat("ab,cd", n),
    "marks-after-digits": lambda n: repeat('"a 1" b ', n),
    "paragraphs-without-stops": lambda n: repeat("the talks failed on a long day in the town\n\n", n),
    "paragraph-openings": lambda n: repeat('"the talks.\n\n', n),
    "doubled-words-joined": lambda n: repeat("non non-binding Apple Apple's ", n),
    "name-then-word": lambda n: repeat("May may ", n),
    "long-last-line": lambda n: "a\n" + repeat("x", n),
    # Many short paragraphs, all different: each is read by every rule.
    "distinct-short-paragraphs": lambda n: numbered("a{}\n\n", n),
    "table-rows": lambda n: numbered("Row {} of the table has some words in it ok\n\n", n),
}

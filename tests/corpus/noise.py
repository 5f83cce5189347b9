"""How noisy the built-in rules are on real, published copy: flags per 1,000 words per rule.

    .venv/bin/python tests/corpus/noise.py [--rule ID] [--show] [--json]

Reads the development corpus beside the checkout (``shared/corpus-dev/``:
Reuters wire stories checked with the default style, BBC stories with the
British style) and prints, for each source and rule, the number of flags and
flags per 1,000 words. The copy was published as it stands, but it is not
free of errors: ``--show`` prints every flag with its context, to be read
before calling a flag noise.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from editor.engine import Checker, Issue, builtin_style

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus-dev"
# The house style a desk would check each source with.
STYLE_OF_SOURCE = {"reuters21578": "ap", "bbc": "british"}


@dataclass(frozen=True)
class CorpusStory:
    name: str
    source: str
    style: str
    words: int
    text: str


def corpus_stories(corpus: Path = CORPUS) -> list[CorpusStory]:
    """Every story of the corpus with the style it is checked with; empty when the corpus is absent."""
    manifest = corpus / "manifest.tsv"
    if not manifest.exists():
        return []
    with manifest.open(encoding="utf-8", newline="") as rows:
        return [
            CorpusStory(
                name=row["file"],
                source=row["source"],
                style=STYLE_OF_SOURCE[row["source"]],
                words=int(row["words"]),
                text=(corpus / "stories" / row["file"]).read_text(encoding="utf-8"),
            )
            for row in csv.DictReader(rows, delimiter="\t")
        ]


def corpus_issues(stories: list[CorpusStory]) -> list[tuple[CorpusStory, list[Issue]]]:
    checkers = {style: Checker(builtin_style(style)) for style in set(STYLE_OF_SOURCE.values())}
    return [(story, checkers[story.style].check(story.text)) for story in stories]


def per_thousand_words(results: list[tuple[CorpusStory, list[Issue]]]) -> dict[str, dict[str, float]]:
    """Flags per 1,000 words by source, then rule; the key "all" sums the rules."""
    rates: dict[str, dict[str, float]] = {}
    for source in sorted({story.source for story, _ in results}):
        chosen = [(story, issues) for story, issues in results if story.source == source]
        words = sum(story.words for story, _ in chosen)
        counts = Counter(issue.rule for _, issues in chosen for issue in issues)
        counts["all"] = sum(counts.values())
        rates[source] = {rule: 1000 * count / words for rule, count in sorted(counts.items())}
    return rates


def _context(text: str, issue: Issue, width: int = 40) -> str:
    before = text[max(0, issue.start - width) : issue.start]
    after = text[issue.end : issue.end + width]
    shown = f"{before}[[{text[issue.start:issue.end]}]]{after}"
    return " ".join(shown.split())


def main(argv: list[str] | None = None) -> int:
    options = arguments(__doc__).parse_args(argv)
    stories = corpus_stories()
    if not stories:
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    report(stories, corpus_issues(stories), options)
    return 0


def arguments(doc: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--rule", help="only this rule's flags")
    parser.add_argument("--show", action="store_true", help="print every flag with its context")
    parser.add_argument("--json", action="store_true", help="print the rates as JSON")
    return parser


def report(stories: list[CorpusStory], results: list[tuple[CorpusStory, list[Issue]]], options: argparse.Namespace) -> None:
    """Prints the flags per 1,000 words of ``results`` as ``options`` (from ``arguments``) ask."""
    if options.rule:
        results = [(story, [i for i in issues if i.rule == options.rule]) for story, issues in results]
    if options.show:
        for story, issues in results:
            for issue in issues:
                fix = issue.replacements[0] if issue.replacements else "-"
                print(f"{story.name} {issue.rule}: {_context(story.text, issue)}  => {fix!r}")
    rates = per_thousand_words(results)
    if options.json:
        print(json.dumps(rates, indent=1))
    else:
        for source, by_rule in rates.items():
            words = sum(story.words for story in stories if story.source == source)
            print(f"{source} ({STYLE_OF_SOURCE[source]} style, {words} words): flags per 1,000 words")
            for rule, rate in sorted(by_rule.items(), key=lambda item: -item[1]):
                print(f"  {rate:6.2f}  {rule}")


if __name__ == "__main__":
    sys.exit(main())

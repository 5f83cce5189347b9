"""Recall and first-fix accuracy per class of error, measured by injecting errors into real copy.

    .venv/bin/python tests/corpus/injection.py [--cases N] [--class NAME] [--show]

Each module of ``tests/corpus/injectors/`` defines one ``INJECTOR``: a class of
error a copy desk fixes (a name spelled two ways, a doubled word, ...) and a
function that writes one such error into a story of the development corpus,
or declines when the story offers no place for it. Each case is one story
with one injected error, checked under the story's house style:

- recall: the share of cases where an issue of the injector's rule covers the
  injected span;
- first fix: the share of those where applying that issue's first fix gives
  back the story as it was before the injection.

The corpus is real published copy, so the story may hold errors of its own;
only the issue on the injected span counts.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# Run as a script, the checkout is not on the path that finds tests.corpus.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from editor.engine import Checker, Issue, apply_fixes, builtin_style  # noqa: E402
from tests.corpus.noise import CorpusStory, corpus_stories  # noqa: E402


@dataclass(frozen=True)
class Injection:
    """A story with one error written into it; the error is ``text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Injector:
    """One class of error: its name, the rule that should catch it, and how to write it.

    ``inject(story, rng)`` returns an ``Injection`` or ``None`` when the story
    has no place for this error. It must only damage, never correct, the story.
    """

    name: str
    rule: str
    inject: Callable[[CorpusStory, random.Random], Injection | None]


@dataclass(frozen=True)
class Outcome:
    story: CorpusStory
    injection: Injection
    issue: Issue | None
    fixed: bool


@cache
def all_injectors() -> tuple[Injector, ...]:
    from tests.corpus import injectors

    found = []
    for info in sorted(pkgutil.iter_modules(injectors.__path__), key=lambda info: info.name):
        module = importlib.import_module(f"{injectors.__name__}.{info.name}")
        found.append(module.INJECTOR)
    return tuple(found)


def _covering(issues: list[Issue], injection: Injection, rule: str) -> Issue | None:
    """The rule's issue on the injected span (an empty span is an insertion point)."""
    for issue in issues:
        if issue.rule != rule:
            continue
        if issue.start <= injection.start and injection.end <= issue.end:
            return issue
        if issue.start < injection.end and injection.start < issue.end:
            return issue
    return None


def run(injector: Injector, stories: list[CorpusStory], cases: int, seed: int = 1) -> list[Outcome]:
    """Up to ``cases`` injections, spread over the stories in a fixed random order."""
    rng = random.Random(f"{injector.name}:{seed}")
    checkers = {style: Checker(builtin_style(style)) for style in {story.style for story in stories}}
    order = list(stories)
    outcomes = []
    for _ in range(4):  # several passes, so that a rare class still gets its cases
        rng.shuffle(order)
        for story in order:
            if len(outcomes) >= cases:
                return outcomes
            injection = injector.inject(story, rng)
            if injection is None or injection.text == story.text:
                continue
            issues = checkers[story.style].check(injection.text)
            issue = _covering(issues, injection, injector.rule)
            fixed = bool(
                issue
                and issue.replacements
                and apply_fixes(injection.text, [(issue.start, issue.end, issue.replacements[0])]) == story.text
            )
            outcomes.append(Outcome(story, injection, issue, fixed))
    return outcomes


def rates(outcomes: list[Outcome]) -> tuple[float, float]:
    """Recall, and first-fix accuracy among the cases caught."""
    caught = [outcome for outcome in outcomes if outcome.issue is not None]
    recall = len(caught) / len(outcomes) if outcomes else 0.0
    first_fix = sum(outcome.fixed for outcome in caught) / len(caught) if caught else 0.0
    return recall, first_fix


def _show(outcome: Outcome) -> str:
    text, injection = outcome.injection.text, outcome.injection
    around = text[max(0, injection.start - 40) : injection.start] + "[[" + text[injection.start : injection.end]
    around += "]]" + text[injection.end : injection.end + 40]
    verdict = "missed" if outcome.issue is None else ("fixed" if outcome.fixed else f"wrong fix {outcome.issue.replacements[:1]}")
    return f"{outcome.story.name} {verdict}: {' '.join(around.split())}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=300, help="cases per class (default 300)")
    parser.add_argument("--class", dest="name", help="only this class")
    parser.add_argument("--show", action="store_true", help="print the cases missed or wrongly fixed")
    options = parser.parse_args(argv)
    stories = corpus_stories()
    if not stories:
        print("no corpus beside the checkout", file=sys.stderr)
        return 2
    print(f"{'class':32} {'rule':26} {'cases':>5} {'recall':>6} {'first fix':>9}")
    for injector in all_injectors():
        if options.name and injector.name != options.name:
            continue
        outcomes = run(injector, stories, options.cases)
        recall, first_fix = rates(outcomes)
        print(f"{injector.name:32} {injector.rule:26} {len(outcomes):5} {recall:6.2f} {first_fix:9.2f}")
        if options.show:
            for outcome in outcomes:
                if not outcome.fixed:
                    print("   ", _show(outcome))
    return 0


if __name__ == "__main__":
    sys.exit(main())

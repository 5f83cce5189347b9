"""What LanguageTool adds on real, published copy under each house style: flags per 1,000 words per rule.

    .venv/bin/python tests/corpus/languagetool_noise.py [--rule ID] [--show] [--json]

Needs no LanguageTool: ``shared/languagetool/corpus-dev/`` beside the checkout
holds a real LanguageTool 6.3's answers, every rule on, for each story of the
development corpus (Reuters as en-US, BBC as en-GB). Each story is sent
through Copydesk's own LanguageTool path, with the recordings answering each
request as the server would (without the rules and categories the request
switches off), under the house style the desk would use for its source. What
LanguageTool's issues leave after the merge with the built-in issues is
counted, as in ``noise.py``; ``--show`` prints each flag with its context.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, the checkout is not on the path that finds tests.corpus.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from editor.engine import Checker, HouseStyle, Issue, builtin_style  # noqa: E402
from editor.grammar import RULE_PREFIX, merge_issues  # noqa: E402
from editor.grammar.adapter import disabled_rules  # noqa: E402
from editor.grammar.paragraphs import ParagraphCache  # noqa: E402
from tests.corpus.noise import CORPUS, STYLE_OF_SOURCE, CorpusStory, arguments, corpus_stories, report  # noqa: E402
from tests.grammar.recorded_languagetool import RECORDINGS, Recordings, recorded_cases  # noqa: E402

ANSWERS = RECORDINGS / "corpus-dev"


def recorded_answers() -> dict[str, dict]:
    """Each corpus story's recorded case (its text, language and LanguageTool's response), by file name."""
    if not (ANSWERS / "index.json").exists():
        return {}
    return {Path(case["text_file"]).name: case for case in recorded_cases(ANSWERS)}


def languagetool_issues(story: CorpusStory, case: dict, style: HouseStyle) -> list[Issue]:
    """LanguageTool's issues in ``story`` under ``style``, as Copydesk would show them with the built-in ones."""
    from language_tool_python import Match

    profile = style.languagetool
    if profile.language != case["language"]:
        raise ValueError(f"{story.name} was recorded in {case['language']}, not {profile.language}")
    recordings = Recordings([case])

    def send(text: str) -> list:
        response, unknown = recordings.answer(
            text, profile.language, disabled_rules(profile), profile.disabled_categories
        )
        if unknown:
            raise LookupError(f"{story.name}: the recording does not hold {unknown[0][:60]!r}")
        return [Match(match, text) for match in response["matches"]]

    found = ParagraphCache().check(story.text, profile, send, superseded=lambda: False)
    merged = merge_issues(Checker(style).check(story.text), found)
    return [issue for issue in merged if issue.rule.startswith(RULE_PREFIX)]


def corpus_languagetool_issues() -> tuple[list[CorpusStory], list[tuple[CorpusStory, list[Issue]]]]:
    """The corpus stories that have a recording, each with what LanguageTool adds to it."""
    answers = recorded_answers()
    stories = [story for story in corpus_stories() if story.name in answers]
    styles = {name: builtin_style(name) for name in set(STYLE_OF_SOURCE.values())}
    return stories, [(story, languagetool_issues(story, answers[story.name], styles[story.style])) for story in stories]


def main(argv: list[str] | None = None) -> int:
    options = arguments(__doc__).parse_args(argv)
    stories, results = corpus_languagetool_issues()
    if not stories:
        print(f"no corpus at {CORPUS}, or no LanguageTool answers at {ANSWERS}", file=sys.stderr)
        return 2
    report(stories, results, options)
    return 0


if __name__ == "__main__":
    sys.exit(main())

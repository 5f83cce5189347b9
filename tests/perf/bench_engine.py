"""Engine speed: prints JSON figures; never asserts on time.

    .venv/bin/python tests/perf/bench_engine.py [--quick]

- story_600_words_ms: one 600-word story checked by a fresh Checker (no
  paragraph cache; styles and patterns already compiled), median of many runs;
  also with the paragraph cache warm, as when re-checking while typing.
- megabyte_ms: texts of 0.25, 0.5 and 1 MB made of many distinct stories, and
  the time per MB at each size (equal figures mean linear growth).
- cli_process_ms: `copydesk check` on one story as a whole process, median.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

# Run as a script: the checkout's root holds the tests package.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from editor.engine import Checker, builtin_style  # noqa: E402
from editor.engine.resources import resource  # noqa: E402
from tests.perf.installed import installed_environment  # noqa: E402

SENTENCES = [
    "The minister said on {day} that talks with the rebels would resume in {city} next week.",
    "Officials told reporters the U.S. military had carried out {n} airstrikes near the border.",
    "\"We will not accept this,\" the spokesman said, adding that the ceasefire was fragile.",
    "Prices rose {n} percent in {month}, according to figures released by the statistics office.",
    "A United Nations report said the the number of displaced people had doubled since {month}.",
    "Residents of USA-backed housing said they had not been warned before the flood defences failed.",
    "The coalition, which has focused on battling IS, said it did not target civilians.",
    "Analysts said the central bank could not cut rates until inflation eased. this is unlikely soon.",
    "Emergency crews worked through the night  to reach families cut off by the water.",
    "The governor , speaking in {city}, said the state would cover the cost of the repairs.",
]
WORDS = dict(
    day=["Monday", "Tuesday", "Friday"],
    city=["Geneva", "Cairo", "Vienna", "Nairobi"],
    month=["March", "June", "October"],
)


def make_story(rng: random.Random, words: int, serial: int) -> str:
    paragraphs, count = [], 0
    while count < words:
        sentences = [
            rng.choice(SENTENCES).format(n=rng.randint(2, 99), **{k: rng.choice(v) for k, v in WORDS.items()})
            for _ in range(rng.randint(1, 3))
        ]
        paragraph = f"({serial}.{len(paragraphs)}) " + " ".join(sentences)
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(paragraphs)


def median_ms(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 3)


def main(quick: bool) -> dict:
    rng = random.Random(7)
    style = builtin_style("ap")
    story = make_story(rng, 600, 0)
    Checker(style).check(story)  # compile everything once: "warm"
    warm_checker = Checker(style)
    warm_checker.check(story)
    results = {
        "story_words": len(story.split()),
        "issues_in_story": len(warm_checker.check(story)),
        "story_600_words_ms": median_ms(lambda: Checker(style).check(story), 20 if quick else 200),
        "story_600_words_cached_ms": median_ms(lambda: warm_checker.check(story), 20 if quick else 200),
    }

    sizes = [0.05, 0.1] if quick else [0.25, 0.5, 1.0]
    per_mb = {}
    for megabytes in sizes:
        stories, length, serial = [], 0, 1
        while length < megabytes * 1_000_000:
            stories.append(make_story(rng, 600, serial))
            length += len(stories[-1]) + 2
            serial += 1
        text = "\n\n".join(stories)
        elapsed = median_ms(lambda: Checker(style).check(text), 1 if quick else 3)
        per_mb[f"{megabytes}MB"] = {"ms": elapsed, "ms_per_mb": round(elapsed / (len(text) / 1_000_000), 1)}
    results["megabyte_ms"] = per_mb

    sample = str(resource("samples", "wire-story.txt"))
    command = [sys.executable, "-m", "editor", "check", sample]
    environment = installed_environment()
    subprocess.run(command, capture_output=True, env=environment)
    results["cli_process_ms"] = median_ms(
        lambda: subprocess.run(command, capture_output=True, env=environment), 3 if quick else 10
    )
    return results


if __name__ == "__main__":
    print(json.dumps(main(quick="--quick" in sys.argv), indent=2))

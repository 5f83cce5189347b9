"""Each class of injected error is caught and fixed on real copy as the README says (needs the corpus)."""

import pytest

from tests.corpus.injection import all_injectors, rates, run
from tests.corpus.noise import corpus_stories

STORIES = corpus_stories()
pytestmark = pytest.mark.skipif(not STORIES, reason="the development corpus is not beside this checkout")

# The targets of the README's table.
RECALL = 0.90
FIRST_FIX = 0.85


@pytest.mark.parametrize("injector", all_injectors(), ids=lambda injector: injector.name)
def test_injected_errors_are_caught_and_fixed(injector):
    outcomes = run(injector, STORIES, cases=200)
    assert len(outcomes) >= 100, "too few places to inject this error to measure it"
    recall, first_fix = rates(outcomes)
    assert recall >= RECALL and first_fix >= FIRST_FIX, (recall, first_fix)

"""``EventIndex.find`` skips a candidate story whose ``_bound`` is below the best score so far, counting each
of the story's keys it does not share with the query at ``LEAST``, the weight of a key every story of the
window has. The bound must never be below the cosine it bounds (a story that would have won would be
skipped), and it is reached when every unshared key is in every story: then ``LEAST`` is exactly their weight.
The score from one exact sum (``_weight``, ``_score``) is the cosine's, whatever the order of the shared keys.
"""

from __future__ import annotations

import math
import random

import pytest

from monitor.dedup.eventscore import LEAST, _bound, _rarest, _score, _weight, _Weights

STORIES = 60


def cosine(query: dict[str, float], story: set[str], weights: _Weights, total: float) -> float:
    """The IDF-weighted cosine written out plainly: the shared keys' weights over the norms' product."""
    shared = sum(weight for word, weight in query.items() if word in story)
    norm = math.sqrt(total * sum(weights.of(sorted(story))))
    return shared / norm if norm else 0.0


def weighed(rng: random.Random, df: dict[str, int]) -> tuple[_Weights, dict[str, float], float]:
    """Weights for a window of ``STORIES`` stories, a query of 40 keys weighed, and their total."""
    weights = _Weights(df, STORIES)
    keys = sorted(rng.sample(sorted(df), 40))
    query = dict(zip(keys, weights.of(keys), strict=True))
    return weights, query, sum(query.values())


@pytest.mark.parametrize("seed", range(6))
def test_no_story_scores_above_its_bound(seed: int):
    rng = random.Random(seed)
    df = {f"k{i}": rng.randrange(0, STORIES + 1) for i in range(300)}  # up to every story of the window
    weights, query, total = weighed(rng, df)
    pruned = 0
    for _ in range(200):
        story = set(rng.sample(sorted(query), rng.randrange(0, 40))) | set(rng.sample(sorted(df), rng.randrange(0, 60)))
        common = query.keys() & story
        score = cosine(query, story, weights, total)
        bound = _bound(_weight(query, common), total, len(story) - len(common))
        assert score <= bound
        pruned += bound < _bound(_weight(query, common), total, 0)
    assert pruned, "the unshared keys lower the bound: the test compares something"


def test_the_bound_is_reached_when_every_other_key_is_in_every_story():
    rng = random.Random(7)
    df = {f"k{i}": rng.randrange(0, 20) for i in range(100)} | {f"common{i}": STORIES for i in range(30)}
    weights, query, total = weighed(rng, {k: v for k, v in df.items() if k.startswith("k")})
    story = set(rng.sample(sorted(query), 12)) | {f"common{i}" for i in range(30)}
    weights = _Weights(df, STORIES)
    common = query.keys() & story
    score = cosine(query, story, weights, total)
    assert weights.of(["common0"]) == [LEAST]
    assert score <= _bound(_weight(query, common), total, 30) <= score * (1 + 1e-5)


def test_the_score_does_not_depend_on_the_order_of_the_shared_keys():
    rng = random.Random(3)
    df = {f"k{i}": rng.randrange(0, STORIES + 1) for i in range(300)}
    weights, query, total = weighed(rng, df)
    story = set(rng.sample(sorted(query), 25)) | set(rng.sample(sorted(df), 40))
    common = query.keys() & story
    score = _score(_weight(query, common), tuple(story), weights, total)
    assert math.isclose(score, cosine(query, story, weights, total), rel_tol=1e-12)
    for _ in range(20):
        keys = list(common)
        rng.shuffle(keys)
        assert _score(_weight(query, keys), tuple(story), weights, total) == score
    shared = _rarest(query, common)
    assert shared == _rarest(query, reversed(sorted(common)))
    assert [query[w] for w in shared] == sorted((query[w] for w in shared), reverse=True)

"""The candidates' weights summed in Python (a few holdings) and in numpy (many) rank the same entries.

``StoryIndex._candidates`` weighs a short text's few holdings in a dict (``_most_weight``) and a full
text's ~1,000 in numpy (``_most_weight_bulk``); a decision must not depend on which did it.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.dedup.index import MAX_VERIFIED, MIN_WEIGHT, _most_weight, _most_weight_bulk

# Each key's holders: few ids, so entries share keys and weights tie (1/2 + 1/4 + 1/4 against 1).
holdings = st.lists(st.lists(st.integers(1, 40), min_size=1, max_size=6, unique=True), max_size=60)


def flat(keys: list[list[int]]) -> tuple[list[int], list[int]]:
    return [entry_id for held in keys for entry_id in held], [len(held) for held in keys]


@settings(max_examples=300, deadline=None)
@given(holdings)
def test_both_sums_rank_the_same_entries(keys: list[list[int]]):
    ids, sizes = flat(keys)
    assert _most_weight(ids, sizes) == (_most_weight_bulk(ids, sizes) if ids else [])


def test_most_weight_first_then_first_read_and_no_light_ones():
    # 5 and 3 share two keys with each other (0.5 + 0.5), 5 read first; 7 holds one key of its own (1.0), read
    # after them; 9 shares one key with three others (0.25, kept); 2 is one of five on a key (0.2, too light).
    ids, sizes = flat([[5, 3], [2, 4, 6, 8, 10], [7], [3, 5], [9, 11, 12, 13]])
    assert MIN_WEIGHT == 0.25
    found = _most_weight(ids, sizes)
    assert found[:3] == [5, 3, 7]  # all weigh 1.0: in the order first read
    assert 9 in found and 2 not in found
    assert found == _most_weight_bulk(ids, sizes)


def test_no_more_than_max_verified():
    ids, sizes = flat([[entry_id] for entry_id in range(1, MAX_VERIFIED + 10)])
    assert _most_weight(ids, sizes) == list(range(1, MAX_VERIFIED + 1)) == _most_weight_bulk(ids, sizes)


@settings(max_examples=200, deadline=None)
@given(holdings, st.sampled_from([1, 1_000, 10**9]))
def test_ids_close_or_far_apart_rank_alike(keys: list[list[int]], apart: int):
    # ``_most_weight_bulk`` bins ids spanning little (a cold run's) and sorts those far apart: the same ranking.
    ids, sizes = flat([[entry_id * apart for entry_id in held] for held in keys])
    assert _most_weight(ids, sizes) == (_most_weight_bulk(ids, sizes) if ids else [])

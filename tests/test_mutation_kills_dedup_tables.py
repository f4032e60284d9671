"""Tests written to kill ``monitor/dedup/bulk.py`` mutants that survived
``python -m benchmarks.mutation dedup`` (sessions mt7 and mt8; benchmarks/mutation_survivors.md).

bulk.py promises what a plain dict of blocking keys answered, in bulk: ``Postings`` maps a key to
the entries holding it, at most ``limit`` and in the order they were added; ``without`` drops
entries; ``keyword_tables`` counts the stories of each keyword and lists, in the order added,
the stories of each keyword not bound to a script. Each test compares with a reference written
here from those sentences alone (dicts and lists, no numpy, nothing of the module's).
"""

from __future__ import annotations

import random
from collections import Counter

import numpy as np
import pytest

from monitor.dedup.bulk import Postings, keyword_tables


def reference_postings(ids: list[int], keys: list[tuple[int, ...]], limit: int) -> dict[int, list[int]]:
    """Key -> the first ``limit`` entries that added it, in the order added."""
    table: dict[int, list[int]] = {}
    for entry, entry_keys in zip(ids, keys, strict=True):
        for key in entry_keys:
            holders = table.setdefault(key, [])
            if len(holders) < limit:
                holders.append(entry)
    return table


def window(seed: int, entries: int = 60, vocabulary: int = 40) -> tuple[list[int], list[tuple[int, ...]]]:
    """Entries with ids out of order and keys drawn from a small vocabulary (so keys are shared),
    some at the ends of the uint32 range, some entries with no key."""
    chance = random.Random(seed)
    words = [0, 2**32 - 1, *chance.sample(range(1, 2**32 - 1), vocabulary - 2)]
    ids = chance.sample(range(1, 10 * entries), entries)
    keys = [tuple(chance.sample(words, chance.randint(0, 6))) for _ in ids]
    return ids, keys


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("limit", [1, 3, 1000])
def test_holders_are_the_first_entries_of_each_key_in_the_order_added(seed: int, limit: int) -> None:
    ids, keys = window(seed)
    table = Postings(ids, keys, limit)
    expected = reference_postings(ids, keys, limit)
    assert len(table) == len(expected)  # one row per distinct key
    asked = [*expected, 7, 2**32 - 2]  # every key, and keys no entry has
    assert table.holders(asked) == expected
    some = list(expected)[::3]
    assert table.holders(some) == {key: expected[key] for key in some}


def test_a_key_above_every_key_of_the_table_is_held_by_no_entry() -> None:
    table = Postings([5, 6], [(10, 20), (20,)], 4)
    assert table.holders([30]) == {}
    assert table.holders([20, 30]) == {20: [5, 6]}
    assert table.holders([]) == {}


def test_an_empty_window_holds_no_key() -> None:
    table = Postings([], [], 4)
    assert len(table) == 0
    assert table.holders([1, 2]) == {}
    assert Postings([3], [()], 4).holders([1]) == {}


@pytest.mark.parametrize("seed", range(6))
def test_without_drops_the_entries_gone_and_keeps_the_rest_in_order(seed: int) -> None:
    ids, keys = window(seed)
    limit = 4
    gone = set(random.Random(seed).sample(ids, len(ids) // 3))
    table = Postings(ids, keys, limit).without(gone)
    full = reference_postings(ids, keys, limit)
    expected = {key: kept for key, held in full.items() if (kept := [e for e in held if e not in gone])}
    assert table.holders([*full]) == expected
    assert len(table) == len(expected)
    assert table.limit == limit
    assert table.without(set()).holders([*full]) == expected  # nothing gone: the same table
    assert table.without(set(ids)).holders([*full]) == {}


def reference_tables(added: list[tuple[str, ...]], owners: list[int], bound: set[str]):
    counts: Counter[str] = Counter()
    stories: dict[str, list[int]] = {}
    for words, story in zip(added, owners, strict=True):
        for word in words:
            counts[word] += 1
            if word not in bound:
                stories.setdefault(word, []).append(story)
    return counts, stories


@pytest.mark.parametrize("seed", range(6))
def test_keyword_tables_count_each_keyword_and_list_the_unbound_ones_stories_in_order(seed: int) -> None:
    chance = random.Random(seed)
    vocabulary = [f"w{n}" for n in range(30)]
    bound = set(chance.sample(vocabulary, 10))
    owners = chance.sample(range(1, 500), 50)
    added = [tuple(chance.sample(vocabulary, chance.randint(0, 5))) for _ in owners]
    df, postings = keyword_tables(added, np.array(owners, dtype=np.int64), lambda word: word in bound)
    counts, stories = reference_tables(added, owners, bound)
    assert dict(df) == dict(counts)
    assert {word: list(found) for word, found in postings.items()} == stories
    assert all(found.typecode == "q" for found in postings.values())  # int64, as documented


def test_keyword_tables_of_no_story_are_empty_and_of_bound_words_only_list_none() -> None:
    df, postings = keyword_tables([], np.array([], dtype=np.int64), lambda word: False)
    assert (dict(df), postings) == ({}, {})
    df, postings = keyword_tables([("a", "b"), ("b",)], np.array([4, 9], dtype=np.int64), lambda word: True)
    assert dict(df) == {"a": 1, "b": 2}
    assert postings == {}

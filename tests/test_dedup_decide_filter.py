"""The keys' table skips, by one bit of a filter, the keys no entry holds, and answers the others as before.

``bulk.Postings.holders`` reads a bit per key (its low bits) before the binary search: a held key's bit is
always set, so a key the filter passes is still looked up, and a key whose bit another key set is found
to be held by no entry.
"""

from __future__ import annotations

import random

import numpy as np

from monitor.dedup.bulk import FILTER_BITS, Postings


def test_a_key_sharing_a_held_keys_low_bits_is_still_held_by_none():
    table = Postings([1, 2], [(10, 20), (20,)], 4)
    size = int(table._mask) + 1  # the filter's bits: a key this much higher has the same low bits
    assert table.holders([10 + size, 20 + 2 * size, 10]) == {10: [1]}
    assert table.holders([20, 20 + size]) == {20: [1, 2]}


def test_every_held_key_passes_and_most_others_do_not():
    chance = random.Random(5)
    keys = [tuple(chance.sample(range(2**32), 20)) for _ in range(500)]
    table = Postings(list(range(1, 501)), keys, 64)
    held = [key for entry in keys for key in entry]
    assert len(table.holders(held)) == len(set(held))
    low = np.array(held, dtype=np.uint32) & table._mask
    bits = np.unpackbits(table._filter, bitorder="little")
    assert bits[low].all()
    # At FILTER_BITS bits or more per key, at most one bit in FILTER_BITS is set: most absent keys skip the search.
    assert bits.size >= FILTER_BITS * len(set(held)) and bits.mean() <= 1 / FILTER_BITS


def test_the_table_after_pruning_filters_its_own_keys():
    table = Postings([1, 2], [(10, 20), (30,)], 4).without({1})
    assert table.holders([10, 20, 30]) == {30: [2]}
    assert table.holders([30 + int(table._mask) + 1]) == {}

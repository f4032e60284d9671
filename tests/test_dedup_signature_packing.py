"""``signature``'s bytes packed by ``struct`` (not a NumPy array) are the little-endian uint32s they were, and the
outlet's own name, its words remembered per outlet, is still dropped from a headline only at its end."""

from __future__ import annotations

import random
import struct

import numpy as np
import pytest

from monitor.dedup.shingles import fact_spans
from monitor.dedup.signature import _name_tokens, _own_name_dropped, _u32
from monitor.dedup.skeleton import skeleton_facts


def test_packed_hashes_are_the_arrays_bytes() -> None:
    rng = random.Random(45)
    for values in ([], [0], [2**32 - 1, 1, 256], [rng.randrange(2**32) for _ in range(200)]):
        assert _u32(values) == np.array(values, dtype="<u4").tobytes()


def test_a_hash_past_32_bits_is_refused_not_wrapped() -> None:
    with pytest.raises(struct.error):  # as NumPy's OverflowError did: never a wrapped value
        _u32([2**32])


def test_skeleton_facts_are_the_sorted_smallest_hashes_as_uint32() -> None:
    text = "Minister Ana Kovač met Ivo Horvat in Zagreb on Tuesday; 3,400 workers and 12 unions joined Marta Ilić."
    packed = skeleton_facts(text, fact_spans(text), 4)
    hashes = np.frombuffer(packed, dtype="<u4").tolist()
    assert len(hashes) == 4 and hashes == sorted(set(hashes)) and 0 not in hashes
    assert skeleton_facts(text, fact_spans(text), 100)[:16] == packed  # the smallest, whatever the limit


def test_the_outlets_name_is_dropped_at_the_headlines_end_only() -> None:
    title = ["rates", "rise", "again", "harbour", "post"]
    assert _own_name_dropped(title, "Harbour Post") == ["rates", "rise", "again"]
    assert _own_name_dropped(["harbour", "post", "rates", "rise"], "Harbour Post") == [
        "harbour",
        "post",
        "rates",
        "rise",
    ]
    assert _own_name_dropped(["harbour", "post"], "Harbour Post") == ["harbour", "post"]  # nothing else: kept
    assert _own_name_dropped(title, "") == title
    assert _name_tokens("Harbour Post") == ["harbour", "post"]  # the remembered words, unchanged by the calls
    assert _name_tokens.cache_info().maxsize is not None  # bounded: a feed's outlet names are hostile input

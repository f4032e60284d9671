"""The dedup index's shortcuts say what the plain computation says.

``quoted`` counts each passage held by one story only with set operations: checked against a count
passage by passage, written here from its docstring. (``EventIndex.find``'s bound on a candidate's
score is checked in ``tests/test_dedup_decide_bound.py``.)
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from monitor.dedup.compare import Stored, quoted
from monitor.dedup.signature import Signature


def u32(hashes: list[int]) -> bytes:
    return np.array(sorted(hashes), dtype="<u4").tobytes()


def fresh(hashes: list[int]) -> Signature:
    """The entry being decided, its text sampled as ``hashes`` (fewer than a full sample: kept whole)."""
    return Signature(
        keys=(),
        sample=u32(hashes),
        opening=b"",
        sentences=b"",
        facts=b"",
        length=len(hashes),
        flags=0,
        title=0,
        lede="",
        keywords=(),
        when=0.0,
        shingles=frozenset(hashes),
    )


def kept(story: int, hashes: list[int]) -> Stored:
    return Stored(story, 0.0, (), u32(hashes), b"", b"", b"", len(hashes), 0, 0, "Wire")


def plainly_quoted(mine: list[int], verified: list[Stored], group: dict[int, int] | None) -> dict[int, float]:
    """Story (or group) -> the share of ``mine`` found in its entries and in no other story's."""
    holders = {h: {group[d.story_id] if group else d.story_id for d in verified if h in d.hashes()} for h in mine}
    only = [next(iter(stories)) for stories in holders.values() if len(stories) == 1]
    return {story: only.count(story) / len(mine) for story in set(only)}


@pytest.mark.parametrize("seed", range(6))
def test_quoted_counts_the_passages_one_story_alone_holds(seed: int):
    rng = random.Random(seed)
    mine = rng.sample(range(1, 400), 60)
    verified = [kept(rng.randrange(1, 6), rng.sample(range(1, 400), rng.randrange(0, 80))) for _ in range(12)]
    group = {story: story % 3 for story in range(1, 6)} if seed % 2 else None
    found = quoted(fresh(mine), verified, group)
    assert found == plainly_quoted(mine, verified, group)
    assert found, "the random texts share passages: the test compares something"

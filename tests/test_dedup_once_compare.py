"""One decision reuses what it measured of its entry's sample (issue 19): the shares ``explained`` and
``quoted`` give after ``containment`` read the candidates are those a signature asked for the first time
gets, and ``quoted`` joining a story's entries changes no share of any one of them.

Samples are full (``SAMPLE_MAX`` hashes) and of other ranges of values, so each candidate's bound is its own
and ``quoted``'s common bound is below most: both the reused and the newly built sets are read.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from monitor.dedup.compare import Stored, containment, explained, quoted
from monitor.dedup.signature import SAMPLE_MAX, Signature


def u32(hashes: list[int]) -> bytes:
    return np.array(sorted(hashes), dtype="<u4").tobytes()


def fresh(hashes: list[int]) -> Signature:
    """The entry being decided, its text sampled as ``hashes``, no longer than any candidate."""
    return Signature((), u32(hashes), b"", b"", b"", len(hashes), 0, 0, "", (), 0.0, shingles=frozenset(hashes))


def kept(story: int, hashes: list[int]) -> Stored:
    """A candidate of ``story``, longer than the entry: ``containment`` reads its sample."""
    return Stored(story, 0.0, (), u32(hashes), b"", b"", b"", 10 * SAMPLE_MAX, 0, 0, "Wire")


def case(seed: int) -> tuple[list[int], list[Stored], dict[int, int]]:
    rng = random.Random(seed)
    mine = rng.sample(range(1, 3000), SAMPLE_MAX)
    texts = [rng.sample(range(1, rng.randrange(2000, 4000)), SAMPLE_MAX) for _ in range(9)]
    verified = [kept(rng.randrange(1, 5), text) for text in texts]
    return mine, verified, {story: story % 2 for story in range(1, 5)}


@pytest.mark.parametrize("seed", range(4))
def test_after_containment_the_shares_are_those_of_a_first_reading(seed: int) -> None:
    mine, verified, group = case(seed)
    decided = fresh(mine)
    evidence = [containment(decided, doc) for doc in verified]
    assert quoted(decided, verified, group) == quoted(fresh(mine), verified, group)
    assert quoted(decided, verified) == quoted(fresh(mine), verified)  # each story on its own, after joining
    assert [explained(decided, doc) for doc in verified] == [explained(fresh(mine), doc) for doc in verified]
    assert evidence == [containment(fresh(mine), doc) for doc in verified]
    assert any(e.found for e in evidence), "the texts share passages: the comparison compares something"
    assert len({int.from_bytes(doc.sample[-4:], "little") for doc in verified}) > 1, "bounds of their own"

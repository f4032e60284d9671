"""How a candidate story scores against a new story's keywords: the pieces of ``EventIndex.find``. Pure.

The candidates are the stories found under most of the new story's names, numbers and days
(``_most_found``, counted in numpy); each is scored by the IDF-weighted cosine of the keywords
the two can share (``_weight``, ``_score``, ``_Weights``; bounded by ``_bound``), with the share of the new
story's names found in it (``_named``); two reports that each print ``MIN_NUMBERS`` numbers and share none report
different happenings (``_numbers_disagree``).
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Collection, Iterable
from itertools import repeat
from operator import itemgetter

import numpy as np

from monitor.dedup.eventkeys import _script

CANDIDATES = 20  # stories scored per entry, most shared probe keywords first
MIN_SHARED = 3
# A new story whose names, numbers and days the window knows only two of (a correction naming the place and
# the figure it fixes, a short rewrite) is weighed against the stories holding both: at least LEAST_SHARED.
LEAST_SHARED = 2
MIN_NUMBERS = 3  # with this many numbers each, two reports of one happening share at least one
# The least weight a key has: no key is in more stories than the window holds (n - 1 of ``_ByDf``'s n).
LEAST = math.log(1 + 1.0) ** 2


class _Weights:
    """idf(word) squared for the index as it is now: the terms of the cosine. Lives for one ``find``.

    The expression is ``EventIndex.idf``'s, inlined: a ``find`` weighs a hundred-odd words, and
    equal bits matter (ties between candidates go to the first), so nothing is approximated.
    """

    def __init__(self, df: dict[str, int], stories: int):
        self._df = df
        self._by_df = _ByDf(stories + 1)

    def of(self, words: Iterable[str]) -> list[float]:
        """The weights of ``words``, in their order (sums over them add up in the same order)."""
        return list(map(self._by_df.__getitem__, map(self._df.get, words, repeat(0))))

    def total(self, words: Iterable[str]) -> float:
        """The sum of the weights of ``words``, exactly rounded (``fsum``: in any order, the same bits)."""
        return math.fsum(map(self._by_df.__getitem__, map(self._df.get, words, repeat(0))))

    def least(self, most_df: int) -> float:
        """The least weight of a word in at most ``most_df`` stories: its weight, as the weight falls with the DF."""
        return self._by_df[most_df]


class _ByDf(dict[int, float]):
    """The weight of a word by its DF, computed at first ask: a find weighs ~1,600 words of up to
    ``CANDIDATES`` stories, most of them with a DF some other word had (the same expression: the same bits)."""

    def __init__(self, n: int):
        super().__init__()
        self._n = n

    def __missing__(self, df: int) -> float:
        weight = self[df] = math.log(1 + self._n / (df + 1)) ** 2
        return weight


def _most_found(read: list[array[int]], narrow: bool, least: int = MIN_SHARED) -> list[int]:
    """The stories found in ``least`` or more of the postings ``read``, at most ``CANDIDATES``.

    Most found first; ties in the order first found (``Counter.most_common`` over the postings
    in turn, without counting the hundreds of stories found once in Python). ``narrow``: every
    story id fits in 32 bits.
    """
    found = np.frombuffer(b"".join(read), dtype=np.int64)
    ids = found.astype(np.int32) if narrow else found  # int32 sorts in half the time
    # sp37: most new stories share ``least`` keys with no story (dedup_speed, 100k: 84 finds of 7,000 do). Sorted,
    # a story found under ``least`` keys is a run of ``least`` equal ids: one unstable sort says whether any is,
    # before the stable one that ranks them (~12 µs against ~29 for the whole, over ~1,100 ids).
    unranked = np.sort(ids)
    if unranked.size < least or not (unranked[least - 1 :] == unranked[: unranked.size - least + 1]).any():
        return []  # the common case: no story under enough keys
    # Stable: each story's run starts at its first sighting. Each posting is sorted, so timsort only merges runs.
    order = ids.argsort(kind="stable")
    ranked = ids[order]
    starts = np.flatnonzero(np.concatenate(([True], ranked[1:] != ranked[:-1])))
    counts = np.diff(np.append(starts, ranked.size))
    kept = counts >= least  # some are: the sort above found one
    counts, firsts = counts[kept], order[starts[kept]]
    top = np.lexsort((firsts, -counts))[:CANDIDATES]  # most found first; ties: first found first
    return found[firsts[top]].tolist()


def _of_scripts(words: Iterable[str], scripts: frozenset[str | None]) -> set[str]:
    return {w for w in words if _script(w) in scripts}


def _weight(query: dict[str, float], common: Iterable[str]) -> float:
    """The sum of the weights of ``common``, some of the query's keys: the cosine's numerator.

    Sums are exactly rounded (``fsum``): a set's order changes with the hash seed, and an
    order-dependent sum would let a tie or a threshold fall differently from one run to the next.
    """
    return math.fsum(map(query.__getitem__, common))


def _score(shared: float, story: Iterable[str], weights: _Weights, total: float) -> float:
    """The cosine of a story (its keys ``story``, distinct) sharing keys of weight ``shared`` (``_weight``)
    with a query whose keys weigh ``total``."""
    norm = math.sqrt(total * weights.total(story))
    return shared / norm if norm else 0.0


def _rarest(query: dict[str, float], common: Iterable[str]) -> tuple[str, ...]:
    """The shared keys ``common``, rarest (heaviest) first; ties by name. Asked only of a story that is
    the best so far: the score, an exact sum, does not depend on their order."""
    return tuple(sorted(common, key=lambda w: (-query[w], w)))


def _bound(shared: float, total: float, others: int, least: float = LEAST) -> float:
    """No story sharing keys of weight ``shared`` with a query of weight ``total``, with ``others`` keys of its
    own besides, each weighing ``least`` or more, scores a cosine above this: its own sum of weights is at
    least ``shared`` + ``others`` * ``least``, so the cosine is at most shared / sqrt(total * that). ``LEAST``
    holds for any window; ``_Weights.least`` of the window's highest DF is closer (sp35: a newsroom's
    keywords are in far fewer stories than the window holds). Raised by a millionth, above any rounding of
    the cosine."""
    return shared / math.sqrt(total * (shared + others * least)) * (1 + 1e-6) if total and shared else 0.0


def _named(query: dict[str, float], shared: tuple[str, ...]) -> float:
    """The share of the query's script-neutral keys (names, numbers, days), by weight, in ``shared``."""
    total = math.fsum(weight for word, weight in query.items() if _script(word) is None)
    return math.fsum(query[word] for word in shared if _script(word) is None) / total if total else 0.0


def _numbers_disagree(
    query: Collection[str], story: Collection[str], shared: Collection[str], numbered: bool | None = None
) -> bool:
    """Do two reports that each print ``MIN_NUMBERS`` numbers or more share none of them, nor a named
    day? Reports of one happening agree on its figures (the toll, the price, the score); the next
    day's market close or another town's storm, written from the same frame, do not. ``numbered``:
    whether ``query`` prints ``MIN_NUMBERS`` (counted once by a caller asking of many stories)."""
    firsts = "".join(map(_FIRST, shared))  # a number's key starts with a digit, a named day's with "@"
    if "@" in firsts or any(map(str.isdigit, firsts)):
        return False
    if numbered is None:
        numbered = _count_numbers(query) >= MIN_NUMBERS
    return numbered and _count_numbers(story) >= MIN_NUMBERS


def _count_numbers(keys: Iterable[str]) -> int:
    """Number keys are values ("3412", "8.6", "1.2e+06"): the only keys that start with a digit.
    Counted in C (``map``): a ``find`` asks it of up to ``CANDIDATES`` stories of 80 keys each."""
    return sum(map(str.isdigit, map(_FIRST, keys)))


_FIRST = itemgetter(0)

"""Proximity of the parts of an ``all`` group: within N words, in order, in one sentence or paragraph. Pure."""

from __future__ import annotations

from collections.abc import Callable, Hashable

Hit = tuple[int, int, int]  # (field index, start, end) in the field's folded text
Segment = Callable[[Hit], Hashable]  # the field, or the field and its sentence / paragraph
Word = Callable[[Hit], int]


def close_hits(parts: list[list[Hit]], near: int | None, segment: Segment, word: Word, ordered: bool) -> list[Hit]:
    """Hits of some window, inside one segment and at most ``near`` words wide (any width
    when None), that holds a hit of every part (in the parts' order when ``ordered``)."""
    if ordered:
        return _ordered(parts, near, segment, word)
    span = near if near is not None else 1 << 30
    items = sorted((segment(h), word(h), index, h) for index, part in enumerate(parts) for h in part)
    counts = [0] * len(parts)
    covered = 0
    used: set[Hit] = set()
    left = 0
    for right, (seg, at, index, _) in enumerate(items):
        covered += counts[index] == 0
        counts[index] += 1
        while items[left][0] != seg or at - items[left][1] > span:
            counts[items[left][2]] -= 1
            covered -= counts[items[left][2]] == 0
            left += 1
        if covered == len(parts):
            used.update(item[3] for item in items[left : right + 1])
    return [h for h in (item[3] for item in items) if h in used]


def _ordered(parts: list[list[Hit]], near: int | None, segment: Segment, word: Word) -> list[Hit]:
    """Chains part 1 → part 2 → …, each hit after the one before, taking the earliest
    (which keeps a chain from its first hit as short as it can be)."""
    span = near if near is not None else 1 << 30
    ordered = [sorted(part, key=lambda h: (h[0], h[1])) for part in parts]
    used: list[Hit] = []
    for first in ordered[0]:
        chain = [first]
        for part in ordered[1:]:
            prev = chain[-1]
            follow = next((h for h in part if segment(h) == segment(prev) and h[1] >= prev[2]), None)
            if follow is None:
                break
            chain.append(follow)
        if len(chain) == len(parts) and word(chain[-1]) - word(first) <= span:
            used.extend(h for h in chain if h not in used)
    return used

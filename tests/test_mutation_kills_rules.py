"""Proximity windows and text units of the rules, checked against brute force. Written to
kill mutants that survived ``python -m benchmarks.mutation rules --paths
monitor/rules/windows.py monitor/rules/units.py``: the operator tests (test_rules_operators.py)
show each operator once; these compare ``close_hits`` with a reference that tries every
window and every chain (written here, sharing nothing with the module), on seeded random
hits, and pin where the ``lead`` field is cut.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from itertools import pairwise, product

import pytest

from monitor.models import Entry
from monitor.rules.units import breaks, lead_text
from monitor.rules.windows import Hit, close_hits
from monitor.text import match_text


def segment(hit: Hit) -> int:
    return hit[0]


def word(hit: Hit) -> int:
    return hit[1]  # a hit's start is its word number here


def window_reference(parts: list[list[Hit]], near: int | None) -> set[Hit]:
    """Every hit inside some window of one field, at most ``near`` words wide, that holds a hit of every part."""
    every = [h for part in parts for h in part]
    width = near if near is not None else 10**9
    used: set[Hit] = set()
    for low in every:
        inside = [h for h in every if h[0] == low[0] and low[1] <= h[1] <= low[1] + width]
        if all(any(h in inside for h in part) for part in parts):
            used.update(inside)
    return used


def chain_reference(parts: list[list[Hit]], near: int | None) -> bool:
    """Whether some chain takes one hit of each part, in order, in one field, within ``near`` words."""
    width = near if near is not None else 10**9
    for chain in product(*parts):
        same = all(h[0] == chain[0][0] for h in chain)
        follows = all(b[1] >= a[2] for a, b in pairwise(chain))
        if same and follows and chain[-1][1] - chain[0][1] <= width:
            return True
    return False


def random_parts(dice: random.Random) -> list[list[Hit]]:
    parts = []
    for _ in range(dice.randint(2, 3)):
        starts = {(dice.randint(0, 1), dice.randint(0, 12)) for _ in range(dice.randint(1, 4))}
        parts.append([(field, start, start + 1) for field, start in sorted(starts)])
    return parts


@pytest.mark.parametrize("seed", range(6))
def test_close_hits_are_those_of_every_covering_window(seed):
    dice = random.Random(seed)
    for _ in range(150):
        parts, near = random_parts(dice), dice.choice([None, 0, 1, 2, 3, 5])
        found = close_hits(parts, near, segment, word, ordered=False)
        assert set(found) == window_reference(parts, near), (parts, near)
        assert found == sorted(found)  # in text order


@pytest.mark.parametrize("seed", range(6))
def test_ordered_hits_exist_exactly_when_an_ordered_chain_does(seed):
    dice = random.Random(seed)
    for _ in range(150):
        parts, near = random_parts(dice), dice.choice([None, 0, 1, 2, 3, 5])
        found = close_hits(parts, near, segment, word, ordered=True)
        assert bool(found) is chain_reference(parts, near), (parts, near)
        assert all(any(h in part for part in parts) for h in found)


def test_an_ordered_chain_is_measured_from_its_first_to_its_last_hit():
    parts = [[(0, 0, 1)], [(0, 2, 3)], [(0, 4, 5)]]
    assert close_hits(parts, 4, segment, word, ordered=True) == [(0, 0, 1), (0, 2, 3), (0, 4, 5)]
    assert close_hits(parts, 3, segment, word, ordered=True) == []  # 4 words from first to last
    unsorted = [[(0, 9, 10), (0, 0, 1)], [(0, 2, 3)]]
    assert close_hits(unsorted, 2, segment, word, ordered=True) == [(0, 0, 1), (0, 2, 3)]


# --- sentences, paragraphs, the lead ----------------------------------------------------------


def test_sentence_and_paragraph_starts_group_the_words():
    raw = "One two. Three four!\nFive six.\n\nSeven"
    folded = match_text(raw)
    sentences, paragraphs, _ = breaks(raw, folded)
    where = {w: folded.index(w) for w in ("one", "two", "three", "four", "five", "six", "seven")}

    def unit(starts: list[int], w: str) -> int:
        return bisect_right(starts, where[w]) - 1

    same = [unit(sentences, a) == unit(sentences, b) for a, b in zip(where, list(where)[1:], strict=False)]
    assert same == [True, False, True, False, True, False]  # one·two | three·four | five·six | seven
    assert unit(sentences, "one") == 0
    assert [unit(paragraphs, w) for w in where] == [0, 0, 0, 0, 1, 1, 2]
    assert paragraphs == [0, folded.index("five"), folded.index("seven")]


def entry(title: str, body: str) -> Entry:
    return Entry("f", "O", "k", "", title, "", body)


def test_the_lead_is_the_title_and_the_first_paragraphs_first_sixty_words():
    words = [f"w{n}" for n in range(61)]
    assert lead_text(entry("T", " ".join(words) + "\nSecond")) == "T\n" + " ".join(words[:60])
    assert lead_text(entry("T", "\n  \nFirst para\nSecond")) == "T\nFirst para"
    assert lead_text(entry("T", "\n  \n")) == "T"  # no body: the title alone, no empty line


def test_an_unspaced_lead_is_cut_to_twice_as_many_characters():
    """Japanese has no spaces: 240 characters stand for 60 words, when at least 21 of the first
    40 characters are of an unspaced script."""
    japanese = "リ" * 300
    assert lead_text(entry("T", japanese)) == "T\n" + "リ" * 240
    latin = "a" * 300  # one long token of a spaced script: kept whole
    assert lead_text(entry("T", latin)) == "T\n" + latin
    mostly = "リ" * 21 + "a" * 279
    assert lead_text(entry("T", mostly)) == "T\n" + mostly[:240]
    half = "リ" * 20 + "a" * 20 + "リ" * 260  # 20 of the first 40: not enough
    assert lead_text(entry("T", half)) == "T\n" + half
    exact = "リ" * 240
    assert lead_text(entry("T", exact)) == "T\n" + exact

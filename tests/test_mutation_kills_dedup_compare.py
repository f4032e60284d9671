"""Tests written to kill ``monitor/dedup/compare.py`` mutants that survived
``python -m benchmarks.mutation dedup`` (session mt7; benchmarks/mutation_survivors.md).

Each asserts what a docstring of compare.py promises: the share of one text a story accounts
for (``explained``), measured on the shingles sampled below both texts' thresholds; when a
longer text is a round-up or its story's outlet's follow-up; the share each story is quoted
by (``quoted``); and what the evidence says in words. The signatures are built by hand from
shingle hashes, so each share is exact; the thresholds are the module's own constants, read,
never restated.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from monitor.dedup import compare
from monitor.dedup.compare import Evidence, Stored, explained, follow_up, quoted, round_up
from monitor.dedup.signature import SAMPLE_MAX, Signature

WIRE, POST = "Harbour Wire", "Ostrand Post"


def u32(hashes: list[int] | range) -> bytes:
    return np.array(sorted(hashes), dtype="<u4").tobytes()


def fresh(hashes: list[int] | range, outlet: str = POST, sentences: tuple[int, ...] = ()) -> Signature:
    """The entry being decided: a text whose sampled shingle hashes are ``hashes``."""
    sample = u32(hashes)
    return Signature(
        keys=(),
        sample=sample,
        opening=b"",
        sentences=np.array(sentences, dtype="<u4").tobytes(),
        facts=b"",
        length=len(hashes),
        flags=0,
        title=1,  # its own headline: under the stored entries' (0) a text is their copy
        lede="",
        keywords=(),
        when=0.0,
        outlet=outlet,
        shingles=frozenset(hashes),
    )


def kept(story: int, hashes: list[int] | range, outlet: str = WIRE, sentences: tuple[int, ...] = ()) -> Stored:
    """An entry of ``story`` in the index, its text sampled as ``hashes``."""
    return Stored(
        story, 0.0, (), u32(hashes), b"", np.array(sentences, dtype="<u4").tobytes(), b"", len(hashes), 0, 0, outlet
    )


def exact_count(share: float, total: int) -> int:
    """How many of ``total`` passages make exactly ``share`` (the constants are round shares)."""
    count = round(share * total)
    assert count / total == share, "the test needs a share that is a whole number of passages"
    return count


TEXT = range(1000, 1100)  # a text of 100 sampled shingles: fewer than SAMPLE_MAX, so kept whole


def test_explained_is_the_share_of_the_sampled_text_found_and_nothing_found_is_none():
    assert explained(fresh(TEXT), kept(1, range(1000, 1040))) == pytest.approx(0.4)
    assert explained(fresh(TEXT), kept(1, range(5000, 5040))) == 0.0
    assert explained(fresh([]), kept(1, TEXT)) == 0.0  # no text sampled: none of it is explained


def test_passages_beyond_the_other_text_s_sample_are_not_counted_against_it():
    """The other text sampled its SAMPLE_MAX smallest hashes: above its largest, it may hold a
    passage without having sampled it, so the share is measured below both thresholds only."""
    other = kept(1, range(SAMPLE_MAX))  # a full sample: its threshold is just above SAMPLE_MAX - 1
    query = fresh([*range(0, SAMPLE_MAX, 2), SAMPLE_MAX, SAMPLE_MAX + 7])  # half of it, then two above
    assert explained(query, other) == 1.0
    assert quoted(query, [other]) == {1: 1.0}


def test_a_longer_text_of_the_story_s_own_outlet_mostly_new_is_a_follow_up():
    own = kept(1, range(1000, 1020), outlet=POST)  # the outlet's first report: a fifth of the new text
    assert follow_up(fresh(TEXT, outlet=POST), 1, [own])
    assert not follow_up(fresh(TEXT, outlet=""), 1, [own])  # an outlet not known: no follow-up
    assert not follow_up(fresh(TEXT, outlet=WIRE), 1, [own])  # another outlet's text: a copy, not a follow-up
    assert not follow_up(fresh(TEXT, outlet=POST), 2, [own])  # the story has no entry of that outlet


def test_a_text_its_story_accounts_for_the_follow_up_share_of_is_no_follow_up():
    """``FOLLOW_UP_OWN`` of the text being the story's is enough: an update, not a new story."""
    held = exact_count(compare.FOLLOW_UP_OWN, 100)
    other_entry = kept(1, range(1000, 1000 + held), outlet=WIRE)
    own = kept(1, range(1000, 1000 + held - 1), outlet=POST)
    assert not follow_up(fresh(TEXT, outlet=POST), 1, [own, other_entry])  # the best entry of the story counts
    assert follow_up(fresh(TEXT, outlet=POST), 1, [own])


def test_a_text_its_story_accounts_for_the_round_up_share_of_is_a_copy_not_a_round_up():
    own = exact_count(compare.ROUND_UP_OWN, 100)
    story = kept(1, range(1000, 1000 + own))
    rest = kept(2, range(1000 + own, 1100))  # another story holds all the rest
    assert not round_up(fresh(TEXT), 1, [story, rest])
    assert round_up(fresh(TEXT), 1, [kept(1, range(1000, 1000 + own - 1)), rest])


def test_a_text_under_its_story_s_headline_is_no_round_up_whatever_else_it_quotes():
    """Round 28: a round-up has a headline of its own; under the story's, a short story's copy closed with its
    outlet's line (printed under another story before) is the story's copy."""
    own = exact_count(compare.ROUND_UP_OWN, len(TEXT))
    story, rest = kept(1, range(1000, 1000 + own - 1)), kept(2, range(1000 + own - 1, 1100))
    assert round_up(fresh(TEXT), 1, [story, rest])
    assert not round_up(replace(fresh(TEXT), title=story.title), 1, [story, rest])


def test_a_text_another_story_accounts_for_most_of_is_that_story_s_copy_not_a_round_up():
    own = kept(1, range(1000, 1030))  # a third of it
    most = exact_count(compare.ROUND_UP_OWN, 100)
    other = kept(2, range(1000, 1000 + most))  # the same third and more: most of the text
    assert not round_up(fresh(TEXT), 1, [own, other])
    assert round_up(fresh(TEXT), 1, [own, kept(2, range(1000, 1000 + most - 1))])


def test_a_text_most_of_whose_sampled_passages_one_other_story_alone_holds_is_no_round_up():
    """Measured below every candidate's threshold, another story alone can hold most of the text
    though no candidate explains that much of it pairwise: the same text under two stories."""
    most = exact_count(compare.ROUND_UP_OWN, 80)
    # A full sample ending at hash 1079: every candidate is compared below 1080, 80 passages.
    full = kept(3, [*range(SAMPLE_MAX - 1), 1079])
    own = kept(1, range(1090, 1100))
    other = kept(2, range(1000, 1000 + most))
    assert quoted(fresh(TEXT), [own, other, full]) == {2: most / 80, 3: 1 / 80}
    assert not round_up(fresh(TEXT), 1, [own, other, full])


def test_a_round_up_quotes_other_stories_each_at_least_a_part_and_together_enough():
    """Not its story's copy, and other stories each quoted ``ROUND_UP_PART`` or more, for
    ``ROUND_UP_OTHERS`` together: a round-up, at exactly those shares."""
    part = exact_count(compare.ROUND_UP_PART, 100)
    together = exact_count(compare.ROUND_UP_OTHERS, 100)
    own = kept(1, range(1000, 1050))
    small, large = kept(2, range(1050, 1050 + part)), kept(3, range(1050 + part, 1050 + together))
    assert quoted(fresh(TEXT), [own, small, large]) == {1: 0.5, 2: part / 100, 3: (together - part) / 100}
    assert round_up(fresh(TEXT), 1, [own, small, large])
    assert not round_up(fresh(TEXT), 1, [own, kept(2, range(1050, 1050 + part - 1)), large])
    smaller = kept(3, range(1050 + part, 1050 + together - 1))
    assert not round_up(fresh(TEXT), 1, [own, small, smaller])


def test_a_passage_two_stories_hold_is_quoted_from_neither():
    shared = [kept(1, range(1000, 1020)), kept(2, range(1010, 1030))]
    assert quoted(fresh(TEXT), shared) == {1: 0.1, 2: 0.1}
    assert quoted(fresh(TEXT), []) == {}


def says(query: Signature, other: Stored) -> str:
    return Evidence(80.0, 100, query_shorter=True).says(7, other, query)


def test_the_evidence_names_the_entry_and_its_outlet_only_when_known():
    assert "appears in entry 7 (Harbour Wire);" in says(fresh(TEXT, sentences=(1, 2)), kept(1, TEXT, sentences=(1, 2)))
    text = says(fresh(TEXT, sentences=(1, 2)), kept(1, TEXT, outlet="", sentences=(1, 2)))
    assert "appears in entry 7;" in text  # neither "()" nor a placeholder where the outlet would go


def test_sentences_word_for_word_are_said_in_order_only_when_two_or_more_follow_in_order():
    in_order = says(fresh(TEXT, sentences=(1, 2, 3)), kept(1, TEXT, sentences=(1, 2, 9)))
    assert "(2 of 3) word for word, in order" in in_order
    swapped = says(fresh(TEXT, sentences=(1, 2, 3)), kept(1, TEXT, sentences=(2, 1, 9)))
    assert "(2 of 3) word for word" in swapped and "in order" not in swapped
    one = says(fresh(TEXT, sentences=(1, 8, 3)), kept(1, TEXT, sentences=(1, 2, 9)))
    assert "(1 of 3) word for word" in one and "in order" not in one

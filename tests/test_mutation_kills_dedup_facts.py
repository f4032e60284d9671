"""Tests written to kill ``monitor/dedup/compare.py`` mutants of the names-and-numbers checks and the
round-up's events that survived ``python -m benchmarks.mutation dedup`` (session mt8, sampled;
benchmarks/mutation_survivors.md).

What compare.py promises: ``headline_facts`` is the percent of one text's names and numbers found
in the other's, both taken below the same bound; ``swapped_facts`` holds when each of two texts
of about one length prints a fact the other does not (a copy adds or loses facts one way only);
``Evidence.facts`` counts, when ``MISSING_FACTS`` or more are missing, only the facts of the
sentences the other does not have word for word; a round-up's quoted stories of one event
count as one happening. Signatures are built by hand from hashes, so every share is exact; the
bounds are the module's constants, read.
"""

from __future__ import annotations

import numpy as np
import pytest

from monitor.dedup import compare
from monitor.dedup.compare import Evidence, Stored, headline_facts, round_up, swapped_facts
from monitor.dedup.shingles import FACTS
from monitor.dedup.signature import Signature


def u32(values: list[int] | range) -> bytes:
    return np.array(sorted(values), dtype="<u4").tobytes()


def fresh(
    facts: list[int] | range = (),  # type: ignore[assignment]
    sample: list[int] | range = range(1000, 1100),
    length: int = 100,
    lines: tuple[tuple[int, frozenset[int], frozenset[int]], ...] = (),
) -> Signature:
    return Signature(
        keys=(),
        sample=u32(sample),
        opening=b"",
        sentences=b"",
        facts=u32(facts),
        length=length,
        flags=0,
        title=1,  # its own headline: under the stored entries' (0) a text is their copy
        lede="",
        keywords=(),
        when=0.0,
        outlet="Ostrand Post",
        shingles=frozenset(sample),
        lines=lines,
    )


def kept(
    story: int,
    sample: list[int] | range = range(1000, 1100),
    facts: list[int] | range = (),  # type: ignore[assignment]
    length: int = 100,
    sentences: tuple[int, ...] = (),
) -> Stored:
    return Stored(
        story, 0.0, (), u32(sample), b"", np.array(sentences, dtype="<u4").tobytes(), u32(facts), length, 0, 0, "Wire"
    )


def test_the_share_of_facts_is_taken_over_every_fact_below_the_common_bound() -> None:
    """A text with its full ``FACTS`` smallest hashes: every one of them up to the largest counts."""
    mine = range(10, 10 + FACTS)
    half = list(mine)[: FACTS // 2]  # the other has the smaller half of them, and few facts (no bound of its own)
    assert headline_facts(fresh(mine), kept(1, facts=half)) == pytest.approx(100.0 * len(half) / FACTS)
    assert headline_facts(fresh(mine), kept(1, facts=mine)) == 100.0


def test_facts_above_the_other_text_s_full_sample_of_them_are_not_held_against_it() -> None:
    theirs = range(10, 10 + FACTS)  # full: it kept its FACTS smallest, above them it may hold more
    mine = [*range(10, 20), 10 + FACTS + 5, 10 + FACTS + 9]  # ten below its bound, found; two above
    assert headline_facts(fresh(mine), kept(1, facts=theirs)) == 100.0


def test_a_copy_that_adds_facts_one_way_is_no_swap_and_texts_that_each_print_their_own_are() -> None:
    shared = list(range(50, 60))
    assert not swapped_facts(fresh([*shared, 7]), kept(1, facts=shared))  # this one added a figure
    assert not swapped_facts(fresh(shared), kept(1, facts=[*shared, 7]))  # the other one did
    assert swapped_facts(fresh([*shared, 7]), kept(1, facts=[*shared, 8]))  # 120 trucks, not 300
    assert not swapped_facts(fresh(shared), kept(1, facts=shared))


def test_texts_far_apart_in_length_are_no_swap_whatever_their_facts() -> None:
    short = int(100 * compare.SWAP_LENGTH) - 1
    assert not swapped_facts(fresh([1, 2, 3], length=short), kept(1, facts=[4, 5, 6], length=100))
    assert swapped_facts(fresh([1, 2, 3], length=100), kept(1, facts=[4, 5, 6], length=100))


def line(sentence: int, shingles: range, facts: set[int]) -> tuple[int, frozenset[int], frozenset[int]]:
    return sentence, frozenset(shingles), frozenset(facts)


def test_facts_missing_from_sentences_not_word_for_word_are_judged_alone() -> None:
    """Two bulletins of one template: the frame's sentence word for word (its facts agree), and a
    sentence of the same frame printing other figures. ``MISSING_FACTS`` of those missing: the share
    is of that sentence's facts alone, not diluted by the frame's."""
    other = kept(1, sample=range(1000, 1100), facts=[1, 2, 3, 4], sentences=(71,))
    frame = line(71, range(1000, 1010), {1, 2, 3, 4})  # word for word in the other
    figures = {20 + n for n in range(compare.MISSING_FACTS)}
    near = line(72, range(1010, 1020), figures)  # shares shingles, not word for word
    query = fresh(facts=[1, 2, 3, 4, *figures], lines=(frame, near))
    assert Evidence(90.0, 100, query_shorter=True).facts(query, other) == 0.0
    # One fact fewer missing: all the shared sentences' facts count together.
    fewer = line(72, range(1010, 1020), set(list(figures)[1:]))
    query = fresh(facts=[1, 2, 3, 4, *figures], lines=(frame, fewer))
    expected = 100.0 * 4 / (4 + len(figures) - 1)
    assert Evidence(90.0, 100, query_shorter=True).facts(query, other) == pytest.approx(expected)


def test_a_round_up_quoting_a_story_and_its_follow_up_counts_their_event_once() -> None:
    """The passages a follow-up repeats from its story are in both: by story they are in no one story
    only, by event they are one quoted happening, and the round-up is still a round-up."""
    own, quoted_share = 30, 30  # of 100 sampled passages
    assert compare.ROUND_UP_PART <= quoted_share / 100 < compare.ROUND_UP_OWN
    assert quoted_share / 100 >= compare.ROUND_UP_OTHERS and own / 100 < compare.ROUND_UP_OWN
    sig = fresh(sample=range(1000, 1100))
    story = kept(1, sample=range(1000, 1000 + own))
    first = kept(2, sample=range(1050, 1050 + quoted_share))
    follow = kept(3, sample=range(1050, 1050 + quoted_share))  # repeats the same passages
    events = {1: 1, 2: 20, 3: 20}  # the story's event has the story's number, as a first story's does
    assert round_up(sig, 1, [story, first, follow], events.get)
    assert not round_up(sig, 1, [story, first, follow])  # two stories of no known event: in neither alone


def test_a_text_quoting_a_part_of_each_of_two_stories_of_different_events_is_a_digest() -> None:
    """Two stories are enough: "each of two stories or more of different events"."""
    part = 20  # of 100 sampled passages, each story's own
    assert part / 100 >= compare.ROUND_UP_PART
    sig = fresh(sample=range(1000, 1100))
    first, second = kept(1, sample=range(1000, 1000 + part)), kept(2, sample=range(1050, 1050 + part))
    events = {1: 10, 2: 20}
    assert compare.digest(sig, [first, second], events.get, {1: part, 2: part})
    assert not compare.digest(sig, [first, second], {1: 10, 2: 10}.get, {1: part, 2: part})  # one event

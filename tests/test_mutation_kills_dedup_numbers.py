"""Tests written to kill dedup mutants of numbers, named days and a desk's repeated opening that survived
``python -m benchmarks.mutation dedup`` (session mt8, sampled; benchmarks/mutation_survivors.md).

What the docstrings promise: ``number_key`` gives one key to a number however it is written
("1.2 million" and "1,200,000"); ``named_days`` finds every month-and-day of a text, the first
words included; ``repeats`` finds the entry of the outlet's own, at most ``EVENT_HOURS`` before,
whose first paragraph a new text opens with; ``_facts`` measures both texts' facts below the
same bound, the other text's largest sampled fact included.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import numpy as np
import pytest

from monitor.dedup import signature
from monitor.dedup.clean import BYLINE, DATELINE, TRUNCATED
from monitor.dedup.compare import REPEATED, Stored, headline_facts, repeats
from monitor.dedup.dates import named_days
from monitor.dedup.eventkeys import event_time
from monitor.dedup.events import EVENT_HOURS
from monitor.dedup.shingles import FACTS, number_key, shingle_hashes
from monitor.dedup.signature import Signature
from monitor.models import Entry

PUBLISHED = datetime(2026, 5, 4, 9, tzinfo=UTC)


@pytest.mark.parametrize(
    ("written", "times", "plain"),
    [("2.125", "billion", "2,125,000,000"), ("4.750", "million", "4,750,000")],
)
def test_a_multiplied_number_with_three_decimals_is_the_plain_number(written: str, times: str, plain: str) -> None:
    """With a multiplier, one separator is the decimal point, even before three digits: "$2.125
    billion" is 2,125,000,000, not 2,125 billion."""
    assert number_key(written, times) == number_key(plain)


def test_a_number_with_two_separators_and_a_multiplier_groups_thousands() -> None:
    assert number_key("1,250.5", "thousand") == number_key("1,250,500")


@pytest.mark.parametrize("text", ["March 3 the council met", "Mar. 3: council met", "march 3"])
def test_a_month_and_day_that_open_the_text_are_a_named_day(text: str) -> None:
    assert named_days(text, PUBLISHED) == [date(2026, 3, 3)]


def test_a_month_and_day_later_in_the_text_are_found_too() -> None:
    assert named_days("The council met on March 3 and again on April 9", PUBLISHED) == [
        date(2026, 3, 3),
        date(2026, 4, 9),
    ]


def u32(values: list[int] | range | tuple[int, ...]) -> bytes:
    return np.array(values, dtype="<u4").tobytes()


def opening_of(outlet: str, when: float) -> Signature:
    """A desk's next story: its first ``REPEATED`` sentences (hashes 1, 2…, naming facts), then new ones."""
    lines = tuple((n, frozenset({n * 10}), frozenset({n * 100})) for n in range(1, REPEATED + 3))
    return Signature(
        keys=(),
        sample=b"",
        opening=b"",
        sentences=u32(tuple(h for h, _, _ in lines)),
        facts=b"",
        length=50,
        flags=0,
        title=0,
        lede="",
        keywords=(),
        when=when,
        outlet=outlet,
        lines=lines,
    )


def before(seen: float, outlet: str = "Harbour Wire") -> Stored:
    """The story the desk ran before: its first paragraph is the new text's first sentences."""
    return Stored(1, seen, (), b"", b"", u32(tuple(range(1, REPEATED + 1))), b"", 40, 0, 0, outlet)


def test_a_desk_s_next_story_repeats_a_story_of_at_most_event_hours_before() -> None:
    now = 2_000_000_000.0
    limit = EVENT_HOURS * 3600
    doc = before(now - limit)
    assert repeats(opening_of("Harbour Wire", now), [doc]) is doc  # exactly EVENT_HOURS before
    assert repeats(opening_of("Harbour Wire", now), [before(now - limit - 1)]) is None  # a second more
    assert repeats(opening_of("Harbour Wire", now), [before(now + 60)]) is None  # after it: not before
    assert repeats(opening_of("Ostrand Post", now), [before(now - 60)]) is None  # another outlet's


def test_facts_up_to_the_other_s_largest_sampled_fact_count() -> None:
    """The other text kept its ``FACTS`` smallest fact hashes (even ones here): its largest is below the
    bound like the rest, so a fact of ours equal to it is found, one between is missing."""
    theirs = list(range(10, 10 + 2 * FACTS, 2))
    largest = theirs[-1]
    mine = [11, 12, 13, 15, largest]  # 12 and the largest found, three odd ones missing
    query = Signature(
        keys=(), sample=b"", opening=b"", sentences=b"", facts=u32(mine), length=50, flags=0, title=0,
        lede="", keywords=(), when=0.0,
    )  # fmt: skip
    other = Stored(1, 0.0, (), b"", b"", b"", u32(theirs), 50, 0, 0, "Wire")
    assert headline_facts(query, other) == pytest.approx(100.0 * 2 / 5)


def test_an_event_named_on_an_earlier_day_happened_at_noon_of_that_day_where_it_was_published() -> None:
    """ "At noon" is the publisher's noon: an entry published in Tokyo on 4 May naming 3 May happened
    at noon Tokyo time on 3 May, not at noon of another time zone."""
    tokyo = timezone(timedelta(hours=9))
    published = datetime(2026, 5, 4, 9, tzinfo=tokyo)
    body = "On May 3 the port of Kobe reopened."
    item = Entry("f", "Tokyo Desk", "k", "https://tokyo.example/k", "Port reopens", "", body, published=published)
    assert event_time(item, published, timedelta(days=3)) == datetime(2026, 5, 3, 12, tzinfo=tokyo).timestamp()


def test_no_tokens_make_no_shingles() -> None:
    assert len(shingle_hashes([])) == 0


def test_a_story_without_wrapping_is_signed_without_a_dateline_byline_or_truncation() -> None:
    body = "The council of Valmoy sold the old tram depot to a bakery for 4 million on Tuesday."
    plain = Entry("f", "Wire", "p", "https://wire.example/p", "Depot sold", "", body, published=PUBLISHED)
    flags = signature(plain, PUBLISHED).flags
    assert not flags & (DATELINE | BYLINE | TRUNCATED)

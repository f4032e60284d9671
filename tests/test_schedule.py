"""The pure schedule: cadence, clamping, server hints, jitter, backoff, overflow. Clock and dice injected."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest

from monitor.config import Polling
from monitor.ingest.schedule import (
    Hints,
    Policy,
    after_failure,
    after_success,
    base_interval,
    cadence,
    longest_wait,
    overflowed,
)
from monitor.outbox import notices as health

NOW = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
POLICY = Policy(min_interval=300, max_interval=4 * 3600, backoff_base=60, backoff_cap=6 * 3600, jitter=60)


def low(a: float, b: float) -> float:
    return a


def high(a: float, b: float) -> float:
    return b


def hours_ago(*hours: float) -> list[datetime]:
    return [NOW - timedelta(hours=h) for h in hours]


def test_cadence_is_the_mean_gap_of_the_window():
    assert cadence(hours_ago(0, 1, 2, 3)) == 3600
    assert cadence([*hours_ago(0, 4), None, *hours_ago(2)]) == 7200  # undated entries do not count


@pytest.mark.parametrize("dates", [[], hours_ago(1), hours_ago(1, 2), hours_ago(1, 1, 1)])
def test_cadence_needs_three_distinct_dates(dates):
    assert cadence(dates) is None


def test_adaptive_interval_follows_cadence_inside_bounds():
    assert base_interval(POLICY, 900, adaptive=True, gap=1800) == 1800
    assert base_interval(POLICY, 900, adaptive=True, gap=10) == 300  # clamped up to min_interval
    assert base_interval(POLICY, 900, adaptive=True, gap=86400, previous=3 * 3600) == 4 * 3600  # clamped to max
    assert base_interval(POLICY, 900, adaptive=True, gap=None) == 900  # unknown cadence: the configured interval
    assert base_interval(POLICY, 900, adaptive=True, gap=None, previous=2400) == 2400  # 304: keep what it had


def test_a_new_feed_with_few_old_items_is_not_stretched_on_its_first_polls():
    """Issue 18: a wire with 4 items in 22 h went to max_interval (4 h) on its first poll."""
    gap = cadence(hours_ago(0.5, 8, 15, 22))
    assert gap is not None and gap > 7 * 3600
    intervals = [base_interval(POLICY, 900, adaptive=True, gap=gap)]
    for _ in range(4):
        intervals.append(base_interval(POLICY, 900, adaptive=True, gap=gap, previous=intervals[-1]))
    assert intervals == [1800, 3600, 7200, 4 * 3600, 4 * 3600]  # doubles per poll, then the bound
    # ... and shrinks at once when the feed speeds up.
    assert base_interval(POLICY, 900, adaptive=True, gap=600, previous=4 * 3600) == 600


def test_longest_wait_is_the_bound_a_replan_applies():
    assert longest_wait(POLICY, 900, adaptive=True, failing=False) == 4 * 3600 + 60
    assert longest_wait(POLICY, 30, adaptive=False, failing=False) == 33  # pinned: its interval, 10 % jitter
    assert longest_wait(POLICY, 30, adaptive=False, failing=True) == 6 * 3600  # backoff keeps its cap


def test_default_max_interval_suits_news():
    assert Policy().max_interval == 3600 == Polling().max_interval


def test_pinned_interval_is_kept_whatever_the_cadence():
    assert base_interval(POLICY, 60, adaptive=False, gap=86400) == 60
    assert base_interval(POLICY, 86400, adaptive=False, gap=10) == 86400


def test_overflow_halves_the_interval_down_to_the_minimum():
    assert base_interval(POLICY, 900, adaptive=True, gap=3600, previous=3600, overflow=True) == 1800
    assert base_interval(POLICY, 900, adaptive=True, gap=None, previous=400, overflow=True) == 300
    assert base_interval(POLICY, 600, adaptive=False, gap=None, previous=600, overflow=True) == 300
    assert base_interval(POLICY, 60, adaptive=False, gap=None, previous=60, overflow=True) == 60  # pinned below min


def test_success_waits_the_interval_plus_at_most_ten_percent_jitter():
    assert after_success(POLICY, NOW, 900, dice=low).delay == 900
    assert after_success(POLICY, NOW, 900, dice=high).delay == 960  # jitter capped at 60 s
    assert after_success(POLICY, NOW, 300, dice=high).delay == 330  # ... and at 10 % of the gap
    nxt = after_success(POLICY, NOW, 900, dice=low)
    assert nxt.at == NOW + timedelta(seconds=900) and nxt.interval == 900


@pytest.mark.parametrize(
    ("hints", "delay"),
    [
        (Hints(max_age=3600), 3600),  # Cache-Control / Expires is a lower bound
        (Hints(ttl=1800), 1800),  # RSS <ttl>
        (Hints(max_age=600, ttl=1200), 1200),  # the larger wins
        (Hints(max_age=60), 900),  # shorter than the interval: the interval
        (Hints(max_age=365 * 86400), 4 * 3600),  # a year-long max-age cannot stop polling
    ],
)
def test_server_hints_are_lower_bounds(hints, delay):
    assert after_success(POLICY, NOW, 900, hints, dice=low).delay == delay


def test_backoff_grows_exponentially_up_to_the_cap_and_never_gives_up():
    delays = [after_failure(POLICY, NOW, errors, 900, dice=high).delay for errors in range(1, 12)]
    assert delays[:5] == [60, 120, 240, 480, 960]
    assert all(b >= a for a, b in itertools.pairwise(delays))
    assert delays[-1] == 6 * 3600
    assert after_failure(POLICY, NOW, 100_000, 900, dice=high).delay == 6 * 3600  # no overflow, no giving up


def test_backoff_jitter_keeps_the_gaps_growing():
    """The smallest draw of one step is above the largest draw of the step before, below the cap.

    Mutation tried: BACKOFF_SPREAD 0.75 -> 0.4 (a gap could then shrink: 0.8 x the step before);
    the old bound (0.745 x) let it pass, this one fails.
    """
    for errors in range(1, 8):  # 60 s * 2**7 < backoff_cap: every step here is below the cap
        assert (
            after_failure(POLICY, NOW, errors + 1, 900, dice=low).delay
            > after_failure(POLICY, NOW, errors, 900, dice=high).delay
        ), errors


def test_backoff_jitter_is_drawn_from_a_quarter_of_the_step():
    """The dice is asked for [75 %, 100 %] of the step: the spread is jitter, not a smaller step."""
    asked: list[tuple[float, float]] = []

    def record(a: float, b: float) -> float:
        asked.append((a, b))
        return b

    assert after_failure(POLICY, NOW, 3, 900, dice=record).delay == 240
    assert asked == [(0.75, 1.0)]


def test_retry_after_is_a_lower_bound_on_the_backoff():
    assert after_failure(POLICY, NOW, 1, 900, retry_after=1200, dice=high).delay == 1200
    assert after_failure(POLICY, NOW, 1, 900, retry_after=5, dice=high).delay == 60
    # A server asking for a month still gets polled again within the cap.
    assert after_failure(POLICY, NOW, 1, 900, retry_after=30 * 86400, dice=high).delay == 6 * 3600


def test_overflow_needs_all_new_entries_older_than_the_last_fetch_missing():
    last = NOW - timedelta(hours=1)
    newer = hours_ago(0.1, 0.5, 0.9)
    assert overflowed(newer, True, last)
    assert not overflowed(newer, False, last)  # some entry was known: the window overlaps
    assert not overflowed([*newer, *hours_ago(2)], True, last)  # the oldest predates the last fetch
    assert not overflowed(newer, True, None)  # first fetch
    assert not overflowed(hours_ago(0.1), True, last)  # a one-item feed says nothing
    assert not overflowed([None, None], True, last)


@pytest.mark.parametrize(
    "kwargs", [{"min_interval": 600, "max_interval": 300}, {"backoff_base": 10, "backoff_cap": 5}, {"min_interval": 0}]
)
def test_policy_rejects_impossible_bounds(kwargs):
    with pytest.raises(ValueError, match="need 0 <"):
        Policy(**kwargs)


def test_health_notice_after_n_failures_or_x_hours():
    since = NOW - timedelta(hours=1)
    assert not health.notice_due(0, None, NOW, after_errors=5, after_seconds=3600)
    assert not health.notice_due(4, since, NOW - timedelta(minutes=1), after_errors=5, after_seconds=3600)
    assert health.notice_due(5, since, NOW - timedelta(minutes=1), after_errors=5, after_seconds=3600)
    assert health.notice_due(2, since, NOW, after_errors=5, after_seconds=3600)

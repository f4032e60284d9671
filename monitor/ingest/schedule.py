"""When to poll a feed next. Pure: values in, values out; the caller passes ``now`` and the dice.

After a success the next poll comes one *interval* later, where the interval is
the feed's pinned ``interval`` or, for adaptive feeds, the mean gap between the
entries the feed currently carries, clamped to ``[min_interval, max_interval]``.
A learned interval grows at most ``GROWTH``-fold per poll, so a new feed whose
few items span a day is not stretched to ``max_interval`` on its first polls;
it shrinks at once when the feed speeds up.
The server's wishes (``Cache-Control: max-age``, ``Expires``, RSS ``<ttl>``) are
lower bounds, and a little jitter keeps feeds from polling in lockstep.

After a failure the gap grows exponentially from ``backoff_base`` up to
``backoff_cap`` and then stays there: a feed is never given up on (Miniflux's
most-cited complaint is feeds that silently stop after a few errors).
``Retry-After`` (429/503) is a lower bound on that gap.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from monitor.backoff import Dice, backoff

JITTER_SHARE = 0.1  # jitter never moves a poll by more than 10 % of its gap
MIN_DATED = 3  # entries with dates needed before a cadence means anything
GROWTH = 2.0  # a learned interval at most doubles per poll: a few old items are weak evidence of a slow feed


@dataclass(frozen=True, slots=True)
class Policy:
    """The [polling] knobs that shape a schedule, in seconds."""

    min_interval: float = 300.0
    max_interval: float = 3600.0
    backoff_base: float = 60.0
    backoff_cap: float = 6 * 3600.0
    jitter: float = 60.0

    def __post_init__(self) -> None:
        if not 0 < self.min_interval <= self.max_interval:
            raise ValueError("need 0 < min_interval <= max_interval")
        if not 0 < self.backoff_base <= self.backoff_cap:
            raise ValueError("need 0 < backoff_base <= backoff_cap")


@dataclass(frozen=True, slots=True)
class Hints:
    """What the server said about freshness, in seconds from now; each a lower bound."""

    max_age: float | None = None  # Cache-Control: max-age, or Expires
    ttl: float | None = None  # RSS <ttl>, converted from minutes
    retry_after: float | None = None  # Retry-After on 429/503


@dataclass(frozen=True, slots=True)
class Next:
    """The next poll: when, after what gap, and the base interval to remember for the feed."""

    at: datetime
    delay: float
    interval: float


def cadence(dates: Iterable[datetime | None]) -> float | None:
    """Mean gap in seconds between the dated entries a feed carries; None below MIN_DATED dates.

    The mean over the whole window is (newest - oldest) / (n - 1): polling at that
    gap also stays well inside the window, so entries do not fall out unseen.
    """
    dated = sorted(d for d in dates if d is not None)
    if len(dated) < MIN_DATED:
        return None
    span = (dated[-1] - dated[0]).total_seconds()
    return span / (len(dated) - 1) if span > 0 else None


def base_interval(
    policy: Policy,
    configured: float,
    *,
    adaptive: bool,
    gap: float | None,
    previous: float | None = None,
    overflow: bool = False,
) -> float:
    """The interval to use after a successful poll.

    Pinned feeds keep ``configured``; adaptive ones follow ``gap`` (else keep
    ``previous``, else ``configured``) inside [min_interval, max_interval], growing
    at most GROWTH-fold over ``previous`` (else ``configured``) per poll. An
    overflow halves the interval the feed had, down to min_interval (or the
    pinned interval when that is smaller).
    """
    if adaptive:
        wanted = gap if gap is not None else (previous or configured)
        wanted = min(wanted, GROWTH * (previous or configured))
        interval = _clamp(wanted, policy.min_interval, policy.max_interval)
    else:
        interval = configured
    if overflow:
        floor = min(policy.min_interval, configured)
        interval = max(floor, min(interval, (previous or interval) / 2))
    return interval


def after_success(
    policy: Policy, now: datetime, interval: float, hints: Hints = Hints(), dice: Dice = random.uniform
) -> Next:
    """The next poll after a success: ``interval`` or the server's lower bound, plus jitter."""
    floor = max((h for h in (hints.max_age, hints.ttl) if h), default=0.0)
    delay = max(interval, min(floor, policy.max_interval))  # a year-long max-age must not stop polling
    delay += dice(0.0, min(policy.jitter, JITTER_SHARE * delay))
    return Next(now + timedelta(seconds=delay), delay, interval)


def after_failure(
    policy: Policy,
    now: datetime,
    errors: int,
    interval: float,
    retry_after: float | None = None,
    dice: Dice = random.uniform,
) -> Next:
    """The next poll after the ``errors``-th failure in a row: exponential backoff with jitter.

    Never gives up: past the cap every retry comes after about ``backoff_cap``.
    ``Retry-After`` raises the gap (up to the larger of the cap and max_interval).
    """
    delay = backoff(errors, policy.backoff_base, policy.backoff_cap, dice)
    if retry_after:
        delay = max(delay, min(retry_after, max(policy.backoff_cap, policy.max_interval)))
    return Next(now + timedelta(seconds=delay), delay, interval)


def longest_wait(policy: Policy, interval: float, *, adaptive: bool, failing: bool) -> float:
    """The longest gap the current bounds allow a feed before its next poll, jitter included.

    A start or a reload re-plans every feed to at most this far ahead, so a poll
    booked under older, wider bounds (or a longer pinned interval) does not wait them out.
    """
    if failing:  # backoff, or a Retry-After raised to the larger bound
        return max(policy.backoff_cap, policy.max_interval)
    gap = policy.max_interval if adaptive else interval
    return gap + min(policy.jitter, JITTER_SHARE * gap)


def overflowed(published: Iterable[datetime | None], all_new: bool, previous_fetch: datetime | None) -> bool:
    """True when a fetch may have missed entries: every entry is new and even the oldest
    was published after the previous successful fetch, so older ones fell out unseen."""
    if not all_new or previous_fetch is None:
        return False
    dated = [d for d in published if d is not None]
    # One entry says nothing: a one-item feed replaces its item on every publication.
    return len(dated) >= 2 and min(dated) > previous_fetch


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))

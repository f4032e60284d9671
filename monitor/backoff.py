"""Exponential backoff with jitter: the one definition, for feed polls after a failure
(``ingest/schedule.after_failure``) and for alert deliveries after a failed send (the outbox).

The gap doubles from ``base`` with each failure in a row up to ``cap``, and is drawn from
[75 %, 100 %] of that step: jitter spreads retries that failed together (a receiver outage
fails every alert at once) without ever exceeding the cap, and the gaps still grow.
"""

from __future__ import annotations

import random
from collections.abc import Callable

Dice = Callable[[float, float], float]  # random.uniform, or a fixed stand-in in tests

SPREAD = 0.75  # a gap is drawn from [SPREAD, 1] of its step


def backoff(failures: int, base: float, cap: float, dice: Dice = random.uniform) -> float:
    """Seconds to wait after the ``failures``-th failure in a row (1 for the first)."""
    step = base * 2.0 ** min(max(failures - 1, 0), 60)  # 2**60 s is past any cap: no overflow
    return min(cap, step) * dice(SPREAD, 1.0)

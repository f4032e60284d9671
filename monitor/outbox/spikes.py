"""Spike alerts: after a story is stored, note it for each matched rule with ``spike:`` and queue
one alert per target URL when the rule's window makes a spike (detection: rules/spike.py).

Runs inside the poll's transaction for the feed, so the hit, the entry and a spike alert
are stored together or not at all; the alert then goes through the outbox like any other
(retried, never lost, never sent twice). The alert lists the window's stories and the figures.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from monitor.durations import format_duration
from monitor.models import Match
from monitor.rules import Rule
from monitor.rules.spike import Verdict, detect

if TYPE_CHECKING:
    from monitor.outbox.targets import Notifier
    from monitor.store import Store

log = logging.getLogger(__name__)


def note(
    store: Store, notifier: Notifier, matched: Iterable[tuple[Match, Rule]], entry_id: int, story_id: int, now: datetime
) -> int:
    """Record the story as a hit of each spike rule; queue spike alerts. Returns the alerts queued."""
    added = 0
    for match, rule in matched:
        if rule.spike is None:
            continue
        store.add_hit(rule.name, story_id, now)
        hits = store.hits(rule.name, now - timedelta(seconds=rule.spike.lookback))
        verdict = detect(rule.spike, hits, now, store.watched_since() or now, store.last_spike(rule.name))
        if verdict is None:
            continue
        deliveries = notifier.deliveries(rule.name, rule.notify)
        queued = [(match, d, f"spike:{int(verdict.start.timestamp())}") for d in deliveries]
        added += store.queue_spike(entry_id, story_id, queued, now, figures(verdict, rule.spike.window))
        log.info(
            "rule %s: spike of %d stories in %s (usual %.1f); alert queued",
            rule.name,
            verdict.count,
            format_duration(rule.spike.window),
            verdict.usual,
        )
    return added


def figures(verdict: Verdict, window: float) -> dict[str, Any]:
    """What a spike alert keeps (the alert's ``detail``): its message and payload are made from it."""
    return {
        "count": verdict.count,
        "usual": round(verdict.usual, 2),
        "threshold": round(verdict.threshold, 2),
        "window": format_duration(window),
        "window_seconds": window,
        "start": verdict.start.isoformat(),
        "stories": list(verdict.stories),
        "change": f"{verdict.count} stories in the last {format_duration(window)}, usually {verdict.usual:.1f}",
    }

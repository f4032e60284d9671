"""The catch-up a user asks for: a backtest's matches, sent once as one digest per target URL.

Editing or adding a rule never floods: a rule applies to entries that arrive after
it is loaded. ``monitor rules test --send`` is the explicit exception. Its matches
are queued in the outbox under the rule's ordinary alert keys (``story:N``, or
``event:N`` for ``novelty: event`` rules), held as a "catchup" batch due now:

- one message per target URL, listing every matched story once (the rule's first
  matching entry of the story), sent and retried by the ordinary delivery;
- durable and idempotent: a story the rule already alerted on is not listed, and
  asking twice queues nothing new; a caught-up story never alerts again for the rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from monitor.models import Match
from monitor.outbox.targets import Notifier
from monitor.rules.backtest import RuleReport
from monitor.store import QueuedAlert, Store


def catchup_alerts(
    store: Store, notifier: Notifier, reports: Iterable[RuleReport]
) -> list[tuple[int, int, QueuedAlert]]:
    """(entry_id, story_id, alert) for each rule's matches: one per story (or event) and target URL, oldest first."""
    found: list[tuple[int, int, QueuedAlert]] = []
    for report in reports:
        rule = report.rule
        kind = "event" if rule.novelty == "event" else "story"
        deliveries = notifier.deliveries(rule.name, rule.notify)
        seen: set[int] = set()
        for entry_id, _entry, verdict in report.matches:
            story_id = store.story_of(entry_id)
            unit = store.story_event(story_id) if kind == "event" else story_id
            if unit in seen:
                continue
            seen.add(unit)
            match = Match(rule.name, verdict.words)
            found += [(entry_id, story_id, (match, delivery, kind)) for delivery in deliveries]
    return found


def queue_catchup(store: Store, notifier: Notifier, reports: Iterable[RuleReport], now: datetime) -> tuple[int, int]:
    """Queue the catch-up; returns (queued, skipped: already alerted or caught up before)."""
    alerts = catchup_alerts(store, notifier, reports)
    queued = store.queue_catchup(alerts, now)
    return queued, len(alerts) - queued

"""A rule's ``cooldown``: at most one message of the rule per target URL per period.

The first alert goes out; the rule's alerts that come while its last message is more
recent than ``cooldown`` are held until the period ends, and then go out together as one
roll-up, which is itself the period's message. Nothing is dropped. A roll-up that
carries a rule's alerts (a digest, quiet hours) counts as its message too.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from monitor.rules import Rule
    from monitor.store import PendingAlert, Store


class Cooldowns:
    """One delivery pass's view of when each (target URL, rule) last got a message."""

    def __init__(self, store: Store, now: datetime):
        self.store, self.now = store, now
        self.last: dict[tuple[str, str], datetime | None] = {}

    def hold(self, alert: PendingAlert, rule: Rule | None) -> datetime | None:
        """When the alert may go out (as part of a roll-up), if the rule is cooling down; else None."""
        if rule is None or not rule.cooldown:
            return None
        key = (alert.url_id, alert.rule)
        if key not in self.last:
            self.last[key] = self.store.last_sent(alert.url_id, alert.rule)
        last = self.last[key]
        if last is None or (self.now - last).total_seconds() >= rule.cooldown:
            return None
        return last + timedelta(seconds=rule.cooldown)

    def sent(self, alerts: tuple[PendingAlert, ...]) -> None:
        """A message went out now carrying these alerts: their rules' periods start again."""
        for alert in alerts:
            self.last[(alert.url_id, alert.rule)] = self.now

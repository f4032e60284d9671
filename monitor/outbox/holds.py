"""What keeps a pending alert back: its rule's digest, its target's quiet hours, a burst cap.

Reads the snapshot (config, rules) and, for burst caps, the store's sent counts; writes
nothing (the outbox records a hold through its marks). Notices are never held for a
digest or a burst: the operator hears of a broken feed or target at once (quiet hours
still apply, in ``deliver``).
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from monitor.outbox.cooldown import Cooldowns
from monitor.outbox.digests import next_digest
from monitor.rules import Rule, RuleSet
from monitor.store import PendingAlert

if TYPE_CHECKING:
    from monitor.config import Config
    from monitor.store import Store


def hold_for(config: Config, rules: RuleSet, alert: PendingAlert, now: datetime) -> tuple[str, datetime] | None:
    """(reason, until) when a fresh alert must wait for one combined message; None to send it as it is."""
    if alert.hold_reason or alert.batch is not None or alert.kind == "notice":
        return None
    rule = rule_named(rules, alert.rule)
    policy = config.notify.policy(alert.target)
    if rule is not None and rule.delivery == "digest":
        return "digest", next_digest(policy, alert.created or now)
    if policy.quiet is not None and policy.quiet.contains(now) and not urgent(rule):
        return "quiet", policy.quiet.ends_after(now)
    return None


class BurstGate:
    """Per-target and per-rule caps on single alerts in a sliding window (off unless configured)."""

    def __init__(self, store: Store, config: Config, rules: RuleSet, now: datetime):
        self.store, self.config, self.rules, self.now = store, config, rules, now
        self.seen: Counter[tuple[str, str | None]] = Counter()
        self.cooling = Cooldowns(store, now)  # a rule's own cooldown: one message per period (cooldown.py)

    def over(self, alert: PendingAlert) -> datetime | None:
        """When the alert is over a cap: the moment its roll-up may go out; else None."""
        if alert.kind == "notice":
            return None
        rule_def = rule_named(self.rules, alert.rule)
        # A rule's own ``burst:`` replaces [notify].rule_burst for that rule.
        rule_cap = rule_def.burst if rule_def is not None and rule_def.burst else self.config.notify.rule_burst
        caps = [(self.config.notify.policy(alert.target).burst, None), (rule_cap, alert.rule)]
        for cap, rule in caps:
            if cap is None or urgent(rule_def):
                continue
            key = (alert.url_id, rule)
            if key not in self.seen:
                since = self.now - timedelta(seconds=cap.window)
                self.seen[key] = self.store.sent_count(alert.url_id, since, rule)
            if self.seen[key] >= cap.limit:
                return self.now + timedelta(seconds=cap.window)
        return None

    def count(self, alert: PendingAlert) -> None:
        for rule in (None, alert.rule):
            if (alert.url_id, rule) in self.seen:
                self.seen[(alert.url_id, rule)] += 1


def rule_named(rules: RuleSet, name: str) -> Rule | None:
    return next((r for r in rules.rules if r.name == name), None)


def urgent(rule: Rule | None) -> bool:
    return rule is not None and rule.severity == "urgent"

"""Delivering the outbox: every pending alert whose time has come, through apprise.

The contract (docs/delivery.md states it sentence by sentence):

- An alert is marked sent only after its target accepted it; a failure keeps it
  pending with a capped, jittered exponential backoff that survives restarts.
- Messages go out one at a time, and each is marked in flight (committed) before
  it is sent. A crash after the target accepted and before the mark can repeat
  that one message on the next run, never more, and the log says which.
- After ``max_attempts`` failures or ``max_age`` the alert is dead: it stays in
  the database, and one "delivery failing for target X" notice goes to the
  other targets (or the log) per outage.
- Rules with ``delivery: digest`` wait for their target's cron schedule; during a
  target's quiet hours non-urgent alerts wait for the window's end; alerts over
  a burst cap (the target's ``burst``, the rule's own ``burst:`` or else
  ``[notify].rule_burst``) wait one window. A catch-up (``rules test --send``)
  is held for now. Each of these goes out as one combined message per target URL.
"""

from __future__ import annotations

import logging
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol, TextIO

from monitor.durations import format_duration
from monitor.errors import DeliveryError
from monitor.models import Message
from monitor.outbox.digests import next_digest
from monitor.outbox.render import AlertView, Writeup
from monitor.rules import Rule
from monitor.store import PendingAlert

if TYPE_CHECKING:
    from monitor.config import Config
    from monitor.daemon.metrics import Metrics
    from monitor.outbox.render import Templates
    from monitor.outbox.targets import Notifier
    from monitor.rules import RuleSet
    from monitor.runtime import Runtime
    from monitor.store import Store

log = logging.getLogger(__name__)

RETRY_BASE = 60.0  # first retry of a failed delivery after about a minute
RETRY_CAP = 6 * 3600.0


@dataclass(frozen=True, slots=True)
class Report:
    """What one pass did. A digest counts as one message in ``sent``/``failed``."""

    sent: int = 0
    failed: int = 0
    held: int = 0
    dead: int = 0

    def __iter__(self) -> Iterator[int]:
        # (sent, failed): the shape callers unpacked before holds and dead alerts existed
        return iter((self.sent, self.failed))


@dataclass(frozen=True, slots=True)
class Unit:
    """One message to one target URL: a single alert, or a batch sent as a digest."""

    alerts: tuple[PendingAlert, ...]
    reason: str | None = None  # None: a single alert; else digest | quiet | burst

    @property
    def ids(self) -> list[int]:
        return [a.id for a in self.alerts]

    @property
    def first(self) -> PendingAlert:
        return self.alerts[0]


class Wired(Protocol):
    """What delivering needs of the wired pipeline (``monitor.pipeline.Pipeline`` has it)."""

    @property
    def store(self) -> Store: ...
    @property
    def metrics(self) -> Metrics: ...
    @property
    def runtime(self) -> Runtime: ...
    def clock(self) -> datetime: ...


@dataclass(frozen=True, slots=True)
class _Pass:
    """One pass over the outbox: the store, and one runtime snapshot read at the pass's start."""

    store: Store
    metrics: Metrics
    clock: Callable[[], datetime]
    config: Config
    rules: RuleSet
    notifier: Notifier
    templates: Templates


def deliver(wired: Wired, *, force: bool = False, dry_run: bool = False, out: TextIO | None = None) -> Report:
    """Send every message whose time has come; ``force`` ignores retry backoff (never holds).

    With ``dry_run`` nothing is sent and nothing is written: the messages that
    would go out now are printed to ``out`` (standard output). A reload during the
    pass does not reach it: the whole pass uses the snapshot it started with.
    """
    rt = wired.runtime
    p = _Pass(wired.store, wired.metrics, wired.clock, rt.config, rt.rules, rt.notifier, rt.templates)
    now = p.clock()
    if not dry_run:
        p.store.apply_mutes(now)  # what a mute covers is recorded as muted and never sent (store/mutes.py)
    pending = _apply_holds(p, p.store.pending_alerts(), now, dry_run, out)
    tally: Counter[str] = Counter(held=sum(1 for a in pending if a.hold_reason and a.batch is None))
    burst = _BurstGate(p, now)
    for unit in _units(p, pending, now, force, dry_run):
        if unit.reason is None and (hold := burst.over(unit.first)):
            _hold(p, [unit.first], "burst", hold, dry_run, out)
            tally["held"] += 1
            continue
        outcome = _print(p, unit, out or sys.stdout) if dry_run else _send(p, unit)
        tally[outcome] += 1
        if outcome == "sent" and unit.reason is None:
            burst.count(unit.first)
    return Report(tally["sent"], tally["failed"] + tally["dead"], tally["held"], tally["dead"])


# holds -------------------------------------------------------------------


def _apply_holds(
    p: _Pass, pending: list[PendingAlert], now: datetime, dry_run: bool, out: TextIO | None
) -> list[PendingAlert]:
    """Hold fresh alerts for their digest or the end of quiet hours; returns the updated list."""
    updated = []
    for alert in pending:
        hold = _hold_for(p, alert, now)
        if hold:
            _hold(p, [alert], *hold, dry_run, out)
            alert = replace(alert, hold_reason=hold[0], hold_until=hold[1])
        updated.append(alert)
    return updated


def _hold_for(p: _Pass, alert: PendingAlert, now: datetime) -> tuple[str, datetime] | None:
    if alert.hold_reason or alert.batch is not None:
        return None
    rule = _rule(p, alert.rule)
    policy = p.config.notify.policy(alert.target)
    if rule is not None and rule.delivery == "digest":
        return "digest", next_digest(policy, alert.created or now)
    if policy.quiet is not None and policy.quiet.contains(now) and not _urgent(rule):
        return "quiet", policy.quiet.ends_after(now)
    return None


def _hold(
    p: _Pass, alerts: list[PendingAlert], reason: str, until: datetime, dry_run: bool, out: TextIO | None = None
) -> None:
    if dry_run:
        for alert in alerts:
            print(
                f"--- would hold alert {alert.id} ({alert.rule}) for a {reason} message at {until:%Y-%m-%d %H:%M %Z}",
                file=out or sys.stdout,
            )
        return
    p.store.hold([a.id for a in alerts], reason, until)
    log.info(
        "alert %s (%s) held for a %s message at %s", ",".join(str(a.id) for a in alerts), alerts[0].rule, reason, until
    )


class _BurstGate:
    """Per-target and per-rule caps on single alerts in a sliding window (off unless configured)."""

    def __init__(self, p: _Pass, now: datetime):
        self.p, self.now = p, now
        self.seen: Counter[tuple[str, str | None]] = Counter()

    def over(self, alert: PendingAlert) -> datetime | None:
        """When the alert is over a cap: the moment its roll-up may go out; else None."""
        rule_def = _rule(self.p, alert.rule)
        # A rule's own ``burst:`` replaces [notify].rule_burst for that rule.
        rule_cap = rule_def.burst if rule_def is not None and rule_def.burst else self.p.config.notify.rule_burst
        caps = [(self.p.config.notify.policy(alert.target).burst, None), (rule_cap, alert.rule)]
        for cap, rule in caps:
            if cap is None or _urgent(rule_def):
                continue
            key = (alert.url_id, rule)
            if key not in self.seen:
                since = self.now - timedelta(seconds=cap.window)
                self.seen[key] = self.p.store.sent_count(alert.url_id, since, rule)
            if self.seen[key] >= cap.limit:
                return self.now + timedelta(seconds=cap.window)
        return None

    def count(self, alert: PendingAlert) -> None:
        for rule in (None, alert.rule):
            if (alert.url_id, rule) in self.seen:
                self.seen[(alert.url_id, rule)] += 1


# what goes out now ---------------------------------------------------------


def _units(p: _Pass, pending: list[PendingAlert], now: datetime, force: bool, dry_run: bool) -> list[Unit]:
    """Single alerts and batches due now (any retry time with ``force``), oldest first."""
    singles = [Unit((a,)) for a in pending if not a.hold_reason and a.batch is None and (force or _due(a, now))]
    batches: dict[int, list[PendingAlert]] = defaultdict(list)
    for alert in pending:
        if alert.batch is not None:
            batches[alert.batch].append(alert)
    units = singles + [Unit(tuple(b), _reason(b)) for b in batches.values() if force or _due(b[0], now)]
    units += _new_batches(p, pending, now, dry_run)
    return sorted(units, key=lambda u: u.first.id)


def _new_batches(p: _Pass, pending: list[PendingAlert], now: datetime, dry_run: bool) -> list[Unit]:
    """Held alerts whose time has come, one batch per target URL (quiet hours hold them further)."""
    ready: dict[tuple[str, str], list[PendingAlert]] = defaultdict(list)
    for alert in pending:
        if alert.hold_reason and alert.batch is None and alert.hold_until and alert.hold_until <= now:
            ready[(alert.target, alert.url_id)].append(alert)
    units = []
    for (target, _), alerts in ready.items():
        if p.config.notify.policy(target).quiet_at(now):
            continue  # a digest is never urgent: it waits for the end of the quiet window
        batch = alerts[0].id if dry_run else p.store.make_batch(a.id for a in alerts)
        units.append(Unit(tuple(replace(a, batch=batch) for a in alerts), _reason(alerts)))
    return units


def _due(alert: PendingAlert, now: datetime) -> bool:
    return alert.next_attempt is None or alert.next_attempt <= now


def _reason(alerts: list[PendingAlert]) -> str:
    reasons = {a.hold_reason or "digest" for a in alerts}
    return reasons.pop() if len(reasons) == 1 else "digest"


# sending -------------------------------------------------------------------


def _send(p: _Pass, unit: Unit) -> str:
    """One message: marked in flight, sent, then marked sent or failed. Returns the outcome."""
    handle = unit.first.url_id
    if not p.notifier.knows(handle):
        return _removed(p, unit)
    message = _message(p, unit)
    repeats = [a.id for a in unit.alerts if a.in_flight]
    if repeats:
        log.warning(
            "alert %s was being sent when monitor stopped; sending it again: it may arrive twice",
            ",".join(map(str, repeats)),
        )
    p.store.mark_in_flight(unit.ids, p.clock())
    target = unit.first.target
    if any(a.attempts for a in unit.alerts):
        p.metrics.retries.labels(target).inc()
    try:
        p.notifier.send(handle, message)
    except DeliveryError as exc:
        p.metrics.send_failures.labels(target).inc()
        return _failed(p, unit, exc)
    done = p.clock()
    p.store.mark_sent(unit.ids, done)
    p.store.target_ok(handle)
    p.metrics.sent.labels(target).inc()
    for alert in unit.alerts:
        if alert.created:
            p.metrics.detect_to_deliver.observe(max(0.0, (done - alert.created).total_seconds()))
    return "sent"


def _failed(p: _Pass, unit: Unit, exc: DeliveryError) -> str:
    now = p.clock()
    alert = unit.first
    attempts = max(a.attempts for a in unit.alerts) + 1
    since = min((a.since or a.created or now) for a in unit.alerts)
    if p.config.notify.policy(alert.target).gives_up(attempts, since, now):
        p.store.mark_failed(unit.ids, now, str(exc), None, dead=True)
        log.error(
            "alert %s (%s) to %s is dead after %d attempts over %s: %s; see: monitor alerts list --dead",
            ",".join(map(str, unit.ids)),
            alert.rule,
            alert.target,
            attempts,
            format_duration((now - since).total_seconds()),
            exc,
        )
        _notice_failing(p, alert, str(exc), now)
        return "dead"
    delay = min(RETRY_CAP, RETRY_BASE * 2 ** (attempts - 1)) * random.uniform(0.8, 1.2)
    p.store.mark_failed(unit.ids, now, str(exc), now + timedelta(seconds=delay))
    log.warning(
        "alert %s (%s) to %s failed: %s; will retry in %s",
        ",".join(map(str, unit.ids)),
        alert.rule,
        alert.target,
        exc,
        format_duration(delay),
    )
    return "failed"


def _removed(p: _Pass, unit: Unit) -> str:
    """The target URL left the config (a reload): retrying cannot help and the target is not failing,
    so the alerts are dead at once, with no failing notice; `alerts retry` revives them if it comes back."""
    alert = unit.first
    p.store.mark_failed(unit.ids, p.clock(), "target URL no longer in the config", None, dead=True)
    log.warning(
        "alert %s (%s) to a URL of target %s not sent: the URL is no longer in the config; kept as dead: "
        "monitor alerts retry %s sends it once the URL is back",
        ",".join(map(str, unit.ids)),
        alert.rule,
        alert.target,
        " ".join(map(str, unit.ids)),
    )
    return "dead"


def _notice_failing(p: _Pass, alert: PendingAlert, error: str, now: datetime) -> None:
    """One notice per outage of a target URL, to every other target (best effort), else the log."""
    label = p.notifier.label(alert.url_id)
    if not p.store.target_failing(alert.url_id, alert.target, label, now):
        return
    message = Message(
        title=f"monitor: delivery failing for target {alert.target}",
        body=(
            f"Alerts to {label} (target {alert.target}) keep failing and are now dead: {error}.\n"
            "They stay in the database: `monitor alerts list --dead` shows them, "
            "`monitor alerts retry --all` sends them again once the target works.\n"
            "This is the only notice until the target accepts an alert again."
        ),
    )
    others = [h for h in p.notifier.handles() if h != alert.url_id]
    if not others:
        log.error("%s: %s", message.title, message.body.replace("\n", " "))
    for handle in others:
        try:
            p.notifier.send(handle, message)
        except DeliveryError as exc:
            log.warning("notice about target %s not delivered to %s: %s", alert.target, p.notifier.label(handle), exc)


def _print(p: _Pass, unit: Unit, out: TextIO) -> str:
    """Dry run: show the message that would go out; nothing is sent or written."""
    message = _message(p, unit)
    print(f"--- would send to {p.notifier.label(unit.first.url_id)} (target {unit.first.target})", file=out)
    print(message.title, file=out)
    print(message.body, file=out)
    return "sent"


def _message(p: _Pass, unit: Unit) -> Message:
    style = p.notifier.style(unit.first.url_id)
    views = [_view(p, a) for a in unit.alerts]
    if unit.reason is None:
        return p.templates.alert(views[0], style)
    return p.templates.digest(views, style, unit.reason, unit.first.target)


def _view(p: _Pass, alert: PendingAlert) -> AlertView:
    """What the message shows, read at sending time: outlets and write-ups as they stand now."""
    rule = _rule(p, alert.rule)
    writeups: tuple[Writeup, ...] = ()
    if alert.kind == "event":
        rows = p.store.event_writeups(p.store.story_event(alert.story_id))
        writeups = tuple(Writeup(w["title"] or "", w["link"] or "", tuple(w["outlets"])) for w in rows)
    return AlertView(
        rule=alert.rule,
        severity=rule.severity if rule else "normal",
        entry=p.store.entry(alert.entry_id),
        matched=alert.matched,
        outlets=tuple(p.store.story_outlets(alert.story_id)),
        target=alert.target,
        kind=alert.kind,
        writeups=writeups,
        previous_title=alert.detail.get("previous_title", ""),
        change=alert.detail.get("change", ""),
    )


def _rule(p: _Pass, name: str) -> Rule | None:
    return next((r for r in p.rules.rules if r.name == name), None)


def _urgent(rule: Rule | None) -> bool:
    return rule is not None and rule.severity == "urgent"

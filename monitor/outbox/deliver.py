"""Delivering the outbox: every pending alert whose time has come, through apprise.

The contract (docs/delivery.md states it sentence by sentence):

- An alert is marked sent only after its target accepted it; a failure keeps it
  pending with a capped, jittered exponential backoff that survives restarts.
  A URL that refused two messages in a row in a pass is not tried again in that
  pass: its other due messages are marked failed as if refused (``refusals.py``).
- Messages go out one at a time, and each is marked in flight (committed) before
  it is sent. A crash after the target accepted and before the mark can repeat
  that one message on the next run, never more, and the log says which.
- After ``max_attempts`` failures or ``max_age`` the alert is dead: it stays in
  the database, and one "delivery failing for target X" notice is queued to the
  other targets (or logged) per outage, in the transaction that records the outage.
- Notices (feed health, failing targets, refused reloads: alerts of kind
  "notice") go out like any alert, with retry, quiet hours and a record; they
  are never held for a digest or a burst cap.
- One snapshot (``Runtime``) serves a whole pass; the target kind is a seam
  (``target.Target``), and so are the outbox's writes: a dry run is a ``Printer``
  target and an outbox over ``Rehearsal`` marks, which write nothing.
- Rules with ``delivery: digest`` wait for their target's cron schedule; during a
  target's quiet hours non-urgent alerts wait for the window's end; alerts over
  a burst cap (the target's ``burst``, the rule's own ``burst:`` or else
  ``[notify].rule_burst``) wait one window. A catch-up (``rules test --send``)
  is held for now. Each of these goes out as one combined message per target URL.
"""

from __future__ import annotations

import logging
import random
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Protocol, TextIO

from monitor.backoff import Dice
from monitor.outbox.holds import BurstGate, hold_for, rule_named
from monitor.outbox.refusals import Refusals, defer
from monitor.outbox.rehearsal import Rehearsal
from monitor.outbox.sending import RETRY_BASE, RETRY_CAP, send
from monitor.store import Notice, PendingAlert

if TYPE_CHECKING:
    from monitor.config import Config
    from monitor.daemon.metrics import Metrics
    from monitor.outbox.render import Templates
    from monitor.outbox.target import Target
    from monitor.rules import RuleSet
    from monitor.runtime import Runtime
    from monitor.store import Store

log = logging.getLogger(__name__)

__all__ = ["RETRY_BASE", "RETRY_CAP", "Outbox", "Report", "Unit", "deliver"]


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
    reason: str | None = None  # None: a single alert; else digest | quiet | burst | catchup

    @property
    def ids(self) -> list[int]:
        return [a.id for a in self.alerts]

    @property
    def first(self) -> PendingAlert:
        return self.alerts[0]


class Marks(Protocol):
    """The outbox's writes: the store, or ``Rehearsal`` (a dry run), which writes nothing."""

    def hold(self, ids: Iterable[int], reason: str, until: datetime) -> None: ...
    def make_batch(self, ids: Iterable[int]) -> int: ...
    def mark_in_flight(self, ids: Iterable[int], now: datetime) -> None: ...
    def mark_sent(self, ids: Iterable[int], now: datetime) -> None: ...
    def mark_failed(
        self, ids: Iterable[int], now: datetime, error: str, next_attempt: datetime | None, dead: bool = False
    ) -> None: ...
    def mark_failed_many(self, rows: Iterable[tuple[list[int], str, datetime | None, bool]], now: datetime) -> None: ...
    def target_ok(self, url_id: str) -> None: ...
    def target_failing(
        self, url_id: str, target: str, label: str, now: datetime, notice: Notice | None = None
    ) -> bool: ...


class Outbox:
    """Delivers what the store holds pending. Long-lived: one per process, shared by every pass.

    ``marks`` receives every write (the store unless given); ``dice`` draws the retry jitter.
    """

    def __init__(
        self,
        store: Store,
        metrics: Metrics,
        clock: Callable[[], datetime],
        *,
        marks: Marks | None = None,
        dice: Dice = random.uniform,
        verb: str = "sent",
    ):
        self.store, self.metrics, self.clock, self.dice, self.verb = store, metrics, clock, dice, verb
        self.marks: Marks = store if marks is None else marks

    @classmethod
    def rehearsal(
        cls, store: Store, metrics: Metrics, clock: Callable[[], datetime], out: TextIO | None = None
    ) -> Outbox:
        """An outbox that marks nothing (a dry run): pair it with a ``target.Printer``."""
        return cls(store, metrics, clock, marks=Rehearsal(store, out), verb="printed (dry run, not sent)")

    def deliver(self, runtime: Runtime, *, force: bool = False, target: Target | None = None) -> Report:
        """Send every message whose time has come through ``target`` (the snapshot's own by default).

        ``force`` ignores retry backoff (never holds). A reload during the pass does not reach
        it: the whole pass uses ``runtime``.
        """
        p = _Pass(self, runtime.config, runtime.rules, target or runtime.notifier, runtime.templates)
        now = self.clock()
        pending = _apply_holds(p, _unmuted(self, now), now)
        tally = _Tally(held=sum(1 for a in pending if a.hold_reason and a.batch is None))
        burst = BurstGate(self.store, p.config, p.rules, now)
        accepted: set[str] = set()  # target URLs that took a message in this pass
        _run(p, _units(p, pending, now, force), burst, tally, accepted)
        # A URL that accepts a message is back from its outage: what it refused meanwhile goes now,
        # within seconds of its return, not at the end of each alert's backoff.
        backlog = [
            a
            for a in pending
            if a.url_id in accepted
            and a.id not in tally.handled
            and a.next_attempt is not None
            and a.next_attempt > now
            and not (a.hold_reason and a.batch is None)  # held, not yet batched: its batch decides
        ]
        _run(p, _units(p, backlog, now, force=True), burst, tally, accepted)
        if tally["dead"]:  # "delivery failing" notices were queued: they go out in this pass, once
            seen = {a.id for a in pending}
            fresh = [a for a in self.store.pending_alerts() if a.kind == "notice" and a.id not in seen]
            _run(p, _units(p, fresh, now, force), burst, tally, accepted)
        return Report(tally["sent"], tally["failed"] + tally["dead"], tally["held"], tally["dead"])


def _unmuted(outbox: Outbox, now: datetime) -> list[PendingAlert]:
    """The pending alerts, once those a mute covers are recorded as muted, never to be sent
    (store/mutes.py); a rehearsal writes nothing and only leaves them out."""
    if outbox.marks is outbox.store:
        outbox.store.apply_mutes(now)
        return outbox.store.pending_alerts()
    muted = outbox.store.muted_pending(now)
    return [a for a in outbox.store.pending_alerts() if a.id not in muted]


class _Tally(Counter[str]):
    """Outcomes of a pass, and the alerts it handled (each at most once per pass)."""

    def __init__(self, **counts: int):
        super().__init__(**counts)
        self.handled: set[int] = set()


def _run(p: _Pass, units: list[Unit], burst: BurstGate, tally: _Tally, accepted: set[str]) -> None:
    deferred: list[Unit] = []  # to URLs that refused messages in a row in this pass (refusals.py)
    for unit in units:
        if any(i in tally.handled for i in unit.ids):
            continue
        tally.handled.update(unit.ids)
        if unit.reason is None and (until := burst.cooling.hold(unit.first, rule_named(p.rules, unit.first.rule))):
            _hold(p, [unit.first], "cooldown", until)
            tally["held"] += 1
            continue
        if unit.reason is None and (hold := burst.over(unit.first)):
            _hold(p, [unit.first], "burst", hold)
            tally["held"] += 1
            continue
        if p.refusals.down(unit.first.url_id):
            deferred.append(unit)
            continue
        outcome = send(p, unit)
        tally[outcome] += 1
        if outcome == "sent":
            burst.cooling.sent(unit.alerts)
            accepted.add(unit.first.url_id)
            if unit.reason is None:
                burst.count(unit.first)
    if deferred:
        tally.update(defer(p, deferred))


class Wired(Protocol):
    """What ``deliver`` needs of the wired pipeline (``monitor.pipeline.Pipeline`` has it)."""

    @property
    def store(self) -> Store: ...
    @property
    def metrics(self) -> Metrics: ...
    @property
    def runtime(self) -> Runtime: ...
    def clock(self) -> datetime: ...


def deliver(wired: Wired, *, force: bool = False) -> Report:
    """One pass with the pipeline's store, metrics, clock and current snapshot (tests and one-off callers)."""
    return Outbox(wired.store, wired.metrics, wired.clock).deliver(wired.runtime, force=force)


@dataclass(frozen=True, slots=True)
class _Pass:
    """One pass over the outbox: the outbox, and one runtime snapshot read at the pass's start."""

    box: Outbox
    config: Config
    rules: RuleSet
    target: Target
    templates: Templates
    refusals: Refusals = field(default_factory=Refusals)


# holds -------------------------------------------------------------------


def _apply_holds(p: _Pass, pending: list[PendingAlert], now: datetime) -> list[PendingAlert]:
    """Hold fresh alerts for their digest or the end of quiet hours; returns the updated list."""
    updated = []
    for alert in pending:
        hold = hold_for(p.config, p.rules, alert, now)
        if hold:
            _hold(p, [alert], *hold)
            alert = replace(alert, hold_reason=hold[0], hold_until=hold[1])
        updated.append(alert)
    return updated


def _hold(p: _Pass, alerts: list[PendingAlert], reason: str, until: datetime) -> None:
    p.box.marks.hold([a.id for a in alerts], reason, until)
    log.info(
        "alert %s (%s) held for a %s message at %s", ",".join(str(a.id) for a in alerts), alerts[0].rule, reason, until
    )


# what goes out now ---------------------------------------------------------


def _units(p: _Pass, pending: list[PendingAlert], now: datetime, force: bool) -> list[Unit]:
    """Single alerts and batches due now (any retry time with ``force``), oldest first.

    A notice waits out its target's quiet hours without a hold: it goes out alone when they end."""
    singles = [
        Unit((a,))
        for a in pending
        if not a.hold_reason
        and a.batch is None
        and (force or _due(a, now))
        and not (a.kind == "notice" and p.config.notify.policy(a.target).quiet_at(now))
    ]
    batches: dict[int, list[PendingAlert]] = defaultdict(list)
    for alert in pending:
        if alert.batch is not None:
            batches[alert.batch].append(alert)
    units = singles + [Unit(tuple(b), _reason(b)) for b in batches.values() if force or _due(b[0], now)]
    units += _new_batches(p, pending, now)
    # A message left in flight by a crash goes first, so a second one is never marked while it still is:
    # only one message is ever in flight (docs/delivery.md), even when earlier alerts failed before the crash.
    return sorted(units, key=lambda u: (all(a.in_flight is None for a in u.alerts), u.first.id))


def _new_batches(p: _Pass, pending: list[PendingAlert], now: datetime) -> list[Unit]:
    """Held alerts whose time has come, one batch per target URL (quiet hours hold them further)."""
    ready: dict[tuple[str, str], list[PendingAlert]] = defaultdict(list)
    for alert in pending:
        if alert.hold_reason and alert.batch is None and alert.hold_until and alert.hold_until <= now:
            ready[(alert.target, alert.url_id)].append(alert)
    units = []
    for (target, _), alerts in ready.items():
        if p.config.notify.policy(target).quiet_at(now):
            continue  # a digest is never urgent: it waits for the end of the quiet window
        batch = p.box.marks.make_batch(a.id for a in alerts)
        units.append(Unit(tuple(replace(a, batch=batch) for a in alerts), _reason(alerts)))
    return units


def _due(alert: PendingAlert, now: datetime) -> bool:
    """Its retry time has come; a message left in flight by a crash is due at once (it goes first)."""
    return alert.next_attempt is None or alert.next_attempt <= now or alert.in_flight is not None


def _reason(alerts: list[PendingAlert]) -> str:
    reasons = {a.hold_reason or "digest" for a in alerts}
    return reasons.pop() if len(reasons) == 1 else "digest"

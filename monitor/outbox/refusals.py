"""A target URL that refuses messages in a row within one pass is down for the rest of that pass.

Before this, every due alert to a refusing URL paid for its message (rendered, marked in
flight, a connection refused or timed out, marked failed): 11,553 alerts queued to a
refusing target cost ~27 CPU-s of one cold ``run --once``. Now, once a URL has refused
``IN_A_ROW`` messages in a row in a pass, its other due messages of that pass are not
rendered or sent: each is marked failed as it would have been had it been refused, with the
same error, its own next attempt (``monitor.backoff``, the same draw) or dead when its
policy gives up, and the usual one "delivery failing" notice per outage. So after the pass
the outbox holds what it would hold had every one been tried and refused, and the next pass
(or a ``run --once``) tries the URL again. Nothing is marked in flight, so nothing can
arrive twice; nothing is dropped.

Two refusals, not one: a single message the URL refuses for itself (too large, a payload a
receiver rejects) must not make every other alert to that URL fail with it, pass after pass,
until they die; the message after it is still tried.
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from monitor.backoff import backoff
from monitor.durations import format_duration
from monitor.outbox.sending import RETRY_BASE, RETRY_CAP, notice_failing

if TYPE_CHECKING:
    from monitor.outbox.deliver import Unit, _Pass

log = logging.getLogger("monitor.outbox.deliver")

SHOWN = 20  # alert ids a log line names
IN_A_ROW = 2  # refusals in a row, in one pass, after which a URL's other messages of the pass are not tried


class Refusals:
    """One pass's count of messages each target URL refused in a row, and the last refusal."""

    def __init__(self) -> None:
        self.streak: Counter[str] = Counter()
        self.error: dict[str, str] = {}

    def refused(self, handle: str, error: str) -> None:
        self.streak[handle] += 1
        self.error[handle] = error

    def accepted(self, handle: str) -> None:
        self.streak.pop(handle, None)

    def down(self, handle: str) -> bool:
        """True once the URL refused ``IN_A_ROW`` messages in a row in this pass."""
        return self.streak[handle] >= IN_A_ROW


def defer(p: _Pass, units: list[Unit]) -> Counter[str]:
    """Mark ``units`` (messages to URLs that are down in this pass) failed or dead without sending
    them, in one transaction; returns the outcomes ("failed", "dead") as ``send`` would count them."""
    box = p.box
    now = box.clock()
    outcomes: Counter[str] = Counter()
    rows: list[tuple[list[int], str, datetime | None, bool]] = []
    dead: dict[str, Unit] = {}  # by URL: the first dead unit, for the outage's notice
    for unit in units:
        alert, handle = unit.first, unit.first.url_id
        error = f"{p.refusals.error[handle]} (not tried: the URL refused {IN_A_ROW} messages in a row in this pass)"
        attempts = max(a.attempts for a in unit.alerts) + 1
        since = min((a.since or a.created or now) for a in unit.alerts)
        if p.config.notify.policy(alert.target).gives_up(attempts, since, now):
            rows.append((unit.ids, error, None, True))
            dead.setdefault(handle, unit)
            outcomes["dead"] += 1
        else:
            rows.append(
                (unit.ids, error, now + timedelta(seconds=backoff(attempts, RETRY_BASE, RETRY_CAP, box.dice)), False)
            )
            outcomes["failed"] += 1
    box.marks.mark_failed_many(rows, now)
    _tell(p, units, rows, now)
    for unit in dead.values():
        notice_failing(p, unit.first, p.refusals.error[unit.first.url_id], now)
    return outcomes


def _tell(p: _Pass, units: list[Unit], rows: list[tuple[list[int], str, datetime | None, bool]], now: datetime) -> None:
    """One line per URL and outcome, instead of one per alert: a backlog of thousands stays readable."""
    groups: dict[tuple[str, bool], list[tuple[Unit, datetime | None]]] = {}
    for unit, (_, _, next_attempt, dead) in zip(units, rows, strict=True):
        groups.setdefault((unit.first.url_id, dead), []).append((unit, next_attempt))
    for (handle, dead), items in groups.items():
        every = [str(i) for unit, _ in items for i in unit.ids]
        ids = ",".join(every[:SHOWN]) + ("…" if len(every) > SHOWN else "")  # a backlog of thousands: one short line
        target, error = items[0][0].first.target, p.refusals.error[handle]
        if dead:
            log.error(
                "%d alert(s) %s to %s are dead, not tried after %d refusals in a row in this pass: %s; "
                "see: monitor alerts list --dead",
                len(every),
                ids,
                target,
                IN_A_ROW,
                error,
            )
        else:
            waits = [(n - now).total_seconds() for _, n in items if n is not None]
            log.warning(
                "%d alert(s) %s to %s not tried in this pass, after %d refusals in a row: %s; will retry in %s to %s",
                len(every),
                ids,
                target,
                IN_A_ROW,
                error,
                format_duration(min(waits)),
                format_duration(max(waits)),
            )

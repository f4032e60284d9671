"""Delivering the outbox: every pending alert whose time has come, through apprise.

An alert is marked sent only after its target accepted it; a failure is kept
pending with an exponential, jittered backoff, so it survives restarts.
"""

from __future__ import annotations

import logging
import random
from datetime import timedelta

from monitor.durations import format_duration
from monitor.errors import DeliveryError
from monitor.pipeline import Pipeline
from monitor.render import render_alert

log = logging.getLogger(__name__)

RETRY_BASE = 60.0  # first retry of a failed delivery after about a minute
RETRY_CAP = 6 * 3600.0


def deliver(p: Pipeline, *, force: bool = False) -> tuple[int, int]:
    """Send every pending alert whose retry time has come (all of them with ``force``).

    An alert is marked sent only after its target accepted it. Returns (sent, failed).
    """
    sent = failed = 0
    for alert in p.store.pending_alerts(due=None if force else p.clock()):
        now = p.clock()
        entry = p.store.entry(alert.entry_id)
        message = render_alert(alert.rule, entry, alert.matched, p.store.story_outlets(alert.story_id))
        if alert.attempts:
            p.metrics.retries.labels(alert.target).inc()
        try:
            p.notifier.send(alert.url_id, message)
        except DeliveryError as exc:
            p.metrics.send_failures.labels(alert.target).inc()
            delay = min(RETRY_CAP, RETRY_BASE * 2**alert.attempts) * random.uniform(0.8, 1.2)
            p.store.mark_failed(alert.id, now, str(exc), now + timedelta(seconds=delay))
            log.warning(
                "alert %d (%s) to %s failed: %s; will retry in %s",
                alert.id,
                alert.rule,
                alert.target,
                exc,
                format_duration(delay),
            )
            failed += 1
            continue
        done = p.clock()
        p.store.mark_sent(alert.id, done)
        p.metrics.sent.labels(alert.target).inc()
        if alert.created:
            p.metrics.detect_to_deliver.observe(max(0.0, (done - alert.created).total_seconds()))
        sent += 1
    return sent, failed

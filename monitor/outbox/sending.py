"""Sending one unit of the outbox (a single alert, a digest batch or a notice) through the pass's target.

The order makes delivery durable: marked in flight (committed), sent, then marked sent,
or failed with a backoff (``monitor.backoff``), or dead, in which case one
"delivery failing" notice per outage is queued to the other targets.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from monitor.backoff import backoff
from monitor.durations import format_duration
from monitor.errors import DeliveryError
from monitor.models import Message
from monitor.outbox import notices
from monitor.outbox.chat import SERVICES
from monitor.outbox.chat import message as chat_message
from monitor.outbox.holds import rule_named
from monitor.outbox.payloads import payload_message
from monitor.outbox.render import AlertView, Writeup
from monitor.store import Delivery, Notice, PendingAlert

if TYPE_CHECKING:
    from monitor.outbox.deliver import Unit, _Pass

log = logging.getLogger("monitor.outbox.deliver")

RETRY_BASE = 60.0  # first retry of a failed delivery after about a minute
RETRY_CAP = 6 * 3600.0


def send(p: _Pass, unit: Unit) -> str:
    """One message: marked in flight, sent, then marked sent or failed. Returns the outcome."""
    box, handle = p.box, unit.first.url_id
    if not p.target.knows(handle):
        return _removed(p, unit)
    message = _message(p, unit)
    repeats = [a.id for a in unit.alerts if a.in_flight]
    if repeats:
        log.warning(
            "alert %s was being sent when monitor stopped; sending it again: it may arrive twice",
            ",".join(map(str, repeats)),
        )
    box.marks.mark_in_flight(unit.ids, box.clock())
    target = unit.first.target
    if any(a.attempts for a in unit.alerts):
        box.metrics.retries.labels(target).inc()
    try:
        p.target.send(handle, message)
    except DeliveryError as exc:
        box.metrics.send_failures.labels(target).inc()
        p.refusals.refused(handle, str(exc))
        return _failed(p, unit, exc)
    p.refusals.accepted(handle)
    done = box.clock()
    box.marks.mark_sent(unit.ids, done)
    box.marks.target_ok(handle)
    box.metrics.sent.labels(target).inc()
    for alert in unit.alerts:
        _said(p, alert, unit)
        if alert.created and alert.kind != "notice":
            box.metrics.detect_to_deliver.observe(max(0.0, (done - alert.created).total_seconds()))
    return "sent"


def _said(p: _Pass, alert: PendingAlert, unit: Unit) -> None:
    """The one INFO line per delivered alert: what (rule and story, or the notice), and where (URL masked)."""
    where = f"to {p.target.label(alert.url_id)} (target {alert.target})"
    how = f" in a {unit.reason} message of {len(unit.alerts)}" if unit.reason else ""
    if alert.kind == "notice":
        log.info("notice %d %s %s: %s", alert.id, p.box.verb, where, alert.detail.get("title", ""))
    else:
        log.info("alert %d %s%s %s: rule %r, story %s", alert.id, p.box.verb, how, where, alert.rule, alert.story_id)


def _failed(p: _Pass, unit: Unit, exc: DeliveryError) -> str:
    box = p.box
    now = box.clock()
    alert = unit.first
    attempts = max(a.attempts for a in unit.alerts) + 1
    since = min((a.since or a.created or now) for a in unit.alerts)
    if p.config.notify.policy(alert.target).gives_up(attempts, since, now):
        box.marks.mark_failed(unit.ids, now, str(exc), None, dead=True)
        log.error(
            "alert %s (%s) to %s is dead after %d attempts over %s: %s; see: monitor alerts list --dead",
            ",".join(map(str, unit.ids)),
            alert.rule,
            alert.target,
            attempts,
            format_duration((now - since).total_seconds()),
            exc,
        )
        notice_failing(p, alert, str(exc), now)
        return "dead"
    delay = backoff(attempts, RETRY_BASE, RETRY_CAP, box.dice)
    box.marks.mark_failed(unit.ids, now, str(exc), now + timedelta(seconds=delay))
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
    p.box.marks.mark_failed(unit.ids, p.box.clock(), "target URL no longer in the config", None, dead=True)
    log.warning(
        "alert %s (%s) to a URL of target %s not sent: the URL is no longer in the config; kept as dead: "
        "monitor alerts retry %s sends it once the URL is back",
        ",".join(map(str, unit.ids)),
        alert.rule,
        alert.target,
        " ".join(map(str, unit.ids)),
    )
    return "dead"


def notice_failing(p: _Pass, alert: PendingAlert, error: str, now: datetime) -> None:
    """One notice per outage of a target URL, queued to every other target URL with the outage's record;
    logged when there is no other."""
    label = p.target.label(alert.url_id)
    message = notices.target_failing(alert.target, label, error)
    others: dict[str, Delivery] = {}
    for name in p.config.targets:
        for d in p.target.deliveries("target failing", [name]):
            if d.url_id != alert.url_id:
                others.setdefault(d.url_id, d)
    notice = Notice(tuple(others.values()), f"target-failing:{alert.url_id}:{now.isoformat()}", message)
    if not p.box.marks.target_failing(alert.url_id, alert.target, label, now, notice):
        return
    if not others:
        log.error("%s: %s", message.title, message.body.replace("\n", " "))


def _message(p: _Pass, unit: Unit) -> Message:
    style = p.target.style(unit.first.url_id)
    if style == "webhook":  # the versioned JSON, for notices too: the id and key stay the same on retries
        return payload_message(p.box.store, unit.alerts, {r.name: r for r in p.rules.rules}, unit.reason)
    if unit.first.kind == "notice":  # worded when queued: the fact as it stood then
        return Message(unit.first.detail.get("title", ""), unit.first.detail.get("body", ""))
    views = [_view(p, a) for a in unit.alerts]
    if style in SERVICES:
        return chat_message(style, views, unit.reason, unit.first.target)
    if unit.reason is None:
        return p.templates.alert(views[0], style)
    return p.templates.digest(views, style, unit.reason, unit.first.target)


def _view(p: _Pass, alert: PendingAlert) -> AlertView:
    """What the message shows, read at sending time: outlets and write-ups as they stand now."""
    assert alert.entry_id is not None and alert.story_id is not None  # only notices lack them
    store = p.box.store
    rule = rule_named(p.rules, alert.rule)
    writeups: tuple[Writeup, ...] = ()
    if alert.kind == "event":
        rows = store.event_writeups(store.story_event(alert.story_id))
        writeups = tuple(Writeup(w["title"] or "", w["link"] or "", tuple(w["outlets"])) for w in rows)
    elif alert.kind == "spike":
        writeups = tuple(_writeup(p, story) for story in alert.detail.get("stories", ()))
    entry = store.entry(alert.entry_id)
    if not entry.lang:  # detected once and kept (store/languages.py), not again for each rule, URL and retry
        entry = replace(entry, lang=store.entry_languages([alert.entry_id]).get(alert.entry_id, ("", ""))[0])
    return AlertView(
        rule=alert.rule,
        severity=rule.severity if rule else "normal",
        entry=entry,
        matched=alert.matched,
        outlets=tuple(store.story_outlets(alert.story_id)),
        target=alert.target,
        kind=alert.kind,
        writeups=writeups,
        previous_title=alert.detail.get("previous_title", ""),
        change=alert.detail.get("change", ""),
    )


def _writeup(p: _Pass, story_id: int) -> Writeup:
    """A story as a list item: its first entry's title and link, every outlet carrying it."""
    rows = p.box.store.story_entries(story_id)
    first = rows[0] if rows else {"title": "(no longer stored)", "link": ""}
    return Writeup(first["title"] or "", first["link"] or "", tuple(p.box.store.story_outlets(story_id)))

"""What a signed webhook says about an outbox unit, read from the store when it is sent (the JSON: webhook.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from monitor.models import Message
from monitor.outbox import webhook

if TYPE_CHECKING:
    from monitor.rules import Rule
    from monitor.store import PendingAlert, Store

FORMAT = "json"  # Message.body_format of a payload already encoded


def payload_message(
    store: Store, alerts: Sequence[PendingAlert], rules: dict[str, Rule], reason: str | None
) -> Message:
    """The payload of one outbox unit (a single alert, or a batch), read from the store at sending time."""
    if alerts[0].kind == "notice":  # worded when queued; keyed like an alert, so a retry repeats the key
        first = alerts[0]
        key = webhook.idempotency_key(first.url_id, first.id, first.created)
        title, body = first.detail.get("title", ""), first.detail.get("body", "")
        payload = webhook.notice_payload(title, body, webhook.notice_type(first.rule), first.created, key, first.id)
        return Message(title=payload["type"], body=webhook.encode(payload).decode(), body_format=FORMAT)
    items = [webhook.alert_payload(_facts(store, alert, rules.get(alert.rule))) for alert in alerts]
    if reason is None:
        payload = items[0]
    else:
        key = webhook.idempotency_key(alerts[0].url_id, alerts[0].id, alerts[0].created) + f"-{len(alerts)}"
        payload = webhook.batch_payload(items, reason, key)
    return Message(title=payload["type"], body=webhook.encode(payload).decode(), body_format=FORMAT)


def _facts(store: Store, alert: PendingAlert, rule: Rule | None) -> webhook.AlertFacts:
    assert alert.entry_id is not None and alert.story_id is not None  # only notices lack them
    copies = tuple(
        webhook.Copy(
            row["outlet"] or "",
            row["title"] or "",
            row["link"] or "",
            _when(row["published"]),
            _when(row["first_seen"]),
        )
        for row in store.story_entries(alert.story_id)
    )
    return webhook.AlertFacts(
        id=alert.id,
        key=webhook.idempotency_key(alert.url_id, alert.id, alert.created),
        kind=alert.kind,
        rule=alert.rule,
        severity=rule.severity if rule else "normal",
        created=alert.created,
        story_id=alert.story_id,
        event_id=store.story_event(alert.story_id),
        entry=store.entry(alert.entry_id),
        matched=alert.matched,
        copies=copies,
        detail=_spike_detail(store, alert.detail) if alert.kind == "spike" else dict(alert.detail),
    )


def _spike_detail(store: Store, detail: dict[str, Any]) -> dict[str, Any]:
    """A spike's figures, with each of the window's stories written out (title, link, outlets)."""
    stories = []
    for story_id in detail.get("stories", ()):
        rows = store.story_entries(story_id)
        first = rows[0] if rows else {"title": None, "link": None}
        stories.append(
            {"id": story_id, "title": first["title"], "link": first["link"], "outlets": store.story_outlets(story_id)}
        )
    return {**detail, "stories": stories}


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None

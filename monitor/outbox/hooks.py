"""Signed webhook targets: post the payload of ``webhook`` with its signature, one target URL each.

The signing secret is read from its environment variable or file (systemd's
``LoadCredential=`` puts files in ``/run/credentials/UNIT/``) when the runtime is loaded; it
is held in memory only, never in the config, the database, a message or the log. A missing
secret is a ``check`` problem naming the config line.

The outbox decides retries (``send`` raises DeliveryError, and the alert is retried with the
same id and idempotency key); here each request is one try with a short timeout.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import httpx

from monitor.errors import DeliveryError, Problem
from monitor.models import Message, Target, Webhook
from monitor.outbox import webhook
from monitor.store import Delivery, url_id

if TYPE_CHECKING:
    from monitor.rules import Rule
    from monitor.store import PendingAlert, Store

TIMEOUT = httpx.Timeout(10.0, connect=5.0)
FORMAT = "json"  # Message.body_format of a payload already encoded


def handle_of(hook: Webhook) -> str:
    """The handle of a webhook URL: never equal to an apprise URL's (json://… posts something else)."""
    return url_id("webhook:" + hook.url)


def label_of(hook: Webhook) -> str:
    """The URL without its path and query (which may carry a token)."""
    parts = urlsplit(hook.url)
    return f"webhook {parts.scheme}://{parts.netloc.rpartition('@')[2]}{'/…' if parts.path.strip('/') else ''}"


def read_secret(hook: Webhook) -> bytes:
    """The signing secret; ValueError naming where it was sought (never its value)."""
    if hook.secret_env is not None:
        value = os.environ.get(hook.secret_env, "")
        if not value.strip():
            raise ValueError(f"environment variable {hook.secret_env} is not set or empty: set it to the secret")
        return value.strip().encode()
    path = Path(hook.secret_file or "")
    try:
        value = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot read secret_file {path}: {exc.__class__.__name__}: check the path and mode") from None
    if not value:
        raise ValueError(f"secret_file {path} is empty: write the secret in it")
    return value.encode()


class Webhooks:
    """The signed webhooks of every target, by handle."""

    def __init__(self, targets: dict[str, Target], *, client: httpx.Client | None = None):
        self.hooks: dict[str, tuple[str, Webhook]] = {}  # handle -> (target, spec)
        self._secrets: dict[str, bytes] = {}
        self._problems: list[tuple[Webhook, str, str]] = []
        self._client = client
        for target in targets.values():
            if target.webhook is None:
                continue
            handle = handle_of(target.webhook)
            try:
                self._secrets[handle] = read_secret(target.webhook)
            except ValueError as exc:
                self._problems.append((target.webhook, target.name, str(exc)))
                continue
            self.hooks.setdefault(handle, (target.name, target.webhook))

    def problems(self, config_path: str) -> list[Problem]:
        return [
            Problem(config_path, hook.line, f"[notify.targets.{name}] webhook: {why}")
            for hook, name, why in self._problems
        ]

    def deliveries(self, rule: str, names: Iterable[str], targets: dict[str, Target]) -> list[Delivery]:
        found = []
        for name in names:
            target = targets.get(name)
            if target is not None and target.webhook is not None and handle_of(target.webhook) in self.hooks:
                found.append(Delivery(rule, name, handle_of(target.webhook), label_of(target.webhook)))
        return found

    def knows(self, handle: str) -> bool:
        return handle in self.hooks

    def label(self, handle: str) -> str:
        return label_of(self.hooks[handle][1])

    def send(self, handle: str, message: Message) -> None:
        """One signed POST; a 2xx answer is acceptance. A plain message (a notice) is wrapped first."""
        payload = json.loads(message.body) if message.body_format == FORMAT else _notice(message)
        body = webhook.encode(payload)
        hook = self.hooks[handle][1]
        request_headers = webhook.headers(self._secrets[handle], int(time.time()), body, payload)
        try:
            answer = self._http().post(hook.url, content=body, headers=request_headers)
        except httpx.HTTPError as exc:
            raise DeliveryError(f"{label_of(hook)}: {type(exc).__name__}") from None
        if not 200 <= answer.status_code < 300:
            raise DeliveryError(f"{label_of(hook)} answered HTTP {answer.status_code}")

    def _http(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(timeout=TIMEOUT, follow_redirects=False)
        return self._client


def _notice(message: Message) -> dict[str, Any]:
    kind = "notice.delivery" if message.title.startswith("monitor: delivery failing") else "notice.feed_health"
    return webhook.notice_payload(message.title, message.body, kind, datetime.now(UTC))


def payload_message(
    store: Store, alerts: Sequence[PendingAlert], rules: dict[str, Rule], reason: str | None
) -> Message:
    """The payload of one outbox unit (a single alert, or a batch), read from the store at sending time."""
    items = [webhook.alert_payload(_facts(store, alert, rules.get(alert.rule))) for alert in alerts]
    if reason is None:
        payload = items[0]
    else:
        key = webhook.idempotency_key(alerts[0].url_id, alerts[0].id, alerts[0].created) + f"-{len(alerts)}"
        payload = webhook.batch_payload(items, reason, key)
    return Message(title=payload["type"], body=webhook.encode(payload).decode(), body_format=FORMAT)


def _facts(store: Store, alert: PendingAlert, rule: Rule | None) -> webhook.AlertFacts:
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

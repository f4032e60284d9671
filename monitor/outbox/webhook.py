"""Signed webhooks: the versioned JSON payload and its HMAC signature. Pure: values in, bytes out.

The contract a receiving system relies on (docs/delivery.md, "Signed webhook"):

- The body is UTF-8 JSON with ``schema_version`` (``SCHEMA_VERSION``; fields are only ever
  added within a version), ``type`` (``alert.story``, ``alert.event``, ``alert.update``,
  ``alert.spike``, ``alert.batch``, ``notice.feed_health``, ``notice.delivery``), ``id`` and
  ``idempotency_key``. The key is the same on every retry of one message, also after a
  restart or a crash, so a receiver that remembers keys processes each message once.
- Headers: ``X-Monitor-Timestamp`` (Unix seconds) and ``X-Monitor-Signature``
  (``sha256=`` + hex HMAC-SHA256 of ``TIMESTAMP.`` + body, keyed with the secret). A receiver
  rejects a timestamp more than ``REPLAY_WINDOW`` seconds away from its clock, so a captured
  request cannot be replayed later. ``X-Monitor-Event`` repeats ``type`` and
  ``X-Monitor-Delivery`` the idempotency key, for routing before parsing.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from monitor.models import Entry, Webhook

SCHEMA_VERSION = 1
REPLAY_WINDOW = 300  # seconds a signature stays valid either side of the receiver's clock
CONTEXT_CHARS = 80  # text kept either side of a matched term
SIGNATURE_HEADER = "X-Monitor-Signature"
TIMESTAMP_HEADER = "X-Monitor-Timestamp"
EVENT_HEADER = "X-Monitor-Event"
DELIVERY_HEADER = "X-Monitor-Delivery"
TYPES = {"story": "alert.story", "event": "alert.event", "update": "alert.update", "escalation": "alert.update"}
SPEC_KEYS = ("url", "secret_env", "secret_file")


def table(value: Any, keys: tuple[str, ...], example: str) -> dict[str, Any]:
    """An inline table of a target (``webhook``, ``chat``) with only ``keys``; ValueError saying the fix."""
    if not isinstance(value, dict):
        raise ValueError(f"expected a table: {example}")
    unknown = sorted(set(value) - set(keys))
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r} (allowed: {', '.join(keys)})")
    return value


def http_url(value: Any, fix: str) -> str:
    parts = urlsplit(value) if isinstance(value, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(fix)
    return str(value)


def parse_spec(value: Any, base: Path, line: int | None = None) -> Webhook:
    """A ``webhook = { url = "https://…", secret_env = "NAME" }`` table; ValueError saying the fix."""
    value = table(value, SPEC_KEYS, 'webhook = { url = "https://…", secret_env = "NAME" }')
    url = http_url(value.get("url"), 'url must be "https://…" (or http:// on a trusted network)')
    env, file = value.get("secret_env"), value.get("secret_file")
    if (env is None) == (file is None):
        # The secret itself never goes in the config: the config is read by more people and tools.
        raise ValueError("give exactly one of secret_env (a variable's name) or secret_file (a path)")
    for name, given in (("secret_env", env), ("secret_file", file)):
        if given is not None and (not isinstance(given, str) or not given.strip()):
            raise ValueError(f"{name} must be a non-empty string")
    return Webhook(url, env, str(base / file) if file else None, line)


def sign(secret: bytes, timestamp: int, body: bytes) -> str:
    """The ``X-Monitor-Signature`` value of ``body`` sent at ``timestamp``."""
    return "sha256=" + hmac.new(secret, str(timestamp).encode() + b"." + body, hashlib.sha256).hexdigest()


def verify(secret: bytes, timestamp: str, signature: str, body: bytes, now: float) -> bool:
    """What a receiver does: a fresh timestamp and a matching signature (compared in constant time)."""
    if not timestamp.isdigit() or abs(now - int(timestamp)) > REPLAY_WINDOW:
        return False
    return hmac.compare_digest(sign(secret, int(timestamp), body), signature)


def headers(secret: bytes, timestamp: int, body: bytes, payload: dict[str, Any]) -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: sign(secret, timestamp, body),
        EVENT_HEADER: str(payload.get("type", "")),
        DELIVERY_HEADER: str(payload.get("idempotency_key", "")),
    }


def encode(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


@dataclass(frozen=True, slots=True)
class Copy:
    """One outlet's write-up of the story: a payload lists every one."""

    outlet: str
    title: str
    link: str
    published: datetime | None
    first_seen: datetime | None


@dataclass(frozen=True, slots=True)
class AlertFacts:
    """What the payload says about one queued alert (read from the store when it is sent)."""

    id: int
    key: str  # identity of the alert: constant for its life in the outbox
    kind: str  # story | event | escalation | update | spike
    rule: str
    severity: str
    created: datetime | None
    story_id: int
    event_id: int | None
    entry: Entry
    matched: tuple[str, ...]
    copies: tuple[Copy, ...] = ()
    detail: dict[str, Any] = field(default_factory=dict)


def idempotency_key(url_id: str, alert_id: int, created: datetime | None) -> str:
    """Constant across retries: the alert's row, its target URL and when it was queued (so a
    database started afresh never reuses a key)."""
    text = f"{url_id}\0{alert_id}\0{created.isoformat() if created else ''}"
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def alert_payload(facts: AlertFacts) -> dict[str, Any]:
    """The JSON object of one alert."""
    e = facts.entry
    payload: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "type": "alert.spike" if facts.kind == "spike" else TYPES.get(facts.kind, "alert.story"),
        "kind": facts.kind,
        "id": facts.id,
        "idempotency_key": facts.key,
        "created": _iso(facts.created),
        "rule": {"name": facts.rule, "severity": facts.severity},
        "severity": facts.severity,
        "event_id": facts.event_id,
        "story": {
            "id": facts.story_id,
            "title": e.title,
            "link": e.link,
            "outlet": e.outlet,
            "published": _iso(e.published),
            "outlets": [
                {
                    "outlet": c.outlet,
                    "title": c.title,
                    "link": c.link,
                    "published": _iso(c.published),
                    "first_seen": _iso(c.first_seen),
                }
                for c in facts.copies
            ],
        },
        "matched": [{"term": term, "context": in_context(e, term)} for term in facts.matched],
    }
    if facts.detail:
        payload["detail"] = facts.detail
    return payload


def batch_payload(alerts: Sequence[dict[str, Any]], reason: str, key: str) -> dict[str, Any]:
    """Alerts held together (digest, quiet hours, burst roll-up, catch-up): one request, each alert whole."""
    return {
        "schema_version": SCHEMA_VERSION,
        "type": "alert.batch",
        "reason": reason,
        "id": alerts[0]["id"],
        "idempotency_key": key,
        "alerts": list(alerts),
    }


NOTICE_TYPES = {
    "feed health": "notice.feed_health",
    "target failing": "notice.delivery",
    "reload refused": "notice.config",
}


def notice_type(topic: str) -> str:
    """The payload type of a notice by its topic (the rule name it is queued under)."""
    return NOTICE_TYPES.get(topic, "notice." + re.sub(r"\W+", "_", topic.strip().lower()))


def notice_payload(
    title: str, body: str, kind: str, created: datetime | None, key: str, id: Any = None
) -> dict[str, Any]:
    """A notice for the operator (a feed failing or back, a target failing, a reload refused)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "type": kind,
        "id": key if id is None else id,
        "idempotency_key": key,
        "created": _iso(created),
        "title": title,
        "text": body,
    }


def in_context(entry: Entry, term: str) -> str:
    """The first place ``term`` stands in the title or text, with up to CONTEXT_CHARS either side."""
    for text in (entry.title, " ".join(entry.body.split())):
        found = re.search(r"(?<!\w)" + re.escape(term) + r"(?!\w)", text, re.IGNORECASE)
        if found:
            start, end = max(0, found.start() - CONTEXT_CHARS), min(len(text), found.end() + CONTEXT_CHARS)
            return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    return ""


def _iso(when: datetime | None) -> str | None:
    return when.isoformat() if when else None

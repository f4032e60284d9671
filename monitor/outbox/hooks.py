"""monitor's own HTTP targets: signed webhooks (webhook.py) and chat services in their native
format (chat.py), one handle per URL, beside apprise's in ``targets.Notifier``.

Signing secrets and bot tokens are read from their environment variable or file (systemd's
``LoadCredential=`` puts files in ``/run/credentials/UNIT/``) when the runtime is loaded;
they are held in memory only, never in the config, the database, a message or the log. A
missing one is a ``check`` problem naming the config line.

The outbox decides retries (``send`` raises DeliveryError, and the alert is retried with the
same id and idempotency key); here each request is one try with a short timeout.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

from monitor.errors import DeliveryError, Problem
from monitor.models import Chat, Message, Target, Webhook
from monitor.outbox import chat, webhook
from monitor.outbox.payloads import FORMAT
from monitor.store import Delivery, url_id

TIMEOUT = httpx.Timeout(10.0, connect=5.0)
Spec = Webhook | Chat


def handle_of(spec: Spec) -> str:
    """The handle of a native target: never equal to an apprise URL's (json://… posts something else)."""
    if isinstance(spec, Webhook):
        return url_id("webhook:" + spec.url)
    return url_id(f"{spec.service}:{spec.url}:{spec.chat_id or ''}:{spec.room or ''}")


def label_of(spec: Spec) -> str:
    """The URL without its path and query (which may carry a token)."""
    parts = urlsplit(spec.url)
    where = f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}{'/…' if parts.path.strip('/') else ''}"
    if isinstance(spec, Webhook):
        return f"webhook {where}"
    return f"{spec.service} {where}" + (
        f" chat {spec.chat_id}" if spec.chat_id else f" room {spec.room}" if spec.room else ""
    )


def read_secret(env: str | None, file: str | None) -> bytes:
    """A secret or token from its variable or file; ValueError naming where it was sought (never its value)."""
    if env is not None:
        value = os.environ.get(env, "")
        if not value.strip():
            raise ValueError(f"environment variable {env} is not set or empty: set it to the secret")
        return value.strip().encode()
    path = Path(file or "")
    try:
        value = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot read {path}: {exc.__class__.__name__}: check the path and mode") from None
    if not value:
        raise ValueError(f"{path} is empty: write the secret in it")
    return value.encode()


def _specs(target: Target) -> list[tuple[str, Spec]]:
    return [(key, spec) for key, spec in (("webhook", target.webhook), ("chat", target.chat)) if spec is not None]


def _secret_of(spec: Spec) -> bytes | None:
    if isinstance(spec, Webhook):
        return read_secret(spec.secret_env, spec.secret_file)
    if spec.token_env is None and spec.token_file is None:
        return None  # Slack, Teams, Discord: the URL is the credential
    return read_secret(spec.token_env, spec.token_file)


class HttpTargets:
    """The native targets of every named target, by handle."""

    def __init__(self, targets: dict[str, Target], *, client: httpx.Client | None = None):
        self.specs: dict[str, tuple[str, Spec]] = {}  # handle -> (target, spec)
        self._secrets: dict[str, bytes | None] = {}
        self._problems: list[tuple[Spec, str, str, str]] = []
        self._client = client
        for target in targets.values():
            for key, spec in _specs(target):
                handle = handle_of(spec)
                try:
                    self._secrets[handle] = _secret_of(spec)
                except ValueError as exc:
                    self._problems.append((spec, target.name, key, str(exc)))
                    continue
                self.specs.setdefault(handle, (target.name, spec))

    def problems(self, config_path: str) -> list[Problem]:
        return [
            Problem(config_path, spec.line, f"[notify.targets.{name}] {key}: {why}")
            for spec, name, key, why in self._problems
        ]

    def deliveries(self, rule: str, names: Iterable[str], targets: dict[str, Target]) -> list[Delivery]:
        found = []
        for name in names:
            target = targets.get(name)
            for _, spec in _specs(target) if target is not None else ():
                if handle_of(spec) in self.specs:
                    found.append(Delivery(rule, name, handle_of(spec), label_of(spec)))
        return found

    def knows(self, handle: str) -> bool:
        return handle in self.specs

    def label(self, handle: str) -> str:
        return label_of(self.specs[handle][1])

    def style(self, handle: str) -> str:
        spec = self.specs[handle][1]
        return "webhook" if isinstance(spec, Webhook) else spec.service

    def send(self, handle: str, message: Message) -> None:
        """One request; a 2xx answer is acceptance. A plain message (a notice) is put in the target's shape."""
        spec, secret = self.specs[handle][1], self._secrets[handle]
        if isinstance(spec, Webhook):
            payload = json.loads(message.body) if message.body_format == FORMAT else _notice(message)
            body = webhook.encode(payload)
            headers = webhook.headers(secret or b"", int(time.time()), body, payload)
            self._request("POST", spec.url, body, headers, label_of(spec))
            return
        payload = (
            json.loads(message.body)
            if message.body_format == FORMAT
            else chat.notice(spec.service, message.title, message.body)
        )
        method, url, extra = _chat_request(spec, secret, payload)
        body = json.dumps(payload, ensure_ascii=False).encode()
        self._request(method, url, body, {"Content-Type": "application/json", **extra}, label_of(spec))

    def _request(self, method: str, url: str, body: bytes, headers: dict[str, str], label: str) -> None:
        if self._client is None:
            self._client = httpx.Client(timeout=TIMEOUT, follow_redirects=False)
        try:
            answer = self._client.request(method, url, content=body, headers=headers)
        except httpx.HTTPError as exc:
            raise DeliveryError(f"{label}: {type(exc).__name__}") from None
        if not 200 <= answer.status_code < 300:
            raise DeliveryError(f"{label} answered HTTP {answer.status_code}")


def _chat_request(spec: Chat, token: bytes | None, payload: dict[str, Any]) -> tuple[str, str, dict[str, str]]:
    """(method, URL, extra headers) of a chat message; adds the Telegram chat to ``payload``."""
    if spec.service == "telegram":
        payload["chat_id"] = spec.chat_id
        return "POST", f"{spec.url.rstrip('/')}/bot{(token or b'').decode()}/sendMessage", {}
    if spec.service == "matrix":
        # The transaction id makes a retry of the same message idempotent on the homeserver.
        txn = hashlib.blake2b(json.dumps(payload, sort_keys=True).encode(), digest_size=12).hexdigest()
        room = quote(spec.room or "", safe="")
        url = f"{spec.url.rstrip('/')}/_matrix/client/v3/rooms/{room}/send/m.room.message/{txn}"
        return "PUT", url, {"Authorization": f"Bearer {(token or b'').decode()}"}
    return "POST", spec.url, {}


def _notice(message: Message) -> dict[str, Any]:
    """A message sent outside the outbox's records (none is, today): keyed by its text and time."""
    now = datetime.now(UTC)
    key = hashlib.blake2b(f"{message.title}\0{message.body}\0{now.isoformat()}".encode(), digest_size=16).hexdigest()
    return webhook.notice_payload(message.title, message.body, "notice.operator", now, key)

"""Local stand-ins for Slack, Teams (Workflows), Telegram, Discord and Matrix, on 127.0.0.1.

Each checks a request against the payload shape and limits its service documents and answers
as the service does; a request that breaks the rules gets 400 and is kept in ``errors``.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser

from conftest import reserved_port
from webhook_support import serve_http

TOKEN = "123456:test-token"
TELEGRAM_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "blockquote", "span"}
MATRIX_TAGS = {"b", "strong", "i", "em", "u", "a", "br", "p", "ul", "ol", "li", "code", "pre", "blockquote", "del"}


def _tags(text: str) -> set[str]:
    found: set[str] = set()

    class Parser(HTMLParser):
        def handle_starttag(self, tag: str, attrs: object) -> None:
            found.add(tag)

    Parser().feed(text)
    return found


def check_slack(path: str, body: dict) -> list[str]:
    # https://api.slack.com/messaging/webhooks, https://api.slack.com/reference/block-kit/blocks
    errors = [] if isinstance(body.get("text"), str) and body["text"] else ["text (the fallback) is required"]
    blocks = body.get("blocks", [])
    if not isinstance(blocks, list) or len(blocks) > 50:
        errors.append("blocks: a list of at most 50")
    for block in blocks:
        if block.get("type") == "header":
            text = block["text"]
            if text.get("type") != "plain_text" or len(text.get("text", "")) > 150:
                errors.append("header: plain_text of at most 150 characters")
        elif block.get("type") == "section":
            text = block["text"]
            if text.get("type") not in ("mrkdwn", "plain_text") or not 0 < len(text.get("text", "")) <= 3000:
                errors.append("section text: 1 to 3,000 characters")
            if re.search(r"<(?![@#!]|https?://)[^>]*>", text.get("text", "")):
                errors.append("section text: unescaped < >")
        else:
            errors.append(f"unexpected block type {block.get('type')!r}")
    return errors


def check_teams(path: str, body: dict) -> list[str]:
    # Workflows "When a Teams webhook request is received": a message with Adaptive Card attachments
    if body.get("type") != "message" or not body.get("attachments"):
        return ['a "message" with attachments is required']
    errors = []
    for attachment in body["attachments"]:
        card = attachment.get("content", {})
        if attachment.get("contentType") != "application/vnd.microsoft.card.adaptive":
            errors.append("contentType must be application/vnd.microsoft.card.adaptive")
        if card.get("type") != "AdaptiveCard" or not card.get("version") or not isinstance(card.get("body"), list):
            errors.append("content must be an AdaptiveCard with a version and a body")
        for element in card.get("body", []):
            if element.get("type") != "TextBlock" or not isinstance(element.get("text"), str):
                errors.append("body: TextBlocks with text")
    if len(json.dumps(body).encode()) > 28 * 1024:
        errors.append("payload over 28 KB")
    return errors


def check_telegram(path: str, body: dict) -> list[str]:
    # https://core.telegram.org/bots/api#sendmessage
    if path != f"/bot{TOKEN}/sendMessage":
        return [f"unknown method {path}"]
    errors = [] if body.get("chat_id") else ["chat_id is required"]
    text = body.get("text", "")
    if not 0 < len(text) <= 4096:
        errors.append("text: 1 to 4,096 characters")
    if body.get("parse_mode") == "HTML" and _tags(text) - TELEGRAM_TAGS:
        errors.append(f"unsupported tags {_tags(text) - TELEGRAM_TAGS}")
    return errors


def check_discord(path: str, body: dict) -> list[str]:
    # https://discord.com/developers/docs/resources/webhook#execute-webhook, embed limits
    errors = []
    if not body.get("content") and not body.get("embeds"):
        errors.append("content or embeds is required")
    embeds = body.get("embeds", [])
    if len(embeds) > 10:
        errors.append("at most 10 embeds")
    total = 0
    for embed in embeds:
        title, description = embed.get("title", ""), embed.get("description", "")
        fields = embed.get("fields", [])
        if len(title) > 256 or len(description) > 4096 or len(fields) > 25:
            errors.append("embed: title ≤ 256, description ≤ 4,096, fields ≤ 25")
        for f in fields:
            if not 0 < len(f.get("name", "")) <= 256 or not 0 < len(f.get("value", "")) <= 1024:
                errors.append("field: name 1-256, value 1-1,024")
        total += len(title) + len(description) + sum(len(f["name"]) + len(f["value"]) for f in fields)
    if total > 6000:
        errors.append("embeds over 6,000 characters in all")
    return errors


def check_matrix(path: str, body: dict, headers: dict[str, str]) -> list[str]:
    # https://spec.matrix.org/v1.10/client-server-api/#put_matrixclientv3roomsroomidsendeventtypetxnid
    errors = []
    if not re.fullmatch(r"/_matrix/client/v3/rooms/[^/]+/send/m\.room\.message/[^/]+", path):
        errors.append(f"unexpected path {path}")
    if headers.get("Authorization") != f"Bearer {TOKEN}":
        errors.append("missing access token")
    if body.get("msgtype") not in ("m.text", "m.notice") or not body.get("body"):
        errors.append("msgtype m.text and body are required")
    if "formatted_body" in body and (
        body.get("format") != "org.matrix.custom.html" or _tags(body["formatted_body"]) - MATRIX_TAGS
    ):
        errors.append("formatted_body: org.matrix.custom.html with the allowed tags")
    if len(json.dumps(body).encode()) > 65536:
        errors.append("event over 65,536 bytes")
    return errors


@dataclass
class ChatServices:
    port: int
    received: dict[str, list[dict]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    txns: list[str] = field(default_factory=list)

    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def handle(self, method: str, path: str, headers: dict[str, str], body: dict) -> tuple[int, bytes]:
        service = path.split("/")[1] if path.startswith(("/slack", "/teams", "/discord")) else None
        if path.startswith("/bot"):
            service = "telegram"
        if path.startswith("/_matrix"):
            service = "matrix"
        if service is None:
            return 404, b""
        wanted = "PUT" if service == "matrix" else "POST"
        problems = [f"method {method}"] if method != wanted else []
        checker = {"slack": check_slack, "teams": check_teams, "telegram": check_telegram, "discord": check_discord}
        problems += check_matrix(path, body, headers) if service == "matrix" else checker[service](path, body)
        if problems:
            self.errors += [f"{service}: {p}" for p in problems]
            return 400, b'{"error": "bad request"}'
        self.received.setdefault(service, []).append(body)
        answer = {
            "slack": (200, b"ok"),
            "teams": (202, b""),
            "telegram": (200, b'{"ok": true, "result": {"message_id": 1}}'),
            "discord": (204, b""),
            "matrix": (200, b'{"event_id": "$e"}'),
        }[service]
        if service == "matrix":
            self.txns.append(path.rsplit("/", 1)[1])
        return answer


@contextmanager
def serve_chat_services() -> Iterator[ChatServices]:
    lock = threading.Lock()
    with reserved_port() as port:
        services = ChatServices(port=port)

        def answer(method: str, path: str, headers: dict[str, str], body: bytes) -> tuple[int, bytes]:
            with lock:
                return services.handle(method, path, headers, json.loads(body))

        with serve_http(services.port, answer):
            yield services


def chat_targets(services: ChatServices) -> str:
    """Config lines for one target per service, all pointed at ``services``."""
    base = services.base()
    return (
        "\n".join(
            [
                f'[notify.targets.slack]\nchat = {{ service = "slack", url = "{base}/slack/services/T0/B0/x" }}',
                f'[notify.targets.teams]\nchat = {{ service = "teams", url = "{base}/teams/workflows/abc" }}',
                f'[notify.targets.telegram]\nchat = {{ service = "telegram", url = "{base}", chat_id = "-1001", '
                'token_env = "MONITOR_TEST_CHAT_TOKEN" }',
                f'[notify.targets.discord]\nchat = {{ service = "discord", url = "{base}/discord/api/webhooks/1/x" }}',
                f'[notify.targets.matrix]\nchat = {{ service = "matrix", url = "{base}", room = "!room:example.org", '
                'token_env = "MONITOR_TEST_CHAT_TOKEN" }',
            ]
        )
        + "\n"
    )

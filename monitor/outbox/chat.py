"""Channel-native messages for Slack, Microsoft Teams, Telegram, Discord and Matrix. Pure.

Each service gets the shape its documentation gives, within its limits, carrying the
stable content: the story's title as a link, the outlets carrying it, the matched terms,
the rule and what kind of alert it is. A digest lists its stories the same way and says
how many it left out to fit.

- Slack incoming webhook: Block Kit ``text`` + ``blocks`` (section text ≤ 3,000, ≤ 50 blocks).
- Teams Workflows webhook: a ``message`` with one Adaptive Card (1.4) attachment (≤ 28 KB).
- Telegram Bot API ``sendMessage``: ``chat_id``, HTML ``text`` ≤ 4,096 characters.
- Discord webhook: one embed (title ≤ 256, description ≤ 4,096, ≤ 25 fields, ≤ 6,000 in all),
  mentions disabled.
- Matrix client-server API ``m.room.message``: ``m.text`` with a plain ``body`` and an HTML
  ``formatted_body`` (the event ≤ 65,536 bytes).
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from monitor.models import Chat, Message
from monitor.outbox.render import AlertView, digest_heading, shorten
from monitor.outbox.webhook import http_url, table

SERVICES = ("slack", "teams", "telegram", "discord", "matrix")
BUDGET = {"slack": 2900, "teams": 20_000, "telegram": 3900, "discord": 3900, "matrix": 30_000}  # text per message
FORMAT = "json"


def message(service: str, views: Sequence[AlertView], reason: str | None, target: str) -> Message:
    """The request body for ``service``: one alert (``reason`` None) or a roll-up of ``views``."""
    items = [v.variables(snippet_chars=0) for v in views]
    if reason is None:
        title = _title(items[0])
        lines = _alert_lines(items[0])
    else:
        title = digest_heading(reason, target, len(items))
        lines = [_item_line(item) for item in items]
    payload = BUILDERS[service](title, lines, items[0].get("link", "") if reason is None else "")
    return Message(title=title, body=json.dumps(payload, ensure_ascii=False), body_format=FORMAT)


def notice(service: str, title: str, body: str) -> dict[str, Any]:
    """A plain notice (feed health, delivery failing) in the service's shape."""
    return BUILDERS[service](title, [("", line, "") for line in body.splitlines() if line.strip()], "")


CHAT_KEYS = ("service", "url", "chat_id", "room", "token_env", "token_file")
NEEDS = {"telegram": ("chat_id",), "matrix": ("room",)}  # beyond url; both need a token too
TELEGRAM_API = "https://api.telegram.org"


def parse_spec(value: Any, base: Path, line: int | None = None) -> Chat:
    """A ``chat = { service = "slack", url = "https://hooks.slack.com/…" }`` table; ValueError saying the fix."""
    value = table(value, CHAT_KEYS, 'chat = { service = "slack", url = "https://hooks.slack.com/services/…" }')
    service = value.get("service")
    if service not in SERVICES:
        raise ValueError(f"service must be one of {', '.join(SERVICES)}, not {service!r}")
    if service == "telegram":
        value = {"url": TELEGRAM_API, **value}
    url = http_url(
        value.get("url"), f'{service}: url must be "https://…" (the webhook URL, or the homeserver for matrix)'
    )
    for key in NEEDS.get(service, ()):
        if not isinstance(value.get(key), str | int) or not str(value[key]).strip():
            raise ValueError(f"{service}: {key} is required")
    env, file = value.get("token_env"), value.get("token_file")
    if service in NEEDS and (env is None) == (file is None):
        raise ValueError(f"{service}: give exactly one of token_env or token_file; the token never goes in the config")
    return Chat(
        str(service),
        url,
        chat_id=str(value["chat_id"]) if "chat_id" in value else None,
        room=str(value["room"]) if "room" in value else None,
        token_env=env,
        token_file=str(base / file) if file else None,
        line=line,
    )


# A line is (label, text, link): rendered per service as "label: text" with text linked when link is set.
Line = tuple[str, str, str]


def _title(item: dict[str, Any]) -> str:
    urgent = "URGENT " if item["severity"] == "urgent" else ""
    what = f"{item['what']}: " if item["what"] else ""
    return f"{urgent}[{item['rule']}] {what}{item['title']}"


def _alert_lines(item: dict[str, Any]) -> list[Line]:
    lines: list[Line] = [("", item["title"], item["link"])]
    if item["kind"] in ("event", "spike"):
        lines += [("", f"{w['title']} ({', '.join(w['outlets'])})", w["link"]) for w in item["writeups"]]
    if item["change"]:
        lines.append(("Change", item["change"], ""))
    lines.append(("Outlets", ", ".join(item["outlets"]), ""))
    lines.append(("Matched", ", ".join(item["matched"]) or "(rule matched without words)", ""))
    lines.append(("Rule", f"{item['rule']} · {item['severity']} · {item['when']}", ""))
    return lines


def _item_line(item: dict[str, Any]) -> Line:
    what = f"{item['what']}: " if item["what"] else ""
    return (
        what.rstrip(": "),
        f"{item['title']} ({', '.join(item['outlets'])}; {', '.join(item['matched'])})",
        item["link"],
    )


def _fit(lines: list[Line], render: Callable[[Line], str], budget: int) -> list[str]:
    """Rendered lines up to ``budget`` characters; the rest counted in a last line."""
    out: list[str] = []
    used = 0
    for index, line in enumerate(lines):
        text = render(line)
        if len(text) > budget // 2:
            text = render((line[0], shorten(line[1], budget // 4), line[2]))
        if used + len(text) + 40 > budget:
            out.append(f"… and {len(lines) - index} more")
            break
        out.append(text)
        used += len(text) + 1
    return out


def _slack_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _slack_line(line: Line) -> str:
    label, text, link = line
    shown = f"<{link}|{_slack_text(text)}>" if link else _slack_text(text)
    return f"*{_slack_text(label)}:* {shown}" if label else shown


def slack(title: str, lines: list[Line], link: str) -> dict[str, Any]:
    body = "\n".join(_fit(lines, _slack_line, BUDGET["slack"]))
    return {
        "text": _slack_text(shorten(title, 3000)),  # the notification's fallback text, read as mrkdwn
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": shorten(title, 150), "emoji": False}},
            {"type": "section", "text": {"type": "mrkdwn", "text": body}},
        ],
        "unfurl_links": False,
    }


def _md_line(line: Line) -> str:
    label, text, link = line
    text = text.replace("[", "(").replace("]", ")")
    shown = f"[{text}]({link})" if link else text
    return f"**{label}:** {shown}" if label else shown


def teams(title: str, lines: list[Line], link: str) -> dict[str, Any]:
    body: list[dict[str, Any]] = [
        {"type": "TextBlock", "text": shorten(title, 500), "weight": "Bolder", "size": "Medium", "wrap": True}
    ]
    body += [{"type": "TextBlock", "text": text, "wrap": True} for text in _fit(lines, _md_line, BUDGET["teams"])]
    card: dict[str, Any] = {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": body,
    }
    if link:
        card["actions"] = [{"type": "Action.OpenUrl", "title": "Open the story", "url": link}]
    return {
        "type": "message",
        "attachments": [
            {"contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": None, "content": card}
        ],
    }


def _html_line(line: Line) -> str:
    label, text, link = line
    shown = f'<a href="{html.escape(link)}">{html.escape(text, quote=False)}</a>' if link else html.escape(text, False)
    return f"<b>{html.escape(label, quote=False)}:</b> {shown}" if label else shown


def telegram(title: str, lines: list[Line], link: str) -> dict[str, Any]:
    text = f"<b>{html.escape(shorten(title, 300), quote=False)}</b>\n" + "\n".join(
        _fit(lines, _html_line, BUDGET["telegram"])
    )
    return {"text": text, "parse_mode": "HTML", "link_preview_options": {"is_disabled": True}}  # chat_id: the target


def discord(title: str, lines: list[Line], link: str) -> dict[str, Any]:
    embed: dict[str, Any] = {"title": shorten(title, 256), "color": 0x3B82F6}
    rest = lines
    if link:  # one alert: the title links the story; its facts are fields
        embed["url"] = link
        rest = [line for line in lines[1:] if not line[0]]
        labelled = [line for line in lines[1:] if line[0]]
        # four fields of ≤ 400 + title + description stay under the 6,000 a message may carry
        embed["fields"] = [{"name": n, "value": shorten(v, 400), "inline": False} for n, v, _ in labelled[:25]]
    if rest:
        embed["description"] = "\n".join(_fit(rest, _md_line, BUDGET["discord"]))
    return {"embeds": [embed], "allowed_mentions": {"parse": []}}


def _plain_line(line: Line) -> str:
    label, text, link = line
    return f"{label + ': ' if label else ''}{text}{' ' + link if link else ''}"


def matrix(title: str, lines: list[Line], link: str) -> dict[str, Any]:
    plain = [title, *_fit(lines, _plain_line, BUDGET["matrix"])]
    rich = [f"<b>{html.escape(title, quote=False)}</b>", *_fit(lines, _html_line, BUDGET["matrix"])]
    return {
        "msgtype": "m.text",
        "body": "\n".join(plain),
        "format": "org.matrix.custom.html",
        "formatted_body": "<br>".join(rich),
    }


BUILDERS: dict[str, Callable[[str, list[Line], str], dict[str, Any]]] = {
    "slack": slack,
    "teams": teams,
    "telegram": telegram,
    "discord": discord,
    "matrix": matrix,
}

"""Channel-native formatting, tested against local receivers that check each service's documented shape."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from chat_support import TOKEN, chat_targets, serve_chat_services
from conftest import write_config
from delivery_support import ZEBRA_RULE, Clock, cycle, story_feed
from webhook_support import config_error

from monitor.models import Entry
from monitor.outbox import chat
from monitor.outbox.render import AlertView, Writeup

SERVICES_RULE = ZEBRA_RULE + "notify: [slack, teams, telegram, discord, matrix]\n"


@pytest.fixture
def services(monkeypatch):
    monkeypatch.setenv("MONITOR_TEST_CHAT_TOKEN", TOKEN)
    with serve_chat_services() as services:
        yield services


def test_each_service_gets_its_documented_shape_with_the_linked_title_outlets_and_terms(
    tmp_path, feed_server, services
):
    clock = Clock(datetime.now(UTC))
    feed_server.put("/zebra.xml", story_feed(2, clock.now - timedelta(minutes=20)))
    config = write_config(
        tmp_path, [feed_server.url("/zebra.xml")], [], rules=SERVICES_RULE, extra=chat_targets(services)
    )
    report = cycle(config, clock)
    assert services.errors == [] and report.sent == 10
    assert {name: len(bodies) for name, bodies in services.received.items()} == dict.fromkeys(chat.SERVICES, 2)
    link = "https://zebra.example/1"
    slack = services.received["slack"][0]["blocks"][1]["text"]["text"]
    assert f"<{link}|Zebra sighting 1" in slack and "*Outlets:* Zebra" in slack and "*Matched:* Zebra" in slack
    teams = services.received["teams"][0]["attachments"][0]["content"]
    assert any(f"]({link})" in b["text"] for b in teams["body"]) and teams["actions"][0]["url"] == link
    telegram = services.received["telegram"][0]
    assert f'<a href="{link}">Zebra sighting 1' in telegram["text"] and telegram["chat_id"] == "-1001"
    discord = services.received["discord"][0]["embeds"][0]
    assert discord["url"] == link and {"name": "Outlets", "value": "Zebra", "inline": False} in discord["fields"]
    matrix = services.received["matrix"][0]
    assert f'<a href="{link}">Zebra sighting 1' in matrix["formatted_body"] and link in matrix["body"]


def test_long_alerts_and_long_digests_stay_within_each_services_limits(services):
    title = "Zebra " + "very long headline " * 80
    entry = Entry("f", "Outlet", "k", "https://zebra.example/long", title, "zebra " * 2000, "")
    views = [
        AlertView(
            "Zebra watch",
            "urgent",
            entry,
            ("zebra",) * 50,
            tuple(f"Outlet {n}" for n in range(300)),
            kind="event",
            writeups=tuple(Writeup(title, f"https://x.example/{n}", ("A", "B")) for n in range(200)),
        )
    ] * 3
    for service in chat.SERVICES:
        for reason in (None, "digest"):
            message = chat.message(service, views if reason else views[:1], reason, "default")
            status, _ = services.handle(
                "PUT" if service == "matrix" else "POST",
                _path(service),
                {"Authorization": f"Bearer {TOKEN}"},
                {**json.loads(message.body), **({"chat_id": "1"} if service == "telegram" else {})},
            )
            assert status < 300, (service, reason, services.errors)


def _path(service: str) -> str:
    return {
        "slack": "/slack/services/x",
        "teams": "/teams/x",
        "telegram": f"/bot{TOKEN}/sendMessage",
        "discord": "/discord/api/webhooks/1/x",
        "matrix": "/_matrix/client/v3/rooms/%21r%3Ae/send/m.room.message/t1",
    }[service]


def test_a_markup_character_in_a_headline_cannot_break_the_message(services):
    entry = Entry("f", "O", "k", "https://z.example/1", "Zebras <b>& tigers</b> [sic] *loose*", "zebra", "")
    view = AlertView("Zebra watch", "normal", entry, ("zebra",), ("O",))
    interpreted = {  # the parts each service reads as markup
        "slack": lambda b: b["text"] + b["blocks"][1]["text"]["text"],
        "telegram": lambda b: b["text"],
        "matrix": lambda b: b["formatted_body"],
    }
    for service, markup in interpreted.items():
        shown = markup(json.loads(chat.message(service, [view], None, "default").body))
        assert "<b>& tigers" not in shown and "&lt;b&gt;" in shown, service


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('chat = { service = "irc", url = "https://x.example" }', "service must be one of slack, teams"),
        ('chat = { service = "telegram", chat_id = "1", token = "abc" }', "unknown key 'token'"),
        ('chat = { service = "telegram", chat_id = "1" }', "telegram: give exactly one of token_env or token_file"),
        ('chat = { service = "matrix", url = "https://m.example", token_env = "T" }', "matrix: room is required"),
        ('chat = { service = "slack" }', 'slack: url must be "https://'),
    ],
)
def test_bad_chat_settings_are_config_errors_with_path_and_line(tmp_path, line, message):
    assert f"config.toml:4: [notify.targets.room].chat: {message}" in config_error(tmp_path, line)

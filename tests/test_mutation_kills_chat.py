"""Each chat service's message, whole: the shape its documentation gives (key names, card
version, parse mode), which line carries which fact, and what a long roll-up cuts and how it
says so. Written to kill mutants that survived ``python -m benchmarks.mutation outbox-core``:
tests/chat_support.py's stand-in services check shapes and limits, not the content; a wrong
key name there is a message the real service drops or shows without its link.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from monitor.models import Chat, Entry
from monitor.outbox import chat
from monitor.outbox.render import AlertView, Writeup

WHEN = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def test_chat_settings_name_what_each_service_needs(tmp_path):
    slack = chat.parse_spec({"service": "slack", "url": "https://hooks.slack.example/x"}, tmp_path, 3)
    assert slack == Chat("slack", "https://hooks.slack.example/x", line=3)
    telegram = chat.parse_spec({"service": "telegram", "chat_id": -100, "token_file": "t"}, tmp_path)
    assert telegram == Chat("telegram", "https://api.telegram.org", chat_id="-100", token_file=str(tmp_path / "t"))
    matrix = chat.parse_spec(
        {"service": "matrix", "url": "https://m.example", "room": "!r:m.example", "token_env": "T"}, Path("/")
    )
    assert (matrix.room, matrix.token_env, matrix.token_file, matrix.chat_id) == ("!r:m.example", "T", None, None)
    for bad, message in [
        (
            {"service": "irc", "url": "https://x.example"},
            "service must be one of slack, teams, telegram, discord, matrix, not 'irc'",
        ),
        ({"service": "telegram", "chat_id": " ", "token_env": "T"}, "telegram: chat_id is required"),
        ({"service": "matrix", "url": "https://m.example", "token_env": "T"}, "matrix: room is required"),
        ({"service": "matrix", "url": "https://m.example", "room": "!r"}, "matrix: give exactly one of token_env"),
        ({"service": "discord", "url": "discord.example/x"}, 'discord: url must be "https://'),
        ("https://hooks.slack.example/x", r'expected a table: chat = \{ service = "slack", url = "https://hooks.slack'),
    ]:
        with pytest.raises(ValueError, match=message):
            chat.parse_spec(bad, tmp_path)


# --- chat messages -------------------------------------------------------------------------------


def view(kind: str = "story", severity: str = "normal", title: str = "Zebra escapes") -> AlertView:
    entry = Entry("f", "Daily", "k", "https://zebra.example/1", title, "", "", published=WHEN)
    return AlertView("Zebra", severity, entry, ("zebra", "zoo"), ("Daily", "Weekly"), kind=kind)


def body(service: str, views: list[AlertView], reason: str | None = None) -> dict:
    return json.loads(chat.message(service, views, reason, "team").body)


def test_a_slack_alert_links_the_title_and_lists_its_facts():
    sent = body("slack", [view(severity="urgent")])
    assert sent["text"] == "URGENT [Zebra] Zebra escapes"
    assert sent["blocks"][0]["text"] == {"type": "plain_text", "text": "URGENT [Zebra] Zebra escapes", "emoji": False}
    assert sent["blocks"][1]["text"]["text"].splitlines() == [
        "<https://zebra.example/1|Zebra escapes>",
        "*Outlets:* Daily, Weekly",
        "*Matched:* zebra, zoo",
        "*Rule:* Zebra · urgent · 2026-03-02 09:30 UTC",
    ]
    assert sent["unfurl_links"] is False


def test_an_alert_kind_is_said_in_the_title_and_a_roll_up_counts_its_alerts():
    assert chat.message("slack", [view("update")], None, "team").title == "[Zebra] Updated: Zebra escapes"
    digest = body("matrix", [view("event"), view()], "digest")
    lines = digest["body"].splitlines()
    assert lines[1:] == [
        "New event: Zebra escapes (Daily, Weekly; zebra, zoo) https://zebra.example/1",
        "Zebra escapes (Daily, Weekly; zebra, zoo) https://zebra.example/1",
    ]
    assert lines[0] == "Digest for team: 2 alerts"


def test_a_long_roll_up_says_how_many_it_left_out_and_fits_the_budget():
    views = [view(title=f"Zebra story number {n} " + "words " * 30) for n in range(200)]
    text = body("telegram", views, "digest")["text"]
    assert len(text.split("\n", 1)[1]) <= chat.BUDGET["telegram"]  # the lines under the title
    kept = text.count("<a href=")
    assert text.endswith(f"… and {200 - kept} more") and 0 < kept < 200


def test_a_line_longer_than_half_the_budget_is_shortened_to_a_quarter():
    long_title = "zebra " * 1000
    sent = body("slack", [view(title=long_title)])["blocks"][1]["text"]["text"]
    first = sent.splitlines()[0]
    assert first.startswith("<https://zebra.example/1|zebra") and first.endswith("…>")
    assert len(first) <= len("<https://zebra.example/1|>") + chat.BUDGET["slack"] // 4
    assert "*Rule:*" in sent  # the facts after it still fit


def test_a_discord_alert_links_its_title_and_gives_facts_as_fields():
    embed = body("discord", [view()])["embeds"][0]
    assert embed["url"] == "https://zebra.example/1" and embed["title"] == "[Zebra] Zebra escapes"
    assert [f["name"] for f in embed["fields"]] == ["Outlets", "Matched", "Rule"]
    assert "description" not in embed  # a plain story has no write-ups to list
    digest = body("discord", [view(), view()], "quiet")["embeds"][0]
    assert "url" not in digest and "fields" not in digest
    assert digest["description"].count("[Zebra escapes (Daily, Weekly; zebra, zoo)](https://zebra.example/1)") == 2
    assert body("discord", [view()])["allowed_mentions"] == {"parse": []}


def test_a_teams_card_opens_the_story_only_for_a_single_alert():
    card = body("teams", [view()])["attachments"][0]["content"]
    assert card["actions"] == [{"type": "Action.OpenUrl", "title": "Open the story", "url": "https://zebra.example/1"}]
    assert card["body"][1]["text"] == "[Zebra escapes](https://zebra.example/1)"
    assert card["body"][2]["text"] == "**Outlets:** Daily, Weekly"
    assert "actions" not in body("teams", [view(), view()], "digest")["attachments"][0]["content"]


def test_a_notice_is_one_line_per_non_blank_line_of_its_body():
    sent = chat.notice("telegram", "Feed <failing>", "First & line\n\n   \nSecond line")
    assert sent["text"] == "<b>Feed &lt;failing&gt;</b>\nFirst &amp; line\nSecond line"
    assert sent["parse_mode"] == "HTML" and sent["link_preview_options"] == {"is_disabled": True}
    matrix = chat.notice("matrix", "Feed <failing>", "One\nTwo")
    assert matrix["body"] == "Feed <failing>\nOne\nTwo"
    assert matrix["formatted_body"] == "<b>Feed &lt;failing&gt;</b><br>One<br>Two"
    assert (matrix["msgtype"], matrix["format"]) == ("m.text", "org.matrix.custom.html")


# --- one alert, whole, per service ----------------------------------------------------------------
# An escalation of a headline with markup in it: each service's escaping, the kind said in the
# title, and each fact on its own line (or field).
MARKUP = Entry("f", "Daily", "k", "https://zebra.example/1", "Zebra <escapes> & [runs]", "", "", published=WHEN)
ESCALATION = AlertView("Zebra", "normal", MARKUP, ("zebra",), ("Daily", "Weekly"), kind="escalation")
TITLE = "[Zebra] Now carried by 2 outlets: Zebra <escapes> & [runs]"
RULE_LINE = "Zebra · normal · 2026-03-02 09:30 UTC"
LINK = "https://zebra.example/1"


def whole(service: str) -> dict:
    return json.loads(chat.message(service, [ESCALATION], None, "team").body)


def test_slack_gets_block_kit_with_escaped_mrkdwn():
    assert whole("slack") == {
        "text": "[Zebra] Now carried by 2 outlets: Zebra &lt;escapes&gt; &amp; [runs]",
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": TITLE, "emoji": False}},
            {
                "type": "section",
                "text": {
                    "type": "mrkdwn",
                    "text": f"<{LINK}|Zebra &lt;escapes&gt; &amp; [runs]>\n*Outlets:* Daily, Weekly\n"
                    f"*Matched:* zebra\n*Rule:* {RULE_LINE}",
                },
            },
        ],
        "unfurl_links": False,
    }


def test_teams_gets_one_adaptive_card_that_opens_the_story():
    def block(text: str) -> dict:
        return {"type": "TextBlock", "text": text, "wrap": True}

    card = {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": [
            {"type": "TextBlock", "text": TITLE, "weight": "Bolder", "size": "Medium", "wrap": True},
            block(f"[Zebra <escapes> & (runs)]({LINK})"),  # brackets would end the link text early
            block("**Outlets:** Daily, Weekly"),
            block("**Matched:** zebra"),
            block(f"**Rule:** {RULE_LINE}"),
        ],
        "actions": [{"type": "Action.OpenUrl", "title": "Open the story", "url": LINK}],
    }
    assert whole("teams") == {
        "type": "message",
        "attachments": [
            {"contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": None, "content": card}
        ],
    }


def test_telegram_gets_escaped_html_without_a_link_preview():
    escaped = "Zebra &lt;escapes&gt; &amp; [runs]"
    assert whole("telegram") == {
        "text": f'<b>[Zebra] Now carried by 2 outlets: {escaped}</b>\n<a href="{LINK}">{escaped}</a>\n'
        f"<b>Outlets:</b> Daily, Weekly\n<b>Matched:</b> zebra\n<b>Rule:</b> {RULE_LINE}",
        "parse_mode": "HTML",
        "link_preview_options": {"is_disabled": True},
    }


def test_discord_gets_one_linked_embed_with_fields_and_no_mentions():
    def fact(name: str, value: str) -> dict:
        return {"name": name, "value": value, "inline": False}

    embed = {
        "title": TITLE,
        "color": 0x3B82F6,
        "url": LINK,
        "fields": [fact("Outlets", "Daily, Weekly"), fact("Matched", "zebra"), fact("Rule", RULE_LINE)],
    }
    assert whole("discord") == {"embeds": [embed], "allowed_mentions": {"parse": []}}


def test_matrix_gets_a_plain_body_and_an_html_one():
    escaped = "Zebra &lt;escapes&gt; &amp; [runs]"
    assert whole("matrix") == {
        "msgtype": "m.text",
        "body": f"{TITLE}\nZebra <escapes> & [runs] {LINK}\nOutlets: Daily, Weekly\nMatched: zebra\nRule: {RULE_LINE}",
        "format": "org.matrix.custom.html",
        "formatted_body": f'<b>[Zebra] Now carried by 2 outlets: {escaped}</b><br><a href="{LINK}">{escaped}</a><br>'
        f"<b>Outlets:</b> Daily, Weekly<br><b>Matched:</b> zebra<br><b>Rule:</b> {RULE_LINE}",
    }


def test_an_event_lists_its_write_ups_and_an_update_says_what_changed():
    writeups = (Writeup("Zebra seen", "https://a.example/1", ("A", "B")), Writeup("", "https://c.example/2", ("C",)))
    event = AlertView("Zebra", "normal", MARKUP, ("zebra",), ("Daily",), kind="event", writeups=writeups)
    embed = json.loads(chat.message("discord", [event], None, "team").body)["embeds"][0]
    assert embed["description"] == "[Zebra seen (A, B)](https://a.example/1)\n[(untitled) (C)](https://c.example/2)"
    assert [f["name"] for f in embed["fields"]] == ["Outlets", "Matched", "Rule"]
    update = AlertView("Zebra", "normal", MARKUP, (), ("Daily",), kind="update", change="numbers changed: 3, 4")
    plain = json.loads(chat.message("matrix", [update], None, "team").body)["body"].splitlines()
    assert plain[2:] == [
        "Change: numbers changed: 3, 4",
        "Outlets: Daily",
        "Matched: (rule matched without words)",
        f"Rule: {RULE_LINE}",
    ]


def test_a_slack_roll_up_lists_each_alert_with_its_kind_as_a_label():
    views = [ESCALATION, AlertView("Zebra", "normal", MARKUP, ("zebra", "zoo"), ("Daily",))]
    sent = json.loads(chat.message("slack", views, "burst", "team").body)
    assert sent["text"] == "2 more matches for team (burst limit)"
    assert sent["blocks"][1]["text"]["text"].splitlines() == [
        f"*Now carried by 2 outlets:* <{LINK}|Zebra &lt;escapes&gt; &amp; [runs] (Daily, Weekly; zebra)>",
        f"<{LINK}|Zebra &lt;escapes&gt; &amp; [runs] (Daily; zebra, zoo)>",
    ]


def test_a_spike_lists_the_stories_of_its_window():
    writeups = (Writeup("Zebra seen", "https://a.example/1", ("A",)),)
    spike = AlertView("Zebra", "normal", MARKUP, ("zebra",), ("Daily",), kind="spike", writeups=writeups)
    plain = json.loads(chat.message("matrix", [spike], None, "team").body)["body"].splitlines()
    assert plain[:3] == [
        "[Zebra] Spike: Zebra <escapes> & [runs]",
        f"Zebra <escapes> & [runs] {LINK}",
        "Zebra seen (A) https://a.example/1",
    ]


def test_a_notice_links_nothing():
    embed = chat.notice("discord", "Feed failing", "Zebra News: HTTP 404")["embeds"][0]
    assert embed == {"title": "Feed failing", "color": 0x3B82F6, "description": "Zebra News: HTTP 404"}
    assert "actions" not in chat.notice("teams", "Feed failing", "x")["attachments"][0]["content"]


def test_titles_are_cut_to_each_services_documented_limit():
    """Slack: a header ≤ 150 characters, the fallback text ≤ 3,000; Discord: an embed title ≤ 256."""
    title = "Zebra" + "z" * 4000  # one long word: cut at the limit, not at a space before it
    slack = chat.notice("slack", title, "x")
    assert len(slack["blocks"][0]["text"]["text"]) == 150 and len(slack["text"]) == 3000
    assert len(chat.notice("discord", title, "x")["embeds"][0]["title"]) == 256


@pytest.mark.parametrize("length", [30, 61, 97, 140, 233, 377])
def test_a_roll_up_never_runs_past_its_budget_whatever_its_line_lengths(length):
    """The last line, "… and N more", needs room too: the lines kept leave it some."""
    body = "\n".join(f"{n:04d} " + "z" * length for n in range(400))
    for service in ("telegram", "slack"):
        sent = chat.notice(service, "T", body)
        text = sent["text"].split("\n", 1)[1] if service == "telegram" else sent["blocks"][1]["text"]["text"]
        assert len(text) <= chat.BUDGET[service] and text.endswith(" more")

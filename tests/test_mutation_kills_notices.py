"""The operator's notices (``outbox/notices.py``) as the operator reads them, and when they are
due. Written to kill mutants of ``python -m benchmarks.mutation outbox --paths
monitor/outbox/notices.py``: the delivery tests that send notices run a daemon against stalling
receivers, so each mutant there timed out instead of being caught; these are direct and fast.
A notice says what happened, to which feed or target, and what happens next (STYLE.md, habit 7).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest

from monitor.models import Feed, Message
from monitor.outbox import notices
from monitor.store import Delivery, Store

NOW = datetime(2026, 4, 1, 12, 0, tzinfo=UTC)
FEED = Feed("https://user:pw@wire.example/feed.xml", "Wire Desk", 900)


@pytest.mark.parametrize(
    ("errors", "since_minutes", "due"),
    [
        (0, 600, False),  # no failure, however long ago the streak began
        (-1, 600, False),
        (2, 0, False),
        (3, 0, True),  # the streak is long enough
        (2, 59, False),
        (2, 60, True),  # or has lasted long enough
        (1, None, False),
    ],
)
def test_a_notice_is_due_once_the_streak_is_long_or_old_enough(errors, since_minutes, due):
    since = None if since_minutes is None else NOW - timedelta(minutes=since_minutes)
    assert notices.notice_due(errors, since, NOW, after_errors=3, after_seconds=3600) is due


def test_a_failing_feed_notice_names_the_feed_the_error_and_the_next_attempt_without_secrets():
    message = notices.failing(FEED, 4, "HTTP 503", NOW - timedelta(hours=3), NOW, retry_in=40 * 60)
    assert message.title == "[monitor] feed failing: Wire Desk"
    assert (
        "The feed Wire Desk (https://***@wire.example/feed.xml) " in message.body
        and "has failed 4 times in a row for 3h." in message.body
    )
    assert "\nLast error: HTTP 503\n" in message.body
    assert "next attempt in 40m." in message.body and "one more notice when it works again" in message.body
    assert "pw" not in message.body and "wire.example" in message.body
    unknown = notices.failing(FEED, 4, "HTTP 503", None, NOW, retry_in=30)
    assert "4 times in a row.\n" in unknown.body and "next attempt in 30s." in unknown.body


def test_a_recovered_feed_notice_says_how_long_it_was_down_when_known():
    message = notices.recovered(FEED, NOW - timedelta(days=2), NOW)
    assert message.title == "[monitor] feed recovered: Wire Desk"
    assert message.body == (
        "The feed Wire Desk (https://***@wire.example/feed.xml) works again after 2d; "
        "polling is back to its usual schedule."
    )
    assert "pw" not in message.body
    assert "works again; polling" in notices.recovered(FEED, None, NOW).body


def test_a_gone_feed_notice_says_polling_stopped_and_the_two_ways_on():
    message = notices.gone(FEED)
    assert message.title == "[monitor] feed gone: Wire Desk"
    assert message.body == (
        "The feed Wire Desk (https://***@wire.example/feed.xml) answered 410 Gone: the publisher removed it, "
        "so monitor no longer polls it. Remove it from the config (or `monitor feeds remove URL`), "
        "or run `monitor feeds enable URL` if it comes back."
    )
    assert "pw" not in message.body


def test_a_target_failing_notice_names_target_label_error_and_the_commands():
    message = notices.target_failing("oncall", "slack https://hooks.slack.example/…", "HTTP 500")
    assert message.title == "monitor: delivery failing for target oncall"
    assert message.body.startswith(
        "Alerts to slack https://hooks.slack.example/… (target oncall) keep failing and are now dead: HTTP 500.\n"
    )
    assert "\nThey stay in the database: `monitor alerts list --dead` shows them, " in message.body
    assert "shows them, `monitor alerts retry --all` sends them again once the target works.\n" in message.body
    assert message.body.endswith("This is the only notice until the target accepts an alert again.")


@pytest.mark.parametrize(("feeds", "rules", "counts"), [(1, 1, "1 feed and 1 rule"), (3, 0, "3 feeds and 0 rules")])
def test_a_refused_reload_notice_says_what_keeps_running(feeds, rules, counts):
    message = notices.reload_refused("/etc/monitor/config.toml", "rules/x.yaml:3: bad", feeds, rules)
    assert message.title == "[monitor] reload refused: the current config stays"
    lines = message.body.split("\n")
    assert lines[0] == (
        f"A reload of /etc/monitor/config.toml was refused, so monitor keeps running with the current config, {counts}."
    )
    assert lines[1:] == [
        "rules/x.yaml:3: bad",
        "Fix the file (`monitor check` lists every problem), then reload again.",
    ]


class Operator:
    """A target whose ``operator`` name resolves to ``urls`` deliveries, recording what it was asked."""

    def __init__(self, urls: int):
        self.urls = urls
        self.asked: list[tuple[str, list[str]]] = []

    def deliveries(self, rule, names):
        self.asked.append((rule, list(names)))
        return [Delivery(rule, names[0], f"url-{n}", f"label {n}") for n in range(self.urls)]


def test_queue_puts_one_notice_per_operator_url_once_per_key(tmp_path):
    store = Store(tmp_path / "state.db")
    try:
        operator = Operator(2)
        message = Message("[monitor] feed gone: Wire Desk", "gone")
        assert notices.queue(store, operator, "ops", message, "gone:wire", NOW) == 2
        assert notices.queue(store, operator, "ops", message, "gone:wire", NOW) == 0  # safe to call twice
        assert operator.asked == [("feed health", ["ops"])] * 2
        assert notices.queue(store, operator, "ops", message, "gone:wire:2", NOW, topic="delivery") == 2
        assert operator.asked[-1] == ("delivery", ["ops"])
        pending = store.pending_alerts(NOW)
        assert sorted(a.url_id for a in pending) == ["url-0", "url-0", "url-1", "url-1"]
    finally:
        store.close()


def test_a_notice_without_an_operator_url_goes_to_the_log(tmp_path, caplog):
    store = Store(tmp_path / "state.db")
    try:
        with caplog.at_level(logging.INFO, logger="monitor.outbox.notices"):
            assert notices.queue(store, Operator(0), "ops", Message("T", "line one\nline two"), "k", NOW) == 0
            assert notices.queue(store, Operator(1), "ops", Message("T2", "b"), "k2", NOW) == 1
    finally:
        store.close()
    [error, info] = caplog.records
    assert (error.levelno, error.getMessage()) == (logging.ERROR, "T: line one line two (target ops has no usable URL)")
    assert (info.levelno, info.getMessage()) == (logging.INFO, "notice queued for target ops: T2")

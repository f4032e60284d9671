"""Editing or adding a rule never floods; `rules test --send` is the catch-up a user asks for.

Real parts: a real `run --once` fills the database from a real HTTP feed server; the real CLI
sends to a real webhook receiver and a real SMTP server.
"""

from __future__ import annotations

import re
import sqlite3

from conftest import recent, run_cli, write_config
from delivery_support import story_feed

from monitor.store import Store

FIRST_RULES = 'name: Nothing yet\nmatch:\n  any: ["okapi"]\n'
ZEBRA_RULES = """
- name: Nothing yet
  match:
    any: ["okapi"]
- name: Zebra watch
  match:
    any: ["zebra"]
- name: Zebra mail
  notify: [mail]
  match:
    all: ["zebra", "sighting 1"]
"""


def test_a_new_rule_does_not_flood_and_a_catch_up_is_one_digest_per_target_sent_once(
    tmp_path, feed_server, json_receiver, smtp_server
):
    when = recent()
    # Two outlets carry the same three stories: the catch-up lists each story once.
    feed_server.put("/times.xml", story_feed(3, when, outlet="Zebra Times"))
    feed_server.put("/post.xml", story_feed(3, when, outlet="Zebra Post"))
    feeds = [feed_server.url("/times.xml"), feed_server.url("/post.xml")]
    config = write_config(tmp_path, feeds, [json_receiver.url], rules=FIRST_RULES, targets={"mail": [smtp_server.url]})
    assert run_cli("--config", str(config), "run", "--once").returncode == 0
    (tmp_path / "rules" / "test.yaml").write_text(ZEBRA_RULES)  # add rules that match stored entries

    assert run_cli("--config", str(config), "run", "--once").returncode == 0
    assert json_receiver.received == [] and smtp_server.messages == []  # no flood

    result = run_cli("--config", str(config), "--log-level", "info", "rules", "test", "--since", "30d", "--send")

    assert result.returncode == 0, result.stderr
    assert "catch-up: 4 alerts queued as one digest per target URL" in result.stdout, result.stdout
    assert "sent 2 messages" in result.stdout
    # Sending opens only the outbox: no dedup index rebuilt, no pipeline built (issue 12).
    assert "dedup index holds" not in result.stderr and "Backtest of 3 rules against 6 entries" in result.stdout
    (digest,) = json_receiver.received
    assert digest["title"] == "Catch-up for default: 3 earlier matches"
    for n in range(3):
        assert digest["message"].count(f"https://zebra.example/{n}\n") == 1  # each story once
    assert len(re.findall(r"Outlets: (Times, Post|Post, Times) ·", digest["message"])) == 3
    (mail,) = smtp_server.messages  # the mail rule's own target, and only its match
    assert "Catch-up for mail: 1 earlier match" in mail["Subject"] and "matches" not in mail["Subject"]

    again = run_cli("--config", str(config), "rules", "test", "--since", "30d", "--send")

    assert again.returncode == 0, again.stderr
    assert "catch-up: 0 alerts queued" in again.stdout and "4 skipped" in again.stdout
    assert len(json_receiver.received) == 1 and len(smtp_server.messages) == 1  # nothing re-sent
    with sqlite3.connect(tmp_path / "state.db") as conn:
        rows = conn.execute("SELECT kind, hold_reason, status, count(*) FROM alerts GROUP BY 1, 2, 3").fetchall()
    assert rows == [("story", "catchup", "sent", 4)]

    # A copy of a caught-up story arriving later does not alert again: the catch-up used the story's key.
    feed_server.put("/wire.xml", story_feed(1, when, outlet="Zebra Wire"))
    write_config(
        tmp_path, [*feeds, feed_server.url("/wire.xml")], [json_receiver.url], targets={"mail": [smtp_server.url]}
    )
    (tmp_path / "rules" / "test.yaml").write_text(ZEBRA_RULES)
    assert run_cli("--config", str(config), "run", "--once").returncode == 0
    assert len(json_receiver.received) == 1


def test_rules_test_without_send_queues_nothing(tmp_path, feed_server, json_receiver):
    feed_server.put("/times.xml", story_feed(2, recent(), outlet="Zebra Times"))
    config = write_config(tmp_path, [feed_server.url("/times.xml")], [json_receiver.url], rules=FIRST_RULES)
    assert run_cli("--config", str(config), "run", "--once").returncode == 0
    (tmp_path / "rules" / "test.yaml").write_text(ZEBRA_RULES.replace("notify: [mail]\n  ", ""))

    result = run_cli("--config", str(config), "rules", "test", "--since", "30d")

    assert result.returncode == 0, result.stderr
    assert "Zebra watch" in result.stdout and "catch-up" not in result.stdout
    with sqlite3.connect(tmp_path / "state.db") as conn:
        assert conn.execute("SELECT count(*) FROM alerts").fetchone() == (0,)
    assert json_receiver.received == []


def test_beside_a_running_daemon_the_catch_up_waits_in_the_outbox_for_it(tmp_path, feed_server, json_receiver):
    feed_server.put("/times.xml", story_feed(2, recent(), outlet="Zebra Times"))
    config = write_config(tmp_path, [feed_server.url("/times.xml")], [json_receiver.url], rules=FIRST_RULES)
    assert run_cli("--config", str(config), "run", "--once").returncode == 0
    (tmp_path / "rules" / "test.yaml").write_text(ZEBRA_RULES.replace("notify: [mail]\n  ", ""))
    daemon = Store(tmp_path / "state.db")
    daemon.lock()  # what a running daemon holds
    try:
        result = run_cli("--config", str(config), "rules", "test", "--since", "30d", "--send")
    finally:
        daemon.close()

    assert result.returncode == 0, result.stderr
    assert "catch-up: 3 alerts queued" in result.stdout and "a running daemon sends it within 30 s" in result.stdout
    assert json_receiver.received == []
    assert run_cli("--config", str(config), "run", "--once").returncode == 0  # the next delivery pass sends it
    assert json_receiver.titles() == ["Catch-up for default: 3 earlier matches"]

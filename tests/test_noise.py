"""Noise controls: a rule's cool-down, and the recency gate that keeps a new feed or a restart from flooding."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

from conftest import write_config
from delivery_support import ZEBRA_RULE, Clock, cycle, story_feed


def test_a_rules_cooldown_sends_one_message_per_period_and_rolls_the_rest_into_the_next(
    tmp_path, feed_server, json_receiver
):
    clock = Clock(datetime.now(UTC))
    config = write_config(
        tmp_path, [feed_server.url("/zebra.xml")], [json_receiver.url], rules=ZEBRA_RULE + "cooldown: 1h\n"
    )
    start = clock.now
    feed_server.put("/zebra.xml", story_feed(1, clock.now))
    cycle(config, clock)
    assert len(json_receiver.received) == 1
    for count in (4, 6):  # more stories while the rule cools down: held, nothing sent
        clock.advance(minutes=10)
        feed_server.put("/zebra.xml", story_feed(count, clock.now))
        assert cycle(config, clock).held == count - 1
    assert len(json_receiver.received) == 1
    clock.now = start + timedelta(minutes=61)
    cycle(config, clock)
    assert len(json_receiver.received) == 2
    rollup = json_receiver.received[1]
    assert rollup["title"] == "5 more matches for default (rule cool-down)"
    assert all(f"Zebra sighting {n}" in rollup["message"] for n in range(1, 6))
    clock.advance(minutes=5)  # the roll-up was this period's message: the next story waits for the next
    feed_server.put("/zebra.xml", story_feed(7, clock.now))
    cycle(config, clock)
    assert len(json_receiver.received) == 2
    clock.now = start + timedelta(minutes=122)
    cycle(config, clock)
    assert len(json_receiver.received) == 3 and "Zebra sighting 6" in json_receiver.received[2]["message"]


def test_without_cooldown_every_alert_goes_out(tmp_path, feed_server, json_receiver):
    clock = Clock(datetime.now(UTC))
    config = write_config(tmp_path, [feed_server.url("/zebra.xml")], [json_receiver.url], rules=ZEBRA_RULE)
    feed_server.put("/zebra.xml", story_feed(1, clock.now))
    cycle(config, clock)
    clock.advance(minutes=10)
    feed_server.put("/zebra.xml", story_feed(4, clock.now))
    cycle(config, clock)
    assert len(json_receiver.received) == 4


def test_a_new_feed_carrying_1000_old_entries_does_not_flood(tmp_path, feed_server, json_receiver):
    clock = Clock(datetime.now(UTC))
    config = write_config(tmp_path, [feed_server.url("/zebra.xml")], [json_receiver.url], rules=ZEBRA_RULE)
    feed_server.put("/zebra.xml", story_feed(2, clock.now - timedelta(minutes=30)))
    cycle(config, clock)
    assert len(json_receiver.received) == 2
    # A feed added later (and the daemon restarted for it) carries 1,000 entries from last month.
    old = story_feed(1000, clock.now - timedelta(days=30), start=5000, outlet="Archive")
    feed_server.put("/archive.xml", old)
    config = write_config(
        tmp_path,
        [feed_server.url("/zebra.xml"), feed_server.url("/archive.xml")],
        [json_receiver.url],
        rules=ZEBRA_RULE,
    )
    clock.advance(minutes=15)
    cycle(config, clock)
    clock.advance(minutes=15)
    cycle(config, clock)  # and again, as after a restart
    assert len(json_receiver.received) == 2
    with sqlite3.connect(tmp_path / "state.db") as conn:
        assert conn.execute("SELECT count(*) FROM entries WHERE outlet = 'Archive'").fetchone() == (1000,)

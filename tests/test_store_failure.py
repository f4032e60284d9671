"""A write that fails half-way through a feed (disk full, a refused write) loses nothing and
leaves no phantom behind: the dedup index forgets what the rolled-back transaction held.

Real parts: a FeedServer on 127.0.0.1, a real SQLite file whose writes are refused by a
trigger installed from a second connection (SQLite's own RAISE(ABORT)), the real pipeline.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import write_config

from monitor import runtime
from monitor.config import load_config
from monitor.demo.feedserver import FeedServer
from monitor.errors import StoreError
from monitor.pipeline import poll

RULE = """
name: Taliban
match:
  any: ["Taliban"]
"""

LEDES = {
    "first": "Taliban officials met a delegation of Russian diplomats in Kabul on Tuesday to discuss trade, "
    "mining licences and the reopening of two consulates closed since the summer.",
    "second": "Flooding in the northern provinces destroyed hundreds of homes and cut the main road to the "
    "border crossing, local officials said, as rescue teams reached the worst hit villages.",
}


def _feed(now: datetime) -> str:
    items = "".join(
        f"<item><title>{guid.title()} report</title><guid>{guid}</guid><link>https://x.example/{guid}</link>"
        f"<pubDate>{(now - timedelta(minutes=10 * n)).strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>"
        f"<description>{text}</description></item>"
        for n, (guid, text) in enumerate(reversed(LEDES.items()))  # newest first; "first" is the oldest
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>X</title>{items}</channel></rss>'


def test_a_failed_feed_transaction_leaves_no_phantom_in_the_dedup_index(feed_server: FeedServer, tmp_path: Path):
    now = datetime.now(UTC).replace(microsecond=0)
    url = feed_server.url("/f.xml")
    feed_server.put("/f.xml", _feed(now))
    config = load_config(write_config(tmp_path, [url], ["console://"], rules=RULE))
    p = runtime.build(config, lambda: now)
    try:
        with sqlite3.connect(tmp_path / "state.db") as other:  # the refusal comes from SQLite itself
            other.execute(
                "CREATE TRIGGER refuse BEFORE INSERT ON entries WHEN NEW.title LIKE 'Second%' "
                "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
            )
        with pytest.raises((StoreError, sqlite3.Error)):
            poll(p, p.runtime.feeds[0])  # "first" is stored, then "second" fails: the feed's transaction rolls back
        with sqlite3.connect(tmp_path / "state.db") as other:
            assert other.execute("SELECT count(*) FROM entries").fetchone() == (0,)
            other.execute("DROP TRIGGER refuse")

        result = poll(p, p.runtime.feeds[0])  # the same body again, now stored

        assert result.error is None and result.new_entries == 2
        with sqlite3.connect(tmp_path / "state.db") as db:
            rows = db.execute(
                "SELECT e.key, e.story_id, s.id, e.dedup_reason FROM entries e LEFT JOIN stories s ON s.id = e.story_id"
            ).fetchall()
            alerts = db.execute("SELECT rule, alert_key FROM alerts").fetchall()
        assert len(rows) == 2
        assert all(story is not None for _, _, story, _ in rows), rows  # every entry's story exists
        assert len({story for _, story, _, _ in rows}) == 2, rows  # two different stories, as written
        assert not any(reason.startswith("copy") for *_, reason in rows), rows  # no copy of a rolled-back entry
        assert [rule for rule, _ in alerts] == ["Taliban"]  # the Taliban report alerts once, nothing is lost
    finally:
        p.close()

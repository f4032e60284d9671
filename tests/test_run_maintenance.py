"""`run --once` from cron prunes at the daemon's pace (``daemon.PRUNE_EVERY``), not on every run: the retention
pass reads every story, and retention is counted in days where cron runs every few minutes."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from conftest import run_cli, write_config

from monitor.demo.feedserver import FeedServer
from monitor.store import Store

RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>X</title><item><title>Harbour vote</title>'
    "<guid>h1</guid><link>https://x.example/h1</link><pubDate>{when}</pubDate>"
    "<description>The harbour board voted on the new ferry line.</description></item></channel></rss>"
)


def _counts(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as conn:
        counts = conn.execute("SELECT (SELECT count(*) FROM entries), (SELECT count(*) FROM tombstones)").fetchone()
    conn.close()
    return counts


def _age_everything(db: Path) -> None:
    with sqlite3.connect(db) as conn:  # the entry as if first seen long ago, its alerts long delivered
        conn.execute("UPDATE entries SET first_seen = '2000-01-01T00:00:00+00:00'")
        conn.execute("UPDATE alerts SET status = 'sent'")
    conn.close()


def test_run_once_prunes_at_most_once_an_hour(tmp_path: Path):
    with FeedServer() as server:
        server.put("/f.xml", RSS.format(when=format_datetime(datetime.now(UTC))))
        config = write_config(
            tmp_path, [server.url("/f.xml")], ["json://127.0.0.1:9/"], extra="[retention]\nentries = '8d'\n"
        )
        db = tmp_path / "state.db"
        cli = ("--config", str(config), "run", "--once")
        assert run_cli(*cli).returncode == 0  # stores the entry; its retention pass ran (nothing to prune)
        _age_everything(db)
        assert run_cli(*cli).returncode == 0
        assert _counts(db) == (1, 0)  # the last pass was minutes ago: not pruned yet
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE maintenance SET done = ?", [(datetime.now(UTC) - timedelta(hours=2)).isoformat()])
        conn.close()
        assert run_cli(*cli).returncode == 0
        assert _counts(db) == (0, 1)  # pruned, its tombstone kept


def test_a_task_is_due_after_its_interval_or_when_the_clock_went_back(tmp_path: Path):
    store = Store(tmp_path / "state.db")
    now, hour = datetime(2026, 5, 1, 12, tzinfo=UTC), timedelta(hours=1)
    try:
        assert store.due("prune", now, hour)  # never ran
        assert not store.due("prune", now + timedelta(minutes=59), hour)
        assert store.due("prune", now + hour, hour)
        assert store.due("prune", now - timedelta(days=1), hour)  # the clock was set back: not stuck for a day
        assert store.due("other", now - timedelta(days=1), hour)  # each task apart
    finally:
        store.close()

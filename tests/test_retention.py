"""Retention: old stories go, with tombstones, but never an event that is still being reported.

A real SQLite file through the real Store; the clock is passed in.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from monitor.models import Entry, Match
from monitor.store import Delivery, Store


def _entry(key: str, title: str) -> Entry:
    return Entry(feed_url="https://x.example/rss", outlet="X", key=key, link="", title=title, summary=title, content="")


def test_retention_prunes_an_event_whole_so_its_alert_key_outlives_its_first_story(tmp_path: Path):
    now = datetime(2026, 1, 1, tzinfo=UTC)
    store = Store(tmp_path / "state.db")
    try:
        delivery = Delivery("Taliban", "ops", "0" * 16, "json://127.0.0.1:9/...")
        match = Match("Taliban", ("Taliban",))
        _, first_story, _ = store.add_entry(
            _entry("a", "Taliban envoy"), now, None, alerts=[(match, delivery, "event")]
        )
        store.mark_sent([a["id"] for a in store.alerts()], now)
        later = now + timedelta(days=100)  # the same event, still reported 100 days on
        store.add_entry(_entry("b", "Taliban envoy again"), later, None, event_id=store.story_event(first_story))

        assert store.prune(now + timedelta(days=10), later) == 0  # the event is alive: nothing of it goes
        assert [a["alert_key"] for a in store.alerts()] == [f"event:{first_story}"]
        assert store.prune(later + timedelta(days=1), later) == 2  # once every story of it is old, all go
        assert store.alerts() == []
    finally:
        store.close()

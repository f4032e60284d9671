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


def test_retention_prunes_the_articles_of_pruned_entries_and_keeps_those_still_linked(tmp_path: Path):
    from dataclasses import replace

    from monitor.store import Article

    now = datetime(2026, 1, 1, tzinfo=UTC)
    store = Store(tmp_path / "state.db")
    try:
        old = replace(_entry("a", "Mine tender"), link="https://x.example/old")
        kept = replace(_entry("b", "Mine tender award"), link="https://x.example/kept")
        store.add_entry(old, now, None)
        store.add_entry(kept, now + timedelta(days=40), None)
        for url in ("https://x.example/old", "https://x.example/kept", "https://x.example/never-an-entry"):
            store.save_article("https://x.example/rss", Article(url, "fetched", text="body"), now)
        later = now + timedelta(days=41)
        assert store.prune(later - timedelta(days=30), later) == 1  # entry "a" goes, "b" is recent
        assert store.prune_articles(later - timedelta(days=30)) == 2
        assert store.article("https://x.example/old") is None
        assert store.article("https://x.example/never-an-entry") is None
        assert store.article("https://x.example/kept") is not None  # its entry is still stored
        assert store.prune_articles(later - timedelta(days=30)) == 0
    finally:
        store.close()

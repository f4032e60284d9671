"""The end-to-end check of the dedup tests: copies served by a real FeedServer, read by a real
``run --once``, alert once; and the same entries through the index alone (``decided``)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from conftest import run_cli, write_config
from delivery_support import rss

from monitor.dedup import Decision, StoryIndex
from monitor.dedup.shingles import fact_spans
from monitor.models import Entry


def feed_entry(key: str, outlet: str, body: str, published: datetime, title: str) -> Entry:
    """An entry of feed "f" as a parser gives it: ``key`` its GUID and its link's host and path."""
    return Entry("f", outlet, key, f"https://{key}.example/{key}", title, "", body, published=published)


def fact_hashes(text: str) -> list[int]:
    """The hashes of ``text``'s names and numbers, in text order (``shingles.fact_spans``)."""
    return [fact for _, fact in fact_spans(text)]


def decided(entries: list[Entry]) -> list[Decision]:
    """Each entry through the real index in order, at its publication, stored with the story it got (as the
    pipeline does)."""
    index = StoryIndex()
    decisions = []
    for entry_id, entry in enumerate(entries, start=1):
        assert entry.published is not None
        decision = index.find(entry, entry.published)
        story = decision.story_id if decision.story_id is not None else entry_id
        assert decision.signature is not None
        index.add(entry_id, story, decision.event_id or story, decision.signature, entry.published)
        decisions.append(decision)
    return decisions


def assert_one_alert(tmp_path: Path, feed_server: Any, receiver: Any, rows: list[dict[str, str]], term: str) -> None:
    """Serve each row (title, link, guid, content, summary) as a one-item feed, an hour apart, with
    one rule matching ``term``; a cold ``run --once`` stores one story and sends one alert."""
    assert_alerts(tmp_path, feed_server, receiver, rows, term, stories=1)


def assert_alerts(
    tmp_path: Path, feed_server: Any, receiver: Any, rows: list[dict[str, str]], term: str, *, stories: int
) -> list[str]:
    """``assert_one_alert`` for rows holding ``stories`` stories: that many stored, one alert each; returns the
    alerts' titles."""
    now = datetime.now(UTC)
    for i, row in enumerate(rows):
        feed_server.put(f"/f{i}.xml", rss(row, now - timedelta(hours=len(rows) + 1 - i)))
    urls = [feed_server.url(f"/f{i}.xml") for i in range(len(rows))]
    rules = f'name: Story\nmatch:\n  any: ["{term}"]\n'
    config = write_config(tmp_path, urls, [receiver.url], rules=rules, extra="[polling]\nconcurrency = 1")

    result = run_cli("--config", str(config), "run", "--once")

    assert result.returncode == 0, result.stderr
    with sqlite3.connect(tmp_path / "state.db") as conn:
        stored = conn.execute("SELECT DISTINCT story_id FROM entries").fetchall()
    titles = receiver.titles()
    assert len(stored) == stories and len(titles) == stories, titles
    return titles

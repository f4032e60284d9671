"""Reads of stored entries, stories and events: an entry back as ``Entry``, what a story holds,
who carried it, whether a rule alerted on it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from monitor.models import Entry
from monitor.store.articles import with_articles
from monitor.store.base import StoreBase
from monitor.store.helpers import _CHUNK, _marks, _row_entry


class StoriesMixin(StoreBase):
    """Entries, stories (copies of one text) and events (stories of one happening), as stored."""

    def entry(self, entry_id: int) -> Entry:
        """The stored entry, with its fetched article's text (issue 16) when there is one."""
        with self._lock:
            rows = self._query("SELECT * FROM entries WHERE id = ?", [entry_id])
            if not rows:
                raise KeyError(f"no entry {entry_id}")
            return with_articles(self.conn, {entry_id: _row_entry(rows[0])})[entry_id]

    def entries(self, ids: Iterable[int]) -> dict[int, Entry]:
        """Stored entries by id, read in a few queries (ids not stored are left out)."""
        ids = list(ids)
        found: dict[int, Entry] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            for row in self._query(f"SELECT * FROM entries WHERE id IN ({_marks(chunk)})", chunk):
                found[row["id"]] = _row_entry(row)
        with self._lock:
            return with_articles(self.conn, found)

    def story_event(self, story_id: int) -> int:
        rows = self._rows("SELECT coalesce(event_id, id) FROM stories WHERE id = ?", (story_id,))
        return int(rows[0][0]) if rows else story_id

    def story_of(self, entry_id: int) -> int:
        return int(self._query("SELECT story_id FROM entries WHERE id = ?", [entry_id])[0]["story_id"])

    def alerted(self, rule: str, story_id: int) -> bool:
        """Has ``rule`` ever queued an alert for this story (any status)?"""
        return bool(self._rows("SELECT 1 FROM alerts WHERE rule = ? AND story_id = ? LIMIT 1", (rule, story_id)))

    def story(self, story_id: int) -> dict[str, Any] | None:
        rows = self._query("SELECT * FROM stories WHERE id = ?", [story_id])
        return rows[0] if rows else None

    def story_entries(self, story_id: int) -> list[dict[str, Any]]:
        return self._query(
            "SELECT id, outlet, title, link, published, first_seen, dedup_score, dedup_reason, duplicate_of, "
            "updated, update_reason FROM entries WHERE story_id = ? ORDER BY id",
            [story_id],
        )

    def event_stories(self, event_id: int) -> list[dict[str, Any]]:
        return self._query("SELECT * FROM stories WHERE event_id = ? ORDER BY id", [event_id])

    def story_outlets(self, story_id: int) -> list[str]:
        """The story's outlets, in the order they first carried it."""
        sql = "SELECT outlet, min(id) AS first FROM entries WHERE story_id = ? GROUP BY outlet ORDER BY first"
        return [outlet for outlet, _ in self._rows(sql, (story_id,))]

    def event_writeups(self, event_id: int) -> list[dict[str, Any]]:
        """The stories of an event so far, first first: each one's first title, link and every outlet."""
        rows = self._query(
            "SELECT e.story_id, e.title, e.link, e.outlet FROM entries e JOIN stories s ON s.id = e.story_id "
            "WHERE coalesce(s.event_id, s.id) = ? ORDER BY e.id",
            [event_id],
        )
        stories: dict[int, dict[str, Any]] = {}
        for row in rows:
            story = stories.setdefault(row["story_id"], {"title": row["title"], "link": row["link"], "outlets": []})
            if row["outlet"] not in story["outlets"]:
                story["outlets"].append(row["outlet"])
        return list(stories.values())

"""Rule hits and spike alerts: what spike detection (rules/spike.py) reads, and its queued alerts."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from monitor.store.base import StoreBase
from monitor.store.helpers import from_iso, iso
from monitor.store.records import QueuedAlert


class SignalsMixin(StoreBase):
    def add_hit(self, rule: str, story_id: int, now: datetime) -> None:
        """The rule matched the story (kept the first time only); in the caller's transaction when one is open."""
        with self._entry_transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO rule_hits (rule, story_id, at) VALUES (?, ?, ?)", [rule, story_id, iso(now)]
            )

    def hits(self, rule: str, since: datetime) -> list[tuple[int, datetime]]:
        """(story id, first match) of the rule's stories since ``since``."""
        rows = self._rows("SELECT story_id, at FROM rule_hits WHERE rule = ? AND at >= ?", (rule, iso(since)))
        return [(story, datetime.fromisoformat(at)) for story, at in rows]

    def watched_since(self) -> datetime | None:
        """When the monitor recorded its first entry still stored: the start of a spike's warm-up."""
        rows = self._rows("SELECT min(first_seen) FROM entries", ())
        return from_iso(rows[0][0]) if rows and rows[0][0] else None

    def last_spike(self, rule: str) -> datetime | None:
        rows = self._rows("SELECT max(created) FROM alerts WHERE rule = ? AND kind = 'spike'", (rule,))
        return from_iso(rows[0][0]) if rows and rows[0][0] else None

    def queue_spike(
        self, entry_id: int, story_id: int, alerts: Iterable[QueuedAlert], now: datetime, detail: dict[str, Any]
    ) -> int:
        """Queue a rule's spike alerts (kind "spike:…"), keyed to the entry that tipped the window."""
        with self._entry_transaction() as db:
            return self._queue(db, entry_id, story_id, alerts, now, detail=detail)  # type: ignore[attr-defined]

"""The feeds table: which feeds exist (config or command), their fetch state, schedule and health."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from monitor.store.base import StoreBase
from monitor.store.helpers import from_iso, iso
from monitor.store.records import FeedState

# A feed's state, the one definition (`feeds list`, `stats`, the daemon's status line): gone (410, disabled),
# failing (the last poll failed), new (never polled), ok.
STATE = (
    "CASE WHEN status = 'gone' THEN 'gone' WHEN error_count > 0 THEN 'failing' WHEN polled = 0 THEN 'new' ELSE 'ok' END"
)
FEED_STATES = ("ok", "failing", "gone", "new")


class FeedsMixin(StoreBase):
    """Feed rows: sync, add, remove, fetch outcomes, rates and counts."""

    def sync_feeds(self, feeds: Iterable[tuple[str, str]], source: str = "config") -> None:
        """Make sure every (url, name) has a row; keeps the fetch state of known feeds."""
        with self.transaction() as db:
            for url, name in feeds:
                db.execute(
                    "INSERT INTO feeds (url, name, source) VALUES (?, ?, ?) "
                    # A command feed later listed in the config becomes a config feed.
                    "ON CONFLICT(url) DO UPDATE SET name = excluded.name, source = excluded.source",
                    [url, name, source],
                )

    def add_feeds(self, feeds: Iterable[tuple[str, str, float | None]], now: datetime, folder: str = "") -> list[str]:
        """Add command feeds (url, name, pinned interval or None) in ``folder``; returns the URLs that were new."""
        added = []
        with self.transaction() as db:
            for url, name, interval in feeds:
                cursor = db.execute(
                    "INSERT OR IGNORE INTO feeds (url, name, source, pinned_interval, added, folder) "
                    "VALUES (?, ?, 'command', ?, ?, ?)",
                    [url, name, interval, iso(now), folder],
                )
                if cursor.rowcount:
                    added.append(url)
        return added

    def command_feeds(self) -> list[dict[str, Any]]:
        return self._query("SELECT url, name, pinned_interval, folder FROM feeds WHERE source = 'command' ORDER BY url")

    def remove_feed(self, url: str) -> bool:
        """Forget a command feed (its entries stay); a config feed is left alone (it changes only in the config)."""
        with self.transaction() as db:
            return bool(db.execute("DELETE FROM feeds WHERE url = ? AND source = 'command'", [url]).rowcount)

    def feed_state(self, url: str) -> FeedState:
        rows = list(self._query("SELECT * FROM feeds WHERE url = ?", [url]))
        if not rows:
            return FeedState(url)
        row = rows[0]
        return FeedState(
            url,
            row["etag"],
            row["last_modified"],
            bool(row["polled"]),
            row["error_count"] or 0,
            row["status"] or "ok",
            fetch_url=row["fetch_url"],
            interval=row["interval"],
            last_success=from_iso(row["last_success"]),
            failing_since=from_iso(row["failing_since"]),
            next_poll=from_iso(row["next_poll"]),
            health_notice=row["health_notice"],
            body_hash=row["body_hash"],
        )

    def update_feed(self, url: str, **values: Any) -> None:
        """Set feed columns (fetch_url, status, health_notice, ...); datetimes are stored as ISO text."""
        values = {k: iso(v) if isinstance(v, datetime) else v for k, v in values.items()}
        with self.transaction():
            self.db.table("feeds").update(url, values)

    def record_fetch(
        self,
        url: str,
        now: datetime,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        error: str | None = None,
        next_poll: datetime | None = None,
        status: str | None = None,
        new_entries: int = 0,
        interval: float | None = None,
        overflow: bool = False,
        body_hash: str | None = None,
    ) -> None:
        """Write a poll's outcome: validators and success, or the error and its streak."""
        with self.transaction() as db:
            if error is None:
                db.execute(
                    "UPDATE feeds SET etag = coalesce(?, etag), last_modified = coalesce(?, last_modified), "
                    "last_fetch = ?, last_success = ?, error_count = 0, last_error = NULL, failing_since = NULL, "
                    "status = coalesce(?, 'ok'), polled = 1, next_poll = ?, interval = coalesce(?, interval), "
                    "entries_seen = entries_seen + ?, overflows = overflows + ?, body_hash = coalesce(?, body_hash) "
                    "WHERE url = ?",
                    [
                        etag,
                        last_modified,
                        iso(now),
                        iso(now),
                        status,
                        iso(next_poll),
                        interval,
                        new_entries,
                        int(overflow),
                        body_hash,
                        url,
                    ],
                )
            else:
                db.execute(
                    "UPDATE feeds SET last_fetch = ?, error_count = error_count + 1, last_error = ?, "
                    "failing_since = coalesce(failing_since, ?), status = coalesce(?, 'failing'), next_poll = ? "
                    "WHERE url = ?",
                    [iso(now), error[:500], iso(now), status, iso(next_poll), url],
                )

    def plan_polls(self, planned: dict[str, datetime]) -> None:
        """Store the next poll the daemon booked for each feed (a re-plan), so `feeds list` shows it."""
        if not planned:
            return
        with self.transaction() as db:
            for url, at in planned.items():
                db.execute("UPDATE feeds SET next_poll = ? WHERE url = ?", [iso(at), url])

    def feeds(self) -> list[dict[str, Any]]:
        """Every feed row, with its ``state`` (STATE)."""
        return list(self._query(f"SELECT *, {STATE} AS state FROM feeds ORDER BY name, url"))

    def entry_rates(self, now: datetime, days: float = 7.0) -> dict[str, float]:
        """Entries per day of each feed over the last ``days`` or the part of them the feed is known
        (from its oldest entry in that window, at least a day), by date (else by first seen)."""
        since = now - timedelta(days=days)
        rows = self._query(
            "SELECT feed_url, count(*) AS n, min(coalesce(published, first_seen)) AS oldest FROM entries "
            # "+feed_url": read the recent rows by date (m008's index), not every entry in feed order
            # (30 times faster at 100k entries: the console's feeds page and `feeds list` ask this).
            "WHERE coalesce(published, first_seen) >= ? GROUP BY +feed_url",
            [iso(since)],
        )
        rates = {}
        for row in rows:
            oldest = from_iso(row["oldest"]) or since
            # A known life under a day counts as one: one item an hour old is not 24 a day.
            known = max((now - oldest).total_seconds() / 86400.0, 1.0)
            rates[row["feed_url"]] = row["n"] / min(days, known)
        return rates

    def stats(self) -> dict[str, Any]:
        """Counts for `monitor stats`: entries, stories, tombstones, alerts by rule and status, feeds by status."""
        one = {
            name: self._query(f"SELECT count(*) AS n FROM {name}")[0]["n"]
            for name in ("entries", "stories", "tombstones")
        }
        alerts = self._query("SELECT rule, status, count(*) AS n FROM alerts GROUP BY rule, status ORDER BY rule")
        feeds = self._query(f"SELECT {STATE} AS state, count(*) AS n FROM feeds GROUP BY state")
        return {**one, "alerts": alerts, "feeds": {r["state"]: r["n"] for r in feeds}}

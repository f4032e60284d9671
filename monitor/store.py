"""SQLite state through sqlite-utils: feeds, entries, stories, alerts.

One writer: the process holds an exclusive lock file beside the database so two
daemons never share it, and every write goes through this class under a lock.
An entry and its pending alerts are written in one transaction (the outbox), so
an alert can never be lost between "seen" and "queued".
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import sqlite_utils
from sqlite_utils import Migrations

from monitor.errors import StoreError
from monitor.models import Entry, Match

migrations = Migrations("monitor")


@migrations()
def m001_initial(db: sqlite_utils.Database) -> None:
    db.table("feeds").create(
        {
            "url": str,
            "name": str,
            "source": str,
            "etag": str,
            "last_modified": str,
            "last_fetch": str,
            "last_success": str,
            "next_poll": str,
            "error_count": int,
            "last_error": str,
            "status": str,
            "polled": int,
            "entries_seen": int,
        },
        pk="url",
        defaults={"error_count": 0, "status": "ok", "polled": 0, "entries_seen": 0, "source": "config"},
    )
    db.table("stories").create({"id": int, "first_entry_id": int, "title": str, "first_seen": str}, pk="id")
    db.table("entries").create(
        {
            "id": int,
            "feed_url": str,
            "key": str,
            "outlet": str,
            "link": str,
            "title": str,
            "summary": str,
            "content": str,
            "author": str,
            "tags": str,
            "lang": str,
            "published": str,
            "first_seen": str,
            "story_id": int,
            "dedup_score": float,
            "dedup_reason": str,
            "duplicate_of": int,
        },
        pk="id",
        foreign_keys=[("story_id", "stories", "id")],
    )
    db.table("entries").create_index(["feed_url", "key"], unique=True)
    db.table("entries").create_index(["story_id"])
    db.table("entries").create_index(["first_seen"])
    db.table("alerts").create(
        {
            "id": int,
            "rule": str,
            "story_id": int,
            "entry_id": int,
            "target": str,
            "url_id": str,
            "url_label": str,
            "matched": str,
            "status": str,
            "created": str,
            "attempts": int,
            "next_attempt": str,
            "last_error": str,
            "sent_at": str,
        },
        pk="id",
        defaults={"status": "pending", "attempts": 0},
        foreign_keys=[("story_id", "stories", "id"), ("entry_id", "entries", "id")],
    )
    # The outbox key: one delivery per rule, story and target URL, ever.
    db.table("alerts").create_index(["rule", "story_id", "url_id"], unique=True)
    db.table("alerts").create_index(["status"])


@migrations()
def m002_feeds_body_hash(db: sqlite_utils.Database) -> None:
    # A hash of the last body processed: servers that ignore conditional GET resend
    # unchanged bodies, and those are skipped without parsing.
    db.table("feeds").add_column("body_hash", str)


@dataclass(frozen=True, slots=True)
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    polled: bool = False  # False until the first successful poll: decides the backlog window
    error_count: int = 0
    status: str = "ok"
    body_hash: str | None = None  # of the last body processed; None when unknown


@dataclass(frozen=True, slots=True)
class PendingAlert:
    id: int
    rule: str
    story_id: int
    entry_id: int
    target: str
    url_id: str
    matched: tuple[str, ...]
    attempts: int


@dataclass(frozen=True, slots=True)
class Delivery:
    """One target URL an alert must reach; ``url_id`` names it without its secrets."""

    rule: str
    target: str
    url_id: str
    url_label: str


def url_id(url: str) -> str:
    """A stable, secret-free handle for a target URL (stored instead of the URL)."""
    return hashlib.sha256(url.encode()).hexdigest()[:16]


def iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat(timespec="seconds") if moment else None


def from_iso(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


class Store:
    """The state database. Safe to use from several threads; one writer at a time."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.RLock()
        self._lockfile: IO[str] | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, check_same_thread=False, timeout=30, isolation_level=None)
            self.db = sqlite_utils.Database(conn)
            self.db.execute("PRAGMA busy_timeout = 30000")
            self.db.enable_wal()
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA foreign_keys = ON")
            migrations.apply(self.db)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc

    def lock(self) -> None:
        """Take the single-writer lock; raise StoreError naming the other process."""
        lock_path = self.path.with_name(self.path.name + ".lock")
        handle = open(lock_path, "a+")  # noqa: SIM115 - held for the life of the process
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise StoreError(
                f"{self.path} is in use by {holder}: stop it first, two daemons must not share one database"
            ) from None
        handle.truncate(0)
        handle.write(f"monitor pid {os.getpid()}\n")
        handle.flush()
        self._lockfile = handle

    def close(self) -> None:
        with self._lock:
            self.db.close()
        if self._lockfile:
            self._lockfile.close()
            self._lockfile = None

    def _query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Rows of a read, fetched whole under the lock: the connection is shared by threads."""
        with self._lock:
            return list(self.db.query(sql, params or []))

    @contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        with self._lock, self.db.atomic():
            yield self.db

    @contextmanager
    def _entry_transaction(self) -> Iterator[sqlite_utils.Database]:
        """A transaction, or the caller's when one is open (a poll stores a feed's entries in one):
        no savepoint per entry, as the caller's transaction already makes them all-or-nothing."""
        with self._lock:
            if self.db.conn.in_transaction:
                yield self.db
                return
        with self.transaction() as db:
            yield db

    # feeds -----------------------------------------------------------------

    def sync_feeds(self, feeds: Iterable[tuple[str, str]], source: str = "config") -> None:
        """Make sure every (url, name) has a row; keeps the fetch state of known feeds."""
        with self.transaction() as db:
            for url, name in feeds:
                db.execute(
                    "INSERT INTO feeds (url, name, source) VALUES (?, ?, ?) "
                    "ON CONFLICT(url) DO UPDATE SET name = excluded.name",
                    [url, name, source],
                )

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
            row["body_hash"],
        )

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
        body_hash: str | None = None,
    ) -> None:
        """Write a poll's outcome: validators and success, or the error and its streak."""
        with self.transaction() as db:
            if error is None:
                db.execute(
                    "UPDATE feeds SET etag = coalesce(?, etag), last_modified = coalesce(?, last_modified), "
                    "last_fetch = ?, last_success = ?, error_count = 0, last_error = NULL, "
                    "status = coalesce(?, 'ok'), polled = 1, next_poll = ?, "
                    "entries_seen = entries_seen + ?, body_hash = coalesce(?, body_hash) WHERE url = ?",
                    [etag, last_modified, iso(now), iso(now), status, iso(next_poll), new_entries, body_hash, url],
                )
            else:
                db.execute(
                    "UPDATE feeds SET last_fetch = ?, error_count = error_count + 1, last_error = ?, "
                    "status = coalesce(?, 'failing'), next_poll = ? WHERE url = ?",
                    [iso(now), error[:500], status, iso(next_poll), url],
                )

    def feeds(self) -> list[dict[str, Any]]:
        return list(self._query("SELECT * FROM feeds ORDER BY name, url"))

    # entries and stories ---------------------------------------------------

    def known_keys(self, feed_url: str, keys: Iterable[str]) -> set[str]:
        keys = list(keys)
        found: set[str] = set()
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                r["key"]
                for r in self._query(
                    f"SELECT key FROM entries WHERE feed_url = ? AND key IN ({marks})", [feed_url, *chunk]
                )
            )
        return found

    def add_entry(
        self,
        entry: Entry,
        now: datetime,
        story_id: int | None,
        *,
        score: float = 0.0,
        reason: str = "",
        duplicate_of: int | None = None,
        alerts: Iterable[tuple[Match, Delivery]] = (),
    ) -> tuple[int, int]:
        """Record an entry (and a new story when ``story_id`` is None) with its pending alerts.

        One transaction: either the entry and every alert are stored, or nothing is.
        Returns (entry_id, story_id). An alert already queued for the same rule, story
        and target URL is not queued again.
        """
        with self._entry_transaction() as db:
            # Plain INSERTs: sqlite-utils' insert() inspects the table on every call, which
            # cost more than the insert itself on a cold start with thousands of entries.
            entry_id = db.execute(
                "INSERT INTO entries (feed_url, key, outlet, link, title, summary, content, author, tags, lang, "
                "published, first_seen, story_id, dedup_score, dedup_reason, duplicate_of) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    entry.feed_url,
                    entry.key,
                    entry.outlet,
                    entry.link,
                    entry.title,
                    entry.summary,
                    entry.content,
                    entry.author,
                    json.dumps(entry.tags),
                    entry.lang,
                    iso(entry.published),
                    iso(now),
                    story_id,
                    score,
                    reason,
                    duplicate_of,
                ],
            ).lastrowid
            assert entry_id is not None
            if story_id is None:
                story_pk = db.execute(
                    "INSERT INTO stories (first_entry_id, title, first_seen) VALUES (?, ?, ?)",
                    [entry_id, entry.title, iso(now)],
                ).lastrowid
                assert story_pk is not None
                story_id = int(story_pk)
                db.execute("UPDATE entries SET story_id = ? WHERE id = ?", [story_id, entry_id])
            for match, delivery in alerts:
                db.execute(
                    "INSERT OR IGNORE INTO alerts (rule, story_id, entry_id, target, url_id, url_label, "
                    "matched, status, created, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, 0)",
                    [
                        match.rule,
                        story_id,
                        entry_id,
                        delivery.target,
                        delivery.url_id,
                        delivery.url_label,
                        json.dumps(match.terms, ensure_ascii=False),
                        iso(now),
                    ],
                )
            return int(entry_id), story_id

    def entry(self, entry_id: int) -> Entry:
        with self._lock:
            row = self.db.table("entries").get(entry_id)
        return Entry(
            feed_url=row["feed_url"],
            outlet=row["outlet"],
            key=row["key"],
            link=row["link"],
            title=row["title"],
            summary=row["summary"],
            content=row["content"],
            author=row["author"] or "",
            tags=tuple(json.loads(row["tags"] or "[]")),
            published=from_iso(row["published"]),
            lang=row["lang"] or "",
        )

    def story_outlets(self, story_id: int) -> list[str]:
        return [
            r["outlet"]
            for r in self._query(
                "SELECT outlet, min(id) AS first FROM entries WHERE story_id = ? GROUP BY outlet ORDER BY first",
                [story_id],
            )
        ]

    def recent_entries(self, since: datetime) -> Iterator[tuple[int, int, Entry]]:
        """(entry_id, story_id, entry) for every entry first seen since ``since``: the dedup window."""
        for row in self._query("SELECT id, story_id FROM entries WHERE first_seen >= ? ORDER BY id", [iso(since)]):
            yield row["id"], row["story_id"], self.entry(row["id"])

    # alerts ----------------------------------------------------------------

    def pending_alerts(self, due: datetime | None = None) -> list[PendingAlert]:
        """Alerts waiting for delivery; with ``due``, only those whose retry time has come."""
        sql = "SELECT * FROM alerts WHERE status = 'pending'"
        params: list[Any] = []
        if due is not None:
            sql += " AND (next_attempt IS NULL OR next_attempt <= ?)"
            params.append(iso(due))
        return [
            PendingAlert(
                r["id"],
                r["rule"],
                r["story_id"],
                r["entry_id"],
                r["target"],
                r["url_id"],
                tuple(json.loads(r["matched"] or "[]")),
                r["attempts"],
            )
            for r in self._query(sql + " ORDER BY id", params)
        ]

    def mark_sent(self, alert_id: int, now: datetime) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE alerts SET status = 'sent', sent_at = ?, attempts = attempts + 1, "
                "last_error = NULL WHERE id = ?",
                [iso(now), alert_id],
            )

    def mark_failed(
        self, alert_id: int, now: datetime, error: str, next_attempt: datetime | None, dead: bool = False
    ) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE alerts SET attempts = attempts + 1, last_error = ?, next_attempt = ?, status = ? WHERE id = ?",
                [error[:500], iso(next_attempt), "dead" if dead else "pending", alert_id],
            )

    def alerts(self, status: str | None = None) -> list[dict[str, Any]]:
        where, params = ("WHERE status = ?", [status]) if status else ("", [])
        return self._query(f"SELECT * FROM alerts {where} ORDER BY id", params)

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
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any, NamedTuple

import sqlite_utils
from sqlite_utils import Migrations

from monitor.dedup.signature import Signature
from monitor.errors import StoreError
from monitor.models import Entry, Match

migrations = Migrations("monitor")
_DATED = "coalesce(published, first_seen)"  # an entry's date in history (indexed by m008)


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
def m002_dedup_events_updates_signatures(db: sqlite_utils.Database) -> None:
    """Events (a story's event is its first story's id), update detection, stored dedup signatures,
    and alert keys beyond the story: one per event, per material update, per escalation."""
    db.table("stories").add_column("event_id", int)
    db.table("stories").add_column("event_score", float)
    db.table("stories").add_column("event_reason", str)
    db.execute("UPDATE stories SET event_id = id")
    db.table("stories").create_index(["event_id"])
    for name, kind in (("content_hash", str), ("updated", str), ("update_reason", str), ("dedup_bands", bytes)):
        db.table("entries").add_column(name, kind)
    db.table("entries").add_column("dedup_lede", str)
    db.table("entries").add_column("dedup_keywords", str)
    db.table("entries").add_column("dedup_when", float)
    db.table("alerts").add_column("kind", str, not_null_default="story")
    db.table("alerts").add_column("alert_key", str)
    db.execute("UPDATE alerts SET alert_key = 'story:' || story_id")
    # The outbox key becomes (rule, alert_key, url): "story:7", "event:3", "update:12:hash", "escalation:7".
    db.execute("DROP INDEX IF EXISTS idx_alerts_rule_story_id_url_id")
    db.table("alerts").create_index(["rule", "alert_key", "url_id"], unique=True)


@migrations()
def m003_polling_schedule_health_tombstones(db: sqlite_utils.Database) -> None:
    """Feed schedule and health columns, and tombstones of pruned entries."""
    feeds = db.table("feeds")
    feeds.add_column("fetch_url", str)  # where a permanent redirect said the feed now lives
    feeds.add_column("interval", float)  # the base interval the schedule settled on
    feeds.add_column("pinned_interval", float)  # `feeds add --interval`: a command feed's fixed interval
    feeds.add_column("failing_since", str)  # first failure of the current streak
    feeds.add_column("health_notice", str)  # "failing"/"gone" once the operator was told
    feeds.add_column("overflows", int, not_null_default=0)
    feeds.add_column("added", str)
    # A pruned entry leaves only a 64-bit digest of (feed_url, key): enough to
    # recognise it when the feed still carries it, so it never alerts again.
    db.execute("CREATE TABLE tombstones (digest INTEGER PRIMARY KEY, pruned TEXT) WITHOUT ROWID")


@migrations()
def m004_delivery_outbox(db: sqlite_utils.Database) -> None:
    """Holds (digest, quiet hours, burst), batches sent as one message, the in-flight mark, target health."""
    alerts = db.table("alerts")
    alerts.add_column("hold_reason", str)  # digest | quiet | burst: waits for one combined message
    alerts.add_column("hold_until", str)  # when the held alert may go out in a digest
    alerts.add_column("batch", int)  # alerts sent together as one digest share a batch number
    alerts.add_column("in_flight", str)  # set just before sending, cleared by the outcome
    alerts.add_column("since", str)  # start of the current retry series (max_age counts from here)
    db.table("target_health").create(
        {"url_id": str, "target": str, "url_label": str, "failing_since": str, "notice_at": str}, pk="url_id"
    )


@migrations()
def m005_rules_entries_fts(db: sqlite_utils.Database) -> None:
    # Full-text index for `rules test`: a backtest pre-filters stored history with it,
    # then runs the exact matcher. Triggers keep it in step with every insert and update.
    db.table("entries").enable_fts(
        ["title", "summary", "content"], create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )


@migrations()
def m006_feeds_body_hash(db: sqlite_utils.Database) -> None:
    """A hash of the last body processed: servers that ignore conditional GET resend
    unchanged bodies, and those are skipped without parsing."""
    db.table("feeds").add_column("body_hash", str)


@migrations()
def m007_delivery_alert_detail(db: sqlite_utils.Database) -> None:
    """What an alert of a kind beyond "story" needs to say: an update's earlier title and what changed."""
    db.table("alerts").add_column("detail", str)  # JSON object; NULL for story, event and escalation alerts


@migrations()
def m008_rules_entries_dated(db: sqlite_utils.Database) -> None:
    """`rules test` reads history by date (published, else first seen): without this
    index counting a million entries scans the whole table (about 1 s per million)."""
    db.execute(f"CREATE INDEX IF NOT EXISTS idx_entries_dated ON entries({_DATED})")


@migrations()
def m009_rules_fts_lazy(db: sqlite_utils.Database) -> None:
    """The full-text index of `rules test` leaves the per-entry path: indexing each new entry in a
    trigger was most of what storing it cost. ``Store.catch_up_fts`` now indexes the entries above
    ``fts_state.indexed_to`` in bulk; entries at or below it (indexed) keep triggers for their
    updates and deletions, which stay rare. ``Store.history`` reads the not-yet-indexed tail
    without the index, so a backtest never misses an entry."""
    for name in ("entries_ai", "entries_ad", "entries_au"):  # m005's (sqlite-utils' names)
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
    db.execute("CREATE TABLE fts_state (id INTEGER PRIMARY KEY CHECK (id = 1), indexed_to INTEGER NOT NULL)")
    # m005's triggers indexed every entry stored so far.
    db.execute("INSERT INTO fts_state (id, indexed_to) SELECT 1, coalesce(max(id), 0) FROM entries")
    indexed = "old.id <= (SELECT indexed_to FROM fts_state)"
    forget = (
        "INSERT INTO entries_fts (entries_fts, rowid, title, summary, content) "
        "VALUES ('delete', old.id, old.title, old.summary, old.content);"
    )
    db.execute(
        f"CREATE TRIGGER entries_fts_au AFTER UPDATE OF title, summary, content ON entries WHEN {indexed} BEGIN "
        f"{forget} INSERT INTO entries_fts (rowid, title, summary, content) "
        "VALUES (new.id, new.title, new.summary, new.content); END"
    )
    # SQLite gives a new row max(id) + 1: once the newest entries are deleted, ids at or below the
    # mark come back, so the mark goes down with them (never below an indexed entry still stored).
    top = "(SELECT coalesce(max(id), 0) FROM entries)"
    db.execute(
        f"CREATE TRIGGER entries_fts_ad AFTER DELETE ON entries WHEN {indexed} BEGIN {forget} "
        f"UPDATE fts_state SET indexed_to = {top} WHERE indexed_to > {top}; END"
    )


@dataclass(frozen=True, slots=True)
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    polled: bool = False  # False until the first successful poll: decides the backlog window
    error_count: int = 0
    status: str = "ok"  # ok, failing, gone (disabled until `feeds enable`)
    fetch_url: str | None = None  # set after a permanent redirect; fetched instead of ``url``
    interval: float | None = None
    last_success: datetime | None = None
    failing_since: datetime | None = None
    next_poll: datetime | None = None
    health_notice: str | None = None
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
    created: datetime | None = None
    next_attempt: datetime | None = None
    hold_reason: str | None = None
    hold_until: datetime | None = None
    batch: int | None = None
    in_flight: datetime | None = None
    since: datetime | None = None  # start of the current retry series (created, or the last manual retry)
    kind: str = "story"  # story | event | escalation | update
    detail: dict[str, str] = field(default_factory=dict)  # an update's "previous_title" and "change"


@dataclass(frozen=True, slots=True)
class Delivery:
    """One target URL an alert must reach; ``url_id`` names it without its secrets."""

    rule: str
    target: str
    url_id: str
    url_label: str


# (match, delivery) queues the rule's ordinary alert ("story"); a third item names another kind:
# "event" (one per event), "escalation" (one per story), "update:HASH" (one per entry version).
QueuedAlert = tuple[Match, "Delivery"] | tuple[Match, "Delivery", str]


class Recorded(NamedTuple):
    entry_id: int
    story_id: int
    queued: int  # alerts actually added: a key already taken (a copy of an alerted story) adds none


_SIGNATURE_COLUMNS = ("dedup_bands", "dedup_lede", "dedup_keywords", "dedup_when")


def _signature_values(sig: Signature | None) -> tuple[Any, ...]:
    """The values of ``_SIGNATURE_COLUMNS``; all NULL without a signature."""
    if sig is None:
        return (None, None, None, None)
    return (sig.pack_bands(), sig.lede, " ".join(sig.keywords), sig.when)


def _signature_columns(sig: Signature | None) -> dict[str, Any]:
    """The signature columns an update sets: none without a signature (the stored one stays)."""
    return {} if sig is None else dict(zip(_SIGNATURE_COLUMNS, _signature_values(sig), strict=True))


def url_id(url: str) -> str:
    """A stable, secret-free handle for a target URL (stored instead of the URL)."""
    return hashlib.sha256(url.encode()).hexdigest()[:16]


def tombstone(feed_url: str, key: str) -> int:
    """A pruned entry's identity in 8 bytes (a signed 64-bit SQLite integer)."""
    digest = hashlib.blake2b(f"{feed_url}\n{key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


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
            raise StoreError(
                f"cannot open database {self.path}: {exc} (SQLite needs to write the file and its folder)"
            ) from exc

    def lock(self) -> None:
        """Take the single-writer lock; raise StoreError naming the other process."""
        lock_path = self.path.with_name(self.path.name + ".lock")
        try:
            handle = open(lock_path, "a+")  # noqa: SIM115 - held for the life of the process
        except OSError as exc:
            raise StoreError(
                f"cannot create the lock file {lock_path}: {exc.strerror}: is the folder writable?"
            ) from exc
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise StoreError(
                f"{self.path} is in use by {holder}: stop it first, two daemons must not share one database"
            ) from None
        try:
            handle.truncate(0)
            handle.write(f"monitor pid {os.getpid()}\n")
            handle.flush()
        except OSError as exc:
            handle.close()
            raise StoreError(f"cannot write the lock file {lock_path}: {exc.strerror}") from exc
        self._lockfile = handle

    def close(self) -> None:
        with self._lock:
            self.db.close()
        if self._lockfile:
            self._lockfile.close()
            self._lockfile = None

    def ping(self, timeout: float = 5.0) -> bool:
        """True when the database answers a read within ``timeout`` (the watchdog asks)."""
        if not self._lock.acquire(timeout=timeout):
            return False
        try:
            self.db.execute("SELECT count(*) FROM feeds").fetchone()
        except sqlite3.Error:
            return False
        finally:
            self._lock.release()
        return True

    def _query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Rows of a read, fetched whole under the lock: the connection is shared by threads."""
        with self._lock:
            return list(self.db.query(sql, params or []))

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """``_query`` as plain tuples: for the reads of every poll and entry, where dicts cost more than the read."""
        with self._lock:
            return self.db.conn.execute(sql, params).fetchall()

    @contextmanager
    def transaction(self, *, immediate: bool = False) -> Iterator[sqlite_utils.Database]:
        """One atomic write. A failing write (disk full, read-only) rolls back whole and
        becomes a StoreError: the run stops with one line, the database stays as it was.

        ``immediate`` takes the write lock at the start (not nested): a transaction that reads
        before it writes cannot then fail because another process wrote in between."""
        try:
            with self._lock, self._immediate() if immediate else self.db.atomic():
                yield self.db
        except sqlite3.OperationalError as exc:  # disk full, read-only, I/O error; not constraint errors
            raise StoreError(
                f"cannot write to database {self.path}: {exc}; nothing of this write was kept, "
                "fix the cause (free space, permissions) and run again"
            ) from exc

    @contextmanager
    def _immediate(self) -> Iterator[None]:
        self.db.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self.db.conn.in_transaction:
                self.db.conn.execute("ROLLBACK")
            raise
        self.db.conn.execute("COMMIT")

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
                    # A command feed later listed in the config becomes a config feed.
                    "ON CONFLICT(url) DO UPDATE SET name = excluded.name, source = excluded.source",
                    [url, name, source],
                )

    def add_feeds(self, feeds: Iterable[tuple[str, str, float | None]], now: datetime) -> list[str]:
        """Add command feeds (url, name, pinned interval or None); returns the URLs that were new."""
        added = []
        with self.transaction() as db:
            for url, name, interval in feeds:
                cursor = db.execute(
                    "INSERT OR IGNORE INTO feeds (url, name, source, pinned_interval, added) "
                    "VALUES (?, ?, 'command', ?, ?)",
                    [url, name, interval, iso(now)],
                )
                if cursor.rowcount:
                    added.append(url)
        return added

    def command_feeds(self) -> list[dict[str, Any]]:
        return self._query("SELECT url, name, pinned_interval FROM feeds WHERE source = 'command' ORDER BY url")

    def remove_feed(self, url: str) -> bool:
        """Forget a command feed (its entries stay); config feeds are removed from the config."""
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
        with self.transaction() as db:
            db.table("feeds").update(url, values)

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

    def feeds(self) -> list[dict[str, Any]]:
        return list(self._query("SELECT * FROM feeds ORDER BY name, url"))

    def entry_rates(self, now: datetime, days: float = 7.0) -> dict[str, float]:
        """Entries per day of each feed over the last ``days``, by date (else by first seen)."""
        since = now - timedelta(days=days)
        rows = self._query(
            "SELECT feed_url, count(*) AS n FROM entries WHERE coalesce(published, first_seen) >= ? GROUP BY feed_url",
            [iso(since)],
        )
        return {r["feed_url"]: r["n"] / days for r in rows}

    def stats(self) -> dict[str, Any]:
        """Counts for `monitor stats`: entries, stories, tombstones, alerts by rule and status, feeds by status."""
        one = {
            name: self._query(f"SELECT count(*) AS n FROM {name}")[0]["n"]
            for name in ("entries", "stories", "tombstones")
        }
        alerts = self._query("SELECT rule, status, count(*) AS n FROM alerts GROUP BY rule, status ORDER BY rule")
        feeds = self._query(
            "SELECT CASE WHEN status = 'gone' THEN 'gone' WHEN error_count > 0 THEN 'failing' "
            "WHEN polled = 0 THEN 'new' ELSE 'ok' END AS state, count(*) AS n FROM feeds GROUP BY state"
        )
        return {**one, "alerts": alerts, "feeds": {r["state"]: r["n"] for r in feeds}}

    # entries and stories ---------------------------------------------------

    def tombstoned(self, feed_url: str, keys: Iterable[str]) -> set[str]:
        """The keys of ``feed_url`` whose entries were pruned (they left a tombstone)."""
        digests = {tombstone(feed_url, key): key for key in keys}
        found: set[str] = set()
        chunks = list(digests)
        for start in range(0, len(chunks), 500):
            chunk = chunks[start : start + 500]
            sql = f"SELECT digest FROM tombstones WHERE digest IN ({_marks(chunk)})"
            found.update(digests[digest] for (digest,) in self._rows(sql, chunk))
        return found

    def prune(self, cutoff: datetime, now: datetime, batch: int = 500) -> int:
        """Delete stories whose every entry was first seen before ``cutoff`` (with their entries
        and alerts), leaving a tombstone per entry. Stories with a pending alert stay.
        Returns the number of entries pruned; safe to call at any time."""
        pruned = 0
        while True:
            stories = [
                r["id"]
                for r in self._query(
                    "SELECT s.id FROM stories s WHERE NOT EXISTS (SELECT 1 FROM entries e "
                    "WHERE e.story_id = s.id AND e.first_seen >= ?) AND NOT EXISTS (SELECT 1 FROM alerts a "
                    "WHERE a.story_id = s.id AND a.status = 'pending') LIMIT ?",
                    [iso(cutoff), batch],
                )
            ]
            if not stories:
                return pruned
            marks = ",".join("?" * len(stories))
            with self.transaction() as db:
                rows = list(db.query(f"SELECT feed_url, key FROM entries WHERE story_id IN ({marks})", stories))
                db.conn.executemany(
                    "INSERT OR IGNORE INTO tombstones (digest, pruned) VALUES (?, ?)",
                    [(tombstone(r["feed_url"], r["key"]), iso(now)) for r in rows],
                )
                db.execute(f"DELETE FROM alerts WHERE story_id IN ({marks})", stories)
                db.execute(f"DELETE FROM entries WHERE story_id IN ({marks})", stories)
                db.execute(f"DELETE FROM stories WHERE id IN ({marks})", stories)
            pruned += len(rows)

    def add_entry(
        self,
        entry: Entry,
        now: datetime,
        story_id: int | None,
        *,
        score: float = 0.0,
        reason: str = "",
        duplicate_of: int | None = None,
        alerts: Iterable[QueuedAlert] = (),
        event_id: int | None = None,
        event_score: float = 0.0,
        event_reason: str = "",
        signature: Signature | None = None,
        content_hash: str | None = None,
    ) -> Recorded:
        """Record an entry (and a new story when ``story_id`` is None) with its pending alerts.

        One transaction: either the entry and every alert are stored, or nothing is.
        Returns (entry_id, story_id, alerts actually queued). A new story joins ``event_id`` (None: it starts its
        own event, numbered like the story); for an entry of a known story, ``event_id`` may name its event
        (else it is read when an event alert needs it). An alert already queued under the same key
        (rule, story or event or update or escalation, target URL) is not queued again.
        """
        seen = iso(now)
        # The hot path of a cold start: plain statements, prepared once (sqlite3 caches them by text).
        with self._entry_transaction() as db:
            conn = db.conn
            new_story = story_id is None
            if story_id is None:
                # The story row first, so the entry is inserted once with its story.
                story_id = conn.execute(
                    _INSERT_STORY, (entry.title, seen, event_id, event_score, event_reason)
                ).lastrowid
                assert story_id is not None
            values = (
                entry.feed_url,
                entry.key,
                entry.outlet,
                entry.lang,
                *_text_values(entry),
                seen,
                story_id,
                score,
                reason,
                duplicate_of,
                content_hash,
                *_signature_values(signature),
            )
            entry_id = conn.execute(_INSERT_ENTRY, values).lastrowid
            assert entry_id is not None
            if new_story:
                conn.execute(_FIRST_ENTRY, (entry_id, story_id))
                event_id = event_id if event_id is not None else story_id
            queued = self._queue(db, entry_id, story_id, alerts, now, event_id=event_id) if alerts else 0
            return Recorded(entry_id, story_id, queued)

    def _queue(
        self,
        db: sqlite_utils.Database,
        entry_id: int,
        story_id: int,
        alerts: Iterable[QueuedAlert],
        now: datetime,
        *,
        detail: dict[str, str] | None = None,
        hold: tuple[str, datetime] | None = None,
        event_id: int | None = None,
    ) -> int:
        """Insert alerts unless their key (rule, alert_key, URL) is taken; returns how many were new.

        ``event_id`` is the story's event when the caller knows it (read here otherwise, when needed)."""
        created = iso(now)
        held = (hold[0], iso(hold[1])) if hold else (None, None)
        about = json.dumps(detail, ensure_ascii=False) if detail else None
        added = 0
        for queued in alerts:
            match, delivery = queued[0], queued[1]
            kind = queued[2] if len(queued) > 2 else "story"
            if kind == "event" and event_id is None:
                event_id = self.story_event(story_id)
            key = {
                "story": f"story:{story_id}",
                "event": f"event:{event_id}",
                "escalation": f"escalation:{story_id}",
            }.get(kind, f"{kind}:{entry_id}")
            cursor = db.conn.execute(
                _INSERT_ALERT,
                (
                    match.rule,
                    story_id,
                    entry_id,
                    delivery.target,
                    delivery.url_id,
                    delivery.url_label,
                    _json(match.terms),
                    created,
                    kind.split(":")[0],
                    key,
                    about,
                    *held,
                ),
            )
            added += cursor.rowcount
        return added

    def queue_catchup(self, alerts: Iterable[tuple[int, int, QueuedAlert]], now: datetime) -> int:
        """Queue (entry_id, story_id, alert) triples held for one "catchup" message per target URL, due now.

        They take the rule's ordinary keys: a story (or event) the rule already alerted on is
        skipped, a caught-up one never alerts again, and asking twice queues nothing new.
        Returns how many were queued.
        """
        with self.transaction() as db:
            return sum(
                self._queue(db, entry_id, story_id, [queued], now, hold=("catchup", now))
                for entry_id, story_id, queued in alerts
            )

    def update_entry(
        self,
        entry_id: int,
        entry: Entry,
        now: datetime,
        *,
        content_hash: str,
        reason: str,
        signature: Signature | None = None,
        alerts: Iterable[QueuedAlert] = (),
        detail: dict[str, str] | None = None,
    ) -> int:
        """Replace an entry's text in place (same key, new title or body) and queue its alerts; returns how
        many were queued.

        An ``update:HASH`` alert kind is keyed by entry and hash: one re-alert per version. ``detail``
        (the title before, what changed) is stored with the alerts for their message.
        """
        with self.transaction() as db:
            db.table("entries").update(
                entry_id,
                {
                    **_text_columns(entry),
                    "content_hash": content_hash,
                    "updated": iso(now),
                    "update_reason": reason,
                    **_signature_columns(signature),
                },
            )
            story_id = int(db.table("entries").get(entry_id)["story_id"])
            return self._queue(db, entry_id, story_id, alerts, now, detail=detail)

    def known_versions(self, feed_url: str, keys: Iterable[str]) -> dict[str, tuple[int, str | None]]:
        """key -> (entry_id, content hash or None for rows stored before hashes) for the known keys."""
        keys = list(keys)
        found: dict[str, tuple[int, str | None]] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT key, id, content_hash FROM entries WHERE feed_url = ? AND key IN ({marks})"
            for key, entry_id, digest in self._rows(sql, (feed_url, *chunk)):
                found[key] = (entry_id, digest)
        return found

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

    def recent_signatures(self, since: datetime) -> Iterator[tuple[int, int, int, datetime, Signature | None]]:
        """(entry_id, story_id, event_id, first_seen, stored signature or None) for the dedup window, oldest first."""
        sql = (
            "SELECT e.id, e.story_id, coalesce(s.event_id, s.id) AS event_id, e.first_seen, e.dedup_bands, "
            "e.dedup_lede, e.dedup_keywords, e.dedup_when FROM entries e JOIN stories s ON s.id = e.story_id "
            # "+e.id": ordering by the primary key made SQLite scan every entry (the whole
            # history, 0.6 s per million) instead of reading the window by first_seen.
            "WHERE e.first_seen >= ? ORDER BY +e.id"
        )
        with self._lock:
            cursor = self.db.execute(sql, [iso(since)])
        while True:
            with self._lock:
                rows = cursor.fetchmany(_BATCH)  # in steps: never the whole window's rows and signatures at once
            if not rows:
                return
            for entry_id, story_id, event_id, seen, bands, lede, words, when in rows:
                sig = None
                if bands is not None and lede is not None:
                    # Interned: the index keeps every keyword, and most recur in many entries.
                    keywords = tuple(map(sys.intern, words.split())) if words else ()
                    sig = Signature(Signature.unpack_bands(bands), lede, keywords, when)
                yield entry_id, story_id, event_id, datetime.fromisoformat(seen), sig

    def entry(self, entry_id: int) -> Entry:
        with self._lock:
            row = self.db.table("entries").get(entry_id)
        return _row_entry(row)

    def entries(self, ids: Iterable[int]) -> dict[int, Entry]:
        """Stored entries by id, read in a few queries (ids not stored are left out)."""
        ids = list(ids)
        found: dict[int, Entry] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            for row in self._query(f"SELECT * FROM entries WHERE id IN ({_marks(chunk)})", chunk):
                found[row["id"]] = _row_entry(row)
        return found

    def save_signatures(self, signed: Iterable[tuple[int, Signature]]) -> None:
        """Store dedup signatures computed after the fact (rows written before signatures were kept)."""
        rows = [(sig.pack_bands(), sig.lede, " ".join(sig.keywords), sig.when, entry_id) for entry_id, sig in signed]
        with self.transaction() as db:
            db.conn.executemany(
                "UPDATE entries SET dedup_bands = ?, dedup_lede = ?, dedup_keywords = ?, dedup_when = ? WHERE id = ?",
                rows,
            )

    def history(self, since: datetime | None = None, fts: str | None = None) -> Iterator[tuple[int, Entry]]:
        """(entry_id, entry) of stored entries dated (else first seen) since ``since``, oldest first.

        ``fts`` is an FTS5 query over title, summary and content: a pre-filter, so the
        caller still runs the exact matcher on what comes back. Entries the index has not
        caught up with yet (``catch_up_fts``) all come back. Rows are read in batches
        of ``_BATCH`` (a backtest may go through a million), never all at once.
        """
        sql = f"SELECT id, {', '.join(_ENTRY_COLUMNS)} FROM entries"
        params: list[Any] = []
        where = []
        if fts is not None:
            # A compound IN list, not an OR: SQLite reads the hits by rowid instead of scanning every entry.
            where.append(
                "id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ? "
                "UNION ALL SELECT id FROM entries WHERE id > (SELECT indexed_to FROM fts_state))"
            )
            params.append(fts)
        if since is not None:
            where.append(f"{_DATED} >= ?")
            params.append(iso(since))
        if where:
            sql += " WHERE " + " AND ".join(where)
        with self._lock:
            cursor = self.db.execute(sql + f" ORDER BY {_DATED}, id", params)
        while True:
            with self._lock:
                rows = cursor.fetchmany(_BATCH)
            if not rows:
                return
            for row in rows:
                yield row[0], _entry_of(row[1:])

    def catch_up_fts(self, batch: int = 5000) -> int:
        """Add the entries stored since the last call to the full-text index of `rules test`;
        returns how many. Safe to call at any time and from another process than the daemon's:
        each step of ``batch`` entries is one transaction, so writers wait at most one step."""
        indexed = 0
        while True:
            with self.transaction(immediate=True) as db:
                (mark,) = db.conn.execute("SELECT indexed_to FROM fts_state").fetchone()
                top, count = db.conn.execute(
                    "SELECT max(id), count(*) FROM (SELECT id FROM entries WHERE id > ? ORDER BY id LIMIT ?)",
                    (mark, batch),
                ).fetchone()
                if not count:
                    return indexed
                db.conn.execute(
                    "INSERT INTO entries_fts (rowid, title, summary, content) "
                    "SELECT id, title, summary, content FROM entries WHERE id > ? AND id <= ?",
                    (mark, top),
                )
                db.conn.execute("UPDATE fts_state SET indexed_to = ?", (top,))
            indexed += count

    def fts_behind(self) -> int:
        """Entries not in the full-text index yet (``catch_up_fts`` adds them)."""
        with self._lock:
            sql = "SELECT count(*) FROM entries WHERE id > (SELECT indexed_to FROM fts_state)"
            return int(self.db.execute(sql).fetchone()[0])

    def history_count(self, since: datetime | None = None) -> int:
        """How many entries ``history(since)`` goes through."""
        sql, params = "SELECT count(*) FROM entries", []
        if since is not None:
            sql, params = sql + f" WHERE {_DATED} >= ?", [iso(since)]
        with self._lock:
            return int(self.db.execute(sql, params).fetchone()[0])

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

    def recent_entries(self, since: datetime) -> Iterator[tuple[int, int, Entry]]:
        """(entry_id, story_id, entry) for every entry first seen since ``since``: the dedup window."""
        for row in self._query("SELECT id, story_id FROM entries WHERE first_seen >= ? ORDER BY +id", [iso(since)]):
            yield row["id"], row["story_id"], self.entry(row["id"])

    # alerts ----------------------------------------------------------------

    def pending_alerts(self, due: datetime | None = None) -> list[PendingAlert]:
        """Alerts waiting for delivery; with ``due``, only those whose retry time has come."""
        sql = "SELECT * FROM alerts WHERE status = 'pending'"
        params: list[Any] = []
        if due is not None:
            sql += " AND (next_attempt IS NULL OR next_attempt <= ?)"
            params.append(iso(due))
        return [_pending(r) for r in self._query(sql + " ORDER BY id", params)]

    def mark_sent(self, ids: int | Iterable[int], now: datetime) -> None:
        """The target accepted: sent, once and for all (one transaction for a whole digest)."""
        with self.transaction() as db:
            db.execute(
                "UPDATE alerts SET status = 'sent', sent_at = ?, attempts = attempts + 1, "
                f"last_error = NULL, in_flight = NULL WHERE id IN ({_marks(ids)})",
                [iso(now), *_ids(ids)],
            )

    def mark_failed(
        self, ids: int | Iterable[int], now: datetime, error: str, next_attempt: datetime | None, dead: bool = False
    ) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE alerts SET attempts = attempts + 1, last_error = ?, next_attempt = ?, status = ?, "
                f"in_flight = NULL WHERE id IN ({_marks(ids)})",
                [error[:500], iso(next_attempt), "dead" if dead else "pending", *_ids(ids)],
            )

    def mark_in_flight(self, ids: Iterable[int], now: datetime) -> None:
        """Recorded before sending: after a crash it names the one message that may arrive twice."""
        with self.transaction() as db:
            db.execute(f"UPDATE alerts SET in_flight = ? WHERE id IN ({_marks(ids)})", [iso(now), *_ids(ids)])

    def hold(self, ids: Iterable[int], reason: str, until: datetime) -> None:
        """Keep alerts back for one combined message at ``until`` (digest, quiet hours, burst)."""
        with self.transaction() as db:
            db.execute(
                f"UPDATE alerts SET hold_reason = ?, hold_until = ? WHERE id IN ({_marks(ids)}) AND batch IS NULL",
                [reason, iso(until), *_ids(ids)],
            )

    def make_batch(self, ids: Iterable[int]) -> int:
        """Bind held alerts into one digest; from now on they are sent, retried and marked together."""
        ids = _ids(ids)
        with self.transaction() as db:
            db.execute(f"UPDATE alerts SET batch = ? WHERE id IN ({_marks(ids)})", [min(ids), *ids])
        return min(ids)

    def sent_count(self, url_id: str, since: datetime, rule: str | None = None) -> int:
        """Single alerts (not digests) sent to a target URL since ``since``: the burst counter."""
        sql = "SELECT count(*) AS n FROM alerts WHERE url_id = ? AND status = 'sent' AND batch IS NULL AND sent_at >= ?"
        params: list[Any] = [url_id, iso(since)]
        if rule is not None:
            sql, params = sql + " AND rule = ?", [*params, rule]
        return int(self._query(sql, params)[0]["n"])

    def target_failing(self, url_id: str, target: str, label: str, now: datetime) -> bool:
        """Record that a target URL is failing; True only the first time (one notice per outage)."""
        with self.transaction() as db:
            row = list(db.query("SELECT notice_at FROM target_health WHERE url_id = ?", [url_id]))
            if row and row[0]["notice_at"]:
                return False
            db.table("target_health").upsert(
                {
                    "url_id": url_id,
                    "target": target,
                    "url_label": label,
                    "failing_since": iso(now),
                    "notice_at": iso(now),
                },
                pk="url_id",
            )
            return True

    def target_ok(self, url_id: str) -> None:
        """The target accepted again: a later outage gets its own notice."""
        with self.transaction() as db:
            db.execute("DELETE FROM target_health WHERE url_id = ?", [url_id])

    def alert_list(self, which: str | None = None) -> list[dict[str, Any]]:
        """Alerts with their story's title: all, or "pending", "failed" (pending, failed before) or "dead"."""
        where = {
            None: "",
            "pending": "WHERE a.status = 'pending'",
            "failed": "WHERE a.status = 'pending' AND a.attempts > 0",
            "dead": "WHERE a.status = 'dead'",
        }[which]
        return self._query(
            f"SELECT a.*, e.title FROM alerts a JOIN entries e ON e.id = a.entry_id {where} ORDER BY a.id"
        )

    def alert(self, alert_id: int) -> dict[str, Any] | None:
        rows = self._query("SELECT * FROM alerts WHERE id = ?", [alert_id])
        return rows[0] if rows else None

    def retry(self, ids: Iterable[int] | None, now: datetime) -> int:
        """Make alerts due now (dead ones pending again, with a fresh attempt count and age); all with None."""
        where, params = ("status IN ('pending', 'dead')", []) if ids is None else (f"id IN ({_marks(ids)})", _ids(ids))
        with self.transaction() as db:
            cursor = db.execute(
                "UPDATE alerts SET status = 'pending', next_attempt = NULL, "
                "attempts = CASE WHEN status = 'dead' THEN 0 ELSE attempts END, "
                f"since = CASE WHEN status = 'dead' THEN ? ELSE since END WHERE status != 'sent' AND {where}",
                [iso(now), *params],
            )
            return cursor.rowcount

    def alerts(self, status: str | None = None) -> list[dict[str, Any]]:
        where, params = ("WHERE status = ?", [status]) if status else ("", [])
        return self._query(f"SELECT * FROM alerts {where} ORDER BY id", params)


def _ids(ids: int | Iterable[int]) -> list[int]:
    return [ids] if isinstance(ids, int) else list(ids)


_CHUNK = 900  # ids per IN (...) list: under SQLite's oldest limit of 999 parameters


def _marks(ids: int | Iterable[int]) -> str:
    return ",".join("?" * len(_ids(ids)))


def _pending(r: dict[str, Any]) -> PendingAlert:
    return PendingAlert(
        r["id"],
        r["rule"],
        r["story_id"],
        r["entry_id"],
        r["target"],
        r["url_id"],
        tuple(json.loads(r["matched"] or "[]")),
        r["attempts"],
        created=from_iso(r["created"]),
        next_attempt=from_iso(r["next_attempt"]),
        hold_reason=r["hold_reason"],
        hold_until=from_iso(r["hold_until"]),
        batch=r["batch"],
        in_flight=from_iso(r["in_flight"]),
        since=from_iso(r["since"]) or from_iso(r["created"]),
        kind=r["kind"] or "story",
        detail=json.loads(r["detail"] or "{}"),
    )


_BATCH = 2000  # rows of history read per step
_ENTRY_COLUMNS = (
    "feed_url",
    "outlet",
    "key",
    "link",
    "title",
    "summary",
    "content",
    "author",
    "tags",
    "published",
    "lang",
)


def _entry_of(values: tuple[Any, ...]) -> Entry:
    """An Entry from the ``_ENTRY_COLUMNS`` of a row, in that order."""
    feed_url, outlet, key, link, title, summary, content, author, tags, published, lang = values
    return Entry(
        feed_url=feed_url,
        outlet=outlet,
        key=key,
        link=link,
        title=title,
        summary=summary,
        content=content,
        author=author or "",
        tags=tuple(json.loads(tags)) if tags and tags != "[]" else (),
        published=from_iso(published),
        lang=lang or "",
    )


# json.dumps(..., ensure_ascii=False) without building an encoder per call (once per alert).
_json = json.JSONEncoder(ensure_ascii=False).encode
_TEXT_COLUMNS = ("link", "title", "summary", "content", "author", "tags", "published")


def _text_values(entry: Entry) -> tuple[Any, ...]:
    """The values of ``_TEXT_COLUMNS``: what an entry's update may change (all but its identity and feed)."""
    tags = json.dumps(entry.tags) if entry.tags else "[]"
    return (entry.link, entry.title, entry.summary, entry.content, entry.author, tags, iso(entry.published))


def _text_columns(entry: Entry) -> dict[str, Any]:
    return dict(zip(_TEXT_COLUMNS, _text_values(entry), strict=True))


# The statements of storing an entry, written once: sqlite3 reuses a prepared statement by its text.
_INSERT_STORY = "INSERT INTO stories (title, first_seen, event_id, event_score, event_reason) VALUES (?, ?, ?, ?, ?)"
_FIRST_ENTRY = "UPDATE stories SET first_entry_id = ?, event_id = coalesce(event_id, id) WHERE id = ?"
_ENTRY_INSERTED = (
    "feed_url",
    "key",
    "outlet",
    "lang",
    *_TEXT_COLUMNS,
    "first_seen",
    "story_id",
    "dedup_score",
    "dedup_reason",
    "duplicate_of",
    "content_hash",
    *_SIGNATURE_COLUMNS,
)
_INSERT_ENTRY = f"INSERT INTO entries ({', '.join(_ENTRY_INSERTED)}) VALUES ({', '.join('?' * len(_ENTRY_INSERTED))})"
_INSERT_ALERT = (
    "INSERT OR IGNORE INTO alerts (rule, story_id, entry_id, target, url_id, url_label, "
    "matched, status, created, attempts, kind, alert_key, detail, hold_reason, hold_until) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, 0, ?, ?, ?, ?, ?)"
)


def _row_entry(row: dict[str, Any]) -> Entry:
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

"""Entries: storing an entry with its pending alerts in one transaction (the outbox, so an alert
can never be lost between "seen" and "queued"), updates, pruning to tombstones, and which keys a
feed already has. Reads of stories are in ``stories``, the dedup window's columns in ``window``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from monitor.models import Entry
from monitor.store.articles import MAX_ATTEMPTS, PENDING
from monitor.store.helpers import _marks, iso, tombstone
from monitor.store.records import QueuedAlert, Recorded
from monitor.store.stories import StoriesMixin
from monitor.store.window import SIGNATURE_COLUMNS, signature_columns, signature_values

if TYPE_CHECKING:
    from monitor.dedup.signature import Signature

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
    "raw_digest",
    *SIGNATURE_COLUMNS,
)
_INSERT_ENTRY = f"INSERT INTO entries ({', '.join(_ENTRY_INSERTED)}) VALUES ({', '.join('?' * len(_ENTRY_INSERTED))})"
_INSERT_ALERT = (
    "INSERT OR IGNORE INTO alerts (rule, story_id, entry_id, target, url_id, url_label, "
    "matched, status, created, attempts, kind, alert_key, detail, hold_reason, hold_until) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, 0, ?, ?, ?, ?, ?)"
)


class EntriesMixin(StoriesMixin):
    """Entries, stories, events and their alert keys."""

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
        """Delete stories whose every entry, and every entry of every story of their event, was
        first seen before ``cutoff`` (with their entries and alerts), leaving a tombstone per entry.
        Stories with a pending alert stay. Returns the number of entries pruned; safe to call at any time.

        Events are pruned whole: an ``event:`` alert is stored with one story of the event, and
        pruning that story while the event goes on would let its next write-up alert again.
        """
        pruned = 0
        while True:
            stories = [
                r["id"]
                for r in self._query(
                    "SELECT s.id FROM stories s WHERE NOT EXISTS (SELECT 1 FROM stories k "
                    "JOIN entries e ON e.story_id = k.id WHERE (k.event_id = s.event_id OR k.id = s.id) "
                    "AND e.first_seen >= ?) AND NOT EXISTS (SELECT 1 FROM alerts a "
                    "WHERE a.story_id = s.id AND a.status = 'pending') LIMIT ?",
                    [iso(cutoff), batch],
                )
            ]
            if not stories:
                return pruned
            marks = ",".join("?" * len(stories))
            with self.transaction() as db:
                rows = self._query(f"SELECT feed_url, key FROM entries WHERE story_id IN ({marks})", stories)
                db.executemany(
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
        raw_digest: bytes | None = None,
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
        with self._entry_transaction() as conn:
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
                raw_digest,
                *signature_values(signature),
            )
            entry_id = conn.execute(_INSERT_ENTRY, values).lastrowid
            assert entry_id is not None
            if new_story:
                conn.execute(_FIRST_ENTRY, (entry_id, story_id))
                event_id = event_id if event_id is not None else story_id
            queued = self._queue(conn, entry_id, story_id, alerts, now, event_id=event_id) if alerts else 0
            return Recorded(entry_id, story_id, queued)

    def _queue(
        self,
        db: sqlite3.Connection,
        entry_id: int,
        story_id: int,
        alerts: Iterable[QueuedAlert],
        now: datetime,
        *,
        detail: dict[str, str] | None = None,
        hold: tuple[str, datetime] | None = None,
        event_id: int | None = None,
    ) -> int:
        """Insert alerts unless their key (rule, alert_key, URL) is taken; returns how many alerts were new,
        counted per alert (rule and key), not per target URL: one match to a target of two URLs is one alert.

        ``event_id`` is the story's event when the caller knows it (read here otherwise, when needed)."""
        created = iso(now)
        held = (hold[0], iso(hold[1])) if hold else (None, None)
        about = json.dumps(detail, ensure_ascii=False) if detail else None
        added: set[tuple[str, str]] = set()
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
            cursor = db.execute(
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
            if cursor.rowcount:
                added.add((match.rule, key))
        return len(added)

    def queue_alerts(self, entry_id: int, story_id: int, alerts: Iterable[QueuedAlert], now: datetime) -> int:
        """Queue alerts for a stored entry (its article came on a later poll), under the rule's ordinary
        keys: a story the rule already alerted on queues nothing. Returns how many were queued."""
        with self.transaction() as db:
            return self._queue(db, entry_id, story_id, alerts, now)

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
            self.db.table("entries").update(
                entry_id,
                {
                    **_text_columns(entry),
                    "content_hash": content_hash,
                    "updated": iso(now),
                    "update_reason": reason,
                    **signature_columns(signature),
                },
            )
            story_id = int(self.db.table("entries").get(entry_id)["story_id"])
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

    def same_text(self, feed_url: str, entries: Iterable[Entry]) -> set[str]:
        """Keys of ``entries`` stored with the very same title, summary and content, and no article.

        Their content hash cannot have changed, so no update is due: the pipeline skips hashing
        them (folding a 3 kB text costs ~0.5 ms; a changed feed re-sends ~50 known entries)."""
        texts = {e.key: (e.title, e.summary, e.content) for e in entries if not e.article}
        keys = list(texts)
        same: set[str] = set()
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT key, title, summary, content FROM entries WHERE feed_url = ? AND key IN ({marks})"
            same.update(key for key, *text in self._rows(sql, (feed_url, *chunk)) if texts[key] == tuple(text))
        return same

    def unchanged_candidates(self, feed_url: str) -> dict[bytes, str]:
        """raw digest -> key of ``feed_url``'s stored entries: an entry read with one of these digests is the
        one stored, unchanged, and need not be converted again (``parse.parse_feed``'s ``known``).

        Entries whose article is to be tried again (``articles_pending``) are left out: that retry reads the
        feed's entry (``pipeline.articles.articles_late``)."""
        sql = (
            "SELECT raw_digest, key FROM entries WHERE feed_url = ? AND raw_digest IS NOT NULL AND link NOT IN "
            f"(SELECT url FROM articles WHERE feed_url = ? AND {PENDING})"
        )
        return dict(self._rows(sql, (feed_url, feed_url, MAX_ATTEMPTS)))

    def note_raw_digests(self, feed_url: str, digests: dict[str, bytes]) -> None:
        """Store the raw digest of each known entry key read again (updated, or the same text), so the next read
        of the same entry skips its conversion (a new entry's comes with it: ``add_entry``). Inside the poll's
        transaction; keys not stored are ignored."""
        if not digests:
            return
        with self._entry_transaction() as conn:
            conn.executemany(
                "UPDATE entries SET raw_digest = ? WHERE feed_url = ? AND key = ? AND raw_digest IS NOT ?",
                [(digest, feed_url, key, digest) for key, digest in digests.items()],
            )

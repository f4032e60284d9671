"""The alert outbox after queueing: pending alerts, delivery outcomes (sent, failed, dead,
in flight), holds and digest batches, burst counts, target health and manual retries; and
notices (alerts of kind "notice": about a feed, a target or the config, with no entry or
story), queued in the transaction that records the fact they tell.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from monitor.store.base import StoreBase
from monitor.store.helpers import _ids, _marks, from_iso, iso
from monitor.store.records import Notice, PendingAlert

_INSERT_NOTICE = (
    "INSERT OR IGNORE INTO alerts (rule, target, url_id, url_label, matched, status, created, attempts, "
    "kind, alert_key, detail) VALUES (?, ?, ?, ?, '[]', 'pending', ?, 0, 'notice', ?, ?)"
)


class AlertsMixin(StoreBase):
    """Alert rows from pending to sent or dead."""

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
        """The target refused (or was not tried, ``outbox/refusals.py``): retry at ``next_attempt``, or dead."""
        self.mark_failed_many([(_ids(ids), error, next_attempt, dead)], now)

    def mark_failed_many(self, rows: Iterable[tuple[list[int], str, datetime | None, bool]], now: datetime) -> None:
        """``mark_failed`` for many messages, each (ids, error, next_attempt, dead), in one transaction."""
        with self.transaction() as db:
            for ids, error, next_attempt, dead in rows:
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

    def last_sent(self, url_id: str, rule: str) -> datetime | None:
        """When a message carrying an alert of ``rule`` (single or roll-up) last reached the target URL."""
        rows = self._query(
            "SELECT max(sent_at) AS at FROM alerts WHERE url_id = ? AND rule = ? AND status = 'sent'", [url_id, rule]
        )
        return from_iso(rows[0]["at"]) if rows and rows[0]["at"] else None

    def queue_notice(self, notice: Notice, now: datetime, *, feed: tuple[str, str | None] | None = None) -> int:
        """Queue ``notice``, and with ``feed`` = (url, health_notice) record on the feed that it was told,
        in the same transaction. Returns how many alerts were queued (one per delivery, none twice)."""
        with self.transaction() as db:
            if feed is not None:
                db.execute("UPDATE feeds SET health_notice = ? WHERE url = ?", [feed[1], feed[0]])
            return _insert_notice(db, notice, now)

    def target_failing(self, url_id: str, target: str, label: str, now: datetime, notice: Notice | None = None) -> bool:
        """Record that a target URL is failing, and queue ``notice`` with it; True only the first time
        (one notice per outage)."""
        with self.transaction() as db:
            row = self._query("SELECT notice_at FROM target_health WHERE url_id = ?", [url_id])
            if row and row[0]["notice_at"]:
                return False
            if notice is not None:
                _insert_notice(db, notice, now)
            self.db.table("target_health").upsert(
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
            "SELECT a.*, coalesce(e.title, json_extract(a.detail, '$.title')) AS title, e.feed_url, e.outlet "
            f"FROM alerts a LEFT JOIN entries e ON e.id = a.entry_id {where} ORDER BY a.id"
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


def _insert_notice(db: Any, notice: Notice, now: datetime) -> int:
    detail = json.dumps({"title": notice.message.title, "body": notice.message.body}, ensure_ascii=False)
    key = f"notice:{notice.key}"
    return sum(
        db.execute(_INSERT_NOTICE, (d.rule, d.target, d.url_id, d.url_label, iso(now), key, detail)).rowcount
        for d in notice.deliveries
    )


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

"""Mutes: a story, a rule or a feed kept quiet until a time or until unmuted.

A muted alert is recorded, never sent: the outbox calls ``apply_mutes`` at the start of each
pass, which marks the pending alerts an active mute covers ``muted`` (with the mute's id).
Ending a mute leaves them muted; ``unmute(..., replay=True)`` makes them pending again.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from monitor.store.base import StoreBase
from monitor.store.helpers import iso

MUTE_KINDS = ("story", "rule", "feed")
_ACTIVE = "m.ended IS NULL AND (m.until IS NULL OR m.until > :now)"
_MUTABLE = "status = 'pending' AND batch IS NULL AND in_flight IS NULL"
_COVERS = (
    "((m.kind = 'rule' AND m.value = alerts.rule) "
    "OR (m.kind = 'story' AND m.value = CAST(alerts.story_id AS TEXT)) "
    "OR (m.kind = 'feed' AND m.value = (SELECT feed_url FROM entries WHERE id = alerts.entry_id)))"
)


class MutesMixin(StoreBase):
    """The mutes table and the outbox's check against it."""

    def mute(self, kind: str, value: str, until: datetime | None, now: datetime) -> int:
        """Mute a story (its id), a rule (its name) or a feed (its URL); ``until`` None: until unmuted."""
        if kind not in MUTE_KINDS:
            raise ValueError(f"cannot mute a {kind!r}: mute a story, a rule or a feed")
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO mutes (kind, value, until, created) VALUES (?, ?, ?, ?)",
                [kind, value, iso(until), iso(now)],
            )
            return int(cursor.lastrowid or 0)

    def unmute(self, mute_id: int, now: datetime, *, replay: bool = False) -> int:
        """End a mute; with ``replay`` the alerts it muted become pending again. Returns how many did."""
        with self.transaction() as db:
            db.execute("UPDATE mutes SET ended = ? WHERE id = ? AND ended IS NULL", [iso(now), mute_id])
            if not replay:
                return 0
            cursor = db.execute(
                "UPDATE alerts SET status = 'pending', muted_by = NULL, next_attempt = NULL "
                "WHERE status = 'muted' AND muted_by = ?",
                [mute_id],
            )
            return cursor.rowcount

    def mutes(self, now: datetime) -> list[dict[str, Any]]:
        """The active mutes, newest first, each with how many alerts it kept back so far."""
        sql = (
            "SELECT m.*, (SELECT count(*) FROM alerts a WHERE a.status = 'muted' AND a.muted_by = m.id) AS muted "
            f"FROM mutes m WHERE {_ACTIVE} ORDER BY m.id DESC"
        )
        with self._lock:
            return list(self._query(sql, {"now": iso(now)}))

    def apply_mutes(self, now: datetime) -> int:
        """Mark pending alerts that an active mute covers as muted (not yet in a digest or in flight).
        Cheap when nothing is muted: one indexed read."""
        params = {"now": iso(now)}
        with self.transaction() as db:
            if not db.execute(f"SELECT 1 FROM mutes m WHERE {_ACTIVE} LIMIT 1", params).fetchone():
                return 0
            cursor = db.execute(
                f"UPDATE alerts SET status = 'muted', muted_by = (SELECT m.id FROM mutes m WHERE {_ACTIVE} "
                f"AND {_COVERS} ORDER BY m.id LIMIT 1) WHERE {_MUTABLE} "
                f"AND EXISTS (SELECT 1 FROM mutes m WHERE {_ACTIVE} AND {_COVERS})",
                params,
            )
            return cursor.rowcount

    def muted_pending(self, now: datetime) -> set[int]:
        """The ids ``apply_mutes`` would mark, written nowhere: what a dry run leaves out."""
        sql = f"SELECT id FROM alerts WHERE {_MUTABLE} AND EXISTS (SELECT 1 FROM mutes m WHERE {_ACTIVE} AND {_COVERS})"
        with self._lock:
            return {row[0] for row in self.conn.execute(sql, {"now": iso(now)}).fetchall()}

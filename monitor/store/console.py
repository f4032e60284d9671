"""The reads of the analyst's console (monitor/web): the inbox, a story's alerts, search.

Pages go newest first by id with keyset paging (``before``: the last id of the page shown),
so page 1000 costs what page 1 does; every filter has an index that also orders by id (m010).
Text filters read the full-text index of m005/m009, plus the entries it has not caught up with.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from monitor.store.base import StoreBase
from monitor.store.helpers import iso
from monitor.text import without_spaces

STATES = ("sent", "pending", "failed", "held", "dead", "muted")
_STATE_SQL = {
    "sent": "a.status = 'sent'",
    "pending": "a.status = 'pending'",
    "failed": "a.status = 'pending' AND a.attempts > 0",
    "held": "a.status = 'pending' AND a.hold_reason IS NOT NULL AND a.batch IS NULL",
    "dead": "a.status = 'dead'",
    "muted": "a.status = 'muted'",
}
_ROW = (
    "SELECT a.id, a.rule, a.target, a.url_label, a.status, a.attempts, a.hold_reason, a.batch, a.created, "
    "a.sent_at, a.next_attempt, a.last_error, a.story_id, a.entry_id, a.kind, a.muted_by, e.title, e.outlet, "
    "e.link, e.feed_url, coalesce(e.published, e.first_seen) AS dated, f.verdict, "
    "(SELECT count(DISTINCT o.outlet) FROM entries o WHERE o.story_id = a.story_id) AS outlets "
    "FROM alerts a JOIN entries e ON e.id = a.entry_id LEFT JOIN feedback f ON f.alert_id = a.id"
)


@dataclass(frozen=True, slots=True)
class InboxFilter:
    """What the inbox shows; empty fields do not filter."""

    rule: str = ""
    target: str = ""
    state: str = ""  # one of STATES
    since: datetime | None = None
    until: datetime | None = None
    text: str = ""


def fts_phrases(text: str) -> str:
    """User text as an FTS5 query: every word must occur (quoted, so FTS5 syntax is just text)."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in text.split())


def _text_ids(text: str) -> tuple[str, list[Any]]:
    """An ``IN (...)`` list of entry ids whose text has every word of ``text``.

    The index keeps a run of Chinese, Japanese or Thai as one token, so words in scripts
    written without spaces (and the entries the index lacks) are sought with LIKE instead."""
    words = text.split()
    each = " AND ".join("(title LIKE ? OR summary LIKE ? OR content LIKE ?)" for _ in words)
    likes = [f"%{word}%" for word in words for _ in range(3)]
    if any(without_spaces(c) for c in text):
        return f"(SELECT id FROM entries WHERE {each})", likes
    tail = f"SELECT id FROM entries WHERE id > (SELECT indexed_to FROM fts_state) AND {each}"
    return f"(SELECT rowid FROM entries_fts WHERE entries_fts MATCH ? UNION ALL {tail})", [fts_phrases(text), *likes]


class ConsoleMixin(StoreBase):
    """Read queries of the console's pages."""

    def inbox(self, f: InboxFilter, before: int | None = None, limit: int = 50) -> list[dict[str, Any]]:
        """Alerts newest first with their entry, outlet and how many outlets carry the story."""
        where: list[str] = []
        params: list[Any] = []
        for column, value in (("rule", f.rule), ("target", f.target)):
            if value:
                where.append(f"a.{column} = ?")
                params.append(value)
        if f.state:
            where.append(_STATE_SQL[f.state])
        if f.since:
            where.append("a.created >= ?")
            params.append(iso(f.since))
        if f.until:
            where.append("a.created < ?")
            params.append(iso(f.until))
        if f.text.strip():
            ids, more = _text_ids(f.text)
            where.append(f"a.entry_id IN {ids}")
            params += more
        if before is not None:
            where.append("a.id < ?")
            params.append(before)
        sql = _ROW + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY a.id DESC LIMIT ?"
        return self._query(sql, [*params, limit])

    def story_alerts(self, story_id: int) -> list[dict[str, Any]]:
        """Every alert a story caused, by rule and target, oldest first (its delivery record)."""
        return self._query(_ROW + " WHERE a.story_id = ? ORDER BY a.rule, a.target, a.id", [story_id])

    def alert_row(self, alert_id: int) -> dict[str, Any] | None:
        rows = self._query(_ROW + " WHERE a.id = ?", [alert_id])
        return rows[0] if rows else None

    def search(self, text: str, before: int | None = None, limit: int = 50) -> list[dict[str, Any]]:
        """Stored entries with every word of ``text``, newest first (keyset paged by id)."""
        if not text.strip():
            return []
        ids, params = _text_ids(text)
        sql = (
            "SELECT id, feed_url, outlet, title, link, summary, story_id, coalesce(published, first_seen) AS dated "
            f"FROM entries WHERE id IN {ids}"
        )
        if before is not None:
            sql, params = sql + " AND id < ?", [*params, before]
        return self._query(sql + " ORDER BY id DESC LIMIT ?", [*params, limit])


def feed_status(row: dict[str, Any], listed: set[str]) -> str:
    """A ``feeds()`` row's health in words (``listed``: the URLs the config lists)."""
    if row["source"] == "config" and row["url"] not in listed:
        return "not in config"
    return "gone (disabled)" if row["state"] == "gone" else str(row["state"])

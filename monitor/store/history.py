"""Reading stored history for `rules test`: entries by date, pre-filtered by the full-text
index, and the bulk indexing that keeps that index caught up (m009: off the per-entry path).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from monitor.models import Entry
from monitor.store.articles import with_articles
from monitor.store.base import StoreBase
from monitor.store.helpers import _BATCH, _ENTRY_COLUMNS, _entry_of, iso
from monitor.store.migrations import _DATED


class HistoryMixin(StoreBase):
    """History by date and the full-text index of `rules test`."""

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
                "UNION ALL SELECT id FROM entries WHERE id > (SELECT indexed_to FROM fts_state) "
                # The index holds the feed's text: an entry with a fetched article is read whatever it says.
                "UNION ALL SELECT e.id FROM entries e JOIN articles a ON a.url = e.link AND a.status = 'fetched')"
            )
            params.append(fts)
        if since is not None:
            where.append(f"{_DATED} >= ?")
            params.append(iso(since))
        if where:
            sql += " WHERE " + " AND ".join(where)
        with self._lock:
            cursor = self.conn.execute(sql + f" ORDER BY {_DATED}, id", params)
        while True:
            with self._lock:
                rows = cursor.fetchmany(_BATCH)
                if not rows:
                    return
                batch = with_articles(self.conn, {row[0]: _entry_of(row[1:]) for row in rows})
            yield from batch.items()

    def catch_up_fts(self, batch: int = 5000) -> int:
        """Add the entries stored since the last call to the full-text index of `rules test`;
        returns how many. Safe to call at any time and from another process than the daemon's:
        each step of ``batch`` entries is one transaction, so writers wait at most one step."""
        indexed = 0
        while True:
            with self.transaction(immediate=True) as db:
                (mark,) = db.execute("SELECT indexed_to FROM fts_state").fetchone()
                top, count = db.execute(
                    "SELECT max(id), count(*) FROM (SELECT id FROM entries WHERE id > ? ORDER BY id LIMIT ?)",
                    (mark, batch),
                ).fetchone()
                if not count:
                    return indexed
                db.execute(
                    "INSERT INTO entries_fts (rowid, title, summary, content) "
                    "SELECT id, title, summary, content FROM entries WHERE id > ? AND id <= ?",
                    (mark, top),
                )
                db.execute("UPDATE fts_state SET indexed_to = ?", (top,))
            indexed += count

    def fts_behind(self) -> int:
        """Entries not in the full-text index yet (``catch_up_fts`` adds them)."""
        with self._lock:
            sql = "SELECT count(*) FROM entries WHERE id > (SELECT indexed_to FROM fts_state)"
            return int(self.conn.execute(sql).fetchone()[0])

    def history_count(self, since: datetime | None = None) -> int:
        """How many entries ``history(since)`` goes through."""
        sql, params = "SELECT count(*) FROM entries", []
        if since is not None:
            sql, params = sql + f" WHERE {_DATED} >= ?", [iso(since)]
        with self._lock:
            return int(self.conn.execute(sql, params).fetchone()[0])

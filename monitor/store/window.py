"""The dedup window as stored: each entry's signature columns, read back in bulk at start-up (the
index is rebuilt from them) and written after the fact for rows stored before signatures were kept."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from monitor.models import Entry
from monitor.store.helpers import iso
from monitor.store.stories import StoriesMixin

if TYPE_CHECKING:  # the dedup code and numpy load only when the window is read (cheap cycles skip it)
    from monitor.dedup.packed import StoredSignature
    from monitor.dedup.signature import Signature

# Rows of the window read per step. Small: the rows and signatures a step reads are garbage once the
# index has taken what it keeps, and the heap they leave among what it keeps stays with the process
# (a daemon's RSS): steps of 2,000 left ~0.9 KB per entry of a 10,000-entry window (benchmarks/index_memory.py).
WINDOW_BATCH = 250
SIGNATURE_COLUMNS = ("dedup_bands", "dedup_lede", "dedup_keywords", "dedup_when", "dedup_keyword_hashes")
# The rows the dedup index is rebuilt from: what ``window_batches`` reads, and ``window_stored`` returns.
# In id order from the window's lowest id (after ``:after``), read from the table in that order: the
# planner otherwise scanned the rows from the first id (the whole history, 0.6 s per million) and sorted
# them, blobs and all, in a temporary tree (~0.2 of 0.5 CPU-s for 100k entries). No stored row below the
# window's lowest id is in it, so the rows are those ``first_seen >= :since`` selects. "+id": ``min(id)``
# read the table from its first row to the first in the window; ``min(+id)`` reads the first_seen index.
_WINDOW = (
    "SELECT e.id, e.story_id, coalesce(s.event_id, s.id) AS event_id, e.first_seen, e.dedup_bands, "
    "e.dedup_lede, e.dedup_keywords, e.dedup_when, e.outlet, e.link, e.dedup_keyword_hashes "
    "FROM entries e JOIN stories s ON s.id = e.story_id "
    "WHERE e.id >= max(:after + 1, (SELECT min(+id) FROM entries WHERE first_seen >= :since)) "
    "AND e.first_seen >= :since ORDER BY e.id"
)


def signature_values(sig: Signature | None) -> tuple[Any, ...]:
    """The values of ``SIGNATURE_COLUMNS``; all NULL without a signature."""
    if sig is None:
        return (None, None, None, None, None)
    from monitor.dedup.packed import keyword_hashes

    keywords = " ".join(sig.keywords)
    return (sig.pack(), sig.lede, keywords, sig.when, keyword_hashes(keywords))


def signature_columns(sig: Signature | None) -> dict[str, Any]:
    """The signature columns an update sets: none without a signature (the stored one stays)."""
    return {} if sig is None else dict(zip(SIGNATURE_COLUMNS, signature_values(sig), strict=True))


def window_rows(rows: Iterable[tuple[Any, ...]]) -> Iterator[tuple[int, int, int, datetime, Signature | None]]:
    """Rows as ``_WINDOW`` reads them (its last column, the keywords' hashes, may be left out), as the index is
    rebuilt from them: each with its stored signature or None."""
    from monitor.dedup.clean import address_hash
    from monitor.dedup.signature import Signature

    for entry_id, story_id, event_id, seen, blob, lede, words, when, outlet, link, *_ in rows:
        sig = None
        if blob is not None and lede is not None:
            # Interned: the index keeps every keyword, and most recur in many entries.
            keywords = tuple(map(sys.intern, words.split())) if words else ()
            # None for a signature of the earlier design: the rebuild computes it again.
            sig = Signature.unpack(blob, lede, keywords, when, sys.intern(outlet or ""), address_hash(link or ""))
        yield entry_id, story_id, event_id, datetime.fromisoformat(seen), sig


def stored_rows(rows: Iterable[tuple[Any, ...]]) -> Iterator[tuple[int, int, int, datetime, StoredSignature | None]]:
    """Rows as ``_WINDOW`` reads them (the hashes may be left out), each with its signature as stored (None: none
    stored), unread: what the start-up rebuild loads (``StoryIndex.load``), no ``Signature`` made per entry."""
    from monitor.dedup.clean import address_hash
    from monitor.dedup.packed import StoredSignature

    for entry_id, story_id, event_id, seen, blob, lede, words, when, outlet, link, *hashes in rows:
        sig = None
        if blob is not None and lede is not None:
            held = hashes[0] if hashes else None
            sig = StoredSignature(blob, words or "", when, outlet or "", held, link=address_hash(link or ""))
        yield entry_id, story_id, event_id, datetime.fromisoformat(seen), sig


class WindowMixin(StoriesMixin):
    """The entries of the dedup window and their stored signatures."""

    def recent_signatures(self, since: datetime) -> Iterator[tuple[int, int, int, datetime, Signature | None]]:
        """(entry_id, story_id, event_id, first_seen, stored signature or None) for the dedup window, oldest first."""
        for rows in self._window_read(since):
            yield from window_rows(rows)

    def window_batches(
        self, since: datetime, after: int = 0
    ) -> Iterator[list[tuple[int, int, int, datetime, StoredSignature | None]]]:
        """The rows of the dedup window (those with an id above ``after``), oldest first, ``WINDOW_BATCH`` at a
        time, each with its signature as stored, unread (``stored_rows``): what the start-up rebuild loads."""
        for rows in self._window_read(since, after):
            yield list(stored_rows(rows))

    def _window_read(self, since: datetime, after: int = 0) -> Iterator[list[tuple[Any, ...]]]:
        """The rows of ``_WINDOW`` in steps: never the whole window's rows at once."""
        with self._lock:
            cursor = self.conn.execute(_WINDOW, {"since": iso(since), "after": after})
        while True:
            with self._lock:
                rows = cursor.fetchmany(WINDOW_BATCH)
            if not rows:
                return
            yield rows

    def window_stored(self, since: datetime, after: int = 0) -> list[tuple[Any, ...]]:
        """The rows ``recent_signatures(since)`` reads (those with an id above ``after``), as stored:
        in id order, no signature unpacked (``pipeline/kept.py`` keeps them as they are)."""
        with self._lock:
            return self.conn.execute(_WINDOW, {"since": iso(since), "after": after}).fetchall()

    def window_span(self, since: datetime) -> tuple[datetime | None, int, int]:
        """The window from ``since`` in one look: when its oldest entry was first seen (None: empty),
        how many entries it holds and the highest id."""
        sql = "SELECT min(first_seen), count(*), coalesce(max(id), 0) FROM entries WHERE first_seen >= ?"
        with self._lock:
            start, count, top = self.conn.execute(sql, [iso(since)]).fetchone()
        return (datetime.fromisoformat(start) if start else None), count, top

    def window_changes(self) -> int:
        """How many times a stored row of the dedup window changed otherwise than by a new row (migration
        m016's counter): a kept index is good while this, the row count and the highest id are as kept."""
        with self._lock:
            return int(self.conn.execute("SELECT changes FROM window_changes").fetchone()[0])

    def save_signatures(self, signed: Iterable[tuple[int, Signature]]) -> None:
        """Store dedup signatures computed after the fact (rows written before signatures were kept)."""
        rows = [(*signature_values(sig), entry_id) for entry_id, sig in signed]
        columns = ", ".join(f"{column} = ?" for column in SIGNATURE_COLUMNS)
        with self.transaction() as db:
            db.executemany(f"UPDATE entries SET {columns} WHERE id = ?", rows)

    def recent_entries(self, since: datetime) -> Iterator[tuple[int, int, Entry]]:
        """(entry_id, story_id, entry) for every entry first seen since ``since``: the dedup window."""
        for row in self._query("SELECT id, story_id FROM entries WHERE first_seen >= ? ORDER BY +id", [iso(since)]):
            yield row["id"], row["story_id"], self.entry(row["id"])

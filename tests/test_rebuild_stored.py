"""The start-up rebuild loads each signature as stored (``packed.StoredSignature``), no ``Signature`` made:
the index it gives is, field for field, the one ``load`` of the unpacked signatures gives (the path before
sp40, still ``pipeline/kept.py``'s), and its read of the store is the window's rows, in id order."""

from __future__ import annotations

import sqlite3
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from benchmarks import dedup_speed
from monitor.dedup import StoryIndex, signature
from monitor.dedup.packed import keyword_hashes
from monitor.dedup.rebuild import rebuild_index
from monitor.store import Store
from monitor.store.helpers import iso

SINCE = dedup_speed.START - timedelta(minutes=1)
WINDOW = timedelta(days=8)
SIZE = 300


@pytest.fixture(scope="module")
def window(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list]:
    """A store of ``dedup_speed``'s synthetic window (copies, names in headlines, 500 outlets), and probes."""
    texts = dedup_speed.entries(SIZE + 40)
    seen = dedup_speed.START + timedelta(days=7)
    path = tmp_path_factory.mktemp("stored") / "window.db"
    dedup_speed.store_window(path, [signature(e, seen) for e in texts[:SIZE]]).close()
    return path, texts[SIZE:]


def unpacked(store: Store) -> StoryIndex:
    """The index as the rebuild before sp40 built it: each stored signature unpacked (``window_rows``), the
    missing ones computed, then ``load``."""
    rows = []
    for entry_id, story_id, event_id, seen, sig in store.recent_signatures(SINCE):
        rows.append((entry_id, story_id, event_id, seen, sig or signature(store.entry(entry_id), seen)))
    index = StoryIndex(window=WINDOW)
    index.load(rows)
    return index


def contents(index: StoryIndex) -> dict[str, object]:
    """Everything ``load`` fills, as plain values."""
    table, events = index._loaded, index.events
    assert table is not None
    stories = {
        story_id: (s.event_id, s.keywords, s.when, s.scripts, s.heads, s.outlet)
        for story_id, s in events._stories.items()
    }
    return {
        "docs": index._docs,
        "titles": (index._headlines.titles, index._headlines.ledes),
        "outlets": index._outlets.names,
        "table": (table.keys.tolist(), table.starts.tolist(), table.owners.tolist(), table._filter.tobytes()),
        "stories": stories,
        "df": dict(events._df),
        "postings": {word: found.tolist() for word, found in events._postings.items()},
        "numbers": (index._oldest, index._adds, events._top_story, events._most_df),
    }


def test_a_signature_loaded_as_stored_gives_the_index_its_unpacked_signature_gives(window):
    path, probes = window
    store = Store(path)
    try:
        # One row stored before signatures were kept, one of an earlier design: both computed in either path.
        store.conn.execute("UPDATE entries SET dedup_bands = NULL WHERE id = 7")
        store.conn.execute("UPDATE entries SET dedup_bands = X'5432000000' WHERE id = 9")
        loaded = rebuild_index(store, SINCE, WINDOW, backfill=False)
        reference = unpacked(store)
    finally:
        store.close()
    assert len(loaded) == SIZE
    assert contents(loaded) == contents(reference)
    words = [word for story in loaded.events._stories.values() for word in story.keywords]
    assert words and all(word is sys.intern(word) for word in words)  # one string per word, as before
    seen = dedup_speed.START + timedelta(days=7)
    for probe in probes:
        a, b = loaded.find(probe, seen), reference.find(probe, seen)
        assert (a.story_id, a.matched_entry, a.reason, a.event_id) == (
            b.story_id,
            b.matched_entry,
            b.reason,
            b.event_id,
        )


def _copy(window: tuple[Path, list], folder: Path) -> Path:
    """A copy of the window's database in ``folder``, for a test that changes it."""
    copy = folder / "copy.db"
    copy.write_bytes(window[0].read_bytes())
    return copy


def test_the_window_read_is_the_rows_first_seen_since_in_id_order(window, tmp_path):
    store = Store(_copy(window, tmp_path))
    try:
        # History before the window (the lowest ids), and a row whose first sighting is out of id order.
        old = iso(SINCE - timedelta(days=30))
        store.conn.execute("UPDATE entries SET first_seen = ? WHERE id <= 40 OR id = 120", [old])
        expected = [
            r[0] for r in store.conn.execute("SELECT id FROM entries WHERE first_seen >= ? ORDER BY id", [iso(SINCE)])
        ]
        assert expected[0] == 41 and 120 not in expected
        assert [r[0] for r in store.window_stored(SINCE)] == expected
        assert [r[0] for batch in store.window_batches(SINCE) for r in batch] == expected
        assert [r[0] for r in store.window_stored(SINCE, after=200)] == [i for i in expected if i > 200]
        assert store.window_stored(dedup_speed.START + timedelta(days=30)) == []  # an empty window
    finally:
        store.close()


def _before_hashes(path: Path) -> None:
    """The database at ``path`` as code before the keywords' hashes left it: no column, no trigger, the
    migration not recorded (opening it as a ``Store`` applies it again)."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DROP TRIGGER entries_keyword_hashes_au")
        conn.execute("ALTER TABLE entries DROP COLUMN dedup_keyword_hashes")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm019_dedup_keyword_hashes'")
    conn.close()


def test_a_window_stored_before_the_keyword_hashes_starts_with_the_same_index(window, tmp_path):
    copy = _copy(window, tmp_path)
    _before_hashes(copy)
    store = Store(copy)  # migrated: every row's hashes NULL
    try:
        assert store.conn.execute("SELECT count(dedup_keyword_hashes) FROM entries").fetchone()[0] == 0
        reference = contents(unpacked(store))
        assert contents(rebuild_index(store, SINCE, WINDOW, backfill=False)) == reference
        # Half the rows written since (with their hashes), half before: one window.
        sql = "SELECT id, dedup_keywords FROM entries WHERE id % 2 = 0"
        hashed = [(keyword_hashes(words or ""), entry_id) for entry_id, words in store.conn.execute(sql)]
        store.conn.executemany("UPDATE entries SET dedup_keyword_hashes = ? WHERE id = ?", hashed)
        assert contents(rebuild_index(store, SINCE, WINDOW, backfill=False)) == reference
    finally:
        store.close()


def test_keywords_written_without_their_hashes_lose_them(window, tmp_path):
    store = Store(_copy(window, tmp_path))
    try:
        held = "SELECT dedup_keyword_hashes FROM entries WHERE id = ?"
        # As code that does not know the hashes writes: the keywords alone.
        store.conn.execute("UPDATE entries SET dedup_keywords = 'lvrv 2026' WHERE id = 5")
        assert store.conn.execute(held, [5]).fetchone()[0] is None
        # As this code writes: both, kept; and a write that leaves the keywords as they were keeps them.
        store.conn.execute(
            "UPDATE entries SET dedup_keywords = 'lvrv 30', dedup_keyword_hashes = ? WHERE id = 6",
            [keyword_hashes("lvrv 30")],
        )
        store.conn.execute("UPDATE entries SET dedup_keywords = dedup_keywords, dedup_when = 0 WHERE id = 8")
        assert store.conn.execute(held, [6]).fetchone()[0] == keyword_hashes("lvrv 30")
        assert store.conn.execute(held, [8]).fetchone()[0] is not None
        index = rebuild_index(store, SINCE, WINDOW, backfill=False)
        assert index.events.keywords_of(5)[:2] == ("lvrv", "2026") and index.events.keywords_of(6)[:2] == ("lvrv", "30")
    finally:
        store.close()

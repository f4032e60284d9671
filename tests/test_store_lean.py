"""The store on its plain sqlite3 connection: sqlite-utils (click, dateutil, pluggy) is imported only
when a migration is due or one of its features is used; a database at the schema never needs it.
Transactions keep sqlite-utils' shape: a write inside an open one is a savepoint of it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from monitor.models import Entry
from monitor.store import Store
from monitor.store.migrations import _steps, migrations

NOW = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
FEED = "https://example.org/feed.xml"

# What a cycle asks of the store (feeds synced, polls recorded, an entry stored with its alert, the
# outbox's reads and writes, the search index caught up), then whether sqlite-utils came in;
# then ``db`` used once, to show that the check sees it when it does.
CYCLE = f"""
import sys
from datetime import UTC, datetime
from monitor.models import Entry
from monitor.store import Store
now = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
store = Store(sys.argv[1])
store.lock()
store.sync_feeds([({FEED!r}, "Example")])
store.feed_state({FEED!r})
store.record_fetch({FEED!r}, now, etag='"2"', new_entries=1)
entry = Entry({FEED!r}, "Example", "b", "https://example.org/b", "Second", "More text", "")
stored = store.add_entry(entry, now, None)
pending = store.pending_alerts(now)
store.mark_sent([a.id for a in pending], now)
assert store.entry(stored.entry_id).title == "Second"
store.known_versions({FEED!r}, ["a", "b"])
store.catch_up_fts()
print("after a cycle", "sqlite_utils" in sys.modules)
store.db.table("feeds").count
print("after db", "sqlite_utils" in sys.modules)
store.close()
"""


def _entry(key: str) -> Entry:
    return Entry(FEED, "Example", key, f"https://example.org/{key}", key.title(), "Some text", "")


def test_a_store_at_the_schema_works_without_importing_sqlite_utils(tmp_path: Path):
    path = tmp_path / "state.db"
    store = Store(path)  # a new database: migrated (with sqlite-utils), in this process
    store.sync_feeds([(FEED, "Example")])
    store.add_entry(_entry("a"), NOW, None)
    store.close()
    done = subprocess.run([sys.executable, "-c", CYCLE, str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["after a cycle False", "after db True"]


def test_a_database_behind_the_schema_is_migrated_when_the_store_opens(tmp_path: Path):
    path = tmp_path / "state.db"
    import sqlite_utils

    db = sqlite_utils.Database(sqlite3.connect(path, isolation_level=None))
    last = _steps[-1].__name__
    migrations().apply(db, stop_before=last)
    assert last not in {m.name for m in migrations().applied(db)}
    db.close()
    store = Store(path)
    assert [m.name for m in migrations().applied(store.db)] == [step.__name__ for step in _steps]
    assert store.due("prune", NOW, NOW - NOW.replace(hour=0))  # the last step's table is there
    store.close()


def test_a_failed_write_inside_a_transaction_undoes_only_itself(tmp_path: Path):
    store = Store(tmp_path / "state.db")
    with store.transaction():
        store.sync_feeds([("https://a.example/feed", "A")])
        with pytest.raises(ZeroDivisionError), store.transaction():
            store.sync_feeds([("https://b.example/feed", "B")])
            raise ZeroDivisionError
        store.sync_feeds([("https://c.example/feed", "C")])
    with pytest.raises(ZeroDivisionError), store.transaction():
        store.sync_feeds([("https://d.example/feed", "D")])
        raise ZeroDivisionError
    assert not store.conn.in_transaction
    assert [r[0] for r in store._rows("SELECT url FROM feeds ORDER BY url")] == [
        "https://a.example/feed",
        "https://c.example/feed",
    ]
    store.close()


def test_a_write_that_ends_the_whole_transaction_raises_its_own_error_and_keeps_nothing(tmp_path: Path):
    store = Store(tmp_path / "state.db")
    other = sqlite3.connect(tmp_path / "state.db")
    other.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON feeds WHEN NEW.url LIKE '%b.example%' "
        "BEGIN SELECT RAISE(ROLLBACK, 'refused'); END"
    )
    other.commit()
    other.close()
    # Not "no such savepoint": the savepoint went with the transaction, and nothing is undone twice.
    with pytest.raises(sqlite3.IntegrityError, match="refused"), store.transaction():
        store.sync_feeds([("https://a.example/feed", "A")])
        store.sync_feeds([("https://b.example/feed", "B")])
    assert not store.conn.in_transaction
    assert store._rows("SELECT url FROM feeds") == []
    store.close()

"""Start-up: the dedup index rebuilt from stored signatures, and from rows stored before them."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

from conftest import run_cli, serve_outlets, write_config

from monitor.dedup import StoryIndex
from monitor.dedup.rebuild import rebuild_index
from monitor.store import Store


def _contents(index: StoryIndex) -> dict[int, tuple[int, bytes, list[int]]]:
    # An entry loaded at start-up is found through the keys' table (``bulk.Postings``), not its record.
    keys: dict[int, list[int]] = {}
    table = index._loaded
    assert table is not None
    for key, start, end in zip(table.keys.tolist(), table.starts[:-1].tolist(), table.starts[1:].tolist(), strict=True):
        for owner in table.owners[start:end].tolist():
            keys.setdefault(owner, []).append(key)
    return {entry_id: (doc.story_id, doc.sample, keys[entry_id]) for entry_id, doc in index.stored()}


def test_rebuild_computes_missing_signatures_once_and_stores_them(tmp_path, feed_server):
    config = write_config(tmp_path, serve_outlets(feed_server), ["console://"])
    assert run_cli("--config", str(config), "run", "--once").returncode == 0
    since = datetime.now(UTC) - timedelta(days=7)
    store = Store(tmp_path / "state.db")
    try:
        stored = _contents(rebuild_index(store, since))
        assert stored
        # Rows written before signatures were kept: the rebuild computes the same ones.
        store.db.execute("UPDATE entries SET dedup_bands = NULL, dedup_lede = NULL")
        assert _contents(rebuild_index(store, since, backfill=False)) == stored
        assert all(sig is None for *_, sig in store.recent_signatures(since))
        assert _contents(rebuild_index(store, since)) == stored
        assert all(sig is not None for *_, sig in store.recent_signatures(since))  # written back
    finally:
        store.close()
    with sqlite3.connect(tmp_path / "state.db") as conn:
        assert conn.execute("SELECT count(*) FROM entries WHERE dedup_lede IS NULL").fetchone() == (0,)


def test_a_cycle_of_304s_builds_no_dedup_index_and_starts_no_parser_workers(tmp_path, feed_server):
    from monitor import runtime
    from monitor.config import load_config
    from monitor.pipeline import poll_all

    config = load_config(write_config(tmp_path, serve_outlets(feed_server), ["console://"]))
    first = runtime.build(config)
    try:
        assert sum(r.new_entries for r in poll_all(first)) > 0
        assert first._index is not None  # new entries: the index was built to decide them
        assert first.parser._pool is None  # a few small bodies: parsed in place (pool.INLINE_BYTES)
    finally:
        first.close()
    again = runtime.build(config)
    try:
        results = poll_all(again)  # the server answers 304 to every conditional GET
        assert results and all(r.not_modified and not r.error for r in results)
        assert again._index is None and again.parser._pool is None
        assert len(again.index) > 0  # built on first use, from the stored signatures
    finally:
        again.close()

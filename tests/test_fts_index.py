"""The full-text index of `rules test`, kept up to date by catch-up instead of a trigger per entry:
a backtest through the index sees what a full scan sees at every step (before and after a
catch-up, after updates, pruning and ids reused), and the index agrees with the entries table."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlite_utils

from monitor.models import Entry
from monitor.rules import RuleSet, load_rules
from monitor.rules.backtest import backtest, fts_query
from monitor.store import Store, migrations

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
RULE = "name: Envoys\nmatch:\n  all:\n    - any: [Kabul, Taliban]\n    - any: [envoy*]\n"


def entry(key: str, title: str, summary: str = "") -> Entry:
    return Entry(
        feed_url="https://a.example/rss",
        outlet="A",
        key=key,
        link=f"https://a.example/{key}",
        title=title,
        summary=summary,
        content="",
        published=NOW - timedelta(hours=1),
    )


def add(store: Store, key: str, title: str, summary: str = "") -> int:
    return store.add_entry(entry(key, title, summary), NOW, None).entry_id


@pytest.fixture
def rule(tmp_path: Path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "envoys.yaml").write_text(RULE)
    (loaded,) = load_rules([tmp_path / "rules"])
    return loaded


def matched(store: Store, rule, *, fts: bool) -> list[int]:
    query = fts_query(rule) if fts else None
    assert not fts or query
    return [entry_id for entry_id, _, _ in backtest(RuleSet([rule]), rule, store.history(None, query)).matches]


def indexed(store: Store, word: str) -> set[int]:
    rows = store.db.execute("SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?", [word]).fetchall()
    return {r[0] for r in rows}


def consistent(store: Store) -> None:
    """FTS5 checks its index against the entries table: every indexed entry's text, and nothing else."""
    marked = store.db.execute("SELECT indexed_to FROM fts_state").fetchone()[0]
    indexed_rows = store.db.execute("SELECT count(*) FROM entries_fts_docsize").fetchone()[0]
    stored = store.db.execute("SELECT count(*) FROM entries WHERE id <= ?", [marked]).fetchone()[0]
    assert indexed_rows == stored
    store.db.execute("INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)")


def test_a_backtest_through_the_index_sees_what_a_scan_sees_before_and_after_catch_up(tmp_path, rule):
    store = Store(tmp_path / "state.db")
    first = add(store, "1", "Taliban name an envoy to Moscow")
    add(store, "2", "Kabul weather")
    assert store.fts_behind() == 2
    assert matched(store, rule, fts=True) == matched(store, rule, fts=False) == [first]  # not indexed yet: scanned

    assert store.catch_up_fts() == 2
    assert store.catch_up_fts() == 0  # safe to call twice
    third = add(store, "3", "Kabul recalls its envoys")
    assert store.fts_behind() == 1
    assert matched(store, rule, fts=True) == matched(store, rule, fts=False) == [first, third]
    assert indexed(store, "envoy*") == {first}
    store.catch_up_fts()
    assert indexed(store, "envoy*") == {first, third}
    consistent(store)


def test_updates_and_pruning_keep_the_index_in_step(tmp_path, rule):
    store = Store(tmp_path / "state.db")
    one, two = add(store, "1", "Taliban name an envoy"), add(store, "2", "Kabul weather")
    store.catch_up_fts()
    new = entry("2", "Kabul sends an envoy", "Weather later")
    store.update_entry(two, new, NOW, content_hash="h2", reason="retitled")  # an indexed entry: re-indexed now
    unindexed = add(store, "3", "Kabul market")
    store.update_entry(unindexed, entry("3", "Kabul envoy at the market"), NOW, content_hash="h3", reason="retitled")

    assert indexed(store, "weather") == {two} and indexed(store, "envoy") == {one, two}
    assert matched(store, rule, fts=True) == matched(store, rule, fts=False) == [one, two, unindexed]
    store.catch_up_fts()
    assert indexed(store, "envoy") == {one, two, unindexed}
    consistent(store)

    assert store.prune(NOW + timedelta(days=1), NOW) == 3  # every entry, the newest included
    assert indexed(store, "envoy") == set()
    consistent(store)
    # SQLite numbers the next entries like the pruned ones: the index must not take them as indexed.
    again = add(store, "4", "Taliban envoy returns")
    assert again == one
    assert matched(store, rule, fts=True) == matched(store, rule, fts=False) == [again]
    store.catch_up_fts()
    assert indexed(store, "returns") == {again}
    consistent(store)


def test_a_database_indexed_by_the_old_triggers_is_taken_as_indexed(tmp_path, rule):
    path = tmp_path / "state.db"
    db = sqlite_utils.Database(sqlite3.connect(path, isolation_level=None))
    migrations().apply(db, stop_before="m009_rules_fts_lazy")  # before: a trigger indexed every insert
    db.execute("INSERT INTO stories (id, title) VALUES (1, 'x')")
    db.execute(
        "INSERT INTO entries (feed_url, key, title, summary, content, story_id) "
        "VALUES ('f', 'k', 'Taliban envoy', '', '', 1)"
    )
    db.close()

    store = Store(path)
    assert store.fts_behind() == 0 and indexed(store, "envoy") == {1}
    later = add(store, "2", "Kabul envoy")
    assert matched(store, rule, fts=True) == matched(store, rule, fts=False) == [1, later]
    store.catch_up_fts()
    consistent(store)

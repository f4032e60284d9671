"""Entries read exactly as stored are not converted again (``parse.raw_digest``, ``Store.unchanged_candidates``):
the same decisions, updates and alerts as converting every entry, and a database from before opens and works."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA, fill_dates, recent, write_config

from monitor import runtime
from monitor.config import load_config
from monitor.ingest.parse import parse_feed, raw_digest
from monitor.pipeline import poll

URL = "http://a.example/rss"
FEED = fill_dates((DATA / "feeds" / "outlet-a.xml").read_text(), recent()).encode()
RULES = "- name: Taliban\n  match: {any: [Taliban]}\n- name: Cup\n  match: {any: [cup]}\n"
NEW_ITEM = b"<item><title>Taliban envoy arrives</title><link>https://outlet-a.example/n1</link><guid>n1</guid></item>"


def _known(body: bytes) -> dict[bytes, str]:
    parsed = parse_feed(body, URL, "A")
    return {digest: key for key, digest in parsed.digests.items()}


def test_an_entry_read_as_stored_is_not_converted_and_keeps_its_key_and_date():
    whole = parse_feed(FEED, URL, "A")
    again = parse_feed(FEED, URL, "A", known=_known(FEED))
    assert again.entries == () and again.digests == {}
    assert again.every_key() == whole.every_key() and again.every_date() == whole.every_date()
    edited = FEED.replace(b"on Saturday evening", b"on Sunday evening")
    changed = parse_feed(edited, URL, "A", known=_known(FEED))
    assert [e.key for e in changed.entries] == ["guid:a-1002"]  # the edited story is converted, as before
    assert changed.entries == tuple(e for e in parse_feed(edited, URL, "A").entries if e.key == "guid:a-1002")
    assert sorted(changed.every_key()) == sorted(whole.every_key())


def test_a_repeated_key_keeps_its_first_occurrence_converted_or_not():
    first = FEED.split(b"<item>")[1].split(b"</item>")[0]
    repeated = FEED.replace(b"</channel>", b"<item>" + first.replace(b"Moscow", b"Kremlin") + b"</item></channel>")
    again = parse_feed(repeated, URL, "A", known=_known(FEED))
    assert again.entries == () and sorted(again.every_key()) == ["guid:a-1001", "guid:a-1002"]


RAW: dict[str, Any] = {
    "id": "g",
    "link": "https://x.example/a",
    "title": "T",
    "summary": "<p>S</p>",
    "content": [{"value": "<p>C</p>", "language": "en"}],
    "author": "A",
    "tags": [{"term": "t"}],
    "published_parsed": (2026, 1, 2, 3, 4, 5, 0, 2, 0),
    "updated_parsed": (2026, 1, 3, 3, 4, 5, 0, 3, 0),
    "created_parsed": (2026, 1, 4, 3, 4, 5, 0, 4, 0),
    "language": "en",
    "title_detail": {"language": "en"},
}
CHANGES: dict[str, Any] = {
    "id": "h",
    "link": "https://x.example/b",
    "title": "U",
    "summary": "<p>R</p>",
    "content": [{"value": "<p>D</p>", "language": "en"}],
    "author": "B",
    "tags": [{"term": "u"}],
    "published_parsed": None,
    "updated_parsed": (2026, 1, 5, 3, 4, 5, 0, 5, 0),
    "created_parsed": None,
    "language": "de",
    "title_detail": {"language": "de"},
}


@pytest.mark.parametrize("field", sorted(CHANGES))
def test_the_digest_changes_with_every_field_the_conversion_reads(field):
    assert raw_digest(RAW, "A", "https://x.example/", "en") != raw_digest(
        {**RAW, field: CHANGES[field]}, "A", "https://x.example/", "en"
    )


def test_the_digest_changes_with_the_feed_values_the_conversion_is_given():
    digest = raw_digest(RAW, "A", "https://x.example/", "en")
    assert digest != raw_digest(RAW, "B", "https://x.example/", "en")
    assert digest != raw_digest(RAW, "A", "https://y.example/", "en")
    assert digest != raw_digest(RAW, "A", "https://x.example/", "de")
    assert raw_digest({**RAW, "content": [{"value": "<p>C</p>", "language": "fr"}]}, "A", "", "") != raw_digest(
        RAW, "A", "", ""
    )


def _cycles(folder: Path, feed_server: Any, skip: bool) -> tuple[list[tuple[int, int]], list[tuple[Any, ...]]]:
    """Three polls (first, a new item and an edited story, the same body again): the new entries and alerts of
    each, and the stored rows. ``skip`` False: every entry converted, as before raw digests."""
    folder.mkdir()
    feed_server.put("/a.xml", FEED.decode())
    config = load_config(write_config(folder, [feed_server.url("/a.xml")], ["json://127.0.0.1:9/x"], rules=RULES))
    pipeline = runtime.build(config)
    if not skip:
        pipeline.store.unchanged_candidates = lambda url: {}  # type: ignore[method-assign]
    edited = FEED.replace(b"cup on Saturday evening", b"cup on Sunday evening, a first").replace(
        b"<item>", NEW_ITEM + b"<item>", 1
    )
    try:
        results = [poll(pipeline, config.feeds[0])]
        feed_server.put("/a.xml", edited.decode())
        results.append(poll(pipeline, config.feeds[0]))
        feed_server.put("/a.xml", edited.decode() + " ")  # another body, the same entries
        results.append(poll(pipeline, config.feeds[0]))
        rows = pipeline.store._rows(
            "SELECT key, title, summary, content, story_id, update_reason, raw_digest IS NOT NULL FROM entries "
            "ORDER BY id"
        )
        alerts = pipeline.store._rows("SELECT rule, story_id, kind FROM alerts ORDER BY id")
    finally:
        pipeline.close()
    return [(r.new_entries, r.alerts) for r in results], [*rows, *alerts]


def test_polls_that_skip_stored_entries_decide_update_and_alert_as_polls_that_convert_them(tmp_path, feed_server):
    skipping = _cycles(tmp_path / "a", feed_server, skip=True)
    converting = _cycles(tmp_path / "b", feed_server, skip=False)
    assert skipping[0] == converting[0] == [(2, 2), (1, 1), (0, 0)]
    assert [row[:-1] for row in skipping[1]] == [row[:-1] for row in converting[1]]
    edited = [row for row in skipping[1] if row[0] == "guid:a-1002"]
    assert edited and "Sunday" in edited[0][2] and edited[0][5]  # the edited story was updated


def test_a_database_from_before_raw_digests_opens_and_fills_them(tmp_path, feed_server):
    feed_server.put("/a.xml", FEED.decode())
    config = load_config(write_config(tmp_path, [feed_server.url("/a.xml")], ["json://127.0.0.1:9/x"], rules=RULES))
    pipeline = runtime.build(config)
    try:
        assert poll(pipeline, config.feeds[0]).new_entries == 2
    finally:
        pipeline.close()
    # As the previous version left it: no raw_digest column, its migration not recorded.
    with sqlite3.connect(tmp_path / "state.db") as conn:
        conn.execute("ALTER TABLE entries DROP COLUMN raw_digest")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm018_entries_raw_digest'")
    conn.close()
    pipeline = runtime.build(config)
    try:
        assert pipeline.store._rows("SELECT count(*) FROM entries WHERE raw_digest IS NULL") == [(2,)]
        feed_server.put("/a.xml", FEED.replace(b"<item>", NEW_ITEM + b"<item>", 1).decode())
        assert poll(pipeline, config.feeds[0]).new_entries == 1
        assert pipeline.store._rows("SELECT count(*) FROM entries WHERE raw_digest IS NULL") == [(0,)]
        assert len(pipeline.store.unchanged_candidates(config.feeds[0].url)) == 3
    finally:
        pipeline.close()

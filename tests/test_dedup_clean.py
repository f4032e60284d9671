"""Text as the copy carries it: wrapping recognised by shape, spellings folded, and the stored
signature format (older blobs are recomputed, never misread)."""

from __future__ import annotations

import sqlite3
import struct
from datetime import UTC, datetime, timedelta

import pytest
from conftest import run_cli, serve_outlets, write_config

from monitor.dedup.clean import BYLINE, DATELINE, TRUNCATED, clean, spelling
from monitor.dedup.rebuild import rebuild_index
from monitor.dedup.signature import Signature
from monitor.store import Store
from monitor.text import script_tokens, without_spaces


@pytest.mark.parametrize(
    ("body", "text", "flags"),
    [
        ("ASHGABAT, Dec 2 (Global Wire) - Talks went on.", "Talks went on.", DATELINE),
        ("Kabul, Dec. 2 (Reuters) - Talks went on.", "Talks went on.", DATELINE),
        ("NEW YORK — Stocks fell.", "Stocks fell.", DATELINE),
        ("BERLIN (dpa) – Stocks fell.", "Stocks fell.", DATELINE),
        ("МОСКВА, 3 марта. /ТАСС/. Россия признала.", "Россия признала.", DATELINE),
        ("【ワシントン共同】米国は", "米国は", DATELINE),
        ("By Ann Lee | World Desk\nKABUL — Talks.", "Talks.", BYLINE | DATELINE),
        ("By Ann Lee, Global Wire\nTalks.", "Talks.", BYLINE),
        ("By Steppe Courier staff\nTalks.", "Talks.", BYLINE),
        ("By Ann Lee KABUL, Dec 2 (Reuters) - Talks.", "Talks.", BYLINE | DATELINE),
        ("Talks went on in Kabul.The next day, more.", "Talks went on in Kabul.\nThe next day, more.", 0),
        ("Talks went on. … Read More", "Talks went on", TRUNCATED),
        ("Talks went on. [&#8230;]", "Talks went on", TRUNCATED),
        ("Talks went on.\nContinue reading", "Talks went on", TRUNCATED),
        ("Talks went on. The post Talks appeared first on Daily.", "Talks went on", TRUNCATED),
        ("Talks went on and the minister pres…", "Talks went on and the minister", TRUNCATED),
        ("Talks went on.\nSource link\nCopyright 2026 X. All rights reserved.", "Talks went on.", 0),
        ("Talks went on.\nWed, 05/29/2024 - 04:27", "Talks went on.", 0),
        ("Afghanistan&#8217;s &ldquo;talks&rdquo;.", 'Afghanistan\'s "talks".', 0),  # escaped twice on the way
    ],
)
def test_wrapping_is_recognised_by_its_shape(body, text, flags):
    assert clean(body) == (clean(body).__class__(text, flags))


@pytest.mark.parametrize(
    "body",
    [
        "By the end of the year, prices rose.",  # "By" opening a sentence is no byline
        "Kabul is calm: residents said so.",  # a colon after words is no dateline
        "The United States said on Monday.",
    ],
)
def test_sentences_that_look_like_wrapping_are_kept(body):
    assert clean(body).text == body and clean(body).flags == 0


def test_us_and_uk_spellings_fold_to_one_form():
    pairs = [
        ("recognised", "recognized"),
        ("analyse", "analyze"),
        ("labour", "labor"),
        ("defence", "defense"),
        ("catalogue", "catalog"),
        ("travelled", "traveled"),
        ("centre", "center"),
    ]
    for uk, us in pairs:
        assert spelling(uk) == spelling(us), (uk, us)
    assert spelling("hour") == "hour" and spelling("four") != spelling("for")


def test_one_script_table_serves_tokens_and_rules():
    """Thai is written without spaces for dedup exactly as for rules (issue 12)."""
    assert without_spaces("ไ") and without_spaces("タ") and not without_spaces("a")
    assert script_tokens("ไทย abc") == ["ไ", "ท", "ย", "abc"]


def test_a_signature_of_the_earlier_design_is_recomputed_on_start(tmp_path, feed_server):
    """Databases made by the MinHash design: their 80-byte band blobs are not misread as this
    design's signatures; the start-up rebuild computes signatures again and stores them."""
    config = write_config(tmp_path, serve_outlets(feed_server), ["console://"])
    assert run_cli("--config", str(config), "run", "--once").returncode == 0
    since = datetime.now(UTC) - timedelta(days=7)
    with sqlite3.connect(tmp_path / "state.db") as conn:
        decisions = conn.execute("SELECT id, story_id, dedup_reason FROM entries ORDER BY id").fetchall()
        old_bands = struct.pack("<10q", *range(10))  # the earlier design's blob: ten 64-bit band keys
        conn.execute("UPDATE entries SET dedup_bands = ?", [old_bands])
    assert Signature.unpack(old_bands, "lede", (), 0.0, "") is None
    store = Store(tmp_path / "state.db")
    try:
        assert all(sig is None for *_, sig in store.recent_signatures(since))
        index = rebuild_index(store, since)
        assert len(index) == len(decisions)
        assert all(sig is not None for *_, sig in store.recent_signatures(since))  # written back
    finally:
        store.close()
    with sqlite3.connect(tmp_path / "state.db") as conn:
        # The stored decisions are kept as they were.
        assert conn.execute("SELECT id, story_id, dedup_reason FROM entries ORDER BY id").fetchall() == decisions

"""The dedup index a run keeps for the next (``pipeline/kept.py``): taken only when the window is the one
kept, row for row, and then deciding as a rebuild does; never trusted to run code."""

from __future__ import annotations

import os
import pickle
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from conftest import run_cli, write_config
from delivery_support import ZEBRA_RULE

from monitor import runtime
from monitor.config import load_config
from monitor.demo.feedserver import FeedServer
from monitor.pipeline import poll_all
from monitor.pipeline.kept import Kept

PLACES = ("Kellbach", "Orwin", "Tessary", "Molde Ridge", "Pallas Bay", "Usterholm", "Varn", "Quillon")
WORDS = [
    "council",
    "depot",
    "budget",
    "harbour",
    "ferry",
    "school",
    "bridge",
    "tender",
    "vote",
    "roof",
    "grant",
    "audit",
    "line",
]


def _story(n: int) -> tuple[str, str]:
    """A story of its own: a place, numbers and a run of words no other story shares in that order."""
    place = PLACES[n]
    words = " ".join(WORDS[(n + i * 3) % len(WORDS)] for i in range(40))
    body = (
        f"{place} officials said on Tuesday that the {WORDS[n]} plan will cost {n + 3}.{n} million after a "
        f"vote of {20 + n} to {n + 1}. {words}. Residents of {place} may object until the {n + 10}th."
    )
    return f"{place} approves the {WORDS[n]} plan after a long debate", body


def _rss(items: list[tuple[str, str, str]], when: datetime) -> str:
    """An RSS feed of (guid, title, body) items, newest first."""
    parts = []
    for k, (guid, title, body) in enumerate(items):
        date = (when - timedelta(minutes=k)).strftime("%a, %d %b %Y %H:%M:%S +0000")
        parts.append(
            f"<item><guid>{guid}</guid><title>{title}</title><link>https://x.example/{guid}</link>"
            f"<pubDate>{date}</pubDate><description>{body}</description></item>"
        )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{"".join(parts)}</channel></rss>'


def _publish(server: FeedServer, wire: list[int], relay: list[int]) -> None:
    """The wire's own stories, and the relay's copies of some of them (a line of its own on top)."""
    when = datetime.now(UTC) - timedelta(hours=1)
    own = [(f"w{n}", *_story(n)) for n in wire]
    copies = [(f"r{n}", _story(n)[0], "From our partners. " + _story(n)[1]) for n in relay]
    server.put("/wire.xml", _rss(own, when))
    server.put("/relay.xml", _rss(copies, when))


ONE_AT_A_TIME = "[polling]\nconcurrency = 1"  # the feeds in the same order in both runs
DECISIONS = (
    "SELECT e.key, e.story_id, e.duplicate_of, round(e.dedup_score, 6), e.dedup_reason, s.event_id, s.event_reason"
    " FROM entries e JOIN stories s ON s.id = e.story_id ORDER BY e.id"
)


def _decisions(database: Path) -> list[tuple]:
    with sqlite3.connect(database) as conn:
        rows = conn.execute(DECISIONS).fetchall()
    conn.close()
    return rows


def _once(config: Path) -> str:
    done = run_cli("--config", str(config), "--log-level", "debug", "run", "--once")
    assert done.returncode == 0, done.stderr
    return done.stderr


def test_the_next_runs_take_the_kept_index_and_decide_as_a_rebuild_does(tmp_path):
    kept_run, rebuilt_run = tmp_path / "kept", tmp_path / "rebuilt"
    kept_run.mkdir()
    with FeedServer() as server:
        urls = [server.url("/wire.xml"), server.url("/relay.xml")]
        config = write_config(kept_run, urls, ["json://127.0.0.1:9/x"], extra=ONE_AT_A_TIME, rules=ZEBRA_RULE)
        _publish(server, wire=[0, 1, 2, 3], relay=[0])
        _once(config)
        kept = kept_run / "state.db.window"
        assert kept.exists() and kept.stat().st_mode & 0o077 == 0
        shutil.copytree(kept_run, rebuilt_run)
        logs = []
        # Copies of old and new stories: the second run appends its rows to the file, the third reads them.
        for wire, relay in (([4, 5, 0, 1, 2, 3], [1, 4, 0]), ([6, 7, 4, 5, 0, 1], [2, 5, 6, 1, 4])):
            _publish(server, wire, relay)
            (rebuilt_run / "state.db.window").unlink(missing_ok=True)
            logs.append(_once(config))
            rebuilt = _once(
                write_config(rebuilt_run, urls, ["json://127.0.0.1:9/x"], extra=ONE_AT_A_TIME, rules=ZEBRA_RULE)
            )
            assert "read from" not in rebuilt
            assert _decisions(kept_run / "state.db") == _decisions(rebuilt_run / "state.db")
    assert "dedup index of 5 entries read from" in logs[0]  # the window after the first run: 4 + 1 copy
    assert "dedup index of 9 entries read from" in logs[1]  # and the 2 + 2 the second stored
    joined = {row[0] for row in _decisions(kept_run / "state.db") if row[2] is not None}
    assert joined == {f"guid:r{n}" for n in (0, 1, 2, 4, 5, 6)}  # every copy was found


def _built(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A store with a window of entries from a real poll, its index built, and a Kept for it."""
    server = FeedServer().__enter__()
    _publish(server, wire=[0, 1, 2], relay=[0, 1])
    config = load_config(
        write_config(tmp_path, [server.url("/wire.xml"), server.url("/relay.xml")], [], rules=ZEBRA_RULE)
    )
    p = runtime.build(config)
    poll_all(p)
    assert len(p.index) == 5
    return server, p


def test_a_window_changed_after_the_index_was_kept_is_rebuilt(tmp_path):
    server, p = _built(tmp_path)
    try:
        p.keep_index()
        path = tmp_path / "state.db.window"
        key = p.kept.key if p.kept else ""
        since = datetime.now(UTC) - timedelta(days=7)
        assert Kept(path, key).load(p.store, since) is not None
        assert Kept(path, "another version").load(p.store, since) is None
        changes = p.store.window_changes()
        with p.store.transaction() as db:  # writes that change nothing the rebuild reads count nothing
            db.execute("UPDATE entries SET dedup_lede = dedup_lede, title = 'retitled' WHERE id = 2")
            db.execute("UPDATE stories SET title = 'retitled'")
        assert p.store.window_changes() == changes
        assert Kept(path, key).load(p.store, since) is not None
        assert Kept(path, key).load(p.store, datetime.now(UTC) + timedelta(minutes=1)) is None  # aged out
        edits = [  # another command edits what the index was built from: each one a miss
            "UPDATE entries SET dedup_lede = 'edited' WHERE id = 2",
            "UPDATE entries SET outlet = 'Elsewhere' WHERE id = 3",
            "UPDATE entries SET link = 'https://elsewhere.example/moved' WHERE id = 3",  # m020: a teaser's target
            "UPDATE entries SET story_id = (SELECT max(s.id) FROM stories s WHERE s.id <> story_id) WHERE id = 4",
            "UPDATE stories SET event_id = 999999 WHERE id = (SELECT min(id) FROM stories)",
            "DELETE FROM entries WHERE id = (SELECT max(id) FROM entries)",  # its id comes back with the next row
        ]
        for edit in edits:
            with p.store.transaction() as db:
                db.execute(edit)
            assert p.store.window_changes() == changes + 1, edit
            assert Kept(path, key).load(p.store, since) is None, edit
            again = Kept(path, key)  # kept again for the window as it is now: taken again
            again.build(p.store, since, timedelta(days=7), backfill=False)
            again.save(p.store, datetime.now(UTC), timedelta(days=7))
            assert Kept(path, key).load(p.store, since) is not None, edit
            changes += 1
    finally:
        p.close()
        server.__exit__(None, None, None)


def test_a_window_about_to_age_out_is_not_kept(tmp_path):
    server, p = _built(tmp_path)
    try:
        p.index  # built in this run  # noqa: B018
        kept = p.kept
        assert kept is not None
        kept.save(p.store, datetime.now(UTC) + timedelta(days=7) - timedelta(minutes=30), timedelta(days=7))
        assert not (tmp_path / "state.db.window").exists()
    finally:
        p.close()
        server.__exit__(None, None, None)


class _Planted:
    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (os.system, ("touch planted",))


def test_a_kept_file_that_would_run_code_is_a_miss_and_runs_nothing(tmp_path, monkeypatch):
    server, p = _built(tmp_path)
    try:
        p.keep_index()
        path = tmp_path / "state.db.window"
        data = pickle.dumps(_Planted())
        head = path.read_bytes()
        first = int.from_bytes(head[:8], "little")
        path.write_bytes(head[: 8 + first] + len(data).to_bytes(8, "little") + data)  # the index swapped
        monkeypatch.chdir(tmp_path)
        key = p.kept.key if p.kept else ""
        assert Kept(path, key).load(p.store, datetime.now(UTC) - timedelta(days=7)) is None
        assert not (tmp_path / "planted").exists()
    finally:
        p.close()
        server.__exit__(None, None, None)


def test_a_kept_file_cut_short_or_claiming_more_than_it_holds_is_a_miss(tmp_path):
    server, p = _built(tmp_path)
    try:
        p.keep_index()
        path = tmp_path / "state.db.window"
        whole = path.read_bytes()
        key = p.kept.key if p.kept else ""
        since = datetime.now(UTC) - timedelta(days=7)
        assert Kept(path, key).load(p.store, since) is not None
        # A write the machine did not finish; a head cut inside its length; a part longer than the file.
        for broken in (whole[:-1], whole[:5], whole + (1 << 62).to_bytes(8, "little") + b"x"):
            path.write_bytes(broken)
            assert Kept(path, key).load(p.store, since) is None
    finally:
        p.close()
        server.__exit__(None, None, None)


def test_a_run_that_updates_a_known_entry_keeps_nothing_and_the_next_writes_it_whole(tmp_path):
    with FeedServer() as server:
        config = write_config(
            tmp_path, [server.url("/wire.xml"), server.url("/relay.xml")], [], extra=ONE_AT_A_TIME, rules=ZEBRA_RULE
        )
        _publish(server, wire=[0, 1, 2], relay=[0])
        _once(config)
        kept = tmp_path / "state.db.window"
        assert kept.exists()
        title, body = _story(1)
        when = datetime.now(UTC) - timedelta(hours=1)
        server.put("/wire.xml", _rss([("w3", *_story(3)), ("w1", title, body + " Updated: 41 now object.")], when))
        assert "updated" in _once(config)  # re-signed in the index: a rebuild would read it in its place
        assert not kept.exists()
        server.put("/wire.xml", _rss([("w4", *_story(4)), ("w3", *_story(3))], when))
        assert "read from" not in _once(config)
        assert kept.exists()

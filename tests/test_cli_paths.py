"""Paths the README promises that only a real process shows: `feeds enable`, `feeds remove`,
a raw-deflate body, a Retry-After given as an HTTP date. Each through `python -m monitor`
against a real feed server, state read back from the real SQLite file."""

from __future__ import annotations

import sqlite3
import zlib
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler

from conftest import recent, run_cli, write_config

RULE = "name: Zebra\nmatch:\n  any: [zebra]\n"


def zebra_feed(tag: str) -> bytes:
    when = format_datetime(recent())
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{tag}</title>'
        f"<item><title>Zebra seen by {tag}</title><guid>{tag}-1</guid><link>https://{tag}.example/1</link>"
        f"<pubDate>{when}</pubDate><description>A zebra, reported by {tag}.</description></item>"
        "</channel></rss>"
    ).encode()


def deflated(body: bytes, wbits: int) -> bytes:
    """Deflate-compressed: wbits -15 raw (no header, what some servers send), 15 zlib-wrapped (RFC 9110)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    return packer.compress(body) + packer.flush()


def reply(status: int, body: bytes = b"", **headers: str):  # type: ignore[no-untyped-def]
    def handle(request: BaseHTTPRequestHandler) -> None:
        request.send_response(status)
        for name, value in headers.items():
            request.send_header(name.replace("_", "-"), value)
        request.send_header("Content-Type", "application/rss+xml")
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    return handle


def feeds(db) -> dict[str, dict]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return {row["url"]: dict(row) for row in conn.execute("SELECT * FROM feeds")}


def entry_titles(db) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(row[0] for row in conn.execute("SELECT title FROM entries"))


def test_raw_and_zlib_deflate_bodies_are_read(tmp_path, feed_server, json_receiver):
    """Mutation tried: no raw-deflate fallback in ingest/fetch.py (``_Inflater`` raising on the
    first zlib error whatever the coding): the raw feed fails and this test fails."""
    feed_server.route("/raw.xml", reply(200, deflated(zebra_feed("raw"), -15), Content_Encoding="deflate"))
    feed_server.route("/wrapped.xml", reply(200, deflated(zebra_feed("wrapped"), 15), Content_Encoding="deflate"))
    config = write_config(
        tmp_path, [feed_server.url("/raw.xml"), feed_server.url("/wrapped.xml")], [json_receiver.url], rules=RULE
    )

    result = run_cli("--config", str(config), "run", "--once")

    assert result.returncode == 0, result.stderr
    assert entry_titles(tmp_path / "state.db") == ["Zebra seen by raw", "Zebra seen by wrapped"]
    assert sorted(json_receiver.titles()) == ["[Zebra] Zebra seen by raw", "[Zebra] Zebra seen by wrapped"]
    assert {row["error_count"] for row in feeds(tmp_path / "state.db").values()} == {0}


def test_retry_after_as_an_http_date_sets_the_next_poll(tmp_path, feed_server, json_receiver):
    """RFC 9110 allows Retry-After as seconds or as an HTTP date; the date form is honoured.

    Mutation tried: ``_retry_after`` returning None for a date: the next poll falls back to
    the first backoff step (about a minute) and this test fails.
    """
    later = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=2)
    feed_server.route("/busy.xml", reply(503, Retry_After=format_datetime(later, usegmt=True)))
    config = write_config(tmp_path, [feed_server.url("/busy.xml")], [json_receiver.url], rules=RULE)

    result = run_cli("--config", str(config), "run", "--once")

    assert result.returncode == 0, result.stderr
    assert "HTTP 503" in result.stderr
    row = feeds(tmp_path / "state.db")[feed_server.url("/busy.xml")]
    next_poll = datetime.fromisoformat(row["next_poll"])
    # The date, give or take the seconds the run took (the header has whole seconds).
    assert later - timedelta(minutes=2) <= next_poll <= later + timedelta(minutes=1), (row["next_poll"], later)


def test_feeds_enable_polls_a_gone_feed_again(tmp_path, feed_server, json_receiver):
    """Mutation tried: ``feeds enable`` not resetting the status (the update line removed):
    the feed stays "gone", is not polled, and this test fails."""
    feed_server.route("/moving.xml", reply(410))
    url = feed_server.url("/moving.xml")
    config = write_config(tmp_path, [url], [json_receiver.url], rules=RULE)
    cli = ("--config", str(config))

    assert run_cli(*cli, "run", "--once").returncode == 0
    assert feeds(tmp_path / "state.db")[url]["status"] == "gone"
    refused = run_cli(*cli, "feeds", "enable", feed_server.url("/other.xml"))
    del feed_server.routes["/moving.xml"]
    feed_server.put("/moving.xml", zebra_feed("back"))
    assert run_cli(*cli, "run", "--once").returncode == 0
    assert feed_server.hits["/moving.xml"] == 1  # disabled: not polled, even by run --once

    enabled = run_cli(*cli, "feeds", "enable", url)
    listed = run_cli(*cli, "feeds", "list")
    polled = run_cli(*cli, "run", "--once")

    assert refused.returncode == 1 and "is not a disabled feed: see `monitor feeds list`" in refused.stderr
    assert enabled.returncode == 0, enabled.stderr
    assert enabled.stdout.startswith(f"enabled {url}; a running daemon polls it after a reload")
    assert "gone" not in listed.stdout.splitlines()[1]
    assert polled.returncode == 0, polled.stderr
    assert feed_server.hits["/moving.xml"] == 2
    assert feeds(tmp_path / "state.db")[url]["status"] == "ok"
    assert json_receiver.titles() == ["[monitor] feed gone: Moving", "[Zebra] Zebra seen by back"]


def test_feeds_remove_forgets_a_command_feed_and_refuses_config_feeds(tmp_path, feed_server, json_receiver):
    """Mutation tried: ``remove_feed`` deleting nothing (``source = 'none'``): "is not a command
    feed" for a feed just added, and this test fails."""
    feed_server.put("/kept.xml", zebra_feed("kept"))
    feed_server.put("/added.xml", zebra_feed("added"))
    kept, added = feed_server.url("/kept.xml"), feed_server.url("/added.xml")
    config = write_config(tmp_path, [kept], [json_receiver.url], rules=RULE)
    cli = ("--config", str(config))
    assert run_cli(*cli, "feeds", "add", added, "--name", "Added").returncode == 0
    assert run_cli(*cli, "run", "--once").returncode == 0
    assert feed_server.hits == {"/kept.xml": 1, "/added.xml": 1}

    removed = run_cli(*cli, "feeds", "remove", added)
    again = run_cli(*cli, "feeds", "remove", added)
    config_feed = run_cli(*cli, "feeds", "remove", kept)
    listed = run_cli(*cli, "feeds", "list")
    feed_server.put("/added.xml", zebra_feed("added") + b"\n")  # changed: it would be fetched in full
    assert run_cli(*cli, "run", "--once").returncode == 0

    assert removed.returncode == 0, removed.stderr
    assert removed.stdout.startswith(f"removed {added}; a running daemon polls it after a reload")
    assert again.returncode == 1 and f"{added} is not a command feed" in again.stderr
    assert config_feed.returncode == 1
    assert f"{kept} is a config feed: remove its [[feeds]] entry from {config}" in config_feed.stderr
    assert [line.split()[0] for line in listed.stdout.splitlines()[1:]] == ["Kept"]
    assert feed_server.hits == {"/kept.xml": 2, "/added.xml": 1}  # the removed feed is not polled
    assert set(feeds(tmp_path / "state.db")) == {kept}
    assert entry_titles(tmp_path / "state.db") == ["Zebra seen by added", "Zebra seen by kept"]  # entries stay

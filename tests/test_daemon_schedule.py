"""Issue 18, points 1-3, against the real daemon (a child process): a start or a reload re-plans every
feed within the new bounds and the database shows the real next poll; a reload never books a second
poll of a feed whose poll is under way."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from conftest import run_cli, write_config
from test_daemon import feeds_table, rss, wait_for

from monitor.demo.feedserver import FeedServer
from monitor.store import from_iso

FAST = '[polling]\ninterval = "1s"\nmin_interval = "1s"\nmax_interval = "2s"\njitter = "0.05s"\n'


@contextmanager
def daemon(config: Path, log: Path) -> Iterator[subprocess.Popen[bytes]]:
    env = {**os.environ, "NOTIFY_SOCKET": "", "WATCHDOG_USEC": "1000000"}  # a 0.5 s tick: reloads come quickly
    with open(log, "w") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "monitor", "--config", str(config), "run"], stderr=stderr, env=env, cwd="/"
        )
    try:
        wait_for(lambda: "daemon started" in log.read_text(), "the daemon to start")
        yield process
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    assert "Traceback" not in log.read_text(), log.read_text()


def next_poll_in(db: Path, name: str) -> float:
    """Seconds from now to the feed's stored next poll."""
    return (from_iso(feeds_table(db)[name]["next_poll"]).timestamp()) - time.time()


def test_a_restart_replans_feeds_booked_under_wider_bounds(tmp_path: Path, feed_server: FeedServer):
    feed_server.put("/wire.xml", rss(("w1", "Quiet wire")))
    config = write_config(tmp_path, [feed_server.url("/wire.xml")], ["json://127.0.0.1:9/"], rules="")
    slow = config.read_text().replace("[[feeds]]", '[polling]\ninterval = "1h"\n[[feeds]]', 1)
    config.write_text(slow)
    assert run_cli("--config", str(config), "run", "--once").returncode == 0
    db = tmp_path / "state.db"
    assert next_poll_in(db, "Wire") > 3000  # booked an hour ahead

    config.write_text(slow.replace('[polling]\ninterval = "1h"\n', FAST))
    hits = feed_server.hits["/wire.xml"]
    with daemon(config, tmp_path / "daemon.log"):
        # Before: the daemon waited out the hour booked under the old config.
        wait_for(lambda: feed_server.hits["/wire.xml"] >= hits + 2, "polls under the new bounds", timeout=10)
        assert next_poll_in(db, "Wire") < 5
    listed = run_cli("--config", str(config), "feeds", "list").stdout
    assert " in 1h" not in listed and " in 59m" not in listed, listed


def test_a_reload_replans_a_pinned_interval_and_stores_it(tmp_path: Path, feed_server: FeedServer):
    feed_server.put("/pinned.xml", rss(("p1", "Pinned")))
    config = write_config(tmp_path, [feed_server.url("/pinned.xml")], ["json://127.0.0.1:9/"], rules="")
    hourly = config.read_text() + 'interval = "1h"\n'
    config.write_text(hourly)
    db, log = tmp_path / "state.db", tmp_path / "daemon.log"
    with daemon(config, log) as process:
        wait_for(lambda: feeds_table(db)["Pinned"]["last_success"], "the first poll")
        assert next_poll_in(db, "Pinned") > 3000
        hits = feed_server.hits["/pinned.xml"]
        config.write_text(hourly.replace('"1h"', '"4s"'))
        process.send_signal(signal.SIGHUP)
        wait_for(lambda: "reloaded" in log.read_text(), "the reload")
        # Before: `feeds list` kept showing the hour until the next poll happened to write a time.
        assert next_poll_in(db, "Pinned") < 5
        wait_for(lambda: feed_server.hits["/pinned.xml"] > hits, "a poll at the new interval", timeout=8)


def test_a_reload_during_a_poll_keeps_its_slot(tmp_path: Path, feed_server: FeedServer):
    started: list[float] = []

    def slow(request: BaseHTTPRequestHandler) -> None:
        started.append(time.monotonic())
        time.sleep(3)
        body = rss(("s1", "Slow")).encode()
        request.send_response(200)
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    feed_server.route("/slow.xml", slow)
    config = write_config(tmp_path, [feed_server.url("/slow.xml")], ["json://127.0.0.1:9/"], rules="")
    hourly = config.read_text() + 'interval = "1h"\n'
    config.write_text(hourly)
    db, log = tmp_path / "state.db", tmp_path / "daemon.log"
    with daemon(config, log) as process:
        wait_for(lambda: started, "the slow poll to start")
        config.write_text(hourly.replace('"1h"', '"30m"'))  # the feed changes: the re-plan considers it
        process.send_signal(signal.SIGHUP)
        wait_for(lambda: "reloaded" in log.read_text(), "the reload")
        wait_for(lambda: feeds_table(db)["Slow"]["last_success"], "the slow poll to end")
        time.sleep(1.5)
        # The poll that ended booked the next one under the new interval; nothing else was booked.
        assert 1500 < next_poll_in(db, "Slow") < 1900
    assert len(started) == 1, started
    assert "maximum number of running instances" not in log.read_text(), log.read_text()

"""The daemon itself (`monitor run`, a child process) against a real feed server whose feeds
change while it runs, a real webhook, a real datagram socket as $NOTIFY_SOCKET and the
real /healthz and /metrics endpoint. Intervals are sub-second through the config."""

from __future__ import annotations

import itertools
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from conftest import run_cli, write_config

from monitor.demo.feedserver import FeedServer

RULE = """
name: Taliban
match:
  any: ["Taliban"]
"""
BROKEN_RULE = "name: Broken\nmatch:\n  al: [Taliban]\n"


def rss(*items: tuple[str, str]) -> str:
    now = datetime.now(UTC).strftime("%a, %d %b %Y %H:%M:%S +0000")
    body = "".join(
        f"<item><title>{title}</title><guid>{guid}</guid><link>https://x.example/{guid}</link>"
        f"<pubDate>{now}</pubDate><description>{title}.</description></item>"
        for guid, title in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>X</title>{body}</channel></rss>'


def wait_for(condition: Callable[[], object], what: str, timeout: float = 30.0) -> None:
    # Generous: the suite runs beside other work on two cores; a pass costs only the time it needs.
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


class NotifySocket:
    """A datagram socket standing in for systemd's $NOTIFY_SOCKET; collects every message."""

    def __init__(self, path: Path):
        self.path = path
        self.messages: list[str] = []
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(path))
        self.sock.settimeout(0.2)
        self._stop = False
        self._thread = threading.Thread(target=self._receive, daemon=True)
        self._thread.start()

    def _receive(self) -> None:
        while not self._stop:
            try:
                self.messages.append(self.sock.recv(4096).decode())
            except TimeoutError:
                continue
            except OSError:
                return

    def close(self) -> None:
        self._stop = True
        self._thread.join()
        self.sock.close()

    def seen(self, field: str) -> int:
        return sum(field in message.split("\n") for message in self.messages)


@pytest.fixture
def notify_socket(tmp_path: Path) -> Iterator[NotifySocket]:
    sock = NotifySocket(tmp_path / "notify.sock")
    yield sock
    sock.close()


class Flaky:
    """Answers 503 ``failures`` times, then serves ``body``; remembers when it was asked."""

    def __init__(self, failures: int, body: str):
        self.failures, self.body = failures, body.encode()
        self.hits: list[float] = []

    def __call__(self, request: BaseHTTPRequestHandler) -> None:
        self.hits.append(time.monotonic())
        failing = len(self.hits) <= self.failures
        body = b"busy" if failing else self.body
        request.send_response(503 if failing else 200)
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)


def moved(request: BaseHTTPRequestHandler) -> None:
    request.send_response(301)
    request.send_header("Location", "/new-home.xml")
    request.send_header("Content-Length", "0")
    request.end_headers()


def feeds_table(db: Path) -> dict[str, dict]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return {row["name"]: dict(row) for row in conn.execute("SELECT * FROM feeds")}


def test_daemon_lifecycle_against_changing_feeds(
    tmp_path: Path, feed_server: FeedServer, json_receiver, notify_socket, listen_port: int
):
    feed_server.put("/news.xml", rss(("n1", "Taliban envoy arrives")))
    flaky = Flaky(3, rss(("f1", "Weather")))
    feed_server.route("/flaky.xml", flaky)
    feed_server.route("/moved.xml", moved)
    feed_server.put("/new-home.xml", rss(("m1", "Markets")))
    port = listen_port
    config = write_config(
        tmp_path,
        [feed_server.url(p) for p in ("/news.xml", "/flaky.xml", "/moved.xml", "/missing.xml")],
        [json_receiver.url],
        rules=RULE,
        extra=(
            '[polling]\ninterval = "0.5s"\nmin_interval = "0.5s"\nmax_interval = "1s"\njitter = "0.05s"\n'
            'backoff_base = "0.4s"\nbackoff_cap = "3s"\nhealth_errors = 2\n'
            f'[http]\nlisten = "127.0.0.1:{port}"\n'
        ),
    )
    db = tmp_path / "state.db"
    log = tmp_path / "daemon.log"
    env = {**os.environ, "NOTIFY_SOCKET": str(notify_socket.path), "WATCHDOG_USEC": "1000000"}
    with open(log, "w") as stderr:
        daemon = subprocess.Popen(
            [sys.executable, "-m", "monitor", "--config", str(config), "run"], stderr=stderr, env=env, cwd="/"
        )
    try:
        wait_for(lambda: notify_socket.seen("READY=1"), "READY=1")

        # The first alert, then a new entry arrives while it runs and alerts too.
        wait_for(lambda: "[Taliban] Taliban envoy arrives" in json_receiver.titles(), "the first alert")
        feed_server.put("/news.xml", rss(("n2", "Taliban talks resume"), ("n1", "Taliban envoy arrives")))
        wait_for(lambda: "[Taliban] Taliban talks resume" in json_receiver.titles(), "the alert of a new entry")

        # The flaky feed was retried with growing gaps and recovered; the operator heard both.
        wait_for(lambda: feeds_table(db)["Flaky"]["last_success"], "the flaky feed to recover")
        gaps = [b - a for a, b in itertools.pairwise(flaky.hits[:4])]
        # Each gap is at least its backoff step's floor (0.4 s doubling, drawn from 75-100 %): growth, not a
        # strict order, since a slow operator notice after the second failure can stretch that gap.
        assert all(gap >= 0.4 * 2**i * 0.75 for i, gap in enumerate(gaps)), gaps
        wait_for(lambda: "[monitor] feed recovered: Flaky" in json_receiver.titles(), "the recovery notice")
        assert "[monitor] feed failing: Flaky" in json_receiver.titles()

        # The 301 was followed and the new address stored.
        assert feeds_table(db)["Moved"]["fetch_url"] == feed_server.url("/new-home.xml")

        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:
            assert response.status == 200
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
            metrics = response.read().decode()
        assert 'monitor_rule_hits_total{rule="Taliban"} 2.0' in metrics
        assert 'monitor_feed_error_streak{feed="Missing"}' in metrics
        wait_for(lambda: notify_socket.seen("WATCHDOG=1") >= 2, "watchdog pings")

        # SIGHUP with a broken rule: refused, the old rule keeps alerting.
        (tmp_path / "rules" / "test.yaml").write_text(BROKEN_RULE)
        daemon.send_signal(signal.SIGHUP)
        wait_for(lambda: "reload refused" in log.read_text(), "the refused reload")
        # READY=1 follows the refusal's log line as a datagram: wait for it rather than race it.
        wait_for(lambda: notify_socket.seen("READY=1") >= 2, "READY after the refused reload")
        assert notify_socket.seen("RELOADING=1") == 1 and notify_socket.seen("READY=1") == 2
        feed_server.put("/news.xml", rss(("n3", "Taliban minister visits"), ("n2", "Taliban talks resume")))
        wait_for(lambda: "[Taliban] Taliban minister visits" in json_receiver.titles(), "an alert after the reload")

        started = time.monotonic()
        daemon.send_signal(signal.SIGTERM)
        assert daemon.wait(timeout=10) == 0
        assert time.monotonic() - started < 10
        wait_for(lambda: notify_socket.seen("STOPPING=1") >= 1, "STOPPING from the daemon")  # read by a thread
        assert notify_socket.seen("STOPPING=1") == 1
        assert any(m.startswith("STATUS=4 feeds polled") for m in notify_socket.messages), notify_socket.messages
    finally:
        if daemon.poll() is None:
            daemon.kill()
            daemon.wait()

    text = log.read_text()
    assert "Traceback" not in text, text
    assert "permanently moved to" in text
    listed = run_cli("--config", str(config), "feeds", "list")
    print(listed.stdout)  # the closing report quotes this
    rows = {line.split()[0]: line for line in listed.stdout.splitlines()[1:]}
    assert " failing " in rows["Missing"] and " ok " in rows["Flaky"] and "(moved)" in rows["Moved"]

"""The daemon end to end, through the real command line: feeds from a real HTTP server,
alerts to a real webhook receiver and a real SMTP server, state in a real SQLite file."""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import JsonReceiver, run_cli, serve_json_receiver, serve_outlets, write_config

from monitor.demo.feedserver import FeedServer

TALIBAN_RULE = """
name: New recognition of Taliban
match:
  all:
    - any: ["Taliban", "Islamic Emirate"]
    - any: ["recogni*", "diplomatic relations"]
  none: ["facial recognition"]
"""


def alerts_by_status(db: str) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT status, count(*) FROM alerts GROUP BY status").fetchall())


@dataclass(frozen=True)
class FirstRun:
    folder: Path
    receiver: JsonReceiver
    result: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def first_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FirstRun]:
    """One run of the three outlets with the project's rules, read by the two tests below that only
    look at it (a run loads the project's rules and checks their examples: ~10 CPU-s)."""
    folder = tmp_path_factory.mktemp("first-run")
    with FeedServer() as feed_server, serve_json_receiver() as receiver:
        config = write_config(folder, serve_outlets(feed_server), [receiver.url])
        yield FirstRun(folder, receiver, run_cli("--config", str(config), "run", "--once"))


def test_one_alert_per_story_across_three_outlets(first_run):
    result, json_receiver = first_run.result, first_run.receiver

    assert result.returncode == 0, result.stderr
    titles = json_receiver.titles()
    recognition = [t for t in titles if t.startswith("[New recognition of Taliban]")]
    assert len(recognition) == 1, titles
    mining = [t for t in titles if t.startswith("[Afghan mining contract]")]
    assert len(mining) == 1, titles
    body = next(m["message"] for m in json_receiver.received if m["title"] in recognition)
    links = (
        "https://outlet-a.example/world/russia-taliban",
        "https://outlet-c.example/news/5521",
        "https://m.outlet-b.example/news/2025/07/moscow-taliban.html",
    )
    assert any(link + "\n" in body for link in links), body  # tracking parameters gone
    assert "utm_source" not in body and "fbclid" not in body
    matched = body.split("Matched: ")[1].split("\n")[0].lower()
    assert "taliban" in matched and "recognise" in matched
    first = body.split("Outlet: ")[1].split(" ·")[0]
    others = body.split("Also carried by: ")[1].split("\n")[0]
    assert sorted([first, *others.split(", ")]) == ["Outlet A", "Outlet B", "Outlet C"]


def test_other_outlets_are_listed_and_old_backlog_is_silent(first_run):
    with sqlite3.connect(first_run.folder / "state.db") as conn:
        outlets = conn.execute(
            "SELECT count(DISTINCT outlet) FROM entries WHERE story_id = "
            "(SELECT story_id FROM entries WHERE title LIKE 'Russia becomes first%')"
        ).fetchone()[0]
        old = conn.execute(
            "SELECT count(*) FROM alerts a JOIN entries e ON e.id = a.entry_id WHERE e.title LIKE 'An old story%'"
        ).fetchone()[0]
    assert outlets == 3
    assert old == 0  # dated 2020: recorded silently on the first poll


def test_second_run_sends_nothing_new(tmp_path, feed_server, json_receiver):
    config = write_config(tmp_path, serve_outlets(feed_server), [json_receiver.url])
    assert run_cli("--config", str(config), "run", "--once").returncode == 0
    first = len(json_receiver.received)
    assert first >= 2

    assert run_cli("--config", str(config), "run", "--once").returncode == 0

    assert len(json_receiver.received) == first


def test_target_down_keeps_alert_pending_then_delivers(tmp_path, feed_server, json_receiver):
    config = write_config(tmp_path, serve_outlets(feed_server), [json_receiver.url])
    json_receiver.fail = True

    result = run_cli("--config", str(config), "run", "--once")

    assert result.returncode == 0
    assert json_receiver.received == []
    pending = alerts_by_status(str(tmp_path / "state.db"))
    assert list(pending) == ["pending"] and pending["pending"] >= 2
    assert "will retry" in result.stderr

    json_receiver.fail = False
    assert run_cli("--config", str(config), "run", "--once").returncode == 0

    assert len(json_receiver.received) == pending["pending"]
    assert len(set(json_receiver.titles())) == pending["pending"]
    assert alerts_by_status(str(tmp_path / "state.db")) == {"sent": pending["pending"]}


def test_email_alert_reaches_a_real_smtp_server(tmp_path, feed_server, smtp_server):
    config = write_config(tmp_path, serve_outlets(feed_server, ("outlet-a",)), [smtp_server.url], rules=TALIBAN_RULE)

    assert run_cli("--config", str(config), "run", "--once").returncode == 0

    assert len(smtp_server.messages) == 1
    message = smtp_server.messages[0]
    assert message["Subject"].startswith("[New recognition of Taliban]")
    text = "".join(
        part.get_payload(decode=True).decode() for part in message.walk() if part.get_content_type() == "text/plain"
    )
    assert "https://outlet-a.example/world/russia-taliban" in text


def test_failing_feed_does_not_stop_the_others(tmp_path, feed_server, json_receiver):
    urls = serve_outlets(feed_server, ("outlet-a",))
    config = write_config(
        tmp_path,
        [feed_server.url("/missing.xml"), *urls, "http://127.0.0.1:9/refused"],
        [json_receiver.url],
        rules=TALIBAN_RULE,
    )

    result = run_cli("--config", str(config), "run", "--once")

    assert result.returncode == 0
    assert len(json_receiver.received) == 1
    assert "HTTP 404" in result.stderr
    with sqlite3.connect(tmp_path / "state.db") as conn:
        streaks = dict(conn.execute("SELECT name, error_count FROM feeds").fetchall())
    assert streaks["Missing"] == 1 and streaks["Outlet A"] == 0


def test_secrets_never_reach_output(tmp_path, feed_server, json_receiver):
    """A URL's password appears in no output, log or database file, on the failure path too.

    Mutation tried: delivery exiting at once (``raise SystemExit(4)`` at the top of
    ``outbox.deliver``). The old test passed (nothing was sent, so nothing could leak); this
    one fails: the run must succeed and the refused delivery must have been attempted and logged.
    """
    secret_url = f"json://alice:hunter2secret@127.0.0.1:{json_receiver.port}/hook"
    json_receiver.fail = True
    config = write_config(tmp_path, serve_outlets(feed_server, ("outlet-a",)), [secret_url], rules=TALIBAN_RULE)

    run = run_cli("--log-level", "debug", "--config", str(config), "run", "--once")
    check = run_cli("--config", str(config), "check")

    assert run.returncode == 0, run.stderr
    assert check.returncode == 0, check.stdout + check.stderr
    assert json_receiver.attempts >= 1  # the secret URL was really used ...
    assert "will retry" in run.stderr  # ... and its failure logged, where a URL could leak
    assert f"json://alice:****@127.0.0.1:{json_receiver.port}/hook" in run.stderr  # named, masked
    for result in (run, check):
        assert "hunter2secret" not in result.stdout + result.stderr
    files = sorted(tmp_path.glob("state.db*"))
    assert tmp_path / "state.db" in files
    for path in files:  # the database and its -wal / -shm, whichever exist now
        assert b"hunter2secret" not in path.read_bytes(), path.name
    assert pending_total(tmp_path / "state.db") >= 1  # the alert waits in the database read above


def pending_total(db) -> int:
    return alerts_by_status(str(db)).get("pending", 0)

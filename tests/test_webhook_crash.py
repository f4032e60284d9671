"""The signed webhook through a target outage and SIGKILLs of a real `monitor run --once`: a receiver that
verifies every signature and processes each idempotency key once sees every alert, none processed twice."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from conftest import write_config
from delivery_support import ZEBRA_RULE, Clock, build, close, cycle, story_feed
from test_crash import _in_flight, _kill_at_a_random_point, crash_seed
from webhook_support import SECRET, serve_signed_receiver, webhook_target

FIRST_STORIES = 20
GROW = 4
RUNS = 16
OUTAGE = range(3, 6)  # runs during which the receiver answers 503
STORIES = FIRST_STORIES + GROW * (RUNS - 1)


@pytest.mark.slow
def test_signed_webhook_through_an_outage_and_sigkills_loses_nothing_and_processes_nothing_twice(
    tmp_path, feed_server, monkeypatch
):
    seed = crash_seed()  # fixed unless CRASH_SEED is set: a failure names it for a replay
    rng = random.Random(seed)
    monkeypatch.setenv("MONITOR_TEST_HOOK_SECRET", SECRET)
    when = datetime.now(UTC) - timedelta(hours=1)
    with serve_signed_receiver() as receiver:
        extra = webhook_target("siem", receiver.url)
        config = write_config(
            tmp_path, [feed_server.url("/zebra.xml")], [], rules=ZEBRA_RULE + "notify: [siem]\n", extra=extra
        )
        receiver.delay = 0.1  # accepted (processed) first, answered later: kills land in between
        command = [sys.executable, "-m", "monitor", "--config", str(config), "run", "--once"]
        killed = 0
        for run in range(RUNS):
            receiver.fail = run in OUTAGE
            feed_server.put("/zebra.xml", story_feed(FIRST_STORIES + GROW * run, when))
            before = len(receiver.deliveries) + len(receiver.refused)
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            hits = feed_server.hits.get("/zebra.xml", 0)
            fetched = lambda start=hits: feed_server.hits.get("/zebra.xml", 0) > start  # noqa: E731
            seen = lambda start=before: len(receiver.deliveries) + len(receiver.refused) > start  # noqa: E731
            _kill_at_a_random_point(process, rng, fetched, seen)
            killed += process.wait() == -signal.SIGKILL
            assert _in_flight(tmp_path) <= 1, f"CRASH_SEED={seed}: more than one message in flight"
        receiver.fail = False
        final = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert final.returncode == 0, final.stderr

    repeats = len(receiver.deliveries) - len(receiver.processed)
    titles = [p["story"]["title"] for p in receiver.processed.values()]
    print(
        f"\nwebhook crash test (CRASH_SEED={seed}): {killed} of {RUNS} runs killed, {len(receiver.refused)} refused "
        f"during the outage; {len(receiver.processed)} of {STORIES} alerts processed, {repeats} repeats deduplicated"
    )
    assert receiver.rejected == 0, "a request failed signature verification"
    assert len(titles) == len(set(titles)) == STORIES, f"CRASH_SEED={seed}: lost, or processed twice under two keys"
    assert set(receiver.refused) <= set(receiver.processed)  # a retry carries the key of the refused try
    assert repeats <= killed
    with sqlite3.connect(tmp_path / "state.db") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert dict(conn.execute("SELECT status, count(*) FROM alerts GROUP BY status").fetchall()) == {"sent": STORIES}
    assert killed >= RUNS // 2


def test_a_message_left_in_flight_by_a_crash_goes_first_even_before_its_retry_time(tmp_path, feed_server, monkeypatch):
    """After failures, a crash can leave a later alert in flight while earlier ones wait for their retry:
    it is resolved first, so a second message is never marked in flight beside it."""
    monkeypatch.setenv("MONITOR_TEST_HOOK_SECRET", SECRET)
    clock = Clock(datetime.now(UTC))
    feed_server.put("/zebra.xml", story_feed(3, clock.now - timedelta(minutes=5)))
    with serve_signed_receiver() as receiver:
        extra = webhook_target("siem", receiver.url)
        config = write_config(
            tmp_path, [feed_server.url("/zebra.xml")], [], rules=ZEBRA_RULE + "notify: [siem]\n", extra=extra
        )
        receiver.fail = True
        assert cycle(config, clock).failed == 3  # each now waits about a minute for its retry
        p = build(config, clock)
        last = max(a.id for a in p.store.pending_alerts())
        p.store.mark_in_flight([last], clock.now)  # the crash: the last one was being sent again
        close(p)
        receiver.fail = False
        clock.advance(seconds=5)
        # It goes, though its retry time has not come; once the receiver took it, the rest of its backlog follows.
        assert cycle(config, clock).sent == 3
        assert next(iter(receiver.processed.values()))["id"] == last

"""Crash consistency: SIGKILL a real `monitor run --once` at random moments, restart, check the outbox.

The receiver is slow (it records a post, then answers 0.1 s later), so many kills land
between "the target accepted" and "the alert was marked sent": the documented window
that may repeat one message per crash, never more.

Reproducible: the kill points come from one seed, ``CRASH_SEED`` if set, else a fixed one
in CI ($CI set) and the clock locally. The seed is printed first, so a failure's captured
output names it; ``CRASH_SEED=N pytest tests/test_crash.py`` replays the same kill plan.
Kills are timed from what the run is doing (the feed fetched, the first message received)
plus a small random delay, not from bare sleeps that a slow machine stretches.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from conftest import write_config
from delivery_support import ZEBRA_RULE, story_feed

CI_SEED = 20_26  # the seed CI uses, so two CI runs kill at the same points
FIRST_STORIES = 30
GROW = 4  # new stories per run, so every run has messages to send when the kill comes
KILLS = 22
STORIES = FIRST_STORIES + GROW * (KILLS - 1)


def crash_seed() -> int:
    if os.environ.get("CRASH_SEED"):
        return int(os.environ["CRASH_SEED"])
    return CI_SEED if os.environ.get("CI") else time.time_ns() % 100_000


@pytest.mark.slow
def test_sigkill_at_random_points_loses_nothing_and_repeats_at_most_one_alert_per_crash(
    tmp_path, feed_server, json_receiver, record_property
):
    seed = crash_seed()
    print(f"CRASH_SEED={seed}", flush=True)  # captured: pytest shows it with any failure
    record_property("CRASH_SEED", seed)
    rng = random.Random(seed)
    when = datetime.now(UTC) - timedelta(hours=1)
    config = write_config(tmp_path, [feed_server.url("/zebra.xml")], [json_receiver.url], rules=ZEBRA_RULE)
    json_receiver.delay = 0.1
    command = [sys.executable, "-m", "monitor", "--config", str(config), "run", "--once"]

    killed = 0
    repeats_per_run = []
    started = time.monotonic()
    for run in range(KILLS):
        feed_server.put("/zebra.xml", story_feed(FIRST_STORIES + GROW * run, when))
        before = len(json_receiver.received)
        fetched = feed_server.hits.get("/zebra.xml", 0)
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _kill_at_a_random_point(
            process,
            rng,
            lambda start=fetched: feed_server.hits.get("/zebra.xml", 0) > start,
            lambda start=before: len(json_receiver.received) > start,
        )
        killed += process.wait() == -signal.SIGKILL
        repeats_per_run.append(_repeats(json_receiver.received, before))
        assert _in_flight(tmp_path) <= 1, f"CRASH_SEED={seed}: more than one message in flight"
    before = len(json_receiver.received)
    final = subprocess.run(command, capture_output=True, text=True, timeout=60)
    repeats_per_run.append(_repeats(json_receiver.received, before))
    elapsed = time.monotonic() - started

    counts = Counter(m["title"] for m in json_receiver.received)
    repeats = sum(n - 1 for n in counts.values())
    print(
        f"\ncrash test (CRASH_SEED={seed}): {killed} of {KILLS} runs killed, {elapsed:.1f}s; "
        f"{len(counts)} of {STORIES} alerts arrived, {repeats} repeated"
    )
    assert final.returncode == 0, final.stderr
    assert len(counts) == STORIES, f"CRASH_SEED={seed}: alerts lost"
    # Each run repeats at most the one message that was in flight when the previous run died.
    assert max(repeats_per_run) <= 1 and repeats <= killed, f"CRASH_SEED={seed}: {counts.most_common(3)}"
    with sqlite3.connect(tmp_path / "state.db") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert dict(conn.execute("SELECT status, count(*) FROM alerts GROUP BY status").fetchall()) == {"sent": STORIES}
        assert conn.execute("SELECT count(*) FROM alerts WHERE in_flight IS NOT NULL").fetchone() == (0,)
    assert killed >= KILLS // 2  # most runs were really interrupted, not finished before the kill


def _kill_at_a_random_point(
    process: subprocess.Popen, rng: random.Random, fetched: Callable[[], bool], sending: Callable[[], bool]
) -> None:
    """SIGKILL during start-up (a sixth of the runs), while the feed is parsed and stored (a
    third) or while alerts are sent (half).

    The later kills wait for their phase to begin, seen from outside: the feed server answered
    the run's fetch, or the receiver got the run's first message. Only the small random delay
    after that is a sleep, so the kill lands in its phase however fast or loaded the machine.
    """
    draw = rng.random()
    phase = (lambda: True) if draw < 1 / 6 else fetched if draw < 1 / 2 else sending
    delay = rng.uniform(0.0, 0.3)
    deadline = time.monotonic() + 30
    while not phase() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)


def _repeats(received: list[dict], start: int) -> int:
    """Messages received from ``start`` on that had been received before."""
    earlier = {m["title"] for m in received[:start]}
    return sum(1 for m in received[start:] if m["title"] in earlier)


def _in_flight(folder) -> int:
    with sqlite3.connect(folder / "state.db") as conn:
        try:
            return int(conn.execute("SELECT count(*) FROM alerts WHERE in_flight IS NOT NULL").fetchone()[0])
        except sqlite3.OperationalError:  # killed before the schema existed
            return 0

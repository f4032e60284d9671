"""The caller's process reads one body at a time: its polling threads share one GIL, so two reads at once
would be no faster, only hold two parses at their largest (a cold run's peak memory)."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

from conftest import DATA, fill_dates, recent

from monitor.ingest import pool
from monitor.ingest.pool import FeedParser
from monitor.rules import RuleSet

FEED = fill_dates((DATA / "feeds" / "outlet-a.xml").read_text(), recent()).encode()


def test_bodies_read_in_place_by_many_threads_are_read_one_at_a_time(monkeypatch):
    inside = 0
    most = 0
    lock = threading.Lock()
    real = pool.read_feed

    def counted(*args, **kwargs):  # the real read, with a pause that two unserialised reads would overlap in
        nonlocal inside, most
        with lock:
            inside += 1
            most = max(most, inside)
        try:
            time.sleep(0.05)
            return real(*args, **kwargs)
        finally:
            with lock:
                inside -= 1

    monkeypatch.setattr(pool, "read_feed", counted)
    parser = FeedParser(workers=0)
    got = []

    def read(n: int) -> None:
        got.append(parser.read(FEED, f"http://example.com/{n}.xml", "A", datetime.now(UTC), b"", RuleSet(())))

    threads = [threading.Thread(target=read, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert most == 1
    assert len(got) == 4 and all(r.parsed.entries and len(r.facts) == len(r.parsed.entries) for r in got)

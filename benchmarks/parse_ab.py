"""The fast parse path against feedparser alone on both workloads: CPU per entry, and identical results?

``python -m benchmarks.parse_ab [--feeds 200 --entries 50]``: every body of cycles 0 and 1 of
each workload through ``parse_feed`` twice, with the default readers (the fast path, then
feedparser) and with feedparser only; prints CPU seconds per entry and whether the ParsedFeed
values (every Entry field) are identical. Exit 1 if they are not.
"""

from __future__ import annotations

import argparse
import sys
import time

from benchmarks import newsroom
from benchmarks.workload import Spec, Workload
from monitor.ingest.parse import _first_entries, defuse, parse_feed, read_fast, read_with_feedparser


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.parse_ab", description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--entries", type=int, default=50)
    args = parser.parse_args(argv)
    workloads = {
        "synthetic": Workload(Spec(feeds=args.feeds, entries=args.entries, now=1_750_000_000)),
        "newsroom": newsroom.Newsroom(newsroom.Spec(feeds=args.feeds, entries=args.entries, now=1_750_000_000)),
    }
    differ = 0
    for name, workload in workloads.items():
        for cycle in (0, 1):
            bodies = [(f"http://127.0.0.1{p}", workload.document(i, cycle)) for i, p in enumerate(workload.paths())]
            taken = sum(read_fast(_first_entries(defuse(body))[0]) is not None for _, body in bodies)
            cpu, parsed = {}, {}
            for reader, readers in (("fast path", None), ("feedparser", (read_with_feedparser,))):
                started = time.process_time()
                parsed[reader] = [parse_feed(body, url, "", readers=readers) for url, body in bodies]
                cpu[reader] = time.process_time() - started
            entries = sum(len(p.entries) for p in parsed["fast path"])
            same = parsed["fast path"] == parsed["feedparser"]
            differ += not same
            print(
                f"{name} cycle {cycle}: {sum(len(b) for _, b in bodies) / 1e6:.1f} MB, fast path took {taken} of "
                f"{len(bodies)} feeds, {entries} entries; "
                + ", ".join(f"{k} {v:.2f} CPU-s ({v / entries * 1e6:.0f} us/entry)" for k, v in cpu.items())
                + f"; identical: {same}"
            )
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())

"""A/B of decisions and alerts between two checkouts, on both workloads.

``python -m benchmarks.ab OTHER_CHECKOUT [--workload synthetic|newsroom] [--feeds 200 --entries 50]``

Serves the workload, then for each checkout (this one and OTHER): a fresh database,
``run --once`` on cycle 0 (cold), then on cycle 1 (new entries, 304s), with one poll at a
time (``concurrency = 1``: feeds in config order, so story ids are handed out in the same
order) and ``PYTHONHASHSEED=0``. Then compares, row by row, what was decided: every entry
(feed, key, text, link, date, language, story, duplicate_of, dedup score and reason, event)
and every alert (rule, story, entry, kind, what matched). Prints the differences; exit 1 if any.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import newsroom
from benchmarks.harness import ROOT, Served, write_config
from benchmarks.workload import Spec

ENTRIES = (
    "SELECT e.id, replace(e.feed_url, ?, ''), e.key, e.title, e.summary, e.content, e.link, e.author, e.tags,"
    " e.published, e.lang, e.story_id, e.duplicate_of, round(e.dedup_score, 6), e.dedup_reason, e.content_hash,"
    " s.event_id FROM entries e JOIN stories s ON s.id = e.story_id ORDER BY e.id"
)
ALERTS = "SELECT rule, story_id, entry_id, kind, matched, alert_key FROM alerts ORDER BY rule, alert_key, url_id"


def decisions(code: Path, server: Served, folder: Path, rules: int | dict[str, str]) -> dict[str, list[tuple]]:
    config = write_config(folder, server.urls(), rules, extra="concurrency = 1")
    config.write_text(config.read_text().replace("concurrency = 8\n", ""))
    env = {**os.environ, "PYTHONPATH": str(code), "PYTHONHASHSEED": "0"}
    command = [sys.executable, "-m", "monitor", "--config", str(config), "--log-level", "error", "run", "--once"]
    out: dict[str, list[tuple]] = {}
    for cycle in (0, 1):
        server.publish(cycle)
        kept = (folder / "state.db.window").exists()  # the dedup index a run keeps for the next (pipeline/kept.py)
        print(f"{folder.name}: cycle {cycle}: a kept dedup index beside the database: {'yes' if kept else 'no'}")
        subprocess.run(command, cwd=code, env=env, check=True, capture_output=True)
        with sqlite3.connect(folder / "state.db") as conn:
            out[f"entries after cycle {cycle}"] = conn.execute(ENTRIES, (server.base,)).fetchall()
            out[f"alerts after cycle {cycle}"] = conn.execute(ALERTS).fetchall()
        conn.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ab", description=__doc__.split("\n\n")[0])
    parser.add_argument("other", type=Path, help="the other checkout (an export of main, say)")
    parser.add_argument("--workload", choices=("synthetic", "newsroom"), default="synthetic")
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--rules", type=int, default=50)
    args = parser.parse_args(argv)
    now = int(time.time())
    if args.workload == "newsroom":
        spec: Spec | newsroom.Spec = newsroom.Spec(feeds=args.feeds, entries=args.entries, now=now)
        rules: int | dict[str, str] = newsroom.rule_files(args.rules)
    else:
        spec, rules = Spec(feeds=args.feeds, entries=args.entries, now=now), args.rules
    server = Served(spec)
    try:
        with tempfile.TemporaryDirectory(prefix="monitor-ab-") as tmp:
            ours = decisions(ROOT, server, Path(tmp) / "this", rules)
            theirs = decisions(args.other.resolve(), server, Path(tmp) / "other", rules)
    finally:
        server.close()
    differ = 0
    for name, rows in ours.items():
        other = theirs[name]
        changed = [(a, b) for a, b in zip(rows, other, strict=False) if a != b]
        differ += len(changed) + abs(len(rows) - len(other))
        print(f"{args.workload}: {name}: {len(rows)} rows here, {len(other)} there, {len(changed)} differ")
        for a, b in changed[:5]:
            print(f"  here:  {a}\n  there: {b}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())

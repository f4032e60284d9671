"""Run the benchmark suite and print one table: ``python -m benchmarks [--smoke] [sizes]``.

The full run (the defaults) takes about ten minutes on two cores; ``--smoke`` runs the
smallest sizes in seconds, for CI. ``--write-results`` keeps the table in
benchmarks/RESULTS.md with the command and the machine.

``--workload`` picks the feeds of the cold and steady scenarios: ``synthetic``
(benchmarks/workload.py), ``newsroom`` (benchmarks/newsroom.py, an independent generator
that also knows which entries are copies of one story, so the cold run's alerts are
compared with the expected (rule, story) pairs) or ``both`` (the default). The scale and
database scenarios use workload.py's feeds; the daemon runs on the first workload's.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path

import feedparser

from benchmarks.scenarios import Results, Sizes, big_database, clean, cold_and_steady, idle_daemon, scale

WORKLOADS = {"synthetic": ("synthetic",), "newsroom": ("newsroom",), "both": ("synthetic", "newsroom")}

SMOKE = Sizes(
    feeds=6,
    entries=5,
    rules=10,
    steady_cycles=1,
    scale_feeds=12,
    scale_entries=3,
    db_entries=2000,
    idle_settle=2.5,
    idle_window=1.0,
    handrolled_cap=30.0,
    rss2email=False,
    news_feeds=10,
    news_entries=10,
)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help="smallest sizes, a few seconds (CI)")
    for f in fields(Sizes):
        flag = "--" + f.name.replace("_", "-")
        if f.type in ("bool", bool):
            parser.add_argument(f"--no-{f.name.replace('_', '-')}", dest=f.name, action="store_false", default=None)
        else:
            kind = float if f.type in ("float", float) else int
            parser.add_argument(flag, dest=f.name, type=kind, default=None, help=f"default {f.default}")
    parser.add_argument("--only", default="cold,scale,db,daemon", help="comma-separated: cold,scale,db,daemon")
    parser.add_argument("--workload", choices=tuple(WORKLOADS), default="both", help="feeds of cold and steady")
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    parser.add_argument("--write-results", action="store_true", help="write benchmarks/RESULTS.md")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = SMOKE if args.smoke else Sizes()
    for f in fields(Sizes):
        if getattr(args, f.name) is not None:
            setattr(sizes, f.name, getattr(args, f.name))
    only = set(args.only.split(","))
    out = Results()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="monitor-bench-") as tmp:
        work = args.work or Path(tmp)
        clean(work)
        print(f"monitor benchmarks: {machine()}", flush=True)
        config, first, daemon_kind = None, out, "synthetic"
        for kind in WORKLOADS[args.workload] if "cold" in only else ():
            # Each workload has its own figures (for its ratios) and folder; the rows go to one table.
            part = Results(out.rows, tag="" if kind == "synthetic" else kind)
            made = cold_and_steady(sizes, work if kind == "synthetic" else work / kind, part, kind)
            if config is None:
                config, first, daemon_kind = made, part, kind
        if "scale" in only:
            scale(sizes, work, out)
        if "db" in only:
            big_database(sizes, work, out)
        if "daemon" in only and config is not None:
            idle_daemon(sizes, config, first, daemon_kind)
    took = time.perf_counter() - started
    table = render(out, took)
    print("\n" + table)
    if args.write_results:
        command = "python -m benchmarks " + " ".join(argv if argv is not None else sys.argv[1:])
        write_results(Path(__file__).parent / "RESULTS.md", table, command.strip())
    return 0


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, feedparser {feedparser.__version__}, "
        f"{platform.system()} {platform.release()}"
    )


def render(out: Results, took: float) -> str:
    lines = ["| section | figure | value | note |", "| --- | --- | ---: | --- |"]
    lines += [f"| {s} | {f.strip()} | {v} | {n} |" for s, f, v, n in out.rows]
    # Other work on the machine slows every figure: say how busy it was.
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines.append(
        f"\nWhole run: {took:.0f} s. Load average at the end (1, 5, 15 min): {load} on {os.cpu_count()} cores."
    )
    return "\n".join(lines)


def write_results(path: Path, table: str, command: str) -> None:
    text = path.read_text() if path.exists() else ""
    notes = text.split("<!-- notes -->", 1)[1] if "<!-- notes -->" in text else "\n"
    path.write_text(
        "# Benchmark results\n\n"
        f"Command: `{command}` (from the repository root)\n\n"
        f"Machine: {machine()}\n\nDate: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC\n\n"
        f"{table}\n\n<!-- notes -->{notes}"
    )

"""The idle daemon's memory once it holds the dedup index of a real window, before/after in one run.

``python -m benchmarks.idle_index [--workload synthetic|newsroom] [--code DIR ...] [--seconds 260]``

For this checkout and each ``--code`` one: a cold ``run --once`` fills a database of the workload
(200 feeds x 50 entries: a 10,000-entry window, its kept index beside it), then the daemon
(``monitor run``) starts on a copy of that state, served the next cycle: a few feeds bring new
entries (every feed due at start: the index is read, a parser worker may start, alerts are queued to a
target that refuses),
the others answer 304. The daemons run side by side; every ``--every`` seconds the RSS of each main
process and of its process tree is printed, with the tree's CPU since the last sample. The idle
parser workers stop 120 s after their last work (``ingest/pool.py``): the figures after that are
the daemon at rest.
"""

from __future__ import annotations

import argparse
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import suppress
from pathlib import Path

import psutil

from benchmarks.cycle_profile import PUBLISH, Rules, environment, prepare, workload
from benchmarks.cycles import compiled
from benchmarks.harness import ROOT, Served


def tree(pid: int) -> tuple[float, float, float]:
    """RSS of the process and of its tree (MB), and the tree's CPU seconds so far."""
    root = psutil.Process(pid)
    members = [root, *root.children(recursive=True)]
    rss, cpu = 0.0, 0.0
    for member in members:
        with suppress(psutil.Error):
            rss += member.memory_info().rss
            times = member.cpu_times()
            cpu += times.user + times.system
    with suppress(psutil.Error):  # the workers that exited since, once reaped
        times = root.cpu_times()
        cpu += times.children_user + times.children_system
    return root.memory_info().rss / 2**20, rss / 2**20, cpu


def start(config: Path, code: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "monitor", "--config", str(config), "--log-level", "warning", "run"]
    return subprocess.Popen(
        command, cwd=config.parent, env=environment(code, None), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def watch(daemons: dict[str, subprocess.Popen[bytes]], seconds: float, every: float) -> None:
    names = list(daemons)
    print("  s | " + " | ".join(f"{n}: main / tree MB, CPU-s" for n in names))
    last = {n: 0.0 for n in names}
    started = time.monotonic()
    while (elapsed := time.monotonic() - started) < seconds:
        time.sleep(every)
        cells = []
        for name in names:
            main, whole, cpu = tree(daemons[name].pid)
            cells.append(f"{main:6.1f} / {whole:6.1f}, {cpu - last[name]:5.2f}")
            last[name] = cpu
        print(f"{elapsed + every:4.0f} | " + " | ".join(cells), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.idle_index", description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--rules", type=int, default=50)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--workload", choices=("synthetic", "newsroom"), default="synthetic")
    parser.add_argument("--code", type=Path, action="append", default=[], help="another checkout to compare")
    parser.add_argument("--seconds", type=float, default=260.0)
    parser.add_argument("--every", type=float, default=20.0)
    args = parser.parse_args(argv)
    code = {"this": ROOT} | {p.name: p.resolve() for p in args.code}
    for path in code.values():
        compiled(path)
    spec, rules = workload(args)
    rules_: Rules = rules
    server = Served(spec)
    try:
        with tempfile.TemporaryDirectory(prefix="monitor-idle-") as tmp:
            configs = {
                name: prepare(server, Path(tmp) / name, path, environment(path, None), "mostly-304", rules_)
                for name, path in code.items()
            }
            for config in configs.values():  # every feed due at start, as after a long stop
                with sqlite3.connect(config.parent / "state.db") as conn:
                    conn.execute("UPDATE feeds SET next_poll = NULL")
                conn.close()
            server.publish(*PUBLISH["mostly-304"])
            daemons = {name: start(configs[name], path) for name, path in code.items()}
            try:
                watch(daemons, args.seconds, args.every)
            finally:
                for daemon in daemons.values():
                    daemon.send_signal(signal.SIGTERM)
                for daemon in daemons.values():
                    daemon.wait(60)
    finally:
        server.close()
    load = Path("/proc/loadavg").read_text().strip()
    print(f"workload {args.workload}: {args.feeds} feeds x {args.entries} entries; load average {load}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What a user runs: ``monitor run --once`` as a process of its own, cold, then the cycles after.

``python -m benchmarks.cycles [--feeds 200 --entries 50 --rounds 3 --code DIR]`` serves the
workload, then, for each of ``rounds`` interleaved rounds on fresh databases:

- cold: ``run --once`` on an empty database; feedparser alone on the same bodies (one
  process, nothing else); ``r2e run --no-send`` (rss2email) on the same feeds;
- mostly 304: the next cycle, where the workload's changed feeds carry new entries and
  every other feed answers 304 Not Modified; monitor and rss2email;
- all 304: the cycle after it, where nothing changed and every feed answers 304; monitor and rss2email;
- resend: the servers ignore conditional GET and resend the same bodies; monitor and rss2email.

Each figure is the median of the rounds (min-max beside it): wall seconds, CPU seconds of
the process tree (getrusage of the reaped children: the parser workers included), and the
peak RSS of the tree (sampled every 50 ms; ``Run.peaks`` and ``Run.at_peak`` say which process
it came from). ``--code DIR`` runs another checkout's monitor
(an export of main, say) against the same bytes: a before/after in one run. ``--workers N``
(repeatable) runs each checkout with N parser workers (``MONITOR_PARSER_WORKERS``).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

import psutil

from benchmarks import newsroom
from benchmarks.baselines import Rss2EmailRunner
from benchmarks.harness import ROOT, Served, write_config
from benchmarks.workload import Spec


@dataclass(frozen=True, slots=True)
class Run:
    wall: float
    cpu: float
    peak_mb: float
    # Each process's own peak RSS in MB, by role ("main", "worker 1", "resource tracker"...), and the
    # members of the tree at the moment the tree peaked: which process the peak comes from.
    peaks: tuple[tuple[str, float], ...] = ()
    at_peak: tuple[tuple[str, float], ...] = ()
    # Each process's CPU seconds (user + system) at its last sample, by role: how a run split its work.
    cpus: tuple[tuple[str, float], ...] = ()


def measured(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Wall, tree CPU (rusage of reaped children) and sampled peak tree RSS of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0.0
    roles: dict[int, str] = {}
    peaks: dict[str, float] = {}
    at_peak: dict[str, float] = {}
    cpus: dict[str, float] = {}
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, at_peak
        root = psutil.Process(proc.pid)
        while not done.wait(0.05):
            with suppress(psutil.Error):
                now: dict[str, float] = {}
                for member in [root, *root.children(recursive=True)]:
                    with suppress(psutil.Error):
                        if member.pid != root.pid and member.cmdline() == root.cmdline():
                            continue  # forked, not yet exec'd: the parent's own pages, counted once already
                        role = roles.get(member.pid) or roles.setdefault(member.pid, _role(member, root, roles))
                        now[role] = member.memory_info().rss / 2**20
                        peaks[role] = max(peaks.get(role, 0.0), now[role])
                        times = member.cpu_times()
                        cpus[role] = times.user + times.system
                if sum(now.values()) > peak:
                    peak, at_peak = sum(now.values()), now

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    _, stderr = proc.communicate()
    done.set()
    thread.join()
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        raise RuntimeError(f"{command} exited {proc.returncode}: {stderr.decode(errors='replace')[-800:]}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return Run(wall, cpu, peak, tuple(peaks.items()), tuple(at_peak.items()), tuple(cpus.items()))


def _role(member: psutil.Process, root: psutil.Process, roles: dict[int, str]) -> str:
    """What a process of the tree is: the command itself, multiprocessing's resource tracker, or a worker."""
    if member.pid == root.pid:
        return "main"
    if "resource_tracker" in " ".join(member.cmdline()):
        return "resource tracker"
    return f"worker {sum(1 for r in roles.values() if r.startswith('worker')) + 1}"


def peaks_line(run: Run) -> str:
    """Each process's own peak RSS, then the tree's members at its peak (MB)."""
    own = ", ".join(f"{role} {mb:.0f}" for role, mb in run.peaks)
    at = " + ".join(f"{role} {mb:.0f}" for role, mb in run.at_peak)
    return f"per process: {own}; at the tree's peak ({run.peak_mb:.0f} MB): {at}"


def monitor_once(config: Path, code: Path, workers: int | None = None) -> Run:
    env = {**os.environ, "PYTHONPATH": str(code)}
    if workers is not None:  # pool.default_workers reads it
        env["MONITOR_PARSER_WORKERS"] = str(workers)
    command = [sys.executable, "-m", "monitor", "--config", str(config), "--log-level", "warning", "run", "--once"]
    run = measured(command, code, env)
    # The alerts went to a target that does not exist (rss2email runs with --no-send): marked sent,
    # or the next cycle would measure retrying them.
    with sqlite3.connect(config.parent / "state.db") as conn:
        conn.execute("UPDATE alerts SET status = 'sent'")
    conn.close()
    return run


def feedparser_alone(bodies: list[bytes]) -> Run:
    """feedparser.parse on every body in a process of its own: the same start-up cost as the others."""
    folder = Path(tempfile.mkdtemp(prefix="fp-alone-"))
    try:
        for number, body in enumerate(bodies):
            (folder / f"{number:05d}.xml").write_bytes(body)
        script = (
            "import io, pathlib, sys, feedparser\n"
            "n = sum(len(feedparser.parse(io.BytesIO(p.read_bytes())).entries)"
            " for p in sorted(pathlib.Path(sys.argv[1]).iterdir()))\n"
        )
        return measured([sys.executable, "-c", script, str(folder)], ROOT)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def compiled(code: Path) -> None:
    """Byte-compile a checkout's monitor, as an install does: with PYTHONDONTWRITEBYTECODE set (as on
    the shared machine) every run would otherwise compile every module again (~0.4 CPU-s)."""
    if (code / "monitor").is_dir():
        command = [sys.executable, "-m", "compileall", "-q", str(code / "monitor")]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


Figures = dict[str, list[Run]]


def one_round(
    server: Served,
    work: Path,
    code: dict[str, Path],
    rules: int | dict[str, str],
    figures: Figures,
    workers: dict[str, int | None] | None = None,
    cold_only: bool = False,
) -> None:
    """Cold, mostly-304, all-304 and resend cycles (``cold_only``: the first) for each monitor checkout and
    rss2email, on fresh state."""
    shutil.rmtree(work / "round", ignore_errors=True)
    server.publish(0)
    figures.setdefault("feedparser alone, cold", []).append(feedparser_alone(server.bodies()))
    # rss2email's venv is kept between rounds (installing it takes a while); its state is not.
    runner = Rss2EmailRunner(work / "rss2email", server.urls()) if "rss2email" in code else None
    steps: list[tuple[str, Callable[[], None]]] = [
        ("cold", lambda: server.publish(0)),
        ("mostly 304", lambda: server.publish(1)),
        ("all 304", lambda: server.publish(1)),  # nothing changed since: every feed answers 304
        ("resend", lambda: server.publish(1, ignore=1.0)),
    ][: 1 if cold_only else None]
    configs = {name: write_config(work / "round" / name, server.urls(), rules) for name in code if name != "rss2email"}
    for step, publish in steps:
        publish()
        for name, path in code.items():
            if name == "rss2email":
                if runner is None or runner.problem:
                    continue
                r = runner.run()
                figures.setdefault(f"rss2email, {step}", []).append(Run(r.wall, r.cpu, 0.0))
            else:
                run = monitor_once(configs[name], path, (workers or {}).get(name))
                figures.setdefault(f"{name}, {step}", []).append(run)


def table(figures: Figures) -> str:
    lines = [
        "| figure | wall s (median, min-max) | CPU s | peak RSS MB | CPU s by process, each run |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for name, runs in figures.items():

        def spread(values: list[float], digits: int = 2) -> str:
            return f"{statistics.median(values):.{digits}f} ({min(values):.{digits}f}-{max(values):.{digits}f})"

        rss = spread([r.peak_mb for r in runs], 0) if any(r.peak_mb for r in runs) else "-"
        split = "; ".join(", ".join(f"{role} {cpu:.1f}" for role, cpu in r.cpus) for r in runs if r.cpus) or "-"
        wall, cpu = spread([r.wall for r in runs]), spread([r.cpu for r in runs])
        lines.append(f"| {name} | {wall} | {cpu} | {rss} | {split} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.cycles", description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--rules", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--workload", choices=("synthetic", "newsroom"), default="synthetic")
    parser.add_argument("--code", type=Path, action="append", default=[], help="another checkout to compare")
    parser.add_argument("--no-rss2email", dest="rss2email", action="store_false")
    parser.add_argument("--cold-only", action="store_true", help="only the cold cycle of each round")
    parser.add_argument(
        "--workers", type=int, action="append", default=[], help="run each checkout with N parser workers (repeatable)"
    )
    args = parser.parse_args(argv)
    checkouts = {"monitor": ROOT} | {f"monitor@{p.name}": p.resolve() for p in args.code}
    code: dict[str, Path] = {}
    workers: dict[str, int | None] = {}
    for name, path in checkouts.items():
        for count in args.workers or [None]:
            label = name if count is None else f"{name} ({count} parser worker{'s' * (count != 1)})"
            code[label], workers[label] = path, count
    if args.rss2email:
        code["rss2email"] = Path()
    for path in code.values():
        compiled(path)
    spec: Spec | newsroom.Spec
    rules: int | dict[str, str] = args.rules
    if args.workload == "newsroom":
        spec = newsroom.Spec(seed=args.seed, feeds=args.feeds, entries=args.entries, now=int(time.time()))
        rules = newsroom.rule_files(args.rules, args.seed)
    else:
        spec = Spec(seed=args.seed, feeds=args.feeds, entries=args.entries, now=int(time.time()))
    server = Served(spec)
    figures: Figures = {}
    try:
        with tempfile.TemporaryDirectory(prefix="monitor-cycles-") as tmp:
            for number in range(args.rounds):
                one_round(server, Path(tmp), code, rules, figures, workers, args.cold_only)
                print(f"round {number + 1} of {args.rounds} done", file=sys.stderr, flush=True)
    finally:
        server.close()
    print(
        f"workload {args.workload}: {args.feeds} feeds x {args.entries} entries, {args.rules} rules, seed {args.seed}"
    )
    print(table(figures))
    for name, runs in figures.items():  # where each peak came from: which process held what
        for number, run in enumerate(runs, 1):
            if run.at_peak:
                print(f"- {name}, run {number}: {peaks_line(run)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

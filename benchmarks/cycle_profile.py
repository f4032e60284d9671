"""Where one ``run --once`` cycle spends its CPU, and a before/after of it on the same state.

``python -m benchmarks.cycle_profile [--workload synthetic|newsroom] [--cycle cold|mostly-304|all-304|resend]
[--code DIR ...] [--repeat 5] [--top 25] [--workers N] [--phases N] [--imports N]``

Serves the workload and, for this checkout and each ``--code`` one, brings a fresh database
to the state before the cycle asked for (cold: empty; mostly 304: after the cold run, its
alerts marked sent as in ``benchmarks.cycles``; all 304: after the mostly-304 cycle, nothing
changed since; resend: after the all-304 cycle), keeps a copy of it, then

- profiles the cycle once with cProfile (every thread of the main process, merged:
  ``benchmarks/profiled.py profile``; parser workers are other processes: ``--workers 0`` parses
  everything in the main process, so it is in the profile)
  and prints the top functions by own time and by cumulative time;
- with ``--imports N``, runs it N times under ``python -X importtime`` and prints the top-level
  imports (each with what it pulls in) by median milliseconds: the share of start-up that is
  imports, module by module (wall time as Python measures it: a loaded machine inflates it);
- runs it ``--repeat`` times without the profiler, each on a fresh copy of the same state,
  alternating between the checkouts, and prints the CPU seconds of each run (process tree),
  sorted: a comparison in one run on a shared machine.
"""

from __future__ import annotations

import argparse
import io
import os
import pstats
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks import newsroom
from benchmarks.cycles import Run, compiled, measured, peaks_line
from benchmarks.harness import ROOT, Served, write_config
from benchmarks.workload import Spec

CYCLES = ("cold", "mostly-304", "all-304", "resend")
Rules = int | dict[str, str]  # how many generated rules, or rule files by name


def command(config: Path, out: Path | None = None, how: str = "profile") -> list[str]:
    head = [sys.executable, str(ROOT / "benchmarks" / "profiled.py"), str(out), how] if out else [sys.executable]
    return [*head, "-m", "monitor", "--config", str(config), "--log-level", "warning", "run", "--once"]


def environment(code: Path, workers: int | None) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(code)}
    if workers is not None:
        env["MONITOR_PARSER_WORKERS"] = str(workers)
    return env


def once(config: Path, code: Path, env: dict[str, str], out: Path | None = None, how: str = "profile") -> Run:
    run = measured(command(config, out, how), code, env)
    with sqlite3.connect(config.parent / "state.db") as conn:  # as benchmarks.cycles: the target never answers
        conn.execute("UPDATE alerts SET status = 'sent'")
    conn.close()
    return run


def copy_db(source: Path, target: Path) -> None:
    """``source`` copied to ``target`` with the dedup index kept beside it (``state.db.window``): the two
    are one state (a run takes the kept index only for the window it was kept with)."""
    for stale in (target, target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
        stale.unlink(missing_ok=True)
    kept, copy = source.with_name(source.name + ".window"), target.with_name(target.name + ".window")
    copy.unlink(missing_ok=True)
    if kept.exists():
        shutil.copy(kept, copy)
    if not source.exists():
        return
    a, b = sqlite3.connect(source), sqlite3.connect(target)
    try:
        a.backup(b)
    finally:
        b.close()
        a.close()


# cycle -> (workload cycle, share resent); all-304 publishes what the mostly-304 cycle read: nothing changed
PUBLISH = {"cold": (0, 0.0), "mostly-304": (1, 0.0), "all-304": (1, 0.0), "resend": (1, 1.0)}


def prepare(server: Served, folder: Path, code: Path, env: dict[str, str], cycle: str, rules: Rules) -> Path:
    """A config in ``folder`` whose database is in the state before ``cycle``; that state kept as before.db."""
    config = write_config(folder, server.urls(), rules)
    for step in CYCLES[: CYCLES.index(cycle)]:
        server.publish(*PUBLISH[step])
        once(config, code, env)
    copy_db(folder / "state.db", folder / "before.db")
    return config


def top(profile: Path, sort: str, count: int) -> str:
    out = io.StringIO()
    stats = pstats.Stats(str(profile), stream=out)
    stats.sort_stats(sort).print_stats(count)
    text = out.getvalue()
    return text[text.find("   ncalls") :]


Steps = dict[str, dict[str, list[float]]]  # checkout -> "step (calls)" -> CPU-s of each run
_IMPORT = re.compile(r"import time:\s+\d+ \|\s+(\d+) \| (\S+)$")  # -X importtime: self | cumulative | name


def top_imports(stderr: str) -> dict[str, float]:
    """Milliseconds of each top-level import (its name unindented: what it pulls in included) in
    ``-X importtime`` output; a module imported twice at the top (never) would add up."""
    found: dict[str, float] = {}
    for line in stderr.splitlines():
        if match := _IMPORT.match(line):
            found[match[2]] = found.get(match[2], 0.0) + int(match[1]) / 1000
    return found


def import_table(imports: Steps, count: int) -> str:
    """The ``count`` costliest top-level imports (by the first checkout's median), median ms per checkout."""
    names = list(imports)
    medians = {name: {m: statistics.median(v) for m, v in by.items()} for name, by in imports.items()}
    first = medians[names[0]]
    rows = [f"| top-level import (ms, median) | {' | '.join(names)} |", f"| --- |{' ---: |' * len(names)}"]
    for module in sorted(first, key=first.__getitem__, reverse=True)[:count]:
        cells = [f"{medians[n][module]:.0f}" if module in medians[n] else "-" for n in names]
        rows.append(f"| {module} | {' | '.join(cells)} |")
    totals = [f"{sum(medians[n].values()):.0f}" for n in names]
    rows.append(f"| all imports | {' | '.join(totals)} |")
    return "\n".join(rows)


def phase_table(steps: Steps) -> str:
    """One row per step (calls in brackets, from the last run), the median CPU-s of each checkout."""
    names = list(steps)
    rows = [f"| step | {' | '.join(names)} |", f"| --- |{' ---: |' * len(names)}"]
    seen: dict[str, None] = {}
    for by_step in steps.values():
        seen.update(dict.fromkeys(s.rsplit(" (", 1)[0] for s in by_step))
    for step in seen:
        cells = []
        for name in names:
            match = [(k, v) for k, v in steps[name].items() if k.rsplit(" (", 1)[0] == step]
            cells.append(f"{statistics.median(match[-1][1]):.3f} ({match[-1][0].rsplit(' (', 1)[1]}" if match else "-")
        rows.append(f"| {step} | {' | '.join(cells)} |")
    return "\n".join(rows)


@dataclass
class Bench:
    """The checkouts, each with its config (state before the cycle kept as before.db) and environment."""

    code: dict[str, Path]
    configs: dict[str, Path]
    env: dict[str, dict[str, str]]
    tmp: Path

    def run(self, name: str, out: Path | None = None, how: str = "profile") -> Run:
        config = self.configs[name]
        copy_db(config.parent / "before.db", config.parent / "state.db")
        return once(config, self.code[name], self.env[name], out, how)

    def profiles(self, label: str, count: int) -> None:
        for name, path in self.code.items():
            profile = self.tmp / f"{name}.prof"
            self.run(name, profile)
            print(f"== {name} ({path}), {label}: by own time")
            print(top(profile, "tottime", count))
            print(f"== {name}: by cumulative time")
            print(top(profile, "cumulative", count))
            kept = Path(tempfile.gettempdir()) / f"cycle-{label.replace(', ', '-')}-{name}.prof"
            shutil.copy(profile, kept)
            print(f"(kept as {kept})")

    def phases(self, rounds: int) -> Steps:
        steps: Steps = {name: {} for name in self.code}
        for _ in range(rounds):
            for name in self.code:
                out = self.tmp / f"{name}.phases"
                self.run(name, out, "phases")
                for line in out.read_text().splitlines():
                    step, calls, seconds = line.split("\t")
                    steps[name].setdefault(f"{step} ({calls})", []).append(float(seconds))
        return steps

    def imports(self, rounds: int) -> Steps:
        """Each checkout's top-level imports (``top_imports``) in ``rounds`` runs under ``-X importtime``."""
        found: Steps = {name: {} for name in self.code}
        for _ in range(rounds):
            for name, path in self.code.items():
                config = self.configs[name]
                copy_db(config.parent / "before.db", config.parent / "state.db")
                argv = command(config)
                done = subprocess.run(
                    [argv[0], "-X", "importtime", *argv[1:]],
                    cwd=path,
                    env=self.env[name],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                for module, ms in top_imports(done.stderr).items():
                    found[name].setdefault(module, []).append(ms)
        return found

    def repeat(self, rounds: int) -> dict[str, list[Run]]:
        runs: dict[str, list[Run]] = {name: [] for name in self.code}
        for _ in range(rounds):
            for name in self.code:
                runs[name].append(self.run(name))
        return runs


def workload(args: argparse.Namespace) -> tuple[Spec | newsroom.Spec, Rules]:
    now = int(time.time())
    if args.workload == "newsroom":
        spec = newsroom.Spec(seed=args.seed, feeds=args.feeds, entries=args.entries, now=now)
        return spec, newsroom.rule_files(args.rules, args.seed)
    return Spec(seed=args.seed, feeds=args.feeds, entries=args.entries, now=now), args.rules


def report(runs: dict[str, list[Run]]) -> None:
    for name, done in runs.items():
        if done:
            cpus = " ".join(f"{r.cpu:.2f}" for r in sorted(done, key=lambda r: r.cpu))
            walls = " ".join(f"{r.wall:.2f}" for r in sorted(done, key=lambda r: r.wall))
            print(f"{name}: CPU s {cpus}; wall s {walls}; peak RSS {max(r.peak_mb for r in done):.0f} MB")
            for run in done:
                print(f"  {peaks_line(run)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.cycle_profile", description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--rules", type=int, default=50)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--workload", choices=("synthetic", "newsroom"), default="synthetic")
    parser.add_argument("--cycle", choices=CYCLES, default="mostly-304")
    parser.add_argument("--code", type=Path, action="append", default=[], help="another checkout to compare")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--no-profile", dest="profile", action="store_false")
    parser.add_argument("--phases", type=int, default=0, help="runs of `benchmarks/profiled.py phases` per checkout")
    parser.add_argument("--imports", type=int, default=0, help="runs under -X importtime per checkout")
    parser.add_argument("--workers", type=int, default=None, help="parser workers (MONITOR_PARSER_WORKERS)")
    args = parser.parse_args(argv)
    code = {"this": ROOT} | {p.name: p.resolve() for p in args.code}
    for path in code.values():
        compiled(path)
    spec, rules = workload(args)
    server = Served(spec)
    try:
        with tempfile.TemporaryDirectory(prefix="monitor-profile-") as tmp:
            env = {name: environment(path, args.workers) for name, path in code.items()}
            configs = {n: prepare(server, Path(tmp) / n, p, env[n], args.cycle, rules) for n, p in code.items()}
            bench = Bench(code, configs, env, Path(tmp))
            server.publish(*PUBLISH[args.cycle])
            if args.profile:
                bench.profiles(f"{args.workload}, {args.cycle}", args.top)
            if args.phases:
                print(phase_table(bench.phases(args.phases)))
            if args.imports:
                print(import_table(bench.imports(args.imports), args.top))
            runs = bench.repeat(args.repeat)
    finally:
        server.close()
    print(f"workload {args.workload}, cycle {args.cycle}: {args.feeds} feeds x {args.entries} entries")
    report(runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())

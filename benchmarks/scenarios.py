"""The measured scenarios. Each returns rows for the table: (section, figure, value, note)."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil

from benchmarks import newsroom
from benchmarks.baselines import Rss2EmailRunner, hand_rolled
from benchmarks.bigdb import fill
from benchmarks.cycles import compiled, monitor_once
from benchmarks.harness import ROOT, Meter, Served, Usage, feedparser_alone, write_config
from benchmarks.workload import Spec, rules_yaml
from monitor import runtime
from monitor.config import load_config
from monitor.ingest.examine import examine
from monitor.ingest.parse import ParsedFeed, parse_feed
from monitor.pipeline import Pipeline, poll_all
from monitor.rules import RuleSet, load_rules
from monitor.store import Store

Row = tuple[str, str, str, str]


@dataclass
class Sizes:
    feeds: int = 500
    entries: int = 50
    rules: int = 200
    steady_cycles: int = 3
    scale_feeds: int = 5000
    scale_entries: int = 10
    db_entries: int = 1_000_000
    idle_settle: float = 40.0  # seconds for the daemon's first polls
    idle_window: float = 30.0
    handrolled_cap: float = 180.0
    rss2email: bool = True
    seed: int = 8
    # The newsroom workload (benchmarks/newsroom.py), measured by the cold and steady scenarios beside workload.py's.
    news_feeds: int = 200
    news_entries: int = 50
    news_rules: int = 50


def workload_spec(sizes: Sizes, kind: str, now: int) -> Spec | newsroom.Spec:
    """The spec of workload ``kind``: "synthetic" (workload.py) or "newsroom" (newsroom.py)."""
    if kind == "newsroom":
        return newsroom.Spec(seed=sizes.seed, feeds=sizes.news_feeds, entries=sizes.news_entries, now=now)
    return Spec(seed=sizes.seed, feeds=sizes.feeds, entries=sizes.entries, now=now)


def workload_rules(sizes: Sizes, kind: str) -> dict[str, str]:
    """The rule files of workload ``kind``: {file name: YAML}."""
    if kind == "newsroom":
        return newsroom.rule_files(sizes.news_rules, sizes.seed)
    return {"bench.yaml": rules_yaml(sizes.rules)}


@dataclass
class Results:
    rows: list[Row] = field(default_factory=list)
    figures: dict[str, float] = field(default_factory=dict)
    tag: str = ""  # the workload, added to each section name ("cold/newsroom"); "" for workload.py's

    def add(self, section: str, figure: str, value: str, note: str = "") -> None:
        section = f"{section}/{self.tag}" if self.tag else section
        self.rows.append((section, figure, value, note))
        print(f"  {section:<20} {figure:<48} {value:>14}  {note}", flush=True)


class _TimedLock:
    """Stands in for the pipeline's processing lock and adds up the time it is held: wall, and the
    holding thread's CPU (the wall also counts the GIL waits of eight poll threads on two cores)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.held = 0.0
        self.held_cpu = 0.0
        self._since = 0.0
        self._since_cpu = 0.0

    def __enter__(self) -> None:
        self._lock.acquire()
        self._since, self._since_cpu = time.perf_counter(), time.thread_time()

    def __exit__(self, *exc: object) -> None:
        self.held += time.perf_counter() - self._since
        self.held_cpu += time.thread_time() - self._since_cpu
        self._lock.release()


def _timed(totals: dict[str, float], name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """``func``, adding its wall seconds to ``totals[name]``, its thread's CPU to ``totals[name + " cpu"]``."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started, cpu = time.perf_counter(), time.thread_time()
        try:
            return func(*args, **kwargs)
        finally:
            totals[name] = totals.get(name, 0.0) + time.perf_counter() - started
            totals[name + " cpu"] = totals.get(name + " cpu", 0.0) + time.thread_time() - cpu

    return wrapper


def _examine_cpu(parsed: list[ParsedFeed], folder: Path, rules: dict[str, str]) -> float:
    """CPU seconds of ``examine.examine`` on every parsed entry, one process, with the given rule files."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in rules.items():
        (folder / name).write_text(text)
    ruleset = RuleSet(load_rules([folder]))
    seen = datetime.now(UTC)
    started = time.process_time()
    for feed in parsed:
        examine(feed.entries, seen, ruleset)
    return time.process_time() - started


def _cycle(p: Pipeline, meter: Meter) -> tuple[Usage, int]:
    usage: list[Usage] = []
    with meter.measure(usage, interval=0.5):  # sampling the process tree costs CPU too
        results = poll_all(p)
    errors = [r.error for r in results if r.error]
    if errors:
        raise RuntimeError(f"{len(errors)} feeds failed, e.g. {errors[0]}")
    return usage[0], sum(r.new_entries for r in results)


def _cold_once_peak(folder: Path, server: Served, rules: int | dict[str, str], out: Results) -> None:
    """The issue's memory figure: a cold ``run --once`` as a process of its own (as a user runs it), its
    whole tree (main and parser workers) sampled, on the bodies served now."""
    compiled(ROOT)
    run = monitor_once(write_config(folder, server.urls(), rules), ROOT)
    at_peak = " + ".join(f"{role} {mb:.0f}" for role, mb in run.at_peak)
    own = ", ".join(f"{role} {mb:.0f}" for role, mb in run.peaks)
    out.figures["cold_once_peak"] = run.peak_mb
    out.add(
        "cold",
        "  peak RSS, `run --once` process tree (target <= 250 MB)",
        f"{run.peak_mb:.0f} MB",
        f"at the peak: {at_peak} MB; each process's own peak: {own} MB; {run.cpu:.1f} CPU-s",
    )


def cold_and_steady(sizes: Sizes, work: Path, out: Results, kind: str = "synthetic") -> Path:
    """Cold ingest, steady state and the baselines on the same feeds of workload ``kind``.
    Returns the config (for the daemon)."""
    spec = workload_spec(sizes, kind, int(time.time()))
    rules = workload_rules(sizes, kind)
    rule_count = sizes.news_rules if kind == "newsroom" else sizes.rules
    server = Served(spec)
    out.figures["cold_now"] = spec.now  # the daemon at rest is served the same feeds (idle_daemon)
    try:
        bodies = server.bodies()
        fp_wall, fp_entries, fp_cpu = feedparser_alone(bodies)
        started, cpu0 = time.perf_counter(), time.process_time()
        parsed = [parse_feed(body, url, "x") for url, body in zip(server.urls(), bodies, strict=True)]
        parse_wall, parse_cpu = time.perf_counter() - started, time.process_time() - cpu0
        # Wall time is what the targets compare; CPU time is what load from other work cannot inflate.
        out.add(
            "cold",
            "feedparser alone, one process",
            f"{fp_entries / fp_wall:,.0f} e/s",
            f"{fp_wall:.1f} s; by CPU time {fp_entries / fp_cpu:,.0f} e/s",
        )
        out.add(
            "cold",
            "parse.parse_feed, one process",
            f"{fp_entries / parse_wall:,.0f} e/s",
            f"{parse_wall:.1f} s; by CPU time {fp_entries / parse_cpu:,.0f} e/s",
        )
        examine_cpu = _examine_cpu(parsed, work / "monitor-rules", rules)
        out.add(
            "cold",
            "examine (signature, hash, matches), one process",
            f"{examine_cpu / fp_entries * 1e6:,.0f} us/entry",
            f"{examine_cpu / parse_cpu:.2f}x parse CPU; runs in the parser processes",
        )
        del parsed
        config = write_config(work / "monitor", server.urls(), rules)
        # lean: parsed in the worker processes as the daemon does (a one-off run parses its first
        # bodies in place), so the serial stage and the workers' CPU below are what they say.
        p = runtime.build(load_config(config), lean=True)
        stages: dict[str, float] = {}
        p.index.decide = _timed(stages, "dedup", p.index.decide)  # type: ignore[method-assign]
        p.runtime.rules.match = _timed(stages, "match", p.runtime.rules.match)  # type: ignore[method-assign]
        lock = _TimedLock()
        p._process_lock = lock  # type: ignore[assignment]
        meter = Meter(served=server)
        cold, entries = _cycle(p, meter)
        rate = entries / cold.wall
        alerts = len(p.store.alerts())
        out.figures |= {"cold_wall": cold.wall, "cold_rate": rate, "fp_rate": fp_entries / fp_wall}
        out.add(
            "cold",
            f"monitor end to end ({spec.feeds} feeds, {rule_count} rules)",
            f"{rate:,.0f} e/s",
            f"{entries:,} entries in {cold.wall:.1f} s, {cold.cpu:.1f} CPU-s, {alerts:,} alerts queued",
        )
        # Where the CPU goes: the main process (fetching, the serial stage) and the parser processes.
        workers = cold.cpu - cold.own_cpu
        out.add(
            "cold", "  main process CPU", f"{cold.own_cpu / entries * 1e6:,.0f} us/entry", f"{cold.own_cpu:.1f} CPU-s"
        )
        out.add("cold", "  parser processes CPU", f"{workers / entries * 1e6:,.0f} us/entry", f"{workers:.1f} CPU-s")
        out.add(
            "cold",
            "  vs feedparser alone (target >= 2x)",
            f"{rate / (fp_entries / fp_wall):.2f}x",
            f"{rate / (fp_entries / fp_cpu):.2f}x against its CPU-time rate",
        )
        # The serial stage (under the pipeline's lock): index lookups, writes, and matching only
        # for entries the parser processes did not examine. Signatures and matches are in "examine".
        # Wall (what the lock was held for, GIL waits included) and the holding thread's CPU.
        rest = lock.held - stages.get("dedup", 0) - stages.get("match", 0)
        rest_cpu = lock.held_cpu - stages.get("dedup cpu", 0) - stages.get("match cpu", 0)
        for name, seconds, cpu in (
            ("dedup (index lookups)", stages.get("dedup", 0), stages.get("dedup cpu", 0)),
            ("match (in the serial stage)", stages.get("match", 0), stages.get("match cpu", 0)),
            ("store (+ key lookups)", rest, rest_cpu),
        ):
            note = f"{seconds / entries * 1e6:.0f} us/entry; CPU {cpu:.2f} s = {cpu / entries * 1e6:.0f} us/entry"
            out.add("cold", f"  stage: {name}", f"{seconds:.2f} s", note)
        share = lock.held / parse_wall
        out.figures["overhead_share"] = share
        out.add(
            "cold",
            "  serial stage / parse (target < 0.25)",
            f"{share:.2f}",
            f"parse {parse_wall:.1f} s; with examine's CPU: {(lock.held + examine_cpu) / parse_wall:.2f}",
        )
        out.add(
            "cold",
            "  peak RSS, this benchmark's process + parser workers",
            f"{cold.peak_rss_mb:.0f} MB",
            "the feed server left out; the benchmark's own bodies and parses included",
        )
        _cold_once_peak(work / "once", server, rules, out)
        if isinstance(server.workload, newsroom.Newsroom):
            _alerts_vs_expected(server.workload, config, out)

        # Steady state: first a cycle where every server ignores conditional GET (as rss2email will see it).
        server.publish(1, ignore=1.0)
        plain, new = _cycle(p, meter)
        out.figures["plain_cpu"] = plain.cpu
        out.add(
            "steady",
            f"no conditional GET anywhere, {spec.changed:.0%} feeds changed",
            f"{plain.cpu:.2f} CPU-s",
            f"wall {plain.wall:.2f} s, {new} new entries; main process {plain.own_cpu:.2f} CPU-s",
        )
        usages = []
        for cycle in range(2, 2 + sizes.steady_cycles):
            server.publish(cycle, ignore=0.2)
            usage, new = _cycle(p, meter)
            usages.append((usage, new))
        cpu = sum(u.cpu for u, _ in usages) / len(usages)
        wall = sum(u.wall for u, _ in usages) / len(usages)
        own = sum(u.own_cpu for u, _ in usages) / len(usages)
        out.figures["steady_cpu"] = cpu
        out.add(
            "steady",
            "per cycle: 80% 304, 20% unchanged body (<= 2)",
            f"{cpu:.2f} CPU-s",
            f"wall {wall:.2f} s, {sum(n for _, n in usages) // len(usages)} new entries/cycle; "
            f"main process {own:.2f} CPU-s",
        )
        p.close()

        server.publish(0)
        _rss2email(sizes, server, work, out)
        server.publish(0)
        _hand_rolled(sizes, server, work, out, entries, rules)
        server.publish(1 + sizes.steady_cycles, ignore=0.2)  # where the monitor database left off
    finally:
        server.close()
    return config


def _rss2email(sizes: Sizes, server: Served, work: Path, out: Results) -> None:
    if not sizes.rss2email:
        out.add("rss2email", "skipped", "-", "--no-rss2email")
        return
    runner = Rss2EmailRunner(work / "rss2email", server.urls())
    if runner.problem:
        out.add("rss2email", "skipped", "-", runner.problem)
        return
    cold = runner.run()
    out.add("rss2email", "cold: r2e run --no-send", f"{cold.wall:.1f} s", f"{cold.cpu:.1f} CPU-s")
    out.add("rss2email", "  monitor faster by (target >= 4x)", f"{cold.wall / out.figures['cold_wall']:.1f}x", "")
    server.publish(1, ignore=1.0)
    plain = runner.run()
    changed = f"{server.spec.changed:.0%}"
    out.add(
        "rss2email",
        f"no conditional GET, {changed} feeds changed",
        f"{plain.cpu:.2f} CPU-s",
        f"wall {plain.wall:.1f} s",
    )
    out.add(
        "rss2email",
        "  monitor uses less CPU by (target >= 10x)",
        f"{plain.cpu / max(out.figures['plain_cpu'], 1e-9):.1f}x",
        "",
    )


def _alerts_vs_expected(workload: newsroom.Newsroom, config: Path, out: Results) -> None:
    """The cold run's alerts against the (rule, story) pairs expected once each (``newsroom.expected_pairs``)."""
    expected = newsroom.expected_pairs(workload, config.parent / "rules")
    truth = workload.truth(0)  # entry key -> the story it belongs to
    with sqlite3.connect(f"file:{config.parent / 'state.db'}?mode=ro", uri=True) as conn:
        keys = conn.execute("SELECT a.rule, e.key FROM alerts a JOIN entries e ON e.id = a.entry_id").fetchall()
    conn.close()
    sent = [(rule, truth.get(key, key)) for rule, key in keys]
    pairs = set(sent)
    ratio = len(sent) / max(1, len(expected.pairs))
    out.figures["alerts_ratio"] = ratio
    out.add(
        "cold",
        "alerts sent / expected (rule, story) pairs",
        f"{len(sent):,} / {len(expected.pairs):,}",
        f"{ratio:.3f}x (target <= 1.02x); {expected.copies:,} copies of wire stories among {expected.entries:,} "
        f"entries; an alert per matching entry would be {expected.matched_entries:,}",
    )
    out.add(
        "cold",
        "  repeats / missed / unexpected pairs",
        f"{len(sent) - len(pairs):,} / {len(expected.pairs - pairs):,} / {len(pairs - expected.pairs):,}",
        "repeat: another alert for a (rule, story) already alerted; missed: expected, never sent; "
        "unexpected: sent, not expected",
    )


def _hand_rolled(sizes: Sizes, server: Served, work: Path, out: Results, total: int, rules: dict[str, str]) -> None:
    rules_text = next(iter(rules.values()))  # the rule list; the script knows no aliases (baselines._rule_regexes)
    result = hand_rolled(server.urls(), rules_text, work / "handrolled.db", total, sizes.handrolled_cap)
    ratio = result.wall / out.figures["cold_wall"]
    if result.finished:
        out.add(
            "hand-rolled",
            "cold: feedparser + rapidfuzz scan + regexes",
            f"{result.wall:.1f} s",
            f"{result.cpu:.1f} CPU-s, {result.alerts:,} alerts",
        )
        out.add("hand-rolled", "  monitor faster by (target >= 10x)", f"{ratio:.1f}x", "")
    else:
        out.add(
            "hand-rolled",
            "cold: feedparser + rapidfuzz scan + regexes",
            f">{result.wall:.0f} s",
            f"stopped at the cap after {result.entries:,} of {total:,} entries (its dedup is quadratic)",
        )
        # Projection: parsing grows linearly, the scan of every stored entry quadratically.
        linear = result.entries / out.figures["fp_rate"]
        quadratic = max(0.0, result.wall - linear) / result.entries**2
        projected = total / out.figures["fp_rate"] + quadratic * total**2
        out.add(
            "hand-rolled",
            "  monitor faster by (target >= 10x)",
            f">{ratio:.1f}x",
            f"measured lower bound; projected for all entries: {projected:,.0f} s, "
            f"{projected / out.figures['cold_wall']:.0f}x",
        )


def scale(sizes: Sizes, work: Path, out: Results) -> None:
    spec = Spec(seed=sizes.seed + 1, feeds=sizes.scale_feeds, entries=sizes.scale_entries, now=int(time.time()))
    server = Served(spec)
    try:
        p = runtime.build(load_config(write_config(work / "scale", server.urls(), sizes.rules)))
        meter = Meter(served=server)
        cold, entries = _cycle(p, meter)
        out.add(
            "scale",
            f"{sizes.scale_feeds:,} feeds cold ({sizes.scale_entries} entries each)",
            f"{entries / cold.wall:,.0f} e/s",
            f"{cold.wall:.1f} s, {cold.cpu:.1f} CPU-s",
        )
        usages = []
        for cycle in (1, 2):
            server.publish(cycle, ignore=0.2)
            usages.append(_cycle(p, meter)[0])
        out.add(
            "scale",
            f"{sizes.scale_feeds:,} feeds steady, per cycle",
            f"{sum(u.cpu for u in usages) / 2:.2f} CPU-s",
            f"wall {sum(u.wall for u in usages) / 2:.2f} s",
        )
        p.close()
    finally:
        server.close()


def big_database(sizes: Sizes, work: Path, out: Results) -> None:
    folder = work / "bigdb"
    config = write_config(folder, [], sizes.rules)
    db = folder / "state.db"
    started = time.perf_counter()
    fill(db, sizes.db_entries, datetime.now(UTC))
    written = time.perf_counter() - started
    # The daemon indexes new entries for `rules test` every few minutes; here all at once, timed apart
    # from the backtest below (which then finds the index up to date, as it would beside a daemon).
    store = Store(db)
    started, cpu = time.perf_counter(), time.process_time()
    indexed = store.catch_up_fts()
    store.close()
    catch_up = (time.perf_counter() - started, time.process_time() - cpu)
    out.add(
        "scale",
        f"database of {sizes.db_entries:,} entries",
        f"{_size(folder) / 2**20:,.0f} MB",
        f"written in {written:.0f} s, then indexed for `rules test`",
    )
    out.add(
        "scale",
        f"  full-text index catch-up ({indexed:,} entries)",
        f"{catch_up[0]:.1f} s",
        f"{catch_up[1]:.1f} CPU-s; the daemon does it every few minutes, not in the backtest below",
    )
    code = (
        "from monitor import runtime; from monitor.config import load_config; import sys; "
        "runtime.build(load_config(sys.argv[1])).close()"
    )
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(config)], check=True, cwd=ROOT)
    out.add(
        "scale", "  start-up (process start, load rules, dedup index)", f"{time.perf_counter() - started:.2f} s", ""
    )
    help_ = subprocess.run([sys.executable, "-m", "monitor", "rules", "test", "--help"], capture_output=True, cwd=ROOT)
    if help_.returncode != 0:
        out.add(
            "scale",
            "  rules test (backtest of one rule)",
            "n/a",
            "`monitor rules test` is not in this build yet (issue 3)",
        )
        return
    rule = folder / "one-rule.yaml"
    rule.write_text(rules_yaml(1, seed=sizes.seed))
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "monitor", "--config", str(config), "rules", "test", str(rule), "--since", "400d"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    took = time.perf_counter() - started
    note = "" if result.returncode == 0 else f"exit {result.returncode}: {result.stderr.strip()[-200:]}"
    out.add("scale", "  rules test, one rule over all (target <= 5 s)", f"{took:.2f} s", note)


def idle_daemon(sizes: Sizes, config: Path, out: Results, kind: str = "synthetic") -> None:
    """``monitor run`` on the cold run's database with its feeds: first polls, then at rest.

    The feeds are served as the cold run left them: same URLs (port) and same dates, so
    the daemon starts where the database left off (304s and unchanged bodies), as after a
    restart, rather than taking 500 new URLs for new feeds and ingesting them all again.
    """
    lines = config.read_text().splitlines()
    old = lines[lines.index("[[feeds]]") + 1].split('"')[1].rsplit("/feeds/", 1)[0]
    spec = workload_spec(sizes, kind, int(out.figures["cold_now"]))
    server = Served(spec, port=int(old.rsplit(":", 1)[1]))
    try:
        server.publish(1 + sizes.steady_cycles, ignore=0.2)
        assert server.base == old, (server.base, old)
        # The cold run's alerts went to a target that does not exist: mark them sent, or the
        # daemon's retries would be what this figure measures.
        with sqlite3.connect(config.parent / "state.db") as conn:
            conn.execute("UPDATE alerts SET status = 'sent'")
        daemon = subprocess.Popen(
            [sys.executable, "-m", "monitor", "--config", str(config), "--log-level", "warning", "run"],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            time.sleep(sizes.idle_settle)
            meter = Meter(daemon.pid)
            usage: list[Usage] = []
            with meter.measure(usage, interval=1.0):
                time.sleep(sizes.idle_window)
            main_rss = psutil.Process(daemon.pid).memory_info().rss / 2**20
        finally:
            daemon.send_signal(signal.SIGTERM)
            daemon.wait(30)
        idle = usage[0]
        out.add(
            "daemon",
            f"idle with {spec.feeds} feeds: RSS (target <= 80 MB)",
            f"{main_rss:.0f} MB",
            f"whole tree {idle.peak_rss_mb:.0f} MB",
        )
        out.add(
            "daemon",
            "  CPU at rest (target < 1% of a core)",
            f"{100 * idle.cpu / idle.wall:.2f} %",
            f"over {idle.wall:.0f} s",
        )
    finally:
        server.close()


def _size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.glob("state.db*"))


def clean(work: Path) -> None:
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work, exist_ok=True)

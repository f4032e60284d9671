"""Dedup speed: decide + add per entry against a window of N entries, memory, rebuild time,
signature cost, beside a naive rapidfuzz scan of the whole window measured in the same run.

    .venv/bin/python benchmarks/dedup_speed.py                # 10k and 100k
    .venv/bin/python benchmarks/dedup_speed.py --sizes 10000 100000 1000000
    .venv/bin/python benchmarks/dedup_speed.py --smoke        # 2k, seconds (the test runs this)
    .venv/bin/python benchmarks/dedup_speed.py --sizes 100000 --against main   # beside another design
    .venv/bin/python benchmarks/dedup_speed.py --sizes 100000 --against /tmp/base   # a folder holding monitor/
    .venv/bin/python benchmarks/dedup_speed.py --sizes 100000 --rounds 9 --per-round 1000

How decide + add is timed (the figure issue 13's target reads): the probes are ``--rounds`` slices of
``--per-round`` new entries (default 7 × 1,000: ~2 CPU-s a design at 0.3 ms), each slice decided and
added in turn after a ``gc.collect()``; the figure is the median of the rounds' process CPU time per
entry, printed with the rounds' min–max (and the wall clock's median beside it). One round of 500
probes (~150 ms) read first rounds 10–25 % slower whichever design ran first: too short to trust.
The window grows by each round's entries (100k → 107k by default), the same for every design.

``--against REF`` measures the design of git revision REF (its ``monitor`` package exported to a
temporary folder) or of a folder holding ``monitor/``. Each design then runs in its own worker
process (this file with ``--worker``, ``PYTHONPATH`` at that design's tree) that builds its window
once and times one round per request; the rounds interleave A B B A A B …, so both designs share the
machine, the load and the workload, and neither is always first. The order is printed.

Synthetic but realistic text: ledes of 40-90 words drawn from a Zipf-distributed
vocabulary of 30k words plus capitalised names, a quarter of the window being
syndicated copies (trimmed, cut, one word changed). "rebuild" is ``StoryIndex.load`` of stored
signatures (packed and unpacked as the store keeps them; the SQLite read excluded), timed untraced,
once: wall clock and CPU ("rebuild cpu", what a loaded machine's other work does not add to).
"start-up" is the real start-up rebuild (issue 13: "start-up rebuild of a 100k window ≤ 2 s"):
``rebuild_index`` over a SQLite store holding the window, its signatures stored as the pipeline stores
them (the store written once, untimed), so the store's read, the signatures' unpacking and ``load``;
timed ``--startups`` times (median wall, min–max, and median CPU), interleaved with the other
design's like the rounds (A B B A …) under ``--against``. Memory is the
traced Python allocation of a separate build of the same index, the unpacked signatures'
arrays included (tracemalloc would slow the timed one several-fold).
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from rapidfuzz import fuzz, process

from monitor.dedup import Signature, StoryIndex, signature
from monitor.dedup.rebuild import rebuild_index
from monitor.models import Entry
from monitor.store import Store
from monitor.store.helpers import iso
from monitor.store.window import SIGNATURE_COLUMNS, signature_values

ROUNDS = 7
PER_ROUND = 1_000
STARTUPS = 3
NAIVE_QUERIES = 20
START = datetime(2025, 7, 1, tzinfo=UTC)


def vocabulary(rng: random.Random) -> tuple[list[str], list[str]]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = ["".join(rng.choices(letters, k=rng.randint(2, 10))) for _ in range(30_000)]
    names = ["".join(rng.choices(letters, k=rng.randint(4, 9))).capitalize() for _ in range(5_000)]
    return words, names


def article(rng: random.Random, words: list[str], names: list[str], weights: list[float]) -> tuple[str, str]:
    body = rng.choices(words, cum_weights=weights, k=rng.randint(40, 90))
    for i in rng.sample(range(len(body)), 6):
        body[i] = rng.choice(names)
    title = " ".join(rng.choices(words, cum_weights=weights, k=8)).capitalize() + " " + rng.choice(names)
    return title, " ".join(body) + "."


def copy_of(rng: random.Random, entry: Entry, n: int) -> Entry:
    words = entry.content.split()
    style = n % 3
    if style == 0:
        words = words[: max(25, len(words) // 2)]  # trimmed to the first paragraph
    elif style == 1:
        words = [*words[: rng.randint(26, len(words))], "…"]  # cut mid-sentence
    else:
        words[rng.randrange(len(words))] = "stated"  # one word changed
    return replace(entry, outlet=f"copy{n}", key=f"c{n}", content=" ".join(words), title="Another headline")


def entries(n: int, seed: int = 1) -> list[Entry]:
    rng = random.Random(seed)
    words, names = vocabulary(rng)
    weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(words))))
    out: list[Entry] = []
    originals: list[Entry] = []
    for i in range(n):
        if originals and rng.random() < 0.25:
            out.append(copy_of(rng, rng.choice(originals[-2000:]), i))
            continue
        title, body = article(rng, words, names, weights)
        when = START + timedelta(minutes=i * 10080 / max(n, 1))  # the window spread over 7 days
        out.append(
            Entry(f"f{i % 500}", f"outlet{i % 500}", f"k{i}", f"https://x.example/{i}", title, "", body, published=when)
        )
    return out


def stored(sigs: list[Signature]) -> list[Signature]:
    """The signatures as the start-up rebuild reads them from the store: packed, then unpacked (a
    fresh signature also carries what only deciding it needs: all its shingles, its sentences)."""
    return [Signature.unpack(s.pack(), s.lede, s.keywords, s.when, s.outlet) or s for s in sigs]


def build(sigs: list[Signature], seen: datetime) -> StoryIndex:
    """The start-up rebuild: ``StoryIndex.load`` where the design has it, else ``add`` of each entry."""
    index = StoryIndex()
    if hasattr(index, "load"):
        index.load([(entry_id, entry_id, entry_id, seen, sig) for entry_id, sig in enumerate(sigs, start=1)])
        return index
    for entry_id, sig in enumerate(sigs, start=1):
        index.add(entry_id, entry_id, entry_id, sig, seen)
    return index


def store_window(path: Path, sigs: list[Signature]) -> Store:
    """A store at ``path`` holding the window, each entry signed as the pipeline stores it (one story
    per entry, first seen over the window's 7 days): what the real start-up reads. Written in bulk."""
    store = Store(path)
    conn = store.conn
    outlets = sorted({sig.outlet for sig in sigs})
    with store.transaction():
        conn.executemany(
            "INSERT INTO feeds (url, name, source) VALUES (?, ?, 'config')", [(f"f:{o}", o) for o in outlets]
        )
    step = 10_000
    signed = ", ".join("?" * len(SIGNATURE_COLUMNS))  # the design's signature columns (``--against``: its own)
    for low in range(0, len(sigs), step):
        stories, rows = [], []
        for entry_id, sig in enumerate(sigs[low : low + step], start=low + 1):
            seen = iso(START + timedelta(minutes=(entry_id - 1) * 10080 / len(sigs)))
            stories.append((entry_id, entry_id, "t", seen))
            entry = (entry_id, f"f:{sig.outlet}", f"k{entry_id}", sig.outlet, "t", seen, entry_id)
            rows.append((*entry, *signature_values(sig)))
        with store.transaction():
            conn.executemany("INSERT INTO stories (id, first_entry_id, title, first_seen) VALUES (?, ?, ?, ?)", stories)
            conn.executemany(
                "INSERT INTO entries (id, feed_url, key, outlet, link, title, summary, content, author, tags, lang, "
                f"first_seen, story_id, dedup_score, dedup_reason, {', '.join(SIGNATURE_COLUMNS)}) "
                f"VALUES (?, ?, ?, ?, '', ?, '', '', '', '[]', 'en', ?, ?, 0, '', {signed})",
                rows,
            )
    return store


@dataclass
class Window:
    """One design's built window and the probes still to decide (see ``prepare``)."""

    index: StoryIndex
    probes: list[Signature]
    seen: datetime
    size: int
    stats: dict[str, float]
    store: Store | None = None

    def startup(self) -> tuple[float, float]:
        """The real start-up rebuild of the stored window (``rebuild_index``): (wall s, CPU s)."""
        assert self.store is not None
        gc.collect()
        t0, cpu0 = time.perf_counter(), time.process_time()
        index = rebuild_index(self.store, START - timedelta(minutes=1), timedelta(days=8), backfill=False)
        took = time.perf_counter() - t0, time.process_time() - cpu0
        assert len(index) == self.size, f"the start-up read {len(index)} entries of {self.size}"
        return took

    def round(self, k: int, per_round: int) -> tuple[float, float]:
        """Decide + add the ``k``-th slice of probes: (CPU s, wall s)."""
        gc.collect()  # no round pays for the garbage of the one before
        first = k * per_round
        t0, cpu0 = time.perf_counter(), time.process_time()
        for entry_id, sig in enumerate(self.probes[first : first + per_round], start=self.size + first + 1):
            decision = self.index.decide(sig)
            self.index.add(entry_id, decision.story_id or entry_id, decision.event_id or entry_id, sig, self.seen)
        return time.process_time() - cpu0, time.perf_counter() - t0


def prepare(size: int, probes: int, naive_queries: int, scratch: str) -> Window:
    """The window of ``size`` entries built as the start-up rebuild builds it (memory, rebuild time and
    signature cost measured on the way), stored in a database in ``scratch`` for the real start-up, the
    probes' signatures computed, nothing yet decided."""
    window = entries(size + probes)
    seen = START + timedelta(days=7)
    t0 = time.perf_counter()
    sigs = [signature(e, seen) for e in window[:size]]
    sign_s = time.perf_counter() - t0

    tracemalloc.start()  # memory of one build; time of another, since tracing slows every allocation
    traced = build(stored(sigs), seen)
    memory_mb = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()
    del traced
    window_sigs = stored(sigs)  # as the start-up reads them: the SQLite read is not timed
    gc.collect()
    t0, cpu0 = time.perf_counter(), time.process_time()
    index = build(window_sigs, seen)
    rebuild_s, rebuild_cpu = time.perf_counter() - t0, time.process_time() - cpu0

    store = store_window(Path(scratch) / "window.db", sigs)
    probe = window[size:]
    # Signatures are computed where feeds are parsed (ingest/examine, parser processes); the
    # serial stage, under the pipeline's lock, only decides and adds: that is what is timed.
    probe_sigs = [signature(entry, seen) for entry in probe]

    ledes = [s.lede for s in sigs]
    t0 = time.perf_counter()
    for entry in probe[:naive_queries]:
        process.extractOne(signature(entry, seen).lede, ledes, scorer=fuzz.ratio, score_cutoff=90)
    naive_ms = (time.perf_counter() - t0) / max(naive_queries, 1) * 1000
    stats = {
        "size": size,
        "naive_ms": naive_ms,
        "memory_mb": memory_mb,
        "rebuild_s": rebuild_s,
        "rebuild_cpu": rebuild_cpu,
    }
    return Window(index, probe_sigs, seen, size, {**stats, "signature_ms": sign_s / size * 1000}, store)


def worker(size: int, probes: int, naive: int, per_round: int) -> None:
    """One design in a process of its own: build, print the stats, then time one round per line read
    (a start-up for the line "startup")."""
    with tempfile.TemporaryDirectory() as scratch:
        window = prepare(size, probes, naive, scratch)
        print(json.dumps(window.stats), flush=True)
        for line in sys.stdin:
            took = window.startup() if line.strip() == "startup" else window.round(int(line), per_round)
            print(json.dumps(took), flush=True)
        assert window.store is not None
        window.store.close()


class Remote:
    """A ``worker`` process running this file against the ``monitor`` package of ``folder``."""

    def __init__(self, folder: str, size: int, probes: int, naive: int, per_round: int) -> None:
        args = [sys.executable, str(Path(__file__).resolve()), "--worker", *map(str, (size, probes, naive, per_round))]
        env = {**os.environ, "PYTHONPATH": folder}
        self.process = subprocess.Popen(
            args, env=env, cwd=folder, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        self.stats: dict[str, float] = {}

    def ready(self) -> Remote:
        """Wait for the window to be built (workers build side by side: the setup is the slow part)."""
        self.stats = json.loads(self.read())
        return self

    def read(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise SystemExit(f"dedup_speed worker failed (exit {self.process.wait()})")
        return line

    def round(self, k: int, per_round: int) -> tuple[float, float]:
        return self.ask(str(k))

    def startup(self) -> tuple[float, float]:
        return self.ask("startup")

    def ask(self, line: str) -> tuple[float, float]:
        assert self.process.stdin is not None
        self.process.stdin.write(f"{line}\n")
        self.process.stdin.flush()
        first, second = json.loads(self.read())
        return first, second

    def close(self) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()
        self.process.wait()
        self.process.stdout.close()


def exported(ref: str, scratch: str) -> str:
    """A folder holding the ``monitor`` package of git revision ``ref`` (or ``ref`` itself, a folder)."""
    if (Path(ref) / "monitor").is_dir():
        return ref
    root = Path(__file__).resolve().parent.parent
    archive = subprocess.run(["git", "-C", str(root), "archive", ref, "monitor"], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", scratch], input=archive.stdout, check=True)
    return scratch


def interleaved(designs: dict[str, Window | Remote], rounds: int, per_round: int) -> tuple[str, dict[str, list]]:
    """Each design's (CPU s, wall s) per round, the designs' order alternating every round (A B B A …)."""
    return alternated(designs, rounds, lambda design, k: design.round(k, per_round))


def alternated(
    designs: dict[str, Window | Remote], times: int, measure: Callable[[Window | Remote, int], tuple[float, float]]
) -> tuple[str, dict[str, list]]:
    """``measure`` of each design ``times`` times, the designs' order alternating each time (A B B A …)."""
    names = list(designs)
    taken: dict[str, list[tuple[float, float]]] = {name: [] for name in names}
    order = []
    for k in range(times):
        for name in names if k % 2 == 0 else names[::-1]:
            taken[name].append(measure(designs[name], k))
            order.append("AB"[names.index(name)])
    return "".join(order), taken


def row(name: str, stats: dict[str, float], times: list[tuple[float, float]], per_round: int, startups: list) -> str:
    cpu = sorted(t[0] / per_round * 1000 for t in times)
    walls = sorted(t[0] for t in startups)
    startup = f"{statistics.median(walls):.2f} ({walls[0]:.2f}–{walls[-1]:.2f})" if walls else "-"
    startup_cpu = statistics.median(t[1] for t in startups) if startups else math.nan
    wall = statistics.median(t[1] for t in times) / per_round * 1000
    spread = f"{cpu[0]:.3f}–{cpu[-1]:.3f}"
    return (
        f"{name:>10} {stats['size']:>8} {statistics.median(cpu):>12.3f} {spread:>13} {wall:>8.3f} "
        f"{stats['naive_ms']:>14.1f} {stats['naive_ms'] / wall:>7.0f}x {stats['memory_mb']:>9.0f} "
        f"{stats['memory_mb'] * 1e6 / stats['size']:>7.0f} {stats['rebuild_s']:>9.2f} {stats['rebuild_cpu']:>11.2f} "
        f"{stats['signature_ms']:>12.3f} {startup:>19} {startup_cpu:>11.2f}"
    )


def window_rows(size: int, ref: str | None, rounds: int, per_round: int, naive: int, startups: int) -> list[str]:
    """The printed rows of one window size: this design's, and the design of ``ref``'s in the same rounds."""
    probes = rounds * per_round

    def started(design: Window | Remote, k: int) -> tuple[float, float]:
        return design.startup()

    with tempfile.TemporaryDirectory() as scratch:
        if not ref:
            window = prepare(size, probes, naive, scratch)
            _, times = interleaved({"this": window}, rounds, per_round)
            _, took = alternated({"this": window}, startups, started)
            assert window.store is not None
            window.store.close()
            return [row("this", window.stats, times["this"], per_round, took["this"])]
        root = str(Path(__file__).resolve().parent.parent)
        this = Remote(root, size, probes, naive, per_round)
        other = Remote(exported(ref, scratch), size, probes, naive, per_round)
        remotes = {"this": this.ready(), Path(ref).name[:10]: other.ready()}
        try:
            order, times = interleaved(dict(remotes), rounds, per_round)
            startup_order, took = alternated(dict(remotes), startups, started)
        finally:
            for remote in remotes.values():
                remote.close()
    lines = [row(name, remote.stats, times[name], per_round, took[name]) for name, remote in remotes.items()]
    return [*lines, f"{'':>10} order {order} start-ups {startup_order} (A = this)"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--smoke", action="store_true", help="one small window, for the test suite")
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="timed rounds per design (median reported)")
    parser.add_argument("--per-round", type=int, default=PER_ROUND, help="entries decided and added per round")
    parser.add_argument("--startups", type=int, default=STARTUPS, help="real start-ups timed per design")
    parser.add_argument(
        "--against", metavar="REF", help="also measure the design of git revision REF, or of a folder holding monitor/"
    )
    parser.add_argument("--worker", type=int, nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(*args.worker)
        return 0
    rounds, per_round, naive = (2, 50, 5) if args.smoke else (args.rounds, args.per_round, NAIVE_QUERIES)
    startups = 1 if args.smoke else args.startups
    sizes = [2_000] if args.smoke else args.sizes
    print(f"{rounds} rounds × {per_round} assignments and {naive} naive scans per window; CPU median (min–max)")
    print(
        f"{'design':>10} {'window':>8} {'cpu ms/entry':>12} {'min–max':>13} {'wall ms':>8} {'naive ms/entry':>14} "
        f"{'speed-up':>8} {'memory MB':>9} {'B/entry':>7} {'rebuild s':>9} {'rebuild cpu':>11} {'signature ms':>12} "
        f"{'start-up s (min–max)':>19} {'start-up cpu':>11}"
    )
    for size in sizes:
        for line in window_rows(size, args.against, rounds, per_round, naive, startups):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())

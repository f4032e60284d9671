"""What the dedup index of a window costs a process in resident memory, bytes per entry, at any size.

``python -m benchmarks.index_memory [--sizes 10000 100000 1000000] [--distinct 20000] [--code DIR ...]
[--ways rebuild kept added]``

Writes the window's rows as the store reads them (``store/window.py``'s query: ids, story, event,
first seen, the packed signature, lede, keywords, when, outlet) to a scratch SQLite file, then, in
a fresh process per size and checkout: imports the dedup code, builds the index with
``rebuild_index`` (reading the rows in the store's batches through ``window_rows``), or reads the
one a run kept (a pickle of it, as ``pipeline/kept.py`` keeps it), or adds each row in turn (a
daemon up for a window's time: every entry of its window came by ``add``), drops everything but the index,
collects, and reports the growth of RSS (before and after glibc's ``malloc_trim``: what a
daemon at rest holds) and the Python allocations the index keeps (tracemalloc, a separate build).

Signing a million texts takes ten minutes, so ``--distinct`` texts are signed
(``benchmarks/dedup_speed.py``'s generator: ledes of 40-90 words, a quarter syndicated copies) and
the rest of the window repeats them with every hash salted per copy (keys, sample, opening,
sentences, facts, headline): distinct keys, so the keys' table grows as with distinct texts;
the event keywords repeat (a window's vocabulary is bounded).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
WAYS = ("rebuild", "kept", "added")  # read from the store; read from the file a run kept; added one by one

_MEASURE = """
import ctypes, gc, json, os, sqlite3, sys, tracemalloc
from datetime import UTC, datetime
from monitor.dedup.rebuild import rebuild_index
from monitor.store import window
from monitor.store.window import window_rows

def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

class Window:  # the two reads of the store ``rebuild_index`` makes, over the scratch file
    def __init__(self, path):
        self.conn = sqlite3.connect(path)

    def batches(self):
        cursor = self.conn.execute("SELECT * FROM window ORDER BY id")
        while batch := cursor.fetchmany(getattr(window, "WINDOW_BATCH", 2000)):  # the store's step
            yield batch

    def recent_signatures(self, since):
        for batch in self.batches():
            yield from window_rows(batch)

    def window_batches(self, since):  # the rebuild's read since sp40: signatures as stored, unread
        for batch in self.batches():
            yield list(window.stored_rows(batch))

    def entries(self, ids):
        assert not list(ids), "every row has its signature"
        return {}

def build(path):
    window = Window(path)
    try:
        return rebuild_index(window, datetime.now(UTC))
    finally:
        window.conn.close()

def added(path):
    # The index a daemon ends with after a window's time up: every entry added as it came (``add``).
    from monitor.dedup import StoryIndex
    index, window = StoryIndex(), Window(path)
    try:
        for entry_id, story_id, event_id, seen, sig in window.recent_signatures(None):
            index.add(entry_id, story_id, event_id, sig, seen)
    finally:
        window.conn.close()
    return index

def kept(path):
    # The index as a daemon reads the one a run kept (pipeline/kept.py: one pickle, the collector off).
    import pickle
    with open(path + ".pickle", "rb") as f:
        data = f.read()
    gc.disable()
    try:
        return pickle.loads(data)
    finally:
        gc.enable()

path, n, how = sys.argv[1], int(sys.argv[2]), sys.argv[3]
if how == "write":  # in a process of its own: what it leaves behind is not measured
    import pickle
    with open(path + ".pickle", "wb") as f:
        f.write(pickle.dumps(build(path), protocol=5))
    sys.exit()
read = {"kept": kept, "added": added, "rebuild": build}[how]
gc.collect()
ctypes.CDLL(None).malloc_trim(0)
before = rss()
index = read(path)
gc.collect()
held = rss()
ctypes.CDLL(None).malloc_trim(0)
trimmed = rss()
del index
gc.collect()
tracemalloc.start()
index = read(path)
gc.collect()
traced = tracemalloc.get_traced_memory()[0]
print(json.dumps({"rss": (held - before) / n, "trimmed": (trimmed - before) / n, "traced": traced / n}))
"""


def signed(distinct: int) -> list[tuple[bytes, str, str, float, str]]:
    """(packed signature, lede, keywords, when, outlet) of ``distinct`` generated entries."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import dedup_speed

    from monitor.dedup import signature

    seen = dedup_speed.START + timedelta(days=7)
    out = []
    for entry in dedup_speed.entries(distinct):
        sig = signature(entry, seen)
        out.append((sig.pack(), sig.lede, " ".join(sig.keywords), sig.when, sig.outlet))
    return out


def salted(blob: bytes, salt: int) -> bytes:
    """``blob`` (a packed signature) with every hash and the headline's hash xor-ed with ``salt``."""
    from monitor.dedup import Signature

    sig = Signature.unpack(blob, "", (), 0.0, "")
    assert sig is not None

    def mixed(hashes: bytes) -> bytes:
        return (np.frombuffer(hashes, dtype="<u4") ^ np.uint32(salt)).astype("<u4").tobytes()

    keys = tuple(key ^ salt for key in sig.keys)
    return replace(
        sig,
        keys=keys,
        sample=mixed(sig.sample),
        opening=mixed(sig.opening),
        sentences=mixed(sig.sentences),
        facts=mixed(sig.facts),
        title=sig.title ^ salt,
    ).pack()


def write_window(path: Path, size: int, base: list[tuple[bytes, str, str, float, str]]) -> None:
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE window (id INTEGER PRIMARY KEY, story INT, event INT, seen TEXT, blob BLOB, lede TEXT, "
        "words TEXT, at REAL, outlet TEXT, link TEXT)"
    )
    rows = []
    for n in range(size):
        blob, lede, words, when, outlet = base[n % len(base)]
        copy = n // len(base)
        story = n + 1 if n % 4 else max(1, n - 7)  # a quarter join an earlier story
        seen = f"2025-07-0{1 + n * 7 // size}T12:00:00+00:00"
        rows.append((n + 1, story, story, seen, salted(blob, copy * 0x9E3779B1 & 0xFFFFFFFF) if copy else blob,
                     lede, words, when, outlet, f"https://bench.example/{n + 1}"))  # fmt: skip
        if len(rows) == 10_000:
            conn.executemany("INSERT INTO window VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            rows = []
    conn.executemany("INSERT INTO window VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.commit()
    conn.close()


def measure(code: Path, path: Path, size: int, how: str) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(code)}
    if how == "kept":
        command = [sys.executable, "-c", _MEASURE, str(path), str(size), "write"]
        subprocess.run(command, env=env, cwd=code, check=True)
    run = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(path), str(size), how],
        env=env,
        cwd=code,
        capture_output=True,
        text=True,
        check=True,
    )
    found: dict[str, float] = json.loads(run.stdout.strip().splitlines()[-1])
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.index_memory", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--distinct", type=int, default=20_000, help="texts signed; the rest repeat them, salted")
    parser.add_argument("--code", type=Path, action="append", default=[], help="another checkout to compare")
    parser.add_argument("--ways", nargs="+", choices=WAYS, default=list(WAYS), help="how the index is built")
    args = parser.parse_args(argv)
    code = {"this": ROOT} | {p.name: p.resolve() for p in args.code}
    base = signed(min(args.distinct, max(args.sizes)))
    print("| checkout | index from | entries | RSS B/entry | after malloc_trim | Python objects | MB after trim |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory(prefix="monitor-index-memory-") as tmp:
        for size in args.sizes:
            path = Path(tmp) / f"window{size}.db"
            write_window(path, size, base)
            for how, name in itertools.product(args.ways, code):
                found = measure(code[name], path, size, how)
                print(
                    f"| {name} | {how} | {size:,} | {found['rss']:,.0f} | {found['trimmed']:,.0f} "
                    f"| {found['traced']:,.0f} | {found['trimmed'] * size / 2**20:,.1f} |",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())

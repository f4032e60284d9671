"""Dedup speed: decide + add per entry against a window of N entries, memory, rebuild time,
signature cost, beside a naive rapidfuzz scan of the whole window measured in the same run.

    .venv/bin/python benchmarks/dedup_speed.py                # 10k and 100k
    .venv/bin/python benchmarks/dedup_speed.py --sizes 10000 100000 1000000
    .venv/bin/python benchmarks/dedup_speed.py --smoke        # 2k, seconds (the test runs this)
    .venv/bin/python benchmarks/dedup_speed.py --sizes 100000 --against main   # beside another design
    .venv/bin/python benchmarks/dedup_speed.py --sizes 100000 --against /tmp/base   # a folder holding monitor/

``--against REF`` measures the design of git revision REF in the same run (its ``monitor``
package exported to a temporary folder and run by this same file in a subprocess), so the
two rows share the machine, the load and the workload.

Synthetic but realistic text: ledes of 40-90 words drawn from a Zipf-distributed
vocabulary of 30k words plus capitalised names, a quarter of the window being
syndicated copies (trimmed, cut, one word changed). "rebuild" is the start-up path:
``StoryIndex.load`` of stored signatures (packed and unpacked as the store keeps them;
SQLite read time excluded, it is one indexed range scan), timed untraced. Memory is the
traced Python allocation of a separate build of the same index, the unpacked signatures'
arrays included (tracemalloc would slow the timed one several-fold). "index ms/entry" is wall-clock
time, "cpu ms/entry" the process's CPU time over the same loop (what other work on the machine does
not add to).
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from rapidfuzz import fuzz, process

from monitor.dedup import Signature, StoryIndex, signature
from monitor.models import Entry

QUERIES = 500
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


def measure(size: int, queries: int, naive_queries: int) -> dict[str, float]:
    window = entries(size + queries)
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
    t0 = time.perf_counter()
    index = build(window_sigs, seen)
    rebuild_s = time.perf_counter() - t0

    probe = window[size:]
    # Signatures are computed where feeds are parsed (ingest/examine, parser processes); the
    # serial stage, under the pipeline's lock, only decides and adds: that is what is timed.
    probe_sigs = [signature(entry, seen) for entry in probe]
    t0, cpu0 = time.perf_counter(), time.process_time()
    for entry_id, sig in enumerate(probe_sigs, start=size + 1):
        decision = index.decide(sig)
        index.add(entry_id, decision.story_id or entry_id, decision.event_id or entry_id, sig, seen)
    per_entry_ms = (time.perf_counter() - t0) / len(probe) * 1000
    # CPU time too: on a machine shared with other work, the wall clock also counts the time others ran.
    cpu_ms = (time.process_time() - cpu0) / len(probe) * 1000

    ledes = [s.lede for s in sigs]
    t0 = time.perf_counter()
    for entry in probe[:naive_queries]:
        process.extractOne(signature(entry, seen).lede, ledes, scorer=fuzz.ratio, score_cutoff=90)
    naive_ms = (time.perf_counter() - t0) / naive_queries * 1000
    return {
        "size": size,
        "per_entry_ms": per_entry_ms,
        "cpu_ms": cpu_ms,
        "naive_ms": naive_ms,
        "memory_mb": memory_mb,
        "rebuild_s": rebuild_s,
        "signature_ms": sign_s / size * 1000,
    }


def against(ref: str, sizes: list[int], queries: int, naive: int) -> list[dict[str, float]]:
    """``measure`` of each size for the design of git revision ``ref`` (or of the ``monitor`` package
    in the folder ``ref``, an exported tree), in a subprocess."""
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as scratch:
        folder = ref if (Path(ref) / "monitor").is_dir() else scratch
        if folder == scratch:
            archive = subprocess.run(
                ["git", "-C", str(root), "archive", ref, "monitor"], capture_output=True, check=True
            )
            subprocess.run(["tar", "-x", "-C", folder], input=archive.stdout, check=True)
        code = (
            "import json, sys, importlib.util\n"
            f"spec = importlib.util.spec_from_file_location('bench', {str(Path(__file__).resolve())!r})\n"
            "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)\n"
            f"print(json.dumps([m.measure(n, {queries}, {naive}) for n in {sizes!r}]))"
        )
        env = {**os.environ, "PYTHONPATH": folder}
        run = subprocess.run(
            [sys.executable, "-c", code], env=env, cwd=folder, capture_output=True, text=True, check=True
        )
        out = run.stdout
    rows: list[dict[str, float]] = json.loads(out.strip().splitlines()[-1])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--smoke", action="store_true", help="one small window, for the test suite")
    parser.add_argument(
        "--against", metavar="REF", help="also measure the design of git revision REF, or of a folder holding monitor/"
    )
    args = parser.parse_args(argv)
    sizes, queries, naive = ([2_000], 100, 5) if args.smoke else (args.sizes, QUERIES, NAIVE_QUERIES)
    print(f"{queries} assignments and {naive} naive scans per window")
    print(
        f"{'design':>10} {'window':>8} {'index ms/entry':>14} {'cpu ms/entry':>12} {'naive ms/entry':>14} "
        f"{'speed-up':>8} {'memory MB':>9} {'B/entry':>7} {'rebuild s':>9} {'signature ms':>12}"
    )
    designs = [("this", [measure(size, queries, naive) for size in sizes])]
    if args.against:
        designs.append((Path(args.against).name[:10], against(args.against, sizes, queries, naive)))
    for name, rows in designs:
        for r in rows:
            print(
                f"{name:>10} {r['size']:>8} {r['per_entry_ms']:>14.3f} {r['cpu_ms']:>12.3f} "
                f"{r['naive_ms']:>14.1f} {r['naive_ms'] / r['per_entry_ms']:>7.0f}x {r['memory_mb']:>9.0f} "
                f"{r['memory_mb'] * 1e6 / r['size']:>7.0f} {r['rebuild_s']:>9.2f} {r['signature_ms']:>12.3f}"
            )
        for small, large in itertools.pairwise(rows):
            growth = large["per_entry_ms"] / small["per_entry_ms"]
            print(f"{name:>10}: cost x{growth:.2f} for a window x{large['size'] / small['size']:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

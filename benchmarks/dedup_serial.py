"""CPU per entry of the dedup index's serial work (``StoryIndex.decide`` + ``add``) on the cold workload.

Usage (from a checkout root)::

    python -m benchmarks.dedup_serial [--workload synthetic|newsroom] [--feeds N] [--decisions OUT.json]
        [--profile OUT.prof] [--compare A.json B.json] [--phases]

The cold workload (500 feeds × 50 entries, seed 8; or the independent newsroom one) is parsed and
its signatures computed once, cached under the system's temporary folder (keyed by the sources
that compute them); then only
``decide`` + ``add`` are timed, for all entries in feed order, with ids assigned the way the
store assigns them. Also prints the memory the index keeps (tracemalloc) per indexed entry.
``--phases`` times one more run with the parts of a decision wrapped (CPU, in process, no profiler:
cProfile inflates the many small calls several-fold): each part's share, inclusive of the parts it
calls, and the calls per entry. The wrappers add about a microsecond per call to the total.

A/B against another checkout, same decisions? Set ``PYTHONHASHSEED`` (ties between equal
candidates follow set order, in every version; a signature's shingle set iterates in another order
once pickled, so only runs that read the cached signatures compare: run once to fill the cache) and
run this file with ``PYTHONPATH`` pointing
at each checkout::

    PYTHONHASHSEED=0 PYTHONPATH=../main python benchmarks/dedup_serial.py --decisions /tmp/a.json
    PYTHONHASHSEED=0 PYTHONPATH=. python benchmarks/dedup_serial.py --decisions /tmp/b.json
    PYTHONPATH=. python benchmarks/dedup_serial.py --compare /tmp/a.json /tmp/b.json
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import pickle
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.workload import Spec, Workload

NOW = 1_750_000_000


def signatures(feeds: int, entries: int, workload: str = "synthetic") -> list[tuple[object, float]]:
    """(Signature, seen POSIX time) of every entry, feed by feed, as the pipeline sees them."""
    import monitor
    from benchmarks import newsroom

    sources = Path(monitor.__file__).parent
    # Keyed by what computes a signature: the index's own modules (which only read them) may change freely.
    # ``events.py`` only re-exports the keyword extraction a signature uses (``eventkeys``): it decides.
    deciding = {"index.py", "bulk.py", "packed.py", "rebuild.py", "compare.py", "divergence.py", "eventscore.py"}
    deciding |= {"events.py", "novelty.py"}
    signing = [f for f in sources.glob("dedup/*.py") if f.name not in deciding]
    code = hashlib.sha256(b"".join(f.read_bytes() for f in sorted([*signing, *sources.glob("*.py")])))
    name = f"monitor-dedup-serial-{workload}-{feeds}x{entries}-{code.hexdigest()[:12]}.pickle"
    cache = Path(tempfile.gettempdir()) / name
    if cache.exists():
        loaded: list[tuple[object, float]] = pickle.loads(cache.read_bytes())
        return loaded
    from monitor.dedup import signature
    from monitor.ingest.parse import parse_feed

    work: Workload | newsroom.Newsroom = (
        newsroom.Newsroom(newsroom.Spec(seed=8, feeds=feeds, entries=entries, now=NOW))
        if workload == "newsroom"
        else Workload(Spec(seed=8, feeds=feeds, entries=entries, now=NOW))
    )
    out: list[tuple[object, float]] = []
    for feed in range(feeds):
        parsed = parse_feed(work.document(feed), f"http://127.0.0.1/{work.path(feed)}", work.name(feed))
        for entry in parsed.entries:
            seen = datetime.fromtimestamp(NOW + len(out) * 0.01, UTC)
            out.append((signature(entry, seen), seen.timestamp()))
    cache.write_bytes(pickle.dumps(out))
    return out


def run(sigs: list[tuple[object, float]], trace: bool) -> tuple[float, list[list[object]], int]:
    """CPU seconds of decide + add over all signatures, the decisions, and bytes held by the index.

    With ``trace``, the signatures are copied (unpickled) while tracing, as the daemon receives
    them from its parser processes or SQLite, so what the index keeps of them counts.
    """
    from monitor.dedup import StoryIndex

    if trace:
        blob = pickle.dumps(sigs)
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        sigs = pickle.loads(blob)
    index = StoryIndex()
    decisions: list[list[object]] = []
    events: dict[int, int] = {}  # story -> its event, as the store keeps it
    stories = 0
    times = [datetime.fromtimestamp(seen, UTC) for _, seen in sigs]  # the pipeline has its clock's value
    gc.collect()
    start = time.process_time()
    for entry_id, ((sig, _), seen) in enumerate(zip(sigs, times, strict=True), 1):
        d = index.decide(sig)  # type: ignore[arg-type]
        if d.story_id is None:
            stories += 1
            story_id = stories
            events[story_id] = d.event_id if d.event_id is not None else story_id
        else:
            story_id = d.story_id
        index.add(entry_id, story_id, events[story_id], sig, seen)  # type: ignore[arg-type]
        if not trace:  # the decisions would count as the index's memory
            decisions.append(
                [d.story_id, d.score, d.matched_entry, d.reason, d.event_id, d.event_score, d.event_reason]
            )
    cpu = time.process_time() - start
    held = 0
    if trace:
        del d, sig, sigs, events, times  # what the index keeps remains
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - before
        tracemalloc.stop()
    return cpu, decisions, held


# The parts ``--phases`` times: (owner's module, owner, attribute). Missing ones (another version) are skipped.
PARTS = (
    ("monitor.dedup.index", "StoryIndex", "_best_copy"),
    ("monitor.dedup.index", "StoryIndex", "_candidates"),
    ("monitor.dedup.index", "StoryIndex", "_read"),
    ("monitor.dedup.index", "StoryIndex", "_doc"),
    ("monitor.dedup.index", "", "containment"),
    ("monitor.dedup.index", "", "digest"),
    ("monitor.dedup.index", "", "round_up"),
    ("monitor.dedup.compare", "", "quoted"),
    ("monitor.dedup.index", "StoryIndex", "_new_story"),
    ("monitor.dedup.events", "EventIndex", "find"),
    ("monitor.dedup.events", "", "_most_found"),
    ("monitor.dedup.index", "StoryIndex", "add"),
)


def phases(sigs: list[tuple[object, float]]) -> None:
    """One more run with each of ``PARTS`` wrapped in a CPU-time accumulator; prints us/entry per part."""
    import importlib

    spent: dict[str, list[int]] = {}
    clock = time.process_time_ns

    def timed(name: str, function: Callable[..., object]) -> Callable[..., object]:
        tally = spent[name] = [0, 0]

        def wrapper(*args: object, **kwargs: object) -> object:
            start = clock()
            try:
                return function(*args, **kwargs)
            finally:
                tally[0] += clock() - start
                tally[1] += 1

        return wrapper

    for module, owner, name in PARTS:
        holder = importlib.import_module(module)
        holder = getattr(holder, owner) if owner else holder
        if hasattr(holder, name):
            setattr(holder, name, timed(name, getattr(holder, name)))
    cpu, _decisions, _held = run(sigs, trace=False)
    n = len(sigs)
    print(f"phases (wrapped run: {cpu / n * 1e6:.0f} us/entry; inclusive of the parts each calls):")
    for name, (ns, calls) in sorted(spent.items(), key=lambda kv: -kv[1][0]):
        print(f"  {name:12s} {ns / n / 1e3:7.0f} us/entry  {calls / n:6.2f} calls/entry")


def compare(a: Path, b: Path) -> int:
    """Print how two decision files differ; returns the number of differing entries."""
    left, right = json.loads(a.read_text()), json.loads(b.read_text())
    differ = 0
    for i, (x, y) in enumerate(zip(left, right, strict=True), 1):
        same = all(
            abs(p - q) <= 1e-9 if isinstance(p, float) and isinstance(q, float) else p == q
            for p, q in zip(x, y, strict=True)
        )
        if not same:
            differ += 1
            if differ <= 5:
                print(f"entry {i}:\n  {x}\n  {y}")
    print(f"{len(left):,} decisions compared, {differ} differ")
    return differ


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--feeds", type=int, default=500)
    ap.add_argument("--entries", type=int, default=50)
    ap.add_argument("--workload", choices=("synthetic", "newsroom"), default="synthetic")
    ap.add_argument("--profile", type=Path, help="also write a cProfile of one run here (pstats)")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs; the fastest is reported")
    ap.add_argument("--decisions", type=Path, help="write the decisions here (JSON)")
    ap.add_argument("--compare", type=Path, nargs=2, metavar=("A", "B"))
    ap.add_argument("--phases", action="store_true", help="then time the parts of a decision (one more run)")
    args = ap.parse_args()
    if args.compare:
        sys.exit(1 if compare(*args.compare) else 0)
    sigs = signatures(args.feeds, args.entries, args.workload)
    cpus = []
    for _ in range(args.repeat):
        cpu, decisions, _held = run(sigs, trace=False)
        cpus.append(cpu)
    _cpu, _decisions, held = run(sigs, trace=True)
    if args.profile:
        import cProfile

        cProfile.runctx("run(sigs, trace=False)", globals(), {"sigs": sigs, "run": run}, str(args.profile))
    import monitor

    n = len(sigs)
    print(
        f"{monitor.__file__}: decide+add over {n:,} entries: {min(cpus):.2f} CPU-s = {min(cpus) / n * 1e6:.0f} us/entry"
        f" (runs: {', '.join(f'{c:.2f}' for c in cpus)}); index holds {held / 1e6:.1f} MB = {held / n:,.0f} B/entry"
    )
    if args.decisions:
        args.decisions.write_text(json.dumps(decisions))
    if args.phases:
        phases(sigs)


if __name__ == "__main__":
    main()

"""A/B of signatures between two checkouts: every field of every entry's signature, and its event keys.

    python -m benchmarks.signing_ab OTHER_CHECKOUT [--feeds N]

Signs in one process per checkout (this script run with ``PYTHONPATH`` set to the checkout, so the
checkout's own ``monitor`` signs): every entry of both cold-ingest workloads as
``benchmarks.examine_speed`` builds them (``synthetic``: ``workload.Spec(seed=8)``, 500 feeds;
``newsroom``: ``newsroom.Spec()``, 200 feeds; ``--feeds`` fewer), and every row of the tuning sets
named in ``SETS``. Then compares, entry by entry, a digest of each field (the packed blob, every
unpacked field, the fresh-only fields, ``keywords_and_heads`` of the raw body and ``event_time``).
Prints each difference (the first ``SHOWN``); exit 1 if any. Speed work on signing must leave it at 0.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Named one by one: a held-out set being written (heldout21) is never opened, so no pattern picks it up.
SETS = (
    "eval",
    "tune3",
    "heldout",
    *(f"heldout{n}" for n in range(2, 21)),
)
SEEN = datetime(2025, 6, 16, tzinfo=UTC)
SHOWN = 20


def _entries(feeds: int | None) -> Iterator[tuple[str, list]]:
    """(name, entries) of each input, in a fixed order: both workloads, then each tuning set."""
    from benchmarks import newsroom
    from benchmarks.dedup_quality import load, to_entry
    from benchmarks.workload import Spec, Workload
    from monitor.ingest.parse import parse_feed

    synthetic = Workload(Spec(seed=8, feeds=feeds or 500, entries=50))
    count = synthetic.spec.feeds
    docs = [("http://127.0.0.1:1" + synthetic.path(i), synthetic.document(i)) for i in range(count)]
    yield "synthetic", [e for url, body in docs for e in parse_feed(body, url, "x").entries]
    room = newsroom.Newsroom(newsroom.Spec(feeds=feeds or 200))
    docs = [("http://127.0.0.1:1" + room.path(i), room.document(i)) for i in range(room.spec.feeds)]
    yield "newsroom", [e for url, body in docs for e in parse_feed(body, url, "x").entries]
    for name in SETS:
        path = ROOT / "tests" / "data" / "dedup" / f"{name}.jsonl"
        yield name, [to_entry(row) for row in load(path)]


def _plain(value: object) -> object:
    """``value`` in a form whose ``repr`` is stable: sets sorted, nested tuples as lists."""
    if isinstance(value, frozenset | set):
        return sorted(value)
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


def _digests(entry: object) -> dict[str, str]:
    """A digest of each field of ``entry``'s signature, and of its event keys and time."""
    from monitor.dedup.events import event_time, keywords_and_heads
    from monitor.dedup.signature import EVENT_DATING, signature

    sig = signature(entry, SEEN)  # type: ignore[arg-type]
    published = entry.published or SEEN  # type: ignore[attr-defined]
    out = {"pack": sig.pack(), **{f.name: _plain(getattr(sig, f.name)) for f in fields(sig)}}
    found, heads = keywords_and_heads(entry, published)  # type: ignore[arg-type]
    out["event_keys"], out["event_heads"] = list(found.items()), list(heads)
    out["event_time"] = event_time(entry, published, EVENT_DATING)  # type: ignore[arg-type]
    return {name: hashlib.sha256(repr(value).encode()).hexdigest()[:16] for name, value in out.items()}


def dump(out: Path, feeds: int | None) -> None:
    """Write every input's digests, one JSON line per set: name, then each entry's key and digests."""
    import monitor

    print(f"signing with {Path(monitor.__file__).parent}", file=sys.stderr)
    with out.open("w", encoding="utf-8") as sink:
        for name, entries in _entries(feeds):
            rows = [[f"{e.feed_url} {e.key}", _digests(e)] for e in entries]
            sink.write(json.dumps([name, rows]) + "\n")
            print(f"{name}: {len(rows)} entries signed", file=sys.stderr, flush=True)


def _signed(code: Path, out: Path, feeds: int | None) -> dict[str, list]:
    env = {**os.environ, "PYTHONPATH": str(code), "PYTHONHASHSEED": "0"}
    command = [sys.executable, str(Path(__file__).resolve()), "--dump", str(out)]
    subprocess.run([*command, *(["--feeds", str(feeds)] if feeds else [])], cwd=code, env=env, check=True)
    return dict(json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())


def compare(mine: dict[str, list], theirs: dict[str, list]) -> list[str]:
    """Every difference: a set missing, an entry count, an entry's key or one of its fields."""
    found: list[str] = []
    for name in sorted(mine.keys() | theirs.keys()):
        a, b = mine.get(name), theirs.get(name)
        if a is None or b is None or len(a) != len(b):
            found.append(f"{name}: {len(a or ())} entries here, {len(b or ())} there")
            continue
        for (key, here), (other_key, there) in zip(a, b, strict=True):
            if key != other_key:
                found.append(f"{name}: entry {key!r} here, {other_key!r} there")
            found += [
                f"{name}: {key}: {field}"
                for field in sorted(here.keys() | there.keys())
                if here.get(field) != there.get(field)
            ]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.signing_ab", description=__doc__.split("\n\n")[0])
    parser.add_argument("other", type=Path, nargs="?", help="the other checkout (an export of main, say)")
    parser.add_argument("--feeds", type=int, default=None, help="feeds of each workload (default: all)")
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)  # the child: sign with this PYTHONPATH
    args = parser.parse_args(argv)
    if args.dump:
        dump(args.dump, args.feeds)
        return 0
    if args.other is None:
        parser.error("the other checkout is needed")
    with tempfile.TemporaryDirectory() as folder:
        mine = _signed(ROOT, Path(folder) / "mine.jsonl", args.feeds)
        theirs = _signed(args.other.resolve(), Path(folder) / "theirs.jsonl", args.feeds)
    differences = compare(mine, theirs)
    for line in differences[:SHOWN]:
        print(line)
    total = sum(len(rows) for rows in mine.values())
    fields_compared = sum(len(digests) for rows in mine.values() for _, digests in rows)
    print(f"{len(mine)} inputs, {total:,} entries, {fields_compared:,} fields compared: {len(differences)} differ")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())

"""CPU per entry of the parser processes' work beyond feedparser: ``to_entry`` and ``examine``, part by part.

    .venv/bin/python -m benchmarks.examine_speed [--workload synthetic|newsroom] [--feeds N] [--repeat 3] [--profile 10]
        [--gc worker|python] [--signing] [--first 60]

The cold-ingest workload, built in process (no HTTP): ``synthetic`` is ``workload.Spec(seed=8)``
(500 feeds x 50 entries, 200 generated rules), ``newsroom`` is ``newsroom.Spec()`` (200 feeds x 50
entries, half with ~3 kB HTML articles, its 50 rules). Each row is the best of ``--repeat`` runs by
CPU time (``time.process_time``), in microseconds per entry, one process. Rows indented under
another are parts of it, timed on their own; "the rest" under the signature is its row less its parts'
rows, the steps no row times (so a cost added to signing shows somewhere: round 26's skeleton keys went
unseen in session 19's 432 -> 560 us). The process collects garbage as a parser worker does
(``pool.fewer_collections``; ``--gc python`` keeps Python's default, a young collection every 700
allocations and full ones as the kept results grow: a row keeps all it made, a worker hands its results
back feed by feed). ``--profile N`` then prints the N costliest functions of signing every entry once
(cProfile, by own time), for naming where the signature's time goes. ``--signing`` times the signature's
rows alone (a tenth of the run: speed work on signing, measured before and after, back to back).
``--first N`` first times what the rows hide, a fresh process's first use (``_first_use``): a cycle
of mostly 304s examines its few new entries (60 on newsroom) at that cost.

Run with ``PYTHONPATH`` set to another checkout (an export of main), this file times that checkout's code:
the before of a before-and-after.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.util
import io
import pstats
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from itertools import groupby
from pathlib import Path
from typing import Any

import feedparser

from benchmarks import newsroom
from benchmarks.workload import Spec, Workload, rules_yaml
from monitor.dedup import content_hash, signature
from monitor.dedup.alphabets import DIGRAPHIC
from monitor.dedup.clean import clean, readable
from monitor.dedup.events import event_time, keywords, keywords_and_heads
from monitor.dedup.shingles import (
    FACTS,
    SHINGLE_WORDS,
    fact_spans,
    sentence_facts,
    sentence_hashes,
    shingle_hashes,
    unspaced,
)
from monitor.ingest.examine import examine
from monitor.ingest.parse import _first_entries, defuse, parse_feed, to_entry
from monitor.ingest.pool import fewer_collections
from monitor.models import Entry
from monitor.rules import RuleSet, load_rules
from monitor.text import fold, html_to_text, script_tokens
from monitor.urls import canonical_link


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workload", choices=("synthetic", "newsroom"), default="synthetic")
    parser.add_argument("--feeds", type=int, default=None, help="default: 500 synthetic, 200 newsroom")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="the N costliest functions of signing")
    parser.add_argument("--gc", choices=("worker", "python"), default="worker", help="collect as a parser worker does")
    parser.add_argument("--signing", action="store_true", help="the signature's rows only")
    parser.add_argument(
        "--first", type=int, default=0, metavar="N", help="first: examine N entries in a fresh process (see _first_use)"
    )
    args = parser.parse_args()
    if args.gc == "worker":
        fewer_collections()
    urls, bodies, rules_text = _documents(args.workload, args.feeds)
    raws = []
    for url, body in zip(urls, bodies, strict=True):
        parsed = feedparser.parse(
            io.BytesIO(_first_entries(defuse(body))[0]), sanitize_html=False, resolve_relative_uris=False
        )
        meta = parsed.get("feed", {})
        raws.append((url, meta.get("link") or url, (meta.get("language") or "").lower(), parsed.entries))
    count = sum(len(r[3]) for r in raws)
    folder = Path(tempfile.mkdtemp())
    for name, text in rules_text.items():
        (folder / name).write_text(text)
    rules = RuleSet(load_rules([folder]))
    seen = datetime(2025, 6, 16, tzinfo=UTC)

    spent: dict[str, float] = {}  # row name -> its best CPU-s

    def row(name: str, work: Callable[[], Any]) -> Any:
        best, result = float("inf"), None
        for _ in range(args.repeat):
            started = time.process_time()
            result = work()
            best = min(best, time.process_time() - started)
        spent[name.strip()] = best
        print(f"{name:<24} {best / count * 1e6:7.1f} us/entry", flush=True)
        return result

    def html_texts() -> None:
        for _, _, _, entries in raws:
            for raw in entries:
                html_to_text(raw.get("title", ""))
                html_to_text(raw.get("summary", ""))
                if raw.get("content"):
                    html_to_text(max((c.get("value", "") for c in raw["content"]), key=len))

    print(
        f"{args.workload}: {count:,} entries of {len(urls)} feeds, {len(rules.rules)} rules;"
        f" CPU per entry, best of {args.repeat}, collecting as {args.gc}"
    )
    entries = [to_entry(r, url, "x", base, lang) for url, base, lang, rs in raws for r in rs]
    if args.first:  # before any row: they would warm what a fresh process has cold
        _first_use(entries, args.first, seen, rules)
    if not args.signing:
        row("parse_feed", lambda: [parse_feed(body, url, "x") for url, body in zip(urls, bodies, strict=True)])
        row("to_entry", lambda: [to_entry(r, url, "x", base, lang) for url, base, lang, rs in raws for r in rs])
        row("  html_to_text", html_texts)
        links = [(r.get("link", ""), base) for _, base, _, rs in raws for r in rs]
        row("  canonical_link", lambda: [canonical_link(link, base) for link, base in links])
        feeds = [tuple(group) for _, group in groupby(entries, key=lambda e: e.feed_url)]
        row("examine, feed by feed", lambda: [examine(feed, seen, rules) for feed in feeds])
    row("  signature", lambda: [signature(e, seen) for e in entries])
    row("    clean", lambda: [clean(e.body) for e in entries])
    row("    keywords", lambda: [keywords(e, e.published or seen) for e in entries])
    # As a signature asks: its story text (``clean``) and headline (``readable``) read once, before (the row
    # above reads them again, so it holds most of ``clean``'s row).
    given = [(clean(e.body).text, readable(e.title)) for e in entries]
    row(
        "      given clean",
        lambda: [keywords_and_heads(e, e.published or seen, *read) for e, read in zip(entries, given, strict=True)],
    )
    plain = [clean(e.body).text or e.title for e in entries]
    texts = [fold(text) for text in plain]
    hashes = row("    shingles", lambda: [shingle_hashes(script_tokens(text)) for text in texts])
    words = row("      tokens", lambda: [script_tokens(folded) for folded in texts])
    spans = row("    fact_spans", lambda: [fact_spans(text) for text in plain])
    # The two sentence passes of a signature, in its order (the second reads what the first found).
    row(
        "    sentences",
        lambda: [
            (sentence_hashes(folded), sentence_facts(text, h.tolist(), SHINGLE_WORDS, s))
            for folded, text, h, s in zip(texts, plain, hashes, spans, strict=True)
        ],
    )
    row("    event_time", lambda: [event_time(e, e.published or seen, timedelta(days=7)) for e in entries])
    skeletons = list(zip(words, texts, plain, spans, strict=True))
    if importlib.util.find_spec("monitor.dedup.skeleton"):  # round 26's: a checkout before it has none
        row("    skeleton", lambda: [_skeleton(w, folded, text, s) for w, folded, text, s in skeletons])
    # What no row above times (the signature's own steps: sampling, keys, packing, the title's tokens);
    # rows indented under another are in it, and "keywords" holds "clean": "given clean" is summed instead.
    parts = ("clean", "given clean", "shingles", "fact_spans", "sentences", "event_time", "skeleton")
    rest = spent["signature"] - sum(spent.get(p, 0.0) for p in parts)
    print(f"{'    the rest':<24} {rest / count * 1e6:7.1f} us/entry", flush=True)
    if not args.signing:
        row("  content_hash", lambda: [content_hash(e) for e in entries])
        row("  rules.match", lambda: [rules.match(e, None) for e in entries])
        row("    document", lambda: [rules.document(e) for e in entries])
    if args.profile:
        _profile(lambda: [signature(e, seen) for e in entries], args.profile)


def _first_use(entries: list[Entry], n: int, seen: datetime, rules: RuleSet) -> None:
    """What a short cycle (mostly 304s: a few new entries) pays to examine them, in CPU per entry: ``examine``
    of ``n`` entries in this fresh process (its regular expressions compiled, tables built, per-word memos
    filled at first use), then of ``n`` others (memos cold for their new words only), then of the first ``n``
    again (all warm, as the rows below). One run each: a first use happens once."""
    spread = entries[:: max(1, len(entries) // (2 * n))]  # from many feeds, as a cycle's new entries are
    first, others = tuple(spread[:n]), tuple(spread[n : 2 * n])
    for name, batch in (("first use", first), ("then others", others), ("then the first again", first)):
        started = time.process_time()
        examine(batch, seen, rules)
        spent = time.process_time() - started
        print(f"{f'examine, {name}':<32} {spent / len(batch) * 1e6:7.1f} us/entry ({len(batch)} entries)", flush=True)


def _skeleton(words: list[str], folded: str, text: str, spans: list[tuple[int, int]]) -> tuple[bytes, bytes] | None:
    """A signature's skeleton keys (``dedup.skeleton``), as it computes them: none of a text without spaces
    or in Serbian's Cyrillic letters."""
    from monitor.dedup.skeleton import skeleton_facts, skeleton_hashes, skeleton_sample

    if unspaced(words) or DIGRAPHIC.search(folded):
        return None
    hashes = skeleton_hashes(words)
    return skeleton_sample(hashes), skeleton_facts(text, spans, FACTS) if len(hashes) else b""


def _documents(workload: str, feeds: int | None) -> tuple[list[str], list[bytes], dict[str, str]]:
    """The feeds' URLs and bodies of ``workload`` (cycle 0), and its rule files (name -> YAML)."""
    if workload == "newsroom":
        room = newsroom.Newsroom(newsroom.Spec(feeds=feeds or 200))
        count = room.spec.feeds
        return (
            ["http://127.0.0.1:1" + room.path(i) for i in range(count)],
            [room.document(i) for i in range(count)],
            newsroom.rule_files(),
        )
    synthetic = Workload(Spec(seed=8, feeds=feeds or 500, entries=50))
    count = synthetic.spec.feeds
    urls = ["http://127.0.0.1:1" + synthetic.path(i) for i in range(count)]
    return urls, [synthetic.document(i) for i in range(count)], {"bench.yaml": rules_yaml(200)}


def _profile(work: Callable[[], Any], top: int) -> None:
    """The ``top`` functions of ``work`` by own time (cProfile, which inflates small calls)."""
    profiler = cProfile.Profile()
    profiler.runcall(work)
    print(f"\nsigning, top {top} by own time (cProfile):", flush=True)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(top)


if __name__ == "__main__":
    main()

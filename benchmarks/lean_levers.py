"""Two per-entry costs of the main process, before and after: full text's prefilter, the stored keywords' hashes.

    PYTHONPATH=CHECKOUT python benchmarks/lean_levers.py newsroom|synthetic

Run as a script with ``PYTHONPATH`` set to the checkout timed (an export of main, then this one): each line gives
CPU microseconds per entry and a digest of the outputs, which must match between the two. ``prefilter``: the
entries of cycle 0 that ``fulltext.short`` or ``truncated`` pass on to ``Prefilter.holds``; ``keyword_hashes``:
the first 3,000 entries' keywords as ``store.window.signature_values`` joins them.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import newsroom
from benchmarks.harness import rules_yaml
from benchmarks.workload import Spec, Workload
from monitor.dedup.packed import keyword_hashes
from monitor.ingest import fulltext
from monitor.ingest.examine import examine
from monitor.ingest.parse import parse_feed
from monitor.rules import RuleSet, load_rules


def main() -> None:
    if sys.argv[1:] == ["newsroom"]:
        room = newsroom.Newsroom(newsroom.Spec(feeds=200))
        docs = [("http://x" + room.path(i), room.document(i)) for i in range(200)]
        rule_files = newsroom.rule_files()
    else:
        synthetic = Workload(Spec(seed=8, feeds=200, entries=50))
        docs = [("http://x" + synthetic.path(i), synthetic.document(i)) for i in range(200)]
        rule_files = {"bench.yaml": rules_yaml(50)}
    with tempfile.TemporaryDirectory() as name:  # the rules are read once: mkdtemp left a folder each run
        folder = Path(name)
        for file, text in rule_files.items():
            (folder / file).write_text(text)
        rules = RuleSet(load_rules([folder]))
    entries = [e for url, body in docs for e in parse_feed(body, url, "o").entries]
    prefilter = fulltext.prefilter(rules)
    asked = [e for e in entries if fulltext.short(e) or fulltext.truncated(e)]
    prefilter.holds(asked[0])  # compiled on first use: not timed
    started = time.process_time()
    held = [prefilter.holds(e) for e in asked]
    spent = time.process_time() - started
    digest = hashlib.md5(bytes(held)).hexdigest()[:8]
    print(f"prefilter: {len(asked)} asked, {sum(held)} hold, {spent / len(asked) * 1e6:.0f} us each, digest {digest}")
    facts = examine(tuple(entries[:3000]), datetime(2025, 6, 16, tzinfo=UTC), rules)
    joined = [" ".join(f.signature.keywords) for f in facts]
    started = time.process_time()
    hashes = [keyword_hashes(k) for k in joined]
    spent = time.process_time() - started
    digest = hashlib.md5(b"".join(hashes)).hexdigest()[:8]
    print(f"keyword_hashes: {len(joined)} entries, {spent / len(joined) * 1e6:.1f} us each, digest {digest}")


if __name__ == "__main__":
    main()

"""Speed work on signatures changes no output: every signature field and event key, digested, equals the
digest the design recorded before the work (``tests/data/dedup_speed_digests.json``).

Inputs: every entry of the dedup sets named in ``dedup_set_support.BULK_SETS`` (a fixed list: a held-out
set added later is never opened here, and adding one changes no input), the first feeds of the benchmark
workload and the synthetic window of ``benchmarks/dedup_speed.py``. Recorded with the code of the design being sped up:

    PYTHONPATH=/path/to/that/tree python tests/test_dedup_speed_identity.py --record

The digests hold for one design: the speed modules (``shingles``, ``eventkeys``, ``scan``) may change,
the modules around them may not. When those change (``DESIGN``, fingerprinted by their source) or the
inputs do, this test is skipped with the reason until the digests are recorded again with the code
before the next speed change.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from dedup_set_support import BULK_SETS

from benchmarks import dedup_speed
from benchmarks.dedup_quality import load, to_entry
from benchmarks.workload import Spec, Workload
from monitor.dedup.events import event_time, keywords_and_heads
from monitor.dedup.signature import _MAGIC, EVENT_DATING, signature
from monitor.ingest.parse import parse_feed
from monitor.models import Entry

ROOT = Path(__file__).resolve().parent.parent
DIGESTS = ROOT / "tests" / "data" / "dedup_speed_digests.json"
DEDUP_DATA = ROOT / "tests" / "data" / "dedup"
SEEN = datetime(2025, 6, 16, tzinfo=UTC)
WORKLOAD_FEEDS = 30
SYNTHETIC = 600
# What a signature's value depends on besides the speed modules: a change here is a change of design.
DESIGN = (
    "dedup.carriers",
    "dedup.clean",
    "dedup.dates",
    "names",
    "dedup.normalise",
    "dedup.events",
    "dedup.reshaped",
    "dedup.signature",
    "dedup.social",
    "text",
)


def design() -> str:
    """A fingerprint of the source of the ``DESIGN`` modules."""
    digest = hashlib.sha256()
    for module in DESIGN:
        digest.update(Path(str(importlib.import_module(f"monitor.{module}").__file__)).read_bytes())
    return digest.hexdigest()[:16]


def sources() -> Iterator[tuple[str, list[Entry]]]:
    """(name, entries) of each input set, in a fixed order."""
    for name in BULK_SETS:
        path = DEDUP_DATA / f"{name}.jsonl"
        yield path.name, [to_entry(row) for row in load(path)]
    workload = Workload(Spec(seed=8, feeds=WORKLOAD_FEEDS, entries=50))
    feeds = [
        parse_feed(workload.document(i), f"http://x.example{workload.path(i)}", "x") for i in range(WORKLOAD_FEEDS)
    ]
    yield "workload", [entry for feed in feeds for entry in feed.entries]
    yield "synthetic", dedup_speed.entries(SYNTHETIC)


def fields(entry: Entry) -> dict[str, object]:
    """Everything ``signature`` gives (the packed blob and each unpacked field) and the event keys."""
    sig = signature(entry, SEEN)
    published = entry.published or SEEN
    found, heads = keywords_and_heads(entry, published)  # from the raw body, as a caller without ``clean`` asks
    lines = [(key, sorted(inside), sorted(facts)) for key, inside, facts in sig.lines]
    return {
        "pack": sig.pack().hex(),
        "lede": sig.lede,
        "keywords": list(sig.keywords),
        "written": list(sig.written),
        "heads": list(sig.heads),
        "shingles": sorted(sig.shingles),
        "title_words": sig.title_words,
        "lines": lines,
        "when": sig.when,
        "outlet": sig.outlet,
        "event_keys": list(found.items()),
        "event_heads": list(heads),
        "event_time": event_time(entry, published, EVENT_DATING),
    }


def digests() -> dict[str, dict[str, str]]:
    """Per input set, per field: the SHA-256 (first 16 hex digits) of the field over its entries, in order."""
    table: dict[str, dict[str, str]] = {}
    for name, entries in sources():
        hashers: dict[str, hashlib._Hash] = {}
        for entry in entries:
            for field, value in fields(entry).items():
                hashers.setdefault(field, hashlib.sha256()).update(json.dumps(value, ensure_ascii=False).encode())
        inputs = hashlib.sha256(repr(entries).encode())  # every field of every entry (a dataclass)
        table[name] = {"entries": str(len(entries)), "inputs": inputs.hexdigest()[:16]}
        table[name] |= {f: h.hexdigest()[:16] for f, h in hashers.items()}
    return table


def recorded() -> dict[str, object]:
    return json.loads(DIGESTS.read_text(encoding="utf-8"))


def test_signatures_and_event_keys_are_those_recorded() -> None:
    stored = recorded()
    if (stored["magic"], stored["design"]) != (_MAGIC.decode(), design()):
        pytest.skip("digests recorded for another design of signatures (tests/data/dedup_speed_digests.json)")
    table = digests()
    assert sorted(table) == sorted(stored["sets"])  # type: ignore[call-overload]
    inputs = {name: row["inputs"] for name, row in table.items()}
    if inputs != {name: row["inputs"] for name, row in stored["sets"].items()}:  # type: ignore[attr-defined]
        pytest.skip("the input sets changed since the digests were recorded")
    differing = [
        f"{name}.{field}"
        for name, row in table.items()
        for field, digest in row.items()
        if stored["sets"][name].get(field) != digest  # type: ignore[index]
    ]
    assert not differing, f"outputs differ from the recorded design: {differing}"


def test_the_check_sees_a_changed_field() -> None:
    """The digest of a set moves when one field of one entry moves (the comparison can fail)."""
    entry = next(sources())[1][0]
    before = fields(entry)
    changed = fields(replace(entry, title=entry.title + " Kazan"))
    assert changed["pack"] != before["pack"] and changed["keywords"] != before["keywords"]


if __name__ == "__main__":
    if sys.argv[1:] != ["--record"]:
        sys.exit("usage: PYTHONPATH=TREE python tests/test_dedup_speed_identity.py --record")
    out = {"magic": _MAGIC.decode(), "design": design(), "sets": digests()}
    DIGESTS.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=1))

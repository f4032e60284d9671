"""Structure of the second held-out dedup set (tests/data/dedup/heldout2.jsonl, written after v1 was seen).

Checks the file only: keys, ids, GUIDs, time order, labels, counts of pairs, languages and
outlets new to the sets the detector was tuned on. It deliberately does not import
monitor.dedup. The set was written for a final measurement; since its errors were studied
(issue 13, third round) it is a tuning set, "v2 (seen -> tuning)" in benchmarks/dedup_quality.py,
and its figures are held by tests/test_dedup.py like those of the other tuning sets.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from itertools import combinations
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data" / "dedup"
KEYS = {"id", "outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event"}


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return load("heldout2.jsonl")


def test_keys_ids_guids_and_order(rows: list[dict]) -> None:
    assert [r["id"] for r in rows] == [f"k{i:03d}" for i in range(1, len(rows) + 1)]
    for r in rows:
        assert set(r) == KEYS, r["id"]
        assert r["title"] and r["story"] and r["event"] and (r["summary"] or r["content"]), r["id"]
        assert r["link"].startswith("https://") and ".example/" in r["link"], r["id"]
    assert len({r["guid"] for r in rows}) == len(rows)
    times = [datetime.fromisoformat(r["published"]) for r in rows]
    assert all(t.tzinfo is not None for t in times) and times == sorted(times)


def test_enough_copy_pairs_and_hard_negatives(rows: list[dict]) -> None:
    copies = negatives = 0
    for a, b in combinations(rows, 2):
        if a["story"] == b["story"]:
            copies += 1
            assert a["feed"] != b["feed"] and a["event"] == b["event"], (a["id"], b["id"])
        elif a["event"] == b["event"]:
            negatives += 1
    assert copies >= 80 and negatives >= 80, (copies, negatives)


def test_new_outlets_and_languages(rows: list[dict]) -> None:
    tuning = load("eval.jsonl") + load("heldout.jsonl")
    assert not {r["feed"] for r in rows} & {r["feed"] for r in tuning}
    assert not {r["outlet"] for r in rows} & {r["outlet"] for r in tuning}
    new_languages = set(Counter(r["lang"] for r in rows)) - {r["lang"] for r in tuning}
    assert len(new_languages) >= 3, new_languages

"""Held-out v57's own structure checks (event clusters of full articles; Venda, Extremaduran, Portuguese).

Structure only: nothing here imports or runs the detector, so the set stays unseen by it.
"""

from __future__ import annotations

from collections import defaultdict

import yaml
from dedup_set_support import DATA, load_rows

SOURCE = yaml.safe_load((DATA / "heldout57_source.yaml").read_text(encoding="utf-8"))
STORIES = {s["id"]: s for s in SOURCE["stories"]}
REPORTS = {"original", "independent", "english", "side"}
ROWS = load_rows("heldout57.jsonl")


def test_clustered_reports_are_full_articles_of_150_to_250_words() -> None:
    for s in STORIES.values():
        if s["kind"] in REPORTS:
            assert 150 <= len(s["text"].split()) <= 250, s["id"]


def test_each_clustered_event_has_two_to_four_reports_and_each_negative_its_own_event() -> None:
    events: dict[str, set[str]] = defaultdict(set)
    for s in STORIES.values():
        events[s["event"]].add(s["id"])
    for s in STORIES.values():
        if s["kind"] == "original":
            assert 2 <= len(events[s["event"]]) <= 4, s["id"]
        elif s["kind"] not in REPORTS:
            assert events[s["event"]] == {s["id"]}, s["id"]
            assert s["lang"] == STORIES[s["against"]]["lang"], s["id"]


def test_every_copy_uses_two_or_three_of_its_carriers_words() -> None:
    first: dict[str, dict] = {}
    for r in ROWS:
        first.setdefault(r["story"], r)
    origin_feeds = {o[0] for o in SOURCE["outlets"] if not o[5]}
    copies = [r for r in ROWS if first[r["story"]] is not r]
    assert len(copies) >= 80
    assert all(r["feed"] not in origin_feeds for r in copies)
    assert all(r["feed"] in origin_feeds for r in first.values())

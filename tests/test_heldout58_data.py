"""Held-out v58's own structure (short briefs reshaped by carriers): who originates, who copies, which
entries are summary-only, and that each designed hard negative is another event repeating most of its base.

Structure only: nothing here imports or runs the detector, so the set stays unseen by it.
"""

from __future__ import annotations

import re

import yaml
from dedup_set_support import DATA, load_rows

ROWS = load_rows("heldout58.jsonl")
SOURCE = yaml.safe_load((DATA / "heldout58_source.yaml").read_text(encoding="utf-8"))
OUTLETS = {o["feed"]: o for o in SOURCE["outlets"]}
STORIES = {s["id"]: s for s in SOURCE["stories"]}
DESIGNED = {"sameformsisterplace", "dayafterrevised"}
TAG = re.compile(r"<[^>]+>")


def first_entries() -> dict[str, dict]:
    first: dict[str, dict] = {}
    for r in ROWS:
        first.setdefault(r["story"], r)
    return first


def words(text: str) -> set[str]:
    return set(TAG.sub(" ", text).split())


def test_every_story_starts_at_its_own_desk_and_only_carriers_copy() -> None:
    first = first_entries()
    for story, row in first.items():
        desk = STORIES[story].get("outlet") or STORIES[STORIES[story]["derive"]]["outlet"]
        assert row["feed"] == desk, story
        assert not OUTLETS[desk]["carrier"], story
    for r in ROWS:
        if first[r["story"]] is not r:
            assert OUTLETS[r["feed"]]["carrier"], r["id"]


def test_summary_only_entries_are_exactly_those_of_summary_only_outlets() -> None:
    for r in ROWS:
        assert (r["content"] == "") == (OUTLETS[r["feed"]]["body"] == "none"), r["id"]
    assert sum(r["content"] == "" for r in ROWS) >= 10


def test_each_designed_negative_is_another_event_at_its_base_desk_repeating_most_of_its_words() -> None:
    first = first_entries()
    designed = [s for s in STORIES.values() if s["kind"] in DESIGNED]
    assert {s["kind"] for s in designed} == DESIGNED and len(designed) == 6
    for s in designed:
        own, base = first[s["id"]], first[s["against"]]
        assert own["event"] != base["event"], s["id"]
        assert (own["feed"], own["lang"]) == (base["feed"], base["lang"]), s["id"]
        base_words = words(base["content"])
        assert len(words(own["content"]) & base_words) >= len(base_words) / 2, s["id"]


def test_each_carrier_copies_every_main_language() -> None:
    for feed, outlet in OUTLETS.items():
        if outlet["carrier"]:
            assert {"din", "nus", "mak"} <= {r["lang"] for r in ROWS if r["feed"] == feed}, feed

"""Held-out v54's own structure (short briefs reshaped by carriers): who originates, who carries, and
designed hard negatives that repeat most of their base. Structure only: nothing here imports the detector."""

from __future__ import annotations

import yaml
from dedup_set_support import DATA, load_rows

SOURCE = yaml.safe_load((DATA / "heldout54_source.yaml").read_text(encoding="utf-8"))
ROWS = load_rows("heldout54.jsonl")
CARRIERS = {o[0] for o in SOURCE["outlets"] if o[5]}
SUMMARY_ONLY = {o[0] for o in SOURCE["outlets"] if o[4] == "none"}


def test_each_story_starts_at_its_own_desk_and_only_carriers_copy() -> None:
    first: dict[str, dict] = {}
    for r in ROWS:
        if r["story"] not in first:
            first[r["story"]] = r
            assert r["feed"] not in CARRIERS, r["id"]
        else:
            assert r["feed"] in CARRIERS, r["id"]
    stories = {s["id"]: s for s in SOURCE["stories"]}
    for story, r in first.items():
        outlet = stories[story].get("outlet") or stories[stories[story]["derive"]]["outlet"]
        assert r["feed"] == outlet, story


def test_summary_only_entries_come_from_summary_only_carriers() -> None:
    empty = [r for r in ROWS if r["content"] == ""]
    assert len(empty) >= 10
    assert {r["feed"] for r in empty} == SUMMARY_ONLY


def test_a_designed_negative_is_another_event_at_its_base_desk_repeating_most_of_its_base() -> None:
    by_story: dict[str, dict] = {}
    for r in ROWS:
        by_story.setdefault(r["story"], r)
    designed = [s for s in SOURCE["stories"] if s["kind"] in {"othervillagenotice", "nextdayturn"}]
    assert len({s["kind"] for s in designed}) == 2 and len(designed) >= 6
    for s in designed:
        own, base = by_story[s["id"]], by_story[s["against"]]
        assert own["event"] != base["event"] and own["feed"] == base["feed"] and own["lang"] == base["lang"]
        words, base_words = set(own["content"].split()), set(base["content"].split())
        assert len(words & base_words) >= 0.5 * len(base_words), s["id"]

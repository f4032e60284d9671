"""Held-out v56's own structure (short briefs reshaped by carriers). Structure only: never imports `monitor`."""

from __future__ import annotations

import re

import yaml
from dedup_set_support import DATA, load_rows

ROWS = load_rows("heldout56.jsonl")
SOURCE = yaml.safe_load((DATA / "heldout56_source.yaml").read_text(encoding="utf-8"))
OUTLETS = {o[0]: o for o in SOURCE["outlets"]}
STORIES = {s["id"]: s for s in SOURCE["stories"]}
WORD = re.compile(r"\w+")


def words(text: str) -> set[str]:
    return set(WORD.findall(text.lower()))


def test_every_story_starts_at_its_own_desk_and_only_carriers_copy() -> None:
    first: dict[str, dict] = {}
    for r in ROWS:
        if r["story"] not in first:
            first[r["story"]] = r
            assert not OUTLETS[r["feed"]][5], r["id"]
            assert r["feed"] == STORIES[r["story"]]["outlet"] if "outlet" in STORIES[r["story"]] else True
        else:
            assert OUTLETS[r["feed"]][5], r["id"]


def test_summary_only_entries_come_from_the_summary_only_carriers() -> None:
    for r in ROWS:
        assert (r["content"] == "") == (OUTLETS[r["feed"]][4] == "none"), r["id"]


def test_each_designed_negative_is_another_event_at_its_base_desk_repeating_half_its_words() -> None:
    first = {}
    for r in ROWS:
        first.setdefault(r["story"], r)
    designed = [s for s in STORIES.values() if s["kind"] in {"wardtemplatetwin", "morrowreversal"}]
    assert len(designed) == 6
    for s in designed:
        own, base = first[s["id"]], first[s["against"]]
        assert own["event"] != base["event"] and own["feed"] == base["feed"] and own["lang"] == base["lang"]
        shared = words(own["content"]) & words(base["content"])
        assert len(shared) >= len(words(base["content"])) / 2, s["id"]

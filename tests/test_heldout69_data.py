"""v69's own structure checks (a wire story's day). Structure only: never imports `monitor`."""

from __future__ import annotations

from collections import defaultdict

import yaml
from dedup_set_support import DATA, load_rows

ROWS = load_rows("heldout69.jsonl")
SOURCE = yaml.safe_load((DATA / "heldout69_source.yaml").read_text(encoding="utf-8"))
STORIES = {s["id"]: s for s in SOURCE["stories"]}
BY_STORY: dict[str, list[dict]] = defaultdict(list)
for _row in ROWS:
    BY_STORY[_row["story"]].append(_row)


def test_a_wire_story_runs_its_whole_day_flash_first() -> None:
    """Seven entries: the flash (the lede alone) first, the correction carries the new figure, not the old;
    one aggregator entry is summary-only; the regional desk's copy opens with its local sentence."""
    for s in (s for s in STORIES.values() if s["kind"] == "original"):
        rows = BY_STORY[s["id"]]
        assert len(rows) == 7, s["id"]
        assert rows[0]["content"] == s["p"][0], s["id"]
        old, new = s["fix"]
        corrected = [r for r in rows if SOURCE["phrases"][s["lang"]]["fixnote"] in r["content"]]
        assert len(corrected) == 1 and new in corrected[0]["content"] and old not in corrected[0]["content"]
        assert sum(r["content"] == "" for r in rows) == 1, s["id"]
        assert any(r["content"].startswith(f'<div class="article"><p>{s["local"]}') for r in rows), s["id"]


def test_each_designed_negative_is_alone_in_its_event_and_shares_text_as_designed() -> None:
    events = defaultdict(set)
    for r in ROWS:
        events[r["event"]].add(r["story"])
    for s in (s for s in STORIES.values() if s["kind"] not in ("original", "independent")):
        base = STORIES[s["against"]]
        assert events[s["event"]] == {s["id"]}, s["id"]
        first = BY_STORY[s["id"]][0]["content"]
        shares = base["p"][3] in first or base["p"][0] in first
        assert shares == (s["kind"] != "sametownwire"), s["id"]


def test_rivals_are_another_language_than_the_wire_they_rival() -> None:
    rivals = [s for s in STORIES.values() if s["kind"] == "independent"]
    assert len(rivals) == 12
    assert all(s["lang"] != STORIES[s["against"]]["lang"] for s in rivals)

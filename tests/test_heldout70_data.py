"""v70's own structure checks (a wire story's life across a day and across desks). Structure only: nothing here
imports or runs the detector."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

import yaml
from dedup_set_support import DATA, load_rows

ROWS = load_rows("heldout70.jsonl")
SOURCE = yaml.safe_load((DATA / "heldout70_source.yaml").read_text(encoding="utf-8"))
STORIES = {s["id"]: s for s in SOURCE["stories"]}
BY_STORY: dict[str, list[dict]] = defaultdict(list)
for _row in ROWS:
    BY_STORY[_row["story"]].append(_row)


def test_a_wire_original_lives_on_at_its_wire_and_five_carriers_into_the_next_morning() -> None:
    originals = [s for s in STORIES.values() if s["kind"] == "original"]
    assert len(originals) == 6
    for s in originals:
        rows = BY_STORY[s["id"]]
        at_wire = [r for r in rows if r["feed"] == s["outlet"]]
        assert len(at_wire) == 5, s["id"]  # bulletin, full story, three later versions
        assert rows[0]["feed"] == s["outlet"] and len(rows[0]["content"]) < len(rows[1]["content"]), s["id"]
        assert len({r["feed"] for r in rows}) == 6, s["id"]
        assert len({r["title"] for r in at_wire}) == 5, s["id"]  # a changed headline each time
        assert any(r["title"].startswith(("CORRECTED: ", "REFILED: ")) for r in at_wire), s["id"]
        assert any(r["content"] == "" for r in rows), s["id"]  # the app's push text
        day = datetime.fromisoformat(rows[0]["published"]).date()
        assert datetime.fromisoformat(rows[-1]["published"]).date() > day, s["id"]  # the print edition


def test_designed_negatives_are_other_events_and_reused_backgrounds_are_verbatim() -> None:
    negatives = [s for s in STORIES.values() if "background_of" in s or s["kind"] in {"factcheckcite", "regionsameday"}]
    assert len(negatives) == 12
    for s in negatives:
        base = STORIES[s["against"]]
        assert s["event"] != base["event"] and s["lang"] == base["lang"], s["id"]
        if "background_of" in s:
            background = base["text"].strip().split("\n\n")[-1]
            assert all(background in r["content"] or r["content"] == "" for r in BY_STORY[s["id"]]), s["id"]

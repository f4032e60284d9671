"""v71's own structure checks (a wire story's life across a day and across desks). Structure only: nothing here
imports or runs the detector, so the held-out set stays unseen by it."""

from __future__ import annotations

from collections import Counter, defaultdict

import yaml
from dedup_set_support import DATA, load_rows

ROWS = load_rows("heldout71.jsonl")
SOURCE = yaml.safe_load((DATA / "heldout71_source.yaml").read_text(encoding="utf-8"))
STORIES = {s["id"]: s for s in SOURCE["stories"]}
NEGATIVE = {"wiredaytwo", "wiresiblinghour", "explainerlede", "opinioncolumn", "regionotherhappening"}


def by_story() -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = defaultdict(list)
    for r in ROWS:
        found[r["story"]].append(r)
    return found


def test_each_original_opens_with_a_short_bulletin_and_its_wire_versions_get_new_titles_guids_and_links() -> None:
    for sid, rows in by_story().items():
        if STORIES[sid]["kind"] != "original":
            continue
        first = rows[0]
        assert first["feed"] == STORIES[sid]["outlet"], sid
        assert "\n" not in first["content"] and "</p><p>" not in first["content"], sid
        wire = [r for r in rows if r["feed"] == first["feed"]]
        assert len(wire) == 5, sid
        assert len({r["title"] for r in wire}) == 5 and len({r["guid"] for r in wire}) == 5, sid
        assert len(rows) >= 9, sid


def test_a_designed_negative_is_alone_in_its_event_in_its_bases_language() -> None:
    events = Counter(s["event"] for s in STORIES.values())
    negatives = [s for s in STORIES.values() if s["kind"] in NEGATIVE]
    assert len(negatives) >= 8
    for s in negatives:
        assert events[s["event"]] == 1 and s["lang"] == STORIES[s["against"]]["lang"], s["id"]


def test_a_day_two_or_sibling_story_repeats_its_bases_background_paragraph() -> None:
    text = {r["story"]: r["content"] for r in ROWS if r["feed"] == STORIES[r["story"]]["outlet"]}
    for s in STORIES.values():
        if s["kind"] in {"wiredaytwo", "wiresiblinghour"}:
            background = STORIES[s["against"]]["text"].strip().splitlines()[-1]
            assert background in text[s["id"]], s["id"]


def test_the_big_language_stays_under_15_percent() -> None:
    langs = Counter(r["lang"] for r in ROWS)
    assert langs["es"] / len(ROWS) <= 0.15

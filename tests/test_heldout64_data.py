"""Held-out v64's own structure (its brief's carriers and designed negatives), on top of the shared
checks in `test_heldout_sets_data.py`. Structure only: nothing here imports or runs the detector.
"""

from __future__ import annotations

import re

import yaml
from dedup_set_support import DATA, load_rows

SOURCE = yaml.safe_load((DATA / "heldout64_source.yaml").read_text(encoding="utf-8"))
ROWS = load_rows("heldout64.jsonl")
ROLE = {o[0]: o[5] for o in SOURCE["outlets"]}
WORD = {o[0]: o[6] for o in SOURCE["outlets"]}
STORIES = {s["id"]: s for s in SOURCE["stories"]}
TAG = re.compile(r"<[^>]+>")


def first_entries() -> dict[str, dict]:
    first: dict[str, dict] = {}
    for r in ROWS:
        first.setdefault(r["story"], r)
    return first


def words(text: str) -> set[str]:
    return set(TAG.sub(" ", text).lower().split())


def test_every_story_starts_at_a_desk_and_only_carriers_copy() -> None:
    first = first_entries()
    assert all(ROLE[r["feed"]] != "carrier" for r in first.values())
    copies = [r for r in ROWS if first[r["story"]] is not r]
    assert copies and all(ROLE[r["feed"]] == "carrier" for r in copies)
    assert len({WORD[r["feed"]] for r in copies}) == 7


def test_summary_only_entries_are_the_ticker_log_in_capitals() -> None:
    empty = [r for r in ROWS if r["content"] == ""]
    assert len(empty) >= 10
    assert all(WORD[r["feed"]] == "tickerlog" and r["title"] == r["title"].upper() for r in empty)


def test_gateway_parts_are_numbered_and_fit_a_text_message() -> None:
    parts = [r for r in ROWS if WORD[r["feed"]] == "gatewayparts"]
    assert parts
    for r in parts:
        lines = r["content"].split("\n")
        assert all(line.startswith(f"({k}/{len(lines)}) ") for k, line in enumerate(lines, 1)), r["id"]
        assert all(len(line) <= 160 for line in lines), r["id"]


def test_an_update_copy_carries_the_fixed_figure_only() -> None:
    updates = [r for r in ROWS if WORD[r["feed"]] == "leadaddfix"]
    assert len(updates) >= 9
    for r in updates:
        old, new = STORIES[r["story"]]["fix"]
        body = r["content"].split("</p>", 1)[1]  # after the update line, which names both figures
        assert new in body and old not in body, r["id"]


def test_designed_negatives_share_their_base_desk_language_and_most_words_but_not_the_event() -> None:
    first = first_entries()
    designed = [s for s in STORIES.values() if s.get("derive")]
    assert len(designed) == 6
    for s in designed:
        mine, base = first[s["id"]], first[s["against"]]
        assert (mine["feed"], mine["lang"]) == (base["feed"], base["lang"]), s["id"]
        assert mine["event"] != base["event"], s["id"]
        shared = words(mine["content"]) & words(base["content"])
        assert len(shared) >= len(words(base["content"])) / 2, s["id"]


def test_the_roundup_quotes_three_stories_of_other_events() -> None:
    roundup = STORIES["s64-en-roundup"]
    events = {STORIES[q]["event"] for q in roundup["quotes"]}
    assert len(events) == 3 and roundup["event"] not in events

"""Held-out v72's own structure (its brief: wire copies through carriers that degrade names and figures).

Structure only: nothing here imports or runs the detector, so the set stays unseen by it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import datetime

import yaml
from dedup_set_support import DATA, load_rows

SOURCE = yaml.safe_load((DATA / "heldout72_source.yaml").read_text(encoding="utf-8"))
ROWS = load_rows("heldout72.jsonl")
STORIES = {s["id"]: s for s in SOURCE["stories"]}
CARRIERS = {c[0]: c for c in SOURCE["outlets"]["carriers"]}
ORIGINS = {o[0] for o in SOURCE["outlets"]["origin"]}


def entries_of(story: str) -> list[dict]:
    return [r for r in ROWS if r["story"] == story]


def words(row: dict) -> set[str]:
    return set(re.findall(r"\w+", (row["content"] or row["summary"]).lower()))


def test_stories_start_at_their_desk_and_only_carriers_copy() -> None:
    for story, s in STORIES.items():
        first, *copies = entries_of(story)
        assert first["feed"] == s["outlet"] in ORIGINS, story
        assert all(r["feed"] in CARRIERS for r in copies), story
        assert len({r["feed"] for r in copies}) == len(copies), story


def test_a_template_twin_is_another_place_the_same_local_day_at_its_base_desk_through_its_carriers() -> None:
    twins = [s for s in STORIES.values() if s["kind"] == "desktemplateisland"]
    assert len(twins) >= 6
    for s in twins:
        mine, theirs = entries_of(s["id"]), entries_of(s["derive"])
        assert mine[0]["feed"] == theirs[0]["feed"] and mine[0]["lang"] == theirs[0]["lang"], s["id"]
        day = [datetime.fromisoformat(x[0]["published"]).date() for x in (mine, theirs)]
        assert day[0] == day[1], s["id"]
        assert mine[0]["event"] != theirs[0]["event"], s["id"]
        shared = words(mine[0]) & words(theirs[0])
        assert len(shared) >= len(words(theirs[0])) // 2, s["id"]
        assert not any(old in mine[0]["title"] + mine[0]["content"] for old, _ in s["set"]), s["id"]
        assert {r["feed"] for r in mine[1:]} <= {r["feed"] for r in theirs[1:]}, s["id"]


def test_degrading_carriers_print_figures_their_own_way() -> None:
    by_feed = defaultdict(list)
    for r in ROWS:
        by_feed[r["feed"]].append(r)
    assert all(r["content"] == r["content"].upper() for r in by_feed["lagoon-caption-relay"])
    assert all(not re.search(r"\d", r["content"]) for r in by_feed["lagoon-caption-relay"])
    assert all(re.search(r"#\d", r["content"]) for r in by_feed["atoll-braille-export"])
    assert all(r["content"] == "" for r in by_feed["reef-shortline"])
    assert any(re.search(r"the \w+ of May", r["content"]) for r in by_feed["tradewind-voice"])
    assert all(re.search("[а-я]", r["content"]) for r in by_feed["okean-script-mirror"])
    for r in by_feed["lagoon-thread"]:
        posts = r["content"].split("\n\n")
        assert [p.split(" ", 1)[0] for p in posts] == [f"{k}/{len(posts)}" for k in range(1, len(posts) + 1)]
    assert any(re.search(r"\d(?:\.\d+)?(?:k|m|bn)\b", r["content"]) for r in by_feed["lagoon-thread"])


def test_the_round_up_and_the_release_pair_are_other_events() -> None:
    roundup = next(s for s in STORIES.values() if s["kind"] == "weekendthreeroundup")
    assert len(roundup["quotes"]) == 3
    assert all(STORIES[q]["event"] != roundup["event"] for q in roundup["quotes"])
    pair = [s for s in STORIES.values() if s["kind"] == "releasesplitpair"]
    assert len(pair) == 2 and pair[0]["event"] != pair[1]["event"]
    assert {pair[0]["against"], pair[1]["against"]} == {pair[0]["id"], pair[1]["id"]}

"""Held-out v83's own structure: a story's versions through one day and the carriers that picked them up.

A desk's story is filed three times (flash or write-through, then an update opening with a new paragraph, or a
correction fixing one figure), all one story; carriers copy whichever version they saw. The second fire that
evening, the desk's explainer and its template twin two days on are other events; its sidebar and live posts are
other stories of the same event. Structure only: imports nothing from `monitor` and never runs the detector.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import datetime, timedelta

import pytest
import yaml
from dedup_set_support import DATA, load_rows

ROWS = load_rows("heldout83.jsonl")
SOURCE = yaml.safe_load((DATA / "heldout83_source.yaml").read_text(encoding="utf-8"))
STORIES = {s["id"]: s for s in SOURCE["stories"]}
SITUATIONS = {s["id"]: s for s in SOURCE["situations"]}
DESKS = {s["desk"] for s in SITUATIONS.values()} | {"harbour-wire", "sada-andalus"}
TAGS = re.compile(r"<[^>]+>")


def entries(story: str) -> list[dict]:
    return [r for r in ROWS if r["story"] == story]


def text(row: dict) -> str:
    return TAGS.sub(" ", row["content"]) if row["content"] else row["summary"]


def when(row: dict) -> datetime:
    return datetime.fromisoformat(row["published"])


def desk_entries(story: str) -> list[dict]:
    return [r for r in entries(story) if r["feed"] == STORIES[story]["outlet"]]


ORIGINALS = [s for s in STORIES.values() if s["kind"] == "original"]


@pytest.mark.parametrize("story", ORIGINALS, ids=lambda s: s["id"])
def test_v83_the_desk_files_its_story_three_times_and_carriers_copy_after_it(story: dict) -> None:
    own = desk_entries(story["id"])
    assert len(own) == 3 and len(entries(story["id"])) == 5
    assert len({r["link"] for r in own}) == 3 and len({r["guid"] for r in own}) == 3
    first = text(own[0]).split("  ")[0].strip()
    assert all(first[:60] in text(r) for r in own)  # every later version keeps the first one's opening
    update = next(r for r in own if r["guid"].endswith(":update"))
    assert not text(update).strip().startswith(first[:60])  # the update opens with a new paragraph
    for copy in entries(story["id"]):
        assert copy["feed"] in DESKS or when(copy) > when(own[0])


@pytest.mark.parametrize("story", [s for s in ORIGINALS if SITUATIONS[s["situation"]]["fix"]], ids=lambda s: s["id"])
def test_v83_a_correction_fixes_one_figure_and_stays_the_story(story: dict) -> None:
    facts = SITUATIONS[story["situation"]]["facts"]
    *before, fixed = desk_entries(story["id"])
    right, wrong = str(facts["area"]), str(facts["area_bad"])
    assert all(wrong in text(r) for r in before)
    assert right in text(fixed) and fixed["event"] == before[0]["event"]
    assert text(fixed).count(wrong) == 1  # only the note still names the wrong figure
    carried = [r for r in entries(story["id"]) if r["feed"] != story["outlet"] and r["content"]]
    assert all(right not in text(r) for r in carried)  # carriers took versions before the correction


@pytest.mark.parametrize("kind", ["laterblaze", "qaexplain", "blazetwin"])
def test_v83_a_later_fire_an_explainer_and_a_template_twin_are_other_events_of_the_desk(kind: str) -> None:
    found = [s for s in STORIES.values() if s["kind"] == kind]
    assert len(found) == 6
    for s in found:
        mine, theirs = desk_entries(s["id"])[0], desk_entries(s["against"])[0]
        assert mine["feed"] == theirs["feed"] and mine["event"] != theirs["event"]
        assert when(mine) > when(theirs)
        if kind == "blazetwin":
            assert when(mine) - when(theirs) == timedelta(days=2)
        else:
            assert when(mine).date() == when(theirs).date()


def test_v83_sidebars_and_live_posts_are_other_stories_of_the_same_event() -> None:
    by_event: dict[str, set[str]] = defaultdict(set)
    for r in ROWS:
        by_event[r["event"]].add(r["story"])
    found = [s for s in STORIES.values() if s["kind"] in ("deskside", "livetick")]
    assert len(found) == 15
    for s in found:
        assert desk_entries(s["id"])[0]["feed"] == STORIES[s["against"]]["outlet"]
        assert {s["id"], s["against"]} <= by_event[STORIES[s["against"]]["event"]]


def test_v83_carriers_picked_up_different_versions_of_one_story() -> None:
    """Some story's two carrier copies open like two different desk versions (the version each one saw)."""
    differing = 0
    for s in ORIGINALS:
        copies = [r for r in entries(s["id"]) if r["feed"] != s["outlet"]]
        titles = {r["title"] for r in copies}
        openings = {text(r).strip()[:40] for r in copies if r["content"]}
        differing += len(titles) == 2 or len(openings) == 2
    assert differing >= 4

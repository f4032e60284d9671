"""Held-out v68's own structure (its brief): long articles, carriers that change their shape, designed negatives
from the desk's own template. Structure only: nothing here imports or runs the detector."""

from __future__ import annotations

import re

import yaml
from dedup_set_support import DATA, load_rows

ROWS = load_rows("heldout68.jsonl")
SOURCE = yaml.safe_load((DATA / "heldout68_source.yaml").read_text(encoding="utf-8"))
STORIES = {s["id"]: s for s in SOURCE["stories"]}
DESKS = {s["outlet"] for s in SOURCE["stories"]}
# What each carrier leaves in the text it reshapes.
MARKS = {
    "bylinebox": "┌ ",
    "crosshead": "■ ",
    "accordion": "[show more]",
    "carousel": "  →",
    "revisionmarks": "{+",
    "endnote": "Notes",
    "sheetrows": "row\ttext",
    "quiz": "☐ true",
}


def words(text: str) -> list[str]:
    return re.sub(r"<[^>]+>", " ", text).split()


def test_every_story_starts_at_its_desk_and_only_carriers_copy_it() -> None:
    first: dict[str, dict] = {}
    for r in ROWS:
        first.setdefault(r["story"], r)
    assert all(first[sid]["feed"] == s["outlet"] for sid, s in STORIES.items())
    assert all(r["feed"] not in DESKS for r in ROWS if first[r["story"]] is not r)


def test_originals_are_long_articles() -> None:
    for r in ROWS:
        if r["feed"] in DESKS:
            size = len(r["content"]) if r["lang"] == "ja" else len(words(r["content"]))
            assert (300 <= size <= 500) if r["lang"] == "ja" else (200 <= size <= 400), r["id"]


def test_each_copy_shows_two_or_three_carriers_and_all_eight_are_used() -> None:
    seen = set()
    for r in ROWS:
        if r["feed"] in DESKS:
            continue
        text = r["content"] or r["summary"]
        shown = {w for w, mark in MARKS.items() if mark in text}
        seen |= shown
        assert r["content"] == "" or 2 <= len(shown) <= 3, r["id"]
    assert seen == set(MARKS) == set(SOURCE["words"])


def test_summary_only_entries_are_the_summary_only_carrier() -> None:
    none_feeds = {feed for feed, o in SOURCE["outlets"].items() if o[3] == "none"}
    assert {r["feed"] for r in ROWS if r["content"] == ""} == none_feeds
    assert sum(r["content"] == "" for r in ROWS) >= 10


def test_designed_negatives_are_the_desks_template_with_other_facts() -> None:
    body = {r["story"]: r["content"] for r in ROWS if r["feed"] in DESKS}
    for s in STORIES.values():
        if s["kind"] not in ("deskclonetown", "nextdaychanged"):
            continue
        base = STORIES[s["against"]]
        assert (s["outlet"], s["lang"]) == (base["outlet"], base["lang"]) and s["event"] != base["event"]
        mine, theirs = set(words(body[s["id"]])), set(words(body[base["id"]]))
        assert len(mine & theirs) >= len(theirs) / 2 and mine != theirs, s["id"]

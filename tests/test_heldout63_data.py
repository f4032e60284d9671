"""Held-out v63's own structure (long articles reshaped by carriers): where stories start, which entries are
summary-only, how long the hand-written articles are, what the designed negatives repeat, and that each
carrier shape is present. Structure only: nothing here imports or runs the detector.
"""

from __future__ import annotations

import re

import yaml
from dedup_set_support import DATA, load_rows

ROWS = load_rows("heldout63.jsonl")
SOURCE = yaml.safe_load((DATA / "heldout63_source.yaml").read_text(encoding="utf-8"))
OUTLETS = {o[0]: o for o in SOURCE["outlets"]}
STORIES = {s["id"]: s for s in SOURCE["stories"]}
DESIGNED = ("deskpatternpeer", "nextdayfactshift")


def first_rows() -> dict[str, dict]:
    first: dict[str, dict] = {}
    for r in ROWS:
        first.setdefault(r["story"], r)
    return first


def home(story: dict) -> str:
    return story.get("outlet") or home(STORIES[story["derive"]])


def test_every_story_starts_at_its_desk_and_only_carriers_copy() -> None:
    first = first_rows()
    for sid, story in STORIES.items():
        assert first[sid]["feed"] == home(story), sid
        assert not OUTLETS[home(story)][5], sid
    assert all(OUTLETS[r["feed"]][5] for r in ROWS if first[r["story"]] is not r)


def test_summary_only_entries_are_exactly_the_summary_only_carriers() -> None:
    assert {r["id"] for r in ROWS if r["content"] == ""} == {r["id"] for r in ROWS if OUTLETS[r["feed"]][4] == "none"}


def test_hand_written_articles_are_long() -> None:
    for story in STORIES.values():
        if "text" in story:
            assert len(story["text"].split("\n\n")) >= 6 and len(story["text"]) >= 900, story["id"]


def test_designed_negatives_are_other_events_at_the_same_desk_repeating_most_of_the_base() -> None:
    first = first_rows()
    designed = [s for s in STORIES.values() if s["kind"] in DESIGNED]
    assert len(designed) == 6
    for s in designed:
        own, base = first[s["id"]], first[s["against"]]
        assert own["event"] != base["event"] and own["feed"] == base["feed"] and own["lang"] == base["lang"]
        own_words, base_words = set(own["content"].split()), set(base["content"].split())
        assert len(own_words & base_words) >= len(base_words) / 2, s["id"]


SHAPES = {
    "page sequence": re.compile(r"P\d{3} \d/\d"),
    "fax gateway": re.compile(r"Sheet 2 of 2"),
    "stenotype lines": re.compile(r"(?m)^\s*\d+  SP[12]: "),
    "caption stamps": re.compile(r"<\d\d:\d\d:\d\d> "),
    "chapter marks": re.compile(r"\[Chapter 2\]"),
    "soft hyphens": re.compile("\u00ad"),
    "scan misreads": re.compile("[\ufb01\ufb02]|[а-яӑӗҫӳ]с[а-яӑӗҫӳ]*\\d?"),
}


def test_every_carrier_shape_appears_in_several_copies() -> None:
    for name, mark in SHAPES.items():
        assert sum(bool(mark.search(r["summary"] + r["content"])) for r in ROWS) >= 5, name
    wrapped = [
        r for r in ROWS if r["content"] and all(len(x) <= 40 for x in re.split(r"<br>|</p><p>|\n", r["content"]))
    ]
    assert len(wrapped) >= 5

"""v66's own structure (beyond the shared table row): long articles, desks and carriers, the carriers' marks.

Structure only: nothing here imports or runs the detector, so the held-out set stays unseen by it.
"""

from __future__ import annotations

import re

import yaml
from dedup_set_support import DATA, load_rows

SOURCE = yaml.safe_load((DATA / "heldout66_source.yaml").read_text(encoding="utf-8"))
ROWS = load_rows("heldout66.jsonl")
OUTLETS = {o[0]: o for o in SOURCE["outlets"]}
CARRIERS = {feed for feed, o in OUTLETS.items() if o[5]}
STORIES = {s["id"]: s for s in SOURCE["stories"]}
NEGATIVE = set(SOURCE["negative"])
# what a reader sees of each recipe word, in the body or (summary-only carriers) the summary
MARKS = {
    "galleryslides": re.compile(r"◧ 1/\d"),
    "wikiinfobox": re.compile(r"\{\{Infobox \|"),
    "wikisections": re.compile(r"== I =="),
    "wikifootnotes": re.compile(r"\[1\]"),
    "asrclock": re.compile(r"\b00:00:01\.5 "),
    "swipehint": re.compile(r"⇆ "),
    "ttspauses": re.compile(r" ⏸ "),
}


def text_of(row: dict) -> str:
    return row["content"] or row["summary"]


def test_every_story_starts_at_its_desk_and_only_carriers_copy() -> None:
    first: dict[str, dict] = {}
    for r in ROWS:
        if r["story"] not in first:
            first[r["story"]] = r
            assert r["feed"] not in CARRIERS, r["id"]
        else:
            assert r["feed"] in CARRIERS, r["id"]
    for story, r in first.items():
        origin = STORIES[story].get("outlet") or STORIES[STORIES[story]["derive"]]["outlet"]
        assert r["feed"] == origin, story


def test_summary_only_entries_are_exactly_the_summary_only_carriers() -> None:
    for r in ROWS:
        assert (r["content"] == "") == (OUTLETS[r["feed"]][4] == "none"), r["id"]


def test_hand_written_articles_are_long() -> None:
    for r in ROWS:
        if r["feed"] not in CARRIERS:
            paragraphs = [p for p in re.split(r"</p>|\n\n", r["content"]) if p.strip()]
            assert len(paragraphs) >= 7 and len(r["content"]) >= 1000, r["id"]


def test_each_designed_negative_is_another_event_at_its_base_desk_repeating_most_words() -> None:
    negatives = [s for s in STORIES.values() if s["kind"] in NEGATIVE]
    assert len(negatives) == 6
    body = {r["story"]: r["content"] for r in ROWS if r["feed"] not in CARRIERS}
    lang = {r["story"]: r["lang"] for r in ROWS}
    event = {r["story"]: r["event"] for r in ROWS}
    for s in negatives:
        base = s["against"]
        assert event[s["id"]] != event[base] and lang[s["id"]] == lang[base], s["id"]
        assert STORIES[base]["outlet"] == (s.get("outlet") or STORIES[s["derive"]]["outlet"]), s["id"]
        own, theirs = set(body[s["id"]].split()), set(body[base].split())
        assert len(own & theirs) >= len(theirs) / 2, s["id"]


def test_the_carriers_marks_show_on_copies_whose_carrier_has_that_word() -> None:
    """Every mark appears somewhere, and only at carriers whose style words include it."""
    for word, mark in MARKS.items():
        hits = {r["feed"] for r in ROWS if mark.search(text_of(r))}
        assert hits, word
        assert hits <= {feed for feed in CARRIERS if word in OUTLETS[feed][5]}, word

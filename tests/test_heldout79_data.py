"""Held-out v79's own structure checks (syndication as it arrives): article lengths, the carriers' marks in the
copies, designed negatives alone in their events. Structure only: nothing here imports or runs the detector."""

from __future__ import annotations

import re
from collections import Counter

import yaml
from dedup_set_support import DATA, load_rows

ROWS = load_rows("heldout79.jsonl")
SOURCE = yaml.safe_load((DATA / "heldout79_source.yaml").read_text(encoding="utf-8"))
STORIES = {s["id"]: s for s in SOURCE["stories"]}
DESKS = {row[0] for row in SOURCE["desks"]}
NEGATIVE = {"desknextday", "releasetwin", "weeklythreequote", "towntemplatetwin"}


def words_of(story: dict) -> int:
    text = story.get("text") or STORIES[story["derive"]]["text"]
    return len(text.split())


def test_articles_are_medium_or_long() -> None:
    assert all(120 <= words_of(s) <= 400 for s in STORIES.values())


def test_each_story_opens_at_its_desk_and_is_copied_only_by_carriers() -> None:
    first: dict[str, dict] = {}
    for r in ROWS:
        first.setdefault(r["story"], r)
    for story, r in first.items():
        assert r["feed"] == STORIES[story]["outlet"], story
    copies = [r for r in ROWS if first[r["story"]] is not r]
    assert copies and all(r["feed"] not in DESKS for r in copies)


def test_about_half_the_desk_articles_carry_html_and_the_rest_are_summary_only_or_plain() -> None:
    origins = [r for r in ROWS if r["feed"] in DESKS]
    html = sum(r["content"].startswith("<p>") for r in origins)
    assert 0.35 <= html / len(origins) <= 0.75
    assert any(r["content"] == "" for r in origins)


def test_carriers_leave_their_marks() -> None:
    """Glued paragraphs, read-more cuts, page headers, tracking hosts and digest headlines are all present."""
    text = [r["content"] + "\n" + r["summary"] for r in ROWS]
    phrases = SOURCE["phrases"]
    assert sum(bool(re.search(r"[a-z]\.[A-Z]", t)) for t in text) >= 10
    assert sum(any(p["readmore"] in t for p in phrases.values()) for t in text) >= 10
    assert sum(any(f"{p['page']} 2 —" in t for p in phrases.values()) for t in text) >= 10
    assert sum("-trk.example/" in r["link"] for r in ROWS) >= 20
    assert sum(any(r["title"].startswith(p["digest"]) for p in phrases.values()) for r in ROWS) >= 10


def test_each_designed_negative_is_alone_in_its_event_and_in_its_base_language() -> None:
    per_event = Counter(s["event"] for s in STORIES.values())
    for s in STORIES.values():
        if s["kind"] in NEGATIVE:
            assert per_event[s["event"]] == 1, s["id"]
            bases = s.get("quotes", [s.get("against")])
            assert all(STORIES[b]["lang"] == s["lang"] for b in bases), s["id"]

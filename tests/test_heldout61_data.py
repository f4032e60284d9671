"""Held-out v61's own structure (long articles reshaped by carriers that change the text's shape).

Structure only: nothing here imports or runs the detector, so the set stays unseen by it.
"""

from __future__ import annotations

import re

import yaml
from dedup_set_support import DATA, load_rows

ROWS = load_rows("heldout61.jsonl")
SOURCE = yaml.safe_load((DATA / "heldout61_source.yaml").read_text(encoding="utf-8"))
OUTLETS = {o[0]: o for o in SOURCE["outlets"]}
STORIES = {s["id"]: s for s in SOURCE["stories"]}
TAGS = re.compile(r"<[^>]+>")


def words(text: str) -> set[str]:
    return set(TAGS.sub(" ", text).lower().split())


def test_every_story_starts_at_its_desk_and_only_carriers_copy() -> None:
    first: dict[str, dict] = {}
    for r in ROWS:
        if r["story"] not in first:
            first[r["story"]] = r
            assert r["feed"] == STORIES[r["story"]]["outlet"] and not OUTLETS[r["feed"]][5], r["id"]
        else:
            assert OUTLETS[r["feed"]][5], r["id"]


def test_summary_only_entries_are_the_summary_only_carriers() -> None:
    for r in ROWS:
        assert (r["content"] == "") == (OUTLETS[r["feed"]][4] == "none"), r["id"]


def test_original_articles_are_long() -> None:
    for s in STORIES.values():
        if "text" in s:
            assert len(s["text"].split("\n\n")) >= 6 and len(s["text"]) >= 700, s["id"]


def test_designed_negatives_repeat_their_base_at_its_desk_as_another_event() -> None:
    body = {r["story"]: r["content"] for r in ROWS if r["feed"] == STORIES[r["story"]]["outlet"]}
    for s in STORIES.values():
        if s["kind"] in {"factsflipfollow", "deskformtwin"}:
            base = STORIES[s["against"]]
            assert s["event"] != base["event"] and s["outlet"] == base["outlet"] and s["lang"] == base["lang"]
            mine, theirs = words(body[s["id"]]), words(body[base["id"]])
            assert len(mine & theirs) >= len(theirs) / 2, s["id"]


def test_print_carriers_show_their_shape() -> None:
    ocr = [r for r in ROWS if r["feed"] in {"steppe-print-archive", "angara-microfilm", "press-digest-pdf"}]
    assert ocr and all(" · 3\n" in r["content"] or "-\n" in r["content"] for r in ocr)

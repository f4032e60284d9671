"""Held-out v76's own structure checks (its brief: medium articles through carriers that rewrite how names, dates,
figures and words are written; a desk's same-day template twin elsewhere as the main hard negative).

Structure only: nothing here imports or runs the detector, so the set stays unseen by it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

import yaml
from dedup_set_support import DATA, load_rows

SOURCE = yaml.safe_load((DATA / "heldout76_source.yaml").read_text(encoding="utf-8"))
DESKS = {o[0] for o in SOURCE["outlets"] if not o[5]}
TWINS = ("desktwinsameday", "onereleasesecond")
ROWS = load_rows("heldout76.jsonl")


def sentences(text: str) -> set[str]:
    return {s for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if s}


def test_written_articles_are_medium_length() -> None:
    for s in SOURCE["stories"]:
        if s["lang"] not in ("ja", "zh") and "text" in s:
            assert 90 <= len(s["text"].split()) <= 180, s["id"]


def test_origin_entries_are_at_desks_and_copies_at_carriers() -> None:
    seen: set[str] = set()
    origin = {s["id"]: s["outlet"] for s in SOURCE["stories"]}
    for r in ROWS:
        if r["story"] in seen:
            assert r["feed"] not in DESKS, r["id"]
        else:
            assert r["feed"] == origin[r["story"]], r["id"]
            seen.add(r["story"])


def test_a_designed_negative_is_alone_in_its_event_and_in_its_bases_language() -> None:
    stories = {s["id"]: s for s in SOURCE["stories"]}
    per_event: defaultdict[str, set[str]] = defaultdict(set)
    for s in stories.values():
        per_event[s["event"]].add(s["id"])
    for s in stories.values():
        if s["kind"] in (*TWINS, "weekthreeroundup"):
            assert per_event[s["event"]] == {s["id"]}, s["id"]
            for base in s.get("quotes", [s.get("against")]):
                assert stories[base]["lang"] == s["lang"], s["id"]


def test_a_twin_is_its_bases_desk_the_same_day_and_repeats_most_of_its_sentences() -> None:
    stories = {s["id"]: s for s in SOURCE["stories"]}
    first: dict[str, dict] = {}
    for r in ROWS:
        first.setdefault(r["story"], r)
    for s in stories.values():
        if s["kind"] not in TWINS:
            continue
        mine, base = first[s["id"]], first[s["against"]]
        assert mine["feed"] == base["feed"] and mine["published"][:10] == base["published"][:10], s["id"]
        own, theirs = sentences(mine["summary"] + " " + mine["content"]), sentences(base["content"])
        assert own != theirs and mine["title"] != base["title"], s["id"]


def test_telex_copies_are_capitals_without_marks_and_teletext_lines_fit_40_columns() -> None:
    telex = [r for r in ROWS if r["feed"] == "reef-telex"]
    assert telex
    for r in telex:
        text = r["title"] + r["content"]
        assert text == text.upper() and "ʻ" not in text and " STOP" in r["content"], r["id"]
        assert not any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", text)), r["id"]
    pages = [r for r in ROWS if r["feed"] == "page-188-text" and r["lang"] not in ("ja", "zh")]
    assert pages and all(len(line) <= 40 for r in pages for line in r["content"].split("\n")), "teletext"

"""Held-out v84's own structure: the issue's transformation catalogue, each step alone at least twice and in the
issue's combinations, and its four named hard negatives plus template twins. Structure only: imports nothing
from `monitor`, so the set stays unseen by the detector."""

from __future__ import annotations

import re
from collections import Counter

import yaml
from dedup_set_support import DATA, load_rows

ROWS = load_rows("heldout84.jsonl")
SOURCE = yaml.safe_load((DATA / "heldout84_source.yaml").read_text(encoding="utf-8"))
STORIES = {s["id"]: s for s in SOURCE["stories"]}
COMBOS = {"aggregator", "regional", "wire", "trimhead"}


def by_story(story: str) -> list[dict]:
    return [r for r in ROWS if r["story"] == story]


def words(text: str) -> list[str]:
    """The words of a body, whatever markup or paragraph breaks carry them."""
    return re.sub(r"<[^>]+>", " ", text).split()


def test_every_catalogue_step_appears_alone_at_least_twice_and_every_combination_is_used() -> None:
    recipes = Counter(c for s in STORIES.values() for c in s["copies"])
    for step in (
        "dateline_strip",
        "byline",
        "glue_html",
        "glue_plain",
        "entities",
        "truncate",
        "spelling",
        "newhead",
        "trimtail",
    ):
        assert recipes[step] >= 2, step
    assert all(recipes[c] >= 1 for c in COMBOS)


def test_stories_hold_two_to_six_entries_and_the_first_is_the_origin_desk() -> None:
    for sid, s in STORIES.items():
        rows = by_story(sid)
        assert 2 <= len(rows) <= 5, sid
        assert rows[0]["feed"] == s["outlet"], sid


def test_a_dateline_stripped_copy_is_the_original_word_for_word_after_the_dateline() -> None:
    found = 0
    for sid, s in STORIES.items():
        if "dateline_strip" not in s["copies"]:
            continue
        original = words(by_story(sid)[0]["content"].replace(s["dateline"] + " ", ""))
        copies = [words(r["content"]) if r["content"] else words(r["summary"])[:-2] for r in by_story(sid)[1:]]
        assert any(c == original[: len(c)] and len(c) >= 12 for c in copies), sid  # a ticker's cut is a prefix
        found += 1
    assert found >= 2


def test_markup_glue_plain_glue_entities_and_truncation_markers_are_present() -> None:
    contents = [r["content"] for r in ROWS]
    assert sum("</p><p>" in c for c in contents) >= 4
    assert sum(bool(re.search(r"[a-z0-9]\.[A-Z]", c)) for c in contents) >= 4  # "Kabul.The"
    assert sum("&ldquo;" in c or "\u201c" in c for c in contents) >= 4
    markers = ("Read More", "[…]", "Continue reading", "appeared first on")
    assert {m for m in markers if any(m in c for c in contents)} == set(markers)


def test_us_spelling_copies_of_uk_wire_text_exist() -> None:
    assert sum("license" in r["content"] or "organized" in r["content"] for r in ROWS if r["lang"] == "en") >= 2


def test_a_weekly_roundup_quotes_three_stories_of_other_events() -> None:
    roundups = [s for s in STORIES.values() if s["kind"] == "triadweekly"]
    assert len(roundups) == 2
    for s in roundups:
        assert len(s["quotes"]) == 3
        assert all(STORIES[q]["event"] != s["event"] for q in s["quotes"])


def test_a_press_release_pair_is_two_events_from_one_desk_minutes_apart() -> None:
    pairs = [s for s in STORIES.values() if s["kind"] == "releasedouble"]
    assert len(pairs) == 4
    for s in pairs:
        other = STORIES[s["against"]]
        assert other["against"] == s["id"] and other["outlet"] == s["outlet"] and other["event"] != s["event"]

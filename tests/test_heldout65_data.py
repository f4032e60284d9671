"""Held-out v65's own structure (its brief: carriers that degrade how names and figures are written).

Structure only: nothing here imports or runs the detector, so the set stays unseen by it.
"""

from __future__ import annotations

import re
from collections import defaultdict

import yaml
from dedup_set_support import DATA, load_rows

ROWS = load_rows("heldout65.jsonl")
SOURCE = yaml.safe_load((DATA / "heldout65_source.yaml").read_text(encoding="utf-8"))
OUTLETS = {o[0]: o for o in SOURCE["outlets"]}
CARRIERS = {o[0]: o[6] for o in SOURCE["outlets"] if o[5] == "carrier"}
STORIES = {s["id"]: s for s in SOURCE["stories"]}
DESIGNED = {"deskcloneotherplace", "pressreleasepartner", "roundupofthree"}


def by_word(word: str) -> list[dict]:
    return [r for r in ROWS if CARRIERS.get(r["feed"]) == word]


def test_every_story_starts_at_a_desk_and_only_carriers_copy() -> None:
    first: dict[str, dict] = {}
    for r in ROWS:
        if r["story"] in first:
            assert r["feed"] in CARRIERS, r["id"]
        else:
            first[r["story"]] = r
            assert r["feed"] not in CARRIERS, r["id"]
    assert set(first) == set(STORIES)


def test_summary_only_entries_are_exactly_the_ticker_and_voice_carriers() -> None:
    empty = {r["id"] for r in ROWS if r["content"] == ""}
    assert empty == {r["id"] for r in by_word("tickershards") + by_word("voicebriefing")}
    assert len(empty) >= 10


def test_degrading_carriers_write_names_and_figures_their_way() -> None:
    for r in by_word("cyrilgateway"):
        assert not re.search("[A-Za-z]", r["title"] + r["content"]), r["id"]
    for r in by_word("lowerchatbridge"):
        assert r["title"] == r["title"].lower() and r["content"] == r["content"].lower(), r["id"]
    for r in by_word("telexcaps"):
        assert r["content"].isascii() and r["content"] == r["content"].upper(), r["id"]
    for r in by_word("hashtagrepost"):
        assert "#" in r["content"] and not re.search(r"\d,\d{3}", r["content"]), r["id"]
    for r in by_word("tickershards"):
        assert " ▹ " in r["summary"], r["id"]
    assert all(len(by_word(w)) >= 8 for w in set(CARRIERS.values()))


def test_designed_negatives_repeat_their_base_at_its_desk_as_another_event() -> None:
    rows_of = defaultdict(list)
    for r in ROWS:
        rows_of[r["story"]].append(r)
    for s in STORIES.values():
        if s["kind"] not in DESIGNED or "derive" not in s:
            continue
        mine, base = rows_of[s["id"]][0], rows_of[s["against"]][0]
        assert mine["event"] != base["event"] and mine["feed"] == base["feed"] and mine["lang"] == base["lang"]
        words, base_words = set(mine["content"].split()), set(base["content"].split())
        assert len(words & base_words) >= len(base_words) / 2, s["id"]


def test_the_round_up_quotes_three_stories_of_three_other_events() -> None:
    (roundup,) = [s for s in STORIES.values() if s["kind"] == "roundupofthree"]
    events = {STORIES[q]["event"] for q in roundup["quotes"]}
    assert len(events) == 3 and roundup["event"] not in events


def test_origin_texts_are_medium_articles() -> None:
    for s in STORIES.values():
        if "text" in s:
            assert 90 <= len(s["text"].split()) <= 180, s["id"]

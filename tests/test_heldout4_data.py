"""Structure of held-out v4 (`tests/data/dedup/heldout4.jsonl`): keys, ids, order, labels, counts.

Structure only: this test neither imports nor runs the detector, so the set stays unseen by it.
"""

from __future__ import annotations

from collections import Counter

import pytest
import yaml
from dedup_set_support import (
    DATA,
    check_ids_and_order,
    check_keys,
    check_labels_and_hosts,
    check_next_day,
    load_rows,
    regenerate,
    tallies,
)

MAIN_LANGS = {"ko", "fa", "hu", "fi", "da", "bg", "ms", "sw"}
NEGATIVE_KINDS = {"template", "same-topic", "press-release", "roundup"}


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return load_rows("heldout4.jsonl")


@pytest.fixture(scope="module")
def source() -> dict:
    return yaml.safe_load((DATA / "heldout4_source.yaml").read_text(encoding="utf-8"))


def test_every_row_has_exactly_the_documented_keys_as_strings(rows: list[dict]) -> None:
    check_keys(rows)


def test_ids_are_sequential_guids_and_links_unique_and_rows_in_utc_order(rows: list[dict]) -> None:
    check_ids_and_order(rows, "z")


def test_every_story_has_one_event_and_language_and_hosts_are_example(rows: list[dict]) -> None:
    check_labels_and_hosts(rows)
    outlets = {r["feed"]: r["outlet"] for r in rows}
    assert len(set(outlets.values())) == len(outlets)  # one slug per outlet name too


def test_composition_meets_the_brief(rows: list[dict]) -> None:
    stories, langs, ev_stories, ev_langs = tallies(rows)
    assert len(rows) >= 200 and len(stories) >= 55 and len(ev_stories) >= 40
    assert set(langs) == MAIN_LANGS | {"en", "zh"}
    assert all(langs[lang] >= 15 for lang in MAIN_LANGS) and 3 <= langs["zh"] <= 12
    assert 0.17 <= langs["en"] / len(rows) <= 0.25
    assert sum(n * (n - 1) // 2 for n in stories.values()) >= 80
    assert sum(len(s) > 1 for s in ev_langs.values()) >= 5  # events linking scripts
    assert sum(r["content"] == "" for r in rows) >= 20


def test_persian_rows_carry_zwnj_and_the_digit_variants(rows: list[dict]) -> None:
    persian = [r["content"] + r["summary"] for r in rows if r["lang"] == "fa"]
    assert any("\u200c" in text for text in persian)
    assert any("۸٫۶" in text for text in persian) and any("8.6" in text for text in persian)
    assert any("٨٫٦" in text for text in persian)  # Arabic-Indic digits


def test_designed_hard_negatives_differ_in_event_and_reach_80_entry_pairs(rows: list[dict], source: dict) -> None:
    per_story = Counter(r["story"] for r in rows)
    event = {s["id"]: s["event"] for s in source["stories"]}
    total = 0
    for s in source["stories"]:
        if s["kind"] in NEGATIVE_KINDS:
            for other in s.get("quotes", [s["against"]]):
                assert event[other] != s["event"], s["id"]
                total += per_story[s["id"]] * per_story[other]
        elif s.get("against") and s["kind"] != "followup":
            assert event[s["against"]] == s["event"], s["id"]  # rewrites, corrections
    assert total >= 80


def test_a_desks_next_day_follow_up_is_another_event(rows: list[dict], source: dict) -> None:
    stories = {s["id"]: s for s in source["stories"]}
    assert check_next_day(rows, stories, {"followup"}) == 6


def test_a_followup_repeats_only_the_opening_paragraph(rows: list[dict], source: dict) -> None:
    stories = {s["id"]: s for s in source["stories"]}
    own = {(r["story"], r["feed"]): r["content"] for r in reversed(rows)}  # the first row at each outlet
    for s in source["stories"]:
        if s["kind"] == "followup":
            earlier = stories[s["repeat"]]
            opening, *rest = earlier["text"].strip().split("\n\n")
            follow = own[(s["id"], s["outlet"])]
            assert opening in own[(earlier["id"], earlier["outlet"])] and opening in follow, s["id"]
            assert not any(p in follow for p in rest), s["id"]


def test_the_generator_reproduces_the_committed_file() -> None:
    made, committed = regenerate("make_heldout4.py", "heldout4.jsonl")
    assert made == committed

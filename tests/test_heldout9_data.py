"""Structure of held-out v9 (`tests/data/dedup/heldout9.jsonl`): keys, ids, order, labels, counts.

Structure only: this test neither imports nor runs the detector, so the set stays unseen by it.
"""

from __future__ import annotations

import pytest
import yaml
from dedup_set_support import (
    DATA,
    check_composition,
    check_ids_and_order,
    check_keys,
    check_labels_and_hosts,
    designed_negative_pairs,
    load_rows,
    regenerate,
)

MAIN_LANGS = {"cy", "eu", "mk", "ta", "am", "af", "tg"}
NEGATIVE_KINDS = {"template", "same-topic", "press-release", "roundup"}
SAME_EVENT_KINDS = {"independent", "followup"}


def cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return load_rows("heldout9.jsonl")


@pytest.fixture(scope="module")
def stories() -> dict[str, dict]:
    source = yaml.safe_load((DATA / "heldout9_source.yaml").read_text(encoding="utf-8"))
    return {s["id"]: s for s in source["stories"]}


def test_every_row_has_exactly_the_documented_keys_as_strings(rows: list[dict]) -> None:
    check_keys(rows)


def test_ids_are_sequential_guids_and_links_unique_and_rows_in_utc_order(rows: list[dict]) -> None:
    check_ids_and_order(rows, "y")


def test_every_story_has_one_event_and_language_and_hosts_are_example(rows: list[dict]) -> None:
    check_labels_and_hosts(rows)
    outlets = {r["feed"]: r["outlet"] for r in rows}
    assert len(set(outlets.values())) == len(outlets)


def test_composition_meets_the_brief(rows: list[dict]) -> None:
    check_composition(rows, MAIN_LANGS, "es")


def test_designed_hard_negatives_differ_in_event_and_reach_80_entry_pairs(
    rows: list[dict], stories: dict[str, dict]
) -> None:
    assert designed_negative_pairs(rows, stories, NEGATIVE_KINDS, SAME_EVENT_KINDS) >= 80


def test_new_kinds_of_copy_are_present(rows: list[dict]) -> None:
    bodies = [r["content"] for r in rows]
    assert sum("📩" in b for b in bodies) >= 2  # newsletter sign-up box glued mid-text
    assert sum("🔹" in b for b in bodies) >= 3  # emoji bullets
    assert sum(r["title"].endswith("?") for r in rows) >= 3  # question headline
    assert sum(" (5,6 милји)" in b or "(787 фут)" in b or "(790 akker)" in b for b in bodies) >= 3  # units
    assert sum("(IBA)" in b or "(ВИА)" in b or "(BNA)" in b for b in bodies) >= 3  # agency name expanded


def test_nearly_every_copy_changes_the_title_or_body_of_its_original(rows: list[dict]) -> None:
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]
    assert len(copies) >= 90
    unchanged = [
        r for r in copies if (r["title"], r["content"]) == (first[r["story"]]["title"], first[r["story"]]["content"])
    ]
    assert len(unchanged) <= 3  # a copy that only adds tracking to its link is rare but real


def test_latin_tajik_copies_are_the_same_story_as_their_cyrillic_source(rows: list[dict]) -> None:
    latin = [r for r in rows if r["feed"] == "pomir-lotin"]
    assert len(latin) >= 4
    for r in latin:
        assert r["lang"] == "tg" and not cyrillic(r["title"] + r["summary"] + r["content"])
        assert any(o["story"] == r["story"] and cyrillic(o["title"]) for o in rows)


def test_the_file_is_exactly_what_the_generator_makes() -> None:
    made, committed = regenerate("make_heldout9.py", "heldout9.jsonl")
    assert made == committed

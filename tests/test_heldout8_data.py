"""Structure of held-out v8 (`tests/data/dedup/heldout8.jsonl`): keys, ids, order, labels, counts.

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

MAIN_LANGS = {"is", "sq", "be", "bn", "km", "ca", "ps"}
NEGATIVE_KINDS = {"template", "same-topic", "press-release", "roundup"}
SAME_EVENT_KINDS = {"independent", "followup"}


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return load_rows("heldout8.jsonl")


@pytest.fixture(scope="module")
def stories() -> dict[str, dict]:
    source = yaml.safe_load((DATA / "heldout8_source.yaml").read_text(encoding="utf-8"))
    return {s["id"]: s for s in source["stories"]}


def test_every_row_has_exactly_the_documented_keys_as_strings(rows: list[dict]) -> None:
    check_keys(rows)


def test_ids_are_sequential_guids_and_links_unique_and_rows_in_utc_order(rows: list[dict]) -> None:
    check_ids_and_order(rows, "x")


def test_every_story_has_one_event_and_language_and_hosts_are_example(rows: list[dict]) -> None:
    check_labels_and_hosts(rows)
    outlets = {r["feed"]: r["outlet"] for r in rows}
    assert len(set(outlets.values())) == len(outlets)


def test_composition_meets_the_brief(rows: list[dict]) -> None:
    check_composition(rows, MAIN_LANGS, "fr")


def test_designed_hard_negatives_differ_in_event_and_reach_80_entry_pairs(
    rows: list[dict], stories: dict[str, dict]
) -> None:
    assert designed_negative_pairs(rows, stories, NEGATIVE_KINDS, SAME_EVENT_KINDS) >= 80


def test_new_kinds_of_copy_are_present(rows: list[dict]) -> None:
    bodies = [r["content"] for r in rows]
    assert sum("<blockquote>" in b for b in bodies) >= 3  # pull quote repeated mid-text
    assert sum("💬" in b for b in bodies) >= 10  # trailing comments count
    assert sum("<figure><img" in b or b.startswith("[") for b in bodies) >= 5  # image alt text glued on
    assert sum(r["title"].isupper() for r in rows) >= 4  # ALL CAPS headline, sentence-case body


def test_lacinka_copies_are_the_same_story_as_their_cyrillic_source(rows: list[dict]) -> None:
    latin = [r for r in rows if r["feed"] == "lacinka-zurnal"]
    assert len(latin) >= 5
    for r in latin:
        assert r["lang"] == "be" and not any("\u0400" <= ch <= "\u04ff" for ch in r["title"] + r["content"])
        assert any(o["story"] == r["story"] and "\u0400" <= o["title"][0] <= "\u04ff" for o in rows)


def test_the_file_is_exactly_what_the_generator_makes() -> None:
    made, committed = regenerate("make_heldout8.py", "heldout8.jsonl")
    assert made == committed

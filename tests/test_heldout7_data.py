"""Structure of held-out v7 (`tests/data/dedup/heldout7.jsonl`): keys, ids, order, labels, counts.

Structure only: this test neither imports nor runs the detector, so the set stays unseen by it.
"""

from __future__ import annotations

import re

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

MAIN_LANGS = {"lv", "et", "sl", "uz", "mn", "ne"}
NEGATIVE_KINDS = {"template", "same-topic", "press-release", "opinion", "roundup"}
SAME_EVENT_KINDS = {"independent", "followup"}


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return load_rows("heldout7.jsonl")


@pytest.fixture(scope="module")
def stories() -> dict[str, dict]:
    source = yaml.safe_load((DATA / "heldout7_source.yaml").read_text(encoding="utf-8"))
    return {s["id"]: s for s in source["stories"]}


def test_every_row_has_exactly_the_documented_keys_as_strings(rows: list[dict]) -> None:
    check_keys(rows)


def test_ids_are_sequential_guids_and_links_unique_and_rows_in_utc_order(rows: list[dict]) -> None:
    check_ids_and_order(rows, "w")


def test_every_story_has_one_event_and_language_and_hosts_are_example(rows: list[dict]) -> None:
    check_labels_and_hosts(rows)
    outlets = {r["feed"]: r["outlet"] for r in rows}
    assert len(set(outlets.values())) == len(outlets)


def test_composition_meets_the_brief(rows: list[dict]) -> None:
    check_composition(rows, MAIN_LANGS, "de")


def test_designed_hard_negatives_differ_in_event_and_reach_80_entry_pairs(
    rows: list[dict], stories: dict[str, dict]
) -> None:
    assert designed_negative_pairs(rows, stories, NEGATIVE_KINDS, SAME_EVENT_KINDS) >= 80


def test_new_kinds_of_copy_are_present(rows: list[dict]) -> None:
    bodies = [r["content"] for r in rows]
    assert sum("🔊" in b for b in bodies) >= 5  # audio "listen" line on top
    assert sum(bool(re.search(r"\[\d\]", b)) for b in bodies) >= 5  # footnote markers
    more = ("(more)", "(jätkub)", "(turpinājums)", "(थप)", "(več)", "(davomi bor)", "(үргэлжлэл бий)", "(mehr)")
    assert sum(re.sub("</p>$", "", b).endswith(more) for b in bodies) >= 5  # first 40 words + "(more)"
    assert any("At a glance:" in b for b in bodies) and any("sabiedrība ar ierobežotu atbildību" in b for b in bodies)
    assert sum(bool(re.search(r"\((RĪGA|TARTU|KOPER|BUXORO|धादिङ|RIGA|ULAANBAATAR), [^)]+\)", b)) for b in bodies) >= 4


def test_mongolian_latin_copies_are_the_same_story_without_cyrillic(rows: list[dict]) -> None:
    latin = [r for r in rows if r["feed"] == "khangai-online"]
    assert len({r["story"] for r in latin}) >= 4
    assert not any(re.search("[\u0400-\u04ff]", r["title"] + r["summary"] + r["content"]) for r in latin)
    assert {r["story"] for r in latin} <= {
        r["story"] for r in rows if r["lang"] == "mn" and r["feed"] != "khangai-online"
    }


def test_a_followup_repeats_only_the_opening_paragraph(rows: list[dict], stories: dict[str, dict]) -> None:
    originals = {(r["story"], r["feed"]): r["content"] for r in rows}
    for s in stories.values():
        if s["kind"] == "followup":
            earlier = stories[s["against"]]["text"].strip().split("\n")
            own = originals[(s["id"], s["outlet"])]
            assert earlier[0] in own, s["id"]
            assert not any(p in own for p in earlier[1:]), s["id"]


def test_the_generator_reproduces_the_committed_file() -> None:
    made, committed = regenerate("make_heldout7.py", "heldout7.jsonl")
    assert made == committed

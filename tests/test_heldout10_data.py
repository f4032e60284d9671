"""Structure of held-out v10 (`tests/data/dedup/heldout10.jsonl`): keys, ids, order, labels, counts.

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

MAIN_LANGS = {"hr", "gl", "ky", "gu", "lo", "so", "mt"}
NEGATIVE_KINDS = {"template", "same-topic", "press-release", "ruling", "crosslang", "roundup"}
SAME_EVENT_KINDS = {"independent", "followup", "correction", "live"}
# Letters an `ascii` copy has lost (Croatian, Galician, Maltese); mojibake leaves its own lead bytes.
DIACRITICS = set("čćžšđħġżċáéíóúñČĆŽŠĐĦĠŻĊÁÉÍÓÚÑ")
MOJIBAKE = set("ÃÄÅâ")


def cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return load_rows("heldout10.jsonl")


@pytest.fixture(scope="module")
def stories() -> dict[str, dict]:
    source = yaml.safe_load((DATA / "heldout10_source.yaml").read_text(encoding="utf-8"))
    return {s["id"]: s for s in source["stories"]}


def test_every_row_has_exactly_the_documented_keys_as_strings(rows: list[dict]) -> None:
    check_keys(rows)


def test_ids_are_sequential_guids_and_links_unique_and_rows_in_utc_order(rows: list[dict]) -> None:
    check_ids_and_order(rows, "z")


def test_every_story_has_one_event_and_language_and_hosts_are_example(rows: list[dict]) -> None:
    check_labels_and_hosts(rows)
    outlets = {r["feed"]: r["outlet"] for r in rows}
    assert len(set(outlets.values())) == len(outlets)


def test_composition_meets_the_brief(rows: list[dict]) -> None:
    check_composition(rows, MAIN_LANGS, "it")


def test_designed_hard_negatives_differ_in_event_and_reach_80_entry_pairs(
    rows: list[dict], stories: dict[str, dict]
) -> None:
    assert designed_negative_pairs(rows, stories, NEGATIVE_KINDS, SAME_EVENT_KINDS) >= 80


def test_cross_language_negatives_share_a_name_but_not_the_language(rows: list[dict], stories: dict[str, dict]) -> None:
    lang = {r["story"]: r["lang"] for r in rows}
    pairs = [(s["id"], s["against"]) for s in stories.values() if s["kind"] == "crosslang"]
    assert pairs
    for mine, other in pairs:
        assert lang[mine] != lang[other]


def test_new_kinds_of_copy_are_present(rows: list[dict]) -> None:
    bodies = [r["content"] for r in rows]
    text_bodies = [b for b in bodies if b and not b.startswith(("<", "&lt;"))]
    assert sum(bool(re.search(r"(^|\n\n)\*\*", b)) for b in bodies) >= 3  # markdown export, bold lede
    assert sum(bool(re.search(r"[^\n]\n[^\n]", b)) for b in text_bodies) >= 4  # hard-wrapped plain text
    assert sum("â€" in r["title"] + b for r, b in zip(rows, bodies, strict=True)) >= 3  # UTF-8 read as Windows-1252
    assert sum('[gallery ids="' in b for b in bodies) >= 3  # WordPress shortcode left raw
    assert sum(b.startswith("&lt;p&gt;") for b in bodies) >= 3  # markup escaped twice
    assert sum("⏱" in b for b in bodies) >= 6  # reading-time line
    assert sum(" › " in b for b in bodies) >= 4  # breadcrumbs
    assert sum("Facebook · X · WhatsApp" in b for b in bodies) >= 6  # share-button text
    folded = [
        r
        for r in rows
        if r["lang"] in {"hr", "gl", "mt"}
        and r["content"]
        and not (set(r["title"] + r["content"]) & (DIACRITICS | MOJIBAKE))
    ]
    assert len(folded) >= 3  # diacritics dropped


def test_nearly_every_copy_changes_the_title_or_body_of_its_original(rows: list[dict]) -> None:
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]
    assert len(copies) >= 100
    unchanged = [
        r for r in copies if (r["title"], r["content"]) == (first[r["story"]]["title"], first[r["story"]]["content"])
    ]
    assert len(unchanged) <= 3


def test_latin_kyrgyz_copies_are_the_same_story_as_their_cyrillic_source(rows: list[dict]) -> None:
    latin = [r for r in rows if r["feed"] == "kyrgyz-latyn-bet"]
    assert len(latin) >= 4
    for r in latin:
        assert r["lang"] == "ky" and not cyrillic(r["title"] + r["summary"] + r["content"])
        assert any(o["story"] == r["story"] and cyrillic(o["title"]) for o in rows)


def test_the_file_is_exactly_what_the_generator_makes() -> None:
    made, committed = regenerate("make_heldout10.py", "heldout10.jsonl")
    assert made == committed

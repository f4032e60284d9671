"""Structure of held-out v6 (`tests/data/dedup/heldout6.jsonl`): keys, ids, order, labels, counts.

Structure only: this test neither imports nor runs the detector, so the set stays unseen by it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pytest
import yaml
from dedup_set_support import DATA, check_ids_and_order, check_keys, check_labels_and_hosts, load_rows, regenerate

MAIN_LANGS = {"lt", "sk", "nb", "az", "kk", "hy"}
NEGATIVE_KINDS = {"template", "same-topic", "press-release", "opinion", "roundup"}
SAME_EVENT_KINDS = {"independent", "followup"}


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return load_rows("heldout6.jsonl")


@pytest.fixture(scope="module")
def stories() -> dict[str, dict]:
    source = yaml.safe_load((DATA / "heldout6_source.yaml").read_text(encoding="utf-8"))
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
    per_story = Counter(r["story"] for r in rows)
    langs = Counter(r["lang"] for r in rows)
    ev_stories: dict[str, set[str]] = defaultdict(set)
    ev_langs: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        ev_stories[r["event"]].add(r["story"])
        ev_langs[r["event"]].add(r["lang"])
    assert len(rows) >= 200 and len(per_story) >= 55 and len(ev_stories) >= 40
    assert sum(len(s) > 1 for s in ev_stories.values()) >= 12
    assert sum(len(s) > 1 for s in ev_langs.values()) >= 7
    assert set(langs) == MAIN_LANGS | {"en", "ru"}
    assert all(langs[lang] >= 15 for lang in MAIN_LANGS) and 3 <= langs["ru"] <= 12
    assert 0.17 <= langs["en"] / len(rows) <= 0.25
    assert sum(n * (n - 1) // 2 for n in per_story.values()) >= 80
    assert sum(r["content"] == "" for r in rows) >= 15


def test_designed_hard_negatives_differ_in_event_and_reach_80_entry_pairs(
    rows: list[dict], stories: dict[str, dict]
) -> None:
    per_story = Counter(r["story"] for r in rows)
    total = 0
    for s in stories.values():
        if s["kind"] in NEGATIVE_KINDS and (s.get("quotes") or s.get("against")):
            for other in s.get("quotes", [s.get("against")]):
                assert stories[other]["event"] != s["event"], s["id"]
                total += per_story[s["id"]] * per_story[other]
        elif s["kind"] in SAME_EVENT_KINDS:
            assert stories[s["against"]]["event"] == s["event"], s["id"]
    assert total >= 80


def test_kazakh_latin_copies_are_the_same_story_without_cyrillic(rows: list[dict]) -> None:
    latin = [r for r in rows if r["feed"] == "ertis-latyn"]
    assert len({r["story"] for r in latin}) >= 3
    assert not any(re.search("[\u0400-\u04ff]", r["title"] + r["summary"] + r["content"]) for r in latin)
    cyrillic_stories = {r["story"] for r in rows if r["lang"] == "kk" and r["feed"] != "ertis-latyn"}
    assert {r["story"] for r in latin} <= cyrillic_stories


def test_new_kinds_of_copy_are_present(rows: list[dict]) -> None:
    bodies = [r["content"] for r in rows]
    assert sum("<ol><li>" in b or b.startswith("1. ") for b in bodies) >= 3  # numbered-list copies
    assert sum("<h2>" in b or "<b>" in b for b in bodies) >= 2  # a sub-headline inserted
    assert sum(bool(re.search(r"(^|\s)#\w", b)) for b in bodies) >= 5  # hashtags appended
    assert any("daugiau nei 18 000" in b for b in bodies) and any("UTC" in b for b in bodies)


def test_a_followup_repeats_only_the_opening_paragraph(rows: list[dict], stories: dict[str, dict]) -> None:
    texts = {(r["story"], r["feed"]): r["content"] for r in rows if r["published"]}
    for s in stories.values():
        if s["kind"] == "followup":
            earlier = stories[s["against"]]["text"].strip().split("\n\n")
            own = texts[(s["id"], s["outlet"])]
            assert earlier[0] in own, s["id"]
            assert not any(p in own for p in earlier[1:]), s["id"]


def test_the_generator_reproduces_the_committed_file() -> None:
    made, committed = regenerate("make_heldout6.py", "heldout6.jsonl")
    assert made == committed

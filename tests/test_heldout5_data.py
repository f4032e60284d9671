"""Structure of held-out v5 (`tests/data/dedup/heldout5.jsonl`): keys, ids, order, labels, counts.

Structure only: this test neither imports nor runs the detector, so the set stays unseen by it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pytest
import yaml
from dedup_set_support import DATA, check_ids_and_order, check_keys, check_labels_and_hosts, load_rows, regenerate

MAIN_LANGS = {"th", "he", "sr", "tl", "ur", "ka"}
NEGATIVE_KINDS = {"template", "same-topic", "press-release", "roundup", "obituary", "ruling"}
SAME_EVENT_KINDS = {"independent", "followup", "correction", "script"}


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return load_rows("heldout5.jsonl")


@pytest.fixture(scope="module")
def stories() -> dict[str, dict]:
    source = yaml.safe_load((DATA / "heldout5_source.yaml").read_text(encoding="utf-8"))
    found = {s["id"]: s for s in source["stories"]}
    for s in source["stories"]:  # the generator derives a Latin-script twin from each `latin:` entry
        if "latin" in s:
            found[s["id"] + "-lat"] = {**s, "id": s["id"] + "-lat", "kind": "script", "against": s["id"]}
    return found


def test_every_row_has_exactly_the_documented_keys_as_strings(rows: list[dict]) -> None:
    check_keys(rows)


def test_ids_are_sequential_guids_and_links_unique_and_rows_in_utc_order(rows: list[dict]) -> None:
    check_ids_and_order(rows, "y")


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
    assert sum(len(s) > 1 for s in ev_langs.values()) >= 7  # other languages, not counting the Serbian scripts
    assert set(langs) == MAIN_LANGS | {"en", "ja"}
    assert all(langs[lang] >= 15 for lang in MAIN_LANGS) and 3 <= langs["ja"] <= 12
    assert 0.17 <= langs["en"] / len(rows) <= 0.25
    assert sum(n * (n - 1) // 2 for n in per_story.values()) >= 80
    assert sum(r["content"] == "" for r in rows) >= 20


def test_designed_hard_negatives_differ_in_event_and_reach_80_entry_pairs(
    rows: list[dict], stories: dict[str, dict]
) -> None:
    per_story = Counter(r["story"] for r in rows)
    total = 0
    for s in stories.values():
        if s["kind"] in NEGATIVE_KINDS:
            for other in s.get("quotes", [s.get("against")]):
                assert stories[other]["event"] != s["event"], s["id"]
                total += per_story[s["id"]] * per_story[other]
        elif s["kind"] in SAME_EVENT_KINDS:
            assert stories[s["against"]]["event"] == s["event"], s["id"]
    assert total >= 80


def test_serbian_twins_are_latin_script_and_cyrillic_originals_are_not(rows: list[dict]) -> None:
    serbian = [r for r in rows if r["lang"] == "sr"]
    twins = [r for r in serbian if r["story"].endswith("-lat")]
    assert len({r["story"] for r in twins}) >= 3
    assert not any(re.search("[\u0400-\u04ff]", r["title"] + r["summary"] + r["content"]) for r in twins)
    assert all(re.search("[\u0400-\u04ff]", r["title"]) for r in serbian if r not in twins)


def test_script_specific_variants_are_present(rows: list[dict]) -> None:
    hebrew = " ".join(r["summary"] + r["content"] for r in rows if r["lang"] == "he")
    assert "ש״ח" in hebrew and 'ש"ח' in hebrew  # gershayim and ASCII quote
    assert re.search("[\u05b0-\u05c2]", hebrew)  # niqqud on some copies
    thai = [r["content"] for r in rows if r["lang"] == "th" and r["content"]]
    assert len({c.count(" ") for c in thai}) > 3  # copies differ in spacing
    georgian_titles = [r["title"] for r in rows if r["lang"] == "ka"]
    assert any(re.search("[\u1c90-\u1cbf]", t) for t in georgian_titles)  # all-caps Georgian is Mtavruli
    assert any("twitter-tweet" in r["content"] for r in rows)
    assert any(re.search(r"km \(\d+(\.\d)? miles\)", r["content"]) for r in rows)


def test_a_followup_repeats_only_the_opening_paragraph(rows: list[dict], stories: dict[str, dict]) -> None:
    for s in stories.values():
        if s["kind"] == "followup":
            opening, *rest = stories[s["against"]]["text"].strip().split("\n\n")
            own = next(r for r in rows if r["story"] == s["id"] and r["feed"] == s["outlet"])
            assert opening in own["content"], s["id"]
            assert not any(p in own["content"] for p in rest), s["id"]


def test_the_generator_reproduces_the_committed_file() -> None:
    made, committed = regenerate("make_heldout5.py", "heldout5.jsonl")
    assert made == committed

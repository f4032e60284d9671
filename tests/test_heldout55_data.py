"""Held-out v55's own structure checks (event clusters of full articles): full-length reports, every
designed hard negative another event in its base's language and region, copies that combine 2-3 recipe
words. Structure only: nothing here imports or runs the detector."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter

import yaml
from dedup_set_support import DATA, load_rows

DESIGNED = {"weeklatersecond", "neighbourtownsameday", "anniversaryrecall", "marketfigurecite", "personotherbeat"}


def _module():
    spec = importlib.util.spec_from_file_location("make_heldout55", DATA / "make_heldout55.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_heldout55"] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules["make_heldout55"]
    return module


def _source() -> dict:
    return yaml.safe_load((DATA / "heldout55_source.yaml").read_text(encoding="utf-8"))


def test_reports_of_the_clustered_events_are_full_articles() -> None:
    module = _module()
    src = _source()
    by_id = {s["id"]: s for s in src["stories"]}
    for s in src["stories"]:
        if s["kind"] in DESIGNED:
            continue
        words = len(module.story_text(s, by_id).split())
        assert 150 <= words <= 250, (s["id"], words)


def test_each_clustered_event_has_two_to_four_reports_and_negatives_stand_alone() -> None:
    src = _source()
    kinds: dict[str, Counter[str]] = {}
    for s in src["stories"]:
        kinds.setdefault(s["event"], Counter())[s["kind"]] += 1
    for event, counted in kinds.items():
        designed = sum(counted[k] for k in DESIGNED)
        if designed:
            assert designed == sum(counted.values()) == 1, event
        else:
            assert counted["original"] == 1 and 2 <= sum(counted.values()) <= 4, event


def test_designed_negatives_share_their_base_language_and_every_copy_keeps_its_story_language() -> None:
    src = _source()
    by_id = {s["id"]: s for s in src["stories"]}
    for s in src["stories"]:
        if s["kind"] in DESIGNED:
            assert by_id[s["against"]]["lang"] == s["lang"] and by_id[s["against"]]["event"] != s["event"]
    lang = {s["id"]: s["lang"] for s in src["stories"]}
    assert all(r["lang"] == lang[r["story"]] for r in load_rows("heldout55.jsonl"))


def test_every_copy_combines_two_or_three_recipe_words_of_its_carrier() -> None:
    rows = _module().build()
    style = {o[0]: set(o[6]) for o in _source()["outlets"]}
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]
    assert len(copies) >= 80
    for r in copies:
        assert 2 <= len(r["_recipe"]) <= 3 and set(r["_recipe"]) <= style[r["feed"]], r["id"]

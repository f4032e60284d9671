"""Held-out v67's own structure (its carriers rewrite how names, figures, dates and units are written).

Structure only: nothing here imports or runs the detector, so the held-out set stays unseen by it.
"""

from __future__ import annotations

import re
import unicodedata

import yaml
from dedup_set_support import DATA, load_rows

ROWS = load_rows("heldout67.jsonl")
SOURCE = yaml.safe_load((DATA / "heldout67_source.yaml").read_text(encoding="utf-8"))
CARRIERS = {o[0]: o[6] for o in SOURCE["outlets"] if o[5] == "carrier"}
STORIES = {s["id"]: s for s in SOURCE["stories"]}


def by_word(word: str) -> list[dict]:
    return [r for r in ROWS if CARRIERS.get(r["feed"]) == word]


def test_every_story_starts_at_a_desk_and_only_carriers_copy() -> None:
    first: dict[str, dict] = {}
    for r in ROWS:
        first.setdefault(r["story"], r)
    assert all(r["feed"] == STORIES[s]["outlet"] for s, r in first.items())
    assert all(r["feed"] in CARRIERS for r in ROWS if first[r["story"]] is not r)
    assert len(set(CARRIERS.values())) >= 8


def test_gateway_parts_are_numbered_and_fit_one_text_message() -> None:
    for r in by_word("smsabbrevparts"):
        parts = r["content"].split("\n")
        assert all(len(p) <= 160 for p in parts), r["id"]
        assert [p.split(" ", 1)[0] for p in parts] == [f"({k}/{len(parts)})" for k in range(1, len(parts) + 1)]


def test_us_copies_carry_no_metric_figures_and_iso_copies_no_dotted_dates() -> None:
    assert all(
        not re.search(r"\d (km|kg)\b", r["content"]) and "about " in r["content"] for r in by_word("usunitround")
    )
    dated = by_word("isodateweekday")
    assert dated and all(re.search(r"\b\d{4}-\d\d-\d\d\b", r["content"]) for r in dated)
    assert not any(re.search(r"\b\d\d\.\d\d\.\d{4}\b", r["content"]) for r in dated)


def test_board_scans_are_summary_only_without_diacritics_or_glottal_marks() -> None:
    scans = by_word("ocrboardscan")
    assert len(scans) >= 10
    for r in scans:
        text = unicodedata.normalize("NFKD", r["title"] + r["summary"])
        assert r["content"] == "" and not any(unicodedata.combining(c) or c in "ʻ‘’'" for c in text), r["id"]


def test_each_designed_twin_or_sibling_is_another_event_at_its_base_desk_on_its_day() -> None:
    derived = [s for s in STORIES.values() if "derive" in s]
    assert len(derived) == 6
    for s in derived:
        base = STORIES[s["derive"]]
        assert (s["outlet"], s["lang"], s["day"]) == (base["outlet"], base["lang"], base["day"]), s["id"]
        assert s["event"] != base["event"], s["id"]

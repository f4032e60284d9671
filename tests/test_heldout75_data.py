"""Held-out v75's own structure checks (its brief): medium articles of 90-180 words, each template twin a desk's
same-day story about another place, every carrier's rewrite of names, dates or figures visible in its copies.

Structure only: nothing here imports or runs the detector, so the set stays unseen by it.
"""

from __future__ import annotations

import re
from datetime import datetime

import yaml
from dedup_set_support import DATA, load_rows

ROWS = load_rows("heldout75.jsonl")
SOURCE = yaml.safe_load((DATA / "heldout75_source.yaml").read_text(encoding="utf-8"))
STORIES = {s["id"]: s for s in SOURCE["stories"]}
FIRST: dict[str, dict] = {}
for _row in ROWS:
    FIRST.setdefault(_row["story"], _row)


def text_of(story: dict) -> str:
    return STORIES[story["derive"]]["text"] if "derive" in story else story["text"]


def test_every_written_text_is_a_medium_article() -> None:
    for s in SOURCE["stories"]:
        if "text" in s:
            assert 90 <= len(s["text"].split()) <= 180, s["id"]


def test_a_template_twin_is_the_same_desk_the_same_day_in_another_event() -> None:
    twins = [s for s in STORIES.values() if s["kind"] in {"deskplacetwin", "onereleasetwo"}]
    assert len(twins) >= 5
    for s in twins:
        mine, base = FIRST[s["id"]], FIRST[s["against"]]
        assert mine["feed"] == base["feed"] and mine["event"] != base["event"], s["id"]
        gap = datetime.fromisoformat(mine["published"]) - datetime.fromisoformat(base["published"])
        assert 0 < gap.total_seconds() < 12 * 3600, s["id"]
        assert s["derive"] == s["against"] and len(s["set"]) >= 5, s["id"]


def test_each_origin_is_at_a_desk_and_each_copy_at_a_carrier() -> None:
    desks = {o[0] for o in SOURCE["outlets"] if o[5] == []}
    for r in ROWS:
        assert (r is FIRST[r["story"]]) == (r["feed"] in desks), r["id"]


def test_carriers_rewrite_how_names_dates_and_figures_are_written() -> None:
    by_feed: dict[str, list[dict]] = {}
    for r in ROWS:
        by_feed.setdefault(r["feed"], []).append(r)
    assert any(re.search(r"\d[lO]|[lO]\d", r["content"]) for r in by_feed["fax-relais"])
    assert any(re.search(r"\d(?:k|m)\b", r["summary"]) for r in by_feed["tekava-sms"])
    assert all(r["content"] == "" for r in by_feed["tekava-sms"])
    assert all(
        r["title"] == r["title"].upper() and re.search(r"\bD\d{1,2}\b", r["content"]) for r in by_feed["ticker-motu"]
    )
    assert all(not re.search(r"[A-Za-z]", r["title"]) for r in by_feed["hellas-relay"])
    assert all("#" in r["content"] for r in by_feed["fenua-cards"])
    assert any(re.search(r"\b(?:eleven|forty|twelve|sixty)\b", r["content"]) for r in by_feed["easy-ocean"])

"""v60's own structure checks (event clusters of full articles in Mossi, Fon and French).

Structure only: nothing here imports or runs the detector, so the held-out set stays unseen by it.
"""

from __future__ import annotations

from collections import defaultdict

import yaml
from dedup_set_support import DATA, load_rows

ROWS = load_rows("heldout60.jsonl")
SOURCE = yaml.safe_load((DATA / "heldout60_source.yaml").read_text(encoding="utf-8"))
STORIES = {s["id"]: s for s in SOURCE["stories"]}
REPORTS = {"original", "independent", "english", "side"}
DESKS = {o[0] for o in SOURCE["outlets"] if not o[5]}


def test_clustered_reports_are_full_articles_of_150_to_250_words() -> None:
    for s in STORIES.values():
        if s["kind"] in REPORTS:
            assert 150 <= len(s["text"].split()) <= 250, s["id"]


def test_every_clustered_event_has_two_to_four_reports_and_an_english_one() -> None:
    reports: dict[str, list[dict]] = defaultdict(list)
    for s in STORIES.values():
        if s["kind"] in REPORTS:
            reports[s["event"]].append(s)
    assert len(reports) >= 12
    for event, found in reports.items():
        assert 2 <= len(found) <= 4, event
        assert any(s["kind"] == "english" for s in found), event


def test_each_designed_negative_is_alone_in_its_event_and_derived_from_its_base() -> None:
    negatives = [s for s in STORIES.values() if s["kind"] not in REPORTS]
    assert len(negatives) >= 8
    for s in negatives:
        assert s["derive"] == s["against"], s["id"]
        assert [x for x in STORIES.values() if x["event"] == s["event"]] == [s]
        langs = {r["lang"] for r in ROWS if r["story"] in (s["id"], s["against"])}
        assert len(langs) == 1, s["id"]


def test_origins_are_at_desks_and_copies_at_carriers() -> None:
    seen: set[str] = set()
    for r in ROWS:
        if r["story"] not in seen:
            seen.add(r["story"])
            assert r["feed"] in DESKS, r["id"]
        else:
            assert r["feed"] not in DESKS, r["id"]

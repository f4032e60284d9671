"""Held-out v77's own structure checks (a busy news day in one province): what its brief adds to the SETS row.

Each happening has a wire story with 3-6 copies, a rival desk's own report, a report in another language and the
next day's development at a rival desk; the designed negatives share a desk, a town or a paragraph with their base.
Structure only: nothing here imports or runs the detector, so the set stays unseen by it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime

import pytest
import yaml
from dedup_set_support import DATA, NEXT, load_rows

ROWS = load_rows("heldout77.jsonl")
STORIES = {s["id"]: s for s in yaml.safe_load((DATA / "heldout77_source.yaml").read_text("utf-8"))["stories"]}
FIRST: dict[str, dict] = {}
for _row in ROWS:  # rows are in time order: a story's first entry is its desk's
    FIRST.setdefault(_row["story"], _row)
PER_STORY = Counter(r["story"] for r in ROWS)
ORIGINALS = [s for s in STORIES.values() if s["kind"] == "original"]


def of_kind(kind: str, against: str) -> list[dict]:
    return [s for s in STORIES.values() if s["kind"] == kind and s.get("against") == against]


def when(story: str) -> datetime:
    return datetime.fromisoformat(FIRST[story]["published"])


def test_eight_happenings_in_one_province_each_with_a_wire_story_of_three_to_six_copies() -> None:
    assert len(ORIGINALS) >= 8
    assert all(4 <= PER_STORY[s["id"]] <= 7 for s in ORIGINALS)
    assert len({FIRST[s["id"]]["feed"] for s in ORIGINALS}) == 1  # one regional wire


@pytest.mark.parametrize("wire", ORIGINALS, ids=lambda s: s["id"])
def test_a_happening_has_a_rival_report_another_language_and_a_rival_desks_next_day(wire: dict) -> None:
    rivals = of_kind("independent", wire["id"])
    turned = of_kind("langturn", wire["id"])
    assert rivals and all(FIRST[r["id"]]["feed"] != FIRST[wire["id"]]["feed"] for r in rivals)
    assert turned and all(t["lang"] != wire["lang"] and t["event"] == wire["event"] for t in turned)
    morrows = [m for r in rivals for m in of_kind("provincemorrow", r["id"])]
    assert len(morrows) == 1
    morrow, rival = morrows[0], STORIES[morrows[0]["against"]]
    assert FIRST[morrow["id"]]["feed"] == FIRST[rival["id"]]["feed"]
    assert (when(morrow["id"]) - when(rival["id"])).total_seconds() >= 15 * 3600
    assert morrow["event"] == wire["event"] + NEXT


def test_several_happenings_share_a_town_a_desk_and_a_day() -> None:
    by_day: dict[tuple[str, object], set[str]] = defaultdict(set)
    for s in ORIGINALS:
        by_day[(FIRST[s["id"]]["feed"], when(s["id"]).date())].add(s["event"])
    assert max(len(events) for events in by_day.values()) >= 4
    nukus = [s for s in ORIGINALS if "Nókis" in s["title"] + s["text"]]
    assert len({s["event"] for s in nukus}) >= 3


@pytest.mark.parametrize("kind", ["sametownhour", "templatefartown"])
def test_a_desks_twin_runs_the_same_day_at_the_same_desk_as_another_event(kind: str) -> None:
    twins = [s for s in STORIES.values() if s["kind"] == kind]
    assert len(twins) >= 2
    for twin in twins:
        base = twin["against"]
        assert twin["derive"] == base and STORIES[base]["event"] != twin["event"]
        assert FIRST[twin["id"]]["feed"] == FIRST[base]["feed"]
        assert when(twin["id"]).date() == when(base).date()


def test_the_round_up_names_three_happenings_and_the_explainer_reuses_a_paragraph() -> None:
    (roundup,) = [s for s in STORIES.values() if s["kind"] == "dayroundupthree"]
    assert len({STORIES[q]["event"] for q in roundup["quotes"]} - {roundup["event"]}) == 3
    (explainer,) = [s for s in STORIES.values() if s["kind"] == "explainerpara"]
    base = STORIES[explainer["against"]]
    shared = set(base["text"].split("\n\n")) & set(explainer["text"].split("\n\n"))
    assert shared and base["event"] != explainer["event"]


def test_write_through_copies_add_a_paragraph_the_wire_did_not_have() -> None:
    extras = {s["id"]: s["extra"].strip() for s in STORIES.values() if "extra" in s}
    written_through = [
        r for r in ROWS if r["story"] in extras and r is not FIRST[r["story"]] and extras[r["story"]] in r["content"]
    ]
    assert len({r["story"] for r in written_through}) >= 8

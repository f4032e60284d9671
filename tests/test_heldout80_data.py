"""Held-out v80's own structure checks (a week of one department's signings): structure only, no `monitor` import."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime

import yaml
from dedup_set_support import DATA, load_rows

ROWS = load_rows("heldout80.jsonl")
SOURCE = yaml.safe_load((DATA / "heldout80_source.yaml").read_text(encoding="utf-8"))
STORIES = {s["id"]: s for s in SOURCE["stories"]}


def first_entries() -> dict[str, dict]:
    first: dict[str, dict] = {}
    for r in ROWS:  # in time order: a story's first entry is its desk's
        first.setdefault(r["story"], r)
    return first


def test_six_or_more_signings_each_its_own_event_two_of_them_sharing_a_day() -> None:
    signings = SOURCE["signings"]
    events = {r["event"] for r in ROWS if r["event"].startswith("ev80-sign-")}
    assert len(signings) >= 6 and events == {f"ev80-sign-{k}" for k in signings}
    assert len({(s["day"], s["town"]) for s in signings.values()}) == len(signings)
    assert max(Counter(s["day"] for s in signings.values()).values()) >= 2


def test_each_happening_is_reported_by_two_to_four_desks_and_each_report_copied_one_to_three_times() -> None:
    desks: dict[str, set[str]] = defaultdict(set)
    first = first_entries()
    for r in first.values():
        desks[r["event"]].add(r["feed"])
    clustered = [e for e, d in desks.items() if len(d) > 1]
    assert len(clustered) >= 12 and all(2 <= len(desks[e]) <= 4 for e in clustered)
    per_story = Counter(r["story"] for r in ROWS)
    fixed = {s["id"] for s in STORIES.values() if "fix" in s}
    assert all(2 <= n - (sid in fixed) <= 4 for sid, n in per_story.items())


def test_a_template_twin_is_the_same_desks_other_signing() -> None:
    first = first_entries()
    twins = [s for s in STORIES.values() if s["kind"] == "wardpacttwin"]
    assert len(twins) >= 10
    for s in twins:
        mine, base = first[s["id"]], first[s["against"]]
        assert mine["feed"] == base["feed"] and mine["event"] != base["event"], s["id"]
        assert s["template"] == STORIES[s["against"]]["template"], s["id"]


def test_a_preview_runs_before_the_signing_at_its_desk_and_is_another_event() -> None:
    first = first_entries()
    previews = [s for s in STORIES.values() if s["kind"] == "signingpreview"]
    assert len(previews) >= 2
    for s in previews:
        mine, signing = first[s["id"]], first[s["against"]]
        assert mine["feed"] == signing["feed"] and mine["event"] != signing["event"]
        assert datetime.fromisoformat(mine["published"]) < datetime.fromisoformat(signing["published"])


def test_a_correction_is_the_desks_same_story_reissued_with_the_figure_fixed() -> None:
    for s in (s for s in STORIES.values() if "fix" in s):
        at_desk = [r for r in ROWS if r["story"] == s["id"] and r["feed"] == s["outlet"]]
        assert len(at_desk) == 2
        before, after = at_desk
        for old, new in s["fix"]["set"]:
            assert old in before["content"] and old not in after["content"].replace(s["fix"]["note"], "")
            assert new in after["content"]
        assert s["fix"]["note"] in after["content"] and len({r["event"] for r in at_desk}) == 1


def test_the_round_up_and_opinion_cite_signings_and_stand_alone_in_their_events() -> None:
    by_event: dict[str, set[str]] = defaultdict(set)
    for r in ROWS:
        by_event[r["event"]].add(r["story"])
    for kind, least in (("pactweekroundup", 6), ("pactopinion", 2)):
        pieces = [s for s in STORIES.values() if s["kind"] == kind]
        assert pieces
        for s in pieces:
            assert len(s["quotes"]) >= least and by_event[s["event"]] == {s["id"]}

"""Held-out v59's own structure checks (full articles syndicated by carriers, issue 13).

Structure only: nothing here imports or runs the detector, so the set stays unseen by it.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import yaml
from dedup_set_support import DATA, load_rows

ROWS = load_rows("heldout59.jsonl")
SOURCE = yaml.safe_load((DATA / "heldout59_source.yaml").read_text(encoding="utf-8"))
STORIES = {s["id"]: s for s in SOURCE["stories"]}
DESKS = {o[0] for o in SOURCE["outlets"] if not o[5]}
NEGATIVE = {"nextdayfollowon", "onereleasepair", "weekroundthree"}


def first_rows() -> dict[str, dict]:
    first: dict[str, dict] = {}
    for r in ROWS:
        first.setdefault(r["story"], r)
    return first


def test_origin_entries_are_full_articles_at_desks_of_150_to_300_words() -> None:
    for story, r in first_rows().items():
        assert r["feed"] == STORIES[story].get("outlet") or STORIES[story].get("derive"), story
        assert r["feed"] in DESKS, story
        words = len(r["content"].replace("<p>", " ").replace("</p>", " ").split())
        assert 150 <= words <= 300, (story, words)


def test_every_copy_is_at_a_carrier_and_split_copies_come_in_two_parts() -> None:
    first = first_rows()
    for r in ROWS:
        if first[r["story"]] is not r:
            assert r["feed"] not in DESKS, r["id"]
    parts = Counter((r["story"], r["feed"]) for r in ROWS if r["feed"] == "twinleaf-mailer")
    assert parts and all(n == 2 for n in parts.values())
    assert all(r["title"].endswith((" · 1/2", " · 2/2")) for r in ROWS if r["feed"] == "twinleaf-mailer")


def test_designed_negatives_are_alone_in_their_event_and_in_their_base_language() -> None:
    events: dict[str, set[str]] = defaultdict(set)
    langs = {r["story"]: r["lang"] for r in ROWS}
    for r in ROWS:
        events[r["event"]].add(r["story"])
    kinds = Counter(s["kind"] for s in STORIES.values() if s["kind"] in NEGATIVE)
    assert len(kinds) == 3 and min(kinds.values()) >= 3
    for s in STORIES.values():
        if s["kind"] in NEGATIVE:
            assert events[s["event"]] == {s["id"]}, s["id"]
            for other in s.get("quotes", [s["against"]]):
                assert langs[other] == langs[s["id"]], s["id"]
    assert all(len(s["quotes"]) == 3 for s in STORIES.values() if s["kind"] == "weekroundthree")


def test_a_follow_up_comes_a_day_later_from_the_same_desk() -> None:
    first = first_rows()
    for s in STORIES.values():
        if s["kind"] == "nextdayfollowon":
            assert first[s["id"]]["feed"] == first[s["against"]]["feed"]
            assert s["at"][:10] > STORIES[s["against"]]["at"][:10]

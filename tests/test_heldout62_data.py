"""Held-out v62's own structure checks (event clusters of full articles; structure only, no detector)."""

from __future__ import annotations

from collections import defaultdict

import yaml
from dedup_set_support import DATA, load_rows

SOURCE = yaml.safe_load((DATA / "heldout62_source.yaml").read_text(encoding="utf-8"))
ROWS = load_rows("heldout62.jsonl")
STORIES = {s["id"]: s for s in SOURCE["stories"]}
NEGATIVE = set(SOURCE["negative"])
DESKS = {o[0] for o in SOURCE["outlets"] if not o[5]}


def test_clustered_reports_are_full_articles_of_150_to_250_words() -> None:
    reports = [s for s in STORIES.values() if s["kind"] not in NEGATIVE]
    assert len(reports) >= 24
    for s in reports:
        assert 150 <= len(s["text"].split()) <= 250, s["id"]


def test_each_clustered_event_has_two_to_four_reports_with_an_english_one() -> None:
    by_event: dict[str, list[dict]] = defaultdict(list)
    for s in STORIES.values():
        by_event[s["event"]].append(s)
    clustered = [v for v in by_event.values() if len(v) > 1]
    assert len(clustered) >= 12
    for reports in clustered:
        assert 2 <= len(reports) <= 4
        assert any(s["lang"] == "en" for s in reports)


def test_each_designed_negative_is_derived_from_its_base_alone_in_its_event_and_language() -> None:
    negatives = [s for s in STORIES.values() if s["kind"] in NEGATIVE]
    assert len(negatives) >= 10
    events = [s["event"] for s in STORIES.values()]
    langs = {r["story"]: r["lang"] for r in ROWS}
    for s in negatives:
        assert s["derive"] == s["against"] and STORIES[s["against"]]["kind"] == "original", s["id"]
        assert events.count(s["event"]) == 1, s["id"]
        assert langs[s["id"]] == langs[s["against"]], s["id"]


def test_originals_appear_at_desks_first_and_copies_only_at_carriers() -> None:
    seen: set[str] = set()
    for r in ROWS:
        assert (r["feed"] in DESKS) == (r["story"] not in seen), r["id"]
        seen.add(r["story"])

"""A candidate the index leaves unverified (``StoryIndex._read``'s bound) changes no decision.

On a small newsroom window (full texts: many candidates each, most of them no copy) every entry
is decided with the bound and with every candidate verified, and the bound is checked against
``containment`` for every candidate read.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from benchmarks import newsroom
from monitor.dedup import index as index_module
from monitor.dedup.compare import containment, sample_bound
from monitor.dedup.index import Decision, StoryIndex, _score_at_most
from monitor.dedup.signature import Signature, signature
from monitor.ingest.parse import parse_feed

NOW = 1_750_000_000


@pytest.fixture(scope="module")
def window() -> list[tuple[Signature, datetime]]:
    """120 full-text entries of four newsroom feeds, with the time each is seen."""
    work = newsroom.Newsroom(newsroom.Spec(seed=3, feeds=4, entries=30, now=NOW))
    out: list[tuple[Signature, datetime]] = []
    for feed in range(4):
        parsed = parse_feed(work.document(feed), f"http://127.0.0.1/{work.path(feed)}", work.name(feed))
        for entry in parsed.entries:
            seen = datetime.fromtimestamp(NOW + len(out), UTC)
            out.append((signature(entry, seen), seen))
    return out


def decide_all(window: list[tuple[Signature, datetime]]) -> list[Decision]:
    """Each entry decided, then added (a new story gets the next id; its event the one decided)."""
    index = StoryIndex()
    decisions, stories, events = [], 0, {}
    for entry_id, (sig, seen) in enumerate(window, 1):
        decision = index.decide(sig)
        if decision.story_id is None:
            stories += 1
            story_id = stories
            events[story_id] = stories if decision.event_id is None else decision.event_id
        else:
            story_id = decision.story_id
        index.add(entry_id, story_id, events[story_id], sig, seen)
        decisions.append(decision)
    return decisions


def test_unverified_candidates_change_no_decision(
    window: list[tuple[Signature, datetime]], monkeypatch: pytest.MonkeyPatch
) -> None:
    verified = [0]

    def counted(*args: object) -> object:
        verified[0] += 1
        return containment(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(index_module, "containment", counted)
    bounded = decide_all(window)
    with_bound = verified[0]
    monkeypatch.setattr(index_module, "READ_TOGETHER", 10**9)  # never bounded: every candidate verified
    verified[0] = 0
    assert decide_all(window) == bounded
    assert with_bound < verified[0] / 2  # the bound left most candidates unverified


def test_bound_is_no_less_than_the_score(window: list[tuple[Signature, datetime]]) -> None:
    index, bounded = StoryIndex(), 0
    for entry_id, (sig, seen) in enumerate(window, 1):
        ours = [int.from_bytes(sig.sample[i : i + 4], "little") for i in range(0, len(sig.sample), 4)]
        for _, doc, most in index._read(sig, index._candidates(sig.shingles)):
            if most is None:
                continue
            evidence = containment(sig, doc)
            assert most >= evidence.found
            assert _score_at_most(sig, ours, sample_bound(sig.sample), doc, most) >= evidence.score
            bounded += 1
        index.add(entry_id, entry_id, entry_id, sig, seen)
    assert bounded > 500

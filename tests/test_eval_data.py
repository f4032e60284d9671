"""Composition guarantees of the labelled dedup evaluation set and the sample feeds."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import feedparser
import pytest

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "tests" / "data" / "dedup" / "eval.jsonl"
FEEDS = ROOT / "monitor" / "demo" / "samples" / "feeds"
KEYS = {"id", "outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event"}


@pytest.fixture(scope="module")
def entries() -> list[dict]:
    lines = EVAL.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_size_and_keys(entries: list[dict]) -> None:
    assert len(entries) >= 170
    for e in entries:
        assert set(e) == KEYS, e.get("id")
        for k in KEYS:
            assert isinstance(e[k], str), (e["id"], k)
        assert e["title"] and e["link"].startswith("https://") and e["guid"]


def test_ids_and_guids_unique(entries: list[dict]) -> None:
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids))
    guids = [e["guid"] for e in entries]
    assert len(guids) == len(set(guids))


def test_outlets(entries: list[dict]) -> None:
    assert len({e["feed"] for e in entries}) >= 9
    names: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        names[e["feed"]].add(e["outlet"])
    assert all(len(v) == 1 for v in names.values()), names


def test_published_has_offset(entries: list[dict]) -> None:
    from datetime import datetime

    offsets = set()
    for e in entries:
        t = datetime.fromisoformat(e["published"])
        assert t.tzinfo is not None, e["id"]
        offsets.add(t.utcoffset())
    assert len(offsets) >= 5


def test_copy_groups_span_outlets(entries: list[dict]) -> None:
    groups: dict[str, list[dict]] = defaultdict(list)
    for e in entries:
        groups[e["story"]].append(e)
    for story, members in groups.items():
        if len(members) >= 2:
            assert len({m["feed"] for m in members}) >= 2, story


def test_story_maps_to_one_event(entries: list[dict]) -> None:
    events: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        events[e["story"]].add(e["event"])
    bad = {s: ev for s, ev in events.items() if len(ev) != 1}
    assert not bad, bad


def test_events_with_independent_rewrites(entries: list[dict]) -> None:
    stories: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        stories[e["event"]].add(e["story"])
    assert sum(1 for s in stories.values() if len(s) >= 2) >= 8


def test_languages(entries: list[dict]) -> None:
    langs = {e["lang"] for e in entries}
    assert {"en", "ja", "ru"} <= langs


@pytest.mark.parametrize("path", sorted(FEEDS.glob("*.xml")), ids=lambda p: p.name)
def test_sample_feed_parses(path: Path) -> None:
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert 5 <= len(parsed.entries) <= 8
    for entry in parsed.entries:
        assert entry.get("title") and entry.get("link") and entry.get("id")
        assert entry.get("published_parsed") or entry.get("updated_parsed")


def test_there_are_sample_feeds() -> None:
    assert len(list(FEEDS.glob("*.xml"))) >= 5

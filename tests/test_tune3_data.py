"""Structure of the third tuning set (tests/data/dedup/tune3.jsonl, built by make_tune3.py).

Checks the file only (keys, types, ids, GUIDs, time order, labels, composition) and that the
generator rebuilds it byte for byte. It does not import monitor: the set is data.
"""

from __future__ import annotations

import importlib.util
import json
from collections import Counter, defaultdict
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import yaml
from dedup_set_support import NEXT, check_next_day

DATA = Path(__file__).resolve().parent / "data" / "dedup"
KEYS = ["id", "outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event"]
LANGS = {"es", "fr", "it", "ar", "uk", "ru", "ja", "en"}


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    text = (DATA / "tune3.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def test_keys_types_ids_guids_and_order(rows: list[dict]) -> None:
    assert [r["id"] for r in rows] == [f"t3-{i:03d}" for i in range(1, len(rows) + 1)]
    for r in rows:
        assert list(r) == KEYS and all(isinstance(r[k], str) for k in KEYS), r["id"]
        assert r["title"] and r["story"] and r["event"] and (r["summary"] or r["content"]), r["id"]
        assert r["link"].startswith("https://") and ".example/" in r["link"], r["id"]
        assert r["lang"] in LANGS, r["id"]
    assert len({r["guid"] for r in rows}) == len(rows)
    assert len({r["link"] for r in rows}) == len(rows)
    times = [datetime.fromisoformat(r["published"]) for r in rows]
    assert all(t.tzinfo is not None for t in times) and times == sorted(times)
    assert len({t.utcoffset() for t in times}) >= 6  # outlets publish in their own zones


def test_labels_are_consistent(rows: list[dict]) -> None:
    event_of: dict[str, set[str]] = defaultdict(set)
    lang_of: dict[str, set[str]] = defaultdict(set)
    feeds: dict[str, list[str]] = defaultdict(list)
    outlet_of: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        event_of[r["story"]].add(r["event"])
        lang_of[r["story"]].add(r["lang"])
        feeds[r["story"]].append(r["feed"])
        outlet_of[r["feed"]].add(r["outlet"])
    assert all(len(v) == 1 for v in event_of.values())  # every story in exactly one event
    assert all(len(v) == 1 for v in lang_of.values())  # a copy stays in its language
    assert all(len(f) == len(set(f)) for f in feeds.values())  # one copy per outlet
    assert all(len(v) == 1 for v in outlet_of.values())


def test_composition(rows: list[dict]) -> None:
    stories = Counter(r["story"] for r in rows)
    events: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        events[r["event"]].add(r["story"])
    langs = Counter(r["lang"] for r in rows)
    assert len(rows) >= 200 and len(stories) >= 60 and len(events) >= 35
    assert len({r["feed"] for r in rows}) >= 24
    assert set(langs) == LANGS and 0.15 <= langs["en"] / len(rows) <= 0.35, langs
    sizes = Counter(stories.values())
    assert sizes[1] >= 2 and any(n >= 10 for n in sizes) and sum(v for n, v in sizes.items() if 2 <= n <= 8) >= 40
    assert sum(len(v) >= 2 for v in events.values()) >= 8  # independent rewrites / follow-ups
    story_langs = {r["story"]: r["lang"] for r in rows}
    assert any(len({story_langs[s] for s in v}) >= 4 for v in events.values())  # cross-language coverage


def test_same_event_reports_within_thirty_hours(rows: list[dict]) -> None:
    times: dict[str, list[datetime]] = defaultdict(list)
    first: dict[str, datetime] = {}
    for r in rows:
        t = datetime.fromisoformat(r["published"])
        first.setdefault(r["story"], t)
        times[r["event"]].append(first[r["story"]])
    spans = {e: max(v) - min(v) for e, v in times.items()}
    assert max(spans.values()) <= timedelta(hours=30), spans
    # some follow-ups come the next day: another event, the first story's event plus NEXT
    threads: dict[str, list[datetime]] = defaultdict(list)
    for event, when in times.items():
        threads[event.removesuffix(NEXT)] += when
    assert max(max(v) - min(v) for v in threads.values()) >= timedelta(hours=24)


def test_a_desks_next_day_follow_up_is_another_event(rows: list[dict]) -> None:
    source = yaml.safe_load((DATA / "tune3_source.yaml").read_text(encoding="utf-8"))
    stories = {s["id"]: s for s in source["stories"]}
    assert check_next_day(rows, stories, {"followup"}, of="opening_of") == 4


def test_generator_rebuilds_the_file(rows: list[dict]) -> None:
    spec = importlib.util.spec_from_file_location("make_tune3", DATA / "make_tune3.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.Builder(yaml.safe_load((DATA / "tune3_source.yaml").read_text(encoding="utf-8"))).build()
    assert built == rows

"""Structure of held-out v3 (`tests/data/dedup/heldout3.jsonl`): keys, ids, order, labels, counts.

Structure only: this test neither imports nor runs the detector, so the set stays unseen by it.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest

DATA = Path(__file__).parent / "data" / "dedup"
KEYS = ["id", "outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event"]
LANGS = {"nl", "sv", "cs", "ro", "vi", "tr", "en"}


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    lines = (DATA / "heldout3.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_every_row_has_exactly_the_documented_keys_as_strings(rows: list[dict]) -> None:
    for row in rows:
        assert list(row) == KEYS, row["id"]
        assert all(isinstance(row[k], str) for k in KEYS), row["id"]
        assert row["title"] and row["summary"] and row["story"] and row["event"], row["id"]


def test_ids_are_sequential_and_guids_and_links_unique(rows: list[dict]) -> None:
    assert [r["id"] for r in rows] == [f"x{n:03d}" for n in range(1, len(rows) + 1)]
    assert len({r["guid"] for r in rows}) == len(rows)
    assert len({r["link"] for r in rows}) == len(rows)


def test_rows_are_in_publication_order_with_offsets(rows: list[dict]) -> None:
    times = [datetime.fromisoformat(r["published"]) for r in rows]
    assert all(t.tzinfo is not None for t in times)
    assert times == sorted(times)


def test_every_story_has_one_event_one_language_and_hosts_are_example(rows: list[dict]) -> None:
    events: dict[str, set[str]] = defaultdict(set)
    langs: dict[str, set[str]] = defaultdict(set)
    names: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        events[r["story"]].add(r["event"])
        langs[r["story"]].add(r["lang"])
        names[r["feed"]].add(r["outlet"])
        assert (urlsplit(r["link"]).hostname or "").endswith(".example"), r["id"]
    assert all(len(v) == 1 for v in events.values())
    assert all(len(v) == 1 for v in langs.values())
    assert all(len(v) == 1 for v in names.values())


def test_composition_meets_the_brief(rows: list[dict]) -> None:
    stories = Counter(r["story"] for r in rows)
    langs = Counter(r["lang"] for r in rows)
    ev_stories: dict[str, set[str]] = defaultdict(set)
    ev_langs: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        ev_stories[r["event"]].add(r["story"])
        ev_langs[r["event"]].add(r["lang"])
    assert len(rows) >= 190 and len(stories) >= 60 and len(ev_stories) >= 35
    assert len({r["feed"] for r in rows}) >= 24
    assert set(langs) >= LANGS and {"hi", "el"} & set(langs)
    assert 0.15 <= langs["en"] / len(rows) <= 0.25
    assert any(n >= 10 for n in stories.values()) and any(n == 1 for n in stories.values())
    assert sum(2 <= n <= 8 for n in stories.values()) > len(stories) / 2
    assert sum(len(s) > 1 for s in ev_stories.values()) >= 8
    assert sum(len(s) > 1 for s in ev_langs.values()) >= 5
    assert sum(r["content"] == "" for r in rows) >= 10


def test_the_generator_reproduces_the_committed_file() -> None:
    spec = importlib.util.spec_from_file_location("make_heldout3", DATA / "make_heldout3.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_heldout3"] = module  # dataclasses look their module up while the class is built
    try:
        spec.loader.exec_module(module)
        made = module.build()
    finally:
        del sys.modules["make_heldout3"]
    assert module.dump(made) == (DATA / "heldout3.jsonl").read_text(encoding="utf-8")

"""Shared by the structure tests of the labelled dedup sets (held-out v3 on): the checks every set
in the 12-key format of `eval.jsonl` must pass, and the byte-for-byte regeneration of its file.

Structure only: nothing here imports or runs the detector, so a held-out set stays unseen by it.
"""

from __future__ import annotations

import importlib.util
import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

DATA = Path(__file__).parent / "data" / "dedup"
# Sets that tests may read in bulk (signature digests, scan checks): the ones recorded when those
# tests were written. A fixed list, so a held-out set added later is never opened by them before
# it is measured, and adding a set never changes their inputs.
BULK_SETS = ("eval", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "tune3")
KEYS = ["id", "outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event"]
# A desk's next-day development of its own story is another event, its story's event with this suffix (round 67's
# label policy; round 74 applied it to tune3, v3-v8 and v10). A correction the next day keeps the story's event.
NEXT = "-next"
NEXT_DAY = timedelta(hours=15)


def bulk_texts() -> Iterator[str]:
    """Every title, summary and body of the sets in ``BULK_SETS`` (a newer held-out set is never opened)."""
    for name in BULK_SETS:
        for row in load_rows(f"{name}.jsonl"):
            yield from (row["title"], row["summary"], row["content"])


def random_texts(pieces: Sequence[str], count: int, seed: int) -> Iterator[str]:
    """``count`` seeded strings of 0-24 of ``pieces`` each: the odd corners a scan must agree on."""
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choices(pieces, k=rng.randint(0, 24)))


def load_rows(name: str) -> list[dict]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def check_keys(rows: list[dict]) -> None:
    """Exactly the documented keys, in order, all strings; title, summary and labels never empty."""
    for row in rows:
        assert list(row) == KEYS, row["id"]
        assert all(isinstance(row[k], str) for k in KEYS), row["id"]
        assert row["title"] and row["summary"] and row["story"] and row["event"], row["id"]


def check_ids_and_order(rows: list[dict], prefix: str) -> None:
    """Sequential ids, unique GUIDs and links, rows in order of the instant, every time with an offset."""
    assert [r["id"] for r in rows] == [f"{prefix}{n:03d}" for n in range(1, len(rows) + 1)]
    assert len({r["guid"] for r in rows}) == len(rows)
    assert len({r["link"] for r in rows}) == len(rows)
    times = [datetime.fromisoformat(r["published"]) for r in rows]
    assert all(t.tzinfo is not None for t in times)
    assert times == sorted(times)


def check_labels_and_hosts(rows: list[dict]) -> None:
    """Every story in one event and one language; one outlet name per feed; hosts under `.example`."""
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


@dataclass(frozen=True)
class Brief:
    """A held-out brief's minimum sizes (v7 on; v5 and v6 asked for more entries and a side language of 3-12)."""

    rows: int = 150
    stories: int = 45
    events: int = 30
    side: tuple[int, int] = (1, 8)  # entries in the side language
    summary_only: int = 10
    several: int = 12  # events holding two or more stories


class Tallies(NamedTuple):
    """What the composition checks count: entries per story and language, stories and languages per event."""

    per_story: Counter[str]
    langs: Counter[str]
    ev_stories: dict[str, set[str]]
    ev_langs: dict[str, set[str]]


def tallies(rows: list[dict]) -> Tallies:
    ev_stories: dict[str, set[str]] = defaultdict(set)
    ev_langs: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        ev_stories[r["event"]].add(r["story"])
        ev_langs[r["event"]].add(r["lang"])
    return Tallies(Counter(r["story"] for r in rows), Counter(r["lang"] for r in rows), ev_stories, ev_langs)


def check_composition(rows: list[dict], main_langs: set[str], side_lang: str, brief: Brief = Brief()) -> None:
    """The held-out briefs' minimum sizes: entries, stories, events, rewrites across languages, copies.

    Every main language has >= 15 entries and English 17-25 %.
    """
    per_story, langs, ev_stories, ev_langs = tallies(rows)
    assert len(rows) >= brief.rows and len(per_story) >= brief.stories and len(ev_stories) >= brief.events
    assert sum(len(s) > 1 for s in ev_stories.values()) >= brief.several
    assert sum(len(s) > 1 for s in ev_langs.values()) >= 7
    assert set(langs) == main_langs | {"en", side_lang}
    assert all(langs[lang] >= 15 for lang in main_langs)
    assert brief.side[0] <= langs[side_lang] <= brief.side[1]
    assert 0.17 <= langs["en"] / len(rows) <= 0.25
    assert sum(n * (n - 1) // 2 for n in per_story.values()) >= 80
    assert sum(r["content"] == "" for r in rows) >= brief.summary_only


def designed_negative_pairs(rows: list[dict], stories: dict[str, dict], negative: set[str], same: set[str]) -> int:
    """Entry pairs across the designed hard negatives (each of another event than its `against`, or than
    every story a round-up `quotes`); rewrites and follow-ups must share their `against`'s event."""
    per_story = Counter(r["story"] for r in rows)
    total = 0
    for s in stories.values():
        if s["kind"] in negative and (s.get("quotes") or s.get("against")):
            for other in s.get("quotes", [s.get("against")]):
                assert stories[other]["event"] != s["event"], s["id"]
                total += per_story[s["id"]] * per_story[other]
        elif s["kind"] in same:
            assert stories[s["against"]]["event"] == s["event"], s["id"]
    return total


def check_next_day(rows: list[dict], stories: dict[str, dict], kinds: set[str], of: str = "against") -> int:
    """A story of `kinds` that the desk of the story named by its `of` key ran ``NEXT_DAY`` or more after it (first
    entries) is its next development: that story's event plus ``NEXT``. Another desk's, or the same day's, shares
    that story's event. Returns how many next-day developments there are."""
    first: dict[str, dict] = {}
    for r in rows:  # in time order: a story's first entry is its desk's
        first.setdefault(r["story"], r)
    developments = 0
    for s in stories.values():
        if s.get("kind") not in kinds:
            continue
        mine, theirs = first[s["id"]], first[s[of]]
        gap = datetime.fromisoformat(mine["published"]) - datetime.fromisoformat(theirs["published"])
        own_next_day = mine["feed"] == theirs["feed"] and gap >= NEXT_DAY
        assert s["event"] == stories[s[of]]["event"] + (NEXT if own_next_day else ""), s["id"]
        developments += own_next_day
    return developments


def regenerate(script: str, committed: str) -> tuple[str, str]:
    """What the generator `script` makes now (its `dump(build())`), and the committed file's text."""
    name = Path(script).stem
    spec = importlib.util.spec_from_file_location(name, DATA / script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    try:
        spec.loader.exec_module(module)
        made = module.dump(module.build())
    finally:
        del sys.modules[name]
    return made, (DATA / committed).read_text(encoding="utf-8")

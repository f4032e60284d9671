"""Tests written to kill mutants of the start-up rebuild that survived
``python -m benchmarks.mutation dedup`` (sessions mt7 and mt8; benchmarks/mutation_survivors.md):
``EventIndex.load``, ``StoryIndex.load`` and ``StoryIndex._merged``.

Both ``load`` docstrings promise the index that ``add`` of each row in turn gives; ``_merged``
promises that entries loaded at start-up come before those added since, less the removed.
So each test builds one index by ``load`` and one by ``add``, then drives both through the
same removals, re-adds, additions and prunes, and asks both the same questions: the two must
answer alike, decision for decision (story, entry, reason, event) and keyword for keyword.
The stories are generated here, fiction, from a seed.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from monitor.dedup import StoryIndex, signature
from monitor.dedup.events import EventIndex
from monitor.models import Entry

START = datetime(2026, 5, 4, 6, tzinfo=UTC)
PLACES = ["Brévanne", "Kellbach", "Ortanne", "Valmoy", "Tessaro", "Lindqvist", "Morvaux", "Quillan"]
PEOPLE = ["Ines Gault", "Olaf Brink", "Mira Sandell", "Tomas Ruell", "Ada Korvin", "Piet Hallam"]
THINGS = ["ferry terminal", "school roof", "tram depot", "grain silo", "water tower", "fish market", "bridge"]
VERBS = ["opened", "closed", "sold", "repaired", "inspected", "doubled the budget of", "postponed"]


def story_text(chance: random.Random) -> str:
    """Five sentences naming places, people and figures: enough text to be compared."""
    sentences = []
    for _ in range(5):
        sentences.append(
            f"{chance.choice(PEOPLE)} said the council of {chance.choice(PLACES)} {chance.choice(VERBS)} the "
            f"{chance.choice(THINGS)} after {chance.randint(12, 990)} residents asked in {chance.randint(1950, 2025)}, "
            f"and the work on the {chance.choice(THINGS)} will cost {chance.randint(2, 90)} million."
        )
    return " ".join(sentences)


def entry(key: str, title: str, body: str, outlet: str, seen: datetime) -> Entry:
    return Entry("f", outlet, key, f"https://{outlet.lower()}.example/{key}", title, "", body, published=seen)


def window(seed: int) -> tuple[list[tuple[int, int, int, datetime, object]], list[Entry]]:
    """Rows of a stored window (stories, their copies with a byline or trimmed, two share an event)
    over two days, and probes: copies of some stories and new texts."""
    chance = random.Random(seed)
    texts = [story_text(chance) for _ in range(8)]
    rows: list[tuple[int, int, int, datetime, object]] = []
    entry_id = 10
    for n, text in enumerate(texts):
        seen = START + timedelta(hours=5 * n)
        story, event = 100 + n, 500 + n // 2  # stories two by two in one event
        versions = [text, f"By {chance.choice(PEOPLE)} | City desk {text}", text.rsplit(". ", 1)[0] + "."]
        for copy, body in enumerate(versions[: 1 + n % 3]):
            entry_id += 1
            outlet = ["Harbour Wire", "Ostrand Post", "Valley Courier"][copy]
            title = f"{PLACES[n]} council decides on the {THINGS[n % len(THINGS)]}"
            when = seen + timedelta(minutes=20 * copy)
            rows.append(
                (entry_id, story, event, when, signature(entry(f"e{entry_id}", title, body, outlet, when), when))
            )
    probes = [
        entry(
            f"p{n}",
            f"{PLACES[n]} council decides",
            f"From the Tribune | {texts[n]}",
            "Tribune",
            START + timedelta(hours=44),
        )
        for n in range(0, 8, 2)
    ]
    probes.append(entry("new", "Quillan fair", story_text(chance), "Tribune", START + timedelta(hours=44)))
    return rows, probes


def decisions(index: StoryIndex, probes: list[Entry]) -> list[tuple[object, ...]]:
    found = [index.find(probe, probe.published) for probe in probes]  # type: ignore[arg-type]
    return [(d.story_id, d.matched_entry, d.reason, d.event_id, d.event_reason) for d in found]


@pytest.mark.parametrize("seed", [1, 2])
def test_a_loaded_index_decides_as_the_index_that_added_each_row_through_changes_and_prunes(seed: int) -> None:
    rows, probes = window(seed)
    added, loaded = StoryIndex(), StoryIndex()
    for entry_id, story, event, seen, sig in rows:
        added.add(entry_id, story, event, sig, seen)  # type: ignore[arg-type]
    loaded.load(rows)  # type: ignore[arg-type]
    assert len(loaded) == len(added) == len(rows)
    assert decisions(loaded, probes) == decisions(added, probes)
    assert any(d[0] is not None for d in decisions(loaded, probes)), "some probe must be a copy"

    # Removed after start-up, re-added with another text, added since: loaded entries first, as added.
    first, second, third = rows[0], rows[1], rows[2]
    for index in (added, loaded):
        index.remove(first[0])
        index.add(second[0], second[1], second[2], rows[-1][4], second[3])  # type: ignore[arg-type]
        index.add(999, third[1], third[2], third[4], third[3] + timedelta(hours=1))  # type: ignore[arg-type]
    assert len(loaded) == len(added)
    assert decisions(loaded, probes) == decisions(added, probes)

    # Pruning the first day: both drop the same entries and still decide alike.
    cutoff = START + timedelta(hours=20)
    assert loaded.prune(cutoff) == added.prune(cutoff) > 0
    assert len(loaded) == len(added)
    assert decisions(loaded, probes) == decisions(added, probes)
    assert loaded.prune(cutoff) == added.prune(cutoff) == 0  # nothing left before it


def test_a_loaded_index_is_pruned_from_its_oldest_loaded_entry() -> None:
    rows, _ = window(3)
    loaded = StoryIndex()
    loaded.load(rows)  # type: ignore[arg-type]
    oldest = min(row[3] for row in rows)
    assert loaded.prune(oldest) == 0  # nothing first seen before the oldest
    assert loaded.prune(oldest + timedelta(seconds=1)) == sum(1 for row in rows if row[3] == oldest)


def keyword_rows(seed: int) -> list[tuple[int, int, tuple[str, ...], float, int, str]]:
    """(story, event, keywords, when, heads, outlet) rows: names, numbers, days and script-bound words,
    a story seen again with keywords old and new, and story ids past 32 bits in one seed."""
    chance = random.Random(seed)
    words = ["kellbach", "brink", "#120", "#2025", "@07-03", "ferry", "roof", "паром", "крыша", "東京", "港湾", "gault"]
    stories = [7, 3, 12, 5, 9] if seed % 2 else [7, 2**31 + 5, 12, 2**32 + 9, 9]
    rows = []
    for n in range(14):
        story = stories[n % len(stories)]
        chosen = tuple(chance.sample(words, chance.randint(2, 6)))
        heads, outlet = chance.randint(0, 3), ("Desk A", "Desk B")[story % 2]
        rows.append((story, 40 + story % 3, chosen, 1_777_000_000.0 + 3600 * n, heads, outlet))
    return rows


@pytest.mark.parametrize("seed", range(4))
def test_loaded_events_are_the_events_each_row_added_in_turn_gives(seed: int) -> None:
    rows = keyword_rows(seed)
    added, loaded = EventIndex(), EventIndex()
    for row in rows:
        added.add(*row)
    loaded.load(rows)
    vocabulary = {w for row in rows for w in row[2]} | {"unknown"}
    assert any(added.find(words, when) for _, _, words, when, *_ in rows), "some row must find an event"
    for step in range(2):
        assert len(loaded) == len(added)
        assert {s: loaded.event_of(s) for s, *_ in rows} == {s: added.event_of(s) for s, *_ in rows}
        assert {w: loaded.df(w) for w in vocabulary} == {w: added.df(w) for w in vocabulary}
        assert {w: loaded.idf(w) for w in vocabulary} == {w: added.idf(w) for w in vocabulary}
        for _, _, words, when, *_ in rows:
            assert loaded.find(words, when) == added.find(words, when)
        if step == 0:  # then both forget the first half of the rows' stories
            cutoff = rows[7][3] + 36 * 3600
            loaded.prune(cutoff)
            added.prune(cutoff)


def test_a_loaded_story_seen_again_counts_each_keyword_once() -> None:
    loaded = EventIndex()
    loaded.load([(4, 1, ("kellbach", "#120"), 0.0, 1, "Desk A"), (4, 1, ("#120", "brink", "brink"), 60.0, 1, "Desk A")])
    assert (loaded.df("kellbach"), loaded.df("#120"), loaded.df("brink")) == (1, 1, 1)
    assert len(loaded) == 1 and loaded.event_of(4) == 1

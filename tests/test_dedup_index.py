"""The event index's shortcuts decide as the plain algorithm does: candidates counted in numpy,
weights per find, shared script sets, and the DF kept right through pruning."""

from __future__ import annotations

import math
import os
import random
import subprocess
import sys
from array import array
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.dedup import eventkeys, events
from monitor.dedup.events import CANDIDATES, EVENT_HOURS, MIN_SHARED, POSTINGS_READ, EventIndex, script_of

ROOT = Path(__file__).parent.parent
HOUR = 3600.0
NAMES = [f"n{i}" for i in range(40)] + ["12", "2025", "@07-03"]
WORDS = ["~" + w for w in ("ceasefi", "recogni", "drone", "pipelin", "summit")] + ["~признал", "~талибы"]
PAIRS = ["外務", "務省", "ロシ"]


def reference_find(index: EventIndex, words: tuple[str, ...], when: float) -> tuple[int, float, tuple[str, ...]] | None:
    """``EventIndex.find`` as first written: Counter over the postings, weights from ``idf``."""
    query = set(words)
    counts: Counter[int] = Counter()
    for word in query:
        counts.update(index._postings.get(word, ())[-POSTINGS_READ:])
    best: tuple[int, float, tuple[str, ...]] | None = None
    scripts = frozenset({script_of(w) for w in query} | {None})
    for story_id, shared_count in counts.most_common(CANDIDATES):
        if shared_count < MIN_SHARED:
            break
        story = index._stories[story_id]
        if abs(story.when - when) / HOUR > EVENT_HOURS:
            continue
        a, b = query, set(story.keywords)
        if scripts != story.scripts:
            both = scripts & story.scripts
            a = {w for w in a if script_of(w) in both}
            b = {w for w in b if script_of(w) in both}
        weight = {w: index.idf(w) ** 2 for w in a | b}
        shared = tuple(sorted(a & b, key=lambda w: (-weight[w], w)))
        norm = math.sqrt(sum(weight[w] for w in a) * sum(weight[w] for w in b))
        score = sum(weight[w] for w in shared) / norm if norm else 0.0
        if best is None or score > best[1]:
            best = (story_id, score, shared)
    return best


def story_words(rng: random.Random) -> tuple[str, ...]:
    words = rng.sample(NAMES, rng.randint(2, 8)) + rng.sample(WORDS, rng.randint(0, 4))
    if rng.random() < 0.2:
        words += rng.sample(PAIRS, 2)
    return tuple(words)


def grown(rng: random.Random, stories: int) -> EventIndex:
    """An index of ``stories`` stories an hour apart; one entry in five is a copy adding words to a story."""
    index = EventIndex()
    for n in range(1, stories + 1):
        story = rng.randint(1, n - 1) if n > 1 and rng.random() < 0.2 else n
        index.add(story, story, story_words(rng), n * HOUR / 4)
    return index


def found(index: EventIndex, words: tuple[str, ...], when: float) -> tuple[int, float, tuple[str, ...]] | None:
    match = index.find(words, when)
    return (match.story_id, match.score, match.shared) if match else None


@pytest.mark.parametrize("seed", range(4))
def test_find_decides_as_the_plain_algorithm(seed: int):
    rng = random.Random(seed)
    index = grown(rng, 400)
    for n in range(200):
        words, when = story_words(rng), rng.uniform(0, 110 * HOUR)
        assert found(index, words, when) == reference_find(index, words, when)
        if n % 3 == 0:  # the weights change as stories arrive
            index.add(1000 + n, 1000 + n, words, when)


def test_pruning_leaves_the_index_the_survivors_alone_would_make():
    rng = random.Random(7)
    index, added = EventIndex(), []
    for n in range(1, 301):
        story = rng.randint(1, n - 1) if n > 1 and rng.random() < 0.2 else n
        words = story_words(rng)
        index.add(story, story, words, story * HOUR / 4)
        added.append((story, words))
    cutoff = 60 * HOUR
    index.prune(cutoff)

    survivors = EventIndex()
    for story, words in added:
        if story * HOUR / 4 >= cutoff - EVENT_HOURS * HOUR:
            survivors.add(story, story, words, story * HOUR / 4)
    assert len(index) == len(survivors) < 300
    for word in NAMES + WORDS + PAIRS:
        assert index.df(word) == survivors.df(word)
        assert index.idf(word) == survivors.idf(word)
    for _ in range(100):
        words, when = story_words(rng), rng.uniform(60 * HOUR, 80 * HOUR)
        assert found(index, words, when) == found(survivors, words, when) == reference_find(index, words, when)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.integers(1, 60), unique=True, max_size=40), min_size=MIN_SHARED, max_size=12))
def test_candidates_are_the_most_found_first_found_first(postings: list[list[int]]):
    read = [array("q", ids) for ids in postings]
    counts = Counter(story for ids in postings for story in ids)
    expected = [story for story, n in counts.most_common(CANDIDATES) if n >= MIN_SHARED]
    assert events._most_found(read, narrow=True) == events._most_found(read, narrow=False) == expected


@given(st.lists(st.sampled_from(NAMES + WORDS + PAIRS + ["~é", "é"]), max_size=12), st.sampled_from(range(4)))
def test_script_sets_are_shared_and_right(words: list[str], extra: int):
    also = events._scripts([["n1"], ["~drone"], ["外務"], ["~талибы"]][extra])
    expected = frozenset({script_of(w) for w in words} | {None} | also)
    assert events._scripts(words, also) == expected
    assert events._scripts(words, also) is events._scripts(list(reversed(words)), also)  # one object per set


def test_the_script_memo_stays_bounded_and_right(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(eventkeys, "SCRIPT_MEMO", 4)  # the memo lives beside the keywords (events re-exports it)
    events._SCRIPTS.clear()
    for word in NAMES + WORDS + PAIRS:
        assert events._script(word) == script_of(word)
        assert len(events._SCRIPTS) <= 4


def test_a_copy_adds_its_new_keywords_and_scripts_once():
    index = EventIndex()
    index.add(1, 1, ("n1", "n2", "~drone"), 0.0)
    index.add(1, 1, ("n2", "n3", "外務", "n3"), 0.0)
    story = index._stories[1]
    assert story.keywords == ("n1", "n2", "~drone", "n3", "外務")
    assert story.scripts == {None, "latin", "cjk"}
    assert [index.df(w) for w in ("n1", "n2", "n3", "外務")] == [1, 1, 1, 1]
    assert list(index._postings["n3"]) == [1]


def test_serial_benchmark_smoke_compares_its_decisions(tmp_path):
    env = {**os.environ, "TMPDIR": str(tmp_path), "PYTHONHASHSEED": "0"}
    run = [sys.executable, "-m", "benchmarks.dedup_serial", "--feeds", "3", "--entries", "6", "--repeat", "1"]
    for name in ("a", "b"):
        out = subprocess.run(
            [*run, "--decisions", str(tmp_path / f"{name}.json")],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        assert "decide+add over 18 entries" in out and "B/entry" in out
    same = subprocess.run(
        [*run, "--compare", str(tmp_path / "a.json"), str(tmp_path / "b.json")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert same.returncode == 0 and "18 decisions compared, 0 differ" in same.stdout

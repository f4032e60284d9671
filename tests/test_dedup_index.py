"""The event index's shortcuts decide as the plain algorithm does: candidates counted in numpy,
weights per find, shared script sets, and the DF kept right through pruning.

The reference (``Plain``) is written from the documented behaviour of ``EventIndex.find`` (its
docstring and the module's: candidates, IDF, cosine, scripts, numbers that disagree) and reads
nothing of the code under test: it keeps its own record of what was added, computes its own
document frequencies, IDF and scripts, and has its own constants (``DOCUMENTED``, checked once
against the module). It can fail: with ``eventscore._Weights`` counting the stories without the
one being decided (``self._n = stories`` for ``stories + 1``), or with ``MIN_SHARED`` read as
"more than" (``ids[MIN_SHARED:]`` in ``_most_found``), ``test_find_decides_as_the_plain_algorithm``
fails, and so it does with a ``_numbers_disagree`` that never says true; the three mutations were tried.
"""

from __future__ import annotations

import math
import os
import random
import subprocess
import sys
from array import array
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.dedup import eventkeys, events
from monitor.dedup.events import EventIndex, script_of
from monitor.dedup.signature import Signature

ROOT = Path(__file__).parent.parent
HOUR = 3600.0
NOW_SEEN = datetime(2026, 12, 1, tzinfo=UTC)
NUMBERS = ["12", "2025", "300", "48", "17", "64", "91"]
NAMES = [f"n{i}" for i in range(40)] + NUMBERS[:2] + ["@07-03"]
WORDS = ["~" + w for w in ("ceasefi", "recogni", "drone", "pipelin", "summit")] + ["~признал", "~талибы"]
PAIRS = ["外務", "務省", "ロシ"]
# The documented constants: 36 hours apart at most, three shared names, numbers or days to be a
# candidate, the 20 stories found under most of them, the 200 newest stories read per key; two
# reports printing three numbers or more each and sharing none (nor a day) are different happenings;
# a rare key is in at most two stories of the window.
DOCUMENTED = {"EVENT_HOURS": 36.0, "MIN_SHARED": 3, "CANDIDATES": 20, "POSTINGS_READ": 200, "MIN_NUMBERS": 3}
DOCUMENTED_RARE_DF = 2


def test_the_documented_constants_are_the_modules():
    assert {name: getattr(events, name) for name in DOCUMENTED} == DOCUMENTED
    assert events.RARE_DF == DOCUMENTED_RARE_DF


def plain_script(key: str) -> str | None:
    """A headline word ("~drone", "~талибы") is bound to its alphabet, a pair of CJK characters to
    CJK; names, numbers and days (ASCII keys, "@07-03") are bound to none."""
    if key.startswith("~"):
        return "latin" if key[1].isascii() else "cyrillic"
    return "cjk" if not key.isascii() else None


@dataclass
class Plain:
    """The window as a list of what was added, and ``find`` as its documentation says, by brute force."""

    stories: dict[int, tuple[float, list[str]]] = field(default_factory=dict)  # story -> (first time, keywords)
    order: dict[str, list[int]] = field(default_factory=dict)  # neutral key -> stories, in the order they got it

    def add(self, story: int, words: tuple[str, ...], when: float) -> None:
        _, known = self.stories.setdefault(story, (when, []))
        for word in words:
            if word not in known:
                known.append(word)
                if plain_script(word) is None:
                    self.order.setdefault(word, []).append(story)

    def df(self, word: str) -> int:
        return sum(word in keywords for _, keywords in self.stories.values())

    def idf(self, word: str) -> float:
        return math.log(1 + (len(self.stories) + 1) / (self.df(word) + 1))

    def candidates(self, query: set[str]) -> list[int]:
        """Stories found under three or more of the query's neutral keys (each key read for its 200
        newest stories), most found first, ties in the order first found, at most 20."""
        seen: Counter[int] = Counter()
        first: dict[int, int] = {}
        for word in sorted(query):  # the documented reading order: keys sorted, each key's stories oldest first
            for story in self.order.get(word, [])[-DOCUMENTED["POSTINGS_READ"] :]:
                seen[story] += 1
                first.setdefault(story, len(first))
        found = [s for s in seen if seen[s] >= DOCUMENTED["MIN_SHARED"]]
        return sorted(found, key=lambda s: (-seen[s], first[s]))[: DOCUMENTED["CANDIDATES"]]

    def find(self, words: tuple[str, ...], when: float) -> list[tuple[int, float, tuple[str, ...], float, int]]:
        """Every candidate's (story, cosine, shared keys rarest first, named share, rare keys), best first."""
        query = set(words)
        out = []
        for story in self.candidates(query):
            first, keywords = self.stories[story]
            if abs(first - when) > DOCUMENTED["EVENT_HOURS"] * HOUR:
                continue
            both = {plain_script(w) for w in query} & {plain_script(w) for w in keywords} | {None}
            a = {w for w in query if plain_script(w) in both}
            b = {w for w in keywords if plain_script(w) in both}
            shared = a & b
            if _disagree(a, b, shared):
                continue
            weight = {w: self.idf(w) ** 2 for w in a | b}
            # Exactly rounded sums, as documented: the same bits whatever order a set reads in.
            total = math.fsum
            cosine = total(weight[w] for w in shared) / math.sqrt(
                total(weight[w] for w in a) * total(weight[w] for w in b)
            )
            neutral = [w for w in a if plain_script(w) is None]
            named = total(weight[w] for w in shared if w in neutral) / total(weight[w] for w in neutral)
            rare = sum(1 for w in shared if w in neutral and self.df(w) <= DOCUMENTED_RARE_DF)
            ordered = tuple(sorted(shared, key=lambda w: (self.df(w), w)))
            out.append((story, cosine, ordered, named, rare))
        return sorted(out, key=lambda c: -c[1])  # stable: equal scores keep the candidates' order


def _disagree(a: set[str], b: set[str], shared: set[str]) -> bool:
    """Three numbers or more on each side, none of them (nor a day) shared."""
    if any(w.isdigit() or w.startswith("@") for w in shared):
        return False
    return min(sum(w.isdigit() for w in a), sum(w.isdigit() for w in b)) >= DOCUMENTED["MIN_NUMBERS"]


def agrees(index: EventIndex, plain: Plain, words: tuple[str, ...], when: float) -> None:
    """``index.find`` gives the story the plain algorithm ranks first (ties: the first found), with
    the same bits of score and named share (both sum exactly), shared keys and rare keys."""
    match, ranked = index.find(words, when), plain.find(words, when)
    if not ranked:
        assert match is None
        return
    assert match is not None
    story, cosine, shared, named, rare = ranked[0]
    assert match.story_id == story, (match, ranked[:3])
    assert match.score == cosine
    assert match.named == named
    assert set(match.shared) == set(shared) and match.rare == rare
    assert [plain.df(w) for w in match.shared] == sorted(plain.df(w) for w in shared)  # rarest first


def story_words(rng: random.Random) -> tuple[str, ...]:
    words = rng.sample(NAMES, rng.randint(2, 8)) + rng.sample(WORDS, rng.randint(0, 4))
    if rng.random() < 0.3:  # a report printing figures: three numbers or more ("numbers that disagree")
        words += [n for n in rng.sample(NUMBERS, 3) if n not in words]
    if rng.random() < 0.2:
        words += rng.sample(PAIRS, 2)
    return tuple(words)


def grown(rng: random.Random, stories: int) -> tuple[EventIndex, Plain]:
    """An index of ``stories`` stories a quarter of an hour apart (one entry in five is a copy adding
    words to a story), and the plain record of the same adds."""
    index, plain = EventIndex(), Plain()
    for n in range(1, stories + 1):
        story = rng.randint(1, n - 1) if n > 1 and rng.random() < 0.2 else n
        words, when = story_words(rng), n * HOUR / 4
        index.add(story, story, words, when)
        plain.add(story, words, plain.stories[story][0] if story in plain.stories else when)
    return index, plain


def found(index: EventIndex, words: tuple[str, ...], when: float) -> tuple[int, float, tuple[str, ...]] | None:
    match = index.find(words, when)
    return (match.story_id, match.score, match.shared) if match else None


@pytest.mark.parametrize("seed", range(4))
def test_find_decides_as_the_plain_algorithm(seed: int):
    rng = random.Random(seed)
    index, plain = grown(rng, 400)
    decided = 0
    for n in range(200):
        words, when = story_words(rng), rng.uniform(0, 110 * HOUR)
        agrees(index, plain, words, when)
        decided += index.find(words, when) is not None
        if n % 3 == 0:  # the weights change as stories arrive
            index.add(1000 + n, 1000 + n, words, when)
            plain.add(1000 + n, words, when)
    assert decided > 50  # the comparison is about matches, not about two Nones


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

    survivors, plain = EventIndex(), Plain()
    for story, words in added:
        if story * HOUR / 4 >= cutoff - DOCUMENTED["EVENT_HOURS"] * HOUR:
            survivors.add(story, story, words, story * HOUR / 4)
            plain.add(story, words, story * HOUR / 4)
    assert len(index) == len(survivors) == len(plain.stories) < 300
    for word in NAMES + NUMBERS + WORDS + PAIRS:
        assert index.df(word) == survivors.df(word) == plain.df(word)
        assert index.idf(word) == survivors.idf(word) == pytest.approx(plain.idf(word))
    for _ in range(100):
        words, when = story_words(rng), rng.uniform(60 * HOUR, 80 * HOUR)
        assert found(index, words, when) == found(survivors, words, when)
        agrees(index, plain, words, when)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.integers(1, 60), unique=True, max_size=40), min_size=3, max_size=12))
def test_candidates_are_the_most_found_first_found_first(postings: list[list[int]]):
    read = [array("q", ids) for ids in postings]
    counts = Counter(story for ids in postings for story in ids)
    expected = [story for story, n in counts.most_common(DOCUMENTED["CANDIDATES"]) if n >= DOCUMENTED["MIN_SHARED"]]
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


def test_story_decisions_do_not_depend_on_the_order_a_signatures_shingles_iterate_in():
    """A signature made in a parser process reaches the index unpickled, its shingle set rebuilt with
    another iteration order; ties between candidates, and float sums of their weights, must not see it.
    (The newsroom workload's shared template phrases make such ties: 2 of these 500 decisions differed.)"""
    from benchmarks import newsroom
    from monitor.dedup.index import StoryIndex
    from monitor.dedup.signature import signature as sign
    from monitor.ingest.parse import parse_feed

    work = newsroom.Newsroom(newsroom.Spec(seed=8, feeds=10, entries=50, now=int(NOW_SEEN.timestamp())))
    signed: list[Signature] = []
    for feed in range(10):
        parsed = parse_feed(work.document(feed), f"http://127.0.0.1/{work.path(feed)}", work.name(feed))
        signed += [sign(entry, NOW_SEEN + timedelta(seconds=len(signed) + i)) for i, entry in enumerate(parsed.entries)]
    reordered = [replace(sig, shingles=frozenset(reversed(sorted(sig.shingles)))) for sig in signed]
    assert any(list(a.shingles) != list(b.shingles) for a, b in zip(signed, reordered, strict=True))

    def decisions(signatures: list[Signature]) -> list[tuple[int | None, str]]:
        index, made = StoryIndex(), []
        for entry_id, sig in enumerate(signatures, start=1):
            decision = index.decide(sig)
            made.append((decision.story_id, decision.reason))
            story = decision.story_id or entry_id
            index.add(entry_id, story, decision.event_id or story, sig, NOW_SEEN + timedelta(seconds=entry_id))
        return made

    assert decisions(signed) == decisions(reordered)


def test_event_decisions_are_the_same_under_any_hash_seed(tmp_path):
    """Events are found by reading keyword sets; with the keys read in set order and the weights summed
    in it, 4 of these 300 newsroom decisions (event ids and reasons) changed with ``PYTHONHASHSEED``
    (and 24 of 500): a restart could group the same entries otherwise. Two seeds, one answer."""
    run = [sys.executable, "-m", "benchmarks.dedup_serial", "--workload", "newsroom", "--feeds", "6", "--repeat", "1"]
    for seed in ("1", "2"):
        env = {**os.environ, "TMPDIR": str(tmp_path), "PYTHONHASHSEED": seed}
        subprocess.run(
            [*run, "--decisions", str(tmp_path / f"{seed}.json")], cwd=ROOT, env=env, check=True, capture_output=True
        )
    compare = [
        sys.executable,
        "-m",
        "benchmarks.dedup_serial",
        "--compare",
        str(tmp_path / "1.json"),
        str(tmp_path / "2.json"),
    ]
    same = subprocess.run(compare, cwd=ROOT, capture_output=True, text=True)
    assert same.returncode == 0 and "300 decisions compared, 0 differ" in same.stdout, same.stdout[-2000:]
